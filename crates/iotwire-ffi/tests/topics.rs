//! Topic builders, the validator and the OTA payloads through the C ABI. Expected topics are
//! written out from the seeds and the v3.2.0 SDK's sources (`dm_msg_process.c`, `ota_mqtt.c`,
//! `shadow_common.c`); the CoAP/HTTP paths come from the committed vectors; OTA payloads are
//! checked with serde_json.
// Tests call the C ABI exactly as C does; the calls' contracts are met by construction.
#![allow(clippy::undocumented_unsafe_blocks)]

mod common;

use common::*;
use iotwire_ffi::status::*;
use iotwire_ffi::topics::*;
use iotwire_ffi::types::iotwire_str_t;
use std::ptr::null_mut;

fn text(f: impl Fn(*mut std::ffi::c_char, usize, *mut usize) -> i32) -> Result<String, i32> {
    let mut need = 0usize;
    let rc = f(null_mut(), 0, &mut need);
    if rc != IOTWIRE_OK {
        return Err(rc);
    }
    let mut buf = vec![0xA5u8; need + 1];
    let mut len = 0usize;
    assert_eq!(
        f(buf.as_mut_ptr().cast(), need - 1, &mut len),
        IOTWIRE_ERR_BUFFER_TOO_SMALL
    );
    assert_eq!(f(buf.as_mut_ptr().cast(), need, &mut len), IOTWIRE_OK);
    assert_eq!((len + 1, buf[len], buf[need]), (need, 0, 0xA5));
    Ok(String::from_utf8(buf[..len].to_vec()).unwrap())
}

fn topic(kind: u32, pk: &str, dn: &str, name: &str, flags: u32) -> Result<String, i32> {
    text(|o, c, l| unsafe { iotwire_topic_build(kind, s(pk), s(dn), s(name), flags, o, c, l) })
}

fn dev(kind: u32, name: &str) -> Result<String, i32> {
    topic(kind, "a1X2bEnP82z", "example1", name, 0)
}

fn valid(t: &str, usage: u32) -> i32 {
    unsafe { iotwire_topic_validate(s(t), usage) }
}

#[test]
fn every_kind() {
    let table: &[(u32, &str, &str)] = &[
        (
            IOTWIRE_TOPIC_KIND_CUSTOM,
            "update",
            "/a1X2bEnP82z/example1/user/update",
        ),
        (
            IOTWIRE_TOPIC_KIND_CUSTOM,
            "update/error",
            "/a1X2bEnP82z/example1/user/update/error",
        ),
        (
            IOTWIRE_TOPIC_KIND_CUSTOM,
            "#",
            "/a1X2bEnP82z/example1/user/#",
        ),
        (
            IOTWIRE_TOPIC_KIND_PROPERTY_POST,
            "",
            "/sys/a1X2bEnP82z/example1/thing/event/property/post",
        ),
        (
            IOTWIRE_TOPIC_KIND_PROPERTY_POST_REPLY,
            "",
            "/sys/a1X2bEnP82z/example1/thing/event/property/post_reply",
        ),
        (
            IOTWIRE_TOPIC_KIND_EVENT_POST,
            "alarm",
            "/sys/a1X2bEnP82z/example1/thing/event/alarm/post",
        ),
        (
            IOTWIRE_TOPIC_KIND_EVENT_POST_REPLY,
            "alarm",
            "/sys/a1X2bEnP82z/example1/thing/event/alarm/post_reply",
        ),
        (
            IOTWIRE_TOPIC_KIND_PROPERTY_SET,
            "",
            "/sys/a1X2bEnP82z/example1/thing/service/property/set",
        ),
        (
            IOTWIRE_TOPIC_KIND_PROPERTY_SET_REPLY,
            "",
            "/sys/a1X2bEnP82z/example1/thing/service/property/set_reply",
        ),
        (
            IOTWIRE_TOPIC_KIND_SERVICE,
            "reboot",
            "/sys/a1X2bEnP82z/example1/thing/service/reboot",
        ),
        (
            IOTWIRE_TOPIC_KIND_SERVICE_REPLY,
            "reboot",
            "/sys/a1X2bEnP82z/example1/thing/service/reboot_reply",
        ),
        (
            IOTWIRE_TOPIC_KIND_OTA_INFORM,
            "",
            "/ota/device/inform/a1X2bEnP82z/example1",
        ),
        (
            IOTWIRE_TOPIC_KIND_OTA_UPGRADE,
            "",
            "/ota/device/upgrade/a1X2bEnP82z/example1",
        ),
        (
            IOTWIRE_TOPIC_KIND_OTA_PROGRESS,
            "",
            "/ota/device/progress/a1X2bEnP82z/example1",
        ),
        (
            IOTWIRE_TOPIC_KIND_OTA_REQUEST,
            "",
            "/ota/device/request/a1X2bEnP82z/example1",
        ),
        (
            IOTWIRE_TOPIC_KIND_SHADOW_UPDATE,
            "",
            "/shadow/update/a1X2bEnP82z/example1",
        ),
        (
            IOTWIRE_TOPIC_KIND_SHADOW_GET,
            "",
            "/shadow/get/a1X2bEnP82z/example1",
        ),
        (
            IOTWIRE_TOPIC_KIND_RRPC_REQUEST,
            "+",
            "/sys/a1X2bEnP82z/example1/rrpc/request/+",
        ),
        (
            IOTWIRE_TOPIC_KIND_RRPC_RESPONSE,
            "1234",
            "/sys/a1X2bEnP82z/example1/rrpc/response/1234",
        ),
        (
            IOTWIRE_TOPIC_KIND_MODEL_UP_RAW,
            "",
            "/sys/a1X2bEnP82z/example1/thing/model/up_raw",
        ),
        (
            IOTWIRE_TOPIC_KIND_MODEL_UP_RAW_REPLY,
            "",
            "/sys/a1X2bEnP82z/example1/thing/model/up_raw_reply",
        ),
        (
            IOTWIRE_TOPIC_KIND_MODEL_DOWN_RAW,
            "",
            "/sys/a1X2bEnP82z/example1/thing/model/down_raw",
        ),
        (
            IOTWIRE_TOPIC_KIND_MODEL_DOWN_RAW_REPLY,
            "",
            "/sys/a1X2bEnP82z/example1/thing/model/down_raw_reply",
        ),
        (
            IOTWIRE_TOPIC_KIND_DEVICEINFO_UPDATE,
            "",
            "/sys/a1X2bEnP82z/example1/thing/deviceinfo/update",
        ),
        (
            IOTWIRE_TOPIC_KIND_DEVICEINFO_UPDATE_REPLY,
            "",
            "/sys/a1X2bEnP82z/example1/thing/deviceinfo/update_reply",
        ),
        (
            IOTWIRE_TOPIC_KIND_NTP_REQUEST,
            "",
            "/ext/ntp/a1X2bEnP82z/example1/request",
        ),
        (
            IOTWIRE_TOPIC_KIND_NTP_RESPONSE,
            "",
            "/ext/ntp/a1X2bEnP82z/example1/response",
        ),
    ];
    for (kind, name, want) in table {
        assert_eq!(dev(*kind, name).as_deref(), Ok(*want), "kind {kind}");
        let usage = if want.contains(['+', '#']) {
            IOTWIRE_TOPIC_USAGE_SUBSCRIBE
        } else {
            IOTWIRE_TOPIC_USAGE_PUBLISH
        };
        assert_eq!(valid(want, usage), IOTWIRE_OK, "{want}");
    }
    assert_eq!(dev(25, ""), Err(IOTWIRE_ERR_INVALID_SELECTOR));
}

#[test]
fn coap_and_http_paths_match_the_vectors() {
    for kind in ["coap_message_flow", "http_auth_and_publish"] {
        for v in vectors(kind) {
            let i = &v["inputs"];
            let (pk, dn) = (
                i["product_key"].as_str().unwrap(),
                i["device_name"].as_str().unwrap(),
            );
            let path = i["publish_path"]
                .as_str()
                .or(i["topic_path"].as_str())
                .unwrap();
            let (k, name) = if path.contains("/thing/event/property/post") {
                (IOTWIRE_TOPIC_KIND_PROPERTY_POST, "")
            } else {
                (IOTWIRE_TOPIC_KIND_CUSTOM, path.rsplit('/').next().unwrap())
            };
            assert_eq!(
                topic(k, pk, dn, name, IOTWIRE_TOPIC_FLAG_URI_PATH).as_deref(),
                Ok(path),
                "{}",
                v["id"]
            );
        }
    }
    assert_eq!(dev(IOTWIRE_TOPIC_KIND_CUSTOM, "#").map(|_| ()), Ok(()));
    let wild = topic(
        IOTWIRE_TOPIC_KIND_CUSTOM,
        "a1X2bEnP82z",
        "example1",
        "#",
        IOTWIRE_TOPIC_FLAG_URI_PATH,
    );
    assert_eq!(wild, Err(IOTWIRE_ERR_INVALID_TOPIC));
}

#[test]
fn name_and_device_rules() {
    use IOTWIRE_TOPIC_KIND_CUSTOM as C;
    assert_eq!(dev(C, ""), Err(IOTWIRE_ERR_MISSING_FIELD));
    for bad in [
        "a-b", "a b", "a//b", "a/", "/a", "a/#/b", "a#", "u+", "\u{6d4b}",
    ] {
        assert_eq!(dev(C, bad), Err(IOTWIRE_ERR_INVALID_TOPIC), "{bad}");
    }
    assert!(dev(C, "a/+/b_2").is_ok());
    assert_eq!(
        dev(IOTWIRE_TOPIC_KIND_PROPERTY_POST, "x"),
        Err(IOTWIRE_ERR_INVALID_ARGUMENT)
    );
    assert_eq!(
        dev(IOTWIRE_TOPIC_KIND_EVENT_POST, "a/b"),
        Err(IOTWIRE_ERR_INVALID_TOPIC)
    );
    assert_eq!(
        dev(IOTWIRE_TOPIC_KIND_EVENT_POST, "+"),
        Err(IOTWIRE_ERR_INVALID_TOPIC)
    );
    assert_eq!(
        dev(IOTWIRE_TOPIC_KIND_SERVICE, ""),
        Err(IOTWIRE_ERR_MISSING_FIELD)
    );
    let k = IOTWIRE_TOPIC_KIND_OTA_INFORM;
    assert_eq!(
        topic(k, "", "example1", "", 0),
        Err(IOTWIRE_ERR_INVALID_PRODUCT_KEY)
    );
    assert_eq!(
        topic(k, "a1X2bEnP82z", "ab", "", 0),
        Err(IOTWIRE_ERR_INVALID_DEVICE_NAME)
    );
    assert_eq!(
        topic(k, "a1X2bEnP82z", "a/b+c", "", IOTWIRE_TOPIC_FLAG_LAX_NAMES),
        Err(IOTWIRE_ERR_INVALID_DEVICE_NAME)
    );
    assert_eq!(
        topic(k, "a1X2bEnP82z", "ab c", "", IOTWIRE_TOPIC_FLAG_LAX_NAMES).as_deref(),
        Ok("/ota/device/inform/a1X2bEnP82z/ab c")
    );
    // DeviceName characters beyond letters and digits.
    assert_eq!(
        topic(k, "pk", "a@b.c:d-e", "", 0).as_deref(),
        Ok("/ota/device/inform/pk/a@b.c:d-e")
    );
    assert_eq!(
        topic(k, "pk", "dev1", "", 4),
        Err(IOTWIRE_ERR_INVALID_ARGUMENT)
    );
    let mut len = 0usize;
    let null = iotwire_str_t {
        ptr: std::ptr::null(),
        len: 3,
    };
    assert_eq!(
        unsafe { iotwire_topic_build(k, null, s("dev1"), s(""), 0, null_mut(), 0, &mut len) },
        IOTWIRE_ERR_NULL_POINTER
    );
}

#[test]
fn validator_follows_the_seed() {
    use IOTWIRE_TOPIC_USAGE_PUBLISH as P;
    use IOTWIRE_TOPIC_USAGE_SUBSCRIBE as S;
    // Seed 003 section 6.2: `#` only last, `+` one level, wildcards only when subscribing.
    assert_eq!(valid("/a1aycMA/device1/user/#", S), IOTWIRE_OK);
    assert_eq!(
        valid("/a1aycMA/device1/user/#", P),
        IOTWIRE_ERR_INVALID_TOPIC
    );
    assert_eq!(valid("/a1aycMA/device1/user/+/error", S), IOTWIRE_OK);
    assert_eq!(
        valid("/a1aycMA/device1/user/+/error", P),
        IOTWIRE_ERR_INVALID_TOPIC
    );
    for bad in [
        "",
        "/",
        "a/b",
        "/a//b",
        "/a/b/",
        "/a/#/b",
        "/a/b#",
        "/a/user+/error",
        "/a/b c",
        "/a/\u{e9}",
    ] {
        assert_eq!(valid(bad, S), IOTWIRE_ERR_INVALID_TOPIC, "{bad:?}");
    }
    assert_eq!(valid("/a/b", 2), IOTWIRE_ERR_INVALID_SELECTOR);
    let long = format!("/{}", "a".repeat(65_534));
    assert_eq!(valid(&long, P), IOTWIRE_OK);
    assert_eq!(valid(&format!("{long}b"), P), IOTWIRE_ERR_INVALID_TOPIC);
}

fn inform(id: u32, version: &str, module: &str) -> Result<String, i32> {
    text(|o, c, l| unsafe { iotwire_ota_inform_payload_build(id, s(version), s(module), o, c, l) })
}

fn progress(id: u32, step: i32, desc: &str, module: &str) -> Result<String, i32> {
    text(|o, c, l| unsafe {
        iotwire_ota_progress_payload_build(id, step, s(desc), s(module), o, c, l)
    })
}

#[test]
fn ota_payloads() {
    // iotkit-embedded 3.2.0 `infra_report.c`: {"id":"<n>","params":{"version":"<fw>"}}.
    assert_eq!(
        inform(1, "1.0.1", "").unwrap(),
        r#"{"id":"1","params":{"version":"1.0.1"}}"#
    );
    assert_eq!(
        inform(7, "2.0", "MCU").unwrap(),
        r#"{"id":"7","params":{"version":"2.0","module":"MCU"}}"#
    );
    assert_eq!(
        progress(3, 50, "downloading", "").unwrap(),
        r#"{"id":"3","params":{"step":"50","desc":"downloading"}}"#
    );
    assert_eq!(inform(1, "", ""), Err(IOTWIRE_ERR_MISSING_FIELD));
    assert_eq!(progress(1, 101, "", ""), Err(IOTWIRE_ERR_INVALID_ARGUMENT));
    assert_eq!(progress(1, -5, "", ""), Err(IOTWIRE_ERR_INVALID_ARGUMENT));
    // Any caller text gives JSON that parses back to the same values.
    let nasty = "a\"b\\c\n\td\u{1}\u{7f}\u{6d4b}";
    for (id, step) in [
        (0u32, -4i32),
        (u32::MAX, 100),
        (2_147_483_648, 0),
        (999_999_999, -1),
    ] {
        let v: serde_json::Value =
            serde_json::from_str(&progress(id, step, nasty, nasty).unwrap()).unwrap();
        assert_eq!(v["id"], id.to_string());
        assert_eq!(v["params"]["step"], step.to_string());
        assert_eq!(v["params"]["desc"], nasty);
        assert_eq!(v["params"]["module"], nasty);
        let v: serde_json::Value = serde_json::from_str(&inform(id, nasty, "").unwrap()).unwrap();
        assert_eq!(
            (v["id"].as_str(), v["params"]["version"].as_str()),
            (Some(id.to_string().as_str()), Some(nasty))
        );
    }
    let bad = iotwire_str_t {
        ptr: [0xFFu8].as_ptr().cast(),
        len: 1,
    };
    let mut len = 0usize;
    let rc = unsafe { iotwire_ota_inform_payload_build(1, bad, s(""), null_mut(), 0, &mut len) };
    assert_eq!(rc, IOTWIRE_ERR_INVALID_ARGUMENT);
}
