//! The auth payload. Member order is the documented example's (`productKey`, `deviceName`,
//! `clientId`, `sign`, then `seq` last), which is also exactly what iotkit-embedded 3.2.0 and
//! 2.3.0 send; the documented extras (`signmethod`, `timestamp`, `ackMode`) go between
//! `sign` and `seq`. `seq` and `timestamp` are strings (as in the documented example and the
//! legacy `"seq":"%d"`), `ackMode` is a number.
//!
//! JSON has no spaces. CBOR mirrors the JSON member for member (text keys, text values,
//! `ackMode` an unsigned integer).

use crate::Error;
use crate::coap::wire::Wire;
use crate::coap_auth::cbor;
use crate::coap_auth::params::{AuthParams, Format};
use crate::mac::Digest;
use crate::sink::{Sink, format_decimal};

/// A text value of one piece.
fn one(v: &[u8]) -> [&[u8]; 3] {
    [v, b"", b""]
}

/// One member value.
enum Val<'x> {
    /// Text given as pieces.
    Text([&'x [u8]; 3]),
    /// Text: the lower-case hex of these bytes (the sign).
    Hex(&'x [u8]),
    /// A small number (`ackMode`).
    Number(u8),
}

/// Writes the payload in the requested format. `digest` is the sign's MAC, computed once by
/// the caller so that measuring and writing do not both run the MAC.
pub fn write_payload(
    p: &AuthParams<'_>,
    digest: &Digest,
    sink: &mut dyn Sink,
) -> Result<(), Error> {
    p.validate()?;
    let mut w = Wire::new(sink);
    write_members(p, digest, &mut w)?;
    w.finish()
}

/// Writes the payload onto `w` (the auth datagram writes it after its options).
pub fn write_members(p: &AuthParams<'_>, digest: &Digest, w: &mut Wire<'_>) -> Result<(), Error> {
    let mut seq_buf = [0u8; 11];
    let seq = p.seq_value()?.map(|v| format_decimal(v, &mut seq_buf));
    let members: [(&[u8], Option<Val<'_>>); 8] = [
        (b"productKey", Some(Val::Text(one(p.product_key)))),
        (b"deviceName", Some(Val::Text(one(p.device_name)))),
        (b"clientId", Some(Val::Text(p.client_id_parts()))),
        (b"sign", Some(Val::Hex(digest.as_bytes()))),
        (
            b"signmethod",
            p.sign_method.map(|m| Val::Text(one(m.name()))),
        ),
        (
            b"timestamp",
            (!p.timestamp.is_empty()).then_some(Val::Text(one(p.timestamp))),
        ),
        (b"ackMode", p.ack_mode.map(Val::Number)),
        (b"seq", seq.map(|v| Val::Text(one(v)))),
    ];
    write_map(&members, p.format, w);
    Ok(())
}

/// One writer for both formats: JSON `{"name":value,...}` without spaces, or a CBOR map with
/// text keys, text values and `ackMode` as an unsigned integer.
#[inline(never)]
fn write_map(members: &[(&[u8], Option<Val<'_>>)], format: Format, w: &mut Wire<'_>) {
    let json = format == Format::Json;
    let present = members.iter().filter(|(_, v)| v.is_some());
    if json {
        w.byte(b'{');
    } else {
        let count = u32::try_from(present.clone().count()).unwrap_or(0);
        cbor::put_head(w, cbor::MAJOR_MAP, count);
    }
    for (i, (name, value)) in present.enumerate() {
        if json && i > 0 {
            w.byte(b',');
        }
        text(w, json, &[name]);
        if json {
            w.byte(b':');
        }
        match value {
            Some(Val::Text(parts)) => text(w, json, parts),
            Some(Val::Hex(bytes)) => {
                open_text(w, json, bytes.len().saturating_mul(2));
                w.hex(bytes);
                close_text(w, json);
            }
            Some(Val::Number(n)) if json => w.put(format_decimal(i32::from(*n), &mut [0; 11])),
            Some(Val::Number(n)) => cbor::put_head(w, cbor::MAJOR_UINT, u32::from(*n)),
            None => {}
        }
    }
    if json {
        w.byte(b'}');
    }
}

/// A text value given as pieces (validated: needs no JSON escaping).
fn text(w: &mut Wire<'_>, json: bool, parts: &[&[u8]]) {
    let len = parts.iter().fold(0usize, |n, p| n.saturating_add(p.len()));
    open_text(w, json, len);
    parts.iter().for_each(|p| w.put(p));
    close_text(w, json);
}

fn open_text(w: &mut Wire<'_>, json: bool, len: usize) {
    if json {
        w.byte(b'"');
    } else {
        cbor::put_head(w, cbor::MAJOR_TEXT, u32::try_from(len).unwrap_or(u32::MAX));
    }
}

fn close_text(w: &mut Wire<'_>, json: bool) {
    if json {
        w.byte(b'"');
    }
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
        let d = crate::coap_auth::sign::compute(&p).unwrap();
        let mut buf = [0u8; 256];
        let mut w = SliceWriter::new(&mut buf);
        write_payload(&p, &d, &mut w).unwrap();
        let text = core::str::from_utf8(w.written()).unwrap();
        assert!(text.starts_with("{\"productKey\":\"a1NUjcVkHZS\",\"deviceName\":\"ff1a11e7c08d4b3db2b1500d8e0e55\",\"clientId\":\"c\",\"sign\":\""));
        assert!(text.ends_with("\",\"timestamp\":\"1524448722000\",\"ackMode\":1,\"seq\":\"10\"}"));
    }
}
