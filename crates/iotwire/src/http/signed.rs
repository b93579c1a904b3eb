//! What `POST /auth` and `POST /auth/register/device` share: a sign over a content, and a
//! body and a request that carry the sign. Both are one [`SignedRequest`] with different
//! templates and slots, so one code path writes every part of either.

use crate::Error;
use crate::hex::HexCase;
use crate::http::auth::{self, HTTP_HOST};
use crate::http::dynreg::{self, Endpoint};
use crate::http::rules::{BODY, DIGIT, NO_PIPE, TOKEN, check};
use crate::http::template::{self as t, HEAD, Slots};
use crate::http::{Profile, names};
use crate::mac::{SignMethod, mac_text};
use crate::mqtt::validate::TOKEN_MAX;
use crate::sink::{Counter, Text, format_unsigned};
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
// Inlined into its caller (the C ABI has one for both requests): the parameters are then
// checked where they were gathered instead of being copied into a call (-76 B on M4F).
#[inline(always)]
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
    if let Endpoint::Host(h) = p.endpoint {
        names::host(h)?;
    }
    Ok(SignedRequest {
        p: *p,
        method,
        form: if is_auth { &AUTH } else { &DYNREG },
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

/// What tells the two requests apart besides their inputs.
#[derive(Debug)]
struct Form {
    path: &'static [u8],
    extra: &'static [u8],
    content_type: &'static [u8],
    sign_content: &'static [u8],
    body: &'static [u8],
}

static AUTH: Form = Form {
    path: b"/auth",
    extra: b"",
    content_type: b"json",
    sign_content: auth::SIGN_CONTENT,
    body: auth::BODY_TEMPLATE,
};

static DYNREG: Form = Form {
    path: b"/auth/register/device",
    // v3.2.0's (and LinkSDK's) headers.
    extra: b"Accept: text/xml,text/javascript,text/html,application/json\r\n",
    content_type: b"x-www-form-urlencoded",
    sign_content: dynreg::SIGN_CONTENT,
    body: dynreg::BODY_TEMPLATE,
};

/// A validated request whose body carries an HMAC of its sign content.
#[derive(Clone, Copy, Debug)]
pub struct SignedRequest<'a> {
    p: Params<'a>,
    method: SignMethod,
    form: &'static Form,
}

impl Slots for SignedRequest<'_> {
    fn slot(&self, k: usize) -> &[u8] {
        let p = &self.p;
        let is_auth = p.kind == Kind::Auth;
        match (k, p.endpoint) {
            (t::PATH, _) => self.form.path,
            (t::HOST, Endpoint::Host(h)) => h,
            (t::HOST, Endpoint::Region(_)) if is_auth => HTTP_HOST,
            (t::REGION, Endpoint::Region(r)) if !is_auth => r.name(),
            (t::V320, _) if is_auth && p.profile == Profile::V320 => b"1",
            (t::EXTRA, _) => self.form.extra,
            (t::CONTENT_TYPE, _) => self.form.content_type,
            (t::ID, _) => p.id,
            (t::DEVICE_NAME, _) => p.device_name,
            (t::PRODUCT_KEY, _) => p.product_key,
            (t::TIMESTAMP, _) => p.timestamp,
            (t::METHOD, _) => self.method.name(),
            _ => b"",
        }
    }
}

/// The sign's hex text in a buffer wiped on drop.
pub struct SignHex {
    buf: [u8; 64],
    len: usize,
}

impl Default for SignHex {
    fn default() -> Self {
        Self::new()
    }
}

impl SignHex {
    /// An empty sign.
    pub fn new() -> Self {
        SignHex {
            buf: [0; 64],
            len: 0,
        }
    }

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

    /// Letter case of the sign's hex digits: v3.2.0's `utils_hmac_sha1` wrote lower case;
    /// the documented auth example and every registration sign are upper case (the platform
    /// compares case-insensitively).
    pub fn sign_case(&self) -> HexCase {
        if self.p.kind == Kind::Auth && self.p.profile == Profile::V320 {
            HexCase::Lower
        } else {
            HexCase::Upper
        }
    }

    /// HMAC(secret, sign content) into the first [`SignMethod::mac_len`] bytes of `out`: the
    /// sign content is written straight into the keyed hash ([`mac_text`]), never buffered.
    pub fn mac_into(&self, out: &mut [u8; 32]) -> Result<(), Error> {
        let content = |t: &mut dyn Text| t::fill(self.form.sign_content, self, &[], t);
        mac_text(self.method, self.p.secret, &content, out)
    }

    /// Computes the MAC and its hex text (the only secret-derived bytes a part carries) in
    /// the caller's [`SignHex`], so no copy of it is left behind by a move; the MAC itself is
    /// wiped here.
    pub fn sign_into(&self, out: &mut SignHex) -> Result<(), Error> {
        let mut mac = [0u8; 32];
        let result = self.mac_into(&mut mac);
        if result.is_ok() {
            // Digits by arithmetic ('0' + n, plus the distance to 'A' or 'a' for n > 9), straight
            // into the buffer: a loop this short is smaller than going through a text writer.
            let letters: u8 = match self.sign_case() {
                HexCase::Upper => b'A' - b'0' - 10,
                HexCase::Lower => b'a' - b'0' - 10,
            };
            let digit = |n: u8| {
                let n = n & 0x0f;
                b'0'.wrapping_add(n)
                    .wrapping_add(u8::from(n > 9).wrapping_mul(letters))
            };
            let mac = mac.get(..self.method.mac_len()).unwrap_or_default();
            for (pair, &b) in out.buf.as_chunks_mut::<2>().0.iter_mut().zip(mac) {
                *pair = [digit(b >> 4), digit(b)];
            }
            // A MAC has at most 32 bytes: all of it fits the 64-byte buffer.
            out.len = mac.len().saturating_mul(2);
        }
        mac.zeroize();
        result
    }

    /// Writes `part`; `sign` is the text of [`SignedRequest::sign_into`] (not read for the
    /// sign content).
    pub fn write(&self, part: Part, sign: &[u8], s: &mut dyn Text) {
        let body = self.form.body;
        match part {
            Part::SignContent => t::fill(self.form.sign_content, self, sign, s),
            Part::Sign => s.put(sign),
            Part::Body => t::fill(body, self, sign, s),
            Part::Request => {
                let mut n = Counter::new();
                t::fill(body, self, sign, &mut n);
                write_head(self, n.len(), s);
                t::fill(body, self, sign, s);
            }
        }
    }
}

/// The request head of `slots` with `Content-Length: <length>` (bodies are bounded far below
/// 4 GB: the inputs are length-checked, a publish payload is at most 128 KB).
pub(crate) fn write_head(slots: &dyn Slots, length: usize, s: &mut dyn Text) {
    let mut digits = [0u8; 11];
    let length = u32::try_from(length).unwrap_or(u32::MAX);
    t::fill(HEAD, slots, format_unsigned(length, &mut digits), s);
}

#[cfg(test)]
mod secret_limit_tests {
    use super::*;
    use crate::mqtt::region::Region;

    fn resolve_with(kind: Kind, profile: Profile, secret: &[u8]) -> Result<(), Error> {
        resolve(&Params {
            kind,
            profile,
            sign_method: None,
            endpoint: Endpoint::Region(Region::Shanghai),
            lax_names: false,
            product_key: b"a1X2bEnP82z",
            device_name: b"example1",
            secret,
            id: if kind == Kind::Auth { b"" } else { b"r4nd0m" },
            timestamp: b"",
        })
        .map(|_| ())
    }

    /// v3.2.0 kept at most 64 bytes of a ProductSecret (registration only); its auth, and
    /// both documented requests, take up to the general 256.
    #[test]
    fn only_v320_registration_caps_the_secret_at_64() {
        let s = [b's'; 65];
        assert_eq!(resolve_with(Kind::Dynreg, Profile::V320, &s[..64]), Ok(()));
        assert_eq!(
            resolve_with(Kind::Dynreg, Profile::V320, &s),
            Err(Error::InvalidArgument)
        );
        assert_eq!(resolve_with(Kind::Auth, Profile::V320, &s), Ok(()));
        assert_eq!(resolve_with(Kind::Dynreg, Profile::Doc, &s), Ok(()));
        assert_eq!(resolve_with(Kind::Auth, Profile::Doc, &s), Ok(()));
    }
}
