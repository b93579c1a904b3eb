//! The auth and publish replies: `{"code":N,"message":"...","info":{"token"|"messageId"|"data"}}`.
//!
//! A reply with a non-zero `code` is still a reply: it parses, and its code becomes a typed
//! error in [`Response::outcome`] so the caller can tell "authenticate again and resend"
//! (20001, 20003) from "give up" without string matching.

use crate::Error;
use crate::http::publish::TOKEN_MAX;
use crate::http::rules::{Fits, GRAPHIC};
use crate::json::reader::parse_u64;
use crate::json::{Object, RawStr, Value, integer_of, parse_object, value_of};

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
    /// `Ok` for code 0, otherwise the code as an error.
    pub outcome: Result<(), Error>,
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
    /// True when the token is no longer accepted (20001, 20003): authenticate again, then
    /// send the same message with the new token.
    pub fn needs_reauth(&self) -> bool {
        matches!(
            self.outcome,
            Err(Error::HttpTokenExpired | Error::HttpTokenCheckError)
        )
    }
}

/// The typed outcome of a platform code.
pub fn outcome(code: i64) -> Result<(), Error> {
    Err(match code {
        0 => return Ok(()),
        10000 => Error::HttpCommonError,
        10001 => Error::HttpParamError,
        20000 => Error::HttpAuthCheckError,
        20001 => Error::HttpTokenExpired,
        20002 => Error::HttpTokenNull,
        20003 => Error::HttpTokenCheckError,
        20004 => Error::HttpUpdateSessionError,
        30001 => Error::HttpPublishError,
        40000 => Error::HttpTooManyRequests,
        _ => Error::HttpUnknownCode,
    })
}

/// `info.messageId`: a non-negative integer, or (ids beyond 2^53 are sometimes sent as strings
/// so JavaScript keeps them exact) a string of 1..=20 digits within `u64`.
fn message_id(v: Value<'_>) -> Result<u64, Error> {
    match v {
        Value::Number(_) => u64::try_from(v.as_integer()?).map_err(|_| Error::InvalidJson),
        Value::String(s) if s.raw().len() <= 20 => parse_u64(s.raw()).ok_or(Error::InvalidJson),
        _ => Err(Error::InvalidJson),
    }
}

/// Parses a reply. Malformed JSON, a non-integer `code` or a wrongly typed member is an
/// error; a non-zero `code` is not (see [`Response::outcome`]). Each object is walked once
/// for all its members ([`Object::lookup`]); the checks then run in a fixed order, so the
/// same body always gives the same error.
pub fn parse(body: &[u8], kind: Kind) -> Result<Response<'_>, Error> {
    let o = parse_object(body)?;
    let mut top = [Ok(None), Ok(None), Ok(None)];
    o.lookup(&[b"code", b"message", b"info"], &mut top)?;
    let [code, message, info] = top;
    let code = integer_of(code)?;
    let message = match value_of(message)? {
        Some(Value::String(s)) => Some(s),
        Some(Value::Null) | None => None,
        Some(_) => return Err(Error::InvalidJson),
    };
    let info: Option<Object<'_>> = match value_of(info)? {
        Some(Value::Object(i)) => Some(i),
        Some(Value::Null) | None => None,
        Some(_) => return Err(Error::InvalidJson),
    };
    let mut r = Response {
        code,
        outcome: outcome(code),
        message,
        token: None,
        message_id: None,
        data: None,
    };
    if let Some(info) = info {
        let mut found = [Ok(None), Ok(None), Ok(None)];
        info.lookup(&[b"token", b"messageId", b"data"], &mut found)?;
        let [token, id, data] = found;
        if let Some(v) = value_of(token)? {
            let Value::String(t) = v else {
                return Err(Error::InvalidJson);
            };
            let mut check = Fits::new(TOKEN_MAX, GRAPHIC);
            t.write_to(&mut check)?;
            check.finish()?;
            r.token = Some(t);
        }
        if let Some(v) = value_of(id)? {
            r.message_id = Some(message_id(v)?);
        }
        // A string's text without its quotes, any other value's JSON text; `null` is absent.
        r.data = match data? {
            Some(b"null") | None => None,
            Some(text) => match value_of(Ok(Some(text)))? {
                Some(Value::String(s)) => Some(s.raw()),
                _ => Some(text),
            },
        };
    }
    if r.outcome.is_ok() {
        match kind {
            Kind::Auth if r.token.is_none() => return Err(Error::MissingField),
            Kind::Publish if r.message_id.is_none() => return Err(Error::MissingField),
            _ => {}
        }
    }
    Ok(r)
}
