//! Decodes an MQTT CONNECT (3.1.1 section 3.1, and 3.1's `MQIsdp` level 3, which has the same
//! layout), the one packet the codec only ever writes. Every length is checked against the
//! packet's own remaining length before it is read; a failure names the byte and the rule.

use crate::diagnose::malformed::Malformed;
use crate::mqtt_codec::field::{is_mqtt_text, read_u16};
use crate::mqtt_codec::packet_type;
use crate::mqtt_codec::remaining_length::{self, Parsed};

/// Connect flags (section 3.1.2.3).
pub mod flags {
    /// Bit 0: reserved, must be 0.
    pub const RESERVED: u8 = 0x01;
    /// Bit 1: clean session.
    pub const CLEAN_SESSION: u8 = 0x02;
    /// Bit 2: a will message follows the client id.
    pub const WILL: u8 = 0x04;
    /// Bits 3-4: will QoS.
    pub const WILL_QOS: u8 = 0x18;
    /// Bit 5: will retain.
    pub const WILL_RETAIN: u8 = 0x20;
    /// Bit 6: a password follows.
    pub const PASSWORD: u8 = 0x40;
    /// Bit 7: a user name follows.
    pub const USERNAME: u8 = 0x80;
}

/// A field of the packet and where it starts (its length prefix).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field<'a> {
    /// The bytes after the length prefix.
    pub bytes: &'a [u8],
    /// Offset of the length prefix in the packet.
    pub at: usize,
}

/// The will message announced by the will flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Will<'a> {
    /// Will topic (MQTT text).
    pub topic: Field<'a>,
    /// Will message (any bytes).
    pub message: Field<'a>,
}

/// A decoded CONNECT; every slice borrows the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Connect<'a> {
    /// Bytes of the whole packet (the input may continue with other packets).
    pub len: usize,
    /// Remaining length, as encoded.
    pub remaining: usize,
    /// Protocol name (`MQTT` for 3.1.1, `MQIsdp` for 3.1).
    pub protocol_name: Field<'a>,
    /// Protocol level (4 for 3.1.1, 3 for 3.1).
    pub level: u8,
    /// The connect flags byte.
    pub flags: u8,
    /// Offset of the flags byte.
    pub flags_at: usize,
    /// Keepalive in seconds (0: none).
    pub keepalive: u16,
    /// Offset of the keepalive.
    pub keepalive_at: usize,
    /// Client identifier (MQTT text).
    pub client_id: Field<'a>,
    /// Will topic and message, when the will flag is set.
    pub will: Option<Will<'a>>,
    /// User name, when its flag is set.
    pub username: Option<Field<'a>>,
    /// Password, when its flag is set (any bytes).
    pub password: Option<Field<'a>>,
}

impl Connect<'_> {
    /// Will QoS bits.
    pub fn will_qos(&self) -> u8 {
        (self.flags & flags::WILL_QOS) >> 3
    }
}

/// Reads length-prefixed fields of the packet body, tracking offsets in the whole packet.
struct Reader<'a> {
    packet: &'a [u8],
    pos: usize,
    end: usize,
}

impl<'a> Reader<'a> {
    fn u8(&mut self, what: &'static str) -> Result<u8, Malformed> {
        if self.pos >= self.end {
            return Err(Malformed::at(self.pos, what));
        }
        let b = self
            .packet
            .get(self.pos)
            .copied()
            .ok_or(Malformed::at(self.pos, what))?;
        self.pos = self.pos.saturating_add(1);
        Ok(b)
    }

    fn u16(&mut self, what: &'static str) -> Result<u16, Malformed> {
        let body = self.packet.get(..self.end).unwrap_or(&[]);
        let v = read_u16(body, self.pos).ok_or(Malformed::at(self.pos, what))?;
        self.pos = self.pos.saturating_add(2);
        Ok(v)
    }

    /// A length-prefixed field; `text` applies MQTT's UTF-8 string rules.
    fn field(
        &mut self,
        past_end: &'static str,
        text: Option<&'static str>,
    ) -> Result<Field<'a>, Malformed> {
        let at = self.pos;
        let n = usize::from(self.u16(past_end)?);
        let start = self.pos;
        let stop = start.saturating_add(n);
        if stop > self.end {
            return Err(Malformed::at(at, past_end));
        }
        let bytes = self
            .packet
            .get(start..stop)
            .ok_or(Malformed::at(at, past_end))?;
        if let Some(why) = text
            && !is_mqtt_text(bytes)
        {
            return Err(Malformed::at(start, why));
        }
        self.pos = stop;
        Ok(Field { bytes, at })
    }
}

/// The fixed header of the packet at the start of `input`: (type, flags, remaining length,
/// header length). Shared with the explainer, which reads every packet type's header.
pub fn fixed_header(input: &[u8]) -> Result<(u8, u8, usize, usize), Malformed> {
    let Some((&b0, rest)) = input.split_first() else {
        return Err(Malformed::truncated(0, "empty input", 2));
    };
    match remaining_length::parse(rest) {
        Ok(Parsed::Complete { value, width }) => {
            Ok((b0 >> 4, b0 & 0x0f, value, width.saturating_add(1)))
        }
        Ok(Parsed::Incomplete) => Err(Malformed::at(
            input.len(),
            "the input ends inside the remaining-length field",
        )),
        Err(_) => Err(Malformed::at(
            1,
            "remaining length longer than 4 bytes (MQTT-2.2.3)",
        )),
    }
}

/// Decodes the CONNECT at the start of `input`.
pub fn decode_connect(input: &[u8]) -> Result<Connect<'_>, Malformed> {
    let (kind, nibble, remaining, header) = fixed_header(input)?;
    if kind != packet_type::CONNECT {
        return Err(Malformed::at(
            0,
            "not a CONNECT (the first byte's high nibble is not 1)",
        ));
    }
    if nibble != 0 {
        return Err(Malformed::at(
            0,
            "CONNECT with flag bits set in the first byte (must be 0000)",
        ));
    }
    let total = header.saturating_add(remaining);
    if input.len() < total {
        return Err(Malformed::truncated(
            input.len(),
            "the packet is shorter than its remaining length says",
            total,
        ));
    }
    let mut r = Reader {
        packet: input,
        pos: header,
        end: total,
    };
    let protocol_name = r.field(
        "the protocol name runs past the remaining length",
        Some("the protocol name is not MQTT text"),
    )?;
    let level = r.u8("the protocol level is past the remaining length")?;
    if level == 5 {
        return Err(Malformed::at(
            r.pos.saturating_sub(1),
            "protocol level 5 (MQTT 5.0, with properties) is not decoded",
        ));
    }
    let flags_at = r.pos;
    let f = r.u8("the connect flags are past the remaining length")?;
    check_flags(f, flags_at)?;
    let keepalive_at = r.pos;
    let keepalive = r.u16("the keepalive is past the remaining length")?;
    let client_id = r.field(
        "the client id runs past the remaining length",
        Some("the client id is not MQTT text (UTF-8 without U+0000)"),
    )?;
    let will = if f & flags::WILL != 0 {
        Some(Will {
            topic: r.field(
                "the will topic runs past the remaining length",
                Some("the will topic is not MQTT text"),
            )?,
            message: r.field("the will message runs past the remaining length", None)?,
        })
    } else {
        None
    };
    let username = if f & flags::USERNAME != 0 {
        Some(r.field(
            "the user name runs past the remaining length",
            Some("the user name is not MQTT text (UTF-8 without U+0000)"),
        )?)
    } else {
        None
    };
    let password = if f & flags::PASSWORD != 0 {
        Some(r.field("the password runs past the remaining length", None)?)
    } else {
        None
    };
    if r.pos != total {
        return Err(Malformed::at(
            r.pos,
            "bytes after the last field the connect flags announce",
        ));
    }
    Ok(Connect {
        len: total,
        remaining,
        protocol_name,
        level,
        flags: f,
        flags_at,
        keepalive,
        keepalive_at,
        client_id,
        will,
        username,
        password,
    })
}

/// The flag combinations MQTT 3.1.1 forbids (section 3.1.2.3 to 3.1.2.9).
fn check_flags(f: u8, at: usize) -> Result<(), Malformed> {
    let why = if f & flags::RESERVED != 0 {
        "reserved connect flag (bit 0) set (MQTT-3.1.2-3)"
    } else if f & flags::WILL_QOS == flags::WILL_QOS {
        "will QoS 3 (MQTT-3.1.2-14)"
    } else if f & flags::WILL == 0 && f & (flags::WILL_QOS | flags::WILL_RETAIN) != 0 {
        "will QoS or will retain set without the will flag (MQTT-3.1.2-13/15)"
    } else if f & flags::PASSWORD != 0 && f & flags::USERNAME == 0 {
        "password flag without the user name flag (MQTT-3.1.2-22)"
    } else {
        return Ok(());
    };
    Err(Malformed::at(at, why))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mqtt_codec::encode_connect::Connect as Enc;

    fn encoded(client_id: &[u8], user: Option<&[u8]>, pass: Option<&[u8]>) -> std::vec::Vec<u8> {
        let c = Enc {
            client_id,
            username: user,
            password: pass,
            keepalive_s: 60,
            clean_session: true,
        };
        let mut buf = [0u8; 300];
        let frame = c.frame().unwrap();
        let n = frame.layout().unwrap().write(&mut buf).unwrap();
        buf[..n].to_vec()
    }

    #[test]
    fn decodes_what_the_codec_writes() {
        let p = encoded(b"pk.dn|securemode=2|", Some(b"dn&pk"), Some(b"PW"));
        let c = decode_connect(&p).unwrap();
        assert_eq!(c.len, p.len());
        assert_eq!(c.protocol_name.bytes, b"MQTT");
        assert_eq!((c.level, c.flags, c.keepalive), (4, 0xc2, 60));
        assert_eq!(c.client_id.bytes, b"pk.dn|securemode=2|");
        assert_eq!(c.client_id.at, 12);
        assert_eq!(c.username.unwrap().bytes, b"dn&pk");
        assert_eq!(c.password.unwrap().bytes, b"PW");
        assert!(c.will.is_none());
        let mut longer = p.clone();
        longer.extend_from_slice(&[0xc0, 0x00]);
        assert_eq!(decode_connect(&longer).unwrap().len, p.len());
    }

    #[test]
    fn names_the_byte() {
        let p = encoded(b"id", Some(b"u"), Some(b"p"));
        let at = |bytes: &[u8]| decode_connect(bytes).unwrap_err().at;
        assert_eq!(at(&p[..p.len() - 1]), p.len() - 1);
        assert_eq!(decode_connect(&p[..5]).unwrap_err().need, Some(p.len()));
        let mut bad = p.clone();
        bad[9] |= 1; // reserved flag
        assert_eq!(at(&bad), 9);
        let mut bad = p.clone();
        bad[9] &= !0x80; // password without user name
        assert_eq!(at(&bad), 9);
        let mut bad = p.clone();
        bad[9] = 0x02; // no user name, no password: their bytes are left over
        assert_eq!(at(&bad), 16);
        let mut bad = p.clone();
        bad[13] = 0xff; // client id length past the end
        assert_eq!(at(&bad), 12);
        let mut bad = p.clone();
        bad[14] = 0xc3; // client id not UTF-8
        assert_eq!(at(&bad), 14);
        let mut bad = p.clone();
        bad[0] = 0x12;
        assert_eq!(at(&bad), 0);
        let mut bad = p.clone();
        bad[8] = 5;
        assert_eq!(at(&bad), 8);
        assert_eq!(at(&[0x10, 0xff, 0xff, 0xff, 0xff, 0x01]), 1);
        assert_eq!(at(&[0x10, 0xff]), 2);
        assert_eq!(at(&[]), 0);
    }

    #[test]
    fn will_fields() {
        let mut p = std::vec![0x10, 0];
        p.extend_from_slice(&[0, 4, b'M', b'Q', b'T', b'T', 4, 0x2e, 0, 60]);
        p.extend_from_slice(&[0, 1, b'c', 0, 1, b't', 0, 2, 1, 2]);
        p[1] = (p.len() - 2) as u8;
        let c = decode_connect(&p).unwrap();
        let w = c.will.unwrap();
        assert_eq!((w.topic.bytes, w.message.bytes), (&b"t"[..], &[1u8, 2][..]));
        assert_eq!(c.will_qos(), 1);
    }

    #[test]
    fn will_qos_or_retain_without_the_will_flag_is_refused() {
        let p = encoded(b"id", Some(b"u"), Some(b"p"));
        for bits in [0x20, 0x08, 0x10, 0x28] {
            let mut bad = p.clone();
            bad[9] |= bits;
            let m = decode_connect(&bad).unwrap_err();
            assert_eq!(m.at, 9, "{bits:#x}");
            assert_eq!(
                m.why,
                "will QoS or will retain set without the will flag (MQTT-3.1.2-13/15)"
            );
        }
        // The same bits with the will flag are a will (its fields must then follow).
        let mut p = std::vec![0x10, 0];
        p.extend_from_slice(&[0, 4, b'M', b'Q', b'T', b'T', 4, 0x26, 0, 60]);
        p.extend_from_slice(&[0, 1, b'c', 0, 1, b't', 0, 1, 9]);
        p[1] = (p.len() - 2) as u8;
        let c = decode_connect(&p).unwrap();
        assert_eq!(c.will.unwrap().message.bytes, [9]);
    }

    /// A CONNECT with these flags, a will (topic `t`, message `m`) and an empty client id.
    fn with_will(flags: u8) -> std::vec::Vec<u8> {
        let mut p = std::vec![0x10, 0];
        p.extend_from_slice(&[0, 4, b'M', b'Q', b'T', b'T', 4, flags, 0, 60]);
        p.extend_from_slice(&[0, 0, 0, 1, b't', 0, 1, b'm']);
        p[1] = (p.len() - 2) as u8;
        p
    }

    #[test]
    fn will_qos_is_read_from_bits_3_and_4() {
        for (flags, qos) in [(0x06, 0), (0x0e, 1), (0x16, 2), (0x36, 2)] {
            let p = with_will(flags);
            assert_eq!(decode_connect(&p).unwrap().will_qos(), qos, "{flags:#x}");
        }
    }

    #[test]
    fn will_qos_3_is_refused_at_the_flags() {
        for flags in [0x1e, 0x3e] {
            let m = decode_connect(&with_will(flags)).unwrap_err();
            assert_eq!(
                (m.at, m.why),
                (9, "will QoS 3 (MQTT-3.1.2-14)"),
                "{flags:#x}"
            );
        }
    }
}
