//! CONNACK return codes (MQTT 3.1.1 section 3.2.2.3) as errors. During dynamic registration
//! the platform gives 2 and 4 their own meanings (seed 003, 7.1.3): 2 = a parameter is missing
//! or malformed, or the connection is plain TCP; 3 = cloud error, retry later (the same advice
//! as "server unavailable"); 4 = the registration signature was refused.

use crate::Error;

/// Return codes 0..=5; others are reserved.
pub const RETURN_CODE_MAX: u8 = 5;

/// `Ok` for 0 ("accepted"), the refusal for 1..=5, [`Error::MqttMalformed`] for reserved
/// values. `dynreg`: the CONNECT was a dynamic-registration one (authType register/regnwl).
pub fn check(return_code: u8, dynreg: bool) -> Result<(), Error> {
    match (return_code, dynreg) {
        (0, _) => Ok(()),
        (1, _) => Err(Error::ConnackProtocolVersion),
        (2, false) => Err(Error::ConnackIdentifierRejected),
        (2, true) => Err(Error::DynregInvalidParams),
        (3, _) => Err(Error::ConnackServerUnavailable),
        (4, false) => Err(Error::ConnackBadCredentials),
        (4, true) => Err(Error::DynregAuthFailed),
        (5, _) => Err(Error::ConnackNotAuthorized),
        _ => Err(Error::MqttMalformed),
    }
}
