//! EnOS (Envision) device access: the DTLS-PSK of the EnOS CoAP server, the MQTT credentials of
//! the EnOS C device SDK, and the CoAP activation exchange that fetches a DeviceSecret.
//!
//! Where each byte comes from:
//! - [`device`] — the inputs and the naming rules every output relies on.
//! - [`psk`] — identity `{pk},{dk},{secureMode},{lifetime}` and key SHA-256(secret)[8..24].
//! - [`mqtt`] — `pk.dk|securemode=2,signmethod=sha256,timestamp=…|`, `dk&pk`, and the
//!   upper-case hex of the plain SHA-256 of content ‖ DeviceSecret (not an HMAC).
//! - [`activate`] — the reply of `GET /topic/ext/session/{pk}/{dk}/thing/activate/info`.

pub mod activate;
pub mod device;
pub mod mqtt;
pub mod psk;
