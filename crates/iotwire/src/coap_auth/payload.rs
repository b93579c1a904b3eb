//! The auth payload. Member order is the documented example's (`productKey`, `deviceName`,
//! `clientId`, `sign`, then `seq` last), which is also exactly what iotkit-embedded 3.2.0 and
//! 2.3.0 send; the documented extras (`signmethod`, `timestamp`, `ackMode`) go between
//! `sign` and `seq`. `seq` and `timestamp` are strings (as in the documented example and the
//! legacy `"seq":"%d"`), `ackMode` is a number.
//!
//! JSON has no spaces. CBOR mirrors the JSON member for member (text keys, text values,
//! `ackMode` an unsigned integer).

use crate::Error;
use crate::coap_auth::cbor;
use crate::coap_auth::params::{AuthParams, Format};
use crate::coap_auth::sign;
use crate::mac::Digest;
use crate::sink::{Sink, format_decimal};

/// One member value.
enum Val<'x> {
    /// Text given as pieces.
    Text([&'x [u8]; 3]),
    /// A small number (`ackMode`).
    Number(u8),
    /// The hex of the sign.
    Sign,
}

/// Writes the payload in the requested format. `digest` is the sign's MAC, computed once by
/// the caller so that measuring and writing do not both run the MAC.
pub fn write_payload<S: Sink>(p: &AuthParams<'_>, digest: &Digest, s: &mut S) -> Result<(), Error> {
    p.validate()?;
    let mut seq_buf = [0u8; 11];
    let seq = p.seq_value()?.map(|v| format_decimal(v, &mut seq_buf));
    let none: &[u8] = b"";
    let method = p.sign_method.map(|m| m.name());
    let members: [(&[u8], Option<Val<'_>>); 8] = [
        (b"productKey", Some(Val::Text([p.product_key, none, none]))),
        (b"deviceName", Some(Val::Text([p.device_name, none, none]))),
        (b"clientId", Some(Val::Text(p.client_id_parts()))),
        (b"sign", Some(Val::Sign)),
        (b"signmethod", method.map(|m| Val::Text([m, none, none]))),
        (
            b"timestamp",
            (!p.timestamp.is_empty()).then_some(Val::Text([p.timestamp, none, none])),
        ),
        (b"ackMode", p.ack_mode.map(Val::Number)),
        (b"seq", seq.map(|v| Val::Text([v, none, none]))),
    ];
    match p.format {
        Format::Json => write_json(&members, digest, s),
        Format::Cbor => write_cbor(&members, digest, s),
    }
}

fn write_json<S: Sink>(
    members: &[(&[u8], Option<Val<'_>>)],
    digest: &Digest,
    s: &mut S,
) -> Result<(), Error> {
    s.put(b"{")?;
    let mut first = true;
    for (name, value) in members {
        let Some(value) = value else { continue };
        if !first {
            s.put(b",")?;
        }
        first = false;
        s.put(b"\"")?;
        s.put(name)?;
        s.put(b"\":")?;
        match value {
            Val::Text(parts) => {
                s.put(b"\"")?;
                parts.iter().try_for_each(|part| s.put(part))?;
                s.put(b"\"")?;
            }
            Val::Number(n) => s.put_decimal(i32::from(*n))?,
            Val::Sign => {
                s.put(b"\"")?;
                sign::write_sign(digest, s)?;
                s.put(b"\"")?;
            }
        }
    }
    s.put(b"}")
}

fn write_cbor<S: Sink>(
    members: &[(&[u8], Option<Val<'_>>)],
    digest: &Digest,
    s: &mut S,
) -> Result<(), Error> {
    let present = members.iter().filter(|(_, v)| v.is_some()).count();
    cbor::put_map(s, u32::try_from(present).map_err(|_| Error::Overflow)?)?;
    for (name, value) in members {
        let Some(value) = value else { continue };
        cbor::put_text(s, &[name])?;
        match value {
            Val::Text(parts) => cbor::put_text(s, parts)?,
            Val::Number(n) => cbor::put_uint(s, u32::from(*n))?,
            Val::Sign => {
                let len = digest.as_bytes().len().saturating_mul(2);
                cbor::put_head(s, 3, u32::try_from(len).map_err(|_| Error::Overflow)?)?;
                sign::write_sign(digest, s)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coap_auth::params::tests::doc;
    use crate::sink::SliceWriter;

    #[test]
    fn json_order_and_types() {
        let mut p = doc();
        p.timestamp = b"1524448722000";
        p.ack_mode = Some(1);
        p.seq = Some(10);
        p.client_id = b"c";
        let mut d = Digest::new();
        sign::compute(&p, &mut d).unwrap();
        let mut buf = [0u8; 256];
        let mut w = SliceWriter::new(&mut buf);
        write_payload(&p, &d, &mut w).unwrap();
        let text = core::str::from_utf8(w.written()).unwrap();
        assert!(text.starts_with("{\"productKey\":\"a1NUjcVkHZS\",\"deviceName\":\"ff1a11e7c08d4b3db2b1500d8e0e55\",\"clientId\":\"c\",\"sign\":\""));
        assert!(text.ends_with("\",\"timestamp\":\"1524448722000\",\"ackMode\":1,\"seq\":\"10\"}"));
    }
}
