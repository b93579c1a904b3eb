//! SUBSCRIBE and UNSUBSCRIBE (MQTT 3.1.1 sections 3.8 and 3.10): fixed-header flags `0010`,
//! a non-zero packet id and at least one valid topic filter.

use crate::Error;
use crate::mqtt_codec::field::{field_size, put_field, put_u16};
use crate::mqtt_codec::remaining_length;
use crate::mqtt_codec::{Qos, packet_type, topic_filter};
use crate::sink::Sink;

fn check(filters: &[&[u8]], packet_id: u16) -> Result<(), Error> {
    if packet_id == 0 {
        return Err(Error::MqttInvalidPacketId);
    }
    if filters.is_empty() {
        return Err(Error::InvalidArgument);
    }
    filters
        .iter()
        .try_for_each(|f| topic_filter::topic_filter(f))
}

/// Remaining length: packet id plus each filter (and, for SUBSCRIBE, its QoS byte).
fn remaining(filters: &[&[u8]], per_filter: usize) -> Result<usize, Error> {
    let rem = filters
        .iter()
        .try_fold(2usize, |acc, f| {
            let n = field_size(f.len()).ok()?.checked_add(per_filter)?;
            acc.checked_add(n)
        })
        .ok_or(Error::MqttPacketTooLarge)?;
    if rem > remaining_length::MAX {
        return Err(Error::MqttPacketTooLarge);
    }
    Ok(rem)
}

fn encode_list<S: Sink>(
    kind: u8,
    filters: &[&[u8]],
    qos: Option<Qos>,
    packet_id: u16,
    s: &mut S,
) -> Result<(), Error> {
    check(filters, packet_id)?;
    let rem = remaining(filters, usize::from(qos.is_some()))?;
    s.put_byte((kind << 4) | 0x02)?;
    remaining_length::put(s, rem)?;
    put_u16(s, packet_id)?;
    for f in filters {
        put_field(s, f)?;
        if let Some(q) = qos {
            s.put_byte(q.bits())?;
        }
    }
    Ok(())
}

/// Writes a SUBSCRIBE asking for `qos` on every filter. (The platform delivers at the
/// publisher's QoS whatever is asked; QoS 2 is refused before any byte is written.)
pub fn subscribe<S: Sink>(
    filters: &[&[u8]],
    qos: Qos,
    packet_id: u16,
    s: &mut S,
) -> Result<(), Error> {
    encode_list(packet_type::SUBSCRIBE, filters, Some(qos), packet_id, s)
}

/// Writes an UNSUBSCRIBE.
pub fn unsubscribe<S: Sink>(filters: &[&[u8]], packet_id: u16, s: &mut S) -> Result<(), Error> {
    encode_list(packet_type::UNSUBSCRIBE, filters, None, packet_id, s)
}
