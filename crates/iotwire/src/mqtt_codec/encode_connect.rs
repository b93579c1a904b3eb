//! CONNECT (MQTT 3.1.1 section 3.1): protocol "MQTT" level 4, no will (the platform refuses
//! will messages), optional username and password; clean session unless asked otherwise.

use crate::Error;
use crate::layout::{Frame, NOTHING, Part};
use crate::mqtt_codec::field::{self, STRING_MAX};
use crate::mqtt_codec::packet_type;

/// Keepalive range the platform accepts (seconds).
pub const KEEPALIVE_MIN: u32 = 30;
/// See [`KEEPALIVE_MIN`].
pub const KEEPALIVE_MAX: u32 = 1200;

/// Connect flags (section 3.1.2.3).
pub const FLAG_CLEAN_SESSION: u8 = 0x02;
/// The password flag.
pub const FLAG_PASSWORD: u8 = 0x40;
/// The username flag.
pub const FLAG_USERNAME: u8 = 0x80;
/// Protocol name and level 4, as the variable header starts.
pub const PROTOCOL: &[u8; 7] = &[0x00, 0x04, b'M', b'Q', b'T', b'T', 0x04];

/// The fields of a CONNECT. An absent username or password leaves its flag clear.
#[derive(Clone, Copy, Debug)]
pub struct Connect<'a> {
    /// Client identifier.
    pub client_id: &'a [u8],
    /// User name, if any.
    pub username: Option<&'a [u8]>,
    /// Password, if any (needs a username, MQTT-3.1.2-22).
    pub password: Option<&'a [u8]>,
    /// Keepalive in seconds, already checked with [`keepalive`].
    pub keepalive_s: u16,
    /// Clean session flag (the documented client sets it; the legacy SDK sends 0).
    pub clean_session: bool,
}

/// Checks a keepalive against the platform's 30..=1200 s.
pub fn keepalive(seconds: u32) -> Result<u16, Error> {
    if (KEEPALIVE_MIN..=KEEPALIVE_MAX).contains(&seconds) {
        u16::try_from(seconds).map_err(|_| Error::InvalidKeepalive)
    } else {
        Err(Error::InvalidKeepalive)
    }
}

/// Checks explicit strings: the client id and username must be MQTT text (the platform's
/// client ids are ASCII; an empty one is legal with a clean session), the password at most
/// 65535 bytes of anything, and a password needs a username.
pub fn check_strings(
    client_id: &[u8],
    username: Option<&[u8]>,
    password: Option<&[u8]>,
) -> Result<(), Error> {
    if !field::is_mqtt_text(client_id) {
        return Err(if client_id.len() > STRING_MAX {
            Error::MqttPacketTooLarge
        } else {
            Error::InvalidClientId
        });
    }
    if let Some(u) = username {
        if u.len() > STRING_MAX {
            return Err(Error::MqttPacketTooLarge);
        }
        if !field::is_mqtt_text(u) {
            return Err(Error::InvalidArgument);
        }
    }
    if let Some(p) = password {
        if p.len() > STRING_MAX {
            return Err(Error::MqttPacketTooLarge);
        }
        if username.is_none() {
            return Err(Error::InvalidArgument);
        }
    }
    Ok(())
}

/// The connect flags byte for these fields.
pub fn flags(clean_session: bool, username: bool, password: bool) -> u8 {
    let mut f = 0;
    if clean_session {
        f |= FLAG_CLEAN_SESSION;
    }
    if username {
        f |= FLAG_USERNAME;
    }
    if password {
        f |= FLAG_PASSWORD;
    }
    f
}

impl<'a> Connect<'a> {
    /// The packet. A password without a username is [`Error::InvalidArgument`] (a field
    /// over 65535 bytes is refused by [`Frame::layout`]).
    pub fn frame(&self) -> Result<Frame<'a, 6>, Error> {
        if self.password.is_some() && self.username.is_none() {
            return Err(Error::InvalidArgument);
        }
        let flags = flags(
            self.clean_session,
            self.username.is_some(),
            self.password.is_some(),
        );
        Ok(Frame {
            first: packet_type::CONNECT << 4,
            parts: [
                Part::raw(PROTOCOL),
                Part::byte(flags),
                Part::u16(self.keepalive_s),
                Part::field(self.client_id),
                // An empty part writes nothing: an absent field is not sent.
                self.username.map_or(NOTHING, Part::field),
                self.password.map_or(NOTHING, Part::field),
            ],
            unwritten: 0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_packet_and_flags() {
        let c = Connect {
            client_id: b"c",
            username: Some(b"u"),
            password: Some(b"p"),
            keepalive_s: 60,
            clean_session: true,
        };
        let f = c.frame().unwrap();
        let mut buf = [0u8; 32];
        let n = f.layout().unwrap().write(&mut buf).unwrap();
        assert_eq!(
            &buf[..n],
            &[
                0x10, 19, 0, 4, b'M', b'Q', b'T', b'T', 4, 0xC2, 0, 60, 0, 1, b'c', 0, 1, b'u', 0,
                1, b'p'
            ]
        );
        let legacy = Connect {
            username: None,
            password: None,
            clean_session: false,
            ..c
        };
        let f = legacy.frame().unwrap();
        let n = f.layout().unwrap().write(&mut buf).unwrap();
        assert_eq!(
            &buf[..n],
            &[
                0x10, 13, 0, 4, b'M', b'Q', b'T', b'T', 4, 0, 0, 60, 0, 1, b'c'
            ]
        );
        let bad = Connect {
            username: None,
            ..c
        };
        assert_eq!(bad.frame().map(|_| ()), Err(Error::InvalidArgument));
    }

    /// A string over 65535 bytes cannot be encoded at all (too large); one within the limit
    /// is refused for its content only.
    #[test]
    fn string_limits_tell_too_large_from_invalid() {
        let mut long = vec![b'a'; STRING_MAX + 1];
        assert_eq!(
            check_strings(&long, None, None),
            Err(Error::MqttPacketTooLarge)
        );
        long[0] = 0;
        assert_eq!(
            check_strings(&long[..STRING_MAX], None, None),
            Err(Error::InvalidClientId)
        );
        long[0] = b'u';
        assert_eq!(check_strings(b"c", Some(&long[..STRING_MAX]), None), Ok(()));
        assert_eq!(
            check_strings(b"c", Some(&long), None),
            Err(Error::MqttPacketTooLarge)
        );
    }
}
