//! Tests of `coap_explain.rs` and `coap_names.rs`, written from the mutants they missed (kept
//! apart, so those files stay about the decoding). Datagrams are written by hand from RFC 7252
//! (3: header, 3.1: options, 5.10: option numbers, 12.3: content formats).

use super::*;
use crate::diagnose::test_report::report_of;
use crate::sink::SliceWriter;
use serde_json::Value;
use std::vec::Vec;

/// The report `explain` writes for `d` (inside an object, as `explain::explain` does), parsed,
/// and the failure it returns.
fn explained(d: &[u8], key: Option<&[u8; KEY_LEN]>) -> (Value, Option<Malformed>) {
    report_of(|w| explain(d, key, w))
}

/// The report of a datagram that decodes (checked with `check` too).
fn report(d: &[u8], key: Option<&[u8; KEY_LEN]>) -> Value {
    let (v, failure) = explained(d, key);
    assert_eq!(failure, None, "{d:02x?}: {v}");
    assert!(v.get("error").is_none(), "{d:02x?}: {v}");
    assert_eq!(check(d), None, "{d:02x?}");
    v
}

/// The one option of a datagram `40 02 00 01` + `option`.
fn only_option(option: &[u8], key: Option<&[u8; KEY_LEN]>) -> Value {
    let mut d = std::vec![0x40, 0x02, 0x00, 0x01];
    d.extend_from_slice(option);
    let v = report(&d, key);
    let options = v["options"].as_array().unwrap();
    assert_eq!(options.len(), 1, "{v}");
    options[0].clone()
}

/// The refusal of `d`: the same in the report's `error`, from `check` and from `locate`.
#[track_caller]
fn assert_refused(d: &[u8], at: usize, why: &str, need: Option<usize>) {
    assert!(Message::parse(d).is_err(), "{d:02x?} decodes");
    let (v, failure) = explained(d, None);
    let m = failure.unwrap_or_else(|| panic!("{d:02x?}: no failure in {v}"));
    assert_eq!(v["error"]["at"], m.at);
    assert_eq!(v["error"]["why"], m.why);
    assert_eq!(
        v["error"].get("need").and_then(Value::as_u64),
        m.need.map(|n| n as u64)
    );
    assert_eq!(check(d), Some(m));
    assert_eq!(locate(d), m);
    assert_eq!((m.at, m.need), (at, need), "{d:02x?}: {m:?}");
    assert!(m.why.contains(why), "{d:02x?}: {m:?}, want {why:?}");
}

/// AES-128-CBC of `plain` under `key` with the platform's IV and PKCS#7 (the codec's
/// encryptor; `coap_vectors.rs` checks it against the legacy SDK's ciphertexts).
fn encrypted(key: &[u8; KEY_LEN], plain: &[u8]) -> Vec<u8> {
    let mut buf = std::vec![0u8; plain.len() + 32];
    let mut s = SliceWriter::new(&mut buf);
    let mut t = SinkText::new(&mut s);
    cbc::encrypt_to(&mut t, key, plain, false).unwrap();
    t.result().unwrap();
    s.written().to_vec()
}

/// Option header bytes for `delta` and `len` (RFC 7252 3.1), values under 65805.
fn option_header(delta: u16, len: usize) -> Vec<u8> {
    let nibble = |n: usize| match n {
        0..=12 => (n as u8, Vec::new()),
        13..=268 => (13, std::vec![(n - 13) as u8]),
        _ => (14, ((n - 269) as u16).to_be_bytes().to_vec()),
    };
    let (d, dx) = nibble(usize::from(delta));
    let (l, lx) = nibble(len);
    let mut out = std::vec![d << 4 | l];
    out.extend(dx);
    out.extend(lx);
    out
}

#[test]
fn check_and_has_content_follow_the_decoder() {
    let header_only = [0x40, 0x01, 0x12, 0x34];
    assert_eq!(check(&header_only), None);
    assert!(!has_content(&header_only), "a bare header carries nothing");
    let option_only = [0x40, 0x01, 0x12, 0x34, 0xb1, b'a'];
    assert!(has_content(&option_only));
    let payload_only = [0x40, 0x02, 0x12, 0x34, 0xff, b'x'];
    assert!(has_content(&payload_only));
    let refused = [0x40, 0x01, 0x12, 0x34, 0xff];
    assert!(!has_content(&refused));
    assert_eq!(check(&refused), Some(locate(&refused)));
    assert!(check(&refused).unwrap().why.contains("no payload"));
}

#[test]
fn header_fields_are_named() {
    // CON POST, mid 0x1234, token 0xa1b2, Uri-Path "topic" "x", payload "hi".
    let d = [
        0x42, 0x02, 0x12, 0x34, 0xa1, 0xb2, 0xb5, b't', b'o', b'p', b'i', b'c', 0x01, b'x', 0xff,
        b'h', b'i',
    ];
    let v = report(&d, None);
    assert_eq!(v["version"], 1);
    assert_eq!(v["type"], "CON");
    assert_eq!(v["type_code"], 0);
    assert_eq!(v["code"], "0.02");
    assert_eq!(v["code_name"], "POST");
    assert_eq!(v["message_id"], 0x1234);
    assert_eq!(v["token"], "a1b2");
    assert_eq!(v["uri_path"], "/topic/x");
    assert_eq!(v["payload_length"], 2);
    assert_eq!(v["payload"], "hi");
    assert!(v.get("payload_decrypted").is_none());
    let names: Vec<&str> = v["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Uri-Path", "Uri-Path"]);

    let bare = report(&[0x60, 0x45, 0x00, 0x07], None);
    assert_eq!(bare["type"], "ACK");
    assert_eq!(bare["code"], "2.05");
    assert_eq!(bare["payload_length"], 0);
    assert!(bare.get("payload").is_none(), "{bare}");
    assert!(bare.get("uri_path").is_none(), "{bare}");
    assert_eq!(bare["options"], serde_json::json!([]));
    assert_eq!(bare["token"], "");
}

#[test]
fn codes_are_written_class_dot_two_digits() {
    for (code, text, name) in [
        (0x01, "0.01", "GET"),
        (0x41, "2.01", "Created"),
        (0x45, "2.05", "Content"),
        (0x5f, "2.31", "Continue"),
        (0x81, "4.01", "Unauthorized"),
        (0x8d, "4.13", "Request Entity Too Large"),
        (0xa0, "5.00", "Internal Server Error"),
        (0xa5, "5.05", "Proxying Not Supported"),
        (0xe7, "7.07", "unassigned"),
    ] {
        let v = report(&[0x50, code, 0, 1], None);
        assert_eq!(
            (v["code"].as_str(), v["code_name"].as_str()),
            (Some(text), Some(name))
        );
    }
}

#[test]
fn message_types_follow_the_two_type_bits() {
    for (first, name, bits) in [
        (0x40, "CON", 0),
        (0x50, "NON", 1),
        (0x60, "ACK", 2),
        (0x70, "RST", 3),
    ] {
        let v = report(&[first, 0x45, 0, 1], None);
        assert_eq!(
            (v["type"].as_str(), v["type_code"].as_u64()),
            (Some(name), Some(bits))
        );
    }
}

#[test]
fn option_values_are_shown_by_format() {
    // If-None-Match (5, empty): no value at all.
    let o = only_option(&[0x50], None);
    assert_eq!(
        (o["number"].as_u64(), o["name"].as_str()),
        (Some(5), Some("If-None-Match"))
    );
    assert!(
        o.get("value").is_none() && o.get("value_hex").is_none(),
        "{o}"
    );
    // If-None-Match with a value it should not have: shown as hex.
    let o = only_option(&[0x51, 0xab], None);
    assert_eq!(o["value_hex"], "ab");
    // Content-Format 50: the number and its media type.
    let o = only_option(&[0xc1, 50], None);
    assert_eq!(
        (o["value"].as_u64(), o["media_type"].as_str()),
        (Some(50), Some("application/json"))
    );
    // Content-Format 0 is sent as a zero-length uint.
    let o = only_option(&[0xc0], None);
    assert_eq!(
        (o["value"].as_u64(), o["media_type"].as_str()),
        (Some(0), Some("text/plain;charset=utf-8"))
    );
    // Accept (17) 60.
    let o = only_option(&[0xd1, 4, 60], None);
    assert_eq!(
        (o["name"].as_str(), o["media_type"].as_str()),
        (Some("Accept"), Some("application/cbor"))
    );
    // An unregistered content format: the number only.
    let o = only_option(&[0xc1, 99], None);
    assert_eq!(o["value"], 99);
    assert!(o.get("media_type").is_none(), "{o}");
    // Observe (6) 50 is a number, not a media type.
    let o = only_option(&[0x61, 50], None);
    assert_eq!(o["value"], 50);
    assert!(o.get("media_type").is_none(), "{o}");
    // Max-Age (14) as four bytes, big-endian.
    let o = only_option(&[0xd4, 1, 0x01, 0x02, 0x03, 0x04], None);
    assert_eq!(o["value"], 0x0102_0304);
    // A uint longer than four bytes does not fit u32: hex.
    let o = only_option(&[0xd5, 1, 1, 2, 3, 4, 5], None);
    assert_eq!(o["value_hex"], "0102030405");
    assert!(o.get("value").is_none(), "{o}");
    // Text (Uri-Host, 3) and opaque (ETag, 4).
    let o = only_option(&[0x32, b'h', b'i'], None);
    assert_eq!(o["value"], "hi");
    let o = only_option(&[0x42, 0x00, 0xff], None);
    assert_eq!(o["value_hex"], "00ff");
}

#[test]
fn the_seq_option_and_payload_are_decrypted_with_the_key() {
    let key: [u8; KEY_LEN] = *b"0123456789abcdef";
    let seq = encrypted(&key, b"42");
    let body = encrypted(&key, b"{\"id\":\"1\"}");
    let mut d = std::vec![0x40, 0x02, 0x00, 0x01];
    d.extend(option_header(SEQ, seq.len()));
    d.extend_from_slice(&seq);
    d.push(0xff);
    d.extend_from_slice(&body);

    let v = report(&d, Some(&key));
    let o = &v["options"][0];
    assert_eq!(o["number"], 2089);
    assert_eq!(o["value_hex"].as_str().unwrap().len(), 2 * seq.len());
    assert_eq!(o["decrypted"], "42");
    assert_eq!(v["payload_decrypted"], "{\"id\":\"1\"}");
    assert!(v.get("decrypt_error").is_none());

    // Without the key: nothing decrypted.
    let v = report(&d, None);
    assert!(v["options"][0].get("decrypted").is_none(), "{v}");
    assert!(v.get("payload_decrypted").is_none(), "{v}");

    // Another key: the padding check says so instead of printing garbage.
    let other: [u8; KEY_LEN] = *b"fedcba9876543210";
    let v = report(&d, Some(&other));
    assert!(v["options"][0].get("decrypted").is_none(), "{v}");
    assert!(
        v["options"][0]["decrypt_error"]
            .as_str()
            .unwrap()
            .contains("another key")
    );
    assert!(v.get("payload_decrypted").is_none(), "{v}");
    assert!(v["decrypt_error"].as_str().unwrap().contains("PKCS#7"));

    // The key does not touch other options.
    let o = only_option(&[0xb2, b'a', b'b'], Some(&key));
    assert!(
        o.get("decrypted").is_none() && o.get("decrypt_error").is_none(),
        "{o}"
    );
}

#[test]
fn every_named_option_number() {
    // RFC 7252 table 4 and 12.2, RFC 7641, RFC 7959, the platforms' own options.
    let expected: &[(u16, &str, Format)] = &[
        (1, "If-Match", Format::Opaque),
        (3, "Uri-Host", Format::Text),
        (4, "ETag", Format::Opaque),
        (5, "If-None-Match", Format::Empty),
        (6, "Observe", Format::Uint),
        (7, "Uri-Port", Format::Uint),
        (8, "Location-Path", Format::Text),
        (11, "Uri-Path", Format::Text),
        (12, "Content-Format", Format::Uint),
        (14, "Max-Age", Format::Uint),
        (15, "Uri-Query", Format::Text),
        (17, "Accept", Format::Uint),
        (20, "Location-Query", Format::Text),
        (23, "Block2", Format::Uint),
        (27, "Block1", Format::Uint),
        (28, "Size2", Format::Uint),
        (35, "Proxy-Uri", Format::Text),
        (39, "Proxy-Scheme", Format::Text),
        (60, "Size1", Format::Uint),
        (61, "auth token (iotkit-embedded 3.x)", Format::Text),
        (2088, "auth token", Format::Text),
        (2089, "seq (AES-128-CBC, symmetric mode)", Format::Opaque),
        (2090, "cloud message id", Format::Text),
        (2100, "EnOS pending commands", Format::Opaque),
    ];
    for n in 0..=3000u16 {
        let want = expected
            .iter()
            .find(|e| e.0 == n)
            .map_or(("unknown", Format::Opaque), |e| (e.1, e.2));
        assert_eq!(coap_names::option(n), want, "option {n}");
    }
}

#[test]
fn every_named_content_format() {
    // RFC 7252 12.3, RFC 8949 (cbor 60).
    let expected = [
        (0, "text/plain;charset=utf-8"),
        (40, "application/link-format"),
        (41, "application/xml"),
        (42, "application/octet-stream"),
        (47, "application/exi"),
        (50, "application/json"),
        (60, "application/cbor"),
    ];
    for n in 0..=100u32 {
        let want = expected.iter().find(|e| e.0 == n).map(|e| e.1);
        assert_eq!(coap_names::content_format(n), want, "format {n}");
    }
}

#[test]
fn every_named_code() {
    // RFC 7252 12.1.1 (methods) and 12.1.2 (responses), RFC 7959 (2.31, 4.08, 4.13).
    let expected = [
        ((0, 0), "Empty"),
        ((0, 1), "GET"),
        ((0, 2), "POST"),
        ((0, 3), "PUT"),
        ((0, 4), "DELETE"),
        ((2, 1), "Created"),
        ((2, 2), "Deleted"),
        ((2, 3), "Valid"),
        ((2, 4), "Changed"),
        ((2, 5), "Content"),
        ((2, 31), "Continue"),
        ((4, 0), "Bad Request"),
        ((4, 1), "Unauthorized"),
        ((4, 2), "Bad Option"),
        ((4, 3), "Forbidden"),
        ((4, 4), "Not Found"),
        ((4, 5), "Method Not Allowed"),
        ((4, 6), "Not Acceptable"),
        ((4, 8), "Request Entity Incomplete"),
        ((4, 12), "Precondition Failed"),
        ((4, 13), "Request Entity Too Large"),
        ((4, 15), "Unsupported Content-Format"),
        ((5, 0), "Internal Server Error"),
        ((5, 1), "Not Implemented"),
        ((5, 2), "Bad Gateway"),
        ((5, 3), "Service Unavailable"),
        ((5, 4), "Gateway Timeout"),
        ((5, 5), "Proxying Not Supported"),
    ];
    for byte in 0..=255u8 {
        let c = Code(byte);
        let want = expected
            .iter()
            .find(|e| e.0 == (byte >> 5, byte & 0x1f))
            .map_or("unassigned", |e| e.1);
        assert_eq!(coap_names::code(c), want, "code {byte:#04x}");
    }
}

#[test]
fn locate_names_the_header_rule() {
    assert_refused(&[], 0, "empty datagram", Some(4));
    assert_refused(&[0x80, 0x01, 0, 0], 0, "version is not 1", None);
    assert_refused(&[0xc0, 0x01, 0, 0], 0, "version is not 1", None);
    assert_refused(&[0x49, 0x01, 0, 0], 0, "token length 9..15", None);
    assert_refused(&[0x4f, 0x01, 0, 0], 0, "token length 9..15", None);
    // An 8-byte token is allowed: the datagram is refused for being cut, not for the length.
    assert_refused(
        &[0x48, 0x01, 0, 0, 1, 2, 3],
        7,
        "token is cut off",
        Some(12),
    );
    assert_refused(
        &[0x40, 0x01, 0x00],
        3,
        "shorter than the 4-byte header",
        Some(4),
    );
    // Exactly the 4-byte header, with a token length: the token is missing, not the header.
    assert_refused(&[0x41, 0x01, 0, 0], 4, "token is cut off", Some(5));
    assert_refused(&[0x42, 0x01, 0, 0, 1], 5, "token is cut off", Some(6));
    assert_refused(&[0x41, 0x00, 0, 0, 1], 0, "with a token", None);
    assert_refused(
        &[0x40, 0x00, 0, 0, 0xff, 1],
        4,
        "with bytes after the header",
        None,
    );
}

#[test]
fn locate_names_the_option_rule() {
    let h = |rest: &[u8]| {
        let mut d = std::vec![0x40, 0x01, 0, 0];
        d.extend_from_slice(rest);
        d
    };
    assert_refused(
        &h(&[0xff]),
        4,
        "payload marker (0xff) with no payload",
        None,
    );
    assert_refused(
        &h(&[0xb1, b'a', 0xff]),
        6,
        "payload marker (0xff) with no payload",
        None,
    );
    assert_refused(&h(&[0xf1, 0]), 4, "delta nibble 15 is reserved", None);
    assert_refused(
        &h(&[0xb1, b'a', 0xf1, 0]),
        6,
        "delta nibble 15 is reserved",
        None,
    );
    assert_refused(&h(&[0x1f]), 4, "length nibble 15 is reserved", None);
    // Extension bytes: 13 takes one, 14 takes two, for the delta and the length each.
    assert_refused(&h(&[0xd0]), 5, "extension bytes are cut off", Some(6));
    assert_refused(&h(&[0xe0, 0x01]), 6, "extension bytes are cut off", Some(7));
    assert_refused(&h(&[0x1d]), 5, "extension bytes are cut off", Some(6));
    assert_refused(&h(&[0xdd, 0x05]), 6, "extension bytes are cut off", Some(7));
    assert_refused(&h(&[0x1e, 0x01]), 6, "extension bytes are cut off", Some(7));
    // Values cut off: the need counts header, extensions and the whole value.
    assert_refused(&h(&[0x11]), 5, "option value is cut off", Some(6));
    assert_refused(&h(&[0x12, 0]), 6, "option value is cut off", Some(7));
    assert_refused(&h(&[0xd1, 0x00]), 6, "option value is cut off", Some(7));
    assert_refused(
        &h(&[0x1d, 0x02, b'a']),
        7,
        "option value is cut off",
        Some(6 + 15),
    );
    // Length 269 + 0x0101 = 526 after a 4-byte option header.
    assert_refused(
        &h(&[0x1e, 0x01, 0x01, b'a']),
        8,
        "option value is cut off",
        Some(7 + 526),
    );
    // Option 65535 is the largest: cut off, not out of range; one more is out of range.
    assert_refused(
        &h(&[0xe1, 0xfe, 0xf2]),
        7,
        "option value is cut off",
        Some(8),
    );
    assert_refused(&h(&[0xe0, 0xfe, 0xf3]), 4, "above 65535", None);
    assert_refused(&h(&[0xe0, 0xff, 0xff]), 4, "above 65535", None);
    // Deltas that add up past 65535 over two options.
    assert_refused(
        &h(&[0xe0, 0xfe, 0xf1, 0xe0, 0x01, 0x00]),
        7,
        "above 65535",
        None,
    );
    // Reaching 65535 exactly is fine; the option after it breaks another rule.
    assert_refused(
        &h(&[0xe0, 0xfe, 0xf2, 0x0f]),
        7,
        "length nibble 15 is reserved",
        None,
    );
}

#[test]
fn locate_of_a_datagram_that_decodes_names_no_rule() {
    // Not reached by `explain` (it locates only what the decoder refused); a description,
    // never a made-up rule.
    for d in [
        &[0x40, 0x01, 0, 0][..],
        &[0x40, 0x02, 0, 0, 0xb1, b'a', 0xff, b'x'],
        &[0x40, 0x02, 0, 0, 0xff, b'x'],
    ] {
        assert!(Message::parse(d).is_ok(), "{d:02x?}");
        let m = locate(d);
        assert_eq!(m.why, "not well-formed CoAP", "{d:02x?}");
        assert_eq!(m.need, None, "{d:02x?}");
    }
}
