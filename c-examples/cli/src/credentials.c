#include "credentials.h"

#include "cli.h"
#include "json_out.h"

iotwire_status_t cli_get_text(cli_text_fn fn, const iotwire_mqtt_options_t *opts, char *buf,
                              size_t cap, size_t *len)
{
    size_t need = 0;
    iotwire_status_t rc = fn(opts, NULL, 0, &need);
    if (rc != IOTWIRE_OK) {
        return rc;
    }
    if (need > cap) {
        return IOTWIRE_ERR_BUFFER_TOO_SMALL;
    }
    return fn(opts, buf, cap, len);
}

int cli_print_credentials(const iotwire_mqtt_options_t *opts)
{
    char host[IOTWIRE_MQTT_HOST_MAX_SIZE];
    char client_id[IOTWIRE_MQTT_CLIENT_ID_MAX_SIZE];
    char username[IOTWIRE_MQTT_USERNAME_MAX_SIZE];
    char password[IOTWIRE_MQTT_PASSWORD_MAX_SIZE];
    char content[IOTWIRE_MQTT_SIGN_CONTENT_MAX_SIZE];
    size_t host_len = 0, client_id_len = 0, username_len = 0, password_len = 0, content_len = 0;
    uint16_t port = 0;
    iotwire_status_t rc;
    json_out_t j;

    /* Everything is fetched before anything is printed, so a failure never leaves half an
     * object on stdout. */
    rc = cli_get_text(iotwire_mqtt_get_host, opts, host, sizeof host, &host_len);
    if (rc == IOTWIRE_OK) {
        rc = iotwire_mqtt_get_port(opts, &port);
    }
    if (rc == IOTWIRE_OK) {
        rc = cli_get_text(iotwire_mqtt_get_client_id, opts, client_id, sizeof client_id,
                          &client_id_len);
    }
    if (rc == IOTWIRE_OK) {
        rc = cli_get_text(iotwire_mqtt_get_username, opts, username, sizeof username,
                          &username_len);
    }
    if (rc == IOTWIRE_OK) {
        rc = cli_get_text(iotwire_mqtt_get_password, opts, password, sizeof password,
                          &password_len);
    }
    if (rc == IOTWIRE_OK) {
        rc = cli_get_text(iotwire_mqtt_get_sign_content, opts, content, sizeof content,
                          &content_len);
    }
    if (rc != IOTWIRE_OK) {
        return cli_status_error(rc);
    }

    json_begin(&j);
    json_str(&j, "host", host, host_len);
    json_int(&j, "port", (long)port);
    json_str(&j, "client_id", client_id, client_id_len);
    json_str(&j, "username", username, username_len);
    json_str(&j, "password", password, password_len);
    json_str(&j, "sign_content", content, content_len);
    json_end(&j);
    return CLI_EXIT_OK;
}
