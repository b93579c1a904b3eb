/*
 * A device session against a real MQTT 3.1.1 broker, with iotwire producing every byte:
 * credentials and CONNECT, SUBSCRIBE, PUBLISH QoS 1, PUBACK, PINGREQ and DISCONNECT, and
 * decoding everything the broker sends. Only the transport (a plain POSIX TCP socket) is
 * this program's own.
 *
 *   mqtt_broker_interop --print-credentials   -> {"client_id":...,"username":...,"password":...}
 *   mqtt_broker_interop --port N              -> connect to 127.0.0.1:N, run the session
 *
 * The CTest driver (run_broker_interop.py) starts Mosquitto with a password file holding the
 * printed username and password, then runs the session. Alibaba client ids contain `|`, `,`
 * and `=`, usernames `&`: the broker sees exactly what the platform would.
 */
#define _POSIX_C_SOURCE 200112L

#include "iotwire.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#define RX_CAP 2048u
#define TIMEOUT_S 5

typedef struct {
    int fd;
    uint8_t rx[RX_CAP];
    size_t rx_len;
} session_t;

static uint8_t g_tx[IOTWIRE_MQTT_CONNECT_MAX_SIZE];
static char g_text[IOTWIRE_MQTT_CLIENT_ID_MAX_SIZE];

static void fail(const char *what, int32_t rc)
{
    fprintf(stderr, "mqtt_broker_interop: %s: %s (%d)\n", what, iotwire_status_str(rc), (int)rc);
    exit(EXIT_FAILURE);
}

static void check(int32_t rc, const char *what)
{
    if (rc != IOTWIRE_OK) {
        fail(what, rc);
    }
}

static void device_options(iotwire_mqtt_options_t *opts)
{
    check(iotwire_mqtt_options_init(opts), "options init");
    opts->product_key = iotwire_str("a1X2bEnP82z");
    opts->device_name = iotwire_str("example1");
    opts->device_secret = iotwire_str("ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD");
    opts->keepalive_s = 60;
}

/* JSON strings here are the library's ASCII credentials; only '"' and '\\' could need escaping
 * and neither can occur, which the library's validation guarantees. */
static int print_credentials(const iotwire_mqtt_options_t *opts)
{
    size_t len;
    check(iotwire_mqtt_get_client_id(opts, g_text, sizeof g_text, &len), "client id");
    printf("{\"client_id\":\"%s\",", g_text);
    check(iotwire_mqtt_get_username(opts, g_text, sizeof g_text, &len), "username");
    printf("\"username\":\"%s\",", g_text);
    check(iotwire_mqtt_get_password(opts, g_text, sizeof g_text, &len), "password");
    printf("\"password\":\"%s\"}\n", g_text);
    return EXIT_SUCCESS;
}

static void send_all(session_t *s, const uint8_t *bytes, size_t len)
{
    while (len > 0) {
        ssize_t n = send(s->fd, bytes, len, 0);
        if (n <= 0) {
            perror("mqtt_broker_interop: send");
            exit(EXIT_FAILURE);
        }
        bytes += (size_t)n;
        len -= (size_t)n;
    }
}

/* Returns the next whole packet from the broker (decoded in place in s->rx); the caller
 * drops it with consume(). */
static void next_packet(session_t *s, iotwire_mqtt_packet_t *p)
{
    for (;;) {
        size_t needed = 0;
        int32_t rc = iotwire_mqtt_decode(s->rx, s->rx_len, p, &needed);
        ssize_t n;
        if (rc == IOTWIRE_OK) {
            return;
        }
        if (rc != IOTWIRE_ERR_MQTT_NEED_MORE_DATA) {
            fail("decode", rc);
        }
        if (needed > RX_CAP || s->rx_len == RX_CAP) {
            fprintf(stderr, "mqtt_broker_interop: packet of %lu bytes exceeds the buffer\n",
                    (unsigned long)needed);
            exit(EXIT_FAILURE);
        }
        n = recv(s->fd, s->rx + s->rx_len, RX_CAP - s->rx_len, 0);
        if (n <= 0) {
            fprintf(stderr, "mqtt_broker_interop: recv: %s\n",
                    n == 0 ? "connection closed by the broker" : strerror(errno));
            exit(EXIT_FAILURE);
        }
        s->rx_len += (size_t)n;
    }
}

static void consume(session_t *s, const iotwire_mqtt_packet_t *p)
{
    memmove(s->rx, s->rx + p->packet_len, s->rx_len - p->packet_len);
    s->rx_len -= p->packet_len;
}

static void expect_type(const iotwire_mqtt_packet_t *p, uint32_t type, const char *what)
{
    if (p->packet_type != type) {
        fprintf(stderr, "mqtt_broker_interop: expected %s, got packet type %u\n", what,
                (unsigned)p->packet_type);
        exit(EXIT_FAILURE);
    }
}

static int open_socket(uint16_t port)
{
    struct sockaddr_in addr;
    struct timeval tv;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        perror("mqtt_broker_interop: socket");
        exit(EXIT_FAILURE);
    }
    /* A broker that never answers must fail the test, not hang it. */
    tv.tv_sec = TIMEOUT_S;
    tv.tv_usec = 0;
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (const struct sockaddr *)(const void *)&addr, sizeof addr) != 0) {
        perror("mqtt_broker_interop: connect");
        exit(EXIT_FAILURE);
    }
    return fd;
}

static void mqtt_connect(session_t *s, const iotwire_mqtt_options_t *opts)
{
    iotwire_mqtt_packet_t p;
    size_t n;
    check(iotwire_mqtt_connect_encode(opts, g_tx, sizeof g_tx, &n), "CONNECT");
    send_all(s, g_tx, n);
    next_packet(s, &p);
    expect_type(&p, IOTWIRE_MQTT_PACKET_CONNACK, "CONNACK");
    check(iotwire_mqtt_connack_status(p.return_code, IOTWIRE_MQTT_CONNACK_CONTEXT_CONNECT),
          "CONNACK");
    consume(s, &p);
    printf("connected: CONNECT of %lu bytes accepted\n", (unsigned long)n);
}

static void mqtt_subscribe(session_t *s, const char *topic, uint16_t id)
{
    iotwire_mqtt_packet_t p;
    iotwire_str_t filter = iotwire_str(topic);
    size_t n;
    check(iotwire_mqtt_subscribe_encode(&filter, 1, 1, id, g_tx, sizeof g_tx, &n), "SUBSCRIBE");
    send_all(s, g_tx, n);
    next_packet(s, &p);
    expect_type(&p, IOTWIRE_MQTT_PACKET_SUBACK, "SUBACK");
    if (p.packet_id != id || p.payload_len != 1 || s->rx[p.payload_offset] != 1) {
        fprintf(stderr, "mqtt_broker_interop: SUBACK id %u, %lu codes, first 0x%02x\n",
                (unsigned)p.packet_id, (unsigned long)p.payload_len, s->rx[p.payload_offset]);
        exit(EXIT_FAILURE);
    }
    consume(s, &p);
    printf("subscribed: %s (QoS 1 granted)\n", topic);
}

/* After the PUBLISH both the PUBACK of our message and the broker's delivery of it (QoS 1,
 * which must be acknowledged) arrive, in either order. */
static void publish_and_receive(session_t *s, const char *topic, const char *payload, uint16_t id)
{
    iotwire_mqtt_packet_t p;
    size_t n;
    size_t payload_len = strlen(payload);
    int acked = 0;
    int received = 0;
    check(iotwire_mqtt_publish_encode(iotwire_str(topic), (const uint8_t *)payload, payload_len,
                                      1, 0, id, g_tx, sizeof g_tx, &n),
          "PUBLISH");
    send_all(s, g_tx, n);
    while (!acked || !received) {
        next_packet(s, &p);
        if (p.packet_type == IOTWIRE_MQTT_PACKET_PUBACK && p.packet_id == id) {
            acked = 1;
        } else if (p.packet_type == IOTWIRE_MQTT_PACKET_PUBLISH) {
            int same = p.topic_len == strlen(topic) &&
                       memcmp(s->rx + p.topic_offset, topic, p.topic_len) == 0 &&
                       p.payload_len == payload_len &&
                       memcmp(s->rx + p.payload_offset, payload, payload_len) == 0;
            if (!same || p.qos != 1) {
                fprintf(stderr, "mqtt_broker_interop: received a different message\n");
                exit(EXIT_FAILURE);
            }
            check(iotwire_mqtt_puback_encode(p.packet_id, g_tx, sizeof g_tx, &n), "PUBACK");
            send_all(s, g_tx, n);
            received = 1;
        } else {
            expect_type(&p, IOTWIRE_MQTT_PACKET_PUBACK, "PUBACK or PUBLISH");
        }
        consume(s, &p);
    }
    printf("published and received own QoS 1 message: %s\n", payload);
}

static void ping(session_t *s)
{
    iotwire_mqtt_packet_t p;
    size_t n;
    check(iotwire_mqtt_pingreq_encode(g_tx, sizeof g_tx, &n), "PINGREQ");
    send_all(s, g_tx, n);
    next_packet(s, &p);
    expect_type(&p, IOTWIRE_MQTT_PACKET_PINGRESP, "PINGRESP");
    consume(s, &p);
}

static int run(uint16_t port, const iotwire_mqtt_options_t *opts)
{
    static session_t s;
    static char topic[128];
    static char payload[128];
    iotwire_mqtt_packet_ids_t ids;
    uint16_t id;
    size_t len;

    check(iotwire_topic_build(IOTWIRE_TOPIC_KIND_CUSTOM, opts->product_key, opts->device_name,
                              iotwire_str("update"), 0, topic, sizeof topic, &len),
          "topic");
    check(iotwire_ota_progress_payload_build(1, 100, iotwire_str("interop \"ok\""),
                                             iotwire_str(NULL), payload, sizeof payload, &len),
          "payload");
    check(iotwire_mqtt_packet_ids_init(&ids), "packet ids");
    s.fd = open_socket(port);
    s.rx_len = 0;
    mqtt_connect(&s, opts);
    check(iotwire_mqtt_packet_ids_next(&ids, &id), "packet id");
    mqtt_subscribe(&s, topic, id);
    check(iotwire_mqtt_packet_ids_next(&ids, &id), "packet id");
    publish_and_receive(&s, topic, payload, id);
    ping(&s);
    check(iotwire_mqtt_disconnect_encode(g_tx, sizeof g_tx, &len), "DISCONNECT");
    send_all(&s, g_tx, len);
    close(s.fd);
    printf("disconnected\n");
    return EXIT_SUCCESS;
}

int main(int argc, char **argv)
{
    iotwire_mqtt_options_t opts;
    if (iotwire_abi_version() != IOTWIRE_ABI_VERSION) {
        fprintf(stderr, "mqtt_broker_interop: library ABI differs from the header\n");
        return EXIT_FAILURE;
    }
    device_options(&opts);
    if (argc == 2 && strcmp(argv[1], "--print-credentials") == 0) {
        return print_credentials(&opts);
    }
    if (argc == 3 && strcmp(argv[1], "--port") == 0) {
        char *end = NULL;
        long port = strtol(argv[2], &end, 10);
        if (end != NULL && *end == '\0' && port > 0 && port <= 65535) {
            return run((uint16_t)port, &opts);
        }
    }
    fprintf(stderr, "usage: mqtt_broker_interop --print-credentials | --port N\n");
    return 2;
}
