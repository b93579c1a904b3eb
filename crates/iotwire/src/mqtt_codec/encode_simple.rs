//! The fixed-size packets a client sends: PUBACK (4 bytes), PINGREQ and DISCONNECT (2 bytes).

use crate::Error;
use crate::layout::{Layout, Part};
use crate::mqtt_codec::packet_type;

/// `40 02 <id>`: the acknowledgement of a received QoS 1 PUBLISH.
pub fn puback<'p>(packet_id: u16, parts: &'p mut [Part<'static>; 1]) -> Result<Layout<'p>, Error> {
    if packet_id == 0 {
        return Err(Error::MqttInvalidPacketId);
    }
    *parts = [Part::u16(packet_id)];
    Layout::packet(packet_type::PUBACK << 4, parts, 0)
}

/// `C0 00` (PINGREQ) or `E0 00` (DISCONNECT): a packet of only its type.
pub fn bare(kind: u8) -> Result<Layout<'static>, Error> {
    Layout::packet(kind << 4, &[], 0)
}
