//! EnOS through the C ABI: the `enos_sign_mqtt` and `enos_coap_dtls_psk_doc` vectors of
//! tests/vectors/legacy-c-sdk.dev.json, the validation rules and the activation reply.
#![cfg(feature = "enos")]

use iotwire_ffi::enos::*;
use iotwire_ffi::status::*;
use iotwire_ffi::types::iotwire_str_t;
use serde_json::Value;
use std::ffi::{CStr, c_char};

/// All vectors of `kind` from tests/vectors/legacy-c-sdk.dev.json.
fn vectors(kind: &str) -> Vec<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/vectors/legacy-c-sdk.dev.json"
    );
    let all: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("vector file")).expect("json");
    let list: Vec<Value> = all["vectors"]
        .as_array()
        .expect("vectors")
        .iter()
        .filter(|v| v["kind"] == kind)
        .cloned()
        .collect();
    assert!(!list.is_empty(), "no vectors of kind {kind}");
    list
}

fn s(v: &str) -> iotwire_str_t {
    iotwire_str_t {
        ptr: v.as_ptr().cast(),
        len: v.len(),
    }
}

fn jstr<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("missing {key} in {v}"))
}

fn status_name(rc: i32) -> &'static str {
    // SAFETY: the library returns a static NUL-terminated string.
    let name = unsafe { CStr::from_ptr(iotwire_status_str(rc)) };
    name.to_str().expect("ascii")
}

fn options() -> iotwire_enos_options_t {
    let mut o = std::mem::MaybeUninit::<iotwire_enos_options_t>::uninit();
    // SAFETY: valid writable pointer.
    let rc = unsafe { iotwire_enos_options_init(o.as_mut_ptr()) };
    assert_eq!(rc, IOTWIRE_OK);
    // SAFETY: initialised by the call above.
    unsafe { o.assume_init() }
}

type TextFn =
    unsafe extern "C" fn(*const iotwire_enos_options_t, *mut c_char, usize, *mut usize) -> i32;

/// Size query, then an exact-fit buffer.
fn text(f: TextFn, o: &iotwire_enos_options_t) -> Result<String, &'static str> {
    let mut need = 0usize;
    // SAFETY: size query with valid pointers.
    let rc = unsafe { f(o, std::ptr::null_mut(), 0, &mut need) };
    if rc != IOTWIRE_OK {
        return Err(status_name(rc));
    }
    let mut buf = vec![0xA5u8; need];
    let mut len = 0usize;
    // SAFETY: buffer of `need` bytes.
    let rc = unsafe { f(o, buf.as_mut_ptr().cast(), need, &mut len) };
    assert_eq!(rc, IOTWIRE_OK);
    assert_eq!(len + 1, need);
    assert_eq!(buf[len], 0);
    Ok(String::from_utf8(buf[..len].to_vec()).expect("ascii"))
}

fn key(o: &iotwire_enos_options_t) -> Result<Vec<u8>, &'static str> {
    let mut need = 0usize;
    // SAFETY: size query.
    let rc = unsafe { iotwire_enos_get_psk_key(o, std::ptr::null_mut(), 0, &mut need) };
    if rc != IOTWIRE_OK {
        return Err(status_name(rc));
    }
    assert_eq!(need, IOTWIRE_ENOS_PSK_KEY_SIZE);
    let mut buf = vec![0xA5u8; need + 4];
    let mut len = 0usize;
    // SAFETY: buffer of `need + 4` bytes.
    let rc = unsafe { iotwire_enos_get_psk_key(o, buf.as_mut_ptr(), buf.len(), &mut len) };
    assert_eq!(rc, IOTWIRE_OK);
    assert_eq!(len, need);
    assert_eq!(&buf[need..], &[0xA5; 4], "no NUL, nothing past the key");
    buf.truncate(len);
    Ok(buf)
}

fn port(o: &iotwire_enos_options_t) -> u16 {
    let mut p = 0u16;
    // SAFETY: valid pointers.
    let rc = unsafe { iotwire_enos_mqtt_get_port(o, &mut p) };
    assert_eq!(rc, IOTWIRE_OK);
    p
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn enos_sign_mqtt_vectors() {
    for v in vectors("enos_sign_mqtt") {
        let i = &v["inputs"];
        let e = &v["expected"];
        assert_eq!(e["rc"], 0);
        let (pk, dk, ds, host) = (
            jstr(i, "product_key"),
            jstr(i, "device_key"),
            jstr(i, "device_secret"),
            jstr(i, "custom_mqtt_domain"),
        );
        let mut o = options();
        o.product_key = s(pk);
        o.device_key = s(dk);
        o.device_secret = s(ds);
        o.host = s(host);
        let tls = e["port"] == 18883;
        if !tls {
            o.flags = IOTWIRE_ENOS_FLAG_PLAINTEXT_MQTT;
        }
        let id = v["id"].as_str().unwrap();
        assert_eq!(
            text(iotwire_enos_mqtt_get_host, &o).unwrap(),
            jstr(e, "hostname"),
            "{id}"
        );
        assert_eq!(u64::from(port(&o)), e["port"].as_u64().unwrap(), "{id}");
        assert_eq!(
            text(iotwire_enos_mqtt_get_client_id, &o).unwrap(),
            jstr(e, "clientid"),
            "{id}"
        );
        assert_eq!(
            text(iotwire_enos_mqtt_get_username, &o).unwrap(),
            jstr(e, "username"),
            "{id}"
        );
        assert_eq!(
            text(iotwire_enos_mqtt_get_password, &o).unwrap(),
            jstr(e, "password"),
            "{id}"
        );
        assert_eq!(
            text(iotwire_enos_mqtt_get_sign_content, &o).unwrap(),
            format!("clientId{pk}.{dk}deviceKey{dk}productKey{pk}timestamp2524608000000"),
            "{id}"
        );
    }
}

#[test]
fn enos_psk_doc_vectors() {
    for v in vectors("enos_coap_dtls_psk_doc") {
        let i = &v["inputs"];
        let e = &v["expected"];
        let mode = i["secure_mode"].as_u64().unwrap() as u32;
        let mut o = options();
        o.product_key = s(jstr(i, "product_key"));
        o.device_key = s(jstr(i, "device_key"));
        o.secure_mode = mode;
        o.lifetime_s = i["lifetime_s"].as_u64().unwrap() as u32;
        if mode == 2 {
            o.device_secret = s(jstr(i, "secret"));
        } else {
            o.product_secret = s(jstr(i, "secret"));
        }
        assert_eq!(
            text(iotwire_enos_get_psk_identity, &o).unwrap(),
            jstr(e, "psk_identity")
        );
        let k = key(&o).unwrap();
        assert_eq!(hex(&k), jstr(e, "psk_hex"));
        // The vector's full digest: the key is its bytes [8, 24).
        assert_eq!(hex(&k), jstr(e, "sha256_hex")[16..48]);
    }
}

#[test]
fn psk_secret_follows_the_secure_mode() {
    let v = &vectors("enos_coap_dtls_psk_doc")[0];
    let i = &v["inputs"];
    let mut o = options();
    o.product_key = s(jstr(i, "product_key"));
    o.device_key = s(jstr(i, "device_key"));
    o.lifetime_s = 300;
    // Mode 3 reads the ProductSecret: the same text there gives the same key, identity ...,3,...
    o.secure_mode = IOTWIRE_ENOS_SECURE_MODE_PRODUCT_SECRET;
    o.device_secret = s("not this one");
    o.product_secret = s(jstr(i, "secret"));
    assert_eq!(hex(&key(&o).unwrap()), jstr(&v["expected"], "psk_hex"));
    assert!(
        text(iotwire_enos_get_psk_identity, &o)
            .unwrap()
            .ends_with(",3,300")
    );
    o.product_secret = s("");
    assert_eq!(key(&o), Err("IOTWIRE_ERR_MISSING_FIELD"));
    o.secure_mode = 1;
    assert_eq!(key(&o), Err("IOTWIRE_ERR_INVALID_SECURE_MODE"));
}

#[test]
fn psk_rules() {
    let mut o = options();
    o.product_key = s("pk123456");
    o.device_key = s("dk");
    o.device_secret = s("x");
    for (lifetime, want) in [
        (0, Err("IOTWIRE_ERR_INVALID_LIFETIME")),
        (29, Err("IOTWIRE_ERR_INVALID_LIFETIME")),
        (30, Ok("pk123456,dk,2,30".to_string())),
        (86_400, Ok("pk123456,dk,2,86400".to_string())),
        (86_401, Err("IOTWIRE_ERR_INVALID_LIFETIME")),
    ] {
        o.lifetime_s = lifetime;
        assert_eq!(text(iotwire_enos_get_psk_identity, &o), want, "{lifetime}");
        assert_eq!(key(&o).is_ok(), want.is_ok(), "{lifetime}");
    }
    o.lifetime_s = 300;
    for (pk, dk, want) in [
        ("", "dk", "IOTWIRE_ERR_INVALID_PRODUCT_KEY"),
        ("p,k", "dk", "IOTWIRE_ERR_INVALID_PRODUCT_KEY"),
        ("pk", "", "IOTWIRE_ERR_INVALID_DEVICE_KEY"),
        ("pk", "d,k", "IOTWIRE_ERR_INVALID_DEVICE_KEY"),
        ("pk", "d/k", "IOTWIRE_ERR_INVALID_DEVICE_KEY"),
        (
            "pk",
            "123456789012345678901234567890123",
            "IOTWIRE_ERR_INVALID_DEVICE_KEY",
        ),
    ] {
        o.product_key = s(pk);
        o.device_key = s(dk);
        assert_eq!(text(iotwire_enos_get_psk_identity, &o), Err(want));
        assert_eq!(key(&o), Err(want));
        assert_eq!(text(iotwire_enos_mqtt_get_client_id, &o), Err(want));
    }
}

#[test]
fn mqtt_rules() {
    let mut o = options();
    o.product_key = s("pk123456");
    o.device_key = s("dk_device_01");
    assert_eq!(
        text(iotwire_enos_mqtt_get_password, &o),
        Err("IOTWIRE_ERR_MISSING_FIELD")
    );
    assert_eq!(
        text(iotwire_enos_mqtt_get_host, &o),
        Err("IOTWIRE_ERR_MISSING_FIELD")
    );
    o.host = s("bad host");
    assert_eq!(
        text(iotwire_enos_mqtt_get_host, &o),
        Err("IOTWIRE_ERR_INVALID_HOST")
    );
    assert_eq!(port(&o), 18883);
    o.flags = IOTWIRE_ENOS_FLAG_PLAINTEXT_MQTT;
    assert_eq!(port(&o), 11883);
    o.port = 8883;
    assert_eq!(port(&o), 8883);
    o.flags = 2;
    let mut p = 0u16;
    // SAFETY: valid pointers.
    let rc = unsafe { iotwire_enos_mqtt_get_port(&o, &mut p) };
    assert_eq!(rc, IOTWIRE_ERR_INVALID_ARGUMENT);
}

// --- activation over CoAP -------------------------------------------------------------------
// Expected datagrams are assembled here from RFC 7252 §3 by hand (header byte, option
// delta/length nibbles), not with the library's encoder.

/// One option with delta `delta` (< 13) and a value shorter than 269 bytes.
fn opt(delta: u8, value: &[u8]) -> Vec<u8> {
    let mut v = Vec::new();
    if value.len() < 13 {
        v.push((delta << 4) | value.len() as u8);
    } else {
        v.push((delta << 4) | 13);
        v.push((value.len() - 13) as u8);
    }
    v.extend_from_slice(value);
    v
}

fn expected_request(pk: &str, dk: &str, mid: u16, token: &[u8]) -> Vec<u8> {
    let mut d = vec![0x40 | token.len() as u8, 0x01];
    d.extend_from_slice(&mid.to_be_bytes());
    d.extend_from_slice(token);
    let segments = [
        "topic", "ext", "session", pk, dk, "thing", "activate", "info",
    ];
    for (i, seg) in segments.iter().enumerate() {
        d.extend(opt(if i == 0 { 11 } else { 0 }, seg.as_bytes()));
    }
    d
}

fn request(o: &iotwire_enos_options_t, mid: u16, token: &[u8]) -> Result<Vec<u8>, &'static str> {
    let mut need = 0usize;
    // SAFETY: size query; token readable.
    let rc = unsafe {
        iotwire_enos_activate_build_request(
            o,
            mid,
            token.as_ptr(),
            token.len(),
            std::ptr::null_mut(),
            0,
            &mut need,
        )
    };
    if rc != IOTWIRE_OK {
        return Err(status_name(rc));
    }
    let mut buf = vec![0xA5u8; need];
    let mut len = 0usize;
    // SAFETY: buffer of `need` bytes.
    let rc = unsafe {
        iotwire_enos_activate_build_request(
            o,
            mid,
            token.as_ptr(),
            token.len(),
            buf.as_mut_ptr(),
            need,
            &mut len,
        )
    };
    assert_eq!(rc, IOTWIRE_OK);
    assert_eq!(len, need);
    Ok(buf)
}

#[test]
fn activation_request_bytes() {
    let mut o = options();
    o.product_key = s("pk123456");
    o.device_key = s("860123456789012");
    let token = [0xA1, 0xB2];
    assert_eq!(
        request(&o, 0x1234, &token).unwrap(),
        expected_request("pk123456", "860123456789012", 0x1234, &token)
    );
    assert_eq!(
        request(&o, 0, &[]).unwrap(),
        expected_request("pk123456", "860123456789012", 0, &[])
    );
    assert_eq!(request(&o, 1, &[0; 9]), Err("IOTWIRE_ERR_INVALID_ARGUMENT"));
    // The longest names with an 8-byte token fill the advertised capacity exactly.
    let (pk, dk) = ("p".repeat(20), "d".repeat(32));
    o.product_key = s(&pk);
    o.device_key = s(&dk);
    let longest = request(&o, 7, &[9; 8]).unwrap();
    assert_eq!(longest, expected_request(&pk, &dk, 7, &[9; 8]));
    assert_eq!(longest.len(), IOTWIRE_ENOS_ACTIVATE_REQUEST_MAX_SIZE);
    o.device_key = s("a/b");
    assert_eq!(request(&o, 1, &[]), Err("IOTWIRE_ERR_INVALID_DEVICE_KEY"));
}

/// A reply: ACK with `code`, token 0xA1B2, message id 0x1234, Content-Format `format` if
/// given, and `payload`.
fn reply(code: u8, format: Option<u8>, payload: &str) -> Vec<u8> {
    let mut d = vec![0x60 | 2, code, 0x12, 0x34, 0xA1, 0xB2];
    if let Some(f) = format {
        d.extend(opt(12, &[f]));
    }
    if !payload.is_empty() {
        d.push(0xFF);
        d.extend_from_slice(payload.as_bytes());
    }
    d
}

type ReplyFn = unsafe extern "C" fn(
    *const iotwire_enos_options_t,
    *const u8,
    usize,
    *mut c_char,
    usize,
    *mut usize,
) -> i32;

fn field(f: ReplyFn, o: &iotwire_enos_options_t, d: &[u8]) -> Result<String, &'static str> {
    let mut need = 0usize;
    // SAFETY: size query; datagram readable.
    let rc = unsafe { f(o, d.as_ptr(), d.len(), std::ptr::null_mut(), 0, &mut need) };
    if rc != IOTWIRE_OK {
        return Err(status_name(rc));
    }
    let mut buf = vec![0xA5u8; need];
    let mut len = 0usize;
    // SAFETY: buffer of `need` bytes.
    let rc = unsafe {
        f(
            o,
            d.as_ptr(),
            d.len(),
            buf.as_mut_ptr().cast(),
            need,
            &mut len,
        )
    };
    assert_eq!(rc, IOTWIRE_OK);
    assert_eq!(len + 1, need);
    Ok(String::from_utf8(buf[..len].to_vec()).unwrap())
}

const SEED_REPLY: &str = r#"{"id":"1001","version":"1.0","method":"thing.activate.info","params":{"assetId":"Yx8Gkd2p","productKey":"pk123456","deviceKey":"860123456789012","deviceSecret":"q3HcT0wBf9vZ2kLm"}}"#;

#[test]
fn activation_reply_fields() {
    let mut o = options();
    let d = reply(0x45, Some(50), SEED_REPLY);
    assert_eq!(
        field(iotwire_enos_activate_get_device_secret, &o, &d).unwrap(),
        "q3HcT0wBf9vZ2kLm"
    );
    assert_eq!(
        field(iotwire_enos_activate_get_asset_id, &o, &d).unwrap(),
        "Yx8Gkd2p"
    );
    assert_eq!(field(iotwire_enos_activate_get_id, &o, &d).unwrap(), "1001");
    // Without Content-Format, and with the device named.
    o.product_key = s("pk123456");
    o.device_key = s("860123456789012");
    let d = reply(0x45, None, SEED_REPLY);
    assert_eq!(
        field(iotwire_enos_activate_get_asset_id, &o, &d).unwrap(),
        "Yx8Gkd2p"
    );
    o.device_key = s("860123456789013");
    assert_eq!(
        field(iotwire_enos_activate_get_device_secret, &o, &d),
        Err("IOTWIRE_ERR_ENOS_DEVICE_MISMATCH")
    );
}

#[test]
fn activation_reply_refusals() {
    let o = options();
    let get = |d: &[u8]| field(iotwire_enos_activate_get_device_secret, &o, d);
    assert_eq!(
        get(&reply(0x84, None, "")),
        Err("IOTWIRE_ERR_COAP_NOT_FOUND")
    );
    assert_eq!(
        get(&reply(0x81, None, "")),
        Err("IOTWIRE_ERR_COAP_UNAUTHORIZED")
    );
    assert_eq!(
        get(&[0x60, 0x00, 0x12, 0x34]),
        Err("IOTWIRE_ERR_ENOS_ACTIVATION_REFUSED")
    );
    assert_eq!(
        get(&reply(0x44, None, SEED_REPLY)),
        Err("IOTWIRE_ERR_ENOS_ACTIVATION_REFUSED")
    );
    assert_eq!(
        get(&reply(0x45, Some(60), SEED_REPLY)),
        Err("IOTWIRE_ERR_INVALID_JSON")
    );
    assert_eq!(get(&[0x40, 0x45]), Err("IOTWIRE_ERR_COAP_MALFORMED"));
    assert_eq!(
        get(&reply(0x45, None, "{")),
        Err("IOTWIRE_ERR_INVALID_JSON")
    );
    let long = format!(
        r#"{{"params":{{"assetId":"a","deviceSecret":"{}"}}}}"#,
        "k".repeat(65)
    );
    assert_eq!(
        get(&reply(0x45, None, &long)),
        Err("IOTWIRE_ERR_ENOS_INVALID_REPLY_FIELD")
    );
    let exactly_64 = format!(
        r#"{{"params":{{"assetId":"a","deviceSecret":"{}"}}}}"#,
        "k".repeat(64)
    );
    assert_eq!(
        get(&reply(0x45, None, &exactly_64)).unwrap(),
        "k".repeat(64)
    );
    let no_asset = r#"{"params":{"deviceSecret":"s"}}"#;
    assert_eq!(
        get(&reply(0x45, None, no_asset)),
        Err("IOTWIRE_ERR_MISSING_FIELD")
    );
    let no_id = r#"{"params":{"assetId":"a","deviceSecret":"s"}}"#;
    assert_eq!(
        field(iotwire_enos_activate_get_id, &o, &reply(0x45, None, no_id)),
        Err("IOTWIRE_ERR_MISSING_FIELD")
    );
    assert_eq!(get(&reply(0x45, None, no_id)).unwrap(), "s");
}
