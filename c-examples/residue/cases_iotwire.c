/* Every libiotwire export that takes or derives a secret, with what it must not leave on the
 * stack: the secret (and for an HMAC its key blocks `key ^ ipad`, `key ^ opad`; for a key
 * longer than the 64-byte block also its hash), and the secret outputs (password and PSK text
 * and the MAC bytes they encode, derived AES keys with their schedule, secrets copied out of
 * replies).
 *
 * A new export is one `call_` function, one `pat_` function and one table row. Outputs go to
 * static storage (g_*): the caller's frame is inside the scanned region. Expected outputs are
 * never hard-coded here: output patterns are read from the outputs of the case's first call,
 * and the hashes of the long secret come from Python's hashlib (gen_long_keys.py). */
#include "iotwire.h"
#if defined(IOTWIRE_HAS_LEGACY_V3)
#define SUPPORT_TLS
#define MQTT_AUTO_SUBSCRIBE
#include "dev_sign_api.h"
#endif

#include "residue.h"
#include "residue_long_keys.h"

#include <string.h>

#define PK "a1X2bEnP82z"
#define DN "example1"
/* Distinct secrets per role, so a hit names the secret that leaked. */
#define DS "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD"
#define PS "zL8uK1cR4mF0tX9aQ2wE4rT6yU8iO0pA"
#define RANDOM "ad2b3a5eb51d64ab"

static char g_text[1024];
static uint8_t g_bytes[1024];
static char g_aux[256];
static size_t g_len;

static const uint8_t k_aes_key[16] = {0x03, 0xd6, 0x7b, 0x82, 0x94, 0xa6, 0x64, 0x73,
                                      0x14, 0xcc, 0x37, 0x6a, 0xb6, 0x1d, 0x09, 0x0a};

static void pat_device_secret(rs_patterns *ps)
{
    rs_add_hmac_key(ps, "device secret", DS, strlen(DS), NULL, 0);
}

static void pat_product_secret(rs_patterns *ps)
{
    rs_add_hmac_key(ps, "product secret", PS, strlen(PS), NULL, 0);
}

/* A password or PSK text in `text` and the MAC bytes it is the hex of. */
static void pat_mac_text(rs_patterns *ps, const char *name, const char *text)
{
    rs_add_text(ps, name, text);
    rs_add_hex(ps, "MAC", text, strlen(text));
}

/* ---- MQTT credentials ------------------------------------------------------------------- */
#if defined(IOTWIRE_HAS_MQTT)
static void mqtt_options(iotwire_mqtt_options_t *o, uint32_t method)
{
    (void)iotwire_mqtt_options_init(o);
    o->sign_method = method;
    o->product_key = iotwire_str(PK);
    o->device_name = iotwire_str(DN);
    o->device_secret = iotwire_str(DS);
    o->timestamp = iotwire_str("1700000000000");
}

static int32_t mqtt_password(uint32_t method, const char *secret)
{
    iotwire_mqtt_options_t o;
    mqtt_options(&o, method);
    o.device_secret = iotwire_str(secret);
    return iotwire_mqtt_get_password(&o, g_text, sizeof g_text, &g_len);
}

static int32_t call_password_sha256(void)
{
    return mqtt_password(IOTWIRE_SIGN_METHOD_HMACSHA256, DS);
}
static int32_t call_password_sha1(void)
{
    return mqtt_password(IOTWIRE_SIGN_METHOD_HMACSHA1, DS);
}
static int32_t call_password_md5(void)
{
    return mqtt_password(IOTWIRE_SIGN_METHOD_HMACMD5, DS);
}
static int32_t call_password_long_sha256(void)
{
    return mqtt_password(IOTWIRE_SIGN_METHOD_HMACSHA256, RS_LONG_SECRET);
}
static int32_t call_password_long_sha1(void)
{
    return mqtt_password(IOTWIRE_SIGN_METHOD_HMACSHA1, RS_LONG_SECRET);
}
static int32_t call_password_long_md5(void)
{
    return mqtt_password(IOTWIRE_SIGN_METHOD_HMACMD5, RS_LONG_SECRET);
}

static void pat_password(rs_patterns *ps)
{
    pat_device_secret(ps);
    pat_mac_text(ps, "password", g_text);
}

static void pat_long(rs_patterns *ps, const uint8_t *hashed, size_t len)
{
    rs_add_hmac_key(ps, "long secret", RS_LONG_SECRET, strlen(RS_LONG_SECRET), hashed, len);
    pat_mac_text(ps, "password", g_text);
}
static void pat_long_sha256(rs_patterns *ps)
{
    pat_long(ps, rs_long_key_sha256, sizeof rs_long_key_sha256);
}
static void pat_long_sha1(rs_patterns *ps)
{
    pat_long(ps, rs_long_key_sha1, sizeof rs_long_key_sha1);
}
static void pat_long_md5(rs_patterns *ps)
{
    pat_long(ps, rs_long_key_md5, sizeof rs_long_key_md5);
}

static int32_t call_password_id2(void)
{
    iotwire_mqtt_options_t o;
    mqtt_options(&o, IOTWIRE_SIGN_METHOD_DEFAULT);
    o.mode = IOTWIRE_MQTT_MODE_ID2;
    return iotwire_mqtt_get_password(&o, g_text, sizeof g_text, &g_len);
}

static int32_t dynreg_password(uint32_t mode)
{
    iotwire_mqtt_options_t o;
    mqtt_options(&o, IOTWIRE_SIGN_METHOD_DEFAULT);
    o.mode = mode;
    o.device_secret = iotwire_str("");
    o.timestamp = iotwire_str("");
    o.product_secret = iotwire_str(PS);
    o.random = iotwire_str(RANDOM);
    return iotwire_mqtt_get_password(&o, g_text, sizeof g_text, &g_len);
}
static int32_t call_password_register(void)
{
    return dynreg_password(IOTWIRE_MQTT_MODE_REGISTER);
}
static int32_t call_password_regnwl(void)
{
    return dynreg_password(IOTWIRE_MQTT_MODE_REGNWL);
}
static void pat_password_ps(rs_patterns *ps)
{
    pat_product_secret(ps);
    pat_mac_text(ps, "password", g_text);
}

/* Two-step: the MAC comes from a secure element; it and the password are the credential. */
static const uint8_t k_mac[32] = {0x5e, 0x11, 0x9a, 0x27, 0xc4, 0x80, 0x3d, 0xf2, 0x66, 0x0b, 0x9e,
                                  0x41, 0xd7, 0x2c, 0xa8, 0x13, 0x70, 0xe5, 0x39, 0x8b, 0x02, 0xcf,
                                  0x54, 0xb6, 0x1d, 0x93, 0xfa, 0x48, 0x27, 0x6e, 0xc1, 0x85};
static int32_t call_password_from_mac(void)
{
    iotwire_mqtt_options_t o;
    mqtt_options(&o, IOTWIRE_SIGN_METHOD_DEFAULT);
    o.device_secret = iotwire_str("");
    return iotwire_mqtt_get_password_from_mac(&o, k_mac, sizeof k_mac, g_text, sizeof g_text,
                                              &g_len);
}
static void pat_password_from_mac(rs_patterns *ps)
{
    rs_add(ps, "MAC", k_mac, sizeof k_mac);
    rs_add_text(ps, "password", g_text);
}

static int32_t call_tls_psk(void)
{
    iotwire_mqtt_options_t o;
    mqtt_options(&o, IOTWIRE_SIGN_METHOD_DEFAULT);
    return iotwire_mqtt_get_tls_psk(&o, g_text, sizeof g_text, &g_len);
}
static void pat_tls_psk(rs_patterns *ps)
{
    pat_device_secret(ps);
    pat_mac_text(ps, "PSK", g_text);
}

#if defined(IOTWIRE_HAS_MQTT_CODEC)
/* CONNECT carries the password, computed inside the call. */
static int32_t call_connect_encode(void)
{
    iotwire_mqtt_options_t o;
    mqtt_options(&o, IOTWIRE_SIGN_METHOD_DEFAULT);
    return iotwire_mqtt_connect_encode(&o, g_bytes, sizeof g_bytes, &g_len);
}
static void pat_connect_encode(rs_patterns *ps)
{
    iotwire_mqtt_options_t o;
    size_t len;
    mqtt_options(&o, IOTWIRE_SIGN_METHOD_DEFAULT);
    pat_device_secret(ps);
    if (iotwire_mqtt_get_password(&o, g_aux, sizeof g_aux, &len) != IOTWIRE_OK) {
        ps->overflow = 1;
        return;
    }
    pat_mac_text(ps, "password", g_aux);
}
#endif
#endif /* IOTWIRE_HAS_MQTT */

/* ---- legacy IOT_Sign_MQTT ----------------------------------------------------------------- */
#if defined(IOTWIRE_HAS_LEGACY_V3)
static iotx_dev_meta_info_t g_meta;
static iotx_sign_mqtt_t g_signout;

static void legacy_meta(void)
{
    memset(&g_meta, 0, sizeof g_meta);
    strcpy(g_meta.product_key, PK);
    strcpy(g_meta.device_name, DN);
    strcpy(g_meta.device_secret, DS);
}

/* The exported symbol, not the header's macro. */
static int32_t call_iot_sign_mqtt(void)
{
    legacy_meta();
    return (IOT_Sign_MQTT)(IOTX_CLOUD_REGION_SHANGHAI, &g_meta, &g_signout);
}

/* The header's macro: iotwire_legacy_v3_2_0_sign_mqtt with TLS and auto-subscribe. */
static int32_t call_legacy_v3_2_0_sign_mqtt(void)
{
    legacy_meta();
    return IOT_Sign_MQTT(IOTX_CLOUD_REGION_SHANGHAI, &g_meta, &g_signout);
}

/* The SDK as an argument (what the swap-in kit calls for a tree it does not know). */
static int32_t call_legacy_v3_sign_mqtt(void)
{
    legacy_meta();
    return iotwire_legacy_v3_sign_mqtt(IOTWIRE_LEGACY_SDK_V3_1_0, IOTWIRE_LEGACY_BUILD_SUPPORT_TLS,
                                       IOTX_CLOUD_REGION_SHANGHAI,
                                       NULL, (const iotwire_legacy_dev_meta_t *)(const void *)&g_meta,
                                       (iotwire_legacy_sign_mqtt_t *)(void *)&g_signout);
}

static void pat_legacy_sign(rs_patterns *ps)
{
    pat_device_secret(ps);
    pat_mac_text(ps, "password", g_signout.password);
}

static int32_t call_legacy_v3_dynreg(void)
{
    return iotwire_legacy_v3_dynreg_get(IOTWIRE_LEGACY_V3_DYNREG_SIGN, iotwire_str(PK),
                                        iotwire_str(DN), iotwire_str(PS), iotwire_str(RANDOM),
                                        g_text, sizeof g_text, &g_len);
}
static void pat_legacy_v3_dynreg(rs_patterns *ps)
{
    pat_product_secret(ps);
    pat_mac_text(ps, "sign", g_text);
}

#if defined(IOTWIRE_HAS_LEGACY_SIGN)
static int32_t legacy_sign_mqtt(uint32_t sdk, uint32_t build)
{
    legacy_meta();
    return iotwire_legacy_sign_mqtt(sdk, build, IOTX_CLOUD_REGION_SHANGHAI, NULL,
                                    (const iotwire_legacy_dev_meta_t *)(const void *)&g_meta,
                                    (iotwire_legacy_sign_mqtt_t *)(void *)&g_signout);
}
static int32_t call_legacy_sign_v320(void)
{
    return legacy_sign_mqtt(IOTWIRE_LEGACY_SDK_V3_2_0,
                            IOTWIRE_LEGACY_BUILD_SUPPORT_TLS | IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE);
}
/* 2.3.0 signs with HMAC-SHA1. */
static int32_t call_legacy_sign_v230(void)
{
    return legacy_sign_mqtt(IOTWIRE_LEGACY_SDK_V2_3_0, IOTWIRE_LEGACY_BUILD_SUPPORT_TLS);
}
#endif
#endif /* IOTWIRE_HAS_LEGACY_V3 */

/* ---- CoAP auth, DTLS-PSK ------------------------------------------------------------------ */
#if defined(IOTWIRE_HAS_COAP)
static iotwire_coap_session_t g_session;

static void coap_auth_options(iotwire_coap_auth_options_t *o, uint32_t method)
{
    (void)iotwire_coap_auth_options_init(o);
    o->profile = IOTWIRE_COAP_PROFILE_V3_2_0;
    o->sign_method = method;
    o->flags = IOTWIRE_COAP_AUTH_FLAG_SEQ;
    o->seq = 1000;
    o->product_key = iotwire_str(PK);
    o->device_name = iotwire_str(DN);
    o->device_secret = iotwire_str(DS);
}

static int32_t coap_auth_sign(uint32_t method)
{
    iotwire_coap_auth_options_t o;
    coap_auth_options(&o, method);
    if (method == IOTWIRE_SIGN_METHOD_HMACSHA256) {
        o.profile = IOTWIRE_COAP_PROFILE_DOC;
    }
    return iotwire_coap_auth_get_sign(&o, g_text, sizeof g_text, &g_len);
}
/* The 3.2.0 profile's default method is hmacmd5; hmacsha256 is the documented one. */
static int32_t call_coap_sign_md5(void)
{
    return coap_auth_sign(IOTWIRE_SIGN_METHOD_DEFAULT);
}
static int32_t call_coap_sign_sha256(void)
{
    return coap_auth_sign(IOTWIRE_SIGN_METHOD_HMACSHA256);
}
static void pat_coap_sign(rs_patterns *ps)
{
    pat_device_secret(ps);
    pat_mac_text(ps, "sign", g_text);
}

/* For the exports whose output embeds the sign: the sign of the same options, after the scan
 * input is fixed (this call is not measured). */
static void pat_coap_embedded_sign(rs_patterns *ps)
{
    iotwire_coap_auth_options_t o;
    size_t len;
    coap_auth_options(&o, IOTWIRE_SIGN_METHOD_DEFAULT);
    pat_device_secret(ps);
    if (iotwire_coap_auth_get_sign(&o, g_aux, sizeof g_aux, &len) != IOTWIRE_OK) {
        ps->overflow = 1;
        return;
    }
    pat_mac_text(ps, "sign", g_aux);
}

static int32_t call_coap_payload(void)
{
    iotwire_coap_auth_options_t o;
    coap_auth_options(&o, IOTWIRE_SIGN_METHOD_DEFAULT);
    return iotwire_coap_auth_get_payload(&o, g_bytes, sizeof g_bytes, &g_len);
}

static int32_t call_coap_build_request(void)
{
    static const uint8_t token[4] = {4, 3, 2, 1};
    iotwire_coap_auth_options_t o;
    coap_auth_options(&o, IOTWIRE_SIGN_METHOD_DEFAULT);
    return iotwire_coap_auth_build_request(&o, 1000, token, sizeof token, g_bytes, sizeof g_bytes,
                                           &g_len);
}

static int32_t call_coap_build(void)
{
    iotwire_coap_auth_options_t o;
    coap_auth_options(&o, IOTWIRE_SIGN_METHOD_DEFAULT);
    (void)iotwire_coap_session_init(&g_session, 1000);
    return iotwire_coap_auth_build(&g_session, &o, g_bytes, sizeof g_bytes, &g_len);
}

static int32_t dtls_psk_key(uint32_t form)
{
    iotwire_coap_dtls_psk_options_t o;
    (void)iotwire_coap_dtls_psk_options_init(&o);
    o.form = form;
    o.product_key = iotwire_str(PK);
    o.device_name = iotwire_str(DN);
    o.device_secret = iotwire_str(DS);
    return iotwire_coap_dtls_psk_get_key(&o, g_bytes, sizeof g_bytes, &g_len);
}
static int32_t call_dtls_psk_doc(void)
{
    return dtls_psk_key(IOTWIRE_COAP_DTLS_PSK_FORM_DOC);
}
static int32_t call_dtls_psk_sdk(void)
{
    return dtls_psk_key(IOTWIRE_COAP_DTLS_PSK_FORM_SDK);
}
/* Documented form: the key is the raw MAC. */
static void pat_dtls_psk_doc(rs_patterns *ps)
{
    pat_device_secret(ps);
    rs_add(ps, "PSK", g_bytes, g_len);
}
/* SDK form: the key is the hex text of the MAC. */
static void pat_dtls_psk_sdk(rs_patterns *ps)
{
    pat_device_secret(ps);
    memcpy(g_aux, g_bytes, g_len);
    g_aux[g_len] = '\0';
    pat_mac_text(ps, "PSK", g_aux);
}
#endif /* IOTWIRE_HAS_COAP */

/* ---- CoAP symmetric mode: key derivation and AES ----------------------------------------- */
#if defined(IOTWIRE_HAS_COAP_SYMMETRIC)
static uint8_t g_key[16];

/* The derived key, from the library's own derivation (not measured here). */
static void pat_derived_key(rs_patterns *ps)
{
    size_t len;
    pat_device_secret(ps);
    if (iotwire_coap_derive_key(iotwire_str(DS), iotwire_str(RANDOM), g_key, sizeof g_key, &len) !=
        IOTWIRE_OK) {
        ps->overflow = 1;
        return;
    }
    rs_add_aes_key(ps, "derived key", g_key);
}

static int32_t call_derive_key(void)
{
    return iotwire_coap_derive_key(iotwire_str(DS), iotwire_str(RANDOM), g_bytes, sizeof g_bytes,
                                   &g_len);
}

static int32_t call_session_derive_key(void)
{
    (void)iotwire_coap_session_init(&g_session, 1000);
    return iotwire_coap_session_derive_key(&g_session, iotwire_str(DS), iotwire_str(RANDOM));
}

/* A 2.05 reply whose random is RANDOM (message id 1000, token 04 03 02 01). */
static const uint8_t k_auth_reply[] = {
    0x64, 0x45, 0x03, 0xe8, 0x04, 0x03, 0x02, 0x01, 0xff, '{', '"', 'r', 'a', 'n', 'd',
    'o',  'm',  '"',  ':',  '"',  'a',  'd',  '2',  'b',  '3', 'a', '5', 'e', 'b', '5',
    '1',  'd',  '6',  '4',  'a',  'b',  '"',  ',',  '"',  's', 'e', 'q', 'O', 'f', 'f',
    's',  'e',  't',  '"',  ':',  '1',  ',',  '"',  't',  'o', 'k', 'e', 'n', '"', ':',
    '"',  'T',  '"',  '}'};
static iotwire_coap_auth_reply_t g_reply;

static int32_t call_accept_response(void)
{
    iotwire_coap_auth_options_t o;
    coap_auth_options(&o, IOTWIRE_SIGN_METHOD_DEFAULT);
    (void)iotwire_coap_session_init(&g_session, 1000);
    return iotwire_coap_auth_accept_response(&g_session, &o, k_auth_reply, sizeof k_auth_reply,
                                             &g_reply);
}

static void pat_aes_key(rs_patterns *ps)
{
    rs_add_aes_key(ps, "AES key", k_aes_key);
}

static int32_t call_session_set_key(void)
{
    (void)iotwire_coap_session_init(&g_session, 1000);
    return iotwire_coap_session_set_key(&g_session, k_aes_key, sizeof k_aes_key);
}

static int32_t call_publish_build(void)
{
    iotwire_coap_publish_options_t po;
    (void)iotwire_coap_session_init(&g_session, 1000);
    (void)iotwire_coap_session_set_auth_token(&g_session, iotwire_str("TOKEN00.abcd"));
    (void)iotwire_coap_session_set_key(&g_session, k_aes_key, sizeof k_aes_key);
    (void)iotwire_coap_session_set_next_seq(&g_session, 1);
    (void)iotwire_coap_publish_options_init(&po);
    po.topic = iotwire_str("/sys/" PK "/" DN "/thing/event/property/post");
    po.payload = iotwire_str("{\"id\":\"0\",\"version\":\"1.0\",\"params\":{\"t\":0}}");
    return iotwire_coap_publish_build(&g_session, &po, g_bytes, sizeof g_bytes, &g_len);
}

/* An encrypted 2.05 with option 2090 (the coap-dec-01 vector's ciphertext under k_aes_key). */
static const uint8_t k_encrypted_response[] = {
    0x64, 0x45, 0x12, 0x34, 5,    3,    2,    1,    0xe4, 0x07, 0x1d, '8',  '8',  '9',  '9',  0xff,
    0xd4, 0x3c, 0xf5, 0x0a, 0x52, 0x38, 0xe9, 0x7f, 0xc7, 0xd6, 0xc8, 0xc2, 0xbe, 0x88, 0x33, 0x27,
    0x92, 0xde, 0x8d, 0x0e, 0x08, 0x73, 0xbd, 0x53, 0x72, 0xa7, 0xd6, 0xb6, 0xcc, 0x60, 0xa5, 0x5f};
static iotwire_coap_response_t g_response;

static int32_t call_parse_response(void)
{
    (void)iotwire_coap_session_init(&g_session, 1);
    (void)iotwire_coap_session_set_key(&g_session, k_aes_key, sizeof k_aes_key);
    return iotwire_coap_parse_response(&g_session, k_encrypted_response,
                                       sizeof k_encrypted_response, &g_response, g_bytes,
                                       sizeof g_bytes, &g_len);
}

static const char k_plain[] = "{\"id\":\"1\",\"version\":\"1.0\",\"params\":{\"temperature\":21}}";
static uint8_t g_cipher[128];
static size_t g_cipher_len;

static int32_t call_aes_encrypt(void)
{
    return iotwire_coap_aes_encrypt(k_aes_key, sizeof k_aes_key, (const uint8_t *)k_plain,
                                    sizeof k_plain - 1u, g_bytes, sizeof g_bytes, &g_len);
}

static int32_t call_aes_decrypt(void)
{
    if (g_cipher_len == 0) {
        int32_t rc = iotwire_coap_aes_encrypt(k_aes_key, sizeof k_aes_key, (const uint8_t *)k_plain,
                                              sizeof k_plain - 1u, g_cipher, sizeof g_cipher,
                                              &g_cipher_len);
        if (rc != IOTWIRE_OK) {
            return rc;
        }
    }
    return iotwire_coap_aes_decrypt(k_aes_key, sizeof k_aes_key, g_cipher, g_cipher_len, g_bytes,
                                    sizeof g_bytes, &g_len);
}
#endif /* IOTWIRE_HAS_COAP_SYMMETRIC */

/* ---- EnOS --------------------------------------------------------------------------------- */
#if defined(IOTWIRE_HAS_ENOS)
static void enos_options(iotwire_enos_options_t *o)
{
    (void)iotwire_enos_options_init(o);
    o->product_key = iotwire_str("pk123456");
    o->device_key = iotwire_str("860123456789012");
    o->device_secret = iotwire_str(DS);
    o->product_secret = iotwire_str(PS);
    o->lifetime_s = 300;
}

static int32_t enos_psk_key(uint32_t secure_mode)
{
    iotwire_enos_options_t o;
    enos_options(&o);
    o.secure_mode = secure_mode;
    return iotwire_enos_get_psk_key(&o, g_bytes, sizeof g_bytes, &g_len);
}
static int32_t call_enos_psk_ds(void)
{
    return enos_psk_key(IOTWIRE_ENOS_SECURE_MODE_DEVICE_SECRET);
}
static int32_t call_enos_psk_ps(void)
{
    return enos_psk_key(IOTWIRE_ENOS_SECURE_MODE_PRODUCT_SECRET);
}
static void pat_enos_psk_ds(rs_patterns *ps)
{
    rs_add_text(ps, "device secret", DS);
    rs_add(ps, "PSK", g_bytes, g_len);
}
static void pat_enos_psk_ps(rs_patterns *ps)
{
    rs_add_text(ps, "product secret", PS);
    rs_add(ps, "PSK", g_bytes, g_len);
}

/* EnOS hashes content + secret (no HMAC): the secret and the password digest. */
static int32_t call_enos_password(void)
{
    iotwire_enos_options_t o;
    enos_options(&o);
    return iotwire_enos_mqtt_get_password(&o, g_text, sizeof g_text, &g_len);
}
static void pat_enos_password(rs_patterns *ps)
{
    rs_add_text(ps, "device secret", DS);
    pat_mac_text(ps, "password", g_text);
}

/* The activation reply carries the device secret; the export copies it out. */
#define ENOS_REPLY_SECRET "q3HcT0wBf9vZ2kLmA7sD5fG3hJ1kL9zX"
static const uint8_t k_activate_reply[] =
    "\x62\x45\x12\x34\xA1\xB2\xC1\x32\xFF"
    "{\"id\":\"1001\",\"params\":{\"assetId\":\"Yx8Gkd2p\",\"productKey\":\"pk123456\","
    "\"deviceKey\":\"860123456789012\",\"deviceSecret\":\"" ENOS_REPLY_SECRET "\"}}";
static int32_t call_enos_activate_secret(void)
{
    iotwire_enos_options_t o;
    (void)iotwire_enos_options_init(&o);
    o.product_key = iotwire_str("pk123456");
    o.device_key = iotwire_str("860123456789012");
    return iotwire_enos_activate_get_device_secret(&o, k_activate_reply,
                                                   sizeof k_activate_reply - 1u, g_text,
                                                   sizeof g_text, &g_len);
}
static void pat_enos_activate_secret(rs_patterns *ps)
{
    rs_add_text(ps, "device secret", ENOS_REPLY_SECRET);
}
#endif /* IOTWIRE_HAS_ENOS */

/* ---- HTTPS -------------------------------------------------------------------------------- */
#if defined(IOTWIRE_HAS_HTTP)
static int32_t http_auth(uint32_t part, char *out, size_t cap, size_t *len)
{
    iotwire_http_auth_options_t o;
    (void)iotwire_http_auth_options_init(&o);
    o.product_key = iotwire_str(PK);
    o.device_name = iotwire_str(DN);
    o.device_secret = iotwire_str(DS);
    o.timestamp = iotwire_str("1700000000000");
    return iotwire_http_get_auth(&o, part, out, cap, len);
}
static int32_t call_http_auth(void)
{
    return http_auth(IOTWIRE_HTTP_PART_REQUEST, g_text, sizeof g_text, &g_len);
}
static void pat_http_auth(rs_patterns *ps)
{
    size_t len;
    pat_device_secret(ps);
    if (http_auth(IOTWIRE_HTTP_PART_SIGN, g_aux, sizeof g_aux, &len) != IOTWIRE_OK) {
        ps->overflow = 1;
        return;
    }
    pat_mac_text(ps, "sign", g_aux);
}

static int32_t dynreg_https(uint32_t part, char *out, size_t cap, size_t *len)
{
    iotwire_dynreg_https_options_t o;
    (void)iotwire_dynreg_https_options_init(&o);
    o.product_key = iotwire_str(PK);
    o.device_name = iotwire_str(DN);
    o.product_secret = iotwire_str(PS);
    o.random = iotwire_str(RANDOM);
    return iotwire_dynreg_https_get(&o, part, out, cap, len);
}
static int32_t call_dynreg_https(void)
{
    return dynreg_https(IOTWIRE_HTTP_PART_REQUEST, g_text, sizeof g_text, &g_len);
}
static void pat_dynreg_https(rs_patterns *ps)
{
    size_t len;
    pat_product_secret(ps);
    if (dynreg_https(IOTWIRE_HTTP_PART_SIGN, g_aux, sizeof g_aux, &len) != IOTWIRE_OK) {
        ps->overflow = 1;
        return;
    }
    pat_mac_text(ps, "sign", g_aux);
}

#define REPLY_SECRET "DSr3plyX9kLm2QwE4rT6yU8iO0pAsDfG"
#define REPLY_TOKEN "8b5fa5c1e0b14d3c9a7e2f6d4b1c0e8a"
static const char k_register_reply[] = "{\"code\":200,\"data\":{\"productKey\":\"" PK
                                       "\",\"deviceName\":\"" DN "\",\"deviceSecret\":\"" REPLY_SECRET
                                       "\"}}";
static const char k_regnwl_reply[] = "{\"productKey\":\"" PK "\",\"deviceName\":\"" DN
                                     "\",\"clientId\":\"" PK "." DN ".c1\",\"deviceToken\":\"" REPLY_TOKEN
                                     "\"}";
static int32_t call_register_reply_secret(void)
{
    return iotwire_register_reply_get(IOTWIRE_REPLY_HTTPS_REGISTER,
                                      (const uint8_t *)k_register_reply, sizeof k_register_reply - 1u,
                                      IOTWIRE_REPLY_FIELD_DEVICE_SECRET, g_text, sizeof g_text,
                                      &g_len);
}
static void pat_register_reply_secret(rs_patterns *ps)
{
    rs_add_text(ps, "device secret", REPLY_SECRET);
}
static int32_t call_register_reply_token(void)
{
    return iotwire_register_reply_get(IOTWIRE_REPLY_EXT_REGNWL, (const uint8_t *)k_regnwl_reply,
                                      sizeof k_regnwl_reply - 1u, IOTWIRE_REPLY_FIELD_DEVICE_TOKEN,
                                      g_text, sizeof g_text, &g_len);
}
static void pat_register_reply_token(rs_patterns *ps)
{
    rs_add_text(ps, "device token", REPLY_TOKEN);
}
#endif /* IOTWIRE_HAS_HTTP */

/* ---- swap-in kit: hash, HMAC and AES exports (Cargo feature crypto) ------------------------- */
#if defined(IOTWIRE_HAS_CRYPTO)
static const char k_message[] = "clientId" PK "." DN "deviceName" DN "productKey" PK;

/* The legacy SDK hashes secrets too (CoAP key derivation): the input is the secret here. */
static int32_t call_sha256(void)
{
    return iotwire_sha256((const uint8_t *)DS, strlen(DS), g_bytes, sizeof g_bytes, &g_len);
}
/* The swap-in kit's utils_sha256. */
static int32_t call_sha256_32(void)
{
    g_len = 32;
    return iotwire_sha256_32((const uint8_t *)DS, strlen(DS), g_bytes);
}
static void pat_sha256(rs_patterns *ps)
{
    rs_add_text(ps, "device secret", DS);
    rs_add(ps, "digest", g_bytes, g_len);
}

static int32_t call_hmac_sha256(void)
{
    return iotwire_hmac_sha256((const uint8_t *)DS, strlen(DS), (const uint8_t *)k_message,
                               sizeof k_message - 1u, g_bytes, sizeof g_bytes, &g_len);
}
/* A key and a MAC in g_bytes. */
static void pat_hmac_bytes(rs_patterns *ps)
{
    pat_device_secret(ps);
    rs_add(ps, "MAC", g_bytes, g_len);
}

/* Streaming HMACs: the whole init/update/finish sequence in one measured call (the context
 * is static: it is the caller's memory). */
#define KIT_HMAC(alg)                                                                              \
    static iotwire_hmac_##alg##_ctx_t g_hmac_##alg;                                               \
    static int32_t call_hmac_##alg##_stream(void)                                                 \
    {                                                                                              \
        int32_t rc = iotwire_hmac_##alg##_init(&g_hmac_##alg, (const uint8_t *)DS, strlen(DS));   \
        if (rc == IOTWIRE_OK) {                                                                    \
            rc = iotwire_hmac_##alg##_update(&g_hmac_##alg, (const uint8_t *)k_message,           \
                                             sizeof k_message - 1u);                               \
        }                                                                                          \
        return rc == IOTWIRE_OK ? iotwire_hmac_##alg##_finish(&g_hmac_##alg, g_bytes,             \
                                                               sizeof g_bytes, &g_len)            \
                                : rc;                                                              \
    }
KIT_HMAC(md5)
KIT_HMAC(sha1)
KIT_HMAC(sha256)

static iotwire_aes128_cbc_ctx_t g_aes;
static const uint8_t k_iv[16] = "543yhjy97ae7fyfg";
static int32_t call_aes128_cbc_encrypt(void)
{
    int32_t rc = iotwire_aes128_cbc_init(&g_aes, k_aes_key, sizeof k_aes_key, k_iv, sizeof k_iv);
    return rc == IOTWIRE_OK ? iotwire_aes128_cbc_encrypt(&g_aes, (const uint8_t *)k_message, 48,
                                                          g_bytes, sizeof g_bytes, &g_len)
                            : rc;
}
static int32_t call_aes128_cbc_decrypt(void)
{
    int32_t rc = iotwire_aes128_cbc_init(&g_aes, k_aes_key, sizeof k_aes_key, k_iv, sizeof k_iv);
    return rc == IOTWIRE_OK ? iotwire_aes128_cbc_decrypt(&g_aes, (const uint8_t *)k_message, 48,
                                                          g_bytes, sizeof g_bytes, &g_len)
                            : rc;
}
static void pat_kit_aes_key(rs_patterns *ps)
{
    rs_add_aes_key(ps, "AES key", k_aes_key);
}
#endif

/* ---- diagnostics (host-only feature) ------------------------------------------------------ */
#if defined(IOTWIRE_HAS_DIAGNOSE) && defined(IOTWIRE_HAS_MQTT) && defined(IOTWIRE_HAS_MQTT_CODEC)
static uint8_t g_connect[2][IOTWIRE_MQTT_CONNECT_MAX_SIZE];
static size_t g_connect_len[2];
static uint32_t g_problems;

/* Checks the device's own CONNECT (one MAC) or one signed with another secret (the checker
 * then recomputes the password for every known deviation, all keyed with DS). */
static int32_t check_connect(size_t which)
{
    iotwire_mqtt_options_t o;
    mqtt_options(&o, IOTWIRE_SIGN_METHOD_DEFAULT);
    o.keepalive_s = 60;
    if (g_connect_len[which] == 0) {
        int32_t rc;
        iotwire_mqtt_options_t signer = o;
        signer.device_secret = iotwire_str(which == 0 ? DS : PS);
        rc = iotwire_mqtt_connect_encode(&signer, g_connect[which], sizeof g_connect[which],
                                         &g_connect_len[which]);
        if (rc != IOTWIRE_OK) {
            return rc;
        }
    }
    return iotwire_check_connect(&o, g_connect[which], g_connect_len[which], g_text, sizeof g_text,
                                 &g_len, &g_problems);
}
static int32_t call_check_connect_ok(void)
{
    return check_connect(0);
}
static int32_t call_check_connect_refused(void)
{
    return check_connect(1);
}

#if defined(IOTWIRE_HAS_COAP_SYMMETRIC)
/* An encrypted CoAP response explained with its key. */
static int32_t call_explain_coap_key(void)
{
    int32_t verdict;
    return iotwire_explain(IOTWIRE_EXPLAIN_COAP, k_encrypted_response, sizeof k_encrypted_response,
                           k_aes_key, sizeof k_aes_key, g_text, sizeof g_text, &g_len, &verdict);
}
#endif
#endif

const rs_case rs_cases[] = {
#if defined(IOTWIRE_HAS_MQTT)
    {"iotwire_mqtt_get_password hmacsha256", call_password_sha256, pat_password},
    {"iotwire_mqtt_get_password hmacsha1", call_password_sha1, pat_password},
    {"iotwire_mqtt_get_password hmacmd5", call_password_md5, pat_password},
    {"iotwire_mqtt_get_password hmacsha256 long key", call_password_long_sha256, pat_long_sha256},
    {"iotwire_mqtt_get_password hmacsha1 long key", call_password_long_sha1, pat_long_sha1},
    {"iotwire_mqtt_get_password hmacmd5 long key", call_password_long_md5, pat_long_md5},
    {"iotwire_mqtt_get_password id2", call_password_id2, pat_password},
    {"iotwire_mqtt_get_password register", call_password_register, pat_password_ps},
    {"iotwire_mqtt_get_password regnwl", call_password_regnwl, pat_password_ps},
    {"iotwire_mqtt_get_password_from_mac", call_password_from_mac, pat_password_from_mac},
    {"iotwire_mqtt_get_tls_psk", call_tls_psk, pat_tls_psk},
#if defined(IOTWIRE_HAS_MQTT_CODEC)
    {"iotwire_mqtt_connect_encode", call_connect_encode, pat_connect_encode},
#endif
#endif
#if defined(IOTWIRE_HAS_LEGACY_V3)
    {"IOT_Sign_MQTT", call_iot_sign_mqtt, pat_legacy_sign},
    {"iotwire_legacy_v3_2_0_sign_mqtt", call_legacy_v3_2_0_sign_mqtt, pat_legacy_sign},
    {"iotwire_legacy_v3_sign_mqtt", call_legacy_v3_sign_mqtt, pat_legacy_sign},
    {"iotwire_legacy_v3_dynreg_get", call_legacy_v3_dynreg, pat_legacy_v3_dynreg},
#if defined(IOTWIRE_HAS_LEGACY_SIGN)
    {"iotwire_legacy_sign_mqtt v3.2.0", call_legacy_sign_v320, pat_legacy_sign},
    {"iotwire_legacy_sign_mqtt v2.3.0 hmacsha1", call_legacy_sign_v230, pat_legacy_sign},
#endif
#endif
#if defined(IOTWIRE_HAS_COAP)
    {"iotwire_coap_auth_get_sign hmacmd5", call_coap_sign_md5, pat_coap_sign},
    {"iotwire_coap_auth_get_sign hmacsha256", call_coap_sign_sha256, pat_coap_sign},
    {"iotwire_coap_auth_get_payload", call_coap_payload, pat_coap_embedded_sign},
    {"iotwire_coap_auth_build_request", call_coap_build_request, pat_coap_embedded_sign},
    {"iotwire_coap_auth_build", call_coap_build, pat_coap_embedded_sign},
    {"iotwire_coap_dtls_psk_get_key doc", call_dtls_psk_doc, pat_dtls_psk_doc},
    {"iotwire_coap_dtls_psk_get_key sdk", call_dtls_psk_sdk, pat_dtls_psk_sdk},
#endif
#if defined(IOTWIRE_HAS_COAP_SYMMETRIC)
    {"iotwire_coap_derive_key", call_derive_key, pat_derived_key},
    {"iotwire_coap_session_derive_key", call_session_derive_key, pat_derived_key},
    {"iotwire_coap_auth_accept_response", call_accept_response, pat_derived_key},
    {"iotwire_coap_session_set_key", call_session_set_key, pat_aes_key},
    {"iotwire_coap_publish_build symmetric", call_publish_build, pat_aes_key},
    {"iotwire_coap_parse_response decrypt", call_parse_response, pat_aes_key},
    {"iotwire_coap_aes_encrypt", call_aes_encrypt, pat_aes_key},
    {"iotwire_coap_aes_decrypt", call_aes_decrypt, pat_aes_key},
#endif
#if defined(IOTWIRE_HAS_ENOS)
    {"iotwire_enos_get_psk_key device secret", call_enos_psk_ds, pat_enos_psk_ds},
    {"iotwire_enos_get_psk_key product secret", call_enos_psk_ps, pat_enos_psk_ps},
    {"iotwire_enos_mqtt_get_password", call_enos_password, pat_enos_password},
    {"iotwire_enos_activate_get_device_secret", call_enos_activate_secret, pat_enos_activate_secret},
#endif
#if defined(IOTWIRE_HAS_DIAGNOSE) && defined(IOTWIRE_HAS_MQTT) && defined(IOTWIRE_HAS_MQTT_CODEC)
    {"iotwire_check_connect", call_check_connect_ok, pat_connect_encode},
    {"iotwire_check_connect refused password", call_check_connect_refused, pat_connect_encode},
#if defined(IOTWIRE_HAS_COAP_SYMMETRIC)
    {"iotwire_explain coap with key", call_explain_coap_key, pat_aes_key},
#endif
#endif
#if defined(IOTWIRE_HAS_CRYPTO)
    {"iotwire_sha256", call_sha256, pat_sha256},
    {"iotwire_sha256_32", call_sha256_32, pat_sha256},
    {"iotwire_hmac_sha256", call_hmac_sha256, pat_hmac_bytes},
    {"iotwire_hmac_md5_init/update/finish", call_hmac_md5_stream, pat_hmac_bytes},
    {"iotwire_hmac_sha1_init/update/finish", call_hmac_sha1_stream, pat_hmac_bytes},
    {"iotwire_hmac_sha256_init/update/finish", call_hmac_sha256_stream, pat_hmac_bytes},
    {"iotwire_aes128_cbc_init/encrypt", call_aes128_cbc_encrypt, pat_kit_aes_key},
    {"iotwire_aes128_cbc_init/decrypt", call_aes128_cbc_decrypt, pat_kit_aes_key},
#endif
#if defined(IOTWIRE_HAS_HTTP)
    {"iotwire_http_get_auth", call_http_auth, pat_http_auth},
    {"iotwire_dynreg_https_get", call_dynreg_https, pat_dynreg_https},
    {"iotwire_register_reply_get device secret", call_register_reply_secret, pat_register_reply_secret},
    {"iotwire_register_reply_get device token", call_register_reply_token, pat_register_reply_token},
#endif
};

const size_t rs_case_count = sizeof rs_cases / sizeof rs_cases[0];
