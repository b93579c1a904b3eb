/* Hex text for the CLI: bytes on the command line (--key, --token, --datagram ...) and in
 * the JSON output (datagrams, packets, keys). One copy for every command. */
#ifndef IOTWIRE_CLI_HEX_H
#define IOTWIRE_CLI_HEX_H

#include <stddef.h>
#include <stdint.h>

/* "0123456789abcdef": the CLI prints lower-case hex everywhere. */
extern const char cli_hex_digits[17];

/* Lower-case hex of `len` bytes into `out`, NUL-terminated (room for 2 * len + 1). */
void cli_hex_encode(const uint8_t *bytes, size_t len, char *out);

/* Hex text (either case, even length) into at most `cap` bytes; returns 0, or -1 for an odd
 * length, a bad digit or no room (then `*len` is untouched). */
int cli_hex_decode(const char *text, uint8_t *out, size_t cap, size_t *len);

#endif
