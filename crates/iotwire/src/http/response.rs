//! The auth and publish replies: `{"code":N,"message":"...","info":{"token"|"messageId"|"data"}}`.
//!
//! A reply with a non-zero `code` is still a reply: it parses, and its code becomes a typed
//! error in [`Response::outcome`] so the caller can tell "authenticate again and resend"
//! (20001, 20003) from "give up" without string matching.

use crate::Error;
use crate::http::publish::TOKEN_MAX;
use crate::json::{Object, RawStr, Value, parse_object};
use crate::sink::Sink;

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
    /// `info.data` as JSON text (a string without its quotes); absent when missing or `null`.
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

/// Checks a decoded string byte by byte without copying it anywhere.
pub struct Checker<F: Fn(u8) -> bool> {
    accept: F,
    len: usize,
    max: usize,
}

impl<F: Fn(u8) -> bool> Checker<F> {
    /// At most `max` bytes, each accepted by `accept`.
    pub fn new(max: usize, accept: F) -> Self {
        Checker {
            accept,
            len: 0,
            max,
        }
    }

    /// Runs the check on `s`: 1..=max accepted bytes, else [`Error::ReplyFieldInvalid`].
    pub fn check(mut self, s: &RawStr<'_>) -> Result<(), Error> {
        s.write_to(&mut self)?;
        if self.len == 0 {
            return Err(Error::ReplyFieldInvalid);
        }
        Ok(())
    }
}

impl<F: Fn(u8) -> bool> Sink for Checker<F> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        for &b in bytes {
            self.len = self.len.saturating_add(1);
            if self.len > self.max || !(self.accept)(b) {
                return Err(Error::ReplyFieldInvalid);
            }
        }
        Ok(())
    }
}

fn message_id(v: Value<'_>) -> Result<u64, Error> {
    match v {
        Value::Number(_) => u64::try_from(v.as_integer()?).map_err(|_| Error::InvalidJson),
        // Ids beyond 2^53 are sometimes sent as strings so JavaScript keeps them exact.
        Value::String(s) => {
            let raw = s.raw();
            if raw.is_empty() || raw.len() > 20 {
                return Err(Error::InvalidJson);
            }
            raw.iter().try_fold(0u64, |acc, &d| {
                if !d.is_ascii_digit() {
                    return Err(Error::InvalidJson);
                }
                acc.checked_mul(10)
                    .and_then(|a| a.checked_add(u64::from(d.wrapping_sub(b'0'))))
                    .ok_or(Error::InvalidJson)
            })
        }
        _ => Err(Error::InvalidJson),
    }
}

fn data(v: Value<'_>) -> Option<&[u8]> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.raw()),
        Value::Number(n) => Some(n),
        Value::Bool(true) => Some(b"true"),
        Value::Bool(false) => Some(b"false"),
        Value::Object(o) => Some(o.text()),
        Value::Array(a) => Some(a),
    }
}

/// Parses a reply. Malformed JSON, a non-integer `code` or a wrongly typed member is an
/// error; a non-zero `code` is not (see [`Response::outcome`]).
pub fn parse(body: &[u8], kind: Kind) -> Result<Response<'_>, Error> {
    let o = parse_object(body)?;
    let code = o.integer(b"code")?;
    let message = match o.get(b"message")? {
        Some(Value::String(s)) => Some(s),
        Some(Value::Null) | None => None,
        Some(_) => return Err(Error::InvalidJson),
    };
    let info: Option<Object<'_>> = match o.get(b"info")? {
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
        if let Some(v) = info.get(b"token")? {
            let Value::String(t) = v else {
                return Err(Error::InvalidJson);
            };
            Checker::new(TOKEN_MAX, |c| c.is_ascii_graphic()).check(&t)?;
            r.token = Some(t);
        }
        if let Some(v) = info.get(b"messageId")? {
            r.message_id = Some(message_id(v)?);
        }
        r.data = info.get(b"data")?.and_then(data);
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
