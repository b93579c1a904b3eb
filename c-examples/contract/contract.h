/* Shared helpers for the C contract tests: guarded buffers, checks and the runner API.
 *
 * Every output buffer lives on the heap between two 16-byte runs of 0xA5 (coreMQTT style), so
 * a write before or after the region is seen by the guard check, and a write past the
 * allocation is caught by ASan or valgrind. A buffer also keeps a snapshot of its expected
 * contents: "untouched" means byte-identical to that snapshot, which lets a test place inputs
 * inside an output buffer and still prove that a failing call wrote nothing. */
#ifndef CONTRACT_H
#define CONTRACT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "iotwire.h"

#define CT_GUARD_LEN 16u
#define CT_GUARD_BYTE 0xA5u
/* Value stored in *out_len before a call that must fail: it has to survive. */
#define CT_LEN_SENTINEL ((size_t)0xDEADBEEFu)

typedef struct ct_buf {
    unsigned char *base; /* guard + region + guard */
    unsigned char *shadow; /* expected contents of base */
    size_t cap; /* size of the region between the guards */
    char *out; /* first byte of the region */
} ct_buf;

/* Allocates a guarded region of cap bytes, all 0xA5, and snapshots it. Aborts on OOM. */
ct_buf ct_buf_new(size_t cap);
void ct_buf_free(ct_buf *b);
/* Re-snapshots after the test itself placed data in the region. */
void ct_buf_mark(ct_buf *b);
/* Restores the region to the snapshot (to reuse a buffer for the next call). */
void ct_buf_reset(ct_buf *b);
/* 1 when both guards still hold 0xA5. */
int ct_guards_intact(const ct_buf *b);
/* 1 when guards and region equal the snapshot. */
int ct_untouched(const ct_buf *b);
/* 1 when the region bytes [from, cap) equal the snapshot (bytes after a written NUL). */
int ct_tail_untouched(const ct_buf *b, size_t from);

/* Heap copy of exactly len bytes with no NUL, so any read past len is an ASan/valgrind error. */
char *ct_exact_copy(const char *s, size_t len);
iotwire_str_t ct_exact_str(const char *cstr);

/* Test bookkeeping. Checks do not stop a test: every failed expectation is printed. */
extern unsigned long ct_failures;
void ct_fail(const char *file, int line, const char *fmt, ...);

typedef void (*ct_fn)(const void *arg);
/* Runs one test (name may be composed from two parts) and prints PASS/FAIL. */
void ct_run(const char *group, const char *name, ct_fn fn, const void *arg);
/* Only tests whose "group/name" contains filter run (NULL: all). */
void ct_set_filter(const char *filter);
void ct_summary(unsigned long *passed, unsigned long *failed);

/* Test suites, one per file. */
void ct_suite_text(void);
void ct_suite_password_mac(void);
void ct_suite_legacy(void);
void ct_suite_misc(void);
/* test_enos.c (nothing without IOTWIRE_HAS_ENOS) */
void ct_suite_enos(void);
void ct_suite_enos_activate(void);
/* test_coap.c, built when the library has IOTWIRE_HAS_COAP_SYMMETRIC */
void ct_suite_coap(void);
/* test_http.c (empty without IOTWIRE_HAS_HTTP) */
void ct_suite_http(void);
void ct_suite_coap_auth(void);
void ct_suite_mqtt_codec(void);
void ct_suite_topics(void);
/* test_crypto.c (empty without IOTWIRE_HAS_CRYPTO) */
void ct_suite_crypto(void);
/* test_diagnose.c (empty without IOTWIRE_HAS_DIAGNOSE) */
void ct_suite_diagnose(void);
/* test_legacy_header.c, built only when include/legacy/dev_sign_api.h exists */
void ct_suite_legacy_header(void);

#define CT_CHECK(cond)                                                                       \
    do {                                                                                     \
        if (!(cond)) {                                                                       \
            ct_fail(__FILE__, __LINE__, "%s", #cond);                                        \
        }                                                                                    \
    } while (0)

#define CT_CHECK_RC(got, want)                                                               \
    do {                                                                                     \
        int32_t ct_got_ = (int32_t)(got);                                                    \
        int32_t ct_want_ = (int32_t)(want);                                                  \
        if (ct_got_ != ct_want_) {                                                           \
            ct_fail(__FILE__, __LINE__, "%s returned %ld (%s), expected %ld (%s)", #got,      \
                    (long)ct_got_, iotwire_status_str(ct_got_), (long)ct_want_,               \
                    iotwire_status_str(ct_want_));                                           \
        }                                                                                    \
    } while (0)

#define CT_CHECK_STR(got, want)                                                              \
    do {                                                                                     \
        const char *ct_g_ = (got);                                                           \
        const char *ct_w_ = (want);                                                          \
        if (ct_g_ == NULL || strcmp(ct_g_, ct_w_) != 0) {                                    \
            ct_fail(__FILE__, __LINE__, "%s is \"%s\", expected \"%s\"", #got,               \
                    ct_g_ == NULL ? "(null)" : ct_g_, ct_w_);                                \
        }                                                                                    \
    } while (0)

#define CT_CHECK_SIZE(got, want)                                                             \
    do {                                                                                     \
        size_t ct_gs_ = (got);                                                               \
        size_t ct_ws_ = (want);                                                              \
        if (ct_gs_ != ct_ws_) {                                                              \
            ct_fail(__FILE__, __LINE__, "%s is %lu, expected %lu", #got,                     \
                    (unsigned long)ct_gs_, (unsigned long)ct_ws_);                           \
        }                                                                                    \
    } while (0)

#endif /* CONTRACT_H */
