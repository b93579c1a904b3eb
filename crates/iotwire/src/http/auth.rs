//! `POST /auth`: the device authenticates and receives a token for `POST /topic/...`.
//!
//! sign = HMAC(DeviceSecret, `clientId<id>deviceName<dn>productKey<pk>[timestamp<ts>]`): every
//! parameter except version, sign and signmethod, in alphabetical order, values appended
//! without separators. The documented body (seed 004) and the v3.2.0 one
//! (iotkit-embedded `src/http/iotx_http_api.c`) differ in one space, the hex case and the
//! `Connection: Keep-Alive` header: the space and the header are sections of the same
//! templates, present when the v3.2.0 slot is set.

use crate::Error;
use crate::http::Profile;
use crate::http::dynreg::Endpoint;
use crate::http::signed::{self, Kind, Params, SignedRequest};
use crate::mac::SignMethod;
use crate::mqtt::region::Region;

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

/// The public HTTPS endpoint (cn-shanghai), `Host` of auth and publish.
pub const HTTP_HOST: &[u8] = b"iot-as-http.cn-shanghai.aliyuncs.com";

/// `clientId<id>deviceName<dn>productKey<pk>[timestamp<ts>]`
pub(crate) const SIGN_CONTENT: &[u8] =
    b"clientId\x89\xd9\x8c.\x8b\xffdeviceName\x8bproductKey\x8c\xcdtimestamp\x8d\xff";
/// `{"version":"default",[ ]"clientId":..,"signmethod":..,"sign":..,"productKey":..,
/// "deviceName":..[,"timestamp":..]}`
pub(crate) const BODY_TEMPLATE: &[u8] =
    b"{\"version\":\"default\",\xc5 \xff\"clientId\":\"\x89\xd9\x8c.\x8b\xff\",\
\"signmethod\":\"\x8e\",\"sign\":\"\x80\",\"productKey\":\"\x8c\",\"deviceName\":\"\x8b\
\xcd\",\"timestamp\":\"\x8d\xff\"}";

/// Checks every input (in a fixed order, so the same inputs always give the same error) and
/// resolves the defaults; nothing is computed yet. See [`signed::resolve`].
pub fn resolve<'a>(p: &AuthParams<'a>) -> Result<SignedRequest<'a>, Error> {
    signed::resolve(&Params {
        kind: Kind::Auth,
        profile: p.profile,
        sign_method: p.sign_method,
        endpoint: match p.host {
            Some(h) => Endpoint::Host(h),
            None => Endpoint::Region(Region::Shanghai),
        },
        lax_names: p.lax_names,
        product_key: p.product_key,
        device_name: p.device_name,
        secret: p.device_secret,
        id: p.client_id,
        timestamp: p.timestamp,
    })
}
