/* Pattern builders: what a case must not leave on the stack (see residue.h). */
#include "residue.h"

#include <string.h>

#define RS_HMAC_BLOCK 64u

/* Appends one pattern; windows start only before `starts`. With `swap_from` > 0, the pattern
 * is bytes[swap_from - 1 ..] with every aligned 32-bit group reversed. */
static void rs_append(rs_patterns *ps, const char *name, const uint8_t *bytes, size_t len,
                      size_t starts, int swap_from)
{
    rs_pattern *pt;
    size_t skip = swap_from > 0 ? (size_t)(swap_from - 1) : 0u;
    if (skip >= len) {
        return;
    }
    bytes += skip;
    len -= skip;
    starts = starts > skip ? starts - skip : 0u;
    if (ps->count >= RS_PATTERN_MAX || len > RS_PATTERN_BYTES - ps->used) {
        ps->overflow = 1;
        return;
    }
    pt = &ps->items[ps->count++];
    pt->name = name;
    pt->offset = ps->used;
    pt->len = len;
    pt->be32 = swap_from;
    pt->starts = len < RS_WINDOW ? 0 : len - RS_WINDOW + 1u;
    if (starts < pt->starts) {
        pt->starts = starts;
    }
    memcpy(ps->bytes + ps->used, bytes, len);
    if (swap_from > 0) {
        size_t i;
        uint8_t *b = ps->bytes + ps->used;
        for (i = 0; i + 4u <= len; i += 4u) {
            uint8_t t0 = b[i], t1 = b[i + 1u];
            b[i] = b[i + 3u];
            b[i + 1u] = b[i + 2u];
            b[i + 2u] = t1;
            b[i + 3u] = t0;
        }
    }
    ps->used += len;
}

void rs_add(rs_patterns *ps, const char *name, const void *bytes, size_t len)
{
    int phase;
    rs_append(ps, name, (const uint8_t *)bytes, len, len, 0);
    for (phase = 1; phase <= 4; phase++) {
        rs_append(ps, name, (const uint8_t *)bytes, len, len, phase);
    }
}

void rs_add_text(rs_patterns *ps, const char *name, const char *text)
{
    rs_add(ps, name, text, strlen(text));
}

static int rs_nibble(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

void rs_add_hex(rs_patterns *ps, const char *name, const char *hex, size_t hex_len)
{
    uint8_t bytes[128];
    size_t i;
    if (hex_len % 2u != 0 || hex_len / 2u > sizeof bytes) {
        ps->overflow = 1;
        return;
    }
    for (i = 0; i < hex_len / 2u; i++) {
        int hi = rs_nibble(hex[2u * i]);
        int lo = rs_nibble(hex[2u * i + 1u]);
        if (hi < 0 || lo < 0) {
            ps->overflow = 1;
            return;
        }
        bytes[i] = (uint8_t)(hi << 4 | lo);
    }
    rs_add(ps, name, bytes, hex_len / 2u);
}

/* Key block `k ^ pad` over the key and up to 7 padding bytes: every window holding a key byte. */
static void rs_add_key_block(rs_patterns *ps, const char *name, const uint8_t *k, size_t len,
                             uint8_t pad)
{
    uint8_t block[RS_HMAC_BLOCK];
    size_t i;
    for (i = 0; i < RS_HMAC_BLOCK; i++) {
        block[i] = (uint8_t)((i < len ? k[i] : 0u) ^ pad);
    }
    /* The block is hashed from its start: plain, and as the big-endian words SHA loads. */
    rs_append(ps, name, block, RS_HMAC_BLOCK, len, 0);
    rs_append(ps, name, block, RS_HMAC_BLOCK, (len + 3u) & ~(size_t)3u, 1);
}

void rs_add_hmac_key(rs_patterns *ps, const char *name, const void *key, size_t len,
                     const void *block_key, size_t block_key_len)
{
    const uint8_t *k = (const uint8_t *)key;
    rs_add(ps, name, key, len);
    if (block_key != NULL) {
        rs_add(ps, "hashed key", block_key, block_key_len);
        k = (const uint8_t *)block_key;
        len = block_key_len;
    }
    if (len > RS_HMAC_BLOCK) {
        ps->overflow = 1; /* the caller forgot the hashed key */
        return;
    }
    rs_add_key_block(ps, "key ^ ipad", k, len, 0x36u);
    rs_add_key_block(ps, "key ^ opad", k, len, 0x5cu);
}

/* GF(2^8) arithmetic for the S-box (FIPS 197 section 5.1.1), computed rather than tabled. */
static uint8_t rs_gmul(uint8_t a, uint8_t b)
{
    uint8_t r = 0;
    while (b != 0) {
        if (b & 1u) {
            r ^= a;
        }
        a = (uint8_t)(((unsigned)a << 1) ^ ((a & 0x80u) ? 0x1bu : 0u));
        b >>= 1;
    }
    return r;
}

static uint8_t rs_sbox(uint8_t x)
{
    uint8_t inv = 1, s;
    int i;
    for (i = 0; i < 254; i++) { /* x^254 = x^-1, and 0 -> 0 */
        inv = rs_gmul(inv, x);
    }
    s = inv;
    for (i = 1; i <= 4; i++) {
        s ^= (uint8_t)((inv << i) | (inv >> (8 - i)));
    }
    return (uint8_t)(s ^ 0x63u);
}

void rs_add_aes_key(rs_patterns *ps, const char *name, const uint8_t key[16])
{
    uint8_t w[176];
    uint8_t rcon = 1;
    size_t i;
    memcpy(w, key, 16);
    for (i = 16; i < sizeof w; i += 4u) {
        uint8_t t[4];
        memcpy(t, w + i - 4u, 4);
        if (i % 16u == 0) {
            uint8_t t0 = t[0];
            t[0] = (uint8_t)(rs_sbox(t[1]) ^ rcon);
            t[1] = rs_sbox(t[2]);
            t[2] = rs_sbox(t[3]);
            t[3] = rs_sbox(t0);
            rcon = rs_gmul(rcon, 2);
        }
        w[i] = (uint8_t)(w[i - 16u] ^ t[0]);
        w[i + 1u] = (uint8_t)(w[i - 15u] ^ t[1]);
        w[i + 2u] = (uint8_t)(w[i - 14u] ^ t[2]);
        w[i + 3u] = (uint8_t)(w[i - 13u] ^ t[3]);
    }
    rs_add(ps, name, key, 16);
    rs_add(ps, "AES round keys", w + 16, sizeof w - 16u);
}
