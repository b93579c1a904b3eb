/* Replaces src/infra/infra_aes.c: the infra_aes128_* handle API (AES-128-CBC, caller's IV, no
 * padding) on libiotwire's AES-128-CBC. A handle continues one CBC stream across calls, as the
 * SDK's did; it comes from HAL_Malloc and is wiped before HAL_Free.
 *
 * Differences, on purpose: a 0-block or over-long call returns -1 (the SDK's encrypt returned
 * an uninitialised value for 0 blocks); encrypting with a decryption handle or the reverse
 * returns -1 (the SDK produced garbage); the CFB helpers and the mbedTLS-derived
 * infra_aes_* block API (called by no other SDK file; the CoAP CFB code is compiled out) are
 * not provided. */
#include "kit_common.h"

#if defined(INFRA_AES)
#include "infra_compat.h"
#include "infra_aes.h"

typedef struct {
    iotwire_aes128_cbc_ctx_t cbc;
    AES_DIR_t dir;
} kit_aes_t;

p_Aes128_t infra_aes128_init(const uint8_t *key, const uint8_t *iv, AES_DIR_t dir)
{
    kit_aes_t *h;
    if (key == NULL || iv == NULL) {
        return NULL;
    }
    h = (kit_aes_t *)HAL_Malloc(sizeof(kit_aes_t));
    if (h == NULL) {
        return NULL;
    }
    if (iotwire_aes128_cbc_init(&h->cbc, key, 16, iv, 16) != IOTWIRE_OK) {
        HAL_Free(h);
        return NULL;
    }
    h->dir = dir;
    return (p_Aes128_t)h;
}

int infra_aes128_destroy(p_Aes128_t aes)
{
    if (aes == NULL) {
        return -1;
    }
    iotwire_wipe(aes, sizeof(kit_aes_t));
    HAL_Free(aes);
    return 0;
}

/* `blocks` blocks from src to dst. Overlapping buffers (the SDK allowed src == dst) go one
 * block at a time through a copy, which is what the SDK's per-block loop did. */
static int kit_cbc(p_Aes128_t aes, AES_DIR_t dir, const void *src, size_t blocks, void *dst)
{
    kit_aes_t *h = (kit_aes_t *)aes;
    const uint8_t *in = (const uint8_t *)src;
    uint8_t *out = (uint8_t *)dst;
    size_t n, i;
    int32_t rc = IOTWIRE_OK;

    if (h == NULL || src == NULL || dst == NULL || blocks == 0 || blocks > ((size_t)-1) / 16 || h->dir != dir) {
        return -1;
    }
    if ((uintptr_t)in + 16 * blocks <= (uintptr_t)out || (uintptr_t)out + 16 * blocks <= (uintptr_t)in) {
        rc = dir == AES_ENCRYPTION
                 ? iotwire_aes128_cbc_encrypt(&h->cbc, in, 16 * blocks, out, 16 * blocks, &n)
                 : iotwire_aes128_cbc_decrypt(&h->cbc, in, 16 * blocks, out, 16 * blocks, &n);
        return rc == IOTWIRE_OK ? 0 : -1;
    }
    for (i = 0; i < blocks && rc == IOTWIRE_OK; i++) {
        uint8_t block[16];
        memcpy(block, in + 16 * i, 16);
        rc = dir == AES_ENCRYPTION ? iotwire_aes128_cbc_encrypt(&h->cbc, block, 16, out + 16 * i, 16, &n)
                                   : iotwire_aes128_cbc_decrypt(&h->cbc, block, 16, out + 16 * i, 16, &n);
        iotwire_wipe(block, sizeof block);
    }
    return rc == IOTWIRE_OK ? 0 : -1;
}

int infra_aes128_cbc_encrypt(p_Aes128_t aes, const void *src, size_t blockNum, void *dst)
{
    return kit_cbc(aes, AES_ENCRYPTION, src, blockNum, dst);
}

int infra_aes128_cbc_decrypt(p_Aes128_t aes, const void *src, size_t blockNum, void *dst)
{
    return kit_cbc(aes, AES_DECRYPTION, src, blockNum, dst);
}
#endif /* INFRA_AES */
