//! SUBSCRIBE and UNSUBSCRIBE (MQTT 3.1.1 sections 3.8 and 3.10): fixed-header flags `0010`,
//! a non-zero packet id and at least one valid topic filter.

use crate::Error;
use crate::layout::{Layout, NOTHING, Part};
use crate::mqtt_codec::{Qos, packet_type, topic_filter};

/// Most filters one packet takes here (the C ABI's `IOTWIRE_MQTT_MAX_FILTERS`).
pub const MAX_FILTERS: usize = 8;
/// Parts of the largest packet: the packet id, then a filter and its QoS byte per filter.
pub const MAX_PARTS: usize = 1 + 2 * MAX_FILTERS;

/// The checks of both packets: a non-zero packet id, 1..=[`MAX_FILTERS`] filters, each a
/// valid topic filter.
fn check(filters: &[&[u8]], packet_id: u16) -> Result<(), Error> {
    if packet_id == 0 {
        return Err(Error::MqttInvalidPacketId);
    }
    if filters.is_empty() || filters.len() > MAX_FILTERS {
        return Err(Error::InvalidArgument);
    }
    filters
        .iter()
        .try_for_each(|f| topic_filter::topic_filter(f))
}

/// Describes the packet for `filters` in `parts`, each slot written once (the packet is
/// built where it is used, never moved: returned by value, its 200 bytes would be copied):
/// the packet id, then each filter followed by `qos` for a SUBSCRIBE (`None`: UNSUBSCRIBE).
/// An empty part writes nothing, so UNSUBSCRIBE has no QoS bytes and the slots after the
/// last filter stay empty.
fn layout<'p, 'a>(
    kind: u8,
    filters: &[&'a [u8]],
    qos: Option<Qos>,
    packet_id: u16,
    parts: &'p mut [Part<'a>; MAX_PARTS],
) -> Result<Layout<'p>, Error> {
    check(filters, packet_id)?;
    let after = qos.map_or(NOTHING, |q| Part::byte(q.bits()));
    let (id, pairs) = parts.split_at_mut(1);
    for slot in id {
        *slot = Part::u16(packet_id);
    }
    let mut rest = filters.iter();
    for pair in pairs.chunks_exact_mut(2) {
        let (filter, then) = rest
            .next()
            .map_or((NOTHING, NOTHING), |f| (Part::field(f), after));
        if let [x, y] = pair {
            *x = filter;
            *y = then;
        }
    }
    Layout::packet((kind << 4) | 0x02, parts, 0)
}

/// A SUBSCRIBE asking for `qos` on every filter, described in `parts`. (The platform
/// delivers at the publisher's QoS whatever is asked; QoS 2 is refused before this.)
pub fn subscribe<'p, 'a>(
    filters: &[&'a [u8]],
    qos: Qos,
    packet_id: u16,
    parts: &'p mut [Part<'a>; MAX_PARTS],
) -> Result<Layout<'p>, Error> {
    layout(packet_type::SUBSCRIBE, filters, Some(qos), packet_id, parts)
}

/// An UNSUBSCRIBE, described in `parts`.
pub fn unsubscribe<'p, 'a>(
    filters: &[&'a [u8]],
    packet_id: u16,
    parts: &'p mut [Part<'a>; MAX_PARTS],
) -> Result<Layout<'p>, Error> {
    layout(packet_type::UNSUBSCRIBE, filters, None, packet_id, parts)
}
