//! Explains a captured HTTP request: request line, every header, the body, and the body's JSON
//! (the `/auth` request's members; a publish body when it is JSON) as checked by the strict
//! JSON reader.

use crate::Error;
use crate::diagnose::http_request::{self, Request};
use crate::diagnose::json_writer::JsonWriter;
use crate::diagnose::malformed::Malformed;
use crate::json::reader::parse_object;
use crate::sink::Sink;

/// Writes the explanation of `input`; returns where it is malformed, if it is.
pub fn explain<S: Sink + ?Sized>(
    input: &[u8],
    w: &mut JsonWriter<'_, S>,
) -> Result<Option<Malformed>, Error> {
    match http_request::parse(input) {
        Ok(r) => {
            write_request(w, &r)?;
            Ok(None)
        }
        Err(m) => {
            m.write(w)?;
            Ok(Some(m))
        }
    }
}

/// Decodes without writing: where the request is malformed, if it is.
pub fn check(input: &[u8]) -> Option<Malformed> {
    http_request::parse(input).err()
}

fn write_request<S: Sink + ?Sized>(
    w: &mut JsonWriter<'_, S>,
    r: &Request<'_>,
) -> Result<(), Error> {
    w.field_text("method", r.method)?;
    w.field_text("target", r.target)?;
    w.field_text("version", r.version)?;
    w.open_array_field("headers")?;
    for h in r.headers() {
        w.open()?;
        w.field_text("name", h.name)?;
        w.field_text("value", h.value)?;
        w.close()?;
    }
    w.close_array()?;
    if let Some(n) = r.content_length {
        w.field_uint("content_length", n)?;
    }
    w.field_size("body_at", r.body_at)?;
    if r.body.is_empty() {
        return Ok(());
    }
    w.field_text("body", r.body)?;
    let json_type = r.header(b"content-type").is_some_and(|t| {
        t.len() >= 16
            && t.get(..16)
                .is_some_and(|p| p.eq_ignore_ascii_case(b"application/json"))
    });
    match parse_object(r.body) {
        Ok(obj) => {
            w.field_bool("json_valid", true)?;
            // Validated by the strict reader (UTF-8, escapes, nesting): embedded as it is,
            // unless a number has an exponent, which some readers refuse when it overflows
            // a double (the body above shows it anyway).
            if !has_exponent(obj.text()) {
                w.field_raw("json", obj.text())?;
            }
            Ok(())
        }
        Err(_) if json_type || r.body.first() == Some(&b'{') => {
            w.field_bool("json_valid", false)?;
            w.field_str("json_error", "the body is not one strict JSON object")
        }
        Err(_) => Ok(()),
    }
}

/// True when valid JSON `text` has a number with an exponent (`1e5`): outside strings, an
/// `e`/`E` right after a digit.
fn has_exponent(text: &[u8]) -> bool {
    let mut in_string = false;
    let mut escaped = false;
    let mut prev = 0u8;
    for &c in text {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == b'\\' {
                escaped = true;
            } else if c == b'"' {
                in_string = false;
            }
        } else if c == b'"' {
            in_string = true;
        } else if (c == b'e' || c == b'E') && prev.is_ascii_digit() {
            return true;
        }
        prev = c;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exponent_scan() {
        assert!(has_exponent(br#"{"a":1e5}"#));
        assert!(has_exponent(br#"{"a":[0.5E-3]}"#));
        assert!(!has_exponent(
            br#"{"a1e5":"2e5","b":true,"c":false,"d":"\"1e"}"#
        ));
    }
}

#[cfg(test)]
#[path = "http_explain_tests.rs"]
mod http_explain_tests;
