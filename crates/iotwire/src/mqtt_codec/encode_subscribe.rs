//! SUBSCRIBE and UNSUBSCRIBE (MQTT 3.1.1 sections 3.8 and 3.10): fixed-header flags `0010`,
//! a non-zero packet id and at least one valid topic filter.

use crate::Error;
use crate::layout::{Layout, NOTHING, Part};
use crate::mqtt_codec::{Qos, packet_type, topic_filter};

/// Most filters one packet takes here (the C ABI's `IOTWIRE_MQTT_MAX_FILTERS`).
pub const MAX_FILTERS: usize = 8;
/// Parts of the largest packet: the packet id, then a filter and its QoS byte per filter.
pub const MAX_PARTS: usize = 1 + 2 * MAX_FILTERS;

/// The packet for `filters`, each followed by `qos` for a SUBSCRIBE (`None`: UNSUBSCRIBE).
fn layout<'p, 'a>(
    kind: u8,
    filters: &[&'a [u8]],
    qos: Option<Qos>,
    packet_id: u16,
    parts: &'p mut [Part<'a>; MAX_PARTS],
) -> Result<Layout<'p>, Error> {
    if packet_id == 0 {
        return Err(Error::MqttInvalidPacketId);
    }
    if filters.is_empty() || filters.len() > MAX_FILTERS {
        return Err(Error::InvalidArgument);
    }
    // An empty part writes nothing: UNSUBSCRIBE has no QoS byte, and the slots after the
    // last filter stay empty.
    let after = qos.map_or(NOTHING, |q| Part::byte(q.bits()));
    let (id, pairs) = parts.split_at_mut(1);
    for slot in id {
        *slot = Part::u16(packet_id);
    }
    let mut rest = filters.iter();
    for pair in pairs.chunks_exact_mut(2) {
        let (f, a) = match rest.next() {
            Some(f) => {
                topic_filter::topic_filter(f)?;
                (Part::field(f), after)
            }
            None => (NOTHING, NOTHING),
        };
        if let [x, y] = pair {
            *x = f;
            *y = a;
        }
    }
    Layout::packet((kind << 4) | 0x02, parts, 0)
}

/// A SUBSCRIBE asking for `qos` on every filter. (The platform delivers at the publisher's
/// QoS whatever is asked; QoS 2 is refused before this is reached.)
pub fn subscribe<'p, 'a>(
    filters: &[&'a [u8]],
    qos: Qos,
    packet_id: u16,
    parts: &'p mut [Part<'a>; MAX_PARTS],
) -> Result<Layout<'p>, Error> {
    layout(packet_type::SUBSCRIBE, filters, Some(qos), packet_id, parts)
}

/// An UNSUBSCRIBE.
pub fn unsubscribe<'p, 'a>(
    filters: &[&'a [u8]],
    packet_id: u16,
    parts: &'p mut [Part<'a>; MAX_PARTS],
) -> Result<Layout<'p>, Error> {
    layout(packet_type::UNSUBSCRIBE, filters, None, packet_id, parts)
}
