/* Runs every case of rs_cases through the residue probe (residue.h) and prints one line per
 * case: "CLEAN <case> (<n> B of stack)" or "RESIDUE <case>: <patterns>" followed by where each
 * pattern was found. The last line is "DONE" when every case is clean, else "FAILED <n>";
 * the exit status says the same.
 *
 * First, a control: a function that leaves a secret and an HMAC key block as big-endian
 * words (what a SHA block function's schedule holds) in its dead frame must be reported, or
 * the scanner is not looking where the calls put their frames and the run fails. */
#include "residue.h"

#include <stdio.h>
#include <string.h>

static rs_patterns g_patterns;
static rs_result g_result;

static const char k_control_secret[] = "control-secret-0123456789abcdefgh";

/* Leaves the control secret and `secret ^ ipad` as big-endian words in its frame. */
static __attribute__((noinline)) int32_t control_leak(void)
{
    volatile uint8_t copy[sizeof k_control_secret];
    volatile uint32_t words[16];
    size_t i;
    for (i = 0; i < sizeof copy; i++) {
        copy[i] = (uint8_t)k_control_secret[i];
    }
    for (i = 0; i < 16u; i++) {
        uint32_t w = 0;
        size_t b;
        for (b = 0; b < 4u; b++) {
            size_t at = 4u * i + b;
            uint8_t byte = (uint8_t)((at < sizeof k_control_secret - 1u ? (uint8_t)k_control_secret[at] : 0u) ^ 0x36u);
            w = w << 8 | byte;
        }
        words[i] = w;
    }
    return (int32_t)(copy[0] ^ copy[0]) + (int32_t)(words[0] ^ words[0]);
}

static void control_patterns(rs_patterns *ps)
{
    rs_add_hmac_key(ps, "control secret", k_control_secret, sizeof k_control_secret - 1u, NULL, 0);
}

/* 1 when a window of a pattern named `name` was found (`words`: of a big-endian word copy). */
static int found(const rs_result *r, const rs_patterns *ps, const char *name, int words)
{
    size_t k;
    for (k = 0; k < ps->count; k++) {
        const rs_pattern *pt = &ps->items[k];
        if (r->found[k].windows > 0 && strcmp(pt->name, name) == 0 &&
            (pt->be32 != 0) == (words != 0)) {
            return 1;
        }
    }
    return 0;
}

/* The names of the patterns found, each once, then one line per pattern variant found. */
static void report(const char *name, const rs_result *r, const rs_patterns *ps)
{
    size_t k;
    const char *sep = "";
    printf("RESIDUE %s:", name);
    for (k = 0; k < ps->count; k++) {
        size_t earlier;
        int first = 1;
        for (earlier = 0; earlier < k; earlier++) {
            first = first && strcmp(ps->items[earlier].name, ps->items[k].name) != 0;
        }
        if (first && (found(r, ps, ps->items[k].name, 0) || found(r, ps, ps->items[k].name, 1))) {
            printf("%s %s", sep, ps->items[k].name);
            sep = ",";
        }
    }
    printf(" (%lu windows)\n", (unsigned long)r->windows);
    for (k = 0; k < ps->count; k++) {
        const rs_found *f = &r->found[k];
        if (f->windows > 0) {
            printf("  %s%s: %lu windows, %lu..%lu B below the caller\n", ps->items[k].name,
                   ps->items[k].be32 ? " (as big-endian words)" : "", (unsigned long)f->windows,
                   (unsigned long)f->shallow, (unsigned long)f->deep);
        }
    }
}

static int run_case(const rs_case *c)
{
    int32_t rc;
    memset(&g_patterns, 0, sizeof g_patterns);
    rc = c->call();
    if (rc != 0) {
        printf("FAIL %s: the call returned %ld\n", c->name, (long)rc);
        return 0;
    }
    c->patterns(&g_patterns);
    if (g_patterns.overflow || g_patterns.count == 0) {
        printf("FAIL %s: patterns could not be built\n", c->name);
        return 0;
    }
    rs_probe(c->call, &g_patterns, &g_result);
    if (g_result.status != 0) {
        printf("FAIL %s: the measured call returned %ld\n", c->name, (long)g_result.status);
        return 0;
    }
    if (g_result.used + 64u >= rs_stack_window()) {
        printf("FAIL %s: used %lu B of the %lu B window\n", c->name, (unsigned long)g_result.used,
               (unsigned long)rs_stack_window());
        return 0;
    }
    if (g_result.windows > 0) {
        report(c->name, &g_result, &g_patterns);
        return 0;
    }
    printf("CLEAN %s (%lu B of stack)\n", c->name, (unsigned long)g_result.used);
    return 1;
}

int main(void)
{
    size_t i, failed = 0;
    rs_prepare_stack();

    memset(&g_patterns, 0, sizeof g_patterns);
    control_patterns(&g_patterns);
    rs_probe(control_leak, &g_patterns, &g_result);
    if (!found(&g_result, &g_patterns, "control secret", 0) ||
        !found(&g_result, &g_patterns, "key ^ ipad", 1)) {
        printf("FAIL control: a secret left in a dead frame was not found\n");
        failed++;
    } else {
        printf("CONTROL planted secret and key block found (%lu windows)\n",
               (unsigned long)g_result.windows);
    }

    for (i = 0; i < rs_case_count; i++) {
        if (!run_case(&rs_cases[i])) {
            failed++;
        }
    }
    if (failed == 0) {
        printf("%lu cases clean\nDONE\n", (unsigned long)rs_case_count);
        return 0;
    }
    printf("FAILED %lu\n", (unsigned long)failed);
    return 1;
}
