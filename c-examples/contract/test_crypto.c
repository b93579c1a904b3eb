/* Contract tests of the crypto exports (streaming MD5/SHA-1/SHA-256, streaming and one-shot
 * HMAC, AES-128-CBC, iotwire_wipe): known answers from FIPS 180-4, RFC 1321, RFC 2202,
 * RFC 4231 and NIST SP 800-38A F.2.1, written out here; NULL, alignment, overlap, size query,
 * a refused output leaving the state usable, and finish wiping the state. */
#include "contract.h"

#if defined(IOTWIRE_HAS_CRYPTO)

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t unhex(const char *hex, uint8_t *out, size_t cap)
{
    size_t n = strlen(hex) / 2;
    size_t i;
    for (i = 0; i < n && i < cap; i++) {
        unsigned v = 0;
        if (sscanf(hex + 2 * i, "%2x", &v) != 1) {
            abort();
        }
        out[i] = (uint8_t)v;
    }
    return i;
}

static int all_zero(const void *p, size_t n)
{
    const unsigned char *b = (const unsigned char *)p;
    size_t i;
    for (i = 0; i < n; i++) {
        if (b[i] != 0) {
            return 0;
        }
    }
    return 1;
}

static void check_digest(const uint8_t *got, size_t got_len, const char *want_hex)
{
    uint8_t want[32];
    size_t n = unhex(want_hex, want, sizeof want);
    CT_CHECK_SIZE(got_len, n);
    CT_CHECK(memcmp(got, want, n) == 0);
}

/* "abc" in one update and byte by byte, for each algorithm. */
static void t_hash_known_answers(const void *arg)
{
    static const char *msg = "abc";
    uint8_t d[32];
    size_t len = CT_LEN_SENTINEL, i;
    iotwire_md5_ctx_t m;
    iotwire_sha1_ctx_t s1;
    iotwire_sha256_ctx_t s2;
    (void)arg;

    CT_CHECK_RC(iotwire_md5_init(&m), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_md5_update(&m, (const uint8_t *)msg, 3), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_md5_finish(&m, d, sizeof d, &len), IOTWIRE_OK);
    check_digest(d, len, "900150983cd24fb0d6963f7d28e17f72");
    CT_CHECK(all_zero(&m, sizeof m));

    CT_CHECK_RC(iotwire_sha1_init(&s1), IOTWIRE_OK);
    for (i = 0; i < 3; i++) {
        CT_CHECK_RC(iotwire_sha1_update(&s1, (const uint8_t *)msg + i, 1), IOTWIRE_OK);
    }
    CT_CHECK_RC(iotwire_sha1_finish(&s1, d, sizeof d, &len), IOTWIRE_OK);
    check_digest(d, len, "a9993e364706816aba3e25717850c26c9cd0d89d");
    CT_CHECK(all_zero(&s1, sizeof s1));

    CT_CHECK_RC(iotwire_sha256_init(&s2), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_sha256_update(&s2, NULL, 0), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_sha256_update(&s2, (const uint8_t *)msg, 3), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_sha256_finish(&s2, d, sizeof d, &len), IOTWIRE_OK);
    check_digest(d, len, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CT_CHECK(all_zero(&s2, sizeof s2));

    len = CT_LEN_SENTINEL;
    CT_CHECK_RC(iotwire_sha256((const uint8_t *)msg, 3, d, sizeof d, &len), IOTWIRE_OK);
    check_digest(d, len, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/* The state contract on SHA-256 (the three algorithms share one implementation). */
static void t_hash_contract(const void *arg)
{
    iotwire_sha256_ctx_t h, before;
    uint32_t raw[30];
    ct_buf b = ct_buf_new(40);
    size_t len = CT_LEN_SENTINEL;
    (void)arg;

    CT_CHECK_RC(iotwire_sha256_init(NULL), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_sha256_init((iotwire_sha256_ctx_t *)(void *)((char *)raw + 1)),
                IOTWIRE_ERR_INVALID_ARGUMENT);
    CT_CHECK_RC(iotwire_sha256_init(&h), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_sha256_update(&h, NULL, 1), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_sha256_update(&h, (const uint8_t *)(void *)&h, 8), IOTWIRE_ERR_OVERLAP);
    CT_CHECK_RC(iotwire_sha256_update(&h, (const uint8_t *)"ab", 2), IOTWIRE_OK);
    before = h;
    /* Size query, NULL out_len, too small, out_len inside out: nothing changes. */
    CT_CHECK_RC(iotwire_sha256_finish(&h, NULL, 0, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, 32);
    len = CT_LEN_SENTINEL;
    CT_CHECK_RC(iotwire_sha256_finish(&h, (uint8_t *)b.out, b.cap, NULL), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_sha256_finish(&h, (uint8_t *)b.out, 31, &len), IOTWIRE_ERR_BUFFER_TOO_SMALL);
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    CT_CHECK_RC(iotwire_sha256_finish(&h, (uint8_t *)b.out, b.cap, (size_t *)(void *)(b.out + 4)),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK_RC(iotwire_sha256_finish(&h, (uint8_t *)(void *)&h, sizeof h, &len), IOTWIRE_ERR_OVERLAP);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK(memcmp(&h, &before, sizeof h) == 0);
    /* The state still finishes "abc" after all that. */
    CT_CHECK_RC(iotwire_sha256_update(&h, (const uint8_t *)"c", 1), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_sha256_finish(&h, (uint8_t *)b.out, 32, &len), IOTWIRE_OK);
    check_digest((const uint8_t *)b.out, len, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CT_CHECK(ct_tail_untouched(&b, 32));
    CT_CHECK(ct_guards_intact(&b));
    ct_buf_free(&b);
}

static void t_hmac_known_answers(const void *arg)
{
    static const char *hi = "Hi There";
    static const char *big = "Test Using Larger Than Block-Size Key - Hash Key First";
    uint8_t key[131], d[32];
    size_t len = CT_LEN_SENTINEL;
    iotwire_hmac_md5_ctx_t m;
    iotwire_hmac_sha1_ctx_t s1;
    iotwire_hmac_sha256_ctx_t s2;
    (void)arg;

    memset(key, 0x0b, 20);
    CT_CHECK_RC(iotwire_hmac_md5_init(&m, key, 16), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_hmac_md5_update(&m, (const uint8_t *)hi, 8), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_hmac_md5_finish(&m, d, sizeof d, &len), IOTWIRE_OK);
    check_digest(d, len, "9294727a3638bb1c13f48ef8158bfc9d");
    CT_CHECK(all_zero(&m, sizeof m));
    CT_CHECK_RC(iotwire_hmac_sha1_init(&s1, key, 20), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_hmac_sha1_update(&s1, (const uint8_t *)hi, 8), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_hmac_sha1_finish(&s1, d, sizeof d, &len), IOTWIRE_OK);
    check_digest(d, len, "b617318655057264e28bc0b6fb378c8ef146be00");
    CT_CHECK_RC(iotwire_hmac_sha256_init(&s2, key, 20), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_hmac_sha256_update(&s2, (const uint8_t *)hi, 3), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_hmac_sha256_update(&s2, (const uint8_t *)hi + 3, 5), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_hmac_sha256_finish(&s2, d, sizeof d, &len), IOTWIRE_OK);
    check_digest(d, len, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    CT_CHECK(all_zero(&s2, sizeof s2));

    /* Keys longer than a block are hashed first (RFC 2104); the legacy helpers wrote nothing. */
    memset(key, 0xaa, sizeof key);
    CT_CHECK_RC(iotwire_hmac_md5_init(&m, key, 80), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_hmac_md5_update(&m, (const uint8_t *)big, strlen(big)), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_hmac_md5_finish(&m, d, sizeof d, &len), IOTWIRE_OK);
    check_digest(d, len, "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd");
    CT_CHECK_RC(iotwire_hmac_sha1_init(&s1, key, 80), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_hmac_sha1_update(&s1, (const uint8_t *)big, strlen(big)), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_hmac_sha1_finish(&s1, d, sizeof d, &len), IOTWIRE_OK);
    check_digest(d, len, "aa4ae5e15272d00e95705637ce8a3b55ed402112");
    len = CT_LEN_SENTINEL;
    CT_CHECK_RC(iotwire_hmac_sha256(key, 131, (const uint8_t *)big, strlen(big), d, sizeof d, &len), IOTWIRE_OK);
    check_digest(d, len, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

static void t_hmac_contract(const void *arg)
{
    iotwire_hmac_sha256_ctx_t s;
    uint8_t d[32];
    size_t len = CT_LEN_SENTINEL;
    (void)arg;
    CT_CHECK_RC(iotwire_hmac_sha256_init(NULL, (const uint8_t *)"k", 1), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_hmac_sha256_init(&s, NULL, 1), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_hmac_sha256_init(&s, (const uint8_t *)(void *)&s, 8), IOTWIRE_ERR_OVERLAP);
    CT_CHECK_RC(iotwire_hmac_sha256_init(&s, NULL, 0), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_hmac_sha256_update(&s, (const uint8_t *)(void *)&s, 4), IOTWIRE_ERR_OVERLAP);
    CT_CHECK_RC(iotwire_hmac_sha256_finish(&s, d, 31, &len), IOTWIRE_ERR_BUFFER_TOO_SMALL);
    CT_CHECK_SIZE(len, CT_LEN_SENTINEL);
    CT_CHECK_RC(iotwire_hmac_sha256_finish(&s, d, sizeof d, &len), IOTWIRE_OK);
    /* HMAC-SHA256 with an empty key and message (Python hmac). */
    check_digest(d, len, "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
    CT_CHECK_RC(iotwire_hmac_sha256(NULL, 1, NULL, 0, d, sizeof d, &len), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_hmac_sha256((const uint8_t *)"k", 1, d, sizeof d, d, sizeof d, &len), IOTWIRE_ERR_OVERLAP);
    len = CT_LEN_SENTINEL;
    CT_CHECK_RC(iotwire_hmac_sha256(NULL, 0, NULL, 0, NULL, 0, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, 32);
}

/* NIST SP 800-38A F.2.1/F.2.2 (CBC-AES128), the stream continued across calls. */
static void t_aes_cbc(const void *arg)
{
    uint8_t key[16], iv[16], plain[32], cipher[32], want[32];
    ct_buf b = ct_buf_new(32);
    iotwire_aes128_cbc_ctx_t c, before;
    size_t len = CT_LEN_SENTINEL;
    (void)arg;
    unhex("2b7e151628aed2a6abf7158809cf4f3c", key, sizeof key);
    unhex("000102030405060708090a0b0c0d0e0f", iv, sizeof iv);
    unhex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51", plain, sizeof plain);
    unhex("7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2", want, sizeof want);

    CT_CHECK_RC(iotwire_aes128_cbc_init(&c, key, 15, iv, 16), IOTWIRE_ERR_INVALID_ARGUMENT);
    CT_CHECK_RC(iotwire_aes128_cbc_init(&c, key, 16, NULL, 16), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_aes128_cbc_init(NULL, key, 16, iv, 16), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_aes128_cbc_init(&c, key, 16, iv, 16), IOTWIRE_OK);
    before = c;
    CT_CHECK_RC(iotwire_aes128_cbc_encrypt(&c, plain, 15, (uint8_t *)b.out, b.cap, &len), IOTWIRE_ERR_INVALID_ARGUMENT);
    CT_CHECK_RC(iotwire_aes128_cbc_encrypt(&c, plain, 16, (uint8_t *)b.out, 15, &len), IOTWIRE_ERR_BUFFER_TOO_SMALL);
    CT_CHECK_RC(iotwire_aes128_cbc_encrypt(&c, plain, 16, NULL, 0, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, 16);
    CT_CHECK_RC(iotwire_aes128_cbc_encrypt(&c, plain, 16, plain, 16, &len), IOTWIRE_ERR_OVERLAP);
    CT_CHECK(ct_untouched(&b));
    CT_CHECK(memcmp(&c, &before, sizeof c) == 0);
    CT_CHECK_RC(iotwire_aes128_cbc_encrypt(&c, plain, 16, (uint8_t *)b.out, 16, &len), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_aes128_cbc_encrypt(&c, plain + 16, 16, (uint8_t *)b.out + 16, 16, &len), IOTWIRE_OK);
    CT_CHECK(memcmp(b.out, want, 32) == 0);
    CT_CHECK(ct_guards_intact(&b));

    CT_CHECK_RC(iotwire_aes128_cbc_init(&c, key, 16, iv, 16), IOTWIRE_OK);
    CT_CHECK_RC(iotwire_aes128_cbc_decrypt(&c, want, 32, cipher, sizeof cipher, &len), IOTWIRE_OK);
    CT_CHECK_SIZE(len, 32);
    CT_CHECK(memcmp(cipher, plain, 32) == 0);
    CT_CHECK_RC(iotwire_wipe(&c, sizeof c), IOTWIRE_OK);
    CT_CHECK(all_zero(&c, sizeof c));
    CT_CHECK_RC(iotwire_wipe(NULL, 1), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_wipe(NULL, 0), IOTWIRE_OK);
    ct_buf_free(&b);
}

/* iotwire_sha256_32: the fixed 32-byte output (utils_sha256's shape); the NULL, wrapped-range
 * and overlap refusals write nothing, and nothing past the 32 bytes is ever written. */
static void t_sha256_32(const void *arg)
{
    static const char msg[] = "abc";
    ct_buf b = ct_buf_new(40);
    (void)arg;
    CT_CHECK_RC(iotwire_sha256_32((const uint8_t *)msg, 3, (uint8_t *)b.out), IOTWIRE_OK);
    check_digest((const uint8_t *)b.out, 32, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CT_CHECK(ct_tail_untouched(&b, 32));
    CT_CHECK(ct_guards_intact(&b));
    CT_CHECK_RC(iotwire_sha256_32(NULL, 0, (uint8_t *)b.out), IOTWIRE_OK);
    check_digest((const uint8_t *)b.out, 32, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    ct_buf_mark(&b);
    CT_CHECK_RC(iotwire_sha256_32((const uint8_t *)msg, 3, NULL), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_sha256_32(NULL, 3, (uint8_t *)b.out), IOTWIRE_ERR_NULL_POINTER);
    CT_CHECK_RC(iotwire_sha256_32((const uint8_t *)msg, SIZE_MAX, (uint8_t *)b.out),
                IOTWIRE_ERR_INVALID_ARGUMENT);
    /* The message inside the output, at either end. */
    CT_CHECK_RC(iotwire_sha256_32((const uint8_t *)b.out + 31, 1, (uint8_t *)b.out),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK_RC(iotwire_sha256_32((const uint8_t *)b.out, 4, (uint8_t *)b.out + 3),
                IOTWIRE_ERR_OVERLAP);
    CT_CHECK(ct_untouched(&b));
    /* Adjacent, not overlapping: hashed. */
    CT_CHECK_RC(iotwire_sha256_32((const uint8_t *)b.out + 32, 8, (uint8_t *)b.out), IOTWIRE_OK);
    ct_buf_free(&b);
}

void ct_suite_crypto(void)
{
    ct_run("crypto", "hash known answers", t_hash_known_answers, NULL);
    ct_run("crypto", "hash contract", t_hash_contract, NULL);
    ct_run("crypto", "sha256 into 32 bytes", t_sha256_32, NULL);
    ct_run("crypto", "hmac known answers", t_hmac_known_answers, NULL);
    ct_run("crypto", "hmac contract", t_hmac_contract, NULL);
    ct_run("crypto", "aes-128-cbc", t_aes_cbc, NULL);
}

#else

void ct_suite_crypto(void)
{
}

#endif /* IOTWIRE_HAS_CRYPTO */
