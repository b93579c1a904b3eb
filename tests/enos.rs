//! EnOS through the C ABI: the `enos_sign_mqtt` and `enos_coap_dtls_psk_doc` vectors of
//! tests/vectors/legacy-c-sdk.dev.json, the validation rules and the activation reply.
#![cfg(feature = "enos")]

use iotwire::ffi::enos::*;
use iotwire::ffi::status::*;
use iotwire::ffi::types::iotwire_str_t;
use serde_json::Value;
use std::ffi::{CStr, c_char};

/// All vectors of `kind` from tests/vectors/legacy-c-sdk.dev.json.
fn vectors(kind: &str) -> Vec<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/legacy-c-sdk.dev.json"
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
