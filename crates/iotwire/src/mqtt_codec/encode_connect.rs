//! CONNECT (MQTT 3.1.1 section 3.1): protocol "MQTT" level 4, clean session (or not, as
//! iotkit-embedded asks), no will (the platform refuses will messages), optional username and
//! password.

use crate::Error;
use crate::mqtt_codec::field::{self, field_size, put_u16};
use crate::mqtt_codec::packet_type;
use crate::mqtt_codec::remaining_length::{self, total_len};
use crate::sink::Sink;

/// Keepalive range the platform accepts (seconds).
pub const KEEPALIVE_MIN: u32 = 30;
/// See [`KEEPALIVE_MIN`].
pub const KEEPALIVE_MAX: u32 = 1200;

/// Connect flags (section 3.1.2.3).
const FLAG_CLEAN_SESSION: u8 = 0x02;
const FLAG_PASSWORD: u8 = 0x40;
const FLAG_USERNAME: u8 = 0x80;
/// Protocol name, level 4, as the variable header starts.
const PROTOCOL: &[u8] = &[0x00, 0x04, b'M', b'Q', b'T', b'T', 0x04];
/// Variable header: protocol (7) + flags (1) + keepalive (2).
const VARIABLE_HEADER_LEN: usize = 10;

/// A CONNECT text field whose bytes may be produced on the fly (e.g. a password MAC).
pub trait Text {
    /// Exact byte length of the field.
    fn byte_len(&self) -> Result<usize, Error>;
    /// Writes exactly [`Text::byte_len`] bytes.
    fn put<S: Sink>(&self, s: &mut S) -> Result<(), Error>;
}

impl Text for &[u8] {
    fn byte_len(&self) -> Result<usize, Error> {
        Ok(<[u8]>::len(self))
    }
    fn put<S: Sink>(&self, s: &mut S) -> Result<(), Error> {
        s.put(self)
    }
}

/// The fields of a CONNECT. An absent username or password leaves its flag clear.
#[derive(Clone, Copy, Debug)]
pub struct Connect<C, U, P> {
    /// Client identifier.
    pub client_id: C,
    /// User name, if any.
    pub username: Option<U>,
    /// Password, if any (needs a username, MQTT-3.1.2-22).
    pub password: Option<P>,
    /// Keepalive in seconds, already checked with [`keepalive`].
    pub keepalive_s: u16,
    /// Clean session (MQTT-3.1.2-6); iotkit-embedded 3.x connects with 0.
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
        return Err(if client_id.len() > field::STRING_MAX {
            Error::MqttPacketTooLarge
        } else {
            Error::InvalidClientId
        });
    }
    if let Some(u) = username {
        if u.len() > field::STRING_MAX {
            return Err(Error::MqttPacketTooLarge);
        }
        if !field::is_mqtt_text(u) {
            return Err(Error::InvalidArgument);
        }
    }
    if let Some(p) = password {
        field::prefix_of(p.len())?;
        if username.is_none() {
            return Err(Error::InvalidArgument);
        }
    }
    Ok(())
}

fn optional_size<T: Text>(t: &Option<T>) -> Result<usize, Error> {
    match t {
        Some(t) => field_size(t.byte_len()?),
        None => Ok(0),
    }
}

/// The remaining length of the CONNECT.
pub fn remaining<C: Text, U: Text, P: Text>(c: &Connect<C, U, P>) -> Result<usize, Error> {
    let parts = [
        field_size(c.client_id.byte_len()?)?,
        optional_size(&c.username)?,
        optional_size(&c.password)?,
    ];
    let total = parts
        .iter()
        .try_fold(VARIABLE_HEADER_LEN, |acc, &n| acc.checked_add(n))
        .ok_or(Error::MqttPacketTooLarge)?;
    if total > remaining_length::MAX {
        return Err(Error::MqttPacketTooLarge);
    }
    Ok(total)
}

/// Bytes of the whole CONNECT.
pub fn packet_len<C: Text, U: Text, P: Text>(c: &Connect<C, U, P>) -> Result<usize, Error> {
    let rem = remaining(c)?;
    total_len(rem)
}

fn put_text<S: Sink, T: Text>(s: &mut S, t: &T) -> Result<(), Error> {
    put_u16(s, field::prefix_of(t.byte_len()?)?)?;
    t.put(s)
}

/// Writes the CONNECT.
pub fn encode<S: Sink, C: Text, U: Text, P: Text>(
    c: &Connect<C, U, P>,
    s: &mut S,
) -> Result<(), Error> {
    let rem = remaining(c)?;
    let mut flags = if c.clean_session {
        FLAG_CLEAN_SESSION
    } else {
        0
    };
    if c.username.is_some() {
        flags |= FLAG_USERNAME;
    }
    if c.password.is_some() {
        if c.username.is_none() {
            return Err(Error::InvalidArgument);
        }
        flags |= FLAG_PASSWORD;
    }
    s.put_byte(packet_type::CONNECT << 4)?;
    remaining_length::put(s, rem)?;
    s.put(PROTOCOL)?;
    s.put_byte(flags)?;
    put_u16(s, c.keepalive_s)?;
    put_text(s, &c.client_id)?;
    if let Some(u) = &c.username {
        put_text(s, u)?;
    }
    if let Some(p) = &c.password {
        put_text(s, p)?;
    }
    Ok(())
}
