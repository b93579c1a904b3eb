/* CoAP known answers of libiotwire on a Cortex-M, run under QEMU by scripts/cortex-m-gate.sh:
 * the symmetric-mode key derivation, AES-128-CBC both ways (bare-metal builds use the compact
 * table-driven AES of crates/iotwire/src/coap/aes128.rs, which hosts never run), and every
 * legacy message flow: the auth datagram from the session, the 2.05 reply accepted into it,
 * the (encrypted) publish datagram, and that datagram's payload decrypted again by
 * iotwire_coap_parse_response. Every expected value comes from cm_coap_vectors.h, which
 * gen_expected.py generates from tests/vectors/legacy-c-sdk.dev.json. Prints one line per
 * case and "DONE n passed, m failed"; main's return value becomes the semihosting exit
 * status. */
#include "iotwire.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const char *id;
    const char *device_secret;
    const char *random;
    const uint8_t *key;
} cm_key_case_t;

typedef struct {
    const char *id;
    int decrypt;
    int refused; /* strict PKCS#7: a pad the legacy SDK did not check is an error */
    const uint8_t *key;
    const uint8_t *in;
    size_t in_len;
    const uint8_t *out;
    size_t out_len;
} cm_aes_case_t;

typedef struct {
    const char *id;
    uint32_t profile;
    int symmetric;
    uint16_t msgid_init;
    uint32_t seq_init;
    uint32_t seq_after_auth;
    const char *product_key;
    const char *device_name;
    const char *device_secret;
    const char *client_id;
    const char *auth_reply_json;
    const char *token;
    const char *random;
    const char *topic;
    const char *payload;
    const uint8_t *auth_request;
    size_t auth_request_len;
    const uint8_t *publish;
    size_t publish_len;
    const uint8_t *key;
} cm_flow_case_t;

#include "cm_coap_vectors.h"

#define CM_COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define CM_POISON 0xA5

static unsigned cm_passed;
static unsigned cm_failed;

static void report(int ok, const char *api, const char *id)
{
    printf("%s %s %s\n", ok ? "PASS" : "FAIL", api, id);
    if (ok) {
        cm_passed++;
    } else {
        cm_failed++;
    }
}

/* Bytes of an output against the expected ones; prints the first difference. */
static int bytes_eq(const char *what, const uint8_t *got, size_t got_len, const uint8_t *want,
                    size_t want_len)
{
    size_t i;
    if (got_len != want_len) {
        printf("  %s: %lu bytes, want %lu\n", what, (unsigned long)got_len,
               (unsigned long)want_len);
        return 0;
    }
    for (i = 0; i < want_len; i++) {
        if (got[i] != want[i]) {
            printf("  %s: byte %lu is %02x, want %02x\n", what, (unsigned long)i, got[i],
                   want[i]);
            return 0;
        }
    }
    return 1;
}

static int status_ok(const char *what, int32_t rc)
{
    if (rc != IOTWIRE_OK) {
        printf("  %s: %s\n", what, iotwire_status_str(rc));
        return 0;
    }
    return 1;
}

static void run_key(const cm_key_case_t *c)
{
    uint8_t key[IOTWIRE_COAP_KEY_LEN];
    size_t len = 0;
    int32_t rc = iotwire_coap_derive_key(iotwire_str(c->device_secret), iotwire_str(c->random),
                                         key, sizeof key, &len);
    int ok = status_ok("derive", rc) && bytes_eq("key", key, len, c->key, sizeof key);
    report(ok, "iotwire_coap_derive_key", c->id);
}

typedef iotwire_status_t (*cm_aes_fn)(const uint8_t *, size_t, const uint8_t *, size_t,
                                      uint8_t *, size_t, size_t *);

/* Size query, then the output into a poisoned buffer with room to spare. */
static int aes_eq(const char *what, cm_aes_fn fn, const uint8_t *key, const uint8_t *in,
                  size_t in_len, const uint8_t *want, size_t want_len)
{
    uint8_t out[128];
    size_t need = 0;
    size_t len = 0;
    int32_t rc = fn(key, IOTWIRE_COAP_KEY_LEN, in, in_len, NULL, 0, &need);
    if (!status_ok(what, rc) || need != want_len) {
        printf("  %s size query: %lu, want %lu\n", what, (unsigned long)need,
               (unsigned long)want_len);
        return 0;
    }
    memset(out, CM_POISON, sizeof out);
    rc = fn(key, IOTWIRE_COAP_KEY_LEN, in, in_len, out, sizeof out, &len);
    return status_ok(what, rc) && bytes_eq(what, out, len, want, want_len) &&
           (len == sizeof out || out[len] == CM_POISON);
}

/* A refused decrypt: the status, and nothing written. */
static int aes_refused(const cm_aes_case_t *c)
{
    uint8_t out[128];
    size_t len = (size_t)-1;
    int32_t rc;
    memset(out, CM_POISON, sizeof out);
    rc = iotwire_coap_aes_decrypt(c->key, IOTWIRE_COAP_KEY_LEN, c->in, c->in_len, out, sizeof out,
                                  &len);
    if (rc != IOTWIRE_ERR_COAP_BAD_PADDING || len != (size_t)-1 || out[0] != CM_POISON ||
        out[sizeof out - 1] != CM_POISON) {
        printf("  strict decrypt: %s\n", iotwire_status_str(rc));
        return 0;
    }
    return 1;
}

static void run_aes(const cm_aes_case_t *c)
{
    int ok;
    if (c->refused) {
        ok = aes_refused(c);
    } else if (c->decrypt) {
        ok = aes_eq("decrypt", iotwire_coap_aes_decrypt, c->key, c->in, c->in_len, c->out,
                    c->out_len);
    } else {
        ok = aes_eq("encrypt", iotwire_coap_aes_encrypt, c->key, c->in, c->in_len, c->out,
                    c->out_len) &&
             aes_eq("decrypt back", iotwire_coap_aes_decrypt, c->key, c->out, c->out_len,
                    c->in, c->in_len);
    }
    report(ok, c->decrypt ? "iotwire_coap_aes_decrypt" : "iotwire_coap_aes_encrypt", c->id);
}

static iotwire_coap_session_t cm_session;

/* The platform's piggy-backed 2.05 to `request`: ACK, same message id and token, the JSON. */
static size_t ack_205(const uint8_t *request, const char *json, uint8_t *out, size_t cap)
{
    size_t tkl = (size_t)(request[0] & 0x0f);
    size_t n = strlen(json);
    if (4 + tkl + 1 + n > cap) {
        return 0;
    }
    out[0] = (uint8_t)(0x60 | tkl);
    out[1] = 0x45;
    out[2] = request[2];
    out[3] = request[3];
    memcpy(out + 4, request + 4, tkl);
    out[4 + tkl] = 0xff;
    memcpy(out + 5 + tkl, json, n);
    return 5 + tkl + n;
}

static int flow_auth(const cm_flow_case_t *c, iotwire_coap_auth_options_t *a)
{
    uint8_t dgram[IOTWIRE_COAP_AUTH_DATAGRAM_MAX_SIZE];
    uint8_t reply_dgram[256];
    iotwire_coap_auth_reply_t reply;
    size_t need = 0;
    size_t len = 0;
    size_t n;
    int ok;

    (void)iotwire_coap_auth_options_init(a);
    a->profile = c->profile;
    a->product_key = iotwire_str(c->product_key);
    a->device_name = iotwire_str(c->device_name);
    a->device_secret = iotwire_str(c->device_secret);
    a->client_id = iotwire_str(c->client_id);
    if (c->symmetric) {
        a->flags = IOTWIRE_COAP_AUTH_FLAG_SEQ;
        a->seq = c->seq_init;
    }
    ok = status_ok("auth size query", iotwire_coap_auth_build(&cm_session, a, NULL, 0, &need)) &&
         need == c->auth_request_len &&
         status_ok("auth", iotwire_coap_auth_build(&cm_session, a, dgram, sizeof dgram, &len)) &&
         bytes_eq("auth datagram", dgram, len, c->auth_request, c->auth_request_len);
    if (!ok) {
        return 0;
    }
    n = ack_205(dgram, c->auth_reply_json, reply_dgram, sizeof reply_dgram);
    memset(&reply, CM_POISON, sizeof reply);
    ok = n > 0 && status_ok("accept", iotwire_coap_auth_accept_response(&cm_session, a,
                                                                        reply_dgram, n, &reply));
    if (!ok) {
        return 0;
    }
    if (reply.auth_token_len != strlen(c->token) || strcmp(reply.auth_token, c->token) != 0) {
        printf("  reply token: got \"%s\" want \"%s\"\n", reply.auth_token, c->token);
        return 0;
    }
    if (c->symmetric && (reply.seq_offset != c->seq_after_auth ||
                         strcmp(reply.random, c->random) != 0)) {
        printf("  reply random/seqOffset: \"%s\" %lu\n", reply.random,
               (unsigned long)reply.seq_offset);
        return 0;
    }
    return 1;
}

static int flow_publish(const cm_flow_case_t *c)
{
    uint8_t dgram[512];
    uint8_t body[256];
    iotwire_coap_publish_options_t p;
    iotwire_coap_response_t resp;
    size_t len = 0;
    size_t body_len = 0;
    int ok;

    (void)iotwire_coap_publish_options_init(&p);
    p.profile = c->profile;
    p.topic = iotwire_str(c->topic);
    p.payload = iotwire_str(c->payload);
    ok = status_ok("publish", iotwire_coap_publish_build(&cm_session, &p, dgram, sizeof dgram,
                                                         &len)) &&
         bytes_eq("publish datagram", dgram, len, c->publish, c->publish_len);
    if (!ok || !c->symmetric) {
        return ok;
    }
    /* The session's key decrypts the payload it encrypted (a request code, hence the
     * status in the response struct, but the datagram itself is understood). */
    ok = status_ok("parse", iotwire_coap_parse_response(&cm_session, dgram, len, &resp, body,
                                                        sizeof body, &body_len)) &&
         resp.status == IOTWIRE_ERR_COAP_UNEXPECTED_CODE &&
         bytes_eq("decrypted payload", body, body_len, (const uint8_t *)c->payload,
                  strlen(c->payload));
    return ok;
}

static void run_flow(const cm_flow_case_t *c)
{
    iotwire_coap_auth_options_t a;
    uint8_t key[IOTWIRE_COAP_KEY_LEN];
    size_t key_len = 0;
    int ok = status_ok("session", iotwire_coap_session_init(&cm_session, c->msgid_init)) &&
             flow_auth(c, &a) && flow_publish(c);
    if (ok && c->symmetric) {
        ok = status_ok("key", iotwire_coap_derive_key(iotwire_str(c->device_secret),
                                                      iotwire_str(c->random), key, sizeof key,
                                                      &key_len)) &&
             bytes_eq("key", key, key_len, c->key, sizeof key);
    }
    (void)iotwire_coap_session_clear(&cm_session);
    report(ok, "coap flow", c->id);
}

int main(void)
{
    size_t i;
    for (i = 0; i < CM_COUNT(cm_key_cases); i++) {
        run_key(&cm_key_cases[i]);
    }
    for (i = 0; i < CM_COUNT(cm_aes_cases); i++) {
        run_aes(&cm_aes_cases[i]);
    }
    for (i = 0; i < CM_COUNT(cm_flow_cases); i++) {
        run_flow(&cm_flow_cases[i]);
    }
    printf("DONE %u passed, %u failed\n", cm_passed, cm_failed);
    return cm_failed == 0 ? 0 : 1;
}
