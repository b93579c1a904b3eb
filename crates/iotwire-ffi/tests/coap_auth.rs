//! Alibaba CoAP auth and DTLS-PSK through the C ABI: the legacy vectors (coap_auth_sign,
//! coap_message_flow, linksdk4_core_auth), the documented examples, and values computed
//! independently with Python `hmac`/`hashlib` (quoted next to each).
// Tests call the C ABI exactly as C does; the calls' contracts are met by construction.
#![allow(clippy::undocumented_unsafe_blocks)]

mod common;

use common::{s, status_name, vectors};
use iotwire_ffi::coap::*;
use iotwire_ffi::coap_auth::*;
use iotwire_ffi::status::*;
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
    assert_eq!(
        unsafe { f(o, buf.as_mut_ptr(), need, &mut len) },
        IOTWIRE_OK
    );
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
        (
            1,
            "7860d795e220ec5bd09a38b92dc77b3e",
            "A632ED5273F917623FA133FF70275BB5",
        ),
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

use iotwire::coap::session::Session;
use iotwire_ffi::coap_session::*;

fn session(seed: u16) -> iotwire_coap_session_t {
    let mut s = std::mem::MaybeUninit::<iotwire_coap_session_t>::uninit();
    assert_eq!(
        unsafe { iotwire_coap_session_init(s.as_mut_ptr(), seed) },
        IOTWIRE_OK
    );
    unsafe { s.assume_init() }
}

/// The session's state through the core type (the C type is opaque storage of it).
fn core_session(s: &iotwire_coap_session_t) -> &Session {
    unsafe { &*(s as *const iotwire_coap_session_t).cast::<Session>() }
}

/// Builds the auth datagram from the session: size query (no counter consumed), exact fit.
fn build(session: &mut iotwire_coap_session_t, o: &iotwire_coap_auth_options_t) -> Vec<u8> {
    let mut need = 0usize;
    let before = core_session(session).reserve();
    assert_eq!(
        unsafe { iotwire_coap_auth_build(session, o, std::ptr::null_mut(), 0, &mut need) },
        IOTWIRE_OK
    );
    assert_eq!(
        core_session(session).reserve(),
        before,
        "size query consumed"
    );
    let mut buf = vec![0u8; need];
    let mut len = 0usize;
    assert_eq!(
        unsafe { iotwire_coap_auth_build(session, o, buf.as_mut_ptr(), need, &mut len) },
        IOTWIRE_OK
    );
    assert_eq!(len, need);
    assert_ne!(
        core_session(session).reserve(),
        before,
        "write did not consume"
    );
    buf
}

/// coap-lite (test oracle) re-decodes the datagram into the same fields and re-encodes it to
/// the same bytes.
fn oracle(datagram: &[u8], format: u32) {
    use coap_lite::{CoapOption, MessageType, Packet};
    let p = Packet::from_bytes(datagram).expect("coap-lite decodes it");
    assert_eq!(p.header.get_type(), MessageType::Confirmable);
    assert_eq!(p.header.get_code(), "0.02");
    assert_eq!(
        p.header.message_id,
        u16::from_be_bytes([datagram[2], datagram[3]])
    );
    let path: Vec<&Vec<u8>> = p.get_option(CoapOption::UriPath).unwrap().iter().collect();
    assert_eq!(path, [&b"auth".to_vec()]);
    let cf = [format as u8].to_vec();
    assert_eq!(p.get_first_option(CoapOption::ContentFormat), Some(&cf));
    assert_eq!(p.get_first_option(CoapOption::Accept), Some(&cf));
    let marker = datagram.iter().position(|&b| b == 0xff).unwrap();
    assert_eq!(p.payload, datagram[marker + 1..]);
    assert_eq!(p.to_bytes().unwrap(), datagram, "re-encoding differs");
}

/// A piggy-backed ACK 2.05 for `request`, Content-Format `cf` when given.
fn ack_205(request: &[u8], cf: Option<u8>, payload: &[u8]) -> Vec<u8> {
    let tkl = (request[0] & 0x0f) as usize;
    let mut d = vec![0x60 | tkl as u8, 0x45, request[2], request[3]];
    d.extend_from_slice(&request[4..4 + tkl]);
    if let Some(cf) = cf {
        d.extend_from_slice(&[0xc1, cf]);
    }
    d.push(0xff);
    d.extend_from_slice(payload);
    d
}

/// Every legacy flow: the auth datagram from a session seeded like the legacy HAL, then the
/// 2.05 reply accepted into the session (token, key, seq base as the legacy SDK kept them).
#[test]
fn legacy_flows_through_the_session() {
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
        let symmetric = jstr(i, "url").starts_with("coap-psk://");
        if symmetric {
            o.flags = IOTWIRE_COAP_AUTH_FLAG_SEQ;
            o.seq = e["seq_init"].as_u64().unwrap() as u32;
        }
        let mut sess = session(e["msgid_init"].as_u64().unwrap() as u16);
        let dgram = build(&mut sess, &o);
        assert_eq!(hex(&dgram), jstr(e, "auth_request_hex"), "{id}");
        oracle(&dgram, IOTWIRE_COAP_FORMAT_JSON);

        let resp = ack_205(&dgram, None, jstr(i, "auth_response_json").as_bytes());
        let mut reply: iotwire_coap_auth_reply_t = unsafe { std::mem::zeroed() };
        assert_eq!(
            unsafe {
                iotwire_coap_auth_accept_response(
                    &mut sess,
                    &o,
                    resp.as_ptr(),
                    resp.len(),
                    &mut reply,
                )
            },
            IOTWIRE_OK,
            "{id}"
        );
        let core = core_session(&sess);
        let token = jstr(
            &serde_json::from_str::<Value>(jstr(i, "auth_response_json")).unwrap(),
            "token",
        )
        .to_string();
        assert_eq!(core.auth_token(), Some(token.as_bytes()), "{id}");
        assert_eq!(reply.message_id, u16::from_be_bytes([dgram[2], dgram[3]]));
        if symmetric {
            assert_eq!(hex(core.key().unwrap()), jstr(e, "key_hex"), "{id}");
            assert_eq!(
                core.reserve().seq,
                Some(e["seq_after_auth"].as_u64().unwrap() as u32),
                "{id}"
            );
        } else {
            assert!(core.key().is_none(), "{id}");
            assert_eq!(core.reserve().seq, None, "{id}");
        }
        // The next datagram gets the next message id and token (the publish vector's).
        let publish = unhex(jstr(e, "publish_hex"));
        let next = core.reserve();
        assert_eq!(next.message_id.to_be_bytes(), publish[2..4], "{id}");
        assert_eq!(next.token.as_bytes(), &publish[4..8], "{id}");
    }
}

/// Documented profile: symmetric reply -> first seq is seqOffset + 1; CBOR both ways.
#[test]
fn documented_cbor_round_trip() {
    let mut o = auth_options();
    o.product_key = s("a1NUjcVkHZS");
    o.device_name = s("dev00");
    o.device_secret = s("mRPVdzSMu2nVBxzK77ERPIMxSYIvABCD");
    o.format = IOTWIRE_COAP_FORMAT_CBOR;
    o.flags = IOTWIRE_COAP_AUTH_FLAG_SEQ;
    o.seq = 10;
    let mut sess = session(7);
    let dgram = build(&mut sess, &o);
    oracle(&dgram, IOTWIRE_COAP_FORMAT_CBOR);
    // CBOR map {"random": "ad2b3a5eb51d64ab", "seqOffset": 1, "token": "T0"} by hand.
    let mut cbor = vec![0xa3, 0x66];
    cbor.extend_from_slice(b"random");
    cbor.push(0x70);
    cbor.extend_from_slice(b"ad2b3a5eb51d64ab");
    cbor.push(0x69);
    cbor.extend_from_slice(b"seqOffset");
    cbor.push(0x01);
    cbor.push(0x65);
    cbor.extend_from_slice(b"token");
    cbor.push(0x62);
    cbor.extend_from_slice(b"T0");
    for cf in [None, Some(60u8)] {
        let resp = ack_205(&dgram, cf, &cbor);
        let mut reply: iotwire_coap_auth_reply_t = unsafe { std::mem::zeroed() };
        assert_eq!(
            unsafe {
                iotwire_coap_auth_accept_response(
                    &mut sess,
                    &o,
                    resp.as_ptr(),
                    resp.len(),
                    &mut reply,
                )
            },
            IOTWIRE_OK
        );
        assert_eq!(reply.seq_offset, 1);
        assert_eq!(reply.random_len, 16);
        let core = core_session(&sess);
        assert_eq!(core.auth_token(), Some(&b"T0"[..]));
        // coap-key-01: same secret and random.
        assert_eq!(hex(core.key().unwrap()), "03d67b8294a6647314cc376ab61d090a");
        assert_eq!(core.reserve().seq, Some(2));
    }
    // A JSON Content-Format overrides what the request asked for.
    let resp = ack_205(
        &dgram,
        Some(50),
        br#"{"token":"J","random":"r","seqOffset":5}"#,
    );
    assert_eq!(
        unsafe {
            iotwire_coap_auth_accept_response(
                &mut sess,
                &o,
                resp.as_ptr(),
                resp.len(),
                std::ptr::null_mut(),
            )
        },
        IOTWIRE_OK
    );
    assert_eq!(core_session(&sess).reserve().seq, Some(6));
}

#[test]
fn response_codes_map_to_statuses() {
    let cases = [
        (0x80u8, "IOTWIRE_ERR_COAP_BAD_REQUEST"),
        (0x81, "IOTWIRE_ERR_COAP_UNAUTHORIZED"),
        (0x83, "IOTWIRE_ERR_COAP_FORBIDDEN"),
        (0x84, "IOTWIRE_ERR_COAP_NOT_FOUND"),
        (0x85, "IOTWIRE_ERR_COAP_METHOD_NOT_ALLOWED"),
        (0x86, "IOTWIRE_ERR_COAP_NOT_ACCEPTABLE"),
        (0x8f, "IOTWIRE_ERR_COAP_UNSUPPORTED_CONTENT_FORMAT"),
        (0xa0, "IOTWIRE_ERR_COAP_SERVER_ERROR"),
        (0x44, "IOTWIRE_ERR_COAP_UNEXPECTED_CODE"),
        (0xa3, "IOTWIRE_ERR_COAP_UNEXPECTED_CODE"),
    ];
    let mut reply: iotwire_coap_auth_reply_t = unsafe { std::mem::zeroed() };
    for (code, name) in cases {
        let d = [0x60, code, 0x12, 0x34];
        let rc = unsafe {
            iotwire_coap_auth_parse_response(
                d.as_ptr(),
                d.len(),
                IOTWIRE_COAP_FORMAT_JSON,
                &mut reply,
            )
        };
        assert_eq!(status_name(rc), name, "code {code:#x}");
    }
    let empty_ack = [0x60, 0x00, 0x12, 0x34];
    let rc = unsafe {
        iotwire_coap_auth_parse_response(
            empty_ack.as_ptr(),
            4,
            IOTWIRE_COAP_FORMAT_JSON,
            &mut reply,
        )
    };
    assert_eq!(status_name(rc), "IOTWIRE_ERR_COAP_EMPTY_ACK");
    let no_payload = [0x60, 0x45, 0x12, 0x34];
    let rc = unsafe {
        iotwire_coap_auth_parse_response(
            no_payload.as_ptr(),
            4,
            IOTWIRE_COAP_FORMAT_JSON,
            &mut reply,
        )
    };
    assert_eq!(status_name(rc), "IOTWIRE_ERR_INVALID_JSON");
    // A symmetric request whose reply lacks random: the session keeps its old state.
    let mut o = auth_options();
    o.product_key = s("a1NUjcVkHZS");
    o.device_name = s("dev00");
    o.device_secret = s("x");
    o.flags = IOTWIRE_COAP_AUTH_FLAG_SEQ;
    let mut sess = session(1);
    let d = ack_205(&[0x40, 2, 0, 1], None, br#"{"token":"t","seqOffset":1}"#);
    let rc = unsafe {
        iotwire_coap_auth_accept_response(&mut sess, &o, d.as_ptr(), d.len(), std::ptr::null_mut())
    };
    assert_eq!(status_name(rc), "IOTWIRE_ERR_MISSING_FIELD");
    assert_eq!(core_session(&sess).auth_token(), None);
}

#[test]
fn explicit_token_build_and_bad_tokens() {
    let mut o = auth_options();
    o.product_key = s("a1NUjcVkHZS");
    o.device_name = s("dev00");
    o.device_secret = s("secret");
    let tok = [0xde, 0xad];
    let mut buf = [0u8; IOTWIRE_COAP_AUTH_DATAGRAM_MAX_SIZE];
    let mut len = 0usize;
    assert_eq!(
        unsafe {
            iotwire_coap_auth_build_request(
                &o,
                0xbeef,
                tok.as_ptr(),
                2,
                buf.as_mut_ptr(),
                buf.len(),
                &mut len,
            )
        },
        IOTWIRE_OK
    );
    assert_eq!(&buf[..6], &[0x42, 0x02, 0xbe, 0xef, 0xde, 0xad]);
    oracle(&buf[..len], IOTWIRE_COAP_FORMAT_JSON);
    let nine = [0u8; 9];
    assert_eq!(
        unsafe {
            iotwire_coap_auth_build_request(
                &o,
                1,
                nine.as_ptr(),
                9,
                buf.as_mut_ptr(),
                buf.len(),
                &mut len,
            )
        },
        IOTWIRE_ERR_INVALID_ARGUMENT
    );
}

/// An input string or the datagram inside the session the export changes: refused before the
/// session is touched (it is borrowed exclusively while the inputs are read).
#[test]
fn inputs_inside_the_session_are_refused() {
    let mut sess = session(7);
    let secret = "mRPVdzSMu2nVBxzK77ERPIMxSYIvABCD".as_bytes();
    // Bytes 128.. of the storage hold the auth token area; put the secret there.
    let storage = &mut sess as *mut iotwire_coap_session_t as *mut u8;
    unsafe { std::ptr::copy_nonoverlapping(secret.as_ptr(), storage.add(128), secret.len()) };
    let inside = iotwire_ffi::types::iotwire_str_t {
        ptr: unsafe { storage.add(128) }.cast(),
        len: secret.len(),
    };
    let mut o = auth_options();
    o.product_key = s("a1NUjcVkHZS");
    o.device_name = s("dev00");
    o.device_secret = inside;
    let before: Vec<u8> =
        unsafe { std::slice::from_raw_parts(storage, std::mem::size_of_val(&sess)) }.to_vec();
    let mut out = [0u8; IOTWIRE_COAP_AUTH_DATAGRAM_MAX_SIZE];
    let mut len = 0usize;
    let rc =
        unsafe { iotwire_coap_auth_build(&mut sess, &o, out.as_mut_ptr(), out.len(), &mut len) };
    assert_eq!(rc, IOTWIRE_ERR_OVERLAP);
    let reply_json = br#"{"token":"T"}"#;
    let resp = ack_205(&[0x44, 0x02, 0, 1, 1, 2, 3, 4], None, reply_json);
    let rc = unsafe {
        iotwire_coap_auth_accept_response(
            &mut sess,
            &o,
            resp.as_ptr(),
            resp.len(),
            std::ptr::null_mut(),
        )
    };
    assert_eq!(rc, IOTWIRE_ERR_OVERLAP);
    // The datagram inside the session, with options that are fine.
    o.device_secret = s("mRPVdzSMu2nVBxzK77ERPIMxSYIvABCD");
    unsafe { std::ptr::copy_nonoverlapping(resp.as_ptr(), storage.add(128), resp.len()) };
    let rc = unsafe {
        iotwire_coap_auth_accept_response(
            &mut sess,
            &o,
            storage.add(128),
            resp.len(),
            std::ptr::null_mut(),
        )
    };
    assert_eq!(rc, IOTWIRE_ERR_OVERLAP);
    let after = unsafe { std::slice::from_raw_parts(storage, std::mem::size_of_val(&sess)) };
    assert_eq!(&after[..128], &before[..128], "session state changed");
    // A topic inside the session.
    unsafe { iotwire_coap_session_set_auth_token(&mut sess, s("T")) };
    let mut p: iotwire_ffi::coap::iotwire_coap_publish_options_t = unsafe { std::mem::zeroed() };
    assert_eq!(
        unsafe { iotwire_ffi::coap::iotwire_coap_publish_options_init(&mut p) },
        IOTWIRE_OK
    );
    unsafe { std::ptr::copy_nonoverlapping(b"/a/b".as_ptr(), storage.add(200), 4) };
    p.topic = iotwire_ffi::types::iotwire_str_t {
        ptr: unsafe { storage.add(200) }.cast(),
        len: 4,
    };
    let rc = unsafe {
        iotwire_ffi::coap::iotwire_coap_publish_build(
            &mut sess,
            &p,
            out.as_mut_ptr(),
            out.len(),
            &mut len,
        )
    };
    assert_eq!(rc, IOTWIRE_ERR_OVERLAP);
}
