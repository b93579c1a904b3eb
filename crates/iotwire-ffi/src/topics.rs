//! `iotwire_topic_*`: the device's topics and the topic validator; `iotwire_ota_*`: the OTA
//! report payloads.

use crate::boundary::{TextOut, emit_text_of, input, input_all};
use crate::status::*;
use crate::types::iotwire_str_t;
use core::ffi::c_char;
use iotwire::topics::build::{TopicInput, check, write_topic};
use iotwire::topics::rules::{self, Usage};
use iotwire::topics::{kind, ota_payload};

/// `/${pk}/${dn}/user/${name}`: a custom topic; `name` is one or more categories of letters,
/// digits and `_` (`+` levels and a last `#` make a subscription filter).
pub const IOTWIRE_TOPIC_KIND_CUSTOM: u32 = 0;
/// `/sys/${pk}/${dn}/thing/event/property/post`: report properties.
pub const IOTWIRE_TOPIC_KIND_PROPERTY_POST: u32 = 1;
/// `/sys/${pk}/${dn}/thing/event/property/post_reply`.
pub const IOTWIRE_TOPIC_KIND_PROPERTY_POST_REPLY: u32 = 2;
/// `/sys/${pk}/${dn}/thing/event/${name}/post`: report event `name`.
pub const IOTWIRE_TOPIC_KIND_EVENT_POST: u32 = 3;
/// `/sys/${pk}/${dn}/thing/event/${name}/post_reply`.
pub const IOTWIRE_TOPIC_KIND_EVENT_POST_REPLY: u32 = 4;
/// `/sys/${pk}/${dn}/thing/service/property/set`: the cloud sets properties.
pub const IOTWIRE_TOPIC_KIND_PROPERTY_SET: u32 = 5;
/// `/sys/${pk}/${dn}/thing/service/property/set_reply`.
pub const IOTWIRE_TOPIC_KIND_PROPERTY_SET_REPLY: u32 = 6;
/// `/sys/${pk}/${dn}/thing/service/${name}`: the cloud calls service `name`.
pub const IOTWIRE_TOPIC_KIND_SERVICE: u32 = 7;
/// `/sys/${pk}/${dn}/thing/service/${name}_reply`.
pub const IOTWIRE_TOPIC_KIND_SERVICE_REPLY: u32 = 8;
/// `/ota/device/inform/${pk}/${dn}`: report the firmware version.
pub const IOTWIRE_TOPIC_KIND_OTA_INFORM: u32 = 9;
/// `/ota/device/upgrade/${pk}/${dn}`: upgrade notices.
pub const IOTWIRE_TOPIC_KIND_OTA_UPGRADE: u32 = 10;
/// `/ota/device/progress/${pk}/${dn}`: report upgrade progress.
pub const IOTWIRE_TOPIC_KIND_OTA_PROGRESS: u32 = 11;
/// `/ota/device/request/${pk}/${dn}`: ask for an upgrade.
pub const IOTWIRE_TOPIC_KIND_OTA_REQUEST: u32 = 12;
/// `/shadow/update/${pk}/${dn}`: update the device shadow.
pub const IOTWIRE_TOPIC_KIND_SHADOW_UPDATE: u32 = 13;
/// `/shadow/get/${pk}/${dn}`: shadow messages for the device.
pub const IOTWIRE_TOPIC_KIND_SHADOW_GET: u32 = 14;
/// `/sys/${pk}/${dn}/rrpc/request/${name}`: an RRPC request id, or `+` to subscribe to all.
pub const IOTWIRE_TOPIC_KIND_RRPC_REQUEST: u32 = 15;
/// `/sys/${pk}/${dn}/rrpc/response/${name}`: the response to request id `name`.
pub const IOTWIRE_TOPIC_KIND_RRPC_RESPONSE: u32 = 16;
/// `/sys/${pk}/${dn}/thing/model/up_raw`: pass-through (raw) upstream data.
pub const IOTWIRE_TOPIC_KIND_MODEL_UP_RAW: u32 = 17;
/// `/sys/${pk}/${dn}/thing/model/up_raw_reply`.
pub const IOTWIRE_TOPIC_KIND_MODEL_UP_RAW_REPLY: u32 = 18;
/// `/sys/${pk}/${dn}/thing/model/down_raw`: pass-through downstream data.
pub const IOTWIRE_TOPIC_KIND_MODEL_DOWN_RAW: u32 = 19;
/// `/sys/${pk}/${dn}/thing/model/down_raw_reply`.
pub const IOTWIRE_TOPIC_KIND_MODEL_DOWN_RAW_REPLY: u32 = 20;
/// `/sys/${pk}/${dn}/thing/deviceinfo/update`: report device tags.
pub const IOTWIRE_TOPIC_KIND_DEVICEINFO_UPDATE: u32 = 21;
/// `/sys/${pk}/${dn}/thing/deviceinfo/update_reply`.
pub const IOTWIRE_TOPIC_KIND_DEVICEINFO_UPDATE_REPLY: u32 = 22;
/// `/ext/ntp/${pk}/${dn}/request`: ask for the time.
pub const IOTWIRE_TOPIC_KIND_NTP_REQUEST: u32 = 23;
/// `/ext/ntp/${pk}/${dn}/response`.
pub const IOTWIRE_TOPIC_KIND_NTP_RESPONSE: u32 = 24;

/// `iotwire_topic_build()` flag: write the CoAP/HTTP resource path `/topic${topic}`.
pub const IOTWIRE_TOPIC_FLAG_URI_PATH: u32 = 1;
/// `iotwire_topic_build()` flag: accept legacy ProductKeys/DeviceNames (only lengths, NUL and
/// the topic characters `/ + #` are checked).
pub const IOTWIRE_TOPIC_FLAG_LAX_NAMES: u32 = 2;

/// `iotwire_topic_validate()` usage: a topic to publish to (no wildcards).
pub const IOTWIRE_TOPIC_USAGE_PUBLISH: u32 = 0;
/// `iotwire_topic_validate()` usage: a subscription filter (`+` levels, a last `#` level).
pub const IOTWIRE_TOPIC_USAGE_SUBSCRIBE: u32 = 1;

/// Lowest OTA progress step (-4: flashing failed).
pub const IOTWIRE_OTA_STEP_MIN: i32 = -4;
/// Highest OTA progress step (100 %).
pub const IOTWIRE_OTA_STEP_MAX: i32 = 100;

fn text(out: *mut c_char, cap: usize, len: *mut usize) -> TextOut {
    TextOut { out, cap, len }
}

/// @brief Writes one of the device's topics (`IOTWIRE_TOPIC_KIND_*`), or with
/// `IOTWIRE_TOPIC_FLAG_URI_PATH` its CoAP/HTTP path `/topic/...`.
/// @param[in] kind `IOTWIRE_TOPIC_KIND_*`.
/// @param[in] product_key ProductKey.
/// @param[in] device_name DeviceName.
/// @param[in] name The kind's name (custom suffix, event or service identifier, RRPC id);
///            empty for kinds that take none.
/// @param[in] flags `IOTWIRE_TOPIC_FLAG_*` bits.
/// @param[out] out Buffer for the NUL-terminated topic, or NULL for a size query.
/// @param[in] out_cap Capacity of `out` (0 with a size query).
/// @param[out] out_len Length written (without NUL), or the capacity needed for a size query.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_INVALID_SELECTOR unknown `kind`.
/// @retval IOTWIRE_ERR_INVALID_PRODUCT_KEY, IOTWIRE_ERR_INVALID_DEVICE_NAME bad names.
/// @retval IOTWIRE_ERR_MISSING_FIELD the kind needs a name and none was given.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT a name for a kind that takes none, or unknown flags.
/// @retval IOTWIRE_ERR_INVALID_TOPIC the name breaks the category rules (letters, digits,
///         `_`; wildcards only as whole levels, `#` last; none in a URI path).
/// @retval IOTWIRE_ERR_NULL_POINTER, IOTWIRE_ERR_BUFFER_TOO_SMALL, IOTWIRE_ERR_OVERLAP as for
///         every text output.
///
/// @code{c}
/// char topic[128];
/// size_t len;
/// rc = iotwire_topic_build(IOTWIRE_TOPIC_KIND_PROPERTY_POST, iotwire_str("a1X2bEnP82z"),
///                          iotwire_str("example1"), iotwire_str(NULL), 0, topic, sizeof topic,
///                          &len);
/// // topic = "/sys/a1X2bEnP82z/example1/thing/event/property/post"
/// @endcode
///
/// # Safety
/// Strings follow the `iotwire_str_t` contract; `out` must be NULL or writable for `out_cap`
/// bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_topic_build(
    kind: u32,
    product_key: iotwire_str_t,
    device_name: iotwire_str_t,
    name: iotwire_str_t,
    flags: u32,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    let mut strs: [&[u8]; 3] = [&[]; 3];
    // SAFETY: caller contract of iotwire_str_t.
    if let Err(e) = unsafe { input_all(&[product_key, device_name, name], &mut strs) } {
        return e;
    }
    let Some(kind) = kind::from_index(kind) else {
        return IOTWIRE_ERR_INVALID_SELECTOR;
    };
    if flags & !(IOTWIRE_TOPIC_FLAG_URI_PATH | IOTWIRE_TOPIC_FLAG_LAX_NAMES) != 0 {
        return IOTWIRE_ERR_INVALID_ARGUMENT;
    }
    let [pk, dn, nm] = strs;
    let t = TopicInput {
        kind,
        product_key: pk,
        device_name: dn,
        name: nm,
        uri_path: flags & IOTWIRE_TOPIC_FLAG_URI_PATH != 0,
        lax_names: flags & IOTWIRE_TOPIC_FLAG_LAX_NAMES != 0,
    };
    // SAFETY: forwarded caller contract; `strs` are every input the writer reads.
    unsafe {
        emit_text_of(text(out, out_cap, out_len), &strs, &[], None, &|o| {
            check(&t)?;
            write_topic(&t, o);
            Ok(())
        })
    }
}

/// @brief Checks a topic or filter against the platform's rules: starts with `/`, no empty
/// level, levels of letters, digits, `_` (and the DeviceName characters `@ . : -`),
/// wildcards only in subscriptions (`+` a whole level, `#` the whole last level), at most
/// 65535 bytes.
/// @param[in] topic The topic.
/// @param[in] usage `IOTWIRE_TOPIC_USAGE_PUBLISH` or `IOTWIRE_TOPIC_USAGE_SUBSCRIBE`.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_INVALID_TOPIC the topic breaks a rule.
/// @retval IOTWIRE_ERR_INVALID_SELECTOR unknown `usage`.
/// @retval IOTWIRE_ERR_NULL_POINTER `topic` is `{NULL, len > 0}`.
///
/// @code{c}
/// if (iotwire_topic_validate(iotwire_str(t), IOTWIRE_TOPIC_USAGE_SUBSCRIBE) != IOTWIRE_OK) ...
/// @endcode
///
/// # Safety
/// `topic` follows the `iotwire_str_t` contract.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_topic_validate(
    topic: iotwire_str_t,
    usage: u32,
) -> iotwire_status_t {
    // SAFETY: caller contract of iotwire_str_t.
    let topic = match unsafe { input(topic) } {
        Ok(t) => t,
        Err(e) => return e,
    };
    let usage = match usage {
        IOTWIRE_TOPIC_USAGE_PUBLISH => Usage::Publish,
        IOTWIRE_TOPIC_USAGE_SUBSCRIBE => Usage::Subscribe,
        _ => return IOTWIRE_ERR_INVALID_SELECTOR,
    };
    match rules::validate(topic, usage) {
        Ok(()) => IOTWIRE_OK,
        Err(e) => from_error(e),
    }
}

/// @brief Writes the OTA version report for `/ota/device/inform/${pk}/${dn}`:
/// `{"id":"<id>","params":{"version":"<version>"}}`, with `,"module":"<module>"` after the
/// version when a module is given. Caller text is JSON-escaped.
/// @param[in] id Message id (decimal in the payload).
/// @param[in] version Firmware version (UTF-8, not empty).
/// @param[in] module Module name (UTF-8), or empty for the default module.
/// @param[out] out Buffer for the NUL-terminated JSON, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_MISSING_FIELD `version` is empty.
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `version` or `module` is not UTF-8.
/// @retval IOTWIRE_ERR_NULL_POINTER, IOTWIRE_ERR_BUFFER_TOO_SMALL, IOTWIRE_ERR_OVERLAP as for
///         every text output.
///
/// @code{c}
/// char json[128];
/// rc = iotwire_ota_inform_payload_build(1, iotwire_str("1.0.1"), iotwire_str(NULL), json,
///                                       sizeof json, &len);
/// // {"id":"1","params":{"version":"1.0.1"}}
/// @endcode
///
/// # Safety
/// Strings follow the `iotwire_str_t` contract; `out` must be NULL or writable for `out_cap`
/// bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_ota_inform_payload_build(
    id: u32,
    version: iotwire_str_t,
    module: iotwire_str_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    let mut strs: [&[u8]; 2] = [&[]; 2];
    // SAFETY: caller contract of iotwire_str_t.
    if let Err(e) = unsafe { input_all(&[version, module], &mut strs) } {
        return e;
    }
    let [version, module] = strs;
    // SAFETY: forwarded caller contract; `strs` are every input the writer reads.
    unsafe {
        emit_text_of(text(out, out_cap, out_len), &strs, &[], None, &|o| {
            ota_payload::check_inform(version, module)?;
            ota_payload::write_inform(o, id, version, module);
            Ok(())
        })
    }
}

/// @brief Writes the OTA progress report for `/ota/device/progress/${pk}/${dn}`:
/// `{"id":"<id>","params":{"step":"<step>","desc":"<desc>"}}`, with `,"module":"<module>"`
/// after the description when a module is given. Caller text is JSON-escaped.
/// @param[in] id Message id.
/// @param[in] step 0..=100 percent, or -1 upgrade failed, -2 download failed, -3 verification
///            failed, -4 flashing failed.
/// @param[in] desc Description (UTF-8, may be empty).
/// @param[in] module Module name, or empty.
/// @param[out] out Buffer for the NUL-terminated JSON, or NULL for a size query.
/// @param[in] out_cap Capacity of `out`.
/// @param[out] out_len Length written, or the capacity needed for a size query.
/// @retval IOTWIRE_OK
/// @retval IOTWIRE_ERR_INVALID_ARGUMENT `step` outside -4..=100, or text not UTF-8.
/// @retval IOTWIRE_ERR_NULL_POINTER, IOTWIRE_ERR_BUFFER_TOO_SMALL, IOTWIRE_ERR_OVERLAP as for
///         every text output.
///
/// @code{c}
/// rc = iotwire_ota_progress_payload_build(2, 50, iotwire_str("downloading"), iotwire_str(NULL),
///                                         json, sizeof json, &len);
/// @endcode
///
/// # Safety
/// Strings follow the `iotwire_str_t` contract; `out` must be NULL or writable for `out_cap`
/// bytes; `out_len` must be NULL or a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iotwire_ota_progress_payload_build(
    id: u32,
    step: i32,
    desc: iotwire_str_t,
    module: iotwire_str_t,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> iotwire_status_t {
    let mut strs: [&[u8]; 2] = [&[]; 2];
    // SAFETY: caller contract of iotwire_str_t.
    if let Err(e) = unsafe { input_all(&[desc, module], &mut strs) } {
        return e;
    }
    let [desc, module] = strs;
    // SAFETY: forwarded caller contract; `strs` are every input the writer reads.
    unsafe {
        emit_text_of(text(out, out_cap, out_len), &strs, &[], None, &|o| {
            ota_payload::check_progress(step, desc, module)?;
            ota_payload::write_progress(o, id, step, desc, module);
            Ok(())
        })
    }
}
