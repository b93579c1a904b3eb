/* Secret residue on the dead stack: after an export returns, no 8-byte window of its secret,
 * of the HMAC key blocks `key ^ 0x36` / `key ^ 0x5c`, or of its secret outputs may be left in
 * the stack memory it used.
 *
 * How: the stack below the caller is painted, the export is called, and the painted window is
 * scanned in place for every 8-byte window of every pattern of the case. The scan runs inside
 * the probe function without calling anything (its helpers are always_inline, no libc, no
 * division): a call would itself write to the region being scanned. Patterns are built before
 * painting, after a first call of the same case (which gives its outputs); the measured call
 * is the second, identical one.
 *
 * Shared by the host test (c-examples/residue, CTest), the Cortex-M check under QEMU
 * (scripts/cortex-m-gate.sh) and the legacy SDK measurement (scripts/residue-legacy.sh): each
 * links this scanner with one table of cases (rs_cases). */
#ifndef RESIDUE_H
#define RESIDUE_H

#include <stddef.h>
#include <stdint.h>

/* Bytes of every window searched for. */
#define RS_WINDOW 8u
/* Patterns per case and their bytes in all (a long key with its pads and outputs is the
 * largest set, about 1.5 KB). Small: the Cortex-M0 board has 16 KiB of RAM. */
#define RS_PATTERN_MAX 32u
#define RS_PATTERN_BYTES 2048u

/* One pattern: `len` bytes at `offset` in rs_patterns.bytes; only windows starting before
 * `starts` are searched (windows lying entirely in an HMAC key block's padding carry no
 * secret). `be32` = n > 0: the bytes are the source's from byte n - 1 on, with each aligned
 * 32-bit group reversed. */
typedef struct rs_pattern {
    const char *name;
    size_t offset;
    size_t len;
    size_t starts;
    int be32;
} rs_pattern;

typedef struct rs_patterns {
    rs_pattern items[RS_PATTERN_MAX];
    size_t count;
    uint8_t bytes[RS_PATTERN_BYTES];
    size_t used;
    int overflow; /* a pattern did not fit: the case fails rather than scan for less */
} rs_patterns;

/* Adds `bytes`, and its copies with every 32-bit group byte-swapped at each of the four
 * alignments: SHA-1/SHA-256 load a block as big-endian words and keep their state as words,
 * so on a little-endian core a message schedule or a hash state holds the bytes in that
 * order, wherever in the block they were. */
void rs_add(rs_patterns *ps, const char *name, const void *bytes, size_t len);
/* rs_add of a NUL-terminated text. */
void rs_add_text(rs_patterns *ps, const char *name, const char *text);
/* rs_add of the bytes a hex text encodes (a password or PSK text is the hex of a MAC). */
void rs_add_hex(rs_patterns *ps, const char *name, const char *hex, size_t hex_len);
/* The secret `key` of an HMAC: the key itself, and the two key blocks "key ^ ipad" and
 * "key ^ opad" (over the key bytes and up to 7 bytes of their padding). A key longer than the
 * 64-byte block is hashed first (RFC 2104): pass that hash as `block_key`, else NULL. */
void rs_add_hmac_key(rs_patterns *ps, const char *name, const void *key, size_t len,
                     const void *block_key, size_t block_key_len);
/* An AES-128 key and its FIPS 197 expanded schedule (round keys 1..10). */
void rs_add_aes_key(rs_patterns *ps, const char *name, const uint8_t key[16]);

/* One export call with a known secret. `call` returns its status (0 = OK) and writes every
 * output to static storage, never to its own frame, which is inside the scanned region.
 * `patterns` adds what must not be left behind; it runs after a first call, so it may read
 * that call's outputs and call the library. */
typedef struct rs_case {
    const char *name;
    int32_t (*call)(void);
    void (*patterns)(rs_patterns *ps);
} rs_case;

/* The table of the program (cases_iotwire.c, or the legacy SDK's cases). */
extern const rs_case rs_cases[];
extern const size_t rs_case_count;

/* Where the windows of one pattern were found. */
typedef struct rs_found {
    size_t windows; /* window positions in the dead stack matching a window of the pattern */
    size_t shallow; /* least and greatest depth, in bytes below the caller's stack pointer */
    size_t deep;
} rs_found;

typedef struct rs_result {
    int32_t status; /* of the measured call */
    size_t used; /* stack bytes the call used (deepest painted byte it changed) */
    size_t windows; /* all windows found */
    rs_found found[RS_PATTERN_MAX]; /* by pattern index */
} rs_result;

/* Paints the stack window below the caller, runs `call`, and scans the window for the
 * windows of `ps`. `ps` and `r` must be static: nothing may live in the scanned region. */
void rs_probe(int32_t (*call)(void), const rs_patterns *ps, rs_result *r);
/* Bytes painted and scanned below the caller; a call that uses all of them fails the run. */
size_t rs_stack_window(void);
/* Maps the stack pages the probe paints (hosted: the kernel grows the stack on first touch). */
void rs_prepare_stack(void);

#endif /* RESIDUE_H */
