//! SUBSCRIBE and UNSUBSCRIBE (MQTT 3.1.1 sections 3.8 and 3.10): fixed-header flags `0010`,
//! a non-zero packet id and at least one valid topic filter.
//!
//! The packet is built in the caller's array of parts, never moved (returned by value, its
//! 200 bytes would be copied): [`FilterList`] fills it, [`FilterList::push`] adds a filter,
//! and [`FilterList::subscribe`] / [`FilterList::unsubscribe`] check everything and describe
//! the packet.
//!
//! ```
//! use iotwire::layout::NOTHING;
//! use iotwire::mqtt_codec::Qos;
//! use iotwire::mqtt_codec::encode_subscribe::{FilterList, MAX_PARTS};
//!
//! let mut parts = [NOTHING; MAX_PARTS];
//! let mut list = FilterList::new(&mut parts);
//! list.push(b"a/+")?;
//! let mut buf = [0u8; 16];
//! let n = list.subscribe(Qos::AtLeastOnce, 10)?.write(&mut buf)?;
//! assert_eq!(&buf[..n], &[0x82, 8, 0, 10, 0, 3, b'a', b'/', b'+', 1]);
//! # Ok::<(), iotwire::Error>(())
//! ```

use crate::Error;
use crate::layout::{Layout, NOTHING, Part};
use crate::mqtt_codec::{Qos, packet_type, topic_filter};

/// Most filters one packet takes here (the C ABI's `IOTWIRE_MQTT_MAX_FILTERS`).
pub const MAX_FILTERS: usize = 8;
/// Parts of the largest packet: the packet id, then a filter and its QoS byte per filter.
pub const MAX_PARTS: usize = 1 + 2 * MAX_FILTERS;

/// The filters of one SUBSCRIBE or UNSUBSCRIBE, as the packet's parts in the caller's array:
/// slot 0 for the packet id, then a filter and the slot after it (its requested QoS, or
/// nothing) per filter. Slots never used stay empty and write nothing.
#[derive(Debug)]
pub struct FilterList<'p, 'a> {
    parts: &'p mut [Part<'a>; MAX_PARTS],
    count: usize,
}

impl<'p, 'a> FilterList<'p, 'a> {
    /// No filters yet; `parts` becomes the packet (its slots are emptied).
    pub fn new(parts: &'p mut [Part<'a>; MAX_PARTS]) -> Self {
        for p in parts.iter_mut() {
            *p = NOTHING;
        }
        FilterList { parts, count: 0 }
    }

    /// Adds a filter (checked by [`FilterList::subscribe`] / [`FilterList::unsubscribe`]);
    /// a ninth one is [`Error::InvalidArgument`].
    pub fn push(&mut self, filter: &'a [u8]) -> Result<(), Error> {
        let at = self.count.saturating_mul(2).saturating_add(1);
        let slot = self.parts.get_mut(at).ok_or(Error::InvalidArgument)?;
        *slot = Part::field(filter);
        self.count = self.count.saturating_add(1);
        Ok(())
    }

    /// Checks a non-zero packet id, 1..=[`MAX_FILTERS`] filters, each a valid topic filter,
    /// then describes the packet: each filter followed by `after`.
    fn layout(&mut self, kind: u8, after: Part<'a>, packet_id: u16) -> Result<Layout<'_>, Error> {
        if packet_id == 0 {
            return Err(Error::MqttInvalidPacketId);
        }
        if self.count == 0 {
            return Err(Error::InvalidArgument);
        }
        let (id, pairs) = self.parts.split_at_mut(1);
        for slot in id {
            *slot = Part::u16(packet_id);
        }
        for pair in pairs.chunks_exact_mut(2).take(self.count) {
            if let [filter, then] = pair {
                topic_filter::topic_filter(filter.body())?;
                *then = after;
            }
        }
        Layout::packet((kind << 4) | 0x02, self.parts, 0)
    }

    /// The SUBSCRIBE asking for `qos` on every filter. (The platform delivers at the
    /// publisher's QoS whatever is asked; QoS 2 is refused before this.)
    pub fn subscribe(&mut self, qos: Qos, packet_id: u16) -> Result<Layout<'_>, Error> {
        self.layout(packet_type::SUBSCRIBE, Part::byte(qos.bits()), packet_id)
    }

    /// The UNSUBSCRIBE.
    pub fn unsubscribe(&mut self, packet_id: u16) -> Result<Layout<'_>, Error> {
        self.layout(packet_type::UNSUBSCRIBE, NOTHING, packet_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Eight filters fit the caller's array, each with its QoS byte; a ninth is refused.
    #[test]
    fn eight_filters_each_with_its_qos() {
        let mut parts = [NOTHING; MAX_PARTS];
        let mut list = FilterList::new(&mut parts);
        let filters: [&[u8]; 8] = [b"a", b"b", b"c", b"d", b"e", b"f", b"g", b"h"];
        for f in filters {
            list.push(f).unwrap();
        }
        assert_eq!(list.push(b"i"), Err(Error::InvalidArgument));
        let mut buf = [0u8; 64];
        let n = list
            .subscribe(Qos::AtLeastOnce, 7)
            .unwrap()
            .write(&mut buf)
            .unwrap();
        // Header (2), packet id (2), then per filter: length (2), the byte, QoS 1.
        assert_eq!(n, 2 + 2 + 8 * 4);
        for (i, f) in filters.iter().enumerate() {
            let at = 4 + 4 * i;
            assert_eq!(&buf[at..at + 4], &[0, 1, f[0], 1], "filter {i}");
        }
    }
}
