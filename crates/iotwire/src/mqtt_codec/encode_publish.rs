//! PUBLISH (MQTT 3.1.1 section 3.3) for QoS 0 and 1. The header can be written on its own so
//! that firmware sends a large payload straight from where it lies.

use crate::Error;
use crate::layout::{Frame, NOTHING, Part};
use crate::mqtt_codec::{Qos, packet_type, topic_filter};

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

impl<'a> Publish<'a> {
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

    /// The packet: with `Some(payload)` (of `payload_len` bytes, else
    /// [`Error::InvalidArgument`]) the whole PUBLISH, with `None` everything before the
    /// payload (the payload still counts in the remaining length).
    pub fn frame(&self, payload: Option<&'a [u8]>) -> Result<Frame<'a, 3>, Error> {
        self.check()?;
        let mut first = (packet_type::PUBLISH << 4) | (self.qos.bits() << 1);
        if self.dup {
            first |= 0x08;
        }
        let unwritten = match payload {
            Some(p) if p.len() != self.payload_len => return Err(Error::InvalidArgument),
            Some(_) => 0,
            None => self.payload_len,
        };
        Ok(Frame {
            first,
            parts: [
                Part::field(self.topic),
                // An empty part writes nothing: QoS 0 has no packet id, a header no payload.
                match self.qos {
                    Qos::AtMostOnce => NOTHING,
                    Qos::AtLeastOnce => Part::u16(self.packet_id),
                },
                Part::raw(payload.unwrap_or_default()),
            ],
            unwritten,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_payload_must_have_the_announced_length() {
        let p = Publish {
            topic: b"/a1X2bEnP82z/example1/user/update",
            qos: Qos::AtMostOnce,
            dup: false,
            packet_id: 0,
            payload_len: 3,
        };
        assert!(p.frame(Some(b"abc")).is_ok());
        assert!(p.frame(None).is_ok());
        assert_eq!(
            p.frame(Some(b"ab")).map(|_| ()),
            Err(Error::InvalidArgument)
        );
        assert_eq!(
            p.frame(Some(b"abcd")).map(|_| ()),
            Err(Error::InvalidArgument)
        );
    }
}
