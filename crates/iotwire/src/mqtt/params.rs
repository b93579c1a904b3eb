//! The inputs of every MQTT credential builder, as borrowed byte strings.

use crate::mac::SignMethod;
use crate::mqtt::region::Region;

/// How the device authenticates on CONNECT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// 一机一密: ProductKey, DeviceName and DeviceSecret (HMAC password).
    DeviceSecret,
    /// X.509 client certificate: `securemode=2`, empty password, x509 endpoint.
    X509,
    /// ID² / iTLS: `securemode=8`, `authtype=id2`.
    Id2,
    /// 一型一密 pre-registered dynamic registration (`authType=register`), signed with the
    /// ProductSecret; the reply on `/ext/register` carries the DeviceSecret.
    Register,
    /// 一型一密 without pre-registration (`authType=regnwl`); the reply on `/ext/regnwl`
    /// carries a client id and a device token.
    RegisterNoWhitelist,
    /// Connect with the regnwl result: `securemode=-2,authType=connwl`, password = token.
    Connwl,
}

impl Mode {
    /// True for the two dynamic-registration connects.
    pub fn is_dynreg(self) -> bool {
        matches!(self, Mode::Register | Mode::RegisterNoWhitelist)
    }
}

/// Where the device connects: a public region, or a host given verbatim (instance endpoints,
/// private deployments, the legacy "custom" region).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endpoint<'a> {
    /// `<ProductKey>.iot-as-mqtt.<region>.aliyuncs.com`
    Region(Region),
    /// Used as given.
    Host(&'a [u8]),
}

/// Which legacy C SDK's exact bytes to reproduce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegacySdk {
    /// iotkit-embedded 3.2.0
    V320,
    /// iotkit-embedded 3.1.0
    V310,
    /// iotkit-embedded 3.0.1
    V301,
    /// The standalone `sign_mqtt.c` bundle (`_v=sdk-c-3.0.1.1`)
    Bundle,
    /// iotkit-embedded 2.3.0 (guider, HMAC-SHA1)
    V230,
    /// LinkSDK 4.1.0 `core_auth.c`
    LinkSdk41,
    /// LinkSDK 4.2.0 dynamic registration (`dn.pk` client ids)
    LinkSdk42,
}

/// A legacy SDK plus the build switches that changed its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LegacyProfile {
    /// The SDK.
    pub sdk: LegacySdk,
    /// `SUPPORT_TLS` (securemode 2, and port 443 where it mattered).
    pub tls: bool,
    /// `MQTT_AUTO_SUBSCRIBE` (`_ss=1` in v3.1/v3.2).
    pub auto_subscribe: bool,
    /// `MQTT_PRE_AUTH` (securemode -1 in v3.0.1 and the bundle).
    pub pre_auth: bool,
    /// `SUPPORT_ITLS` (securemode 8 + `authtype=id2` in the bundle and v2.3.0).
    pub itls: bool,
}

impl LegacyProfile {
    /// The profile with no build switch set.
    pub fn plain(sdk: LegacySdk) -> Self {
        LegacyProfile {
            sdk,
            tls: false,
            auto_subscribe: false,
            pre_auth: false,
            itls: false,
        }
    }
}

/// Everything a credential may depend on. Empty byte strings mean "not given".
#[derive(Clone, Copy, Debug)]
pub struct Params<'a> {
    /// Connect mode.
    pub mode: Mode,
    /// Region or verbatim host.
    pub endpoint: Endpoint<'a>,
    /// `None`: the mode's or profile's default.
    pub sign_method: Option<SignMethod>,
    /// `None`: the mode's or profile's default.
    pub secure_mode: Option<i32>,
    /// Opt-in for plaintext TCP (securemode 3, `ws://`).
    pub allow_plaintext: bool,
    /// Accept legacy names (no DeviceName charset/min-length check).
    pub lax_names: bool,
    /// `None`: the mode's default port.
    pub port: Option<u16>,
    /// Checked against 30..=1200 s when given (not for dynamic registration).
    pub keepalive_s: Option<u32>,
    /// Reproduce a legacy SDK instead of the documented form.
    pub legacy: Option<LegacyProfile>,
    /// ProductKey.
    pub product_key: &'a [u8],
    /// DeviceName.
    pub device_name: &'a [u8],
    /// DeviceSecret (device-secret, X.509 unused, ID² optional).
    pub device_secret: &'a [u8],
    /// ProductSecret (dynamic registration).
    pub product_secret: &'a [u8],
    /// Client id (the part before `|`); default `<pk>.<dn>`.
    pub client_id: &'a [u8],
    /// Milliseconds, decimal; optional.
    pub timestamp: &'a [u8],
    /// Instance id (ID², dynamic registration on an instance).
    pub instance_id: &'a [u8],
    /// Caller-supplied random (dynamic registration); never a constant.
    pub random: &'a [u8],
    /// Device token from regnwl (connwl password).
    pub device_token: &'a [u8],
    /// Extra `k=v[,k=v]` appended to the client-id parameters.
    pub extra_params: &'a [u8],
}

impl Default for Params<'_> {
    fn default() -> Self {
        Params {
            mode: Mode::DeviceSecret,
            endpoint: Endpoint::Region(Region::Shanghai),
            sign_method: None,
            secure_mode: None,
            allow_plaintext: false,
            lax_names: false,
            port: None,
            keepalive_s: None,
            legacy: None,
            product_key: b"",
            device_name: b"",
            device_secret: b"",
            product_secret: b"",
            client_id: b"",
            timestamp: b"",
            instance_id: b"",
            random: b"",
            device_token: b"",
            extra_params: b"",
        }
    }
}
