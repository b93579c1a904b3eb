//! The fixed-size packets a client sends: PUBACK (4 bytes), PINGREQ and DISCONNECT (2 bytes).

use crate::Error;
use crate::layout::{Frame, NOTHING, Part};
use crate::mqtt_codec::packet_type;

/// `40 02 <id>`: the acknowledgement of a received QoS 1 PUBLISH.
pub fn puback(packet_id: u16) -> Result<Frame<'static, 1>, Error> {
    if packet_id == 0 {
        return Err(Error::MqttInvalidPacketId);
    }
    Ok(Frame {
        first: packet_type::PUBACK << 4,
        parts: [Part::u16(packet_id)],
        unwritten: 0,
    })
}

/// `C0 00` (PINGREQ) or `E0 00` (DISCONNECT): a packet of only its type.
pub fn bare(kind: u8) -> Frame<'static, 1> {
    Frame {
        first: kind << 4,
        parts: [NOTHING],
        unwritten: 0,
    }
}
