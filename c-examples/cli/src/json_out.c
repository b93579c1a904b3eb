#include "json_out.h"

#include "hex.h"

#include <stdio.h>
#include <string.h>

static void put_escaped(const char *s, size_t len)
{
    size_t i;
    putchar('"');
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            putchar('\\');
            putchar(c);
        } else if (c < 0x20 || c == 0x7f) {
            fputs("\\u00", stdout);
            putchar(cli_hex_digits[c >> 4]);
            putchar(cli_hex_digits[c & 0x0f]);
        } else {
            putchar(c);
        }
    }
    putchar('"');
}

static void put_key(json_out_t *j, const char *key)
{
    if (j->members++ > 0) {
        putchar(',');
    }
    put_escaped(key, strlen(key));
    putchar(':');
}

void json_begin(json_out_t *j)
{
    j->members = 0;
    putchar('{');
}

void json_str(json_out_t *j, const char *key, const char *value, size_t len)
{
    put_key(j, key);
    put_escaped(value, len);
}

void json_int(json_out_t *j, const char *key, long value)
{
    put_key(j, key);
    printf("%ld", value);
}

void json_hex(json_out_t *j, const char *key, const uint8_t *bytes, size_t len)
{
    size_t i;
    put_key(j, key);
    putchar('"');
    for (i = 0; i < len; i++) {
        putchar(cli_hex_digits[bytes[i] >> 4]);
        putchar(cli_hex_digits[bytes[i] & 0x0f]);
    }
    putchar('"');
}

void json_end(json_out_t *j)
{
    (void)j;
    fputs("}\n", stdout);
    fflush(stdout);
}
