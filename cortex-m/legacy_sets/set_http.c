/* Legacy-equivalent set: HTTPS core (see README.md). */
/* In the cumulative images (all_sets.c, -DALL_SETS) this main() is set_http(). */
#if defined(ALL_SETS)
#define main set_http
#endif
#include "iotwire.h"

static char text[IOTWIRE_HTTP_AUTH_REQUEST_MAX_SIZE];
static uint8_t request[512];
static char token[IOTWIRE_HTTP_TOKEN_MAX_SIZE];
static size_t len;

int main(void)
{
    static const char reply[] =
        "{\"code\":0,\"message\":\"success\",\"info\":{\"token\":\"t\",\"messageId\":1}}";
    static const char reg[] = "{\"code\":200,\"data\":{\"deviceSecret\":\"s\"}}";
    iotwire_http_auth_options_t h;
    iotwire_http_response_t resp;
    iotwire_dynreg_https_options_t d;
    int32_t rc = iotwire_http_auth_options_init(&h);
    h.profile = IOTWIRE_HTTP_PROFILE_V3_2_0;
    h.product_key = iotwire_str("a1X2bEnP82z");
    h.device_name = iotwire_str("example1");
    h.device_secret = iotwire_str("secret");
    rc |= iotwire_http_get_auth(&h, IOTWIRE_HTTP_PART_REQUEST, text, sizeof text, &len);
    resp.struct_size = sizeof resp;
    rc |= iotwire_http_parse_response(IOTWIRE_HTTP_RESPONSE_AUTH, (const uint8_t *)reply,
                                      sizeof reply - 1, &resp, token, sizeof token, &len);
    rc |= iotwire_http_publish_request(IOTWIRE_HTTP_PROFILE_V3_2_0, iotwire_str(NULL),
                                       iotwire_str("/a/b"), iotwire_str(token),
                                       (const uint8_t *)"{}", 2, request, sizeof request, &len);
    rc |= iotwire_http_parse_response(IOTWIRE_HTTP_RESPONSE_PUBLISH, (const uint8_t *)reply,
                                      sizeof reply - 1, &resp, NULL, 0, &len);
    rc |= iotwire_dynreg_https_options_init(&d);
    d.profile = IOTWIRE_HTTP_PROFILE_V3_2_0;
    d.product_key = iotwire_str("a1X2bEnP82z");
    d.device_name = iotwire_str("example1");
    d.product_secret = iotwire_str("psecret");
    d.random = iotwire_str("8Ygb7ULYh53B6OA");
    rc |= iotwire_dynreg_https_get(&d, IOTWIRE_HTTP_PART_REQUEST, text, sizeof text, &len);
    rc |= iotwire_register_reply_get(IOTWIRE_REPLY_HTTPS_REGISTER, (const uint8_t *)reg,
                                     sizeof reg - 1, IOTWIRE_REPLY_FIELD_DEVICE_SECRET, token,
                                     sizeof token, &len);
    return rc == 0 ? 0 : 1;
}
