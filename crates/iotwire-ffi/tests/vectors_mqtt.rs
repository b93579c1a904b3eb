//! Legacy known-answer vectors for MQTT credentials, replayed through the C ABI
//! (`iotwire_legacy_sign_mqtt`, `IOT_Sign_MQTT`, `iotwire_mqtt_*`).
// Tests call the C ABI exactly as C does; the calls' contracts are met by construction.
#![allow(clippy::undocumented_unsafe_blocks)]

mod common;

use common::*;
use iotwire_ffi::legacy::*;
use iotwire_ffi::legacy_sdk::*;
use iotwire_ffi::legacy_sign::*;
use iotwire_ffi::legacy_v3::*;
use iotwire_ffi::mqtt::*;
use iotwire_ffi::status::{IOTWIRE_ERR_BUFFER_TOO_SMALL, IOTWIRE_ERR_INVALID_SELECTOR, IOTWIRE_OK};
use serde_json::Value;
use std::ffi::CString;

fn sdk_of(id: &str) -> u32 {
    match id.split('-').next().unwrap() {
        "v320" => IOTWIRE_LEGACY_SDK_V3_2_0,
        "v310" => IOTWIRE_LEGACY_SDK_V3_1_0,
        "v301" => IOTWIRE_LEGACY_SDK_V3_0_1,
        "bundle" => IOTWIRE_LEGACY_SDK_BUNDLE,
        "v230" => IOTWIRE_LEGACY_SDK_V2_3_0,
        other => panic!("unknown sdk prefix {other}"),
    }
}

fn build_of(v: &Value) -> u32 {
    let flags = v["build_flags"].as_array().cloned().unwrap_or_default();
    flags.iter().fold(0, |acc, f| {
        acc | match f.as_str().unwrap() {
            "SUPPORT_TLS" => IOTWIRE_LEGACY_BUILD_SUPPORT_TLS,
            "MQTT_AUTO_SUBSCRIBE" => IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE,
            "MQTT_PRE_AUTH" => IOTWIRE_LEGACY_BUILD_MQTT_PRE_AUTH,
            "SUPPORT_ITLS" => IOTWIRE_LEGACY_BUILD_SUPPORT_ITLS,
            "MQTT_DIRECT" => 0,
            other => panic!("unknown flag {other}"),
        }
    })
}

fn meta(i: &Value) -> iotwire_legacy_dev_meta_t {
    let mut m: iotwire_legacy_dev_meta_t = unsafe { std::mem::zeroed() };
    let copy = |dst: &mut [std::ffi::c_char], src: &str| {
        for (d, b) in dst.iter_mut().zip(src.bytes()) {
            *d = b as std::ffi::c_char;
        }
    };
    copy(&mut m.product_key, jstr(i, "product_key"));
    copy(&mut m.device_name, jstr(i, "device_name"));
    copy(&mut m.device_secret, jstr(i, "device_secret"));
    m
}

fn field(f: &[std::ffi::c_char]) -> String {
    let bytes: Vec<u8> = f
        .iter()
        .take_while(|&&c| c != 0)
        .map(|&c| c as u8)
        .collect();
    String::from_utf8(bytes).unwrap()
}

fn check_signout(id: &str, out: &iotwire_legacy_sign_mqtt_t, e: &Value) {
    assert_eq!(field(&out.hostname), jstr(e, "hostname"), "{id} hostname");
    assert_eq!(
        u64::from(out.port),
        e["port"].as_u64().unwrap(),
        "{id} port"
    );
    assert_eq!(field(&out.clientid), jstr(e, "clientid"), "{id} clientid");
    assert_eq!(field(&out.username), jstr(e, "username"), "{id} username");
    assert_eq!(field(&out.password), jstr(e, "password"), "{id} password");
}

/// Which legacy sign export a vector goes through.
type SignFn = unsafe extern "C" fn(
    u32,
    u32,
    i32,
    *const std::ffi::c_char,
    *const iotwire_legacy_dev_meta_t,
    *mut iotwire_legacy_sign_mqtt_t,
) -> i32;

fn legacy_sign(sdk: u32, build: u32, v: &Value) -> (i32, iotwire_legacy_sign_mqtt_t) {
    legacy_sign_with(iotwire_legacy_sign_mqtt, sdk, build, v)
}

fn legacy_sign_with(
    f: SignFn,
    sdk: u32,
    build: u32,
    v: &Value,
) -> (i32, iotwire_legacy_sign_mqtt_t) {
    let i = &v["inputs"];
    let m = meta(i);
    let domain = i["custom_mqtt_domain"]
        .as_str()
        .map(|d| CString::new(d).unwrap());
    let mut out: iotwire_legacy_sign_mqtt_t = unsafe { std::mem::zeroed() };
    // Guard pattern: must survive the calls that must not touch `signout`.
    unsafe { std::ptr::write_bytes(&mut out, 0xA5, 1) };
    let region = i["region"].as_i64().unwrap() as i32;
    let dptr = domain.as_ref().map_or(std::ptr::null(), |d| d.as_ptr());
    // SAFETY: valid pointers for the call.
    let rc = unsafe { f(sdk, build, region, dptr, &m, &mut out) };
    (rc, out)
}

#[test]
fn iot_sign_mqtt_every_variant() {
    let mut v3 = 0;
    for v in vectors("iot_sign_mqtt") {
        let id = jstr(&v, "id");
        let e = &v["expected"];
        // Every vector through the general resolver; the 3.x family's also through its own
        // writer (what the legacy headers and the swap-in kit call).
        let mut runs = vec![legacy_sign(sdk_of(id), build_of(&v), &v)];
        if sdk_of(id) != IOTWIRE_LEGACY_SDK_V2_3_0 {
            runs.push(legacy_sign_with(
                iotwire_legacy_v3_sign_mqtt,
                sdk_of(id),
                build_of(&v),
                &v,
            ));
            v3 += 1;
        }
        for (rc, out) in &runs {
            check_sign_vector(id, e, *rc, out);
        }
    }
    assert!(v3 >= 39, "{v3} vectors of the 3.x family");
}

fn check_sign_vector(id: &str, e: &Value, rc: i32, out: &iotwire_legacy_sign_mqtt_t) {
    assert_eq!(i64::from(rc), e["rc"].as_i64().unwrap(), "{id} rc");
    if e["signout_untouched"].as_bool() == Some(true) {
        // SAFETY: plain-data struct viewed as its bytes.
        let bytes = unsafe {
            std::slice::from_raw_parts(
                (out as *const iotwire_legacy_sign_mqtt_t).cast::<u8>(),
                std::mem::size_of_val(out),
            )
        };
        assert!(bytes.iter().all(|&b| b == 0xA5), "{id}: signout touched");
    } else {
        check_signout(id, out, e);
    }
}

#[test]
fn exported_iot_sign_mqtt_is_the_v320_default_build() {
    for v in vectors("iot_sign_mqtt")
        .iter()
        .filter(|v| jstr(v, "id").starts_with("v320-default"))
    {
        if v["inputs"]["custom_mqtt_domain"].is_string() {
            continue; // the exported symbol has no custom domain (legacy set it through IOT_Ioctl)
        }
        let m = meta(&v["inputs"]);
        let mut out: iotwire_legacy_sign_mqtt_t = unsafe { std::mem::zeroed() };
        let region = v["inputs"]["region"].as_i64().unwrap() as i32;
        // SAFETY: valid pointers.
        let rc = unsafe { IOT_Sign_MQTT(region, &m, &mut out) };
        assert_eq!(
            i64::from(rc),
            v["expected"]["rc"].as_i64().unwrap(),
            "{}",
            jstr(v, "id")
        );
        if rc == 0 {
            check_signout(jstr(v, "id"), &out, &v["expected"]);
        }
    }
}

#[test]
fn v230_guider_direct_connect() {
    for v in vectors("mqtt_sign_v2_guider") {
        let id = jstr(&v, "id");
        let (rc, out) = legacy_sign(IOTWIRE_LEGACY_SDK_V2_3_0, build_of(&v), &v);
        assert_eq!(rc, 0, "{id}");
        check_signout(id, &out, &v["expected"]);
    }
}

/// The same vectors through the options API with a legacy profile (what the CLI uses).
#[test]
fn iot_sign_mqtt_through_options_api() {
    for v in vectors("iot_sign_mqtt")
        .into_iter()
        .chain(vectors("mqtt_sign_v2_guider"))
    {
        let id = jstr(&v, "id");
        let e = &v["expected"];
        if e["rc"].as_i64() != Some(0) {
            continue;
        }
        let i = &v["inputs"];
        let mut o = options();
        o.legacy_sdk = if id.starts_with("v230") {
            IOTWIRE_LEGACY_SDK_V2_3_0
        } else {
            sdk_of(id)
        };
        o.legacy_build = build_of(&v);
        o.keepalive_s = 0;
        let (pk, dn, ds) = (
            jstr(i, "product_key"),
            jstr(i, "device_name"),
            jstr(i, "device_secret"),
        );
        o.product_key = s(pk);
        o.device_name = s(dn);
        o.device_secret = s(ds);
        let domain = i["custom_mqtt_domain"].as_str().unwrap_or("");
        o.region = i["region"].as_u64().unwrap() as u32;
        if o.region == IOTWIRE_REGION_CUSTOM {
            o.host = s(domain);
        }
        assert_eq!(
            text(iotwire_mqtt_get_client_id, &o).unwrap(),
            jstr(e, "clientid"),
            "{id}"
        );
        assert_eq!(
            text(iotwire_mqtt_get_password, &o).unwrap(),
            jstr(e, "password"),
            "{id}"
        );
        assert_eq!(
            text(iotwire_mqtt_get_username, &o).unwrap(),
            jstr(e, "username"),
            "{id}"
        );
        assert_eq!(
            text(iotwire_mqtt_get_host, &o).unwrap(),
            jstr(e, "hostname"),
            "{id}"
        );
        assert_eq!(u64::from(port(&o)), e["port"].as_u64().unwrap(), "{id}");
        if let Some(content) = e["sign_content"].as_str() {
            assert_eq!(
                text(iotwire_mqtt_get_sign_content, &o).unwrap(),
                content,
                "{id}"
            );
        }
    }
}

#[test]
fn v320_customize_info_extra_params() {
    for v in vectors("mqtt_clientid_custom_kv") {
        let i = &v["inputs"];
        let (pk, dn) = jstr(i, "device_id").split_once('.').unwrap();
        let mut o = options();
        o.legacy_sdk = IOTWIRE_LEGACY_SDK_V3_2_0;
        o.legacy_build =
            IOTWIRE_LEGACY_BUILD_SUPPORT_TLS | IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE;
        o.product_key = s(pk);
        o.device_name = s(dn);
        o.device_secret = s("x");
        o.extra_params = s(jstr(i, "customize_info"));
        assert_eq!(
            text(iotwire_mqtt_get_client_id, &o).unwrap(),
            jstr(&v["expected"], "clientid"),
            "{}",
            jstr(&v, "id")
        );
    }
    // One character more than the 199 the legacy clientid[200] holds is refused, as legacy did.
    let mut o = options();
    o.legacy_sdk = IOTWIRE_LEGACY_SDK_V3_2_0;
    o.legacy_build = IOTWIRE_LEGACY_BUILD_SUPPORT_TLS | IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE;
    o.product_key = s("a1X2bEnP82z");
    o.device_name = s("example1");
    o.device_secret = s("x");
    let long = "x".repeat(81);
    o.extra_params = s(&long);
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o),
        Err("IOTWIRE_ERR_INVALID_CLIENT_ID")
    );
}

/// `_sign_get_clientid` as the swap-in kit calls it: the vectors, the strings the SDK accepted
/// that the documented-form validation refuses, the SDK's empty-but-present `customize_info`,
/// the 200-byte limit and the SDK's return codes.
#[test]
fn v3_client_id_customize_info() {
    let build = IOTWIRE_LEGACY_BUILD_SUPPORT_TLS | IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE;
    let cid_of = |sdk: u32, device_id: &str, custom: Option<&str>, itls: u32| {
        let mut buf = [0x55u8; IOTWIRE_LEGACY_CLIENT_ID_MAXLEN];
        let id = CString::new(device_id).unwrap();
        let custom = custom.map(|c| CString::new(c).unwrap());
        // SAFETY: NUL-terminated strings (or NULL) and a 200-byte buffer.
        let rc = unsafe {
            iotwire_legacy_v3_client_id(
                sdk,
                build,
                id.as_ptr(),
                custom.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
                itls,
                buf.as_mut_ptr().cast(),
            )
        };
        let text = buf.iter().position(|&b| b == 0).map(|n| &buf[..n]);
        (
            rc,
            String::from_utf8_lossy(text.unwrap_or(&buf)).into_owned(),
            buf,
        )
    };
    let cid = |device_id: &str, custom: Option<&str>, itls: u32| {
        let (rc, text, _) = cid_of(IOTWIRE_LEGACY_SDK_V3_2_0, device_id, custom, itls);
        (rc, text)
    };
    for v in vectors("mqtt_clientid_custom_kv") {
        let i = &v["inputs"];
        let itls = i["enable_itls"].as_u64().unwrap() as u32;
        let (rc, got) = cid(jstr(i, "device_id"), Some(jstr(i, "customize_info")), itls);
        assert_eq!(rc, 0, "{}", jstr(&v, "id"));
        assert_eq!(got, jstr(&v["expected"], "clientid"), "{}", jstr(&v, "id"));
    }
    let base = "a1X2bEnP82z.example1|timestamp=2524608000000,_v=sdk-c-3.2.0,securemode=2,\
signmethod=hmacsha256,lan=C,_ss=1,gw=0,ext=0";
    assert_eq!(cid("a1X2bEnP82z.example1", None, 0).1, format!("{base}|"));
    assert_eq!(
        cid("a1X2bEnP82z.example1", Some("mid=ab cd"), 0).1,
        format!("{base},mid=ab cd|")
    );
    assert_eq!(
        cid("a1X2bEnP82z.example1", Some("a=1|b"), 0).1,
        format!("{base},a=1|b|")
    );
    // A present but empty customize_info: the SDK appended "" and a comma.
    assert_eq!(
        cid("a1X2bEnP82z.example1", Some(""), 0).1,
        format!("{base},|")
    );
    let (_, itls) = cid("a1X2bEnP82z.example1", Some("authtype=id2"), 1);
    assert!(itls.contains(",securemode=8,"), "{itls}");
    // 199 characters fit clientid[200] (the rest of the buffer zeroed, as by the SDK's memset);
    // 200 do not: STATE_MQTT_SIGN_CLIENTID_BUF_SHORT and an empty buffer.
    let fill = 199 - base.len() - 2;
    let (rc, got, buf) = cid_of(
        IOTWIRE_LEGACY_SDK_V3_2_0,
        "a1X2bEnP82z.example1",
        Some(&"x".repeat(fill)),
        0,
    );
    assert_eq!((rc, got.len(), buf[199]), (0, 199, 0));
    let (rc, _, buf) = cid_of(
        IOTWIRE_LEGACY_SDK_V3_2_0,
        "a1X2bEnP82z.example1",
        Some(&"x".repeat(fill + 1)),
        0,
    );
    assert_eq!(rc, -0x309);
    assert!(buf.iter().all(|&b| b == 0));
    // 3.0.1 returned FAIL_RETURN for it (its id has no `,_ss=1`), and wrote its own version.
    let (rc, _, _) = cid_of(
        IOTWIRE_LEGACY_SDK_V3_0_1,
        "a1X2bEnP82z.example1",
        Some(&"x".repeat(fill + 7)),
        0,
    );
    assert_eq!(rc, -1);
    let (rc, got, _) = cid_of(IOTWIRE_LEGACY_SDK_V3_0_1, "a1X2bEnP82z.example1", None, 0);
    assert_eq!(rc, 0);
    assert!(got.contains("_v=sdk-c-3.0.1,"), "{got}");
    // NULL arguments: STATE_USER_INPUT_INVALID, nothing written.
    let mut buf = [0x55u8; IOTWIRE_LEGACY_CLIENT_ID_MAXLEN];
    // SAFETY: NULL device id (refused before any read) and a 200-byte buffer.
    let rc = unsafe {
        iotwire_legacy_v3_2_0_client_id(
            0,
            std::ptr::null(),
            std::ptr::null(),
            0,
            buf.as_mut_ptr().cast(),
        )
    };
    assert_eq!(rc, -0x113);
    assert!(buf.iter().all(|&b| b == 0x55));
    // SAFETY: a NUL-terminated id and a NULL output (refused before any write).
    let rc = unsafe {
        iotwire_legacy_v3_2_0_client_id(
            0,
            c"a.b".as_ptr(),
            std::ptr::null(),
            0,
            std::ptr::null_mut(),
        )
    };
    assert_eq!(rc, -0x113);
}

#[test]
fn dynreg_mqtt_v320() {
    for v in vectors("dynreg_mqtt") {
        let (i, e) = (&v["inputs"], &v["expected"]);
        let mut o = options();
        o.mode = IOTWIRE_MQTT_MODE_REGISTER;
        o.legacy_sdk = IOTWIRE_LEGACY_SDK_V3_2_0;
        o.legacy_build =
            IOTWIRE_LEGACY_BUILD_SUPPORT_TLS | IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE;
        o.region = i["region"].as_u64().unwrap() as u32;
        o.product_key = s(jstr(i, "product_key"));
        o.device_name = s(jstr(i, "device_name"));
        o.product_secret = s(jstr(i, "product_secret"));
        // The legacy random is the hex of the in-memory bytes of HAL_Random(); recompute it
        // from the vector's input instead of copying the expected string.
        let random: String = (i["hal_random_u32"].as_u64().unwrap() as u32)
            .to_le_bytes()
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect();
        assert_eq!(random, jstr(e, "random_string"));
        o.random = s(&random);
        let id = jstr(&v, "id");
        assert_eq!(
            text(iotwire_mqtt_get_client_id, &o).unwrap(),
            jstr(e, "clientid"),
            "{id}"
        );
        assert_eq!(
            text(iotwire_mqtt_get_sign_content, &o).unwrap(),
            jstr(e, "sign_content"),
            "{id}"
        );
        assert_eq!(
            text(iotwire_mqtt_get_password, &o).unwrap(),
            jstr(e, "password"),
            "{id}"
        );
        assert_eq!(
            text(iotwire_mqtt_get_host, &o).unwrap(),
            jstr(e, "hostname"),
            "{id}"
        );
        assert_eq!(u64::from(port(&o)), e["port"].as_u64().unwrap(), "{id}");
    }
}

#[test]
fn linksdk41_client_id_and_tls_psk() {
    for v in vectors("linksdk4_core_auth") {
        let (i, e) = (&v["inputs"], &v["expected"]);
        let id = jstr(&v, "id");
        let mut o = options();
        o.legacy_sdk = IOTWIRE_LEGACY_SDK_LINKSDK_4_1_0;
        o.product_key = s(jstr(i, "product_key"));
        o.device_name = s(jstr(i, "device_name"));
        o.device_secret = s(jstr(i, "device_secret"));
        o.extra_params = s(jstr(i, "extend_clientid"));
        assert_eq!(
            text(iotwire_mqtt_get_client_id, &o).unwrap(),
            jstr(e, "clientid"),
            "{id}"
        );
        assert_eq!(
            text(iotwire_mqtt_get_password, &o).unwrap(),
            jstr(e, "password"),
            "{id}"
        );
        assert_eq!(
            text(iotwire_mqtt_get_username, &o).unwrap(),
            jstr(e, "username"),
            "{id}"
        );
        // TLS-PSK is the same derivation in the documented form.
        let mut d = options();
        d.product_key = o.product_key;
        d.device_name = o.device_name;
        d.device_secret = o.device_secret;
        d.flags = IOTWIRE_MQTT_FLAG_LAX_NAMES;
        assert_eq!(
            text(iotwire_mqtt_get_tls_psk_identity, &d).unwrap(),
            jstr(e, "tls_psk_identity"),
            "{id}"
        );
        assert_eq!(
            text(iotwire_mqtt_get_tls_psk, &d).unwrap(),
            jstr(e, "tls_psk"),
            "{id}"
        );
    }
}

#[test]
fn doc_example_hmacsha1_tcp() {
    let v = &vectors("doc_example")[0];
    let e = &v["expected"];
    let mut o = options();
    o.product_key = s("pk");
    o.device_name = s("device");
    o.device_secret = s("secret");
    o.client_id = s("12345");
    o.timestamp = s("789");
    o.sign_method = IOTWIRE_SIGN_METHOD_HMACSHA1;
    o.secure_mode = 3;
    o.flags = IOTWIRE_MQTT_FLAG_ALLOW_PLAINTEXT;
    assert_eq!(
        text(iotwire_mqtt_get_password, &o).unwrap(),
        jstr(e, "hex_upper")
    );
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o).unwrap(),
        jstr(e, "mqtt_client_id")
    );
    assert_eq!(
        text(iotwire_mqtt_get_username, &o).unwrap(),
        jstr(e, "mqtt_username")
    );
    assert_eq!(
        text(iotwire_mqtt_get_sign_content, &o).unwrap(),
        jstr(&v["inputs"], "content")
    );
    // Without the explicit opt-in, plaintext TCP is refused.
    o.flags = 0;
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o),
        Err("IOTWIRE_ERR_INSECURE_MODE_NOT_ALLOWED")
    );
}

#[test]
fn hmacmd5_documented_form() {
    for v in vectors("mqtt_sign_hmacmd5_composed") {
        let (i, e) = (&v["inputs"], &v["expected"]);
        let mut o = options();
        o.product_key = s(jstr(i, "product_key"));
        o.device_name = s(jstr(i, "device_name"));
        o.device_secret = s(jstr(i, "device_secret"));
        o.timestamp = s("2524608000000");
        o.sign_method = IOTWIRE_SIGN_METHOD_HMACMD5;
        o.flags = IOTWIRE_MQTT_FLAG_LAX_NAMES;
        assert_eq!(
            text(iotwire_mqtt_get_sign_content, &o).unwrap(),
            jstr(e, "sign_content")
        );
        // The documented form writes upper-case hex; v2.03 wrote lower-case.
        assert_eq!(
            text(iotwire_mqtt_get_password, &o).unwrap(),
            jstr(e, "password").to_uppercase()
        );
    }
}

/// `dynreg.c` through `iotwire_legacy_v3_dynreg_get`: the MQTT registration client id and
/// password, the HTTPS sign and body, against the legacy SDK's vectors.
#[test]
fn v3_dynreg_parts() {
    let get = |part: u32, i: &Value, random: &str, cap: usize| {
        let mut buf = vec![0u8; cap];
        let mut len = 0usize;
        // SAFETY: valid strings and buffer.
        let rc = unsafe {
            iotwire_legacy_v3_dynreg_get(
                part,
                s(jstr(i, "product_key")),
                s(jstr(i, "device_name")),
                s(jstr(i, "product_secret")),
                s(random),
                buf.as_mut_ptr().cast(),
                cap,
                &mut len,
            )
        };
        (rc, String::from_utf8(buf[..len].to_vec()).unwrap())
    };
    let mqtt = vectors("dynreg_mqtt");
    let https = vectors("dynreg_https");
    assert!(!mqtt.is_empty() && !https.is_empty());
    for v in &mqtt {
        let (i, e) = (&v["inputs"], &v["expected"]);
        let r = jstr(e, "random_string");
        assert_eq!(
            get(IOTWIRE_LEGACY_V3_DYNREG_CLIENT_ID, i, r, 200),
            (IOTWIRE_OK, jstr(e, "clientid").to_owned())
        );
        assert_eq!(
            get(IOTWIRE_LEGACY_V3_DYNREG_SIGN, i, r, 65),
            (IOTWIRE_OK, jstr(e, "password").to_owned())
        );
    }
    for v in &https {
        let (i, e) = (&v["inputs"], &v["expected"]);
        let r = jstr(e, "random");
        assert_eq!(
            get(IOTWIRE_LEGACY_V3_DYNREG_SIGN, i, r, 65),
            (IOTWIRE_OK, jstr(e, "sign").to_owned())
        );
        assert_eq!(
            get(IOTWIRE_LEGACY_V3_DYNREG_HTTPS_BODY, i, r, 400),
            (IOTWIRE_OK, jstr(&e["request"], "body").to_owned())
        );
    }
    let i = &mqtt[0]["inputs"];
    // The sign and its NUL need 65 bytes, as the SDK's password[65].
    assert_eq!(
        get(IOTWIRE_LEGACY_V3_DYNREG_SIGN, i, "78563412", 64).0,
        IOTWIRE_ERR_BUFFER_TOO_SMALL
    );
    assert_eq!(get(3, i, "78563412", 64).0, IOTWIRE_ERR_INVALID_SELECTOR);
}
