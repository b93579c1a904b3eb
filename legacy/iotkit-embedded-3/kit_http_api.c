/* Replaces src/http/iotx_http_api.c (3.1.0/3.2.0, on the SDK's wrapper_http_* client): the
 * IOT_HTTP_* device API. The SDK's HTTP client (infra_httpc: URL, request line, Host,
 * Content-Length, the TCP/TLS connection) stays; libiotwire writes the auth body and its
 * HMAC-SHA1 sign (iotwire_http_get_auth, v3.2.0 profile) and reads every reply
 * (iotwire_http_parse_response: strict JSON, bounded token).
 *
 * Differences, on purpose: a reply is read only as far as it was received (the SDK ran strlen
 * over a buffer the server could fill to the last byte); a token is stored decoded and
 * NUL-terminated, at most 192 characters (the SDK's strcpy overflowed before its fix); a name
 * with a quote or backslash fails the auth instead of sending malformed JSON. */
#include "kit_common.h"

#if defined(HTTP_COMM_ENABLED)
#include <stdio.h>
#include "infra_httpc.h"
#include "infra_report.h"
#include "http_api.h"
#include "wrappers.h"

#define KIT_HTTP_TOKEN_LEN (192 + 1)
#define KIT_HTTP_URL_LEN_MAX (135)
#define KIT_HTTP_AUTH_RESP_MAX_LEN (256)
#define KIT_HTTP_SERVER_URL "https://iot-as-http.cn-shanghai.aliyuncs.com"
#define KIT_HTTP_PORT 443
#ifndef CONFIG_MID_HTTP_TIMEOUT
#define CONFIG_MID_HTTP_TIMEOUT (5 * 1000)
#endif
#ifndef CONFIG_HTTP_AUTH_TIMEOUT
#define CONFIG_HTTP_AUTH_TIMEOUT (5 * 1000)
#endif

static iotx_http_t *kit_http_context;

/* Where the SDK's HTTP client puts a reply, and how much of it arrived. */
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
        return FAIL_RETURN;
    }
    memcpy(r->payload + r->received, ptr, (size_t)length);
    r->received += length;
    return length;
}

static iotx_http_t *kit_verify(void *handle)
{
    if (handle == NULL || kit_http_context == NULL || kit_http_context != (iotx_http_t *)handle) {
        return NULL;
    }
    return kit_http_context;
}

/* One POST through the SDK's HTTP client; the reply lands in r. */
static int kit_post(const char *url, const char *header, int timeout_ms, void *body, int body_len, kit_reply_t *r)
{
    extern const char *iotx_ca_crt;
    iotx_http_method_t method = IOTX_HTTP_POST;
    int port = KIT_HTTP_PORT;
    int maxlen = r->cap;
    int ret;
    void *h = wrapper_http_init();
    if (h == NULL) {
        return FAIL_RETURN;
    }
    wrapper_http_setopt(h, IOTX_HTTPOPT_URL, (void *)url);
    wrapper_http_setopt(h, IOTX_HTTPOPT_PORT, (void *)&port);
    wrapper_http_setopt(h, IOTX_HTTPOPT_METHOD, (void *)&method);
    wrapper_http_setopt(h, IOTX_HTTPOPT_HEADER, (void *)header);
    wrapper_http_setopt(h, IOTX_HTTPOPT_CERT, (void *)iotx_ca_crt);
    wrapper_http_setopt(h, IOTX_HTTPOPT_TIMEOUT, (void *)&timeout_ms);
    wrapper_http_setopt(h, IOTX_HTTPOPT_RECVCALLBACK, (void *)kit_recv);
    wrapper_http_setopt(h, IOTX_HTTPOPT_RECVMAXLEN, (void *)&maxlen);
    wrapper_http_setopt(h, IOTX_HTTPOPT_RECVCONTEXT, (void *)r);
    ret = wrapper_http_perform(h, body, body_len);
    wrapper_http_deinit(&h);
    return ret;
}

static int kit_report(void *handle, const char *topic_name, int req_ack, void *data, int len)
{
    iotx_http_message_param_t msg_param;
    char response[1024];
    char topic_path[100];
    (void)req_ack;
    if (handle == NULL || topic_name == NULL || data == NULL) {
        return -1;
    }
    HAL_Snprintf(topic_path, sizeof(topic_path), "/topic%s", topic_name);
    memset(&msg_param, 0, sizeof(msg_param));
    msg_param.request_payload = (char *)data;
    msg_param.response_payload = response;
    msg_param.timeout_ms = CONFIG_MID_HTTP_TIMEOUT;
    msg_param.request_payload_len = (uint32_t)len;
    msg_param.response_payload_len = sizeof(response);
    msg_param.topic_path = topic_path;
    return IOT_HTTP_SendMessage(handle, &msg_param);
}

static void kit_free(iotx_http_t *ctx)
{
    if (ctx->p_devinfo != NULL) {
        iotwire_wipe(ctx->p_devinfo, sizeof(*ctx->p_devinfo));
        HAL_Free(ctx->p_devinfo);
    }
    if (ctx->p_auth_token != NULL) {
        iotwire_wipe(ctx->p_auth_token, KIT_HTTP_TOKEN_LEN);
        HAL_Free(ctx->p_auth_token);
    }
    HAL_Free(ctx);
}

static void kit_copy_field(char *dst, size_t cap, const char *src)
{
    size_t n = kit_strnlen(src, cap - 1);
    memset(dst, 0, cap);
    memcpy(dst, src, n);
}

void *IOT_HTTP_Init(iotx_http_param_t *pInitParams)
{
    iotx_device_info_t *p_devinfo;
    iotx_http_t *ctx;

    if (kit_http_context != NULL || pInitParams == NULL || pInitParams->device_info == NULL) {
        return NULL;
    }
    p_devinfo = pInitParams->device_info;
    ctx = (iotx_http_t *)HAL_Malloc(sizeof(iotx_http_t));
    if (ctx == NULL) {
        return NULL;
    }
    memset(ctx, 0, sizeof(iotx_http_t));
    ctx->keep_alive = pInitParams->keep_alive;
    ctx->timeout_ms = pInitParams->timeout_ms;
    ctx->p_auth_token = (char *)HAL_Malloc(KIT_HTTP_TOKEN_LEN);
    ctx->p_devinfo = (iotx_device_info_t *)HAL_Malloc(sizeof(iotx_device_info_t));
    if (ctx->p_auth_token == NULL || ctx->p_devinfo == NULL) {
        kit_free(ctx);
        return NULL;
    }
    memset(ctx->p_auth_token, 0, KIT_HTTP_TOKEN_LEN);
    ctx->auth_token_len = KIT_HTTP_TOKEN_LEN;
    memset(ctx->p_devinfo, 0, sizeof(iotx_device_info_t));
    kit_copy_field(ctx->p_devinfo->device_id, sizeof ctx->p_devinfo->device_id, p_devinfo->device_id);
    kit_copy_field(ctx->p_devinfo->product_key, sizeof ctx->p_devinfo->product_key, p_devinfo->product_key);
    kit_copy_field(ctx->p_devinfo->device_secret, sizeof ctx->p_devinfo->device_secret, p_devinfo->device_secret);
    kit_copy_field(ctx->p_devinfo->device_name, sizeof ctx->p_devinfo->device_name, p_devinfo->device_name);
    kit_http_context = ctx;
    return ctx;
}

void IOT_HTTP_DeInit(void **handle)
{
    iotx_http_t *ctx;
    if (handle == NULL || (ctx = kit_verify(*handle)) == NULL) {
        return;
    }
    kit_free(ctx);
    kit_http_context = NULL;
}

int IOT_HTTP_DeviceNameAuth(void *handle)
{
    static const char header[] = "Connection: Keep-Alive\r\nContent-Type: application/json\r\n";
    iotx_http_t *ctx = kit_verify(handle);
    iotwire_http_auth_options_t auth;
    iotwire_http_response_t resp;
    char body[IOTWIRE_HTTP_AUTH_REQUEST_MAX_SIZE];
    char url[KIT_HTTP_URL_LEN_MAX] = {0};
    char token[IOTWIRE_HTTP_TOKEN_MAX_SIZE];
    kit_reply_t reply;
    size_t body_len = 0, token_len = 0;
    int ret = -1;

    if (ctx == NULL) {
        return -1;
    }
    ctx->is_authed = 0;
    iotwire_http_auth_options_init(&auth);
    auth.profile = IOTWIRE_HTTP_PROFILE_V3_2_0;
    auth.flags = IOTWIRE_HTTP_FLAG_LAX_NAMES;
    auth.product_key = iotwire_str(ctx->p_devinfo->product_key);
    auth.device_name = iotwire_str(ctx->p_devinfo->device_name);
    auth.device_secret = iotwire_str(ctx->p_devinfo->device_secret);
    auth.client_id = iotwire_str(ctx->p_devinfo->device_id);
    if (iotwire_http_get_auth(&auth, IOTWIRE_HTTP_PART_BODY, body, sizeof body, &body_len) != IOTWIRE_OK) {
        return -1;
    }
    reply.payload = (char *)HAL_Malloc(KIT_HTTP_AUTH_RESP_MAX_LEN);
    if (reply.payload == NULL) {
        iotwire_wipe(body, sizeof body);
        return -1;
    }
    memset(reply.payload, 0, KIT_HTTP_AUTH_RESP_MAX_LEN);
    reply.received = 0;
    reply.cap = KIT_HTTP_AUTH_RESP_MAX_LEN;
    HAL_Snprintf(url, sizeof url, "%s/%s", KIT_HTTP_SERVER_URL, "auth");

    if (kit_post(url, header, CONFIG_HTTP_AUTH_TIMEOUT, body, (int)body_len, &reply) >= 0) {
        resp.struct_size = sizeof resp;
        /* The SDK needed `code`, `message`, code 0 and `info.token` (at most 192 characters). */
        if (iotwire_http_parse_response(IOTWIRE_HTTP_RESPONSE_ANY, (const uint8_t *)reply.payload, (size_t)reply.received, &resp, token,
                                        sizeof token, &token_len) == IOTWIRE_OK &&
            resp.has_message && resp.platform_status == IOTWIRE_OK && resp.has_token &&
            token_len < KIT_HTTP_TOKEN_LEN) {
            memset(ctx->p_auth_token, 0, KIT_HTTP_TOKEN_LEN);
            memcpy(ctx->p_auth_token, token, token_len);
            ctx->is_authed = 1;
            iotx_set_report_func(kit_report);
            ret = iotx_report_mid(ctx);
            if (ret == SUCCESS_RETURN) {
                ret = iotx_report_devinfo(ctx);
            }
            if (ret == SUCCESS_RETURN) {
                ret = iotx_report_firmware_version(ctx);
            }
            if (ret == SUCCESS_RETURN) {
                ret = 0;
            }
        }
    }
    iotwire_wipe(body, sizeof body);
    iotwire_wipe(token, sizeof token);
    HAL_Free(reply.payload);
    return ret;
}

int IOT_HTTP_SendMessage(void *handle, iotx_http_message_param_t *msg_param)
{
    static const char header_fmt[] = "Connection: Keep-Alive\r\npassword:%s\r\nContent-Type: application/octet-stream\r\n";
    iotx_http_t *ctx = kit_verify(handle);
    iotwire_http_response_t resp;
    char url[KIT_HTTP_URL_LEN_MAX] = {0};
    char *header;
    kit_reply_t reply;
    uint32_t payload_len;
    size_t header_len, unused = 0;
    int ret = -1;

    if (ctx == NULL || msg_param == NULL || !ctx->is_authed || msg_param->request_payload == NULL ||
        msg_param->response_payload == NULL || msg_param->topic_path == NULL) {
        return -1;
    }
    /* As the SDK did, the body is at most the payload and its NUL, and the caller's length is
     * updated to what is sent. */
    payload_len = (uint32_t)strlen(msg_param->request_payload) + 1;
    if (msg_param->request_payload_len > payload_len) {
        msg_param->request_payload_len = payload_len;
    }
    HAL_Snprintf(url, sizeof url, "%s%s", KIT_HTTP_SERVER_URL, msg_param->topic_path);
    header_len = sizeof(header_fmt) + strlen(ctx->p_auth_token);
    header = (char *)HAL_Malloc((uint32_t)header_len);
    if (header == NULL) {
        return -1;
    }
    HAL_Snprintf(header, (int)header_len, header_fmt, ctx->p_auth_token);
    reply.payload = msg_param->response_payload;
    reply.received = 0;
    reply.cap = (int)msg_param->response_payload_len;

    if (kit_post(url, header, (int)msg_param->timeout_ms, msg_param->request_payload,
                 (int)msg_param->request_payload_len, &reply) >= 0) {
        resp.struct_size = sizeof resp;
        if (iotwire_http_parse_response(IOTWIRE_HTTP_RESPONSE_ANY, (const uint8_t *)reply.payload, (size_t)reply.received, &resp, NULL,
                                        0, &unused) == IOTWIRE_OK &&
            resp.has_message) {
            if (resp.platform_status == IOTWIRE_OK) {
                /* Success needs `info.messageId`; `info.data` may be absent. */
                ret = resp.has_message_id ? 0 : -1;
            } else if (resp.code == IOTX_HTTP_TOKEN_EXPIRED_ERROR) {
                ctx->is_authed = 0;
                IOT_HTTP_DeviceNameAuth(ctx);
            }
        }
    }
    iotwire_wipe(header, header_len);
    HAL_Free(header);
    return ret;
}

void IOT_HTTP_Disconnect(void *handle)
{
    (void)kit_verify(handle);
}
#endif /* HTTP_COMM_ENABLED */
