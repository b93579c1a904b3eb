//! `POST /auth`: the device authenticates and receives a token for `POST /topic/...`.
//!
//! sign = HMAC(DeviceSecret, `clientId<id>deviceName<dn>productKey<pk>[timestamp<ts>]`): every
//! parameter except version, sign and signmethod, in alphabetical order, values appended
//! without separators. The documented body (seed 004) and the v3.2.0 one
//! (`iotx_http_api.c`, shared/docs/legacy-c-sdk.md §3) differ in one space, the hex case and the
//! `Connection: Keep-Alive` header.

use crate::Error;
use crate::hex::{HexCase, put_hex};
use crate::http::Profile;
use crate::http::head::{self, HTTP_HOST};
use crate::http::names;
use crate::mac::{AnyMethod, Digest, MacSet, Message, SignMethod};
use crate::mqtt::validate;
use crate::sink::{Counter, Sink};

/// Inputs of the auth request, as the caller gave them.
#[derive(Clone, Copy, Debug)]
pub struct AuthParams<'a> {
    /// Wire form.
    pub profile: Profile,
    /// `None` for the default (hmacsha1: the documented example and v3.2.0 both use it).
    pub sign_method: Option<SignMethod>,
    /// Instance endpoint; `None` for the public cn-shanghai one.
    pub host: Option<&'a [u8]>,
    /// Accept legacy names (only lengths and body-safe bytes checked); implied by v3.2.0.
    pub lax_names: bool,
    /// ProductKey.
    pub product_key: &'a [u8],
    /// DeviceName.
    pub device_name: &'a [u8],
    /// DeviceSecret (may be empty only with v3.2.0, which signed with an empty key).
    pub device_secret: &'a [u8],
    /// Client id; empty for `<pk>.<dn>` (v3.2.0's `device_id`).
    pub client_id: &'a [u8],
    /// Milliseconds since the epoch, decimal; empty to leave the timestamp out.
    pub timestamp: &'a [u8],
}

/// Validated inputs with the defaults resolved.
#[derive(Clone, Copy, Debug)]
pub struct Auth<'a> {
    p: AuthParams<'a>,
    method: SignMethod,
    host: &'a [u8],
}

impl<'a> Auth<'a> {
    /// Checks every input and resolves the defaults; nothing is computed yet.
    pub fn resolve(p: &AuthParams<'a>) -> Result<Self, Error> {
        let lax = p.lax_names || p.profile == Profile::V320;
        names::product_key(p.product_key, lax)?;
        names::device_name(p.device_name, lax)?;
        if !p.client_id.is_empty() {
            names::client_id(p.client_id)?;
        }
        if !p.timestamp.is_empty() {
            validate::timestamp(p.timestamp)?;
        }
        validate::secret(p.device_secret)?;
        if p.device_secret.is_empty() && p.profile == Profile::Doc {
            return Err(Error::MissingField);
        }
        let method = match (p.profile, p.sign_method) {
            (_, None) | (_, Some(SignMethod::HmacSha1)) => SignMethod::HmacSha1,
            (Profile::Doc, Some(SignMethod::HmacMd5)) => SignMethod::HmacMd5,
            // The platform documents hmacmd5 and hmacsha1 only; v3.2.0 always sent hmacsha1.
            _ => return Err(Error::InvalidSelector),
        };
        let host = match p.host {
            Some(h) => {
                validate::host(h)?;
                h
            }
            None => HTTP_HOST,
        };
        Ok(Auth {
            p: *p,
            method,
            host,
        })
    }

    /// The sign method in effect.
    pub fn method(&self) -> SignMethod {
        self.method
    }

    /// Hex case of the sign: v3.2.0's `utils_hmac_sha1` wrote lower case; the documented
    /// example is upper case (the platform compares case-insensitively).
    pub fn sign_case(&self) -> HexCase {
        match self.p.profile {
            Profile::Doc => HexCase::Upper,
            Profile::V320 => HexCase::Lower,
        }
    }

    /// Length of the sign's hex text.
    pub fn sign_len(&self) -> usize {
        self.method.mac_len().saturating_mul(2)
    }

    fn put_client_id<S: Sink + ?Sized>(&self, s: &mut S) -> Result<(), Error> {
        if self.p.client_id.is_empty() {
            s.put(self.p.product_key)?;
            s.put(b".")?;
            s.put(self.p.device_name)
        } else {
            s.put(self.p.client_id)
        }
    }

    /// The bytes the sign covers.
    pub fn write_sign_content<S: Sink + ?Sized>(&self, s: &mut S) -> Result<(), Error> {
        s.put(b"clientId")?;
        self.put_client_id(s)?;
        s.put(b"deviceName")?;
        s.put(self.p.device_name)?;
        s.put(b"productKey")?;
        s.put(self.p.product_key)?;
        if !self.p.timestamp.is_empty() {
            s.put(b"timestamp")?;
            s.put(self.p.timestamp)?;
        }
        Ok(())
    }

    /// HMAC(DeviceSecret, sign content), into `out`.
    pub fn mac(&self, out: &mut Digest) -> Result<(), Error> {
        AnyMethod::compute(self.method, self.p.device_secret, &mut Content(self), out)
    }

    /// Writes the sign as hex text (the case of [`Auth::sign_case`]).
    pub fn write_sign<S: Sink>(&self, mac: &[u8], s: &mut S) -> Result<(), Error> {
        if mac.len() != self.method.mac_len() {
            return Err(Error::InvalidMacLength);
        }
        put_hex(s, mac, self.sign_case())
    }

    /// The JSON body; `sign` is the hex text from [`Auth::write_sign`].
    pub fn write_body<S: Sink + ?Sized>(&self, sign: &[u8], s: &mut S) -> Result<(), Error> {
        s.put(match self.p.profile {
            Profile::Doc => b"{\"version\":\"default\",\"clientId\":\"",
            Profile::V320 => b"{\"version\":\"default\", \"clientId\":\"",
        })?;
        self.put_client_id(s)?;
        s.put(b"\",\"signmethod\":\"")?;
        s.put(self.method.name())?;
        s.put(b"\",\"sign\":\"")?;
        s.put(sign)?;
        s.put(b"\",\"productKey\":\"")?;
        s.put(self.p.product_key)?;
        s.put(b"\",\"deviceName\":\"")?;
        s.put(self.p.device_name)?;
        if !self.p.timestamp.is_empty() {
            s.put(b"\",\"timestamp\":\"")?;
            s.put(self.p.timestamp)?;
        }
        s.put(b"\"}")
    }

    /// The complete request: head (`Host`, `Content-Type`, `Content-Length`; v3.2.0 also
    /// `Connection: Keep-Alive`, in its order) and body.
    pub fn write_request<S: Sink + ?Sized>(&self, sign: &[u8], s: &mut S) -> Result<(), Error> {
        let mut n = Counter::new();
        self.write_body(sign, &mut n)?;
        head::request_line(s, &[b"/auth"])?;
        head::header(s, b"Host: ", self.host)?;
        if self.p.profile == Profile::V320 {
            head::header(s, b"Connection: ", b"Keep-Alive")?;
        }
        head::header(s, b"Content-Type: ", b"application/json")?;
        head::content_length_and_end(s, n.len())?;
        self.write_body(sign, s)
    }
}

/// The sign content as a MAC message.
struct Content<'r, 'a>(&'r Auth<'a>);

impl Message for Content<'_, '_> {
    fn write_to<S: Sink + ?Sized>(&mut self, sink: &mut S) -> Result<(), Error> {
        self.0.write_sign_content(sink)
    }
}
