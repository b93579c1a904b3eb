//! Explains captured MQTT bytes, packet after packet: the fixed header of every packet, every
//! field of a CONNECT (with the client id split into its id and `key=value` parameters), and
//! the packets the codec's decoder reads (CONNACK, PUBLISH, PUBACK, SUBACK, UNSUBACK,
//! PINGRESP). Other client packets (SUBSCRIBE, PINGREQ, ...) show their header and body bytes.

use crate::Error;
use crate::diagnose::client_id_params;
use crate::diagnose::connect_decode::{self, Connect, fixed_header};
use crate::diagnose::json_writer::JsonWriter;
use crate::diagnose::malformed::Malformed;
use crate::mqtt_codec::decode::{FLAG_DUP, FLAG_RETAIN, FLAG_SESSION_PRESENT};
use crate::mqtt_codec::field::{is_mqtt_text, read_u16};
use crate::mqtt_codec::packet_type as pt;
use crate::mqtt_codec::{Decoded, Packet, decode};
use crate::sink::Sink;

/// Packet type names (MQTT 3.1.1 table 2.1); 0 and 15 are reserved.
fn type_name(kind: u8) -> &'static str {
    match kind {
        pt::CONNECT => "CONNECT",
        pt::CONNACK => "CONNACK",
        pt::PUBLISH => "PUBLISH",
        pt::PUBACK => "PUBACK",
        pt::PUBREC => "PUBREC",
        pt::PUBREL => "PUBREL",
        pt::PUBCOMP => "PUBCOMP",
        pt::SUBSCRIBE => "SUBSCRIBE",
        pt::SUBACK => "SUBACK",
        pt::UNSUBSCRIBE => "UNSUBSCRIBE",
        pt::UNSUBACK => "UNSUBACK",
        pt::PINGREQ => "PINGREQ",
        pt::PINGRESP => "PINGRESP",
        pt::DISCONNECT => "DISCONNECT",
        _ => "reserved",
    }
}

/// What CONNACK return codes mean (MQTT 3.1.1 table 3.1).
fn connack_meaning(code: u8) -> &'static str {
    match code {
        0 => "accepted",
        1 => "refused: unacceptable protocol version",
        2 => "refused: identifier rejected",
        3 => "refused: server unavailable",
        4 => "refused: bad user name or password",
        _ => "refused: not authorized",
    }
}

/// One packet, decoded before anything is written (so a failure writes nothing of it).
enum PacketView<'a> {
    Connect(Connect<'a>),
    /// A packet the codec decodes, and the packet's bytes (its offsets point into them).
    Known(Packet, &'a [u8]),
    /// A packet the decoders do not read (SUBSCRIBE, PINGREQ, ...): its body bytes.
    Other {
        body: &'a [u8],
    },
}

/// Header facts every packet has.
struct Head {
    kind: u8,
    flags: u8,
    remaining: usize,
    len: usize,
}

/// Decodes the packet at the start of `input`; offsets in errors are offsets in `input`.
fn decode_one(input: &[u8]) -> Result<(Head, PacketView<'_>), Malformed> {
    let (kind, flags, remaining, header) = fixed_header(input)?;
    let len = header.saturating_add(remaining);
    let head = Head {
        kind,
        flags,
        remaining,
        len,
    };
    if kind == 0 || kind == 15 {
        return Err(Malformed::at(0, "packet type 0 and 15 are reserved"));
    }
    if kind == pt::CONNECT {
        let c = connect_decode::decode_connect(input)?;
        return Ok((head, PacketView::Connect(c)));
    }
    if input.len() < len {
        return Err(Malformed::truncated(
            input.len(),
            "the packet is shorter than its remaining length says",
            len,
        ));
    }
    let packet = input.get(..len).unwrap_or(&[]);
    let body = packet.get(header..).unwrap_or(&[]);
    match kind {
        pt::CONNACK | pt::PUBLISH | pt::PUBACK | pt::SUBACK | pt::UNSUBACK | pt::PINGRESP => {
            match decode(packet) {
                Ok(Decoded::Complete(p)) => Ok((head, PacketView::Known(p, packet))),
                Ok(Decoded::Incomplete { .. }) => Err(Malformed::truncated(
                    input.len(),
                    "the packet is shorter than its remaining length says",
                    len,
                )),
                Err(e) => Err(locate(kind, flags, remaining, header, body, e)),
            }
        }
        _ => Ok((head, PacketView::Other { body })),
    }
}

/// Names the byte the codec's decoder refused, for the packets it reads.
fn locate(
    kind: u8,
    flags: u8,
    remaining: usize,
    header: usize,
    body: &[u8],
    e: Error,
) -> Malformed {
    if flags != 0 && kind != pt::PUBLISH {
        return Malformed::at(0, "flag bits set in the first byte (this type needs 0000)");
    }
    let exact = match kind {
        pt::CONNACK | pt::PUBACK | pt::UNSUBACK => Some(2),
        pt::PINGRESP => Some(0),
        _ => None,
    };
    if exact.is_some_and(|n| n != remaining) {
        return Malformed::at(
            1,
            "wrong remaining length for this type (CONNACK, PUBACK and UNSUBACK have 2, PINGRESP 0)",
        );
    }
    match kind {
        pt::CONNACK => {
            if body.first().is_some_and(|f| f & 0xfe != 0) {
                Malformed::at(header, "CONNACK acknowledge flags other than 0 or 1")
            } else {
                Malformed::at(
                    header.saturating_add(1),
                    "CONNACK return code above 5, or session present with a refusal",
                )
            }
        }
        pt::PUBLISH => locate_publish(flags, header, body, e),
        pt::SUBACK if remaining < 3 => {
            Malformed::at(1, "SUBACK shorter than a packet id and one code")
        }
        pt::SUBACK if read_u16(body, 0) == Some(0) => Malformed::at(header, "packet id 0"),
        pt::SUBACK => Malformed::at(
            header.saturating_add(2),
            "SUBACK return code other than 0, 1, 2 or 0x80",
        ),
        _ => Malformed::at(header, "packet id 0"),
    }
}

fn locate_publish(flags: u8, header: usize, body: &[u8], e: Error) -> Malformed {
    let qos = (flags >> 1) & 3;
    if e == Error::MqttQosUnsupported {
        return Malformed::at(0, "PUBLISH QoS 2 (the platform supports QoS 0 and 1)");
    }
    if qos == 3 {
        return Malformed::at(0, "PUBLISH QoS 3 (MQTT-3.3.1-4)");
    }
    if qos == 0 && flags & 0x08 != 0 {
        return Malformed::at(0, "PUBLISH DUP set with QoS 0 (MQTT-3.3.1-2)");
    }
    let Some(n) = read_u16(body, 0) else {
        return Malformed::at(header, "PUBLISH shorter than its topic length");
    };
    let topic_end = usize::from(n).saturating_add(2);
    let Some(topic) = body.get(2..topic_end) else {
        return Malformed::at(header, "the topic runs past the remaining length");
    };
    if topic.is_empty() || !is_mqtt_text(topic) || topic.iter().any(|&c| c == b'+' || c == b'#') {
        return Malformed::at(
            header.saturating_add(2),
            "the topic is empty, not UTF-8 or has a wildcard (MQTT-3.3.2-1/2)",
        );
    }
    Malformed::at(
        header.saturating_add(topic_end),
        "missing or zero packet id of a QoS 1 PUBLISH",
    )
}

/// Writes `"packets":[...]` for every packet of `input`; returns the first failure.
pub fn explain<S: Sink + ?Sized>(
    input: &[u8],
    w: &mut JsonWriter<'_, S>,
) -> Result<Option<Malformed>, Error> {
    w.open_array_field("packets")?;
    let mut at = 0usize;
    let mut failure = None;
    while let Some(rest) = input.get(at..) {
        if rest.is_empty() && at > 0 {
            break;
        }
        match decode_one(rest) {
            Ok((head, packet)) => {
                write_packet(w, at, &head, &packet)?;
                at = at.saturating_add(head.len);
            }
            Err(m) => {
                failure = Some(m.shifted(at));
                break;
            }
        }
    }
    w.close_array()?;
    if let Some(m) = failure {
        m.write(w)?;
    }
    Ok(failure)
}

/// Decodes without writing: the first failure, if any (for the protocol guess).
pub fn check(input: &[u8]) -> Option<Malformed> {
    let mut at = 0usize;
    loop {
        let rest = input.get(at..)?;
        if rest.is_empty() && at > 0 {
            return None;
        }
        match decode_one(rest) {
            Ok((head, _)) => at = at.saturating_add(head.len),
            Err(m) => return Some(m.shifted(at)),
        }
    }
}

fn write_packet<S: Sink + ?Sized>(
    w: &mut JsonWriter<'_, S>,
    at: usize,
    head: &Head,
    packet: &PacketView<'_>,
) -> Result<(), Error> {
    w.open()?;
    w.field_size("at", at)?;
    w.field_size("length", head.len)?;
    w.field_str("type", type_name(head.kind))?;
    w.field_uint("type_code", u32::from(head.kind))?;
    w.field_uint("header_flags", u32::from(head.flags))?;
    w.field_size("remaining_length", head.remaining)?;
    match packet {
        PacketView::Connect(c) => write_connect(w, c)?,
        PacketView::Known(p, bytes) => write_known(w, p, bytes)?,
        PacketView::Other { body: [] } => {}
        PacketView::Other { body } => {
            w.field_bool("body_decoded", false)?;
            w.field_hex("body_hex", body)?;
        }
    }
    w.close()
}

fn write_connect<S: Sink + ?Sized>(
    w: &mut JsonWriter<'_, S>,
    c: &Connect<'_>,
) -> Result<(), Error> {
    use crate::diagnose::connect_decode::flags as f;
    w.field_text("protocol_name", c.protocol_name.bytes)?;
    w.field_uint("protocol_level", u32::from(c.level))?;
    w.open_field("connect_flags")?;
    w.field_uint("byte", u32::from(c.flags))?;
    w.field_bool("username", c.flags & f::USERNAME != 0)?;
    w.field_bool("password", c.flags & f::PASSWORD != 0)?;
    w.field_bool("will_retain", c.flags & f::WILL_RETAIN != 0)?;
    w.field_uint("will_qos", u32::from(c.will_qos()))?;
    w.field_bool("will", c.flags & f::WILL != 0)?;
    w.field_bool("clean_session", c.flags & f::CLEAN_SESSION != 0)?;
    w.close()?;
    w.field_uint("keepalive", u32::from(c.keepalive))?;
    w.field_text("client_id", c.client_id.bytes)?;
    write_client_id_parts(w, c.client_id.bytes, c.client_id.at.saturating_add(2))?;
    if let Some(will) = &c.will {
        w.field_text("will_topic", will.topic.bytes)?;
        w.field_text("will_message", will.message.bytes)?;
    }
    if let Some(u) = &c.username {
        w.field_text("username", u.bytes)?;
    }
    if let Some(p) = &c.password {
        w.field_text("password", p.bytes)?;
    }
    Ok(())
}

/// `"client_id_parts":{"id":..,"params":[{"key":..,"value":..},..]}`, or the byte where the
/// parameter syntax breaks as `"client_id_error"` (offsets in the packet).
fn write_client_id_parts<S: Sink + ?Sized>(
    w: &mut JsonWriter<'_, S>,
    client_id: &[u8],
    at: usize,
) -> Result<(), Error> {
    let parsed = client_id_params::split(client_id).and_then(|c| c.check().map(|()| c));
    match parsed {
        Ok(c) => {
            w.open_field("client_id_parts")?;
            w.field_text("id", c.id)?;
            w.open_array_field("params")?;
            for p in c.params().flatten() {
                w.open()?;
                w.field_text("key", p.key)?;
                w.field_text("value", p.value)?;
                w.close()?;
            }
            w.close_array()?;
            w.close()
        }
        Err(m) => {
            let m = m.shifted(at);
            w.open_field("client_id_error")?;
            w.field_size("at", m.at)?;
            w.field_str("why", m.why)?;
            w.close()
        }
    }
}

fn write_known<S: Sink + ?Sized>(
    w: &mut JsonWriter<'_, S>,
    p: &Packet,
    bytes: &[u8],
) -> Result<(), Error> {
    let kind = u8::try_from(p.kind).unwrap_or(0);
    let packet_id = u32::from(p.packet_id);
    match kind {
        pt::CONNACK => {
            let return_code = u8::try_from(p.return_code).unwrap_or(u8::MAX);
            w.field_bool("session_present", p.flags & FLAG_SESSION_PRESENT != 0)?;
            w.field_uint("return_code", p.return_code)?;
            w.field_str("meaning", connack_meaning(return_code))
        }
        pt::PUBLISH => {
            let payload = p.payload(bytes);
            w.field_bool("dup", p.flags & FLAG_DUP != 0)?;
            w.field_uint("qos", p.qos)?;
            w.field_bool("retain", p.flags & FLAG_RETAIN != 0)?;
            w.field_text("topic", p.topic(bytes))?;
            if p.qos > 0 {
                w.field_uint("packet_id", packet_id)?;
            }
            w.field_size("payload_length", payload.len())?;
            w.field_text("payload", payload)
        }
        pt::PUBACK | pt::UNSUBACK => w.field_uint("packet_id", packet_id),
        pt::SUBACK => {
            w.field_uint("packet_id", packet_id)?;
            w.open_array_field("return_codes")?;
            for &c in p.payload(bytes) {
                w.uint(u32::from(c))?;
            }
            w.close_array()
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
#[path = "mqtt_explain_tests.rs"]
mod mqtt_explain_tests;
