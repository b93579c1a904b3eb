//! Tests of `http_explain.rs` and `http_request.rs`, written from the mutants they missed
//! (kept apart, so those files stay about the decoding). Requests are written by hand from
//! RFC 9112 (3: request line, 5: field lines, 6.2: Content-Length) and RFC 9110 5.6.2 (tokens).

use super::*;
use crate::diagnose::http_request::parse;
use crate::diagnose::test_report::report_of;
use serde_json::{Value, json};
use std::vec::Vec;

/// The report `explain` writes for `input` (inside an object, as `explain::explain` does),
/// parsed, and the failure it returns.
fn explained(input: &[u8]) -> (Value, Option<Malformed>) {
    report_of(|w| explain(input, w))
}

/// The report of a request that parses (checked with `check` too).
fn report(input: &[u8]) -> Value {
    let (v, failure) = explained(input);
    assert_eq!(failure, None, "{}: {v}", String::from_utf8_lossy(input));
    assert!(v.get("error").is_none(), "{v}");
    assert_eq!(check(input), None);
    v
}

/// The refusal of `input`, the same from `parse`, `check` and the report's `error`.
#[track_caller]
fn assert_refused(input: &[u8], at: usize, why: &str) -> Malformed {
    let m = parse(input).unwrap_err();
    let (v, failure) = explained(input);
    assert_eq!(failure, Some(m));
    assert_eq!(check(input), Some(m));
    assert_eq!(v["error"]["at"], m.at);
    assert_eq!(v["error"]["why"], m.why);
    assert_eq!(m.at, at, "{}: {m:?}", String::from_utf8_lossy(input));
    assert!(m.why.contains(why), "{m:?}, want {why:?}");
    m
}

/// A POST to `/auth` with `headers` (each without CRLF) and `body`, framed by a Content-Length
/// of the body's length.
fn post(headers: &[&str], body: &str) -> Vec<u8> {
    let mut r = std::string::String::from("POST /auth HTTP/1.1\r\n");
    for h in headers {
        r.push_str(h);
        r.push_str("\r\n");
    }
    r.push_str(&std::format!(
        "Content-Length: {}\r\n\r\n{body}",
        body.len()
    ));
    r.into_bytes()
}

#[test]
fn the_request_line_and_headers_are_reported() {
    let input = post(&["Host: a.example", "X-Empty:", "X-Pad: \t v a l \t "], "");
    let v = report(&input);
    assert_eq!(v["method"], "POST");
    assert_eq!(v["target"], "/auth");
    assert_eq!(v["version"], "HTTP/1.1");
    assert_eq!(
        v["headers"],
        json!([
            {"name": "Host", "value": "a.example"},
            {"name": "X-Empty", "value": ""},
            {"name": "X-Pad", "value": "v a l"},
            {"name": "Content-Length", "value": "0"},
        ])
    );
    assert_eq!(v["content_length"], 0);
    assert_eq!(v["body_at"], input.len());
    assert!(
        v.get("body").is_none() && v.get("json_valid").is_none(),
        "{v}"
    );

    // No Content-Length: no body, no content_length field.
    let v = report(b"GET /x HTTP/1.0\r\nA: b\r\n\r\n");
    assert_eq!(v["version"], "HTTP/1.0");
    assert!(v.get("content_length").is_none(), "{v}");
    assert_eq!(v["body_at"], 25);
}

#[test]
fn headers_and_header_lookup() {
    let input = post(&["A: 1", "b:2", "a: 3"], "");
    let r = parse(&input).unwrap();
    let hs: Vec<(&[u8], &[u8], usize)> = r.headers().map(|h| (h.name, h.value, h.at)).collect();
    assert_eq!(
        hs,
        [
            (&b"A"[..], &b"1"[..], 21),
            (b"b", b"2", 27),
            (b"a", b"3", 32),
            (b"Content-Length", b"0", 38),
        ]
    );
    assert_eq!(r.header(b"a"), Some(&b"1"[..]), "the first of two");
    assert_eq!(r.header(b"B"), Some(&b"2"[..]));
    assert_eq!(r.header(b"c"), None);
    assert_eq!(r.header(b""), None);
    let none = parse(b"GET / HTTP/1.1\r\n\r\n").unwrap();
    assert_eq!(none.headers().count(), 0);
    assert_eq!(none.content_length, None);
}

#[test]
fn tokens_are_rfc_9110_tchars() {
    for c in 0..=255u8 {
        let want = c.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&c);
        let mut line = std::vec![b'M', c];
        line.extend_from_slice(b" / HTTP/1.1\r\n\r\n");
        let parsed = parse(&line);
        if want {
            assert_eq!(parsed.unwrap().method, &line[..2], "{c:#04x}");
        } else if c != b' ' {
            assert_eq!(parsed.unwrap_err().at, 1, "{c:#04x}");
        }
    }
    let r = parse(b"M-SEARCH * HTTP/1.1\r\nX-a.b~c: v\r\n\r\n").unwrap();
    assert_eq!((r.method, r.target), (&b"M-SEARCH"[..], &b"*"[..]));
    assert_eq!(r.header(b"x-A.B~C"), Some(&b"v"[..]));
}

#[test]
fn the_request_line_rules() {
    assert_refused(b"POST /auth", 10, "ends inside the request line");
    assert_refused(b"", 0, "ends inside the request line");
    assert_refused(
        b" POST /auth HTTP/1.1\r\n\r\n",
        0,
        "does not start with a method",
    );
    assert_refused(
        b"PO(ST /auth HTTP/1.1\r\n\r\n",
        2,
        "no single space after the method",
    );
    assert_refused(b"POST\r\n\r\n", 4, "no single space after the method");
    assert_refused(b"POST  /auth HTTP/1.1\r\n\r\n", 5, "no request target");
    assert_refused(b"POST \r\n\r\n", 5, "no request target");
    assert_refused(b"POST /a\x01b HTTP/1.1\r\n\r\n", 7, "not visible ASCII");
    assert_refused(b"POST /a\x7fb HTTP/1.1\r\n\r\n", 7, "not visible ASCII");
    assert_refused(
        b"POST /auth HTTP/2\r\n\r\n",
        11,
        "does not end with ' HTTP/1.1'",
    );
    assert_refused(
        b"POST /auth HTTP/1.1 \r\n\r\n",
        11,
        "does not end with ' HTTP/1.1'",
    );
    assert_refused(b"POST /auth\r\n\r\n", 10, "does not end with ' HTTP/1.1'");
    assert_refused(
        b"POST /auth http/1.1\r\n\r\n",
        11,
        "does not end with ' HTTP/1.1'",
    );
}

#[test]
fn the_line_rules() {
    assert_refused(b"POST /auth HTTP/1.1\n\r\n", 19, "LF without CR");
    assert_refused(b"\n", 0, "LF without CR");
    assert_refused(b"POST /auth HTTP/1.1\r\n\n", 21, "LF without CR");
    assert_refused(b"POST /auth HTTP/1.1\r\nA: b\n\r\n", 25, "LF without CR");
    assert_refused(b"POST /a\rb HTTP/1.1\r\n\r\n", 7, "a CR inside a line");
    assert_refused(
        b"POST /a HTTP/1.1\r\nA: \rb\r\n\r\n",
        21,
        "a CR inside a line",
    );
    assert_refused(
        b"POST /auth HTTP/1.1\r\nHost: a\r\n",
        30,
        "before the empty line",
    );
    assert_refused(b"POST /auth HTTP/1.1\r\n", 21, "before the empty line");
}

#[test]
fn the_header_rules() {
    assert_refused(
        b"POST /a HTTP/1.1\r\n: v\r\n\r\n",
        18,
        "does not start with a field name",
    );
    assert_refused(
        b"POST /a HTTP/1.1\r\nHost x\r\n\r\n",
        22,
        "no ':' right after",
    );
    assert_refused(
        b"POST /a HTTP/1.1\r\nHost :x\r\n\r\n",
        22,
        "no ':' right after",
    );
    assert_refused(
        b"POST /a HTTP/1.1\r\nHost\r\n\r\n",
        22,
        "no ':' right after",
    );
    assert_refused(
        b"POST /a HTTP/1.1\r\nHost: a\x01\r\n\r\n",
        25,
        "a control byte",
    );
    assert_refused(
        b"POST /a HTTP/1.1\r\nHost:\x00\r\n\r\n",
        23,
        "a control byte",
    );
    assert_refused(
        b"POST /a HTTP/1.1\r\nHost: \x1f\r\n\r\n",
        24,
        "a control byte",
    );
    assert_refused(
        b"POST /a HTTP/1.1\r\nHost: a\x7f\r\n\r\n",
        25,
        "a control byte",
    );
    // A tab is whitespace, not a control byte; bytes above 0x7f are obs-text.
    let r = parse(b"POST /a HTTP/1.1\r\nHost:\ta\tb\t\r\nX: \xc3\xa9\r\n\r\n").unwrap();
    assert_eq!(r.header(b"host"), Some(&b"a\tb"[..]));
    assert_eq!(r.header(b"x"), Some(&b"\xc3\xa9"[..]));
}

#[test]
fn content_length_frames_the_body() {
    let ok = post(&[], "{}");
    assert_eq!(parse(&ok).unwrap().body, b"{}");
    let m = assert_refused(
        &ok[..ok.len() - 1],
        ok.len() - 1,
        "shorter than Content-Length",
    );
    assert_eq!(m.need, Some(ok.len()));
    let mut longer = ok.clone();
    longer.push(b'x');
    let m = assert_refused(&longer, ok.len(), "bytes after the Content-Length body");
    assert_eq!(m.need, None);
    let m = assert_refused(
        b"GET / HTTP/1.1\r\n\r\nx",
        18,
        "which has no Content-Length",
    );
    assert_eq!(m.need, None);
    assert_refused(
        b"POST /a HTTP/1.1\r\nContent-Length: 1\r\ncontent-length: 1\r\n\r\nx",
        37,
        "Content-Length given twice",
    );
    assert_eq!(
        parse(b"POST /a HTTP/1.1\r\nContent-Length:  1 \r\n\r\nx")
            .unwrap()
            .body,
        b"x"
    );
}

#[test]
fn content_length_is_one_to_ten_decimal_digits() {
    let with = |value: &str, body: &str| {
        let mut r =
            std::format!("POST /a HTTP/1.1\r\nContent-Length: {value}\r\n\r\n").into_bytes();
        r.extend_from_slice(body.as_bytes());
        r
    };
    assert_eq!(
        parse(&with("0000000002", "ab")).unwrap().content_length,
        Some(2)
    );
    assert_eq!(parse(&with("0", "")).unwrap().content_length, Some(0));
    assert_eq!(
        parse(&with("10", "0123456789")).unwrap().body,
        b"0123456789"
    );
    for bad in [
        "",
        "00000000002",
        "4294967296",
        "99999999999",
        "1a",
        "-1",
        "+1",
        "1 2",
        "0x1",
    ] {
        assert_refused(&with(bad, ""), 18, "not a decimal number");
    }
    // The largest u32 is a number (the body is then far too short).
    let m = parse(&with("4294967295", "")).unwrap_err();
    assert!(m.why.contains("shorter than Content-Length"), "{m:?}");
    assert_eq!(m.need, Some(18 + 28 + 2 + 4_294_967_295));
}

#[test]
fn json_bodies_are_checked_and_embedded() {
    let json_type = "Content-Type: application/json";
    let v = report(&post(&[json_type], r#"{"a":[1,"x"]}"#));
    assert_eq!(v["body"], r#"{"a":[1,"x"]}"#);
    assert_eq!(v["json_valid"], true);
    assert_eq!(v["json"], json!({"a": [1, "x"]}));
    assert_eq!(v["content_length"], 13);

    // A JSON object is checked whatever the content type says.
    let v = report(&post(&["Content-Type: text/plain"], r#"{"a":1}"#));
    assert_eq!(
        (v["json_valid"].clone(), v["json"].clone()),
        (json!(true), json!({"a": 1}))
    );

    // An exponent: valid, not embedded (the body shows it).
    let v = report(&post(&[json_type], r#"{"a":1e400}"#));
    assert_eq!(v["json_valid"], true);
    assert!(v.get("json").is_none(), "{v}");

    // Broken JSON is named when the type says JSON or the body starts with '{'.
    for (headers, body) in [
        (&[json_type][..], "x=1"),
        (
            &["Content-Type: APPLICATION/JSON; charset=utf-8"][..],
            "[1]",
        ),
        (&[][..], "{\"a\":"),
        (&["Content-Type: text/plain"][..], "{oops"),
    ] {
        let v = report(&post(headers, body));
        assert_eq!(v["body"], body);
        assert_eq!(v["json_valid"], false, "{headers:?} {body}");
        assert!(
            v["json_error"]
                .as_str()
                .unwrap()
                .contains("not one strict JSON object")
        );
        assert!(v.get("json").is_none());
    }

    // Not JSON and not said to be: the body only.
    for (headers, body) in [
        (&["Content-Type: text/plain"][..], "x=1"),
        (&[][..], "x=1"),
        (&["Content-Type: application/jso"][..], "x=1"),
    ] {
        let v = report(&post(headers, body));
        assert_eq!(v["body"], body);
        assert!(
            v.get("json_valid").is_none() && v.get("json_error").is_none(),
            "{headers:?}: {v}"
        );
    }
}

#[test]
fn exponents_are_found_outside_strings_only() {
    for (text, want) in [
        (r#"{"a":1e5}"#, true),
        (r#"{"a":1E5}"#, true),
        (r#"{"a":[0.5e-3]}"#, true),
        (r#"{"a":2.0E+1}"#, true),
        (r#"{"a":1}"#, false),
        (r#"{"e":true,"f":false,"g":null}"#, false),
        (r#"{"a":"1e5"}"#, false),
        (r#"{"1e5":1}"#, false),
        (r#"{"a":"x\"1e5"}"#, false),
        (r#"{"a":"x\\","b":1e5}"#, true),
        (r#"{"a":"\\\"1e5"}"#, false),
        (r#"{"a":"q","b":"1E2"}"#, false),
        (r#"{"a":"q"}"#, false),
    ] {
        assert_eq!(has_exponent(text.as_bytes()), want, "{text}");
    }
}

#[test]
fn a_long_content_type_is_json_only_by_its_prefix() {
    // Longer than "application/json" (16 bytes): the length alone does not make it JSON.
    for t in [
        "text/plain; charset=utf-8",
        "application/x-www-form-urlencoded",
    ] {
        let v = report(&post(&[&std::format!("Content-Type: {t}")], "x=1"));
        assert!(v.get("json_valid").is_none(), "{t}: {v}");
    }
    let v = report(&post(
        &["Content-Type: application/json; charset=utf-8"],
        "x=1",
    ));
    assert_eq!(v["json_valid"], false);
}
