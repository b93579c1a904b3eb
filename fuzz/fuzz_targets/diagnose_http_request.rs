//! Drives the HTTP request reader of the diagnostics (`iotwire::diagnose::http_request`) on
//! arbitrary bytes (exact-size heap copy). It must never panic; a refusal must point inside
//! the input; an accepted request must frame exactly: the head ends with an empty line, the
//! body is the rest and has the Content-Length's size, every header name is a token and no
//! value carries CR or LF. Input layout: the raw bytes (fuzz/README.md, "diagnose_http_request").
#![no_main]

use iotwire::diagnose::http_request::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input: Vec<u8> = data.to_vec();
    let r = match parse(&input) {
        Ok(r) => r,
        Err(m) => {
            assert!(m.at <= input.len(), "error at {} of {}", m.at, input.len());
            if let Some(need) = m.need {
                assert!(need > input.len());
            }
            return;
        }
    };
    assert_eq!(
        r.body_at + r.body.len(),
        input.len(),
        "the body is not the rest"
    );
    assert_eq!(&input[r.body_at..], r.body);
    assert!(input[..r.body_at].ends_with(b"\r\n\r\n"));
    assert_eq!(r.content_length.map_or(0, |n| n as usize), r.body.len());
    assert!(!r.method.is_empty() && !r.target.is_empty());
    assert!(r.version == b"HTTP/1.1" || r.version == b"HTTP/1.0");
    let line = format!(
        "{} {} {}\r\n",
        String::from_utf8_lossy(r.method),
        String::from_utf8_lossy(r.target),
        String::from_utf8_lossy(r.version)
    );
    assert!(input.starts_with(line.as_bytes()) || !line.is_ascii());
    for h in r.headers() {
        assert!(!h.name.is_empty() && h.name.iter().all(|c| c.is_ascii_graphic() && *c != b':'));
        assert!(!h.value.contains(&b'\r') && !h.value.contains(&b'\n'));
        assert!(h.at < r.body_at);
        assert!(input[h.at..].starts_with(h.name));
    }
});
