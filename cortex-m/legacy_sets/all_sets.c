/* The cumulative rows: each set's main() compiled as set_<name>() (-DALL_SETS), called
 * here in the order of the legacy table. */
int set_mqtt(void);
int set_coap(void);
int set_http(void);
int set_codec(void);

int main(void)
{
    int rc = 0;
#if defined(WITH_MQTT)
    rc |= set_mqtt();
#endif
#if defined(WITH_COAP)
    rc |= set_coap();
#endif
#if defined(WITH_HTTP)
    rc |= set_http();
#endif
#if defined(WITH_CODEC)
    rc |= set_codec();
#endif
    return rc;
}
