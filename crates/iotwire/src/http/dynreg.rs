//! `POST /auth/register/device`: 一型一密 registration over HTTPS (pre-registered devices).
//!
//! sign = upper-case hex HMAC(ProductSecret, `deviceName<dn>productKey<pk>random<r>`); body
//! `productKey=..&deviceName=..&random=..&sign=..&signMethod=..` (v3.2.0 `dynreg.c`, LinkSDK
//! `aiot_dynreg_api.c`, shared/docs/legacy-c-sdk.md §4). The random comes from the caller and
//! must be fresh for every request: v3.2.0's constant `8Ygb7ULYh53B6OA` made the signature
//! replayable.

use crate::Error;
use crate::hex::{HexCase, put_hex};
use crate::http::Profile;
use crate::http::head::{self, Endpoint, region_id};
use crate::http::names;
use crate::mac::{AnyMethod, Digest, MacSet, Message, SignMethod};
use crate::mqtt::validate;
use crate::sink::{Counter, Sink};

/// v3.2.0's `IOTX_PRODUCT_SECRET_LEN`.
const LEGACY_SECRET_MAX: usize = 64;

/// Inputs of the registration request.
#[derive(Clone, Copy, Debug)]
pub struct DynregParams<'a> {
    /// Wire form (v3.2.0: hmacsha256 only, legacy name limits, empty secret accepted).
    pub profile: Profile,
    /// `None` for hmacsha256.
    pub sign_method: Option<SignMethod>,
    /// Region (`iot-auth.<region>.aliyuncs.com`) or instance host.
    pub endpoint: Endpoint<'a>,
    /// Accept legacy names (only lengths and body-safe bytes checked).
    pub lax_names: bool,
    /// ProductKey.
    pub product_key: &'a [u8],
    /// DeviceName (pre-registered).
    pub device_name: &'a [u8],
    /// ProductSecret.
    pub product_secret: &'a [u8],
    /// Fresh random: 1..=64 of `[A-Za-z0-9_-]`.
    pub random: &'a [u8],
}

/// Validated registration inputs.
#[derive(Clone, Copy, Debug)]
pub struct Dynreg<'a> {
    p: DynregParams<'a>,
    method: SignMethod,
}

impl<'a> Dynreg<'a> {
    /// Checks every input and resolves the defaults.
    pub fn resolve(p: &DynregParams<'a>) -> Result<Self, Error> {
        let legacy = p.profile == Profile::V320;
        names::product_key(p.product_key, p.lax_names || legacy)?;
        names::device_name(p.device_name, p.lax_names || legacy)?;
        if p.random.is_empty() {
            return Err(Error::MissingField);
        }
        validate::token(p.random)?;
        validate::secret(p.product_secret)?;
        if legacy && p.product_secret.len() > LEGACY_SECRET_MAX {
            return Err(Error::InvalidArgument);
        }
        if !legacy && p.product_secret.is_empty() {
            return Err(Error::MissingField);
        }
        let method = match (p.profile, p.sign_method) {
            (_, None) => SignMethod::HmacSha256,
            (Profile::Doc, Some(m)) => m,
            (Profile::V320, Some(SignMethod::HmacSha256)) => SignMethod::HmacSha256,
            (Profile::V320, Some(_)) => return Err(Error::InvalidSelector),
        };
        if let Endpoint::Host(h) = p.endpoint {
            validate::host(h)?;
        }
        Ok(Dynreg { p: *p, method })
    }

    /// Length of the sign's hex text.
    pub fn sign_len(&self) -> usize {
        self.method.mac_len().saturating_mul(2)
    }

    /// The bytes the sign covers.
    pub fn write_sign_content<S: Sink + ?Sized>(&self, s: &mut S) -> Result<(), Error> {
        s.put(b"deviceName")?;
        s.put(self.p.device_name)?;
        s.put(b"productKey")?;
        s.put(self.p.product_key)?;
        s.put(b"random")?;
        s.put(self.p.random)
    }

    /// HMAC(ProductSecret, sign content), into `out`.
    pub fn mac(&self, out: &mut Digest) -> Result<(), Error> {
        AnyMethod::compute(self.method, self.p.product_secret, &mut Content(self), out)
    }

    /// Writes the sign as upper-case hex.
    pub fn write_sign<S: Sink>(&self, mac: &[u8], s: &mut S) -> Result<(), Error> {
        if mac.len() != self.method.mac_len() {
            return Err(Error::InvalidMacLength);
        }
        put_hex(s, mac, HexCase::Upper)
    }

    /// The form body; `sign` is the hex text of [`Dynreg::write_sign`].
    pub fn write_body<S: Sink + ?Sized>(&self, sign: &[u8], s: &mut S) -> Result<(), Error> {
        s.put(b"productKey=")?;
        s.put(self.p.product_key)?;
        s.put(b"&deviceName=")?;
        s.put(self.p.device_name)?;
        s.put(b"&random=")?;
        s.put(self.p.random)?;
        s.put(b"&sign=")?;
        s.put(sign)?;
        s.put(b"&signMethod=")?;
        s.put(self.method.name())
    }

    /// The complete request, with v3.2.0's (and LinkSDK's) `Accept` and `Content-Type`.
    pub fn write_request<S: Sink + ?Sized>(&self, sign: &[u8], s: &mut S) -> Result<(), Error> {
        let mut n = Counter::new();
        self.write_body(sign, &mut n)?;
        head::request_line(s, &[b"/auth/register/device"])?;
        s.put(b"Host: ")?;
        match self.p.endpoint {
            Endpoint::Region(r) => {
                s.put(b"iot-auth.")?;
                s.put(region_id(r))?;
                s.put(b".aliyuncs.com\r\n")?;
            }
            Endpoint::Host(h) => head::header(s, b"", h)?,
        }
        head::header(
            s,
            b"Accept: ",
            b"text/xml,text/javascript,text/html,application/json",
        )?;
        head::header(s, b"Content-Type: ", b"application/x-www-form-urlencoded")?;
        head::content_length_and_end(s, n.len())?;
        self.write_body(sign, s)
    }
}

struct Content<'r, 'a>(&'r Dynreg<'a>);

impl Message for Content<'_, '_> {
    fn write_to<S: Sink + ?Sized>(&mut self, sink: &mut S) -> Result<(), Error> {
        self.0.write_sign_content(sink)
    }
}
