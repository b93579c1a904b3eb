/* Guarded buffers and test bookkeeping for the contract tests (see contract.h). */
#include "contract.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

unsigned long ct_failures;

static unsigned long tests_passed;
static unsigned long tests_failed;
static const char *name_filter;

static void *xmalloc(size_t n)
{
    /* malloc(0) may return NULL; the tests never need a zero-byte block to be distinct. */
    void *p = malloc(n == 0 ? 1 : n);
    if (p == NULL) {
        fputs("contract: out of memory\n", stderr);
        abort();
    }
    return p;
}

ct_buf ct_buf_new(size_t cap)
{
    ct_buf b;
    size_t total = cap + 2u * CT_GUARD_LEN;
    b.base = (unsigned char *)xmalloc(total);
    b.shadow = (unsigned char *)xmalloc(total);
    memset(b.base, (int)CT_GUARD_BYTE, total);
    memcpy(b.shadow, b.base, total);
    b.cap = cap;
    b.out = (char *)(b.base + CT_GUARD_LEN);
    return b;
}

void ct_buf_free(ct_buf *b)
{
    free(b->base);
    free(b->shadow);
    b->base = NULL;
    b->shadow = NULL;
    b->out = NULL;
}

void ct_buf_mark(ct_buf *b)
{
    memcpy(b->shadow, b->base, b->cap + 2u * CT_GUARD_LEN);
}

void ct_buf_reset(ct_buf *b)
{
    memcpy(b->base, b->shadow, b->cap + 2u * CT_GUARD_LEN);
}

int ct_guards_intact(const ct_buf *b)
{
    size_t i;
    const unsigned char *after = b->base + CT_GUARD_LEN + b->cap;
    for (i = 0; i < CT_GUARD_LEN; i++) {
        if (b->base[i] != CT_GUARD_BYTE || after[i] != CT_GUARD_BYTE) {
            return 0;
        }
    }
    return 1;
}

int ct_untouched(const ct_buf *b)
{
    return memcmp(b->base, b->shadow, b->cap + 2u * CT_GUARD_LEN) == 0;
}

int ct_tail_untouched(const ct_buf *b, size_t from)
{
    if (from >= b->cap) {
        return 1;
    }
    return memcmp(b->base + CT_GUARD_LEN + from, b->shadow + CT_GUARD_LEN + from,
                  b->cap - from) == 0;
}

char *ct_exact_copy(const char *s, size_t len)
{
    char *p = (char *)xmalloc(len);
    memcpy(p, s, len);
    return p;
}

iotwire_str_t ct_exact_str(const char *cstr)
{
    iotwire_str_t r;
    r.len = strlen(cstr);
    r.ptr = ct_exact_copy(cstr, r.len);
    return r;
}

void ct_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    ct_failures++;
    fprintf(stdout, "    %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stdout, fmt, ap);
    va_end(ap);
    fputc('\n', stdout);
}

void ct_set_filter(const char *filter)
{
    name_filter = filter;
}

void ct_summary(unsigned long *passed, unsigned long *failed)
{
    *passed = tests_passed;
    *failed = tests_failed;
}

void ct_run(const char *group, const char *name, ct_fn fn, const void *arg)
{
    char full[160];
    unsigned long before = ct_failures;
    snprintf(full, sizeof full, "%s/%s", group, name);
    if (name_filter != NULL && strstr(full, name_filter) == NULL) {
        return;
    }
    fn(arg);
    if (ct_failures == before) {
        tests_passed++;
        printf("PASS %s\n", full);
    } else {
        tests_failed++;
        printf("FAIL %s\n", full);
    }
    fflush(stdout);
}
