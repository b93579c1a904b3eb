//! MQTT 3.1.1 packets for a device client, without allocation and without panics.
//!
//! Every packet a client sends is data: its first byte and a list of parts (raw bytes,
//! length-prefixed fields, u16s, single bytes), a [`Frame`](crate::layout::Frame), that one
//! small writer, [`Layout`](crate::layout::Layout), puts on the wire after checking every
//! length once. So the exact size is known before a byte is written, and nothing is generated
//! per packet type. The decoder reads a packet into one flat [`Packet`] whose topic and
//! payload are offsets into the caller's input, and reports a partial packet as
//! [`Decoded::Incomplete`] instead of guessing.
//!
//! ```
//! use iotwire::mqtt_codec::encode_publish::Publish;
//! use iotwire::mqtt_codec::{Decoded, Qos, decode};
//!
//! let publish = Publish { topic: b"a/b", qos: Qos::AtLeastOnce, dup: false, packet_id: 7,
//!                         payload_len: 2 };
//! let frame = publish.frame(Some(b"hi"))?;
//! let mut buf = [0u8; 16];
//! let n = frame.layout()?.write(&mut buf)?;
//! assert_eq!(&buf[..n], &[0x32, 9, 0, 3, b'a', b'/', b'b', 0, 7, b'h', b'i']);
//!
//! let Decoded::Complete(p) = decode(&buf[..n])? else { unreachable!() };
//! assert_eq!((p.topic(&buf), p.payload(&buf), p.packet_id), (&b"a/b"[..], &b"hi"[..], 7));
//! # Ok::<(), iotwire::Error>(())
//! ```
//!
//! Where each byte comes from:
//! - [`crate::layout`] — the writer: fixed header, remaining length, the parts.
//! - [`remaining_length`] — the variable-length "remaining length" of every fixed header.
//! - [`field`] — u16 fields and MQTT's text rules (on [`crate::utf8`]).
//! - [`encode_connect`] — CONNECT (protocol level 4, no will).
//! - [`encode_publish`] — PUBLISH QoS 0/1 (the platform has no QoS 2 and no retain).
//! - [`encode_subscribe`] — SUBSCRIBE and UNSUBSCRIBE.
//! - [`encode_simple`] — PUBACK, PINGREQ, DISCONNECT.
//! - [`decode`](mod@decode) — CONNACK, PUBLISH, PUBACK, SUBACK, UNSUBACK, PINGRESP.
//! - [`connack`] — CONNACK return codes as errors, with the dynamic-registration meanings.
//! - [`packet_id`] — the caller-owned packet id counter.
//! - [`topic_filter`] — MQTT's own topic-name and topic-filter rules.
//! - `connect_plan` (with feature `mqtt`) — CONNECT straight from the credential plan.

pub mod connack;
#[cfg(feature = "mqtt")]
pub mod connect_plan;
pub mod decode;
pub mod encode_connect;
pub mod encode_publish;
pub mod encode_simple;
pub mod encode_subscribe;
pub mod field;
pub mod packet_id;
pub mod remaining_length;
pub mod topic_filter;

pub use decode::{Decoded, Packet, decode};

/// Packet types (the high nibble of the first byte), MQTT 3.1.1 section 2.2.1.
pub mod packet_type {
    /// Client to server: connection request.
    pub const CONNECT: u8 = 1;
    /// Server to client: connection acknowledgement.
    pub const CONNACK: u8 = 2;
    /// Either direction: application message.
    pub const PUBLISH: u8 = 3;
    /// Either direction: QoS 1 acknowledgement.
    pub const PUBACK: u8 = 4;
    /// QoS 2 flow, step 1.
    pub const PUBREC: u8 = 5;
    /// QoS 2 flow, step 2.
    pub const PUBREL: u8 = 6;
    /// QoS 2 flow, step 3.
    pub const PUBCOMP: u8 = 7;
    /// Client to server: subscribe.
    pub const SUBSCRIBE: u8 = 8;
    /// Server to client: subscribe acknowledgement.
    pub const SUBACK: u8 = 9;
    /// Client to server: unsubscribe.
    pub const UNSUBSCRIBE: u8 = 10;
    /// Server to client: unsubscribe acknowledgement.
    pub const UNSUBACK: u8 = 11;
    /// Client to server: ping.
    pub const PINGREQ: u8 = 12;
    /// Server to client: ping response.
    pub const PINGRESP: u8 = 13;
    /// Client to server: disconnect.
    pub const DISCONNECT: u8 = 14;
}

/// Quality of service the platform supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qos {
    /// At most once.
    AtMostOnce,
    /// At least once (PUBACK).
    AtLeastOnce,
}

impl Qos {
    /// QoS 0 and 1; 2 is [`Error::MqttQosUnsupported`](crate::Error), anything else
    /// [`Error::InvalidSelector`](crate::Error).
    pub fn from_level(level: u32) -> Result<Qos, crate::Error> {
        match level {
            0 => Ok(Qos::AtMostOnce),
            1 => Ok(Qos::AtLeastOnce),
            2 => Err(crate::Error::MqttQosUnsupported),
            _ => Err(crate::Error::InvalidSelector),
        }
    }

    /// The two QoS bits.
    pub fn bits(self) -> u8 {
        match self {
            Qos::AtMostOnce => 0,
            Qos::AtLeastOnce => 1,
        }
    }
}
