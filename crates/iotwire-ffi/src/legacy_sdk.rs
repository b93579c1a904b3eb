//! Selectors for the legacy SDK builds whose bytes iotwire reproduces (shared by the
//! `iotwire_mqtt_*` options and the `IOT_Sign_MQTT` drop-in).

#[cfg(any(feature = "legacy-profiles", feature = "legacy-v3"))]
use crate::status::*;
#[cfg(any(feature = "legacy-profiles", feature = "legacy-v3"))]
use iotwire::mqtt::params::{LegacyProfile, LegacySdk};

/// Legacy SDK: none, the documented form.
pub const IOTWIRE_LEGACY_SDK_NONE: u32 = 0;
/// Legacy SDK: iotkit-embedded 3.2.0.
pub const IOTWIRE_LEGACY_SDK_V3_2_0: u32 = 1;
/// Legacy SDK: iotkit-embedded 3.1.0.
pub const IOTWIRE_LEGACY_SDK_V3_1_0: u32 = 2;
/// Legacy SDK: iotkit-embedded 3.0.1.
pub const IOTWIRE_LEGACY_SDK_V3_0_1: u32 = 3;
/// Legacy SDK: the standalone `sign_mqtt.c` bundle.
pub const IOTWIRE_LEGACY_SDK_BUNDLE: u32 = 4;
/// Legacy SDK: iotkit-embedded 2.3.0 (HMAC-SHA1 guider).
pub const IOTWIRE_LEGACY_SDK_V2_3_0: u32 = 5;
/// Legacy SDK: LinkSDK 4.1.0.
pub const IOTWIRE_LEGACY_SDK_LINKSDK_4_1_0: u32 = 6;
/// Legacy SDK: LinkSDK 4.2.0 (dynamic registration and connwl).
pub const IOTWIRE_LEGACY_SDK_LINKSDK_4_2_0: u32 = 7;

/// Legacy build switch `SUPPORT_TLS`.
pub const IOTWIRE_LEGACY_BUILD_SUPPORT_TLS: u32 = 1;
/// Legacy build switch `MQTT_AUTO_SUBSCRIBE`.
pub const IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE: u32 = 2;
/// Legacy build switch `MQTT_PRE_AUTH`.
pub const IOTWIRE_LEGACY_BUILD_MQTT_PRE_AUTH: u32 = 4;
/// Legacy build switch `SUPPORT_ITLS`.
pub const IOTWIRE_LEGACY_BUILD_SUPPORT_ITLS: u32 = 8;

/// Maps an `IOTWIRE_LEGACY_SDK_*` + build bits pair to a profile (`None` for the documented form).
#[cfg(any(feature = "legacy-profiles", feature = "legacy-v3"))]
pub(crate) fn legacy_profile(
    sdk: u32,
    build: u32,
) -> Result<Option<LegacyProfile>, iotwire_status_t> {
    let sdk = match sdk {
        IOTWIRE_LEGACY_SDK_NONE => {
            return if build == 0 {
                Ok(None)
            } else {
                Err(IOTWIRE_ERR_INVALID_SELECTOR)
            };
        }
        IOTWIRE_LEGACY_SDK_V3_2_0 => LegacySdk::V320,
        IOTWIRE_LEGACY_SDK_V3_1_0 => LegacySdk::V310,
        IOTWIRE_LEGACY_SDK_V3_0_1 => LegacySdk::V301,
        IOTWIRE_LEGACY_SDK_BUNDLE => LegacySdk::Bundle,
        IOTWIRE_LEGACY_SDK_V2_3_0 => LegacySdk::V230,
        IOTWIRE_LEGACY_SDK_LINKSDK_4_1_0 => LegacySdk::LinkSdk41,
        IOTWIRE_LEGACY_SDK_LINKSDK_4_2_0 => LegacySdk::LinkSdk42,
        _ => return Err(IOTWIRE_ERR_INVALID_SELECTOR),
    };
    match with_build(sdk, build) {
        Some(p) => Ok(Some(p)),
        None => Err(IOTWIRE_ERR_INVALID_SELECTOR),
    }
}

/// `sdk` with the `IOTWIRE_LEGACY_BUILD_*` switches of `build`; `None` for unknown bits.
/// Always inlined: the per-SDK exports pass a constant `sdk`, and only that SDK's code stays.
#[cfg(any(feature = "legacy-profiles", feature = "legacy-v3"))]
#[inline(always)]
pub(crate) fn with_build(sdk: LegacySdk, build: u32) -> Option<LegacyProfile> {
    if build & !0xF != 0 {
        return None;
    }
    Some(LegacyProfile {
        sdk,
        tls: build & IOTWIRE_LEGACY_BUILD_SUPPORT_TLS != 0,
        auto_subscribe: build & IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE != 0,
        pre_auth: build & IOTWIRE_LEGACY_BUILD_MQTT_PRE_AUTH != 0,
        itls: build & IOTWIRE_LEGACY_BUILD_SUPPORT_ITLS != 0,
    })
}
