/* Replaces src/infra/infra_sha256.c: utils_sha256_* and utils_hmac_sha256 on libiotwire's
 * streaming SHA-256 and HMAC-SHA256. The iotwire state lives inside the SDK's own
 * iot_sha256_context (104 of its 108 bytes, the same total/state/buffer layout), so callers
 * keep their structs; finish and free wipe it.
 *
 * Differences, on purpose: NULL arguments return without effect where the SDK crashed; keys
 * over 64 bytes are hashed first (RFC 2104) where the SDK returned without writing `output`;
 * utils_sha256_process (internal to the SDK's file, called by no other file) is not provided. */
#include "kit_common.h"

#if defined(INFRA_SHA256)
#include "infra_sha256.h"

KIT_ASSERT(sha256_fits, sizeof(iotwire_sha256_ctx_t) <= sizeof(iot_sha256_context));
#define KIT_CTX(ctx) ((iotwire_sha256_ctx_t *)(void *)(ctx))

void utils_sha256_init(iot_sha256_context *ctx)
{
    if (ctx != NULL) {
        memset(ctx, 0, sizeof(*ctx));
    }
}

void utils_sha256_free(iot_sha256_context *ctx)
{
    if (ctx != NULL) {
        iotwire_wipe(ctx, sizeof(*ctx));
    }
}

void utils_sha256_starts(iot_sha256_context *ctx)
{
    iotwire_sha256_init(KIT_CTX(ctx));
}

void utils_sha256_update(iot_sha256_context *ctx, const unsigned char *input, uint32_t ilen)
{
    iotwire_sha256_update(KIT_CTX(ctx), input, ilen);
}

void utils_sha256_finish(iot_sha256_context *ctx, uint8_t output[32])
{
    size_t n;
    iotwire_sha256_finish(KIT_CTX(ctx), output, 32, &n);
}

void utils_sha256(const uint8_t *input, uint32_t ilen, uint8_t output[32])
{
    iotwire_sha256_ctx_t h;
    size_t n;
    iotwire_sha256_init(&h);
    iotwire_sha256_update(&h, input, ilen);
    iotwire_sha256_finish(&h, output, 32, &n);
}

void utils_hmac_sha256(const uint8_t *msg, uint32_t msg_len, const uint8_t *key, uint32_t key_len, uint8_t output[32])
{
    iotwire_hmac_sha256_ctx_t mac;
    size_t n;
    if (msg == NULL || key == NULL || output == NULL) {
        return;
    }
    iotwire_hmac_sha256_init(&mac, key, key_len);
    iotwire_hmac_sha256_update(&mac, msg, msg_len);
    if (iotwire_hmac_sha256_finish(&mac, output, 32, &n) != IOTWIRE_OK) {
        iotwire_wipe(&mac, sizeof mac);
    }
}
#endif /* INFRA_SHA256 */
