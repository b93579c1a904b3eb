/* Writes the CLI's single JSON object to stdout. Strings are byte strings: '"', '\\' and
 * control characters are escaped; every other byte is copied unchanged, so the output shows
 * exactly what the device will send. */
#ifndef IOTWIRE_CLI_JSON_OUT_H
#define IOTWIRE_CLI_JSON_OUT_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    int members;
} json_out_t;

void json_begin(json_out_t *j);
void json_str(json_out_t *j, const char *key, const char *value, size_t len);
void json_int(json_out_t *j, const char *key, long value);
/* A byte string as lower-case hex text. */
void json_hex(json_out_t *j, const char *key, const uint8_t *bytes, size_t len);
/* Closes the object, ends the line and flushes stdout. */
void json_end(json_out_t *j);

#endif
