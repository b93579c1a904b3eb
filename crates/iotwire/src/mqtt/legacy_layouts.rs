//! The client-id parameter lists, as data. Each layout is the exact sequence of `k=v` items
//! between the two `|` of an MQTT client id, in the order the documentation or the legacy SDK
//! writes them. [`super::client_id`] walks these tables; nothing else decides parameter order.

/// One `k=v` item of a client id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// A fixed `k=v` text.
    Lit(&'static [u8]),
    /// `securemode=<n>`
    SecureMode,
    /// `signmethod=<name>`
    SignMethod,
    /// `timestamp=<ms>`, only when a timestamp is set.
    OptTimestamp,
    /// `random=<r>`
    Random,
    /// `authType=register|regnwl`
    AuthType,
    /// `instanceId=<id>`, only when an instance id is set.
    OptInstanceId,
    /// The caller's extra `k=v[,k=v]`, only when set.
    Extras,
}

use Item::*;

/// Documented form: `securemode, signmethod, timestamp, extras`.
pub const DOC: &[Item] = &[SecureMode, SignMethod, OptTimestamp, Extras];
/// Documented ID² form (`authtype` spelled as the SDKs send it; the page's `authype` is a typo).
pub const DOC_ID2: &[Item] = &[
    SecureMode,
    SignMethod,
    OptTimestamp,
    Lit(b"authtype=id2"),
    OptInstanceId,
    Extras,
];
/// Documented dynamic registration.
pub const DOC_DYNREG: &[Item] = &[
    SecureMode,
    AuthType,
    Random,
    SignMethod,
    OptInstanceId,
    Extras,
];
/// Documented connect with a regnwl device token.
pub const DOC_CONNWL: &[Item] = &[SecureMode, Lit(b"authType=connwl"), Extras];

const TS: Item = Lit(b"timestamp=2524608000000");
const SHA256: Item = Lit(b"signmethod=hmacsha256");

/// iotkit-embedded 3.2.0 with `MQTT_AUTO_SUBSCRIBE`.
pub const V320_SS: &[Item] = &[
    TS,
    Lit(b"_v=sdk-c-3.2.0"),
    SecureMode,
    SHA256,
    Lit(b"lan=C"),
    Lit(b"_ss=1"),
    Lit(b"gw=0"),
    Lit(b"ext=0"),
    Extras,
];
/// iotkit-embedded 3.2.0 without `MQTT_AUTO_SUBSCRIBE`.
pub const V320: &[Item] = &[
    TS,
    Lit(b"_v=sdk-c-3.2.0"),
    SecureMode,
    SHA256,
    Lit(b"lan=C"),
    Lit(b"gw=0"),
    Lit(b"ext=0"),
    Extras,
];
/// iotkit-embedded 3.1.0 with `MQTT_AUTO_SUBSCRIBE`.
pub const V310_SS: &[Item] = &[
    TS,
    Lit(b"_v=sdk-c-3.1.0"),
    SecureMode,
    SHA256,
    Lit(b"lan=C"),
    Lit(b"_ss=1"),
    Lit(b"gw=0"),
    Lit(b"ext=0"),
    Extras,
];
/// iotkit-embedded 3.1.0 without `MQTT_AUTO_SUBSCRIBE`.
pub const V310: &[Item] = &[
    TS,
    Lit(b"_v=sdk-c-3.1.0"),
    SecureMode,
    SHA256,
    Lit(b"lan=C"),
    Lit(b"gw=0"),
    Lit(b"ext=0"),
    Extras,
];
/// iotkit-embedded 3.0.1 (no `_ss` option exists).
pub const V301: &[Item] = &[
    TS,
    Lit(b"_v=sdk-c-3.0.1"),
    SecureMode,
    SHA256,
    Lit(b"lan=C"),
    Lit(b"gw=0"),
    Lit(b"ext=0"),
    Extras,
];
/// The doc bundle `sign_mqtt.c`.
pub const BUNDLE: &[Item] = &[
    TS,
    Lit(b"_v=sdk-c-3.0.1.1"),
    SecureMode,
    SHA256,
    Lit(b"lan=C"),
    Lit(b"gw=0"),
    Lit(b"ext=0"),
    Extras,
];
/// The doc bundle with `SUPPORT_ITLS`.
pub const BUNDLE_ITLS: &[Item] = &[
    TS,
    Lit(b"_v=sdk-c-3.0.1.1"),
    SecureMode,
    SHA256,
    Lit(b"lan=C"),
    Lit(b"gw=0"),
    Lit(b"ext=0"),
    Lit(b"authtype=id2"),
    Extras,
];
/// iotkit-embedded 2.3.0 guider (`MQTT_DIRECT`).
pub const V230: &[Item] = &[
    SecureMode,
    Lit(b"_v=sdk-c-2.3.0"),
    TS,
    Lit(b"signmethod=hmacsha1"),
    Lit(b"lan=C"),
    Lit(b"gw=0"),
    Lit(b"ext=0"),
    Extras,
];
/// iotkit-embedded 2.3.0 with `SUPPORT_ITLS`.
pub const V230_ITLS: &[Item] = &[
    SecureMode,
    Lit(b"_v=sdk-c-2.3.0"),
    TS,
    Lit(b"signmethod=hmacsha1"),
    Lit(b"lan=C"),
    Lit(b"gw=0"),
    Lit(b"ext=0"),
    Lit(b"authtype=id2"),
    Extras,
];
/// LinkSDK 4.1.0 `core_auth.c`; the SDK's runtime `_conn=...` item goes in the extras.
pub const LINKSDK41: &[Item] = &[
    TS,
    Lit(b"_ss=1"),
    Lit(b"_v=sdk-c-4.1.0"),
    SecureMode,
    SHA256,
    Lit(b"ext=3"),
    Extras,
];
/// iotkit-embedded 3.2.0 MQTT dynamic registration.
pub const V320_DYNREG: &[Item] = &[
    Lit(b"authType=register"),
    Random,
    SHA256,
    SecureMode,
    Extras,
];
/// LinkSDK 4.2.0 dynreg-mqtt.
pub const LINKSDK42_DYNREG: &[Item] =
    &[Random, AuthType, SecureMode, SHA256, OptInstanceId, Extras];
/// LinkSDK 4.2.0 connect with a regnwl device token.
pub const LINKSDK42_CONNWL: &[Item] = &[
    Lit(b"authType=connwl"),
    SecureMode,
    Lit(b"_ss=1"),
    Lit(b"ext=3"),
    Lit(b"_v=sdk-c-4.2.0"),
    Extras,
];
