/* The legacy iotkit-embedded 3.2.0 SDK's functions that correspond to the exports of
 * cases_iotwire.c, measured the same way for the published comparison (docs/SAFETY.md). Built
 * and run by scripts/residue-legacy.sh against the unmodified SDK sources and the legacy
 * footprint tool's harness (its W_coap_* entry points run the SDK's CoAP auth code without a
 * socket); never part of the CMake build. Same secrets, same patterns as cases_iotwire.c. */
#include "infra_types.h"
#include "infra_defs.h"
#include "dev_sign_api.h"
#include "coap_api.h"
#include "infra_md5.h"
#include "infra_sha1.h"
#include "infra_sha256.h"

#include "residue.h"

#include <string.h>

int iotx_aes_cbc_encrypt(const unsigned char *src, int len, const unsigned char *key, void *out);
int iotx_aes_cbc_decrypt(const unsigned char *src, int len, const unsigned char *key, void *out);
void *W_coap_session(const iotx_coap_device_info_t *dev, unsigned short msgid, unsigned int seq);
int W_coap_auth_request(void *p_context, unsigned char *buf, unsigned short buflen);
int W_coap_auth_response(void *p_context, unsigned char *dgram, int len);

#define PK "a1X2bEnP82z"
#define DN "example1"
#define DS "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD"
#define RANDOM "ad2b3a5eb51d64ab"
/* The MQTT sign content of PK/DN (what IOT_Sign_MQTT signs). */
#define CONTENT "clientId" PK "." DN "deviceName" DN "productKey" PK "timestamp2524608000000"

static uint8_t g_mac[32];
static char g_hex[80];
static unsigned char g_buf[1024];

static const uint8_t k_aes_key[16] = {0x03, 0xd6, 0x7b, 0x82, 0x94, 0xa6, 0x64, 0x73,
                                      0x14, 0xcc, 0x37, 0x6a, 0xb6, 0x1d, 0x09, 0x0a};

static void pat_device_secret(rs_patterns *ps)
{
    rs_add_hmac_key(ps, "device secret", DS, strlen(DS), NULL, 0);
}

static void pat_mac_text(rs_patterns *ps, const char *name, const char *text)
{
    rs_add_text(ps, name, text);
    rs_add_hex(ps, "MAC", text, strlen(text));
}

static int32_t call_hmac_sha256(void)
{
    utils_hmac_sha256((const uint8_t *)CONTENT, (uint32_t)strlen(CONTENT), (const uint8_t *)DS,
                      (uint32_t)strlen(DS), g_mac);
    return 0;
}
static void pat_hmac_sha256(rs_patterns *ps)
{
    pat_device_secret(ps);
    rs_add(ps, "MAC", g_mac, 32);
}

/* The MD5 and SHA-1 HMACs write lower-case hex text. */
static int32_t call_hmac_md5(void)
{
    utils_hmac_md5(CONTENT, (int)strlen(CONTENT), g_hex, DS, (int)strlen(DS));
    return 0;
}
static int32_t call_hmac_sha1(void)
{
    utils_hmac_sha1(CONTENT, (int)strlen(CONTENT), g_hex, DS, (int)strlen(DS));
    return 0;
}
static void pat_hmac_hex(rs_patterns *ps)
{
    pat_device_secret(ps);
    pat_mac_text(ps, "sign", g_hex);
}

static iotx_dev_meta_info_t g_meta;
static iotx_sign_mqtt_t g_signout;
static int32_t call_iot_sign_mqtt(void)
{
    memset(&g_meta, 0, sizeof g_meta);
    strcpy(g_meta.product_key, PK);
    strcpy(g_meta.device_name, DN);
    strcpy(g_meta.device_secret, DS);
    return IOT_Sign_MQTT(IOTX_CLOUD_REGION_SHANGHAI, &g_meta, &g_signout);
}
static void pat_iot_sign_mqtt(rs_patterns *ps)
{
    pat_device_secret(ps);
    pat_mac_text(ps, "password", g_signout.password);
}

/* CoAP: the auth request (hmacmd5 sign) and the 2.05 reply that derives the AES key. */
static iotx_coap_device_info_t g_dev;
static void *coap_session(void)
{
    memset(&g_dev, 0, sizeof g_dev);
    strcpy(g_dev.product_key, PK);
    strcpy(g_dev.device_name, DN);
    strcpy(g_dev.device_id, PK "." DN);
    strcpy(g_dev.device_secret, DS);
    return W_coap_session(&g_dev, 1000, 1000);
}

static int32_t call_coap_auth_request(void)
{
    int n = W_coap_auth_request(coap_session(), g_buf, sizeof g_buf);
    return n > 0 ? 0 : -1;
}
static void pat_coap_auth_request(rs_patterns *ps)
{
    const char *at = strstr((const char *)g_buf + 4, "\"sign\":\"");
    pat_device_secret(ps);
    if (at == NULL) {
        ps->overflow = 1;
        return;
    }
    memcpy(g_hex, at + 8, 32);
    g_hex[32] = '\0';
    pat_mac_text(ps, "sign", g_hex);
}

static const uint8_t k_auth_reply[] = {
    0x64, 0x45, 0x03, 0xe8, 0x04, 0x03, 0x02, 0x01, 0xff, '{', '"', 'r', 'a', 'n', 'd',
    'o',  'm',  '"',  ':',  '"',  'a',  'd',  '2',  'b',  '3', 'a', '5', 'e', 'b', '5',
    '1',  'd',  '6',  '4',  'a',  'b',  '"',  ',',  '"',  's', 'e', 'q', 'O', 'f', 'f',
    's',  'e',  't',  '"',  ':',  '1',  ',',  '"',  't',  'o', 'k', 'e', 'n', '"', ':',
    '"',  'T',  '"',  '}'};
static unsigned char g_reply[sizeof k_auth_reply + 1];

static int32_t call_coap_key_derivation(void)
{
    void *c = coap_session();
    /* The SDK parses the payload in place, NUL-terminated. */
    memcpy(g_reply, k_auth_reply, sizeof k_auth_reply);
    g_reply[sizeof k_auth_reply] = 0;
    return W_coap_auth_response(c, g_reply, (int)sizeof k_auth_reply);
}
/* The key: SHA-256(DS "," RANDOM) bytes [8, 24), computed with the SDK's own SHA-256. */
static void pat_coap_key(rs_patterns *ps)
{
    uint8_t digest[32];
    utils_sha256((const uint8_t *)DS "," RANDOM, (uint32_t)strlen(DS "," RANDOM), digest);
    pat_device_secret(ps);
    rs_add_aes_key(ps, "derived key", digest + 8);
}

static const char k_plain[] = "{\"id\":\"1\",\"version\":\"1.0\",\"params\":{\"temperature\":21}}";
static unsigned char g_cipher[128];
static int call_aes_encrypt(void)
{
    int n = iotx_aes_cbc_encrypt((const unsigned char *)k_plain, (int)strlen(k_plain), k_aes_key,
                                 g_cipher);
    return n > 0 ? 0 : -1;
}
static int32_t call_aes_encrypt_case(void)
{
    return call_aes_encrypt();
}
static int32_t call_aes_decrypt(void)
{
    int n;
    if (call_aes_encrypt() != 0) {
        return -1;
    }
    n = iotx_aes_cbc_decrypt(g_cipher, 64, k_aes_key, g_buf);
    return n > 0 ? 0 : -1;
}
static void pat_aes_key(rs_patterns *ps)
{
    rs_add_aes_key(ps, "AES key", k_aes_key);
}

const rs_case rs_cases[] = {
    {"utils_hmac_sha256", call_hmac_sha256, pat_hmac_sha256},
    {"utils_hmac_md5", call_hmac_md5, pat_hmac_hex},
    {"utils_hmac_sha1", call_hmac_sha1, pat_hmac_hex},
    {"IOT_Sign_MQTT", call_iot_sign_mqtt, pat_iot_sign_mqtt},
    {"CoAP auth request (iotx_calc_sign_with_seq)", call_coap_auth_request, pat_coap_auth_request},
    {"CoAP key derivation (iotx_parse_auth_from_json)", call_coap_key_derivation, pat_coap_key},
    {"iotx_aes_cbc_encrypt", call_aes_encrypt_case, pat_aes_key},
    {"iotx_aes_cbc_decrypt", call_aes_decrypt, pat_aes_key},
};

const size_t rs_case_count = sizeof rs_cases / sizeof rs_cases[0];
