/* Replaces utils_hmac_md5() of src/infra/infra_md5.c: 32 lower-case hex characters (no NUL, as
 * the SDK wrote) of HMAC-MD5, on libiotwire's streaming HMAC. Differences, on purpose: keys over
 * 64 bytes are hashed first (RFC 2104), where the SDK wrote nothing; negative lengths return
 * without effect where the SDK crashed; NULL arguments return without effect, as in the SDK. */
#include "kit_common.h"

#if defined(INFRA_MD5)
#include "infra_md5.h"

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
