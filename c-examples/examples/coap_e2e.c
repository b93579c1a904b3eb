/* End to end over Alibaba CoAP symmetric encryption (port 5682 style), against a platform
 * simulator on loopback (c-examples/examples/coap_platform_sim.py starts this program with the
 * simulator's UDP port):
 *
 *   1. POST /auth with a seq: the reply's token, random and seqOffset go into the session
 *      (the AES key is derived from DeviceSecret and random);
 *   2. an encrypted property post (payload and seq option 2089 under AES-128-CBC); the reply's
 *      payload is decrypted and the cloud message id (option 2090) read;
 *   3. the simulator then expires the token: the next publish gets 4.01, which the library
 *      reports as IOTWIRE_ERR_COAP_UNAUTHORIZED, so the device authenticates again and resends.
 *
 * No heap, no globals in the library: every buffer is here, on the stack. */
#define _POSIX_C_SOURCE 200112L

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "iotwire.h"

#define PK "a1NUjcVkHZS"
#define DN "dev00"
#define DS "mRPVdzSMu2nVBxzK77ERPIMxSYIvABCD"
#define TOPIC "/sys/" PK "/" DN "/thing/event/property/post"

typedef struct {
    int fd;
    struct sockaddr_in peer;
} link_t;

static int link_open(link_t *l, unsigned short port)
{
    struct timeval tv;
    l->fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (l->fd < 0) {
        perror("socket");
        return -1;
    }
    /* A lost datagram must fail the test, not hang it. */
    tv.tv_sec = 5;
    tv.tv_usec = 0;
    if (setsockopt(l->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) != 0) {
        perror("setsockopt");
        return -1;
    }
    memset(&l->peer, 0, sizeof l->peer);
    l->peer.sin_family = AF_INET;
    l->peer.sin_port = htons(port);
    l->peer.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return 0;
}

/* Sends `req` and waits for one datagram into `rx`; returns its length or -1. */
static long exchange(const link_t *l, const uint8_t *req, size_t req_len, uint8_t *rx,
                     size_t rx_cap)
{
    ssize_t n = sendto(l->fd, req, req_len, 0, (const struct sockaddr *)&l->peer,
                       sizeof l->peer);
    if (n < 0 || (size_t)n != req_len) {
        perror("sendto");
        return -1;
    }
    n = recvfrom(l->fd, rx, rx_cap, 0, NULL, NULL);
    if (n < 0) {
        perror("recvfrom");
        return -1;
    }
    return (long)n;
}

static int fail(const char *what, int32_t rc)
{
    fprintf(stderr, "coap_e2e: %s: %s (%ld)\n", what, iotwire_status_str(rc), (long)rc);
    return 1;
}

/* Authenticates: the session ends up holding token, key and seq base. */
static int authenticate(const link_t *l, iotwire_coap_session_t *session,
                        const iotwire_coap_auth_options_t *auth)
{
    uint8_t req[IOTWIRE_COAP_AUTH_DATAGRAM_MAX_SIZE];
    uint8_t rx[IOTWIRE_COAP_MAX_DATAGRAM_DEFAULT];
    iotwire_coap_auth_reply_t reply;
    size_t req_len = 0;
    long rx_len;
    int32_t rc = iotwire_coap_auth_build(session, auth, req, sizeof req, &req_len);
    if (rc != IOTWIRE_OK) {
        return fail("auth build", rc);
    }
    rx_len = exchange(l, req, req_len, rx, sizeof rx);
    if (rx_len < 0) {
        return 1;
    }
    rc = iotwire_coap_auth_accept_response(session, auth, rx, (size_t)rx_len, &reply);
    if (rc != IOTWIRE_OK) {
        return fail("auth response", rc);
    }
    printf("authenticated: token %s, random %s, seqOffset %lu\n", reply.auth_token, reply.random,
           (unsigned long)reply.seq_offset);
    return 0;
}

/* Publishes `payload`; *status gets the response's meaning, the decrypted reply goes to
 * `body`. Returns 0 when a response was understood (whatever its status). */
static int publish(const link_t *l, iotwire_coap_session_t *session, const char *payload,
                   int32_t *status, char *body, size_t body_cap)
{
    iotwire_coap_publish_options_t po;
    uint8_t req[IOTWIRE_COAP_MAX_DATAGRAM_DEFAULT];
    uint8_t rx[IOTWIRE_COAP_MAX_DATAGRAM_DEFAULT];
    iotwire_coap_response_t resp;
    size_t req_len = 0, body_len = 0;
    long rx_len;
    int32_t rc;

    iotwire_coap_publish_options_init(&po);
    po.topic = iotwire_str(TOPIC);
    po.payload = iotwire_str(payload);
    rc = iotwire_coap_publish_build(session, &po, req, sizeof req, &req_len);
    if (rc != IOTWIRE_OK) {
        return fail("publish build", rc);
    }
    rx_len = exchange(l, req, req_len, rx, sizeof rx);
    if (rx_len < 0) {
        return 1;
    }
    rc = iotwire_coap_parse_response(session, rx, (size_t)rx_len, &resp, (uint8_t *)body,
                                     body_cap - 1, &body_len);
    if (rc != IOTWIRE_OK) {
        return fail("publish response", rc);
    }
    body[body_len] = '\0';
    *status = resp.status;
    if (resp.status == IOTWIRE_OK) {
        if (!resp.has_cloud_message_id) {
            fprintf(stderr, "coap_e2e: no cloud message id (option 2090)\n");
            return 1;
        }
        printf("published: %u.%02u, cloud message id %.*s, reply %s\n",
               (unsigned)(resp.code >> 5), (unsigned)(resp.code & 0x1f),
               (int)resp.cloud_message_id_len, (const char *)rx + resp.cloud_message_id_offset,
               body);
    } else {
        printf("publish answered %s\n", iotwire_status_str(resp.status));
    }
    return 0;
}

static int expect_success(int32_t status, const char *body, const char *id)
{
    char want[32];
    snprintf(want, sizeof want, "\"id\":\"%s\"", id);
    if (status != IOTWIRE_OK || strstr(body, "\"code\":200") == NULL ||
        strstr(body, want) == NULL) {
        fprintf(stderr, "coap_e2e: unexpected reply %s / %s\n", iotwire_status_str(status), body);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    link_t l;
    iotwire_coap_session_t session;
    iotwire_coap_auth_options_t auth;
    char body[IOTWIRE_COAP_MAX_DATAGRAM_DEFAULT];
    int32_t status = 0;
    int32_t rc;
    long port;

    if (argc != 2 || (port = strtol(argv[1], NULL, 10)) <= 0 || port > 65535) {
        fprintf(stderr, "usage: coap_e2e UDP_PORT (run by coap_platform_sim.py)\n");
        return 2;
    }
    if (link_open(&l, (unsigned short)port) != 0) {
        return 1;
    }
    rc = iotwire_coap_session_init(&session, 0x2a17);
    if (rc != IOTWIRE_OK) {
        return fail("session init", rc);
    }
    iotwire_coap_auth_options_init(&auth);
    auth.product_key = iotwire_str(PK);
    auth.device_name = iotwire_str(DN);
    auth.device_secret = iotwire_str(DS);
    auth.flags = IOTWIRE_COAP_AUTH_FLAG_SEQ;
    auth.seq = 4711;

    if (authenticate(&l, &session, &auth) != 0 ||
        publish(&l, &session,
                "{\"id\":\"1\",\"version\":\"1.0\",\"params\":{\"temperature\":21.5},"
                "\"method\":\"thing.event.property.post\"}",
                &status, body, sizeof body) != 0 ||
        expect_success(status, body, "1") != 0) {
        goto failed;
    }
    /* The simulator has expired the token: 4.01 must come back as its own status. */
    if (publish(&l, &session, "{\"id\":\"2\",\"params\":{\"temperature\":21.6}}", &status, body,
                sizeof body) != 0) {
        goto failed;
    }
    if (status != IOTWIRE_ERR_COAP_UNAUTHORIZED) {
        fprintf(stderr, "coap_e2e: expected 4.01, got %s\n", iotwire_status_str(status));
        goto failed;
    }
    iotwire_coap_session_clear(&session);
    auth.seq = 4712;
    if (authenticate(&l, &session, &auth) != 0 ||
        publish(&l, &session, "{\"id\":\"2\",\"params\":{\"temperature\":21.6}}", &status, body,
                sizeof body) != 0 ||
        expect_success(status, body, "2") != 0) {
        goto failed;
    }
    iotwire_coap_session_clear(&session);
    close(l.fd);
    printf("coap_e2e: ok\n");
    return 0;

failed:
    iotwire_coap_session_clear(&session);
    close(l.fd);
    return 1;
}
