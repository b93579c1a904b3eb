/* Replaces src/infra/infra_sha1.c: utils_sha1_*, utils_hmac_sha1 (40 lower-case hex
 * characters, no NUL) and utils_hmac_sha1_hex (20 raw bytes: the SDK's names are inverted) on
 * libiotwire's streaming SHA-1 and HMAC-SHA1. The iotwire state fills the SDK's
 * iot_sha1_context exactly (92 bytes, same total/state/buffer layout).
 *
 * Differences, on purpose: NULL or negative lengths return without effect where the SDK
 * crashed; keys over 64 bytes are hashed first (RFC 2104) where the SDK wrote nothing;
 * utils_sha1_process (internal to the SDK's file) is not provided. */
#include "kit_common.h"

#if defined(INFRA_SHA1)
#include "infra_sha1.h"

KIT_ASSERT(sha1_fits, sizeof(iotwire_sha1_ctx_t) <= sizeof(iot_sha1_context));
#define KIT_CTX(ctx) ((iotwire_sha1_ctx_t *)(void *)(ctx))

void utils_sha1_init(iot_sha1_context *ctx)
{
    if (ctx != NULL) {
        memset(ctx, 0, sizeof(*ctx));
    }
}

void utils_sha1_free(iot_sha1_context *ctx)
{
    if (ctx != NULL) {
        iotwire_wipe(ctx, sizeof(*ctx));
    }
}

void utils_sha1_clone(iot_sha1_context *dst, const iot_sha1_context *src)
{
    if (dst != NULL && src != NULL) {
        *dst = *src;
    }
}

void utils_sha1_starts(iot_sha1_context *ctx)
{
    iotwire_sha1_init(KIT_CTX(ctx));
}

void utils_sha1_update(iot_sha1_context *ctx, const unsigned char *input, uint32_t ilen)
{
    iotwire_sha1_update(KIT_CTX(ctx), input, ilen);
}

void utils_sha1_finish(iot_sha1_context *ctx, unsigned char output[20])
{
    size_t n;
    iotwire_sha1_finish(KIT_CTX(ctx), output, 20, &n);
}

void utils_sha1(const unsigned char *input, uint32_t ilen, unsigned char output[20])
{
    iotwire_sha1_ctx_t h;
    size_t n;
    iotwire_sha1_init(&h);
    iotwire_sha1_update(&h, input, ilen);
    iotwire_sha1_finish(&h, output, 20, &n);
}

/* HMAC-SHA1 of msg into out[20]; 0 when written. */
static int kit_hmac_sha1(const char *msg, int msg_len, const char *key, int key_len, uint8_t out[20])
{
    iotwire_hmac_sha1_ctx_t mac;
    size_t n;
    if (msg == NULL || key == NULL || msg_len < 0 || key_len < 0) {
        return -1;
    }
    iotwire_hmac_sha1_init(&mac, (const uint8_t *)key, (size_t)key_len);
    iotwire_hmac_sha1_update(&mac, (const uint8_t *)msg, (size_t)msg_len);
    if (iotwire_hmac_sha1_finish(&mac, out, 20, &n) != IOTWIRE_OK) {
        iotwire_wipe(&mac, sizeof mac);
        return -1;
    }
    return 0;
}

void utils_hmac_sha1(const char *msg, int msg_len, char *digest, const char *key, int key_len)
{
    uint8_t out[20];
    if (digest != NULL && kit_hmac_sha1(msg, msg_len, key, key_len, out) == 0) {
        kit_hex(out, sizeof out, digest, KIT_HEX_LOWER);
    }
    iotwire_wipe(out, sizeof out);
}

void utils_hmac_sha1_hex(const char *msg, int msg_len, char *digest, const char *key, int key_len)
{
    uint8_t out[20];
    if (digest != NULL && kit_hmac_sha1(msg, msg_len, key, key_len, out) == 0) {
        memcpy(digest, out, sizeof out);
    }
    iotwire_wipe(out, sizeof out);
}
#endif /* INFRA_SHA1 */
