//! The fixed-size packets a client sends: PUBACK (4 bytes), PINGREQ and DISCONNECT (2 bytes).

use crate::Error;
use crate::mqtt_codec::field::put_u16;
use crate::mqtt_codec::packet_type;
use crate::sink::Sink;

/// Writes `40 02 <id>`: the acknowledgement of a received QoS 1 PUBLISH.
pub fn puback<S: Sink>(packet_id: u16, s: &mut S) -> Result<(), Error> {
    if packet_id == 0 {
        return Err(Error::MqttInvalidPacketId);
    }
    s.put(&[packet_type::PUBACK << 4, 0x02])?;
    put_u16(s, packet_id)
}

/// Writes `C0 00`.
pub fn pingreq<S: Sink>(s: &mut S) -> Result<(), Error> {
    s.put(&[packet_type::PINGREQ << 4, 0x00])
}

/// Writes `E0 00`.
pub fn disconnect<S: Sink>(s: &mut S) -> Result<(), Error> {
    s.put(&[packet_type::DISCONNECT << 4, 0x00])
}
