/* Legacy-equivalent set: CoAP core in symmetric (AES) mode (see README.md). */
/* In the cumulative images (all_sets.c, -DALL_SETS) this main() is set_coap(). */
#if defined(ALL_SETS)
#define main set_coap
#endif
#include "iotwire.h"

static iotwire_coap_session_t session;
static uint8_t dgram[512];
static uint8_t payload[256];
static size_t len;

int main(void)
{
    iotwire_coap_auth_options_t a;
    iotwire_coap_auth_reply_t reply;
    iotwire_coap_publish_options_t p;
    iotwire_coap_response_t resp;
    /* A 2.05 ACK carrying the auth reply, as the platform sends it (token 04030201). */
    static const uint8_t auth_reply[] = {
        0x64, 0x45, 0x00, 0x01, 0x04, 0x03, 0x02, 0x01, 0xff,
        '{', '"', 't', 'o', 'k', 'e', 'n', '"', ':', '"', 'T', 'O', 'K', '"', ',',
        '"', 'r', 'a', 'n', 'd', 'o', 'm', '"', ':', '"', 'a', 'd', '2', 'b', '"', ',',
        '"', 's', 'e', 'q', 'O', 'f', 'f', 's', 'e', 't', '"', ':', '1', '}'};
    int32_t rc = iotwire_coap_session_init(&session, 1);
    rc |= iotwire_coap_auth_options_init(&a);
    a.profile = IOTWIRE_COAP_PROFILE_V3_2_0;
    a.flags = IOTWIRE_COAP_AUTH_FLAG_SEQ;
    a.seq = 1000;
    a.product_key = iotwire_str("a1NUjcVkHZS");
    a.device_name = iotwire_str("dev00");
    a.device_secret = iotwire_str("secret");
    rc |= iotwire_coap_auth_build(&session, &a, dgram, sizeof dgram, &len);
    rc |= iotwire_coap_auth_accept_response(&session, &a, auth_reply, sizeof auth_reply, &reply);
    rc |= iotwire_coap_publish_options_init(&p);
    p.profile = IOTWIRE_COAP_PROFILE_V3_2_0;
    p.topic = iotwire_str("/topic/a/b");
    p.payload = iotwire_str("{}");
    rc |= iotwire_coap_publish_build(&session, &p, dgram, sizeof dgram, &len);
    rc |= iotwire_coap_parse_response(&session, dgram, len, &resp, payload, sizeof payload, &len);
    return rc == 0 ? 0 : 1;
}
