/* Replaces src/coap/client/iotx_coap_api.c: the IOT_CoAP_* client API. The SDK's CoAP
 * transport stays (Cloud_CoAPContext, its send list, retransmission and response matching, the
 * UDP HAL, the CoAP serializer); what goes into the messages and what is read out of them is
 * libiotwire's:
 *   - the auth payload and its HMAC-MD5 sign (iotwire_coap_auth_get_payload, v3.2.0 profile);
 *   - the auth reply: token, seqOffset and random checked by iotwire's strict JSON reader;
 *   - the symmetric-mode key (SHA-256(ds "," random) bytes 8..23), the encrypted seq option
 *     and payload (AES-128-CBC, fixed IV, PKCS#7);
 *   - the response payload decrypt, with strict PKCS#7: the SDK trusted the last byte, so a
 *     spoofed datagram with a pad byte >= 0x80 overflowed the heap; here it is refused with
 *     IOTX_ERR_INVALID_PARAM and the message is left as received.
 * Message ids, CoAP tokens, options and their order are what the SDK sent; byte for byte.
 *
 * Differences, on purpose: a path segment of 128 or more characters before the last one
 * (which overflowed the SDK's stack buffer) is refused with IOTX_ERR_URI_TOO_LOOG; a re-auth
 * with a shorter token no longer leaves the end of the previous one in place; inputs the
 * platform cannot parse (a quote or backslash in a name, an empty ProductKey) fail the auth
 * instead of sending malformed JSON; iotx_calc_sign*, iotx_aes_cbc_* and iotx_get_well_known,
 * internal to the replaced file and called by no other SDK file, are not provided. */
#include "kit_common.h"

#if defined(COAP_CLIENT)
#include <stdio.h>
#include "coap_api.h"
#include "iotx_coap_internal.h"
#include "Cloud_CoAPPlatform.h"
#include "Cloud_CoAPMessage.h"
#include "Cloud_CoAPExport.h"

#define KIT_AUTH_TOKEN_LEN (192 + 1)
#define KIT_COAP_INIT_TOKEN (0x01020304)
#define KIT_LIST_MAX_ITEM (10)
#define KIT_PATH_SEGMENT_MAX (COAP_MSG_MAX_PATH_LEN - 1)
#define KIT_PSK_SERVER_URL "coap-psk://%s.coap.cn-shanghai.link.aliyuncs.com:5682"

iotx_coap_context_t *g_coap_context = NULL;

typedef struct {
    char *p_auth_token;
    int auth_token_len;
    char is_authed;
    IOTWIRE_KIT_COAP_DEVINFO *p_devinfo;
    Cloud_CoAPContext *p_coap_ctx;
    unsigned int coap_token;
    unsigned int seq;
    unsigned char key[16];
    iotx_event_handle_t event_handle;
} kit_coap_t;

static int kit_is_psk(const kit_coap_t *c)
{
    return COAP_ENDPOINT_PSK == c->p_coap_ctx->network.ep_type;
}

/* The next CoAP token: the 4 little-endian bytes of a counter from 0x01020304. */
static unsigned int kit_next_token(kit_coap_t *c, unsigned char out[4])
{
    unsigned int v = c->coap_token++;
    out[0] = (unsigned char)(v & 0xff);
    out[1] = (unsigned char)((v >> 8) & 0xff);
    out[2] = (unsigned char)((v >> 16) & 0xff);
    out[3] = (unsigned char)((v >> 24) & 0xff);
    return 4;
}

/* Copies a C string field of the SDK's device info into a field of the same size. */
static void kit_copy_field(char *dst, size_t cap, const char *src)
{
    size_t n = kit_strnlen(src, cap - 1);
    memset(dst, 0, cap);
    memcpy(dst, src, n);
}

/* Stores what a 2.05 auth reply grants. The payload is not NUL-terminated: it points into the
 * SDK's receive buffer. */
static int kit_accept_auth(kit_coap_t *c, const unsigned char *payload, unsigned short len)
{
    iotwire_coap_auth_reply_t r;
    iotwire_str_t ds;
    size_t n = 0;
    int rc = IOTX_ERR_AUTH_FAILED;

    if (iotwire_coap_auth_parse_payload(payload, len, IOTWIRE_COAP_FORMAT_JSON, &r) != IOTWIRE_OK) {
        return IOTX_ERR_AUTH_FAILED;
    }
    if (r.auth_token_len > (size_t)(c->auth_token_len - 1)) {
        rc = IOTX_ERR_BUFF_TOO_SHORT;
    } else if (kit_is_psk(c)) {
        ds = iotwire_str(c->p_devinfo->device_secret);
        if ((r.flags & IOTWIRE_COAP_AUTH_REPLY_HAS_SEQ_OFFSET) && (r.flags & IOTWIRE_COAP_AUTH_REPLY_HAS_RANDOM) &&
            iotwire_coap_derive_key(ds, iotwire_str(r.random), c->key, sizeof c->key, &n) == IOTWIRE_OK) {
            memset(c->p_auth_token, 0, (size_t)c->auth_token_len);
            memcpy(c->p_auth_token, r.auth_token, r.auth_token_len);
            c->seq = r.seq_offset;
            rc = IOTX_SUCCESS;
        }
    } else {
        memset(c->p_auth_token, 0, (size_t)c->auth_token_len);
        memcpy(c->p_auth_token, r.auth_token, r.auth_token_len);
        rc = IOTX_SUCCESS;
    }
    iotwire_wipe(&r, sizeof r);
    return rc;
}

static void kit_auth_callback(void *user, void *p_message)
{
    kit_coap_t *c = (kit_coap_t *)user;
    Cloud_CoAPMessage *message = (Cloud_CoAPMessage *)p_message;

    if (c == NULL || message == NULL) {
        return;
    }
    switch (message->header.code) {
        case COAP_MSG_CODE_205_CONTENT:
            if (kit_accept_auth(c, message->payload, message->payloadlen) == IOTX_SUCCESS) {
                c->is_authed = IOT_TRUE;
                COAP_INFO("CoAP authenticate success!!!");
            }
            break;
        case COAP_MSG_CODE_500_INTERNAL_SERVER_ERROR:
            COAP_INFO("CoAP internal server error, authenticate failed, will retry it");
            HAL_SleepMs(1000);
            IOT_CoAP_DeviceNameAuth((iotx_coap_context_t *)c);
            break;
        default:
            break;
    }
}

static void kit_event_notifier(unsigned int code, Cloud_CoAPMessage *message)
{
    if (message == NULL) {
        return;
    }
    if ((code == COAP_MSG_CODE_402_BAD_OPTION || code == COAP_MSG_CODE_401_UNAUTHORIZED) && message->user != NULL) {
        kit_coap_t *c = (kit_coap_t *)message->user;
        c->is_authed = IOT_FALSE;
        IOT_CoAP_DeviceNameAuth(c);
        COAP_INFO("IoTx token expired, will reauthenticate");
    }
}

static void kit_report_response(void *arg, void *p_response)
{
    int len = 0;
    unsigned char *p_payload = NULL;
    iotx_coap_resp_code_t resp_code;
    (void)arg;
    IOT_CoAP_GetMessageCode(p_response, &resp_code);
    IOT_CoAP_GetMessagePayload(p_response, &p_payload, &len);
}

/* The SDK's report hook (module id, device info) sends through IOT_CoAP_SendMessage. */
static int kit_report(void *handle, const char *topic_name, int req_ack, void *data, int len)
{
    iotx_message_t message;
    char coap_topic[100] = {0};
    (void)req_ack;
    memset(&message, 0, sizeof(iotx_message_t));
    message.p_payload = (unsigned char *)data;
    message.payload_len = (unsigned short)len;
    message.resp_callback = kit_report_response;
    message.msg_type = IOTX_MESSAGE_NON;
    message.content_type = IOTX_CONTENT_TYPE_JSON;
    HAL_Snprintf(coap_topic, sizeof coap_topic, "/topic%s", topic_name);
    return IOT_CoAP_SendMessage(handle, coap_topic, &message);
}

int IOT_CoAP_DeviceNameAuth(iotx_coap_context_t *p_context)
{
    kit_coap_t *c = (kit_coap_t *)p_context;
    Cloud_CoAPMessage message;
    iotwire_coap_auth_options_t auth;
    char payload[IOTWIRE_COAP_AUTH_PAYLOAD_MAX_SIZE];
    unsigned char token[8] = {0};
    size_t len = 0;
    int ret;

    if (c == NULL || c->p_auth_token == NULL || c->p_coap_ctx == NULL || c->auth_token_len == 0) {
        return IOTX_ERR_INVALID_PARAM;
    }
    CoAPMessage_init(&message);
    CoAPMessageType_set(&message, COAP_MESSAGE_TYPE_CON);
    CoAPMessageCode_set(&message, COAP_MSG_CODE_POST);
    CoAPMessageId_set(&message, Cloud_CoAPMessageId_gen(c->p_coap_ctx));
    CoAPMessageToken_set(&message, token, (unsigned char)kit_next_token(c, token));
    Cloud_CoAPMessageHandler_set(&message, kit_auth_callback);
    CoAPStrOption_add(&message, COAP_OPTION_URI_PATH, (unsigned char *)"auth", 4);
    CoAPUintOption_add(&message, COAP_OPTION_CONTENT_FORMAT, COAP_CT_APP_JSON);
    CoAPUintOption_add(&message, COAP_OPTION_ACCEPT, COAP_CT_APP_JSON);
    CoAPMessageUserData_set(&message, (void *)c);

    iotwire_coap_auth_options_init(&auth);
    auth.profile = IOTWIRE_COAP_PROFILE_V3_2_0;
    auth.product_key = iotwire_str(c->p_devinfo->product_key);
    auth.device_name = iotwire_str(c->p_devinfo->device_name);
    auth.device_secret = iotwire_str(c->p_devinfo->device_secret);
    auth.client_id = iotwire_str(c->p_devinfo->device_id);
    if (kit_is_psk(c)) {
        auth.flags = IOTWIRE_COAP_AUTH_FLAG_SEQ;
        auth.seq = c->seq;
    }
    if (iotwire_coap_auth_get_payload(&auth, (uint8_t *)payload, sizeof payload, &len) != IOTWIRE_OK) {
        CoAPMessage_destory(&message);
        return IOTX_ERR_AUTH_FAILED;
    }
    CoAPMessagePayload_set(&message, (unsigned char *)payload, (unsigned short)len);
    ret = Cloud_CoAPMessage_send(c->p_coap_ctx, &message);
    CoAPMessage_destory(&message);
    iotwire_wipe(payload, sizeof payload);
    if (COAP_SUCCESS != ret) {
        return IOTX_ERR_SEND_MSG_FAILED;
    }

    ret = Cloud_CoAPMessage_recv(c->p_coap_ctx, CONFIG_COAP_AUTH_TIMEOUT, 2);
    if (0 < ret && !c->is_authed) {
        COAP_INFO("CoAP authenticate failed");
        return IOTX_ERR_AUTH_FAILED;
    }
    iotx_set_report_func(kit_report);
    ret = iotx_report_mid(p_context);
    if (SUCCESS_RETURN != ret) {
        COAP_WRN("Send ModuleId message to server(CoAP) failed, ret = %d", ret);
    }
    ret = iotx_report_devinfo(p_context);
    if (SUCCESS_RETURN != ret) {
        COAP_WRN("Send devinfo message to server(CoAP) failed, ret = %d", ret);
    }
    return IOTX_SUCCESS;
}

/* One Uri-Path option per non-empty segment of `uri`, as the SDK split it. The last segment is
 * cut at 127 characters as the SDK's copy was; an earlier segment that long overflowed the
 * SDK's 128-byte stack buffer and is refused here. */
static int kit_split_path(const char *uri, Cloud_CoAPMessage *message)
{
    const char *seg = uri;
    const char *p;

    if (uri == NULL || message == NULL) {
        return IOTX_ERR_INVALID_PARAM;
    }
    if (strlen(uri) > IOTX_URI_MAX_LEN) {
        return IOTX_ERR_URI_TOO_LOOG;
    }
    for (p = uri; *p != '\0'; p++) {
        if (*p == '/') {
            if (p != seg) {
                if ((size_t)(p - seg) > KIT_PATH_SEGMENT_MAX) {
                    return IOTX_ERR_URI_TOO_LOOG;
                }
                CoAPStrOption_add(message, COAP_OPTION_URI_PATH, (unsigned char *)seg, (unsigned short)(p - seg));
            }
            seg = p + 1;
        }
        if (*(p + 1) == '\0' && *seg != '\0') {
            size_t n = kit_strnlen(seg, KIT_PATH_SEGMENT_MAX);
            CoAPStrOption_add(message, COAP_OPTION_URI_PATH, (unsigned char *)seg, (unsigned short)n);
        }
    }
    return IOTX_SUCCESS;
}

uint32_t IOT_CoAP_GetCurToken(iotx_coap_context_t *p_context)
{
    if (p_context == NULL) {
        return (uint32_t)IOTX_ERR_INVALID_PARAM;
    }
    return ((kit_coap_t *)p_context)->coap_token;
}

int IOT_CoAP_SendMessage(iotx_coap_context_t *p_context, char *p_path, iotx_message_t *p_message)
{
    kit_coap_t *c = (kit_coap_t *)p_context;
    Cloud_CoAPMessage message;
    unsigned char token[8] = {0};
    unsigned char *payload = NULL;
    int ret;

    if (c == NULL || p_path == NULL || p_message == NULL || c->p_coap_ctx == NULL) {
        return IOTX_ERR_INVALID_PARAM;
    }
    if (p_message->msg_type != IOTX_MESSAGE_CON && p_message->msg_type != IOTX_MESSAGE_NON) {
        return IOTX_ERR_INVALID_PARAM;
    }
    if (p_message->payload_len >= COAP_MSG_MAX_PDU_LEN) {
        return IOTX_ERR_MSG_TOO_LOOG;
    }
    /* The SDK read through a NULL payload here. */
    if (p_message->p_payload == NULL && p_message->payload_len > 0) {
        return IOTX_ERR_INVALID_PARAM;
    }
    if (!c->is_authed) {
        COAP_ERR("The client [%s/%s] still un-authorized yet, return %d", c->p_devinfo->product_key,
                 c->p_devinfo->device_name, IOTX_ERR_NOT_AUTHED);
        return IOTX_ERR_NOT_AUTHED;
    }

    CoAPMessage_init(&message);
    CoAPMessageType_set(&message, p_message->msg_type);
    CoAPMessageCode_set(&message, COAP_MSG_CODE_POST);
    CoAPMessageId_set(&message, Cloud_CoAPMessageId_gen(c->p_coap_ctx));
    CoAPMessageToken_set(&message, token, (unsigned char)kit_next_token(c, token));
    CoAPMessageUserData_set(&message, (void *)p_message->user_data);
    Cloud_CoAPMessageHandler_set(&message, p_message->resp_callback);
    ret = kit_split_path(p_path, &message);
    if (IOTX_SUCCESS != ret) {
        CoAPMessage_destory(&message);
        return ret;
    }
    CoAPUintOption_add(&message, COAP_OPTION_CONTENT_FORMAT,
                       IOTX_CONTENT_TYPE_CBOR == p_message->content_type ? COAP_CT_APP_CBOR : COAP_CT_APP_JSON);
    CoAPUintOption_add(&message, COAP_OPTION_ACCEPT, COAP_CT_APP_OCTET_STREAM);
    CoAPStrOption_add(&message, COAP_OPTION_AUTH_TOKEN, (unsigned char *)c->p_auth_token,
                      (unsigned short)strlen(c->p_auth_token));
    if (kit_is_psk(c)) {
        char seq_text[32] = {0};
        unsigned char seq[32];
        size_t len = 0;
        /* The SDK printed its unsigned counter with %d, then counted up. */
        HAL_Snprintf(seq_text, sizeof seq_text - 1, "%d", (int)c->seq++);
        if (iotwire_coap_aes_encrypt(c->key, sizeof c->key, (const uint8_t *)seq_text, strlen(seq_text), seq,
                                     sizeof seq, &len) == IOTWIRE_OK) {
            CoAPStrOption_add(&message, COAP_OPTION_SEQ, seq, (unsigned short)len);
        }
        payload = (unsigned char *)coap_malloc(COAP_MSG_MAX_PDU_LEN);
        if (payload == NULL) {
            CoAPMessage_destory(&message);
            return IOTX_ERR_NO_MEM;
        }
        if (iotwire_coap_aes_encrypt(c->key, sizeof c->key, p_message->p_payload, p_message->payload_len, payload,
                                     COAP_MSG_MAX_PDU_LEN, &len) != IOTWIRE_OK) {
            coap_free(payload);
            CoAPMessage_destory(&message);
            return IOTX_ERR_INVALID_PARAM;
        }
        CoAPMessagePayload_set(&message, payload, (unsigned short)len);
    } else {
        CoAPMessagePayload_set(&message, p_message->p_payload, p_message->payload_len);
    }
    ret = Cloud_CoAPMessage_send(c->p_coap_ctx, &message);
    CoAPMessage_destory(&message);
    if (payload != NULL) {
        coap_free(payload);
    }
    if (COAP_ERROR_DATA_SIZE == ret) {
        return IOTX_ERR_MSG_TOO_LOOG;
    }
    return IOTX_SUCCESS;
}

int IOT_CoAP_GetMessagePayload(void *p_message, unsigned char **pp_payload, int *p_len)
{
    Cloud_CoAPMessage *message = (Cloud_CoAPMessage *)p_message;
    kit_coap_t *c = (kit_coap_t *)g_coap_context;

    if (message == NULL || pp_payload == NULL || p_len == NULL || c == NULL) {
        return IOTX_ERR_INVALID_PARAM;
    }
    if (message->payloadlen >= COAP_MSG_MAX_PDU_LEN) {
        return IOTX_ERR_INVALID_PARAM;
    }
    /* An empty payload stays empty, as in the SDK. A payload that is not whole blocks, or
     * whose PKCS#7 padding is wrong, cannot come from the platform: refused, message untouched
     * (the SDK trusted the last byte). */
    if (kit_is_psk(c) && message->payloadlen > 0 && message->payload != NULL) {
        unsigned char *plain;
        size_t len = 0;
        int32_t rc;
        plain = (unsigned char *)coap_malloc(message->payloadlen);
        if (plain == NULL) {
            return IOTX_ERR_NO_MEM;
        }
        rc = iotwire_coap_aes_decrypt(c->key, sizeof c->key, message->payload, message->payloadlen, plain,
                                      message->payloadlen, &len);
        if (rc == IOTWIRE_OK && len > 0) {
            /* As the SDK did: the plaintext replaces the ciphertext in place; an empty plaintext
             * leaves the ciphertext. */
            memcpy(message->payload, plain, len);
            message->payloadlen = (unsigned short)len;
        }
        iotwire_wipe(plain, message->payloadlen);
        coap_free(plain);
        if (rc != IOTWIRE_OK) {
            return IOTX_ERR_INVALID_PARAM;
        }
    }
    *pp_payload = message->payload;
    *p_len = message->payloadlen;
    return IOTX_SUCCESS;
}

int IOT_CoAP_GetMessageToken(void *p_message, unsigned int *token)
{
    Cloud_CoAPMessage *message = (Cloud_CoAPMessage *)p_message;
    if (message == NULL || token == NULL) {
        return -1;
    }
    *token = ((unsigned int)(message->token[3]) & 0xff) << 24;
    *token += ((unsigned int)(message->token[2]) & 0xff) << 16;
    *token += ((unsigned int)(message->token[1]) & 0xff) << 8;
    *token += ((unsigned int)(message->token[0]) & 0xff);
    return 0;
}

int IOT_CoAP_GetMessageCode(void *p_message, iotx_coap_resp_code_t *p_resp_code)
{
    Cloud_CoAPMessage *message = (Cloud_CoAPMessage *)p_message;
    if (message == NULL || p_resp_code == NULL) {
        return IOTX_ERR_INVALID_PARAM;
    }
    *p_resp_code = (iotx_coap_resp_code_t)message->header.code;
    return IOTX_SUCCESS;
}

/* The SDK's first seq: a HAL random below 10000, seeded from the uptime. */
static unsigned int kit_first_seq(void)
{
    HAL_Srandom((unsigned int)HAL_UptimeMs());
    return HAL_Random(0xffffffff) % 10000;
}

static void kit_coap_free(kit_coap_t *c)
{
    if (c->p_devinfo != NULL) {
        iotwire_wipe(c->p_devinfo, sizeof(*c->p_devinfo));
        coap_free(c->p_devinfo);
    }
    if (c->p_auth_token != NULL) {
        iotwire_wipe(c->p_auth_token, KIT_AUTH_TOKEN_LEN);
        coap_free(c->p_auth_token);
    }
    if (c->p_coap_ctx != NULL) {
        Cloud_CoAPContext_free(c->p_coap_ctx);
    }
    iotwire_wipe(c, sizeof(*c));
    coap_free(c);
}

iotx_coap_context_t *IOT_CoAP_Init(iotx_coap_config_t *p_config)
{
    Cloud_CoAPInitParam param;
    char url[128] = {0};
    kit_coap_t *c;

    if (p_config == NULL || p_config->p_devinfo == NULL) {
        return NULL;
    }
    c = (kit_coap_t *)coap_malloc(sizeof(kit_coap_t));
    if (c == NULL) {
        return NULL;
    }
    memset(c, 0, sizeof(kit_coap_t));
    c->p_auth_token = (char *)coap_malloc(KIT_AUTH_TOKEN_LEN);
    c->p_devinfo = (IOTWIRE_KIT_COAP_DEVINFO *)coap_malloc(sizeof(IOTWIRE_KIT_COAP_DEVINFO));
    if (c->p_auth_token == NULL || c->p_devinfo == NULL) {
        kit_coap_free(c);
        return NULL;
    }
    memset(c->p_auth_token, 0, KIT_AUTH_TOKEN_LEN);
    c->is_authed = IOT_FALSE;
    c->auth_token_len = KIT_AUTH_TOKEN_LEN;
    kit_copy_field(c->p_devinfo->device_id, sizeof c->p_devinfo->device_id, p_config->p_devinfo->device_id);
    kit_copy_field(c->p_devinfo->product_key, sizeof c->p_devinfo->product_key, p_config->p_devinfo->product_key);
    kit_copy_field(c->p_devinfo->device_secret, sizeof c->p_devinfo->device_secret,
                   p_config->p_devinfo->device_secret);
    kit_copy_field(c->p_devinfo->device_name, sizeof c->p_devinfo->device_name, p_config->p_devinfo->device_name);
    c->coap_token = KIT_COAP_INIT_TOKEN;
    c->seq = kit_first_seq();

    memset(&param, 0, sizeof(Cloud_CoAPInitParam));
    if (p_config->p_url != NULL) {
        param.url = p_config->p_url;
    } else {
        HAL_Snprintf(url, sizeof(url), KIT_PSK_SERVER_URL, c->p_devinfo->product_key);
        param.url = url;
    }
    param.maxcount = KIT_LIST_MAX_ITEM;
    param.notifier = (Cloud_CoAPEventNotifier)kit_event_notifier;
    param.waittime = p_config->wait_time_ms;
    c->p_coap_ctx = Cloud_CoAPContext_create(&param);
    if (c->p_coap_ctx == NULL) {
        kit_coap_free(c);
        return NULL;
    }
    c->event_handle = p_config->event_handle;
    g_coap_context = (iotx_coap_context_t *)c;
    return (iotx_coap_context_t *)c;
}

void IOT_CoAP_Deinit(iotx_coap_context_t **pp_context)
{
    if (pp_context != NULL && *pp_context != NULL) {
        kit_coap_free((kit_coap_t *)*pp_context);
        *pp_context = NULL;
        g_coap_context = NULL;
    }
}

int IOT_CoAP_Yield(iotx_coap_context_t *p_context)
{
    kit_coap_t *c = (kit_coap_t *)p_context;
    if (c == NULL || c->p_coap_ctx == NULL) {
        return IOTX_ERR_INVALID_PARAM;
    }
    return Cloud_CoAPMessage_cycle(c->p_coap_ctx);
}
#endif /* COAP_CLIENT */
