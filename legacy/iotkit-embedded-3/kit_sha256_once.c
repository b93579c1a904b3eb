/* Replaces utils_sha256() and utils_hmac_sha256() of src/infra/infra_sha256.c: the one-shot
 * SHA-256 and HMAC-SHA256 (32 raw bytes), on libiotwire's one-shot exports, which share the
 * engine of the MQTT sign. One object for both, as in the SDK's file: the Linux HAL's TLS/DTLS
 * PSK code, linked after libiot_sdk.a, calls utils_hmac_sha256 and relies on it coming along
 * with utils_sha256; a program that never calls it drops it (KIT_DROPPABLE). The streaming
 * API is kit_sha256.c.
 *
 * Differences, on purpose: keys over 64 bytes are hashed first (RFC 2104), where the SDK
 * returned without writing `output`; NULL arguments return without effect, as in the SDK. */
#include "kit_common.h"

#if defined(INFRA_SHA256)
#include "infra_sha256.h"

void utils_sha256(const uint8_t *input, uint32_t ilen, uint8_t output[32])
{
    iotwire_sha256_32(input, ilen, output);
}

KIT_DROPPABLE("utils_hmac_sha256")
void utils_hmac_sha256(const uint8_t *msg, uint32_t msg_len, const uint8_t *key, uint32_t key_len, uint8_t output[32])
{
    size_t n;
    if (msg == NULL || key == NULL || output == NULL) {
        return;
    }
    iotwire_hmac_sha256(key, key_len, msg, msg_len, output, 32, &n);
}
#endif /* INFRA_SHA256 */
