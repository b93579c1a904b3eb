/* Replaces the streaming utils_md5_* API of src/infra/infra_md5.c on libiotwire's
 * streaming MD5. The iotwire state lives inside the SDK's own iot_md5_context (all 88 bytes,
 * the same total/state/buffer layout), so callers keep their structs; finish and free wipe it.
 * The one-shot and HMAC functions of the same file are kit_md5_once.c and kit_md5_hmac.c
 * (one object each: a program links only what it calls).
 *
 * Differences, on purpose: a NULL context returns without effect where the SDK crashed;
 * utils_md5_process (internal to the SDK's file, called by no other file) is not provided. */
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
#endif /* INFRA_MD5 */
