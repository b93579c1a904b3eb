//! The replies that deliver registration results and identities:
//!
//! | reply | where | fields |
//! |---|---|---|
//! | `/ext/register` | MQTT, authType=register | `deviceSecret` (+ `productKey`, `deviceName`) |
//! | `/ext/regnwl` | MQTT, authType=regnwl | `clientId`, `deviceToken` (+ names) |
//! | `/ext/auth/identity/response` | MQTT, X.509 first connect | `productKey`, `deviceName` |
//! | `/auth/register/device` | HTTPS | `code` 200, `data.deviceSecret` (+ names) |
//!
//! A reply is accepted only if every field it must carry is present and valid, whichever
//! field is asked for; lengths are bounded (the legacy handlers trusted the server's and
//! overflowed), and nothing is copied anywhere but into the caller's output.

use crate::Error;
use crate::http::rules::{ALNUM, Class, GRAPHIC, NAME, NO_PIPE, check_text};
use crate::json::reader::{integer_text, object_text, parse_lookup, string_text};
use crate::json::{Lookup, RawStr};
use crate::mqtt::validate;

/// Which reply the payload is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `/ext/register`.
    ExtRegister,
    /// `/ext/regnwl`.
    ExtRegnwl,
    /// `/ext/auth/identity/response`.
    Identity,
    /// The HTTPS `/auth/register/device` reply body.
    HttpsRegister,
}

/// A field of a reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// `deviceSecret`: 1..=64 printable ASCII.
    DeviceSecret,
    /// `clientId`: 1..=64 printable ASCII without `|`.
    ClientId,
    /// `deviceToken`: 1..=256 printable ASCII.
    DeviceToken,
    /// `productKey`: 1..=20 letters and digits.
    ProductKey,
    /// `deviceName`: 1..=32 of `[A-Za-z0-9_@.:-]`.
    DeviceName,
}

impl Field {
    /// Key, longest length and class of the field.
    fn spec(self) -> (&'static [u8], usize, Class) {
        match self {
            Field::DeviceSecret => (b"deviceSecret", 64, GRAPHIC),
            Field::ClientId => (b"clientId", validate::CLIENT_ID_MAX, NO_PIPE),
            Field::DeviceToken => (b"deviceToken", validate::DEVICE_TOKEN_MAX, GRAPHIC),
            Field::ProductKey => (b"productKey", validate::PRODUCT_KEY_MAX, ALNUM),
            Field::DeviceName => (b"deviceName", validate::DEVICE_NAME_MAX, NAME),
        }
    }
}

impl Kind {
    /// The fields the reply must carry, whichever is asked for.
    fn required(self) -> [Field; 2] {
        match self {
            Kind::ExtRegister | Kind::HttpsRegister => [Field::DeviceSecret; 2],
            Kind::ExtRegnwl => [Field::ClientId, Field::DeviceToken],
            Kind::Identity => [Field::ProductKey, Field::DeviceName],
        }
    }
}

/// Validates the reply and returns `field` (escapes not yet decoded; decode with
/// [`RawStr::write_to`]). A field the reply does not carry is [`Error::MissingField`].
///
/// One walk finds the required fields and the asked one; they are then checked in that
/// order (a required field listed twice is checked twice, at no cost in flash).
pub fn field(payload: &[u8], kind: Kind, field: Field) -> Result<RawStr<'_>, Error> {
    let [a, b] = kind.required();
    let fields = [a, b, field];
    let mut keys: [&[u8]; 3] = [&[]; 3];
    for (key, f) in keys.iter_mut().zip(fields) {
        *key = f.spec().0;
    }
    let mut found = [Ok(None); 3];
    if kind == Kind::HttpsRegister {
        let mut top = [Ok(None); 2];
        parse_lookup(payload, &[b"code", b"data"], &mut top)?;
        let [code, data] = top;
        if integer_text(code?.ok_or(Error::MissingField)?)? != 200 {
            return Err(Error::DynregRejected);
        }
        let data = object_text(data?.ok_or(Error::MissingField)?).ok_or(Error::InvalidJson)?;
        parse_lookup(data.text(), &keys, &mut found)?;
    } else {
        parse_lookup(payload, &keys, &mut found)?;
    }
    let [va, vb, v] = found;
    checked(a, va)?;
    checked(b, vb)?;
    checked(field, v)
}

/// The looked-up `f` as a string within its length and class.
fn checked(f: Field, found: Lookup<'_>) -> Result<RawStr<'_>, Error> {
    let (_, max, class) = f.spec();
    let s = string_text(found?.ok_or(Error::MissingField)?).ok_or(Error::InvalidJson)?;
    check_text(&s, max, class)?;
    Ok(s)
}
