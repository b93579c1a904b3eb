//! The EnOS activation exchange (seed: EnOS "CoAP连接通信", 一型一密): after the DTLS handshake
//! with the ProductSecret PSK, the device sends
//! `GET /topic/ext/session/{productKey}/{deviceKey}/thing/activate/info` and the 2.05 reply
//! carries
//!
//! ```json
//! {"id": …, "version": "1.0", "method": "thing.activate.info",
//!  "params": {"assetId": …, "productKey": …, "deviceKey": …, "deviceSecret": …}}
//! ```
//!
//! The reply is network input: every field is checked before any byte of it is copied out.
//! `deviceSecret` and `assetId` are required, 1..=64 printable ASCII characters after JSON
//! unescaping (no NUL, controls or spaces that would cut or pad a C string); `id` is optional,
//! a string of the same kind or an integer. `productKey`/`deviceKey`, when present, must name
//! the device that asked; `method`, when present, must be `thing.activate.info`; a `code`
//! member (EnOS replies elsewhere carry one) must be 200.

use crate::Error;
use crate::coap::decode::Message;
use crate::coap::encode::Encoder;
use crate::coap::header::{Code, Header, MessageType, Token};
use crate::coap::options::{CONTENT_FORMAT, URI_PATH, uint_value};
use crate::coap::reply_text::{self, optional_string};
use crate::coap::response::code_status;
use crate::enos::device::{self, Device};
use crate::json::reader::{integer_text, parse_lookup, string_text};
use crate::json::{Lookup, RawStr, integer_of, object_of};
use crate::sink::{Sink, Text};
use zeroize::Zeroize;

/// Longest DeviceSecret accepted (`IOTX_DEVICE_SECRET_LEN` of the EnOS C SDK).
pub const DEVICE_SECRET_MAX: usize = 64;
/// Longest assetId accepted.
pub const ASSET_ID_MAX: usize = 64;
/// Longest message id accepted (string, or the decimal text of an integer).
pub const ID_MAX: usize = 64;
/// The Uri-Path segments before `{pk}/{dk}`.
pub const PATH_HEAD: [&[u8]; 3] = [b"topic", b"ext", b"session"];
/// The Uri-Path segments after `{pk}/{dk}`.
pub const PATH_TAIL: [&[u8]; 3] = [b"thing", b"activate", b"info"];
/// The `method` of the reply.
pub const METHOD: &[u8] = b"thing.activate.info";

/// CoAP Content-Format `application/json`.
const CONTENT_FORMAT_JSON: u64 = 50;

/// Writes the request datagram: CON GET, the caller's message id and token, one Uri-Path
/// option per segment of `/topic/ext/session/{pk}/{dk}/thing/activate/info`, nothing else
/// (the seed names no query, Content-Format or Accept, and the DTLS-PSK session is the
/// authentication: no auth token option).
pub fn write_request(
    d: &Device<'_>,
    message_id: u16,
    token: &Token,
    sink: &mut dyn Text,
) -> Result<(), Error> {
    d.check_names()?;
    let header = Header {
        message_type: MessageType::Confirmable,
        code: Code::GET,
        message_id,
    };
    let mut e = Encoder::new(sink, usize::MAX, Error::Overflow, &header, token);
    for segment in PATH_HEAD {
        e.option(URI_PATH, segment);
    }
    e.option(URI_PATH, d.product_key);
    e.option(URI_PATH, d.device_key);
    for segment in PATH_TAIL {
        e.option(URI_PATH, segment);
    }
    e.finish()
}

/// Decodes the reply datagram and checks it (see the module docs). A documented error code
/// (4.01, 4.04, ...) gives its CoAP status; any other non-2.05 answer, including an empty ACK
/// (a separate response follows: parse that one), is [`Error::ActivationRefused`]. A
/// Content-Format other than JSON (50) is [`Error::InvalidJson`]. Names in `expect` are
/// checked with the naming rules when given.
pub fn parse_datagram(datagram: &[u8], expect: &Device<'_>, out: &mut Reply) -> Result<(), Error> {
    if !expect.product_key.is_empty() {
        device::product_key(expect.product_key)?;
    }
    if !expect.device_key.is_empty() {
        device::device_key(expect.device_key)?;
    }
    let m = Message::parse(datagram)?;
    code_status(m.header.message_type, m.header.code)?;
    if m.header.code != Code::CONTENT {
        return Err(Error::ActivationRefused);
    }
    if let Some(format) = m.first_option(CONTENT_FORMAT)
        && uint_value(format) != Some(CONTENT_FORMAT_JSON)
    {
        return Err(Error::InvalidJson);
    }
    parse(m.payload, expect, out)
}

/// Which reply field to copy out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// `params.deviceSecret`
    DeviceSecret,
    /// `params.assetId`
    AssetId,
    /// `id`
    Id,
}

/// A checked activation reply with its three texts decoded (JSON escapes resolved). Wiped when
/// dropped: it holds the DeviceSecret.
pub struct Reply {
    device_secret: [u8; DEVICE_SECRET_MAX],
    device_secret_len: usize,
    asset_id: [u8; ASSET_ID_MAX],
    asset_id_len: usize,
    id: [u8; ID_MAX],
    id_len: Option<usize>,
}

impl Default for Reply {
    fn default() -> Self {
        Reply {
            device_secret: [0; DEVICE_SECRET_MAX],
            device_secret_len: 0,
            asset_id: [0; ASSET_ID_MAX],
            asset_id_len: 0,
            id: [0; ID_MAX],
            id_len: None,
        }
    }
}

impl Drop for Reply {
    fn drop(&mut self) {
        self.device_secret.zeroize();
    }
}

/// The root members read, in the order they are checked.
const ROOT: [&[u8]; 4] = [b"code", b"method", b"params", b"id"];
/// The `params` members read.
const PARAMS: [&[u8]; 4] = [b"productKey", b"deviceKey", b"deviceSecret", b"assetId"];

/// A string member that must be there ([`Error::MissingField`] if absent).
fn required(found: Lookup<'_>) -> Result<RawStr<'_>, Error> {
    optional_string(found)?.ok_or(Error::MissingField)
}

/// Decodes a required text into `buf`: 1..=`buf.len()` printable ASCII characters without
/// space, else [`Error::InvalidReplyField`].
fn checked_text(s: RawStr<'_>, buf: &mut [u8]) -> Result<usize, Error> {
    match reply_text::decode(s, buf, true) {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(Error::InvalidReplyField),
    }
}

/// Parses and checks the reply payload into `out` (use a fresh one: on failure it may hold
/// part of a reply). Non-empty names in `expect` must match the reply's
/// `productKey`/`deviceKey` when the reply has them.
pub fn parse(payload: &[u8], expect: &Device<'_>, out: &mut Reply) -> Result<(), Error> {
    // The walk that validates the payload also finds the root members.
    let mut top = [Ok(None); 4];
    parse_lookup(payload, &ROOT, &mut top)?;
    let [code, method, params, id] = top;
    if !matches!(code, Ok(None)) && integer_of(code)? != 200 {
        return Err(Error::ActivationRefused);
    }
    if let Some(method) = optional_string(method)?
        && !method.equals(METHOD)
    {
        return Err(Error::InvalidReplyField);
    }
    let params = object_of(params)?;
    let mut found = [Ok(None); 4];
    params.lookup(&PARAMS, &mut found)?;
    let [product_key, device_key, device_secret, asset_id] = found;
    for (got, want) in [
        (product_key, expect.product_key),
        (device_key, expect.device_key),
    ] {
        if let Some(got) = optional_string(got)?
            && !want.is_empty()
            && !got.equals(want)
        {
            return Err(Error::DeviceMismatch);
        }
    }
    out.device_secret_len = checked_text(required(device_secret)?, &mut out.device_secret)?;
    out.asset_id_len = checked_text(required(asset_id)?, &mut out.asset_id)?;
    out.id_len = match id? {
        None => None,
        Some(text) => match string_text(text) {
            Some(s) => Some(checked_text(s, &mut out.id)?),
            // Any other value must be an integer (its text is then digits and a sign).
            None => {
                let integer = text.iter().all(|&c| c.is_ascii_digit() || c == b'-');
                if !integer || integer_text(text).is_err() {
                    return Err(Error::InvalidJson);
                }
                Some(reply_text::copy(text, &mut out.id, true).map_err(|_| Error::InvalidJson)?)
            }
        },
    };
    Ok(())
}

impl Reply {
    /// True when the reply has the field (`id` is optional).
    pub fn has(&self, field: Field) -> bool {
        field != Field::Id || self.id_len.is_some()
    }

    /// A field's decoded text; a missing `id` is empty (see [`Reply::has`]).
    pub fn field(&self, field: Field) -> &[u8] {
        let (buf, len): (&[u8], usize) = match field {
            Field::DeviceSecret => (&self.device_secret, self.device_secret_len),
            Field::AssetId => (&self.asset_id, self.asset_id_len),
            Field::Id => (&self.id, self.id_len.unwrap_or(0)),
        };
        buf.get(..len).unwrap_or_default()
    }

    /// Writes a field's decoded text; a missing `id` is [`Error::MissingField`].
    pub fn write<S: Sink + ?Sized>(&self, field: Field, s: &mut S) -> Result<(), Error> {
        if !self.has(field) {
            return Err(Error::MissingField);
        }
        s.put(self.field(field))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enos::device::SecureMode;
    use crate::sink::SliceWriter;

    fn any() -> Device<'static> {
        Device {
            product_key: b"",
            device_key: b"",
            device_secret: b"",
            product_secret: b"",
            secure_mode: SecureMode::ProductSecret,
            lifetime_s: 0,
            host: b"",
            plaintext_mqtt: false,
            port: None,
        }
    }

    fn parsed(payload: &[u8], d: &Device<'_>) -> Result<Reply, Error> {
        let mut r = Reply::default();
        parse(payload, d, &mut r)?;
        Ok(r)
    }

    fn field(payload: &[u8], f: Field) -> Result<std::string::String, Error> {
        let r = parsed(payload, &any())?;
        let mut buf = [0u8; 128];
        let mut w = SliceWriter::new(&mut buf);
        r.write(f, &mut w)?;
        Ok(std::string::String::from_utf8(w.written().to_vec()).unwrap())
    }

    const SEED: &[u8] = br#"{"id":"42","version":"1.0","method":"thing.activate.info","params":{"assetId":"a1b2","productKey":"pk","deviceKey":"dk","deviceSecret":"s3cr\u0065t"}}"#;

    #[test]
    fn seed_shape() {
        assert_eq!(field(SEED, Field::DeviceSecret).unwrap(), "s3cret");
        assert_eq!(field(SEED, Field::AssetId).unwrap(), "a1b2");
        assert_eq!(field(SEED, Field::Id).unwrap(), "42");
        let numeric = br#"{"id":7,"params":{"assetId":"a","deviceSecret":"s"}}"#;
        assert_eq!(field(numeric, Field::Id).unwrap(), "7");
        let no_id = br#"{"params":{"assetId":"a","deviceSecret":"s"}}"#;
        assert_eq!(field(no_id, Field::Id), Err(Error::MissingField));
    }

    #[test]
    fn refusals() {
        let long = std::format!(
            r#"{{"params":{{"assetId":"a","deviceSecret":"{}"}}}}"#,
            "x".repeat(65)
        );
        assert_eq!(
            parsed(long.as_bytes(), &any()).err(),
            Some(Error::InvalidReplyField)
        );
        for (payload, err) in [
            (&br#"{"params":{"assetId":"a"}}"#[..], Error::MissingField),
            (
                br#"{"params":{"assetId":"a","deviceSecret":""}}"#,
                Error::InvalidReplyField,
            ),
            (
                br#"{"params":{"assetId":"a","deviceSecret":"a\u0000b"}}"#,
                Error::InvalidReplyField,
            ),
            (
                br#"{"params":{"assetId":"a","deviceSecret":"a b"}}"#,
                Error::InvalidReplyField,
            ),
            (
                br#"{"params":{"assetId":"a","deviceSecret":1}}"#,
                Error::InvalidJson,
            ),
            (
                br#"{"code":404,"params":{"assetId":"a","deviceSecret":"s"}}"#,
                Error::ActivationRefused,
            ),
            (
                br#"{"method":"x","params":{"assetId":"a","deviceSecret":"s"}}"#,
                Error::InvalidReplyField,
            ),
            (
                br#"{"id":1.5,"params":{"assetId":"a","deviceSecret":"s"}}"#,
                Error::InvalidJson,
            ),
            (
                br#"{"params":{"assetId":"a","deviceSecret":"s","deviceSecret":"t"}}"#,
                Error::InvalidJson,
            ),
            (br#"{"params":"x"}"#, Error::InvalidJson),
        ] {
            assert_eq!(
                parsed(payload, &any()).err(),
                Some(err),
                "{}",
                std::str::from_utf8(payload).unwrap()
            );
        }
    }

    #[test]
    fn device_must_match_when_named() {
        let mut d = any();
        d.product_key = b"pk";
        d.device_key = b"other";
        assert_eq!(parsed(SEED, &d).err(), Some(Error::DeviceMismatch));
        d.device_key = b"dk";
        assert!(parsed(SEED, &d).is_ok());
    }

    #[test]
    fn integer_id_may_be_negative_but_must_fit_i64() {
        let negative = br#"{"id":-7,"params":{"assetId":"a","deviceSecret":"s"}}"#;
        assert_eq!(field(negative, Field::Id).unwrap(), "-7");
        let min = br#"{"id":-9223372036854775808,"params":{"assetId":"a","deviceSecret":"s"}}"#;
        assert_eq!(field(min, Field::Id).unwrap(), "-9223372036854775808");
        // Digits only, so only the i64 range refuses these (valid JSON numbers all).
        for id in [
            "9223372036854775808",
            "-9223372036854775809",
            "99999999999999999999",
        ] {
            let payload =
                std::format!(r#"{{"id":{id},"params":{{"assetId":"a","deviceSecret":"s"}}}}"#);
            assert_eq!(
                parsed(payload.as_bytes(), &any()).err(),
                Some(Error::InvalidJson),
                "{id}"
            );
        }
    }
}
