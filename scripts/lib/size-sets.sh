# The rows of the size table (scripts/size-table.sh). Sourced, not run.
#
# SIZE_SETS: set|cargo features|programs (cortex-m/ relative) and -D flags|legacy row
# The legacy row names the set of the legacy SDK's footprint tool that does the same job
# ("-" where the legacy SDK has none). The features are what a firmware would choose for that
# job: the smallest set that has the exports the program calls. Rows marked cumulative link
# several sets' programs into one image (cortex-m/legacy_sets/all_sets.c), in the order of the
# legacy table.
_ls=legacy_sets
SIZE_SETS=(
  "iot-sign-header|legacy-v3|$_ls/set_sign.c -DSUPPORT_TLS -DMQTT_AUTO_SUBSCRIBE|sign_only"
  "iot-sign-exported|legacy-sign|size_iot_sign.c|sign_only"
  "legacy-mqtt|legacy-v3|$_ls/set_mqtt.c -DSUPPORT_TLS -DMQTT_AUTO_SUBSCRIBE|mqtt"
  "coap|coap,coap-symmetric|$_ls/set_coap.c|coap_core"
  "http|http,hmac-sha1|$_ls/set_http.c|http_core"
  "codec|mqtt-codec|$_ls/set_codec.c|codec"
  "cum-coap|legacy-v3,coap,coap-symmetric|$_ls/all_sets.c $_ls/set_mqtt.c $_ls/set_coap.c -DALL_SETS -DWITH_MQTT -DWITH_COAP -DSUPPORT_TLS -DMQTT_AUTO_SUBSCRIBE|cum_coap_core"
  "cum-http|legacy-v3,coap,coap-symmetric,http,hmac-sha1|$_ls/all_sets.c $_ls/set_mqtt.c $_ls/set_coap.c $_ls/set_http.c -DALL_SETS -DWITH_MQTT -DWITH_COAP -DWITH_HTTP -DSUPPORT_TLS -DMQTT_AUTO_SUBSCRIBE|cum_http_core"
  "cum-codec|legacy-v3,coap,coap-symmetric,http,hmac-sha1,mqtt-codec|$_ls/all_sets.c $_ls/set_mqtt.c $_ls/set_coap.c $_ls/set_http.c $_ls/set_codec.c -DALL_SETS -DWITH_MQTT -DWITH_COAP -DWITH_HTTP -DWITH_CODEC -DSUPPORT_TLS -DMQTT_AUTO_SUBSCRIBE|cum_codec_core"
  "mqtt-getters|mqtt|$_ls/set_getters.c|-"
  "mqtt-all-modes|mqtt,hmac-md5,hmac-sha1|panic_never.c|-"
  "all|default|panic_never.c|-"
)
unset _ls
