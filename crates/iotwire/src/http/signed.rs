//! What `POST /auth` and `POST /auth/register/device` share: a sign over a content, and a
//! body and a request that carry the sign. The C ABI emits any part of either through one
//! function (`ffi::http::emit_signed_part`).

use crate::Error;
use crate::http::auth::Auth;
use crate::http::dynreg::Dynreg;
use crate::mac::Digest;
use crate::sink::Sink;

/// A request whose body carries an HMAC of its sign content.
pub trait SignedRequest {
    /// The bytes the sign covers.
    fn write_sign_content<S: Sink + ?Sized>(&self, s: &mut S) -> Result<(), Error>;
    /// The MAC over the sign content, into `out`.
    fn mac(&self, out: &mut Digest) -> Result<(), Error>;
    /// The MAC as the hex text the body carries.
    fn write_sign<S: Sink>(&self, mac: &[u8], s: &mut S) -> Result<(), Error>;
    /// The body, given the sign text.
    fn write_body<S: Sink + ?Sized>(&self, sign: &[u8], s: &mut S) -> Result<(), Error>;
    /// The complete request (head and body), given the sign text.
    fn write_request<S: Sink + ?Sized>(&self, sign: &[u8], s: &mut S) -> Result<(), Error>;
}

macro_rules! signed_request {
    ($t:ty) => {
        impl SignedRequest for $t {
            fn write_sign_content<S: Sink + ?Sized>(&self, s: &mut S) -> Result<(), Error> {
                <$t>::write_sign_content(self, s)
            }
            fn mac(&self, out: &mut Digest) -> Result<(), Error> {
                <$t>::mac(self, out)
            }
            fn write_sign<S: Sink>(&self, mac: &[u8], s: &mut S) -> Result<(), Error> {
                <$t>::write_sign(self, mac, s)
            }
            fn write_body<S: Sink + ?Sized>(&self, sign: &[u8], s: &mut S) -> Result<(), Error> {
                <$t>::write_body(self, sign, s)
            }
            fn write_request<S: Sink + ?Sized>(&self, sign: &[u8], s: &mut S) -> Result<(), Error> {
                <$t>::write_request(self, sign, s)
            }
        }
    };
}

signed_request!(Auth<'_>);
signed_request!(Dynreg<'_>);
