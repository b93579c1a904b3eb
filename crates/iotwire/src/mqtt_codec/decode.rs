//! Decodes the packets a broker sends a client. Every length is checked against the packet's
//! own remaining length before anything is read, so no input can make it read out of bounds;
//! a packet that is not complete yet is [`Decoded::Incomplete`], never an error.
//!
//! The result is one flat [`Packet`] whatever the type (the C ABI's `iotwire_mqtt_packet_t`
//! is a copy of it): topic, payload and SUBACK codes are offsets into the input.

use crate::Error;
use crate::mqtt_codec::connack;
use crate::mqtt_codec::field::read_u16;
use crate::mqtt_codec::packet_type as pt;
use crate::mqtt_codec::remaining_length::{self, Parsed};
use crate::mqtt_codec::topic_filter::is_topic_name;

/// [`Packet::flags`]: PUBLISH DUP.
pub const FLAG_DUP: u32 = 1;
/// [`Packet::flags`]: PUBLISH RETAIN (a retained message delivered on subscribe).
pub const FLAG_RETAIN: u32 = 2;
/// [`Packet::flags`]: CONNACK session present.
pub const FLAG_SESSION_PRESENT: u32 = 4;

/// A decoded packet. Fields a type does not have are 0. The layout is the C ABI's
/// `iotwire_mqtt_packet_t` (`u32` where a byte would do), so handing it to C is a copy.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Packet {
    /// Packet type ([`packet_type`](crate::mqtt_codec::packet_type)): CONNACK, PUBLISH,
    /// PUBACK, SUBACK, UNSUBACK or PINGRESP.
    pub kind: u32,
    /// PUBLISH QoS (0 or 1).
    pub qos: u32,
    /// `FLAG_*` bits.
    pub flags: u32,
    /// CONNACK return code 0..=5 (a refusal is still decoded: see [`connack::check`]).
    pub return_code: u32,
    /// Packet id of PUBLISH (QoS 1), PUBACK, SUBACK, UNSUBACK.
    pub packet_id: u16,
    /// Always 0 (the C struct's padding, named).
    pub reserved: u16,
    /// Bytes of the input this packet occupies.
    pub len: usize,
    /// PUBLISH: offset of the topic name (MQTT text without wildcards) in the input.
    pub topic_offset: usize,
    /// PUBLISH: topic length.
    pub topic_len: usize,
    /// PUBLISH: offset of the payload; SUBACK: offset of the return codes.
    pub payload_offset: usize,
    /// PUBLISH: payload length; SUBACK: number of return codes (0, 1, 2 or 0x80 each).
    pub payload_len: usize,
}

impl Packet {
    /// The topic name, from the input the packet was decoded from.
    pub fn topic<'a>(&self, input: &'a [u8]) -> &'a [u8] {
        slice_at(input, self.topic_offset, self.topic_len)
    }
    /// The payload (SUBACK: the return codes), from the input the packet was decoded from.
    pub fn payload<'a>(&self, input: &'a [u8]) -> &'a [u8] {
        slice_at(input, self.payload_offset, self.payload_len)
    }
}

fn slice_at(input: &[u8], at: usize, len: usize) -> &[u8] {
    at.checked_add(len)
        .and_then(|end| input.get(at..end))
        .unwrap_or_default()
}

/// The result of looking at the start of a byte stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decoded {
    /// One whole packet; `packet.len` bytes of the input belong to it.
    Complete(Packet),
    /// The input ends inside a packet. `needed` is the packet's total length once its header
    /// is complete, `None` while the remaining-length field itself is incomplete.
    Incomplete {
        /// Total bytes the packet needs, if known.
        needed: Option<usize>,
    },
}

/// What each packet type may be, by type number: 0 for types a client never receives,
/// else the smallest remaining length (low bits; a PUBLISH with QoS 1 needs 2 more for its
/// packet id) with [`EXACT`] when that is the only length, and [`ID`] when the body opens with
/// a packet id. Checked as soon as the header is known, so a wrong length fails before more
/// bytes arrive.
const RULES: [u8; 16] = [
    0,
    0,              // CONNECT
    2 | EXACT,      // CONNACK
    3,              // PUBLISH: topic length (2) + at least one topic byte
    2 | EXACT | ID, // PUBACK
    0,              // PUBREC
    0,              // PUBREL
    0,              // PUBCOMP
    0,              // SUBSCRIBE
    3 | ID,         // SUBACK: packet id + at least one return code
    0,              // UNSUBSCRIBE
    2 | EXACT | ID, // UNSUBACK
    0,              // PINGREQ
    EXACT,          // PINGRESP
    0,              // DISCONNECT
    0,
];
const EXACT: u8 = 0x10;
const ID: u8 = 0x20;
const MIN: u8 = 0x0F;

/// Types only a server receives, and the QoS 2 flow the platform never starts (bit per
/// type); 0 and 15 are reserved.
const UNEXPECTED: u16 = 1 << pt::CONNECT
    | 1 << pt::PUBREC
    | 1 << pt::PUBREL
    | 1 << pt::PUBCOMP
    | 1 << pt::SUBSCRIBE
    | 1 << pt::UNSUBSCRIBE
    | 1 << pt::PINGREQ
    | 1 << pt::DISCONNECT;

/// Decodes the packet at the start of `input`.
///
/// Offsets and lengths are added with `wrapping_add` where they cannot overflow: the header
/// is at most 5 bytes, a remaining length at most 268435455 and a topic length at most 65535,
/// so every sum stays far below `usize::MAX` on any target, and a wrap-free add is one
/// instruction (this is the hot path of a device's receive loop).
#[inline]
pub fn decode(input: &[u8]) -> Result<Decoded, Error> {
    let Some((&b0, rest)) = input.split_first() else {
        return Ok(Decoded::Incomplete { needed: None });
    };
    let (kind, flags) = (b0 >> 4, b0 & 0x0F);
    let rule = RULES.get(usize::from(kind)).copied().unwrap_or(0);
    if rule == 0 {
        return Err(if UNEXPECTED.wrapping_shr(u32::from(kind)) & 1 != 0 {
            Error::MqttUnexpectedPacket
        } else {
            Error::MqttMalformed
        });
    }
    // MQTT 3.1.1 table 2.2: flags are 0 except on PUBLISH, whose QoS is 0 or 1 here (3 is
    // malformed, 2 never asked for) and whose DUP needs QoS 1 (MQTT-3.3.1-2).
    let qos = (flags >> 1) & 0x03;
    let mut min = rule & MIN;
    if kind == pt::PUBLISH {
        match (qos, flags & 0x08 != 0) {
            (3, _) | (0, true) => return Err(Error::MqttMalformed),
            (2, _) => return Err(Error::MqttQosUnsupported),
            (1, _) => min = 5,
            _ => {}
        }
    } else if flags != 0 {
        return Err(Error::MqttMalformed);
    }
    // Most packets a device receives are under 128 bytes: one length byte.
    let (rem, width) = match rest.first() {
        Some(&b) if b < 0x80 => (usize::from(b), 1),
        _ => match remaining_length::parse(rest)? {
            Parsed::Complete { value, width } => (value, width),
            Parsed::Incomplete => return Ok(Decoded::Incomplete { needed: None }),
        },
    };
    let min = usize::from(min);
    if rem < min || (rule & EXACT != 0 && rem != min) {
        return Err(Error::MqttMalformed);
    }
    let header = width.wrapping_add(1);
    let total = header.wrapping_add(rem);
    let Some(body) = input.get(header..total) else {
        return Ok(Decoded::Incomplete {
            needed: Some(total),
        });
    };
    let mut p = Packet {
        kind: u32::from(kind),
        len: total,
        ..Packet::default()
    };
    match kind {
        pt::CONNACK => connack_of(body, &mut p)?,
        pt::PUBLISH => publish_of(qos, flags, body, header, &mut p)?,
        pt::SUBACK => {
            let codes = body.get(2..).unwrap_or_default();
            for &c in codes {
                if !matches!(c, 0 | 1 | 2 | 0x80) {
                    return Err(Error::MqttMalformed);
                }
            }
            p.payload_offset = header.wrapping_add(2);
            p.payload_len = codes.len();
        }
        _ => {}
    }
    if rule & ID != 0 {
        p.packet_id = packet_id(body, 0)?;
    }
    Ok(Decoded::Complete(p))
}

/// A non-zero packet id at `at`.
fn packet_id(body: &[u8], at: usize) -> Result<u16, Error> {
    match read_u16(body, at) {
        Some(0) | None => Err(Error::MqttMalformed),
        Some(id) => Ok(id),
    }
}

fn connack_of(body: &[u8], p: &mut Packet) -> Result<(), Error> {
    let [ack_flags, return_code] = *body.first_chunk::<2>().ok_or(Error::MqttMalformed)?;
    // Bits 7..1 are reserved (MQTT-3.2.2); a refusal never has a session (MQTT-3.2.2-4).
    let reserved = ack_flags & 0xFE != 0;
    let session_present = ack_flags == 1;
    if reserved || return_code > connack::RETURN_CODE_MAX || (session_present && return_code != 0) {
        return Err(Error::MqttMalformed);
    }
    p.return_code = u32::from(return_code);
    if session_present {
        p.flags = FLAG_SESSION_PRESENT;
    }
    Ok(())
}

/// `header`: offset of `body` in the input.
#[inline(always)]
fn publish_of(qos: u8, flags: u8, body: &[u8], header: usize, p: &mut Packet) -> Result<(), Error> {
    let Some((&[hi, lo], after)) = body.split_first_chunk::<2>() else {
        return Err(Error::MqttMalformed);
    };
    let topic_len = usize::from(u16::from_be_bytes([hi, lo]));
    let (topic, after) = after
        .split_at_checked(topic_len)
        .ok_or(Error::MqttMalformed)?;
    // MQTT-3.3.2-1/2: a non-empty UTF-8 topic name without wildcards.
    if !is_topic_name(topic) {
        return Err(Error::MqttMalformed);
    }
    let payload = if qos == 0 {
        after
    } else {
        let Some((&id, payload)) = after.split_first_chunk::<2>() else {
            return Err(Error::MqttMalformed);
        };
        p.packet_id = u16::from_be_bytes(id);
        if p.packet_id == 0 {
            return Err(Error::MqttMalformed);
        }
        payload
    };
    p.qos = u32::from(qos);
    // DUP (bit 3) and RETAIN (bit 0) as FLAG_DUP and FLAG_RETAIN.
    p.flags = u32::from((flags >> 3) | ((flags & 1) << 1));
    p.topic_offset = header.wrapping_add(2);
    p.topic_len = topic_len;
    p.payload_len = payload.len();
    // The payload is the body's tail.
    p.payload_offset = p.len.wrapping_sub(payload.len());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete(input: &[u8]) -> Packet {
        match decode(input) {
            Ok(Decoded::Complete(p)) => p,
            other => panic!("{input:02x?}: {other:?}"),
        }
    }

    /// The status of each packet type a client never receives, or that is reserved.
    #[test]
    fn unexpected_and_reserved_types() {
        for kind in 0u8..=15 {
            let got = decode(&[kind << 4, 0]);
            let want = match kind {
                1 | 5 | 6 | 7 | 8 | 10 | 12 | 14 => Some(Err(Error::MqttUnexpectedPacket)),
                0 | 15 => Some(Err(Error::MqttMalformed)),
                _ => None,
            };
            if let Some(want) = want {
                assert_eq!(got.map(|_| ()), want, "type {kind}");
            }
        }
    }

    /// Lengths are checked as soon as the header is known: before the body arrives.
    #[test]
    fn exact_and_minimum_lengths() {
        for first in [0x40u8, 0xB0] {
            // PUBACK and UNSUBACK: exactly a packet id.
            for rem in [0u8, 1, 3] {
                assert_eq!(decode(&[first, rem]).map(|_| ()), Err(Error::MqttMalformed));
            }
            assert_eq!(
                decode(&[first, 2]).map(|_| ()).err(),
                None,
                "{first:02x} with 2 bytes is only incomplete"
            );
        }
        // A QoS 1 PUBLISH needs a topic byte and a packet id: 5 bytes at least.
        assert_eq!(decode(&[0x32, 4]).map(|_| ()), Err(Error::MqttMalformed));
        assert!(matches!(
            decode(&[0x32, 5]),
            Ok(Decoded::Incomplete { needed: Some(7) })
        ));
    }

    /// Every return code up to 5 (not authorized) is a CONNACK; above it is malformed.
    #[test]
    fn connack_return_codes() {
        for code in 0u8..=5 {
            assert_eq!(complete(&[0x20, 2, 0, code]).return_code, u32::from(code));
        }
        assert_eq!(
            decode(&[0x20, 2, 0, 6]).map(|_| ()),
            Err(Error::MqttMalformed)
        );
    }

    #[test]
    fn publish_fields_and_offsets() {
        let rx = [0x3B, 9, 0, 3, b'a', b'/', b'b', 0, 5, b'h', b'i', 0xD0];
        let p = complete(&rx);
        assert_eq!(
            (p.kind, p.qos, p.packet_id, p.len),
            (u32::from(pt::PUBLISH), 1, 5, 11)
        );
        assert_eq!(p.flags, FLAG_DUP | FLAG_RETAIN);
        assert_eq!(p.topic(&rx), b"a/b");
        assert_eq!(p.payload(&rx), b"hi");
        let q0 = [0x30, 5, 0, 3, b'a', b'/', b'b'];
        let p = complete(&q0);
        assert_eq!((p.flags, p.payload_offset, p.payload_len), (0, 7, 0));
    }

    #[test]
    fn other_types() {
        let p = complete(&[0x20, 2, 1, 0]);
        assert_eq!(
            (p.kind, p.flags, p.return_code),
            (u32::from(pt::CONNACK), FLAG_SESSION_PRESENT, 0)
        );
        let codes = [0x90, 4, 0, 9, 1, 0x80];
        let p = complete(&codes);
        assert_eq!((p.packet_id, p.payload(&codes)), (9, &[1u8, 0x80][..]));
        assert_eq!(complete(&[0xB0, 2, 1, 2]).packet_id, 0x0102);
        assert_eq!(complete(&[0xD0, 0]).len, 2);
        assert_eq!(
            decode(&[0x30, 0x80]),
            Ok(Decoded::Incomplete { needed: None })
        );
        assert_eq!(
            decode(&[0x30, 5, 0]),
            Ok(Decoded::Incomplete { needed: Some(7) })
        );
        assert_eq!(decode(&[0x82, 0]), Err(Error::MqttUnexpectedPacket));
        assert_eq!(decode(&[0xF0, 0]), Err(Error::MqttMalformed));
        assert_eq!(decode(&[0x34]), Err(Error::MqttQosUnsupported));
    }
}
