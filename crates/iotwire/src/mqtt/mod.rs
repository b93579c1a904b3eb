//! MQTT CONNECT credentials for the Alibaba Cloud IoT Platform: client id, username, password,
//! host and port in every documented connect mode, plus the legacy SDK variants.
//!
//! Where each byte comes from:
//! - [`params`] — the inputs and their validation; [`plan`] resolves defaults and modes.
//! - [`client_id`] — `clientId|k=v,...|`.
//! - [`password`] — the sign content and the password (one-shot or from an external MAC).
//! - [`endpoint`] — host, port and WebSocket URL.
//! - [`tls_psk`] — the TLS-PSK identity and key.
//! - [`layouts`] — the client-id parameter lists (documentation and legacy SDKs), as
//!   [`template`] strings.
//! - [`iot_sign`] — `IOT_Sign_MQTT` of any legacy SDK through the plan (field limits, error
//!   order, return codes; [`legacy_out`] holds what the legacy paths share).
//! - [`iotkit3`] — `IOT_Sign_MQTT` and `_sign_get_clientid` of the iotkit-embedded 3.x
//!   family (and the exported `IOT_Sign_MQTT`) on their own small writer.

pub mod client_id;
pub mod endpoint;
#[cfg(feature = "legacy-sign")]
pub mod iot_sign;
#[cfg(feature = "legacy-v3")]
pub mod iotkit3;
pub mod layouts;
#[cfg(feature = "legacy-v3")]
pub mod legacy_out;
#[cfg(feature = "legacy-profiles")]
pub mod legacy_plan;
pub mod params;
pub mod password;
pub mod plan;
pub mod region;
pub mod template;
pub mod tls_psk;
pub mod validate;

/// The constant timestamp every legacy C SDK puts in client ids and sign contents
/// (2050-01-01T00:00:00Z in milliseconds).
pub const LEGACY_TIMESTAMP: &[u8] = b"2524608000000";
