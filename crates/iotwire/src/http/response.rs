//! The auth and publish replies: `{"code":N,"message":"...","info":{"token"|"messageId"|"data"}}`.
//!
//! A reply with a non-zero `code` is still a reply: it parses, and its code becomes a typed
//! error in [`Response::outcome`] so the caller can tell "authenticate again and resend"
//! (20001, 20003) from "give up" without string matching.

use crate::Error;
use crate::http::publish::TOKEN_MAX;
use crate::http::rules::{GRAPHIC, check_text};
use crate::json::reader::parse_lookup;
use crate::json::reader::{integer_text, object_text, parse_u64, string_text};
use crate::json::{Lookup, RawStr};

/// What the caller expects the reply to be; a success reply must then carry its payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Either; nothing is required beyond `code`.
    Any,
    /// `/auth`: code 0 needs `info.token`.
    Auth,
    /// `/topic/...`: code 0 needs `info.messageId`.
    Publish,
}

/// A parsed reply, borrowing the body.
#[derive(Clone, Copy, Debug)]
pub struct Response<'a> {
    /// The platform's `code`.
    pub code: i64,
    /// `message`, escapes not decoded.
    pub message: Option<RawStr<'a>>,
    /// `info.token` (validated: 1..=256 printable ASCII once decoded).
    pub token: Option<RawStr<'a>>,
    /// `info.messageId`.
    pub message_id: Option<u64>,
    /// `info.data` as JSON text (a string without its quotes), borrowed from the body;
    /// absent when missing or `null`.
    pub data: Option<&'a [u8]>,
}

impl Response<'_> {
    /// `Ok` for code 0, otherwise the code as an error ([`outcome`]).
    pub fn outcome(&self) -> Result<(), Error> {
        outcome(self.code)
    }

    /// True when the token is no longer accepted (20001, 20003): authenticate again, then
    /// send the same message with the new token.
    pub fn needs_reauth(&self) -> bool {
        matches!(self.code, 20001 | 20003)
    }
}

/// The documented codes and their errors (a table: a `match` on a 64-bit code compiles to a
/// long comparison tree on Cortex-M).
const CODES: [u16; 9] = [
    10000, 10001, 20000, 20001, 20002, 20003, 20004, 30001, 40000,
];
const CODE_ERRORS: [Error; 9] = [
    Error::HttpCommonError,
    Error::HttpParamError,
    Error::HttpAuthCheckError,
    Error::HttpTokenExpired,
    Error::HttpTokenNull,
    Error::HttpTokenCheckError,
    Error::HttpUpdateSessionError,
    Error::HttpPublishError,
    Error::HttpTooManyRequests,
];

/// The position of a non-zero platform code among the documented ones (10000, 10001, 20000,
/// 20001, 20002, 20003, 20004, 30001, 40000), or 9 for any other code: the order of
/// [`Error::HttpCommonError`]..=[`Error::HttpUnknownCode`], whose status numbers are
/// consecutive (the C ABI computes the status from it).
pub fn code_rank(code: i64) -> usize {
    CODES
        .iter()
        .position(|c| i64::from(*c) == code)
        .unwrap_or(CODES.len())
}

/// The typed outcome of a platform code: `Ok` for 0, a documented code's error, else
/// [`Error::HttpUnknownCode`].
pub fn outcome(code: i64) -> Result<(), Error> {
    if code == 0 {
        return Ok(());
    }
    Err(CODE_ERRORS
        .get(code_rank(code))
        .copied()
        .unwrap_or(Error::HttpUnknownCode))
}

/// `info.messageId`: a non-negative integer, or (ids beyond 2^53 are sometimes sent as strings
/// so JavaScript keeps them exact) a string of 1..=20 digits within `u64`.
fn message_id(text: &[u8]) -> Result<u64, Error> {
    match string_text(text) {
        // parse_u64 takes at most 20 digits.
        Some(s) => parse_u64(s.raw()).ok_or(Error::InvalidJson),
        None => u64::try_from(integer_text(text)?).map_err(|_| Error::InvalidJson),
    }
}

/// A member's text; absent or `null` is `None`.
#[inline(never)]
fn nullable(found: Lookup<'_>) -> Result<Option<&[u8]>, Error> {
    // A validated value that starts with `n` is `null`.
    Ok(found?.filter(|text| text.first() != Some(&b'n')))
}

/// Parses a reply. Malformed JSON, a non-integer `code` or a wrongly typed member is an
/// error; a non-zero `code` is not (see [`Response::outcome`]). Each object is walked once
/// for all its members ([`parse_lookup`], [`crate::json::Object::lookup`]); the checks then run in a fixed order, so the
/// same body always gives the same error.
// Inlined into the C ABI's one caller: the reply is then filled where it is used instead of
// being returned through memory (-106 B on M4F).
#[inline(always)]
pub fn parse(body: &[u8], kind: Kind) -> Result<Response<'_>, Error> {
    let mut top = [Ok(None); 3];
    parse_lookup(body, &[b"code", b"message", b"info"], &mut top)?;
    let [code, message, info] = top;
    let code = integer_text(code?.ok_or(Error::MissingField)?)?;
    let message = match nullable(message)? {
        Some(text) => Some(string_text(text).ok_or(Error::InvalidJson)?),
        None => None,
    };
    let mut r = Response {
        code,
        message,
        token: None,
        message_id: None,
        data: None,
    };
    if let Some(info) = nullable(info)? {
        let info = object_text(info).ok_or(Error::InvalidJson)?;
        let mut found = [Ok(None); 3];
        parse_lookup(info.text(), &[b"token", b"messageId", b"data"], &mut found)?;
        let [token, id, data] = found;
        if let Some(text) = token? {
            let t = string_text(text).ok_or(Error::InvalidJson)?;
            check_text(&t, TOKEN_MAX, GRAPHIC)?;
            r.token = Some(t);
        }
        if let Some(text) = id? {
            r.message_id = Some(message_id(text)?);
        }
        // A string's text without its quotes, any other value's JSON text; `null` is absent.
        r.data = nullable(data)?.map(|text| string_text(text).map_or(text, |s| s.raw()));
    }
    if code == 0 {
        match kind {
            Kind::Auth if r.token.is_none() => return Err(Error::MissingField),
            Kind::Publish if r.message_id.is_none() => return Err(Error::MissingField),
            _ => {}
        }
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcome_of_each_code() {
        assert_eq!(outcome(0), Ok(()));
        for (code, error) in CODES.iter().zip(CODE_ERRORS) {
            assert_eq!(outcome(i64::from(*code)), Err(error), "{code}");
        }
        for code in [-1, 1, 9_999, 20_005, 40_001, i64::MAX] {
            assert_eq!(outcome(code), Err(Error::HttpUnknownCode), "{code}");
        }
        let ok = parse(br#"{"code":0,"info":{"token":"t"}}"#, Kind::Auth).unwrap();
        assert_eq!(ok.outcome(), Ok(()));
        let expired = parse(br#"{"code":20001,"message":"expired"}"#, Kind::Any).unwrap();
        assert_eq!(expired.outcome(), Err(Error::HttpTokenExpired));
        assert!(expired.needs_reauth());
    }

    /// A string message id has at most 20 digits, even when its value would fit.
    #[test]
    fn string_message_ids() {
        let body = |id: &str| std::format!(r#"{{"code":0,"info":{{"messageId":{id}}}}}"#);
        let id = |id: &str| parse(body(id).as_bytes(), Kind::Publish).map(|r| r.message_id);
        assert_eq!(
            id(r#""12345678901234567890""#),
            Ok(Some(12_345_678_901_234_567_890))
        );
        assert_eq!(id("7"), Ok(Some(7)));
        assert!(id(r#""000000000000000000001""#).is_err());
        assert!(id(r#""99999999999999999999""#).is_err());
    }
}
