/* The residue probe: paint the stack below the caller, call, scan the painted window in place.
 *
 * Nothing between the call's return and the end of the scan may write below the probe's stack
 * pointer, or the scan would read its own traces instead of the export's: the scan is written
 * out in this function with always_inline helpers, 32-bit arithmetic only (a 64-bit multiply or
 * a division is a runtime call on Cortex-M0) and no libc. Hits go to the caller's static
 * result. Must be compiled without AddressSanitizer: its redzones and fake stacks move locals
 * off the machine stack and pad frames, so the window would not be what the export left. */
#include "residue.h"

#ifndef RS_STACK_WINDOW
#if defined(__linux__) || defined(__APPLE__)
/* Hosted x86-64/aarch64 builds run at opt-level 3 with larger frames; room to spare. */
#define RS_STACK_WINDOW 32768u
#else
/* Bare metal: every export stays within 2 KiB (the gate's limit); the M0 board has 16 KiB. */
#define RS_STACK_WINDOW 4096u
#endif
#endif

#define RS_PAINT 0xA5u
/* Gap between the probe's stack pointer and the painted window: the call's return address. */
#define RS_GAP 16u
/* Window hashes: one bit each, 2^13 bits (1 KiB). */
#define RS_INDEX_BITS 13u

static uint8_t rs_index[1u << (RS_INDEX_BITS - 3u)];

size_t rs_stack_window(void)
{
    return RS_STACK_WINDOW;
}

#define RS_INLINE static inline __attribute__((always_inline))

RS_INLINE uintptr_t rs_sp(void)
{
    uintptr_t sp;
#if defined(__x86_64__)
    __asm__ volatile("mov %%rsp, %0" : "=r"(sp));
#elif defined(__i386__)
    __asm__ volatile("mov %%esp, %0" : "=r"(sp));
#elif defined(__arm__) || defined(__aarch64__)
    __asm__ volatile("mov %0, sp" : "=r"(sp));
#elif defined(__riscv)
    __asm__ volatile("mv %0, sp" : "=r"(sp));
#elif defined(__mips__)
    __asm__ volatile("move %0, $sp" : "=r"(sp));
#else
#error "residue probe: reading the stack pointer is not written for this architecture"
#endif
    return sp;
}

/* Hash of 8 bytes to RS_INDEX_BITS bits, from 32-bit words assembled byte by byte (no
 * unaligned loads, same value on any byte order). */
RS_INLINE uint32_t rs_hash(const volatile uint8_t *p)
{
    uint32_t lo = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    uint32_t hi = (uint32_t)p[4] | (uint32_t)p[5] << 8 | (uint32_t)p[6] << 16 | (uint32_t)p[7] << 24;
    uint32_t h = lo * 0x9E3779B1u ^ hi * 0x85EBCA77u;
    h ^= h >> 15;
    h *= 0xC2B2AE3Du;
    return h >> (32u - RS_INDEX_BITS);
}

RS_INLINE int rs_equal8(const volatile uint8_t *a, const uint8_t *b)
{
    unsigned i;
    for (i = 0; i < RS_WINDOW; i++) {
        if (a[i] != b[i]) {
            return 0;
        }
    }
    return 1;
}

static void rs_build_index(const rs_patterns *ps)
{
    size_t k, j;
    for (j = 0; j < sizeof rs_index; j++) {
        rs_index[j] = 0;
    }
    for (k = 0; k < ps->count; k++) {
        const rs_pattern *pt = &ps->items[k];
        for (j = 0; j < pt->starts; j++) {
            uint32_t h = rs_hash(ps->bytes + pt->offset + j);
            rs_index[h >> 3] = (uint8_t)(rs_index[h >> 3] | 1u << (h & 7u));
        }
    }
}

/* noinline: the painted window must lie below this frame, whoever calls it. */
__attribute__((noinline)) void rs_probe(int32_t (*call)(void), const rs_patterns *ps, rs_result *r)
{
    volatile uint8_t *top;
    volatile uint8_t *bottom;
    volatile uint8_t *p;
    size_t k, j;

    rs_build_index(ps);
    r->windows = 0;
    for (k = 0; k < RS_PATTERN_MAX; k++) {
        r->found[k].windows = 0;
        r->found[k].shallow = (size_t)-1;
        r->found[k].deep = 0;
    }
    top = (volatile uint8_t *)(rs_sp() - RS_GAP);
    bottom = top - RS_STACK_WINDOW;
    for (p = bottom; p < top; p++) {
        *p = RS_PAINT;
    }
    r->status = call();
    /* From here until the end: no calls. */
    for (p = bottom; p < top && *p == RS_PAINT; p++) {
    }
    r->used = (size_t)(top - p);
    for (p = bottom; p + RS_WINDOW <= top; p++) {
        uint32_t h = rs_hash(p);
        if ((rs_index[h >> 3] & (1u << (h & 7u))) == 0) {
            continue;
        }
        for (k = 0; k < ps->count; k++) {
            const rs_pattern *pt = &ps->items[k];
            for (j = 0; j < pt->starts; j++) {
                if (rs_equal8(p, ps->bytes + pt->offset + j)) {
                    size_t depth = (size_t)(top - p);
                    rs_found *f = &r->found[k];
                    f->windows++;
                    f->shallow = depth < f->shallow ? depth : f->shallow;
                    f->deep = depth > f->deep ? depth : f->deep;
                    r->windows++;
                }
            }
        }
    }
}

/* noinline, and the array is used: the pages stay mapped for the probes that follow. */
__attribute__((noinline)) void rs_prepare_stack(void)
{
#if defined(__linux__) || defined(__APPLE__)
    volatile uint8_t touch[RS_STACK_WINDOW + 4096u];
    size_t i;
    for (i = 0; i < sizeof touch; i += 64u) {
        touch[i] = 0;
    }
#endif
}
