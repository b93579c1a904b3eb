//! `IOT_Sign_MQTT` (the v3.2.0 default build, as an exported symbol) and
//! `iotwire_legacy_sign_mqtt` (any legacy SDK generation through the general resolver).

use crate::legacy::{iotwire_legacy_dev_meta_t, iotwire_legacy_sign_mqtt_t, sign};
use crate::legacy_sdk::{
    IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE, IOTWIRE_LEGACY_BUILD_SUPPORT_TLS, legacy_profile,
};
use crate::status::IOTWIRE_ERR_INVALID_SELECTOR;
use core::ffi::c_char;
use iotwire::mqtt::iot_sign;
use iotwire::mqtt::iotkit3;
use iotwire::mqtt::params::{LegacyProfile, LegacySdk};

/// @brief `IOT_Sign_MQTT` of a chosen legacy SDK build; the legacy headers call this with the
/// SDK and build switches of the firmware being replaced.
///
/// Writes `hostname`, `port`, `clientid`, `username` and `password` byte-identical to the
/// legacy build and returns its return code. On an invalid region or NULL `meta` nothing is
/// written; on later errors `signout` is zeroed and, as in legacy, `clientid`/`password` may
/// already be filled.
/// @param[in] sdk `IOTWIRE_LEGACY_SDK_V3_2_0`, `_V3_1_0`, `_V3_0_1`, `_BUNDLE` or `_V2_3_0`.
/// @param[in] build `IOTWIRE_LEGACY_BUILD_*` bits (`SUPPORT_TLS`, `MQTT_AUTO_SUBSCRIBE`, ...).
/// @param[in] region `IOTX_CLOUD_REGION_*` value (0..=5).
/// @param[in] custom_domain [nullable] NUL-terminated host for region 5 (the value
///            `IOT_Ioctl(IOTX_IOCTL_SET_MQTT_DOMAIN)` set in v3.2.0).
/// @param[in] meta ProductKey, DeviceName, DeviceSecret (NUL-terminated members).
/// @param[out] signout Result.
/// @return 0, or the legacy SDK's negative code; IOTWIRE_ERR_INVALID_SELECTOR for an unknown
///         `sdk`/`build`. NULL `signout` or a member without NUL gives the "input invalid" code.
///
/// # Safety
/// `meta` and `signout` must be NULL or point to valid structs of the legacy layout;
/// `custom_domain` must be NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_legacy_sign_mqtt(
    sdk: u32,
    build: u32,
    region: i32,
    custom_domain: *const c_char,
    meta: *const iotwire_legacy_dev_meta_t,
    signout: *mut iotwire_legacy_sign_mqtt_t,
) -> i32 {
    let profile = match legacy_profile(sdk, build) {
        Ok(Some(p)) if !matches!(p.sdk, LegacySdk::LinkSdk41 | LegacySdk::LinkSdk42) => p,
        _ => return IOTWIRE_ERR_INVALID_SELECTOR,
    };
    // SAFETY: forwarded caller contract.
    unsafe {
        sign(
            profile.sdk,
            region,
            custom_domain,
            meta,
            signout,
            |domain, meta, out| iot_sign::iot_sign_mqtt(profile, region, domain, meta, out),
        )
    }
}

/// @brief Drop-in for iotkit-embedded v3.2.0's `IOT_Sign_MQTT` in its default build
/// (`SUPPORT_TLS` + `MQTT_AUTO_SUBSCRIBE`), without a custom domain.
///
/// Declared in `include/legacy/dev_sign_api.h` and `sign_api.h`, whose macros route calls to
/// `iotwire_legacy_v3_sign_mqtt()` (or, for v2.3.0, `iotwire_legacy_sign_mqtt()`) with the build
/// switches the firmware was compiled with; this symbol serves callers that bypass the macro.
///
/// # Safety
/// As `iotwire_legacy_sign_mqtt()`.
#[unsafe(no_mangle)]
#[allow(non_snake_case)]
pub unsafe extern "C" fn IOT_Sign_MQTT(
    region: i32,
    meta: *const iotwire_legacy_dev_meta_t,
    signout: *mut iotwire_legacy_sign_mqtt_t,
) -> i32 {
    let profile = LegacyProfile {
        tls: true,
        auto_subscribe: true,
        ..LegacyProfile::plain(LegacySdk::V320)
    };
    const _: () =
        assert!(IOTWIRE_LEGACY_BUILD_SUPPORT_TLS | IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE == 3);
    // SAFETY: forwarded caller contract.
    // The iotkit 3.x writer with a constant profile: a firmware calling just this symbol links
    // neither the legacy layout tables nor MD5/SHA-1.
    unsafe {
        sign(
            profile.sdk,
            region,
            core::ptr::null(),
            meta,
            signout,
            |domain, meta, out| iotkit3::sign(profile, region, domain, meta, out),
        )
    }
}
