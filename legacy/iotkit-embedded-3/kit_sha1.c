/* Replaces the streaming utils_sha1_* API of src/infra/infra_sha1.c on libiotwire's
 * streaming SHA-1. The iotwire state lives inside the SDK's own iot_sha1_context (all 92 bytes,
 * the same total/state/buffer layout), so callers keep their structs; finish and free wipe it.
 * The one-shot and HMAC functions of the same file are kit_sha1_once.c and kit_sha1_hmac.c
 * (one object each: a program links only what it calls).
 *
 * Differences, on purpose: a NULL context returns without effect where the SDK crashed;
 * utils_sha1_process (internal to the SDK's file, called by no other file) is not provided. */
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
#endif /* INFRA_SHA1 */
