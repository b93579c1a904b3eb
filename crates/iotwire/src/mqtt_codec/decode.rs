//! Decodes the packets a broker sends a client. Every length is checked against the packet's
//! own remaining length before anything is read, so no input can make it read out of bounds;
//! a packet that is not complete yet is [`Decoded::Incomplete`], never an error.

use crate::Error;
use crate::mqtt_codec::connack;
use crate::mqtt_codec::field::{is_mqtt_text, read_u16};
use crate::mqtt_codec::packet_type as pt;
use crate::mqtt_codec::remaining_length::{self, Parsed};

/// A decoded packet; topic, payload and SUBACK codes borrow from the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Packet<'a> {
    /// CONNACK: decoded even when it refuses (see [`connack::check`]).
    Connack {
        /// Session present flag.
        session_present: bool,
        /// Return code 0..=5.
        return_code: u8,
    },
    /// PUBLISH (QoS 0 or 1).
    Publish {
        /// DUP flag.
        dup: bool,
        /// QoS 0 or 1.
        qos: u8,
        /// RETAIN flag (a broker may set it on delivery of a retained message).
        retain: bool,
        /// Topic name: MQTT text, no wildcards.
        topic: &'a [u8],
        /// Packet id (0 for QoS 0).
        packet_id: u16,
        /// Payload bytes.
        payload: &'a [u8],
    },
    /// PUBACK.
    Puback {
        /// Acknowledged packet id.
        packet_id: u16,
    },
    /// SUBACK.
    Suback {
        /// Acknowledged packet id.
        packet_id: u16,
        /// One code per filter: 0, 1, 2 (granted QoS) or 0x80 (failure).
        return_codes: &'a [u8],
    },
    /// UNSUBACK.
    Unsuback {
        /// Acknowledged packet id.
        packet_id: u16,
    },
    /// PINGRESP.
    Pingresp,
}

/// The result of looking at the start of a byte stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decoded<'a> {
    /// One whole packet; `len` bytes of the input belong to it.
    Complete {
        /// The packet.
        packet: Packet<'a>,
        /// Bytes consumed.
        len: usize,
    },
    /// The input ends inside a packet. `needed` is the packet's total length once its header
    /// is complete, `None` while the remaining-length field itself is incomplete.
    Incomplete {
        /// Total bytes the packet needs, if known.
        needed: Option<usize>,
    },
}

/// The smallest remaining length each type can have, and whether that is also the only one.
/// Checked as soon as the header is known, so a wrong length fails before more bytes arrive.
fn length_rule(kind: u8, qos: u8) -> (usize, bool) {
    match kind {
        pt::CONNACK | pt::PUBACK | pt::UNSUBACK => (2, true),
        pt::PINGRESP => (0, true),
        pt::SUBACK => (3, false),
        // Topic length (2) + at least one topic byte, plus the packet id for QoS 1.
        _ if qos > 0 => (5, false),
        _ => (3, false),
    }
}

/// Checks the first byte: a type a client receives, with the flags MQTT 3.1.1 table 2.2
/// prescribes. Returns (type, flags).
fn first_byte(b: u8) -> Result<(u8, u8), Error> {
    let kind = b >> 4;
    let flags = b & 0x0F;
    match kind {
        pt::CONNACK | pt::PUBACK | pt::SUBACK | pt::UNSUBACK | pt::PINGRESP if flags == 0 => {
            Ok((kind, flags))
        }
        pt::CONNACK | pt::PUBACK | pt::SUBACK | pt::UNSUBACK | pt::PINGRESP => {
            Err(Error::MqttMalformed)
        }
        pt::PUBLISH => {
            let qos = (flags >> 1) & 0x03;
            let dup = flags & 0x08 != 0;
            match qos {
                3 => Err(Error::MqttMalformed),
                // MQTT-3.3.1-2: DUP is 0 for every QoS 0 message.
                0 if dup => Err(Error::MqttMalformed),
                2 => Err(Error::MqttQosUnsupported),
                _ => Ok((kind, flags)),
            }
        }
        pt::CONNECT
        | pt::PUBREC
        | pt::PUBREL
        | pt::PUBCOMP
        | pt::SUBSCRIBE
        | pt::UNSUBSCRIBE
        | pt::PINGREQ
        | pt::DISCONNECT => Err(Error::MqttUnexpectedPacket),
        // 0 and 15 are reserved.
        _ => Err(Error::MqttMalformed),
    }
}

/// Decodes the packet at the start of `input`.
pub fn decode(input: &[u8]) -> Result<Decoded<'_>, Error> {
    let Some((&b0, rest)) = input.split_first() else {
        return Ok(Decoded::Incomplete { needed: None });
    };
    let (kind, flags) = first_byte(b0)?;
    let (rem, width) = match remaining_length::parse(rest)? {
        Parsed::Complete { value, width } => (value, width),
        Parsed::Incomplete => return Ok(Decoded::Incomplete { needed: None }),
    };
    let (min, exact) = length_rule(kind, (flags >> 1) & 0x03);
    if rem < min || (exact && rem != min) {
        return Err(Error::MqttMalformed);
    }
    let header = width.checked_add(1).ok_or(Error::Overflow)?;
    let total = header.checked_add(rem).ok_or(Error::Overflow)?;
    let Some(body) = input.get(header..total) else {
        return Ok(Decoded::Incomplete {
            needed: Some(total),
        });
    };
    let packet = body_of(kind, flags, body)?;
    Ok(Decoded::Complete { packet, len: total })
}

fn packet_id(body: &[u8], at: usize) -> Result<u16, Error> {
    match read_u16(body, at) {
        Some(0) | None => Err(Error::MqttMalformed),
        Some(id) => Ok(id),
    }
}

fn body_of(kind: u8, flags: u8, body: &[u8]) -> Result<Packet<'_>, Error> {
    match kind {
        pt::CONNACK => connack_of(body),
        pt::PUBLISH => publish_of(flags, body),
        pt::PUBACK => Ok(Packet::Puback {
            packet_id: packet_id(body, 0)?,
        }),
        pt::UNSUBACK => Ok(Packet::Unsuback {
            packet_id: packet_id(body, 0)?,
        }),
        pt::SUBACK => {
            let codes = body.get(2..).unwrap_or(&[]);
            if codes.is_empty() || !codes.iter().all(|&c| matches!(c, 0 | 1 | 2 | 0x80)) {
                return Err(Error::MqttMalformed);
            }
            Ok(Packet::Suback {
                packet_id: packet_id(body, 0)?,
                return_codes: codes,
            })
        }
        pt::PINGRESP => Ok(Packet::Pingresp),
        _ => Err(Error::MqttUnexpectedPacket),
    }
}

fn connack_of(body: &[u8]) -> Result<Packet<'_>, Error> {
    let (Some(&ack_flags), Some(&return_code)) = (body.first(), body.get(1)) else {
        return Err(Error::MqttMalformed);
    };
    // Bits 7..1 are reserved (MQTT-3.2.2); a refusal never has a session (MQTT-3.2.2-4).
    let session_present = ack_flags == 1;
    let reserved = ack_flags & 0xFE != 0;
    if reserved || return_code > connack::RETURN_CODE_MAX || (session_present && return_code != 0) {
        return Err(Error::MqttMalformed);
    }
    Ok(Packet::Connack {
        session_present,
        return_code,
    })
}

fn publish_of(flags: u8, body: &[u8]) -> Result<Packet<'_>, Error> {
    let qos = (flags >> 1) & 0x03;
    let topic_len = usize::from(read_u16(body, 0).ok_or(Error::MqttMalformed)?);
    let topic_end = topic_len.checked_add(2).ok_or(Error::Overflow)?;
    let topic = body.get(2..topic_end).ok_or(Error::MqttMalformed)?;
    // MQTT-3.3.2-1/2: a non-empty UTF-8 topic name without wildcards.
    let wildcard = topic.iter().any(|&c| c == b'+' || c == b'#');
    if topic.is_empty() || wildcard || !is_mqtt_text(topic) {
        return Err(Error::MqttMalformed);
    }
    let (packet_id, payload_at) = if qos == 0 {
        (0, topic_end)
    } else {
        let at = topic_end.checked_add(2).ok_or(Error::Overflow)?;
        (packet_id(body, topic_end)?, at)
    };
    let payload = body.get(payload_at..).ok_or(Error::MqttMalformed)?;
    Ok(Packet::Publish {
        dup: flags & 0x08 != 0,
        qos,
        retain: flags & 0x01 != 0,
        topic,
        packet_id,
        payload,
    })
}
