//! `POST /auth/register/device`: 一型一密 registration over HTTPS (pre-registered devices).
//!
//! sign = upper-case hex HMAC(ProductSecret, `deviceName<dn>productKey<pk>random<r>`); body
//! `productKey=..&deviceName=..&random=..&sign=..&signMethod=..` (v3.2.0 `dynreg.c`, LinkSDK
//! `aiot_dynreg_api.c`). The random comes from the caller and
//! must be fresh for every request: v3.2.0's constant `8Ygb7ULYh53B6OA` made the signature
//! replayable.

use crate::Error;
use crate::http::Profile;
use crate::http::signed::{self, Kind, Params, SignedRequest};
use crate::mac::SignMethod;
use crate::mqtt::region::Region;

/// `deviceName<dn>productKey<pk>random<r>`
pub(crate) const SIGN_CONTENT: &[u8] = b"deviceName\x8bproductKey\x8crandom\x89";
/// `productKey=..&deviceName=..&random=..&sign=..&signMethod=..`
pub(crate) const BODY_TEMPLATE: &[u8] =
    b"productKey=\x8c&deviceName=\x8b&random=\x89&sign=\x80&signMethod=\x8e";

/// Where a request goes: a public region or a host used verbatim (instance endpoints).
#[derive(Clone, Copy, Debug)]
pub enum Endpoint<'a> {
    /// A public region.
    Region(Region),
    /// A caller-given host (validated).
    Host(&'a [u8]),
}

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

/// Checks every input (in a fixed order) and resolves the defaults. See
/// [`signed::resolve`].
pub fn resolve<'a>(p: &DynregParams<'a>) -> Result<SignedRequest<'a>, Error> {
    signed::resolve(&Params {
        kind: Kind::Dynreg,
        profile: p.profile,
        sign_method: p.sign_method,
        endpoint: p.endpoint,
        lax_names: p.lax_names,
        product_key: p.product_key,
        device_name: p.device_name,
        secret: p.product_secret,
        id: p.random,
        timestamp: &[],
    })
}
