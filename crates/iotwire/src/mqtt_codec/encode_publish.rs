//! PUBLISH (MQTT 3.1.1 section 3.3) for QoS 0 and 1. The header can be written on its own so
//! that firmware sends a large payload straight from where it lies.

use crate::Error;
use crate::mqtt_codec::field::{field_size, put_field, put_u16};
use crate::mqtt_codec::remaining_length::{self, total_len};
use crate::mqtt_codec::{Qos, packet_type, topic_filter};
use crate::sink::Sink;

/// A PUBLISH the platform accepts: QoS 0 or 1, never retained.
#[derive(Clone, Copy, Debug)]
pub struct Publish<'a> {
    /// Topic name (no wildcards).
    pub topic: &'a [u8],
    /// QoS 0 or 1.
    pub qos: Qos,
    /// DUP: this is a retransmission of a QoS 1 message.
    pub dup: bool,
    /// Packet id: non-zero for QoS 1, 0 for QoS 0.
    pub packet_id: u16,
    /// Payload length in bytes.
    pub payload_len: usize,
}

impl Publish<'_> {
    /// Checks the rules a sender must follow: topic name, packet id for QoS 1 only, DUP only
    /// with QoS 1 (MQTT-3.3.1-2).
    pub fn check(&self) -> Result<(), Error> {
        topic_filter::topic_name(self.topic)?;
        match self.qos {
            Qos::AtMostOnce if self.packet_id != 0 => Err(Error::MqttInvalidPacketId),
            Qos::AtMostOnce if self.dup => Err(Error::InvalidArgument),
            Qos::AtLeastOnce if self.packet_id == 0 => Err(Error::MqttInvalidPacketId),
            _ => Ok(()),
        }
    }

    /// The remaining length (variable header and payload).
    pub fn remaining(&self) -> Result<usize, Error> {
        self.check()?;
        let id_len = match self.qos {
            Qos::AtMostOnce => 0,
            Qos::AtLeastOnce => 2,
        };
        let rem = field_size(self.topic.len())?
            .checked_add(id_len)
            .and_then(|n| n.checked_add(self.payload_len))
            .ok_or(Error::MqttPacketTooLarge)?;
        if rem > remaining_length::MAX {
            return Err(Error::MqttPacketTooLarge);
        }
        Ok(rem)
    }

    /// Bytes of everything before the payload.
    pub fn header_len(&self) -> Result<usize, Error> {
        let rem = self.remaining()?;
        total_len(rem)?
            .checked_sub(self.payload_len)
            .ok_or(Error::Overflow)
    }

    /// Writes everything before the payload.
    pub fn encode_header<S: Sink>(&self, s: &mut S) -> Result<(), Error> {
        let rem = self.remaining()?;
        let mut first = (packet_type::PUBLISH << 4) | (self.qos.bits() << 1);
        if self.dup {
            first |= 0x08;
        }
        s.put_byte(first)?;
        remaining_length::put(s, rem)?;
        put_field(s, self.topic)?;
        if self.qos == Qos::AtLeastOnce {
            put_u16(s, self.packet_id)?;
        }
        Ok(())
    }
}

/// Writes a whole PUBLISH; `payload.len()` must equal `p.payload_len`.
pub fn encode<S: Sink>(p: &Publish<'_>, payload: &[u8], s: &mut S) -> Result<(), Error> {
    if payload.len() != p.payload_len {
        return Err(Error::InvalidArgument);
    }
    p.encode_header(s)?;
    s.put(payload)
}
