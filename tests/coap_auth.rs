//! Alibaba CoAP auth and DTLS-PSK through the C ABI: the legacy vectors (coap_auth_sign,
//! coap_message_flow, linksdk4_core_auth), the documented examples, and values computed
//! independently with Python `hmac`/`hashlib` (quoted next to each).
// Tests call the C ABI exactly as C does; the calls' contracts are met by construction.
#![allow(clippy::undocumented_unsafe_blocks)]

mod common;

use common::{s, status_name, vectors};
use iotwire::ffi::coap_auth::*;
use iotwire::ffi::status::*;
use serde_json::Value;

fn auth_options() -> iotwire_coap_auth_options_t {
    let mut o = std::mem::MaybeUninit::<iotwire_coap_auth_options_t>::uninit();
    assert_eq!(
        unsafe { iotwire_coap_auth_options_init(o.as_mut_ptr()) },
        IOTWIRE_OK
    );
    unsafe { o.assume_init() }
}

fn psk_options() -> iotwire_coap_dtls_psk_options_t {
    let mut o = std::mem::MaybeUninit::<iotwire_coap_dtls_psk_options_t>::uninit();
    assert_eq!(
        unsafe { iotwire_coap_dtls_psk_options_init(o.as_mut_ptr()) },
        IOTWIRE_OK
    );
    unsafe { o.assume_init() }
}

type TextFn<T> = unsafe extern "C" fn(*const T, *mut std::ffi::c_char, usize, *mut usize) -> i32;
type BytesFn<T> = unsafe extern "C" fn(*const T, *mut u8, usize, *mut usize) -> i32;

/// Size query, then an exact fit; the NUL is checked.
fn text<T>(f: TextFn<T>, o: &T) -> Result<String, &'static str> {
    let mut need = 0usize;
    let rc = unsafe { f(o, std::ptr::null_mut(), 0, &mut need) };
    if rc != IOTWIRE_OK {
        return Err(status_name(rc));
    }
    let mut buf = vec![0xA5u8; need];
    let mut len = 0usize;
    assert_eq!(
        unsafe { f(o, buf.as_mut_ptr().cast(), need, &mut len) },
        IOTWIRE_OK
    );
    assert_eq!((len + 1, buf[len]), (need, 0));
    Ok(String::from_utf8(buf[..len].to_vec()).unwrap())
}

/// Size query (exact length), then an exact fit, then one byte short.
fn bytes<T>(f: BytesFn<T>, o: &T) -> Result<Vec<u8>, &'static str> {
    let mut need = 0usize;
    let rc = unsafe { f(o, std::ptr::null_mut(), 0, &mut need) };
    if rc != IOTWIRE_OK {
        return Err(status_name(rc));
    }
    let mut buf = vec![0xA5u8; need + 1];
    let mut len = 0usize;
    assert_eq!(unsafe { f(o, buf.as_mut_ptr(), need, &mut len) }, IOTWIRE_OK);
    assert_eq!(len, need);
    assert_eq!(buf[need], 0xA5, "wrote past the reported length");
    let mut short = vec![0u8; need.saturating_sub(1)];
    let mut untouched = 77usize;
    assert_eq!(
        unsafe { f(o, short.as_mut_ptr(), short.len(), &mut untouched) },
        IOTWIRE_ERR_BUFFER_TOO_SMALL
    );
    assert_eq!(untouched, 77);
    buf.truncate(len);
    Ok(buf)
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn unhex(t: &str) -> Vec<u8> {
    (0..t.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&t[i..i + 2], 16).unwrap())
        .collect()
}

fn jstr<'a>(v: &'a Value, k: &str) -> &'a str {
    v[k].as_str().unwrap_or_else(|| panic!("{k}"))
}

#[test]
fn legacy_sign_vectors() {
    for v in vectors("coap_auth_sign") {
        let i = &v["inputs"];
        let mut o = auth_options();
        o.profile = IOTWIRE_COAP_PROFILE_V3_2_0;
        o.product_key = s(jstr(i, "product_key"));
        o.device_name = s(jstr(i, "device_name"));
        o.device_secret = s(jstr(i, "device_secret"));
        o.client_id = s(jstr(i, "client_id"));
        if let Some(seq) = i["seq"].as_u64() {
            o.flags = IOTWIRE_COAP_AUTH_FLAG_SEQ;
            o.seq = seq as u32;
        }
        let e = &v["expected"];
        let id = jstr(&v, "id");
        assert_eq!(
            text(iotwire_coap_auth_get_sign_content, &o).unwrap(),
            jstr(e, "sign_content"),
            "{id}"
        );
        assert_eq!(
            text(iotwire_coap_auth_get_sign, &o).unwrap(),
            jstr(e, "sign"),
            "{id}"
        );
    }
}

/// The auth payload of every legacy flow: the bytes after the payload marker of
/// `auth_request_hex`.
#[test]
fn legacy_flow_payloads() {
    for v in vectors("coap_message_flow") {
        let i = &v["inputs"];
        let e = &v["expected"];
        let id = jstr(&v, "id");
        let mut o = auth_options();
        o.profile = if id.contains("v230") {
            IOTWIRE_COAP_PROFILE_V2_3_0
        } else {
            IOTWIRE_COAP_PROFILE_V3_2_0
        };
        o.product_key = s(jstr(i, "product_key"));
        o.device_name = s(jstr(i, "device_name"));
        o.device_secret = s(jstr(i, "device_secret"));
        o.client_id = s(jstr(i, "device_id"));
        if jstr(i, "url").starts_with("coap-psk://") {
            o.flags = IOTWIRE_COAP_AUTH_FLAG_SEQ;
            o.seq = e["seq_init"].as_u64().unwrap() as u32;
        }
        let request = unhex(jstr(e, "auth_request_hex"));
        let marker = request.iter().position(|&b| b == 0xff).unwrap();
        let payload = bytes(iotwire_coap_auth_get_payload, &o).unwrap();
        assert_eq!(hex(&payload), hex(&request[marker + 1..]), "{id}");
    }
}

#[test]
fn documented_sign_content_order() {
    // The documented example (symmetric mode): content
    // clientId<cid>deviceName<dn>productKey<pk>seq10timestamp1524448722000.
    let mut o = auth_options();
    o.product_key = s("a1NUjcVkHZS");
    o.device_name = s("ff1a11e7c08d4b3db2b1500d8e0e55");
    o.client_id = s("a1NUjcVkHZS&ff1a11e7c08d4b3db2b1500d8e0e55");
    o.device_secret = s("secret");
    o.timestamp = s("1524448722000");
    o.flags = IOTWIRE_COAP_AUTH_FLAG_SEQ;
    o.seq = 10;
    assert_eq!(
        text(iotwire_coap_auth_get_sign_content, &o).unwrap(),
        "clientIda1NUjcVkHZS&ff1a11e7c08d4b3db2b1500d8e0e55deviceNameff1a11e7c08d4b3db2b1500d8e0e55productKeya1NUjcVkHZSseq10timestamp1524448722000"
    );
}

#[test]
fn documented_extras_hmacsha1() {
    // python3: hmac.new(b'secret', b'ackMode1clientIdcdeviceNameff1a11e7c08d4b3db2b1500d8e0e55'
    //   b'productKeya1NUjcVkHZSseq10timestamp1524448722000', hashlib.sha1).hexdigest()
    let mut o = auth_options();
    o.product_key = s("a1NUjcVkHZS");
    o.device_name = s("ff1a11e7c08d4b3db2b1500d8e0e55");
    o.client_id = s("c");
    o.device_secret = s("secret");
    o.timestamp = s("1524448722000");
    o.sign_method = 2;
    o.flags = IOTWIRE_COAP_AUTH_FLAG_SEQ | IOTWIRE_COAP_AUTH_FLAG_ACK_MODE;
    o.seq = 10;
    o.ack_mode = 1;
    let sign = "8c8733648a7cb4497afabdf1bc4f2f4bfed24424";
    assert_eq!(text(iotwire_coap_auth_get_sign, &o).unwrap(), sign);
    let payload = bytes(iotwire_coap_auth_get_payload, &o).unwrap();
    let json: Value = serde_json::from_slice(&payload).unwrap();
    assert_eq!(json["sign"], sign);
    assert_eq!(json["signmethod"], "hmacsha1");
    assert_eq!(json["seq"], "10");
    assert_eq!(json["ackMode"], 1);
    assert_eq!(json["timestamp"], "1524448722000");
    assert_eq!(json.as_object().unwrap().len(), 8);
}

#[test]
fn refusals() {
    let mut o = auth_options();
    o.product_key = s("a1NUjcVkHZS");
    o.device_name = s("dev00");
    assert_eq!(
        text(iotwire_coap_auth_get_sign, &o),
        Err("IOTWIRE_ERR_MISSING_FIELD")
    );
    o.device_secret = s("secret");
    o.client_id = s("quote\"d");
    assert_eq!(
        text(iotwire_coap_auth_get_sign, &o),
        Err("IOTWIRE_ERR_INVALID_CLIENT_ID")
    );
    o.client_id = s("");
    o.format = 51;
    assert_eq!(
        text(iotwire_coap_auth_get_sign, &o),
        Err("IOTWIRE_ERR_INVALID_SELECTOR")
    );
    o.format = IOTWIRE_COAP_FORMAT_CBOR;
    o.profile = IOTWIRE_COAP_PROFILE_V3_2_0;
    assert_eq!(
        text(iotwire_coap_auth_get_sign, &o),
        Err("IOTWIRE_ERR_INVALID_ARGUMENT")
    );
    o.format = IOTWIRE_COAP_FORMAT_JSON;
    o.timestamp = s("12a");
    o.profile = IOTWIRE_COAP_PROFILE_DOC;
    assert_eq!(
        text(iotwire_coap_auth_get_sign, &o),
        Err("IOTWIRE_ERR_INVALID_TIMESTAMP")
    );
}

#[test]
fn dtls_psk_sdk_form_matches_linksdk_vectors() {
    for v in vectors("linksdk4_core_auth") {
        let i = &v["inputs"];
        let mut o = psk_options();
        o.form = IOTWIRE_COAP_DTLS_PSK_FORM_SDK;
        o.product_key = s(jstr(i, "product_key"));
        o.device_name = s(jstr(i, "device_name"));
        o.device_secret = s(jstr(i, "device_secret"));
        let e = &v["expected"];
        assert_eq!(
            text(iotwire_coap_dtls_psk_get_identity, &o).unwrap(),
            jstr(e, "tls_psk_identity")
        );
        let key = bytes(iotwire_coap_dtls_psk_get_key, &o).unwrap();
        assert_eq!(String::from_utf8(key).unwrap(), jstr(e, "tls_psk"));
    }
}

#[test]
fn dtls_psk_both_forms_all_methods() {
    // python3: hmac.new(ds, b'a1X2bEnP82z&example12524608000000', m).hexdigest() (documented)
    //          hmac.new(ds, b'ida1X2bEnP82z&example1timestamp2524608000000', m).hexdigest().upper()
    let cases = [
        (1, "7860d795e220ec5bd09a38b92dc77b3e", "A632ED5273F917623FA133FF70275BB5"),
        (
            2,
            "a3bf6afbc79dba96f70e77f99dd113bd6be2f173",
            "1EA11BDD771408DAE5F250BD390628A07A5629BE",
        ),
        (
            3,
            "a3f39f613397c37350aba0ba88ec5f992da25f0a9e167ddfc3709bbfeb449ce5",
            "DBAA707383CDE5EF8EB9FF494E66D0A3076DC524CFB4FCF985824B76CEE4FC5C",
        ),
    ];
    for (method, doc, sdk) in cases {
        let mut o = psk_options();
        o.sign_method = method;
        o.product_key = s("a1X2bEnP82z");
        o.device_name = s("example1");
        o.device_secret = s("ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD");
        let name = ["", "hmacmd5", "hmacsha1", "hmacsha256"][method as usize];
        assert_eq!(
            text(iotwire_coap_dtls_psk_get_identity, &o).unwrap(),
            format!("devicename|{name}|a1X2bEnP82z&example1|2524608000000")
        );
        assert_eq!(hex(&bytes(iotwire_coap_dtls_psk_get_key, &o).unwrap()), doc);
        o.form = IOTWIRE_COAP_DTLS_PSK_FORM_SDK;
        let key = bytes(iotwire_coap_dtls_psk_get_key, &o).unwrap();
        assert_eq!(String::from_utf8(key).unwrap(), sdk);
    }
    let mut o = psk_options();
    o.product_key = s("a1X2bEnP82z");
    o.device_name = s("example1");
    assert_eq!(
        bytes(iotwire_coap_dtls_psk_get_key, &o),
        Err("IOTWIRE_ERR_MISSING_FIELD")
    );
    o.form = 2;
    assert_eq!(
        text(iotwire_coap_dtls_psk_get_identity, &o),
        Err("IOTWIRE_ERR_INVALID_SELECTOR")
    );
}
