//! The 2.05 auth reply payload (`token`; `random` and `seqOffset` in symmetric mode) in JSON
//! or CBOR.
//!
//! Values are checked before anyone stores them: the token goes into a CoAP option (or a
//! URI query) and `random` into the key derivation, so both must be visible ASCII
//! (0x21..=0x7e) and fit the legacy limits (token 192, random 32 characters). `seqOffset`
//! must be a non-negative 32-bit signed integer (the legacy `int`).

use crate::Error;
use crate::coap::reply_text::{self, optional_string};
#[cfg(feature = "coap-cbor")]
use crate::coap_auth::cbor;
use crate::coap_auth::params::Format;
use crate::json::RawStr;
use crate::json::reader::{integer_text, parse_lookup};
use zeroize::Zeroize;

/// Longest auth token accepted (the legacy SDK's buffer holds 192 characters).
pub const TOKEN_MAX: usize = 192;
/// Longest `random` accepted (legacy: at most 32 characters).
pub const RANDOM_MAX: usize = 32;

/// What a 2.05 auth reply carries, decoded (JSON escapes resolved) and checked. Wiped when
/// dropped: the token is a credential and `random` keys the session.
pub struct Reply {
    token: [u8; TOKEN_MAX],
    token_len: usize,
    random: [u8; RANDOM_MAX],
    random_len: Option<usize>,
    /// `seqOffset`, if present.
    pub seq_offset: Option<u32>,
}

impl Default for Reply {
    fn default() -> Self {
        Reply {
            token: [0; TOKEN_MAX],
            token_len: 0,
            random: [0; RANDOM_MAX],
            random_len: None,
            seq_offset: None,
        }
    }
}

impl Reply {
    /// The auth token (1..=192 visible ASCII characters).
    pub fn token(&self) -> &[u8] {
        self.token.get(..self.token_len).unwrap_or_default()
    }

    /// `random` (0..=32 visible ASCII characters), if present.
    pub fn random(&self) -> Option<&[u8]> {
        self.random_len
            .map(|n| self.random.get(..n).unwrap_or_default())
    }
}

impl Drop for Reply {
    fn drop(&mut self) {
        self.token.zeroize();
        self.random.zeroize();
    }
}

/// A text member as found in the payload: a JSON string (escapes not decoded) or a CBOR text.
#[derive(Clone, Copy)]
enum Text<'a> {
    Json(RawStr<'a>),
    #[cfg(feature = "coap-cbor")]
    Cbor(&'a [u8]),
}

/// The members, their presence and types checked (in this order): `token` (required),
/// `random`, `seqOffset` (an integer, its range not yet checked).
struct Found<'a> {
    token: Text<'a>,
    random: Option<Text<'a>>,
    seq: Option<i64>,
}

/// The members this reply is read for, in the order they are checked.
const KEYS: [&[u8]; 3] = [b"token", b"random", b"seqOffset"];

/// Decodes a text into `buf` (visible ASCII, at most `buf.len()`); returns its length.
fn decode(text: Text<'_>, buf: &mut [u8]) -> Result<usize, Error> {
    match text {
        Text::Json(raw) => reply_text::decode(raw, buf, true),
        #[cfg(feature = "coap-cbor")]
        Text::Cbor(bytes) => reply_text::copy(bytes, buf, true),
    }
}

/// The walk that validates the payload also finds the three members. `seqOffset` is read as
/// an integer whatever its JSON type: anything else (a string too) fails with
/// [`Error::InvalidJson`], the type error a JSON reply gets.
fn find_json(payload: &[u8]) -> Result<Found<'_>, Error> {
    let mut found = [Ok(None); 3];
    parse_lookup(payload, &KEYS, &mut found)?;
    let [token, random, seq] = found;
    Ok(Found {
        token: Text::Json(optional_string(token)?.ok_or(Error::MissingField)?),
        random: optional_string(random)?.map(Text::Json),
        seq: seq?.map(integer_text).transpose()?,
    })
}

#[cfg(feature = "coap-cbor")]
fn find_cbor<'a>(payload: &'a [u8]) -> Result<Found<'a>, Error> {
    /// A member as found, before its type is checked.
    #[derive(Clone, Copy)]
    enum Slot<'a> {
        Absent,
        Text(&'a [u8]),
        Integer(Result<i64, Error>),
        /// Present twice, or of a type no member here may have.
        Bad,
    }
    let mut slots = [Slot::Absent; 3];
    let m = cbor::parse_map(payload)?;
    m.for_each(|key, value| {
        let cbor::Value::Text(key) = key else {
            return;
        };
        let Some(slot) = KEYS
            .iter()
            .position(|k| *k == key)
            .and_then(|i| slots.get_mut(i))
        else {
            return;
        };
        *slot = match (*slot, value) {
            (Slot::Absent, cbor::Value::Text(t)) => Slot::Text(t),
            (Slot::Absent, cbor::Value::Unsigned(v)) => {
                Slot::Integer(i64::try_from(v).map_err(|_| Error::InvalidArgument))
            }
            (Slot::Absent, cbor::Value::Negative(_)) => Slot::Integer(Err(Error::InvalidArgument)),
            _ => Slot::Bad,
        };
    })?;
    let [token, random, seq] = slots;
    let text = |s: Slot<'a>| -> Result<Option<Text<'a>>, Error> {
        match s {
            Slot::Absent => Ok(None),
            Slot::Text(t) => Ok(Some(Text::Cbor(t))),
            _ => Err(Error::InvalidCbor),
        }
    };
    Ok(Found {
        token: text(token)?.ok_or(Error::MissingField)?,
        random: text(random)?,
        seq: match seq {
            Slot::Absent => None,
            Slot::Integer(v) => Some(v?),
            _ => return Err(Error::InvalidCbor),
        },
    })
}

/// Parses a 2.05 payload into `out` (on failure `out` holds a partial result: use a fresh
/// one and drop it). A missing or empty `token` is [`Error::MissingField`]; a member of the wrong
/// type or present twice is [`Error::InvalidJson`] / [`Error::InvalidCbor`]; values out of the
/// limits above are [`Error::InvalidArgument`].
pub fn parse_payload(payload: &[u8], format: Format, out: &mut Reply) -> Result<(), Error> {
    let found = match format {
        Format::Json => find_json(payload)?,
        #[cfg(feature = "coap-cbor")]
        Format::Cbor => find_cbor(payload)?,
        #[cfg(not(feature = "coap-cbor"))]
        Format::Cbor => return Err(Error::Unsupported),
    };
    // The legacy `int`, and not negative.
    out.seq_offset = found
        .seq
        .map(|v| {
            u32::try_from(v)
                .ok()
                .filter(|v| *v <= 0x7fff_ffff)
                .ok_or(Error::InvalidArgument)
        })
        .transpose()?;
    out.token_len = decode(found.token, &mut out.token)?;
    if out.token_len == 0 {
        return Err(Error::MissingField);
    }
    out.random_len = found
        .random
        .map(|r| decode(r, &mut out.random))
        .transpose()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(payload: &[u8], format: Format) -> Result<Reply, Error> {
        let mut r = Reply::default();
        parse_payload(payload, format, &mut r)?;
        Ok(r)
    }

    #[test]
    fn documented_symmetric_reply() {
        let r = parse(
            br#"{"random":"ad2b3a5eb51d64f7","seqOffset":1,"token":"MZ8m37hp01w1SSqoDFzo0010500d00.ad2b"}"#,
            Format::Json,
        )
        .unwrap();
        assert_eq!(r.token(), b"MZ8m37hp01w1SSqoDFzo0010500d00.ad2b");
        assert_eq!(r.random(), Some(&b"ad2b3a5eb51d64f7"[..]));
        assert_eq!(r.seq_offset, Some(1));
        let r = parse(br#"{"token":"a\u0041\/"}"#, Format::Json).unwrap();
        assert_eq!(r.token(), b"aA/");
        assert_eq!(r.random(), None);
        assert_eq!(r.seq_offset, None);
    }

    #[cfg(feature = "coap-cbor")]
    #[test]
    fn cbor_reply() {
        // {"token": "ab", "seqOffset": 7, "random": "r", "x": [1]}
        let m = [
            0xa4, 0x65, b't', b'o', b'k', b'e', b'n', 0x62, b'a', b'b', 0x69, b's', b'e', b'q',
            b'O', b'f', b'f', b's', b'e', b't', 0x07, 0x66, b'r', b'a', b'n', b'd', b'o', b'm',
            0x61, b'r', 0x61, b'x', 0x81, 0x01,
        ];
        let r = parse(&m, Format::Cbor).unwrap();
        assert_eq!(r.token(), b"ab");
        assert_eq!(r.random(), Some(&b"r"[..]));
        assert_eq!(r.seq_offset, Some(7));
        // {"token": "ab"}: no random, no seqOffset (the non-symmetric reply).
        let r = parse(
            &[0xa1, 0x65, b't', b'o', b'k', b'e', b'n', 0x62, b'a', b'b'],
            Format::Cbor,
        )
        .unwrap();
        assert_eq!(r.token(), b"ab");
        assert_eq!(r.random(), None);
        assert_eq!(r.seq_offset, None);
        let p = |b: &[u8]| parse(b, Format::Cbor).map(|_| ());
        // seqOffset -1, a text seqOffset, a token twice, no token.
        assert_eq!(
            p(&[
                0xa2, 0x65, b't', b'o', b'k', b'e', b'n', 0x61, b'a', 0x69, b's', b'e', b'q', b'O',
                b'f', b'f', b's', b'e', b't', 0x20
            ]),
            Err(Error::InvalidArgument)
        );
        assert_eq!(
            p(&[
                0xa2, 0x65, b't', b'o', b'k', b'e', b'n', 0x61, b'a', 0x69, b's', b'e', b'q', b'O',
                b'f', b'f', b's', b'e', b't', 0x61, b'1'
            ]),
            Err(Error::InvalidCbor)
        );
        assert_eq!(
            p(&[
                0xa2, 0x65, b't', b'o', b'k', b'e', b'n', 0x61, b'a', 0x65, b't', b'o', b'k', b'e',
                b'n', 0x61, b'b'
            ]),
            Err(Error::InvalidCbor)
        );
        assert_eq!(p(&[0xa0]), Err(Error::MissingField));
    }

    #[test]
    fn refusals() {
        let p = |s: &[u8]| parse(s, Format::Json).map(|_| ());
        assert_eq!(p(br#"{"random":"r"}"#), Err(Error::MissingField));
        assert_eq!(p(br#"{"token":""}"#), Err(Error::MissingField));
        assert_eq!(p(br#"{"token":"a b"}"#), Err(Error::InvalidArgument));
        assert_eq!(p(br#"{"token":"a\u0000"}"#), Err(Error::InvalidArgument));
        assert_eq!(p(br#"{"token":1}"#), Err(Error::InvalidJson));
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
        assert_eq!(
            p(br#"{"token":"t","seqOffset":1.5}"#),
            Err(Error::InvalidJson)
        );
        assert_eq!(p(br#"{"token":"t","token":"u"}"#), Err(Error::InvalidJson));
        assert_eq!(
            p(br#"{"tok\u0065n":"t","token":"u"}"#),
            Err(Error::InvalidJson)
        );
        assert_eq!(
            p(br#"{"token":"t","random":"012345678901234567890123456789012"}"#),
            Err(Error::InvalidArgument)
        );
        assert!(p(br#"{"token":"t","random":"01234567890123456789012345678901"}"#).is_ok());
        assert!(p(b" { \"token\" : \"x\" } ").is_ok());
        let long = std::format!(r#"{{"token":"{}"}}"#, "t".repeat(TOKEN_MAX));
        assert!(p(long.as_bytes()).is_ok());
        let long = std::format!(r#"{{"token":"{}"}}"#, "t".repeat(TOKEN_MAX + 1));
        assert_eq!(p(long.as_bytes()), Err(Error::InvalidArgument));
    }
}
