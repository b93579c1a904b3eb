/* A valid device-secret options struct and the ways to make it invalid, shared by every
 * suite that takes iotwire_mqtt_options_t. */
#ifndef CONTRACT_FIXTURE_H
#define CONTRACT_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

#include "iotwire.h"

/* The triple of the legacy vectors (tests/vectors, kind iot_sign_mqtt) plus a client id and a
 * timestamp, so that five inputs are non-empty for the overlap tests. */
#define FX_PK "a1X2bEnP82z"
#define FX_DN "example1"
#define FX_DS "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD"
#define FX_TS "1700000000000"
#define FX_CID "myclient01"

/* Fills o with iotwire_mqtt_options_init() + the FX_* strings. */
void fx_baseline(iotwire_mqtt_options_t *o);

/* The eleven iotwire_str_t members, by index (declaration order). */
#define FX_FIELD_COUNT 11u
iotwire_str_t *fx_field(iotwire_mqtt_options_t *o, size_t i);
const char *fx_field_name(size_t i);

/* A change that makes the baseline invalid, and the status every export must give. */
typedef struct fx_mutation {
    const char *name;
    void (*apply)(iotwire_mqtt_options_t *o);
    int32_t expect;
} fx_mutation;

extern const fx_mutation fx_invalid[];
extern const size_t fx_invalid_count;

#endif /* CONTRACT_FIXTURE_H */
