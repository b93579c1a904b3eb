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
use crate::coap::response::code_status;
use crate::enos::device::{self, Device};
use crate::json::{Object, RawStr, Value, parse_object};
use crate::sink::{Limited, Sink, Text};

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
pub fn parse_datagram<'a>(datagram: &'a [u8], expect: &Device<'_>) -> Result<Reply<'a>, Error> {
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
    parse(m.payload, expect)
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

/// The message id: a string or an integer's text.
#[derive(Clone, Copy, Debug)]
enum Id<'a> {
    Text(RawStr<'a>),
    Number(&'a [u8]),
}

/// A checked activation reply, borrowed from the payload.
#[derive(Clone, Copy, Debug)]
pub struct Reply<'a> {
    device_secret: RawStr<'a>,
    asset_id: RawStr<'a>,
    id: Option<Id<'a>>,
}

/// Decoded length within `1..=max`, every byte printable ASCII without space.
fn checked_text(s: RawStr<'_>, max: usize) -> Result<RawStr<'_>, Error> {
    struct Printable;
    impl Sink for Printable {
        fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
            if bytes.iter().all(u8::is_ascii_graphic) {
                Ok(())
            } else {
                Err(Error::InvalidReplyField)
            }
        }
    }
    let mut printable = Printable;
    let mut check = Limited::new(&mut printable, max, Error::InvalidReplyField);
    s.write_to(&mut check)?;
    if s.raw().is_empty() {
        return Err(Error::InvalidReplyField);
    }
    Ok(s)
}

fn optional_string<'a>(o: &Object<'a>, key: &[u8]) -> Result<Option<RawStr<'a>>, Error> {
    match o.get(key)? {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(Error::InvalidJson),
    }
}

/// The id member: absent, a checked string, or an integer of at most [`ID_MAX`] characters.
fn id<'a>(o: &Object<'a>) -> Result<Option<Id<'a>>, Error> {
    match o.get(b"id")? {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(Id::Text(checked_text(s, ID_MAX)?))),
        Some(v @ Value::Number(text)) => {
            let integer = text.iter().all(|&c| c.is_ascii_digit() || c == b'-');
            if !integer || v.as_integer().is_err() {
                return Err(Error::InvalidJson);
            }
            Ok(Some(Id::Number(text)))
        }
        Some(_) => Err(Error::InvalidJson),
    }
}

/// Parses and checks the reply payload. Non-empty names in `expect` must match the reply's
/// `productKey`/`deviceKey` when the reply has them.
pub fn parse<'a>(payload: &'a [u8], expect: &Device<'_>) -> Result<Reply<'a>, Error> {
    let root = parse_object(payload)?;
    if let Some(code) = root.get(b"code")?
        && code.as_integer()? != 200
    {
        return Err(Error::ActivationRefused);
    }
    if let Some(method) = optional_string(&root, b"method")?
        && !method.equals(METHOD)
    {
        return Err(Error::InvalidReplyField);
    }
    let params = root.object(b"params")?;
    for (key, want) in [
        (&b"productKey"[..], expect.product_key),
        (b"deviceKey", expect.device_key),
    ] {
        if let Some(got) = optional_string(&params, key)?
            && !want.is_empty()
            && !got.equals(want)
        {
            return Err(Error::DeviceMismatch);
        }
    }
    Ok(Reply {
        device_secret: checked_text(params.string(b"deviceSecret")?, DEVICE_SECRET_MAX)?,
        asset_id: checked_text(params.string(b"assetId")?, ASSET_ID_MAX)?,
        id: id(&root)?,
    })
}

impl Reply<'_> {
    /// True when the reply has the field (`id` is optional).
    pub fn has(&self, field: Field) -> bool {
        field != Field::Id || self.id.is_some()
    }

    /// Writes a field's decoded text; a missing `id` is [`Error::MissingField`].
    pub fn write<S: Sink + ?Sized>(&self, field: Field, s: &mut S) -> Result<(), Error> {
        match field {
            Field::DeviceSecret => self.device_secret.write_to(s),
            Field::AssetId => self.asset_id.write_to(s),
            Field::Id => match self.id {
                Some(Id::Text(t)) => t.write_to(s),
                Some(Id::Number(n)) => s.put(n),
                None => Err(Error::MissingField),
            },
        }
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

    fn field(payload: &[u8], f: Field) -> Result<std::string::String, Error> {
        let r = parse(payload, &any())?;
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
            parse(long.as_bytes(), &any()).err(),
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
                parse(payload, &any()).err(),
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
        assert_eq!(parse(SEED, &d).err(), Some(Error::DeviceMismatch));
        d.device_key = b"dk";
        assert!(parse(SEED, &d).is_ok());
    }
}
