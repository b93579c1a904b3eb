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
use crate::http::response::Checker;
use crate::json::{Object, RawStr, parse_object};
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
    fn key(self) -> &'static [u8] {
        match self {
            Field::DeviceSecret => b"deviceSecret",
            Field::ClientId => b"clientId",
            Field::DeviceToken => b"deviceToken",
            Field::ProductKey => b"productKey",
            Field::DeviceName => b"deviceName",
        }
    }

    fn check(self, s: &RawStr<'_>) -> Result<(), Error> {
        let dn = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'@' | b'.' | b':' | b'-');
        match self {
            Field::DeviceSecret => Checker::new(64, |c| c.is_ascii_graphic()).check(s),
            Field::ClientId => Checker::new(validate::CLIENT_ID_MAX, |c| {
                c.is_ascii_graphic() && c != b'|'
            })
            .check(s),
            Field::DeviceToken => {
                Checker::new(validate::DEVICE_TOKEN_MAX, |c| c.is_ascii_graphic()).check(s)
            }
            Field::ProductKey => {
                Checker::new(validate::PRODUCT_KEY_MAX, |c| c.is_ascii_alphanumeric()).check(s)
            }
            Field::DeviceName => Checker::new(validate::DEVICE_NAME_MAX, dn).check(s),
        }
    }
}

impl Kind {
    fn required(self) -> &'static [Field] {
        match self {
            Kind::ExtRegister | Kind::HttpsRegister => &[Field::DeviceSecret],
            Kind::ExtRegnwl => &[Field::ClientId, Field::DeviceToken],
            Kind::Identity => &[Field::ProductKey, Field::DeviceName],
        }
    }
}

fn field_of<'a>(o: &Object<'a>, f: Field) -> Result<RawStr<'a>, Error> {
    let s = o.string(f.key())?;
    f.check(&s)?;
    Ok(s)
}

/// Validates the reply and returns `field` (escapes not yet decoded; decode with
/// [`RawStr::write_to`]). A field the reply does not carry is [`Error::MissingField`].
pub fn field(payload: &[u8], kind: Kind, field: Field) -> Result<RawStr<'_>, Error> {
    let top = parse_object(payload)?;
    let o = if kind == Kind::HttpsRegister {
        if top.integer(b"code")? != 200 {
            return Err(Error::DynregRejected);
        }
        top.object(b"data")?
    } else {
        top
    };
    for &f in kind.required() {
        field_of(&o, f)?;
    }
    field_of(&o, field)
}
