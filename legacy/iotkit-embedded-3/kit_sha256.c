/* Replaces the streaming utils_sha256_* API of src/infra/infra_sha256.c on libiotwire's
 * streaming SHA-256. The iotwire state lives inside the SDK's own iot_sha256_context (104 of
 * its 108 bytes, the same total/state/buffer layout), so callers keep their structs; finish
 * and free wipe it. The one-shot SHA-256 and HMAC-SHA256 of the same file are
 * kit_sha256_once.c (one object each: a program links only what it calls).
 *
 * Differences, on purpose: a NULL context returns without effect where the SDK crashed;
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

void utils_sha256_finish(iot_sha256_context *ctx, unsigned char output[32])
{
    size_t n;
    iotwire_sha256_finish(KIT_CTX(ctx), output, 32, &n);
}
#endif /* INFRA_SHA256 */
