/* Replaces utils_hmac_sha1() (40 lower-case hex characters, no NUL) and utils_hmac_sha1_hex()
 * (the 20 raw bytes: the SDK's names are inverted) of src/infra/infra_sha1.c, on libiotwire's
 * streaming HMAC-SHA1. Differences, on purpose: keys over 64 bytes are hashed first (RFC 2104),
 * where the SDK wrote nothing; negative lengths return without effect where the SDK crashed;
 * NULL arguments return without effect, as in the SDK. */
#include "kit_common.h"

#if defined(INFRA_SHA1)
#include "infra_sha1.h"

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
