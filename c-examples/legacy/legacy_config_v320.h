/* Stands in for the infra_config.h that iotkit-embedded 3.2.0's extract step generated from
 * make.settings (FEATURE_SUPPORT_TLS=y, FEATURE_MQTT_AUTO_SUBSCRIBE=y); the headers read it
 * when named in IOTWIRE_LEGACY_CONFIG_HEADER. */
#ifndef LEGACY_CONFIG_V320_H
#define LEGACY_CONFIG_V320_H

#define SUPPORT_TLS
#define MQTT_AUTO_SUBSCRIBE

#endif /* LEGACY_CONFIG_V320_H */
