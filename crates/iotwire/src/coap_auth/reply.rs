//! The 2.05 auth reply payload (`token`; `random` and `seqOffset` in symmetric mode) in JSON
//! or CBOR.
//!
//! Values are checked before anyone stores them: the token goes into a CoAP option (or a
//! URI query) and `random` into the key derivation, so both must be visible ASCII
//! (0x21..=0x7e) and fit the legacy limits (token 192, random 32 characters). `seqOffset`
//! must be a non-negative 32-bit signed integer (the legacy `int`).

use crate::Error;
use crate::coap_auth::cbor;
use crate::coap_auth::params::Format;
use crate::json::{RawStr, Value, parse_object};
use crate::sink::{Counter, Sink};

/// Longest auth token accepted (the legacy SDK's buffer holds 192 characters).
pub const TOKEN_MAX: usize = 192;
/// Longest `random` accepted (legacy: at most 32 characters).
pub const RANDOM_MAX: usize = 32;

/// A text member of the reply, still in its wire form.
#[derive(Clone, Copy, Debug)]
pub enum Text<'a> {
    /// A JSON string (escapes decoded on output).
    Json(RawStr<'a>),
    /// A CBOR text string.
    Cbor(&'a [u8]),
}

impl Text<'_> {
    /// Writes the decoded text.
    pub fn write_to<S: Sink + ?Sized>(&self, s: &mut S) -> Result<(), Error> {
        match self {
            Text::Json(raw) => raw.write_to(s),
            Text::Cbor(bytes) => s.put(bytes),
        }
    }

    /// Length of the decoded text.
    pub fn len(&self) -> Result<usize, Error> {
        let mut c = Counter::new();
        self.write_to(&mut c)?;
        Ok(c.len())
    }

    /// True when the decoded text is empty.
    pub fn is_empty(&self) -> Result<bool, Error> {
        Ok(self.len()? == 0)
    }
}

/// Accepts only visible ASCII, up to a limit.
struct Visible {
    left: usize,
}

impl Sink for Visible {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        if !bytes.iter().all(|c| (0x21..=0x7e).contains(c)) {
            return Err(Error::InvalidArgument);
        }
        self.left = self
            .left
            .checked_sub(bytes.len())
            .ok_or(Error::InvalidArgument)?;
        Ok(())
    }
}

fn check_text(t: Text<'_>, max: usize) -> Result<Text<'_>, Error> {
    t.write_to(&mut Visible { left: max })?;
    Ok(t)
}

/// What a 2.05 auth reply carries.
#[derive(Clone, Copy, Debug)]
pub struct Reply<'a> {
    /// The auth token (1..=192 visible ASCII characters).
    pub token: Text<'a>,
    /// `random` (0..=32 visible ASCII characters), if present.
    pub random: Option<Text<'a>>,
    /// `seqOffset`, if present.
    pub seq_offset: Option<u32>,
}

fn seq_offset(v: i64) -> Result<u32, Error> {
    i32::try_from(v)
        .ok()
        .and_then(|v| u32::try_from(v).ok())
        .ok_or(Error::InvalidArgument)
}

/// Parses a 2.05 payload. A missing or empty `token` is [`Error::MissingField`]; members of
/// the wrong type are [`Error::InvalidJson`] / [`Error::InvalidCbor`]; values out of the
/// limits above are [`Error::InvalidArgument`].
pub fn parse_payload(payload: &[u8], format: Format) -> Result<Reply<'_>, Error> {
    let reply = match format {
        Format::Json => parse_json(payload)?,
        Format::Cbor => parse_cbor(payload)?,
    };
    if reply.token.is_empty()? {
        return Err(Error::MissingField);
    }
    Ok(Reply {
        token: check_text(reply.token, TOKEN_MAX)?,
        random: reply
            .random
            .map(|r| check_text(r, RANDOM_MAX))
            .transpose()?,
        seq_offset: reply.seq_offset,
    })
}

fn parse_json(payload: &[u8]) -> Result<Reply<'_>, Error> {
    let o = parse_object(payload)?;
    let token = Text::Json(o.string(b"token")?);
    let random = match o.get(b"random")? {
        None => None,
        Some(Value::String(s)) => Some(Text::Json(s)),
        Some(_) => return Err(Error::InvalidJson),
    };
    let seq_offset = match o.get(b"seqOffset")? {
        None => None,
        Some(v) => Some(seq_offset(v.as_integer()?)?),
    };
    Ok(Reply {
        token,
        random,
        seq_offset,
    })
}

fn parse_cbor(payload: &[u8]) -> Result<Reply<'_>, Error> {
    let m = cbor::parse_map(payload)?;
    let text = |key: &[u8]| -> Result<Option<Text<'_>>, Error> {
        match m.get(key)? {
            None => Ok(None),
            Some(cbor::Value::Text(t)) => Ok(Some(Text::Cbor(t))),
            Some(_) => Err(Error::InvalidCbor),
        }
    };
    let token = text(b"token")?.ok_or(Error::MissingField)?;
    let random = text(b"random")?;
    let seq_offset = match m.get(b"seqOffset")? {
        None => None,
        Some(cbor::Value::Unsigned(v)) => Some(seq_offset(
            i64::try_from(v).map_err(|_| Error::InvalidArgument)?,
        )?),
        Some(cbor::Value::Negative(_)) => return Err(Error::InvalidArgument),
        Some(_) => return Err(Error::InvalidCbor),
    };
    Ok(Reply {
        token,
        random,
        seq_offset,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::SliceWriter;

    fn text(t: Text<'_>) -> std::vec::Vec<u8> {
        let mut buf = [0u8; 256];
        let mut w = SliceWriter::new(&mut buf);
        t.write_to(&mut w).unwrap();
        w.written().to_vec()
    }

    #[test]
    fn documented_symmetric_reply() {
        let r = parse_payload(
            br#"{"random":"ad2b3a5eb51d64f7","seqOffset":1,"token":"MZ8m37hp01w1SSqoDFzo0010500d00.ad2b"}"#,
            Format::Json,
        )
        .unwrap();
        assert_eq!(text(r.token), b"MZ8m37hp01w1SSqoDFzo0010500d00.ad2b");
        assert_eq!(text(r.random.unwrap()), b"ad2b3a5eb51d64f7");
        assert_eq!(r.seq_offset, Some(1));
    }

    #[test]
    fn refusals() {
        let p = |s: &[u8]| parse_payload(s, Format::Json).map(|_| ());
        assert_eq!(p(br#"{"random":"r"}"#), Err(Error::MissingField));
        assert_eq!(p(br#"{"token":""}"#), Err(Error::MissingField));
        assert_eq!(p(br#"{"token":"a b"}"#), Err(Error::InvalidArgument));
        assert_eq!(p(br#"{"token":"a\u0000"}"#), Err(Error::InvalidArgument));
        assert_eq!(
            p(br#"{"token":"t","seqOffset":-1}"#),
            Err(Error::InvalidArgument)
        );
        assert_eq!(
            p(br#"{"token":"t","seqOffset":2147483648}"#),
            Err(Error::InvalidArgument)
        );
        assert_eq!(
            p(br#"{"token":"t","seqOffset":"1"}"#),
            Err(Error::InvalidJson)
        );
        assert_eq!(p(br#"{"token":"t","token":"u"}"#), Err(Error::InvalidJson));
        assert_eq!(
            p(br#"{"token":"t","random":"012345678901234567890123456789012"}"#),
            Err(Error::InvalidArgument)
        );
    }
}
