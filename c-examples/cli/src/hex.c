#include "hex.h"

#include <string.h>

const char cli_hex_digits[17] = "0123456789abcdef";

void cli_hex_encode(const uint8_t *bytes, size_t len, char *out)
{
    size_t i;
    for (i = 0; i < len; i++) {
        out[2 * i] = cli_hex_digits[bytes[i] >> 4];
        out[2 * i + 1] = cli_hex_digits[bytes[i] & 0x0f];
    }
    out[2 * len] = '\0';
}

static int nibble(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

int cli_hex_decode(const char *text, uint8_t *out, size_t cap, size_t *len)
{
    size_t n = strlen(text);
    size_t i;
    if (n % 2 != 0 || n / 2 > cap) {
        return -1;
    }
    for (i = 0; i < n / 2; i++) {
        int hi = nibble(text[2 * i]);
        int lo = nibble(text[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            return -1;
        }
        out[i] = (uint8_t)((unsigned)hi << 4 | (unsigned)lo);
    }
    *len = n / 2;
    return 0;
}
