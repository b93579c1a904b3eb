/* Replaces src/dynamic_register/dynreg.c (3.1.0/3.2.0): IOT_Dynamic_Register over HTTPS
 * (default) or MQTT (MQTT_DYNAMIC_REGISTER), and (3.2.0) the IOT_Ioctl dynamic-register
 * handlers. The SDK's HTTP client and MQTT client stay; libiotwire writes the registration
 * request (body and HMAC-SHA256 sign, or the MQTT client id and password) and reads the reply
 * (strict JSON; the secret goes nowhere but the caller's meta struct).
 *
 * Differences, on purpose:
 *   - HTTPS: the random is 16 hex characters from the caller's HAL_Random (the SDK sent the
 *     constant 8Ygb7ULYh53B6OA, so every request of a product had the same signature);
 *   - MQTT: a deviceSecret shorter than 6 characters is refused (the SDK's masking memset
 *     underflowed and wrote far past the payload); the SDK's inverted 15-second timeout (it gave
 *     up after the first 200 ms yield) waits the 15 seconds;
 *   - replies that are not well-formed JSON, or whose secret is empty or over 64 characters,
 *     are refused with the SDK's "invalid device secret" code. */
#include "kit_common.h"

#if defined(DYNAMIC_REGISTER)
#include <stdio.h>
#include "infra_state.h"
#include "infra_compat.h"
#include "infra_httpc.h"
#include "dynreg_api.h"
#include "dynreg_internal.h"
#include "wrappers.h"
#if defined(MQTT_DYNAMIC_REGISTER)
#include "dev_sign_api.h"
#include "mqtt_api.h"
#endif

#define KIT_DYNREG_RESPONSE_LEN (256)
#ifndef MQTT_DYNREG_TIMEOUT_MS
#define MQTT_DYNREG_TIMEOUT_MS (15 * 1000)
#endif

#if !defined(MQTT_DYNAMIC_REGISTER)
typedef struct {
    char *payload;
    int received;
    int cap;
} kit_reply_t;

static int kit_recv(char *ptr, int length, int total_length, void *userdata)
{
    kit_reply_t *r = (kit_reply_t *)userdata;
    (void)total_length;
    if (length < 0 || r->received + length > r->cap) {
        return -1;
    }
    memcpy(r->payload + r->received, ptr, (size_t)length);
    r->received += length;
    return length;
}

/* A fresh random from the platform HAL, as 16 upper-case hex characters. */
static void kit_random(char out[17])
{
    uint32_t r[2];
    r[0] = HAL_Random(0xffffffff);
    r[1] = HAL_Random(0xffffffff);
    kit_hex((const uint8_t *)r, sizeof r, out, KIT_HEX_UPPER);
    out[16] = '\0';
    iotwire_wipe(r, sizeof r);
}

static int32_t kit_https_register(iotx_http_region_types_t region, iotx_dev_meta_info_t *meta)
{
    static const char header[] = "Accept: text/xml,text/javascript,text/html,application/json\r\n"
                                 "Content-Type: application/x-www-form-urlencoded\r\n";
    iotwire_dynreg_https_options_t opts;
    char body[IOTWIRE_DYNREG_REQUEST_MAX_SIZE];
    char random[17];
    char secret[IOTWIRE_REPLY_FIELD_MAX_SIZE];
    char *url;
    const char *domain;
    const char *pub_key = NULL;
    size_t body_len = 0, secret_len = 0, url_len;
    iotx_http_method_t method = IOTX_HTTP_POST;
    int port = 443, timeout_ms = 10000, maxlen = KIT_DYNREG_RESPONSE_LEN;
    kit_reply_t reply;
    void *h;
    int32_t res, rc;

    if (strlen(meta->product_key) > IOTX_PRODUCT_KEY_LEN) {
        return STATE_USER_INPUT_PK;
    }
    if (strlen(meta->product_secret) > IOTX_PRODUCT_SECRET_LEN) {
        return STATE_USER_INPUT_PS;
    }
    if (strlen(meta->device_name) > IOTX_DEVICE_NAME_LEN) {
        return STATE_USER_INPUT_DN;
    }
    kit_random(random);
    iotwire_dynreg_https_options_init(&opts);
    opts.profile = IOTWIRE_HTTP_PROFILE_V3_2_0;
    opts.flags = IOTWIRE_HTTP_FLAG_LAX_NAMES;
    opts.product_key = iotwire_str(meta->product_key);
    opts.device_name = iotwire_str(meta->device_name);
    opts.product_secret = iotwire_str(meta->product_secret);
    opts.random = iotwire_str(random);
    if (iotwire_dynreg_https_get(&opts, IOTWIRE_HTTP_PART_BODY, body, sizeof body, &body_len) != IOTWIRE_OK) {
        return STATE_USER_INPUT_PK;
    }
    domain = g_infra_http_domain[region];
    if (domain == NULL) {
        iotwire_wipe(body, sizeof body);
        return STATE_USER_INPUT_HTTP_DOMAIN;
    }
    url_len = strlen("http://%s/auth/register/device") + strlen(domain) + 1;
    url = (char *)HAL_Malloc((uint32_t)url_len);
    reply.payload = (char *)HAL_Malloc(KIT_DYNREG_RESPONSE_LEN + 1);
    if (url == NULL || reply.payload == NULL) {
        iotwire_wipe(body, sizeof body);
        HAL_Free(url);
        HAL_Free(reply.payload);
        return STATE_SYS_DEPEND_MALLOC;
    }
    HAL_Snprintf(url, (int)url_len, "http://%s/auth/register/device", domain);
    memset(reply.payload, 0, KIT_DYNREG_RESPONSE_LEN + 1);
    reply.received = 0;
    reply.cap = KIT_DYNREG_RESPONSE_LEN;
#if defined(SUPPORT_TLS)
    {
        extern const char *iotx_ca_crt;
        pub_key = iotx_ca_crt;
    }
#endif
    h = wrapper_http_init();
    wrapper_http_setopt(h, IOTX_HTTPOPT_URL, (void *)url);
    wrapper_http_setopt(h, IOTX_HTTPOPT_PORT, (void *)&port);
    wrapper_http_setopt(h, IOTX_HTTPOPT_METHOD, (void *)&method);
    wrapper_http_setopt(h, IOTX_HTTPOPT_HEADER, (void *)header);
    wrapper_http_setopt(h, IOTX_HTTPOPT_CERT, (void *)pub_key);
    wrapper_http_setopt(h, IOTX_HTTPOPT_TIMEOUT, (void *)&timeout_ms);
    wrapper_http_setopt(h, IOTX_HTTPOPT_RECVCALLBACK, (void *)kit_recv);
    wrapper_http_setopt(h, IOTX_HTTPOPT_RECVMAXLEN, (void *)&maxlen);
    wrapper_http_setopt(h, IOTX_HTTPOPT_RECVCONTEXT, (void *)&reply);
    res = wrapper_http_perform(h, body, (int)body_len);
    wrapper_http_deinit(&h);
    HAL_Free(url);
    iotwire_wipe(body, sizeof body);

    if (res < STATE_SUCCESS) {
        HAL_Free(reply.payload);
        return res;
    }
    rc = iotwire_register_reply_get(IOTWIRE_REPLY_HTTPS_REGISTER, (const uint8_t *)reply.payload, (size_t)reply.received,
                                    IOTWIRE_REPLY_FIELD_DEVICE_SECRET, secret, sizeof secret, &secret_len);
    if (rc == IOTWIRE_ERR_DYNREG_REJECTED) {
        /* The reply is text for the application's state callback, never a format string (the
         * SDK passed the server's bytes as the format). */
        iotx_state_event(ITE_STATE_HTTP_COMM, STATE_HTTP_DYNREG_FAIL_RESP, "%s", reply.payload);
        res = STATE_HTTP_DYNREG_FAIL_RESP;
    } else if (rc != IOTWIRE_OK || secret_len > IOTX_DEVICE_SECRET_LEN) {
        res = STATE_HTTP_DYNREG_INVALID_DS;
    } else {
        memcpy(meta->device_secret, secret, secret_len);
        res = STATE_SUCCESS;
    }
    iotwire_wipe(secret, sizeof secret);
    iotwire_wipe(reply.payload, KIT_DYNREG_RESPONSE_LEN + 1);
    HAL_Free(reply.payload);
    return res;
}
#else /* MQTT_DYNAMIC_REGISTER */

/* What the /ext/register handler found: the secret, or nothing yet. */
typedef struct {
    char secret[IOTX_DEVICE_SECRET_LEN + 1];
} kit_dynreg_wait_t;

static void kit_register_handler(void *pcontext, void *pclient, iotx_mqtt_event_msg_pt msg)
{
    kit_dynreg_wait_t *w = (kit_dynreg_wait_t *)pcontext;
    iotx_mqtt_topic_info_t *topic = (iotx_mqtt_topic_info_pt)msg->msg;
    char secret[IOTWIRE_REPLY_FIELD_MAX_SIZE];
    size_t len = 0;
    (void)pclient;

    if (msg->event_type != IOTX_MQTT_EVENT_PUBLISH_RECEIVED || topic == NULL || topic->topic_len < 13 ||
        memcmp(topic->ptopic, "/ext/register", 13) != 0) {
        return;
    }
    if (iotwire_register_reply_get(IOTWIRE_REPLY_EXT_REGISTER, (const uint8_t *)topic->payload, topic->payload_len,
                                   IOTWIRE_REPLY_FIELD_DEVICE_SECRET, secret, sizeof secret, &len) == IOTWIRE_OK &&
        len >= 6 && len <= IOTX_DEVICE_SECRET_LEN) {
        memset(w->secret, 0, sizeof w->secret);
        memcpy(w->secret, secret, len);
    }
    iotwire_wipe(secret, sizeof secret);
}

static int32_t kit_mqtt_register(iotx_http_region_types_t region, iotx_dev_meta_info_t *meta)
{
    iotx_sign_mqtt_t signout;
    iotwire_str_t pk, dn, ps;
    iotx_mqtt_param_t mqtt_params;
    kit_dynreg_wait_t wait;
    char random[9];
    uint32_t r;
    size_t n;
    void *client;
    uint64_t start;
    int32_t res;

    memset(&signout, 0, sizeof signout);
    memset(&wait, 0, sizeof wait);
    /* Host, port and username as IOT_Sign_MQTT makes them (kit_dev_sign.c), with the SDK's
     * codes for a missing or over-long domain; the client id and password are the
     * registration's. */
    res = IOT_Sign_MQTT((iotx_mqtt_region_types_t)region, meta, &signout);
    if (res < STATE_SUCCESS) {
        return res;
    }
    r = HAL_Random(0xffffffff);
    /* The SDK printed the 4 bytes of the random as they lie in memory. */
    kit_hex((const uint8_t *)&r, sizeof r, random, KIT_HEX_UPPER);
    random[8] = '\0';
    pk = iotwire_str(meta->product_key);
    dn = iotwire_str(meta->device_name);
    ps = iotwire_str(meta->product_secret);
    memset(signout.clientid, 0, sizeof signout.clientid);
    memset(signout.password, 0, sizeof signout.password);
    if (iotwire_legacy_v3_dynreg_get(IOTWIRE_LEGACY_V3_DYNREG_CLIENT_ID, pk, dn, ps, iotwire_str(random),
                                     signout.clientid, sizeof signout.clientid, &n) != IOTWIRE_OK) {
        iotwire_wipe(&signout, sizeof signout);
        return STATE_MQTT_SIGN_CLIENTID_BUF_SHORT;
    }
    if (iotwire_legacy_v3_dynreg_get(IOTWIRE_LEGACY_V3_DYNREG_SIGN, pk, dn, ps, iotwire_str(random),
                                     signout.password, sizeof signout.password, &n) != IOTWIRE_OK) {
        iotwire_wipe(&signout, sizeof signout);
        return STATE_MQTT_SIGN_SOURCE_BUF_SHORT;
    }

    memset(&mqtt_params, 0, sizeof(iotx_mqtt_param_t));
    mqtt_params.host = signout.hostname;
    mqtt_params.port = signout.port;
    mqtt_params.username = signout.username;
    mqtt_params.password = signout.password;
    mqtt_params.client_id = signout.clientid;
    mqtt_params.request_timeout_ms = 5000;
    mqtt_params.clean_session = 1;
    mqtt_params.keepalive_interval_ms = 60000;
    mqtt_params.read_buf_size = 1000;
    mqtt_params.write_buf_size = 1000;
    mqtt_params.handle_event.h_fp = kit_register_handler;
    mqtt_params.handle_event.pcontext = &wait;
#if defined(SUPPORT_TLS)
    {
        extern const char *iotx_ca_crt;
        mqtt_params.pub_key = iotx_ca_crt;
    }
#endif
    client = wrapper_mqtt_init(&mqtt_params);
    if (client == NULL) {
        iotwire_wipe(&signout, sizeof signout);
        return STATE_MQTT_WRAPPER_INIT_FAIL;
    }
    res = wrapper_mqtt_connect(client);
    if (res < STATE_SUCCESS) {
        wrapper_mqtt_release(&client);
        iotwire_wipe(&signout, sizeof signout);
        return res;
    }
    start = HAL_UptimeMs();
    while (wait.secret[0] == '\0' && HAL_UptimeMs() - start < MQTT_DYNREG_TIMEOUT_MS) {
        wrapper_mqtt_yield(client, 200);
    }
    wrapper_mqtt_release(&client);
    iotwire_wipe(&signout, sizeof signout);
    if (wait.secret[0] == '\0') {
        return STATE_HTTP_DYNREG_INVALID_DS;
    }
    memcpy(meta->device_secret, wait.secret, strlen(wait.secret));
    iotwire_wipe(&wait, sizeof wait);
    return STATE_SUCCESS;
}
#endif /* MQTT_DYNAMIC_REGISTER */

int32_t IOT_Dynamic_Register(iotx_http_region_types_t region, iotx_dev_meta_info_t *meta)
{
    if (meta == NULL) {
        return STATE_USER_INPUT_INVALID;
    }
#if defined(MQTT_DYNAMIC_REGISTER)
    return kit_mqtt_register(region, meta);
#else
    return kit_https_register(region, meta);
#endif
}

#if defined(IOTWIRE_KIT_DYNREG_IOCTLS)
static int kit_dynamic_register = 0;

int IOCTL_FUNC(IOTX_IOCTL_SET_DYNAMIC_REGISTER, void *data)
{
    if (data == NULL) {
        return FAIL_RETURN;
    }
    kit_dynamic_register = *(int *)data;
    return SUCCESS_RETURN;
}

int IOCTL_FUNC(IOTX_IOCTL_GET_DYNAMIC_REGISTER, void *data)
{
    if (data == NULL) {
        return FAIL_RETURN;
    }
    *(int *)data = kit_dynamic_register;
    return SUCCESS_RETURN;
}
#endif /* IOTWIRE_KIT_DYNREG_IOCTLS */
#endif /* DYNAMIC_REGISTER */
