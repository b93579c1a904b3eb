//! What `POST /auth` and `POST /auth/register/device` share: a sign over a content, and a
//! body and a request that carry the sign. Both are one [`SignedRequest`] with different
//! templates and slots, so one code path writes every part of either.

use crate::Error;
use crate::hex::{HexCase, put_hex};
use crate::http::auth::{self, HTTP_HOST};
use crate::http::dynreg::{self, Endpoint};
use crate::http::rules::{BODY, DIGIT, NO_PIPE, TOKEN, check};
use crate::http::template::{self as t, HEAD, Slots};
use crate::http::{Profile, names};
use crate::mac::{AnyMethod, Digest, MacSet, Message, SignMethod};
use crate::mqtt::validate::TOKEN_MAX;
use crate::sink::{Counter, Sink, SliceWriter, format_decimal};
use zeroize::Zeroize;

/// Which signed request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `POST /auth` ([`auth`]).
    Auth,
    /// `POST /auth/register/device` ([`dynreg`]).
    Dynreg,
}

/// The inputs of either signed request ([`auth::AuthParams`], [`dynreg::DynregParams`]).
#[derive(Clone, Copy, Debug)]
pub struct Params<'a> {
    /// Which request.
    pub kind: Kind,
    /// Wire form.
    pub profile: Profile,
    /// `None` for the request's default (auth hmacsha1, registration hmacsha256).
    pub sign_method: Option<SignMethod>,
    /// A host, or a region: auth accepts only cn-shanghai (its public endpoint), registration
    /// goes to `iot-auth.<region>.aliyuncs.com`.
    pub endpoint: Endpoint<'a>,
    /// Accept legacy names (only lengths and body-safe bytes checked); implied by v3.2.0.
    pub lax_names: bool,
    /// ProductKey.
    pub product_key: &'a [u8],
    /// DeviceName.
    pub device_name: &'a [u8],
    /// DeviceSecret (auth) or ProductSecret (registration); may be empty only with v3.2.0.
    pub secret: &'a [u8],
    /// Auth: client id (empty for `<pk>.<dn>`); registration: the random (1..=64 of
    /// `[A-Za-z0-9_-]`).
    pub id: &'a [u8],
    /// Auth: milliseconds since the epoch, or empty; registration: empty.
    pub timestamp: &'a [u8],
}

/// v3.2.0's `IOTX_PRODUCT_SECRET_LEN` (registration).
const LEGACY_SECRET_MAX: usize = 64;

/// Checks every input in a fixed order (names, id, timestamp, secret, method, host), so the
/// same inputs always give the same error, and resolves the defaults; nothing is computed
/// yet. One function for both requests: they differ in a few rules and in their templates.
pub fn resolve<'a>(p: &Params<'a>) -> Result<SignedRequest<'a>, Error> {
    let v320 = p.profile == Profile::V320;
    let is_auth = p.kind == Kind::Auth;
    names::product_key_and_device_name(p.product_key, p.device_name, p.lax_names || v320)?;
    // Auth: an optional client id that stands unescaped in the JSON body. Registration: a
    // required random.
    let (id_class, id_error) = if is_auth {
        (NO_PIPE | BODY, Error::InvalidClientId)
    } else {
        if p.id.is_empty() {
            return Err(Error::MissingField);
        }
        (TOKEN, Error::InvalidArgument)
    };
    check(p.id, 0, TOKEN_MAX, id_class, id_error)?;
    check(p.timestamp, 0, 20, DIGIT, Error::InvalidTimestamp)?;
    // v3.2.0 signed with an empty key (and kept at most 64 bytes of a ProductSecret).
    let secret_max = if v320 && !is_auth {
        LEGACY_SECRET_MAX
    } else {
        usize::MAX
    };
    names::secret(p.secret, secret_max, !v320)?;
    // The platform documents hmacmd5 and hmacsha1 for auth (v3.2.0 sent hmacsha1), all three
    // for registration (v3.2.0 sent hmacsha256).
    let method = p.sign_method.unwrap_or(if is_auth {
        SignMethod::HmacSha1
    } else {
        SignMethod::HmacSha256
    });
    let allowed = match method {
        SignMethod::HmacSha1 => is_auth || !v320,
        SignMethod::HmacMd5 => !v320,
        SignMethod::HmacSha256 => !is_auth,
    };
    if !allowed {
        return Err(Error::InvalidSelector);
    }
    let mut slots: Slots<'a> = [&[]; 16];
    match p.endpoint {
        Endpoint::Host(h) => {
            names::host(h)?;
            slots[t::HOST] = h;
        }
        Endpoint::Region(_) if is_auth => slots[t::HOST] = HTTP_HOST,
        Endpoint::Region(r) => slots[t::REGION] = r.name(),
    }
    slots[t::ID] = p.id;
    slots[t::DEVICE_NAME] = p.device_name;
    slots[t::PRODUCT_KEY] = p.product_key;
    slots[t::TIMESTAMP] = p.timestamp;
    slots[t::METHOD] = method.name();
    let (sign_content, body, case) = if is_auth {
        slots[t::PATH] = b"/auth";
        slots[t::V320] = if v320 { b"1" } else { b"" };
        slots[t::CONTENT_TYPE] = b"json";
        // v3.2.0's `utils_hmac_sha1` wrote lower case; the documented example is upper case
        // (the platform compares case-insensitively).
        let case = if v320 { HexCase::Lower } else { HexCase::Upper };
        (auth::SIGN_CONTENT, auth::BODY_TEMPLATE, case)
    } else {
        slots[t::PATH] = b"/auth/register/device";
        // v3.2.0's (and LinkSDK's) headers.
        slots[t::EXTRA] = b"Accept: text/xml,text/javascript,text/html,application/json\r\n";
        slots[t::CONTENT_TYPE] = b"x-www-form-urlencoded";
        (dynreg::SIGN_CONTENT, dynreg::BODY_TEMPLATE, HexCase::Upper)
    };
    Ok(SignedRequest {
        slots,
        sign_content,
        body,
        method,
        key: p.secret,
        case,
    })
}

/// A part of a signed request (the C ABI's `IOTWIRE_HTTP_PART_*` numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Request line, headers, blank line and body.
    Request = 0,
    /// The body alone.
    Body = 1,
    /// The sign (hex MAC) alone.
    Sign = 2,
    /// The bytes the MAC covers (holds no secret).
    SignContent = 3,
}

/// A validated request whose body carries an HMAC of its sign content.
#[derive(Clone, Copy, Debug)]
pub struct SignedRequest<'a> {
    pub(crate) slots: Slots<'a>,
    pub(crate) sign_content: &'static [u8],
    pub(crate) body: &'static [u8],
    pub(crate) method: SignMethod,
    pub(crate) key: &'a [u8],
    pub(crate) case: HexCase,
}

/// The sign's hex text in a buffer wiped on drop.
pub struct SignHex {
    buf: [u8; 64],
    len: usize,
}

impl SignHex {
    /// The hex text.
    pub fn text(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }
}

impl Drop for SignHex {
    fn drop(&mut self) {
        self.buf.zeroize();
    }
}

impl SignedRequest<'_> {
    /// The sign method in effect.
    pub fn method(&self) -> SignMethod {
        self.method
    }

    /// Letter case of the sign's hex digits.
    pub fn sign_case(&self) -> HexCase {
        self.case
    }

    /// HMAC(secret, sign content).
    pub fn mac(&self) -> Result<Digest, Error> {
        AnyMethod::compute(self.method, self.key, &mut Content(self))
    }

    /// Writes `mac` (of the method's length) as the sign's hex text.
    pub fn write_sign(&self, mac: &[u8], s: &mut SliceWriter<'_>) -> Result<(), Error> {
        if mac.len() != self.method.mac_len() {
            return Err(Error::InvalidMacLength);
        }
        put_hex(s, mac, self.case)
    }

    /// Computes the MAC and its hex text (the only secret-derived bytes a part carries).
    pub fn sign(&self) -> Result<SignHex, Error> {
        let mut hex = SignHex {
            buf: [0; 64],
            len: 0,
        };
        let mac = self.mac()?;
        let mut w = SliceWriter::new(&mut hex.buf);
        self.write_sign(mac.as_bytes(), &mut w)?;
        hex.len = w.len();
        Ok(hex)
    }

    /// Writes `part`; `sign` is the text of [`SignedRequest::sign`] (not read for the sign
    /// content).
    pub fn write(&self, part: Part, sign: &[u8], s: &mut dyn Sink) -> Result<(), Error> {
        match part {
            Part::SignContent => t::fill(self.sign_content, &self.slots, sign, s),
            Part::Sign => s.put(sign),
            Part::Body => t::fill(self.body, &self.slots, sign, s),
            Part::Request => {
                let mut n = Counter::new();
                t::fill(self.body, &self.slots, sign, &mut n)?;
                write_head(&self.slots, n.len(), s)?;
                t::fill(self.body, &self.slots, sign, s)
            }
        }
    }
}

/// The request head of `slots` with `Content-Length: <length>`.
pub(crate) fn write_head(slots: &Slots<'_>, length: usize, s: &mut dyn Sink) -> Result<(), Error> {
    let mut digits = [0u8; 11];
    let length = i32::try_from(length).map_err(|_| Error::Overflow)?;
    t::fill(HEAD, slots, format_decimal(length, &mut digits), s)
}

/// The sign content as a MAC message.
struct Content<'r, 'a>(&'r SignedRequest<'a>);

impl Message for Content<'_, '_> {
    fn write_to<S: Sink + ?Sized>(&mut self, sink: &mut S) -> Result<(), Error> {
        let r = self.0;
        t::fill(r.sign_content, &r.slots, &[], &mut Fwd(sink))
    }
}

/// Lets a sink of any type through the one (non-generic) template writer.
struct Fwd<'s, S: ?Sized>(&'s mut S);

impl<S: Sink + ?Sized> Sink for Fwd<'_, S> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.0.put(bytes)
    }
}
