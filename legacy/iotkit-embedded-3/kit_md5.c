/* Replaces src/infra/infra_md5.c: utils_md5_* and utils_hmac_md5 (32 lower-case hex
 * characters, no NUL) on libiotwire's streaming MD5 and HMAC-MD5. The iotwire state fills the
 * SDK's iot_md5_context exactly (88 bytes, same total/state/buffer layout).
 *
 * Differences, on purpose: NULL or negative lengths return without effect where the SDK
 * crashed; keys over 64 bytes are hashed first (RFC 2104) where the SDK wrote nothing;
 * utils_md5_process (internal to the SDK's file) is not provided. */
#include "kit_common.h"

#if defined(INFRA_MD5)
#include "infra_md5.h"

KIT_ASSERT(md5_fits, sizeof(iotwire_md5_ctx_t) <= sizeof(iot_md5_context));
#define KIT_CTX(ctx) ((iotwire_md5_ctx_t *)(void *)(ctx))

void utils_md5_init(iot_md5_context *ctx)
{
    if (ctx != NULL) {
        memset(ctx, 0, sizeof(*ctx));
    }
}

void utils_md5_free(iot_md5_context *ctx)
{
    if (ctx != NULL) {
        iotwire_wipe(ctx, sizeof(*ctx));
    }
}

void utils_md5_clone(iot_md5_context *dst, const iot_md5_context *src)
{
    if (dst != NULL && src != NULL) {
        *dst = *src;
    }
}

void utils_md5_starts(iot_md5_context *ctx)
{
    iotwire_md5_init(KIT_CTX(ctx));
}

void utils_md5_update(iot_md5_context *ctx, const unsigned char *input, uint32_t ilen)
{
    iotwire_md5_update(KIT_CTX(ctx), input, ilen);
}

void utils_md5_finish(iot_md5_context *ctx, unsigned char output[16])
{
    size_t n;
    iotwire_md5_finish(KIT_CTX(ctx), output, 16, &n);
}

void utils_md5(const unsigned char *input, uint32_t ilen, unsigned char output[16])
{
    iotwire_md5_ctx_t h;
    size_t n;
    iotwire_md5_init(&h);
    iotwire_md5_update(&h, input, ilen);
    iotwire_md5_finish(&h, output, 16, &n);
}

void utils_hmac_md5(const char *msg, int msg_len, char *digest, const char *key, int key_len)
{
    iotwire_hmac_md5_ctx_t mac;
    uint8_t out[16];
    size_t n;
    if (msg == NULL || digest == NULL || key == NULL || msg_len < 0 || key_len < 0) {
        return;
    }
    iotwire_hmac_md5_init(&mac, (const uint8_t *)key, (size_t)key_len);
    iotwire_hmac_md5_update(&mac, (const uint8_t *)msg, (size_t)msg_len);
    if (iotwire_hmac_md5_finish(&mac, out, sizeof out, &n) == IOTWIRE_OK) {
        kit_hex(out, sizeof out, digest, KIT_HEX_LOWER);
    } else {
        iotwire_wipe(&mac, sizeof mac);
    }
    iotwire_wipe(out, sizeof out);
}
#endif /* INFRA_MD5 */
