//! The auth request's members and the three ways they are written, by one writer over a
//! table: the JSON payload, the CBOR payload, and the sign content.
//!
//! Payload member order is the documented example's (`productKey`, `deviceName`, `clientId`,
//! `sign`, then `seq` last), which is also exactly what iotkit-embedded 3.2.0 and 2.3.0 send;
//! the documented extras (`signmethod`, `timestamp`, `ackMode`) go between `sign` and `seq`.
//! `seq` and `timestamp` are strings (as in the documented example and the legacy
//! `"seq":"%d"`), `ackMode` is a number. JSON has no spaces. CBOR mirrors the JSON member for
//! member (text keys, text values, `ackMode` an unsigned integer).
//!
//! The sign content is the same members except `sign` and `signmethod`, sorted by name
//! (`ackMode < clientId < deviceName < productKey < seq < timestamp`), written as `name value`
//! with no separators.

use crate::Error;
use crate::coap::wire::Wire;
use crate::coap::wire::decimal;
#[cfg(feature = "coap-cbor")]
use crate::coap_auth::cbor;
use crate::coap_auth::params::{AuthParams, Format};
use crate::sink::Text;

/// Every member name, back to back; [`NAME_ENDS`] cuts them apart (member `i` is
/// `NAMES[NAME_ENDS[i - 1]..NAME_ENDS[i]]`).
const NAMES: &[u8] = b"productKeydeviceNameclientIdsignsignmethodtimestampackModeseq";
const NAME_ENDS: [u8; 8] = [10, 20, 28, 32, 42, 51, 58, 61];
const PRODUCT_KEY: u8 = 0;
const DEVICE_NAME: u8 = 1;
const CLIENT_ID: u8 = 2;
const SIGN: u8 = 3;
const SIGN_METHOD: u8 = 4;
const TIMESTAMP: u8 = 5;
const ACK_MODE: u8 = 6;
const SEQ: u8 = 7;

/// Payload members, in wire order.
const PAYLOAD: [u8; 8] = [
    PRODUCT_KEY,
    DEVICE_NAME,
    CLIENT_ID,
    SIGN,
    SIGN_METHOD,
    TIMESTAMP,
    ACK_MODE,
    SEQ,
];
/// Sign-content members, sorted by name.
const SIGN_CONTENT: [u8; 6] = [
    ACK_MODE,
    CLIENT_ID,
    DEVICE_NAME,
    PRODUCT_KEY,
    SEQ,
    TIMESTAMP,
];

/// How members are written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Json,
    #[cfg(feature = "coap-cbor")]
    Cbor,
    /// `name value`, no quotes or separators (the sign content).
    Plain,
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

/// What the members are made of (the sign and the seq text computed once).
struct Members<'x> {
    p: &'x AuthParams<'x>,
    sign: &'x [u8],
    seq: Option<&'x [u8]>,
}

impl<'x> Members<'x> {
    /// Member `id`'s value, or `None` when the request does not carry it.
    fn value(&self, id: u8) -> Option<Val<'x>> {
        let p = self.p;
        let text = |v: &'x [u8]| Some(Val::Text([v, b"", b""]));
        match id {
            PRODUCT_KEY => text(p.product_key),
            DEVICE_NAME => text(p.device_name),
            CLIENT_ID => Some(Val::Text(p.client_id_parts())),
            SIGN => Some(Val::Hex(self.sign)),
            SIGN_METHOD => text(p.sign_method?.name()),
            TIMESTAMP if !p.timestamp.is_empty() => text(p.timestamp),
            ACK_MODE => Some(Val::Number(p.ack_mode?)),
            SEQ => text(self.seq?),
            _ => None,
        }
    }

    /// Writes the members `order` names (those present) in `style`.
    #[inline(never)]
    fn write(&self, order: &[u8], style: Style, w: &mut Wire<'_>) {
        match style {
            Style::Json => w.byte(b'{'),
            #[cfg(feature = "coap-cbor")]
            Style::Cbor => {
                let count = order.iter().filter(|id| self.value(**id).is_some()).count();
                cbor::put_head(w, cbor::MAJOR_MAP, u32::try_from(count).unwrap_or(0));
            }
            Style::Plain => {}
        }
        let mut first = true;
        for &id in order {
            let Some(value) = self.value(id) else {
                continue;
            };
            if style == Style::Json && !first {
                w.byte(b',');
            }
            first = false;
            let end = usize::from(NAME_ENDS.get(usize::from(id)).copied().unwrap_or(0));
            let start = match id.checked_sub(1) {
                Some(prev) => usize::from(NAME_ENDS.get(usize::from(prev)).copied().unwrap_or(0)),
                None => 0,
            };
            let name = NAMES.get(start..end).unwrap_or_default();
            match style {
                Style::Plain => w.put(name),
                _ => text(w, style, &[name]),
            }
            if style == Style::Json {
                w.byte(b':');
            }
            match value {
                Val::Text(parts) => text(w, style, &parts),
                Val::Hex(bytes) => {
                    open_text(w, style, bytes.len().saturating_mul(2));
                    w.hex(bytes);
                    close_text(w, style);
                }
                #[cfg(feature = "coap-cbor")]
                Val::Number(n) if style == Style::Cbor => {
                    cbor::put_head(w, cbor::MAJOR_UINT, u32::from(n));
                }
                Val::Number(n) => w.put(decimal(u32::from(n), false, &mut [0; 11])),
            }
        }
        if style == Style::Json {
            w.byte(b'}');
        }
    }
}

/// A text value given as pieces (validated: needs no JSON escaping).
fn text(w: &mut Wire<'_>, style: Style, parts: &[&[u8]]) {
    let len = parts.iter().fold(0usize, |n, p| n.saturating_add(p.len()));
    open_text(w, style, len);
    parts.iter().for_each(|p| w.put(p));
    close_text(w, style);
}

/// Opens a text value of `len` bytes (the length is only CBOR's business).
#[cfg_attr(not(feature = "coap-cbor"), allow(unused_variables))]
fn open_text(w: &mut Wire<'_>, style: Style, len: usize) {
    match style {
        Style::Json => w.byte(b'"'),
        #[cfg(feature = "coap-cbor")]
        Style::Cbor => {
            cbor::put_head(w, cbor::MAJOR_TEXT, u32::try_from(len).unwrap_or(u32::MAX));
        }
        Style::Plain => {}
    }
}

fn close_text(w: &mut Wire<'_>, style: Style) {
    if style == Style::Json {
        w.byte(b'"');
    }
}

/// Runs `f` with the members of `p` (the seq formatted as the profile prints it).
fn with_members(
    p: &AuthParams<'_>,
    sign: &[u8],
    f: impl FnOnce(&Members<'_>),
) -> Result<(), Error> {
    let mut digits = [0u8; 11];
    let seq = p
        .seq_value()?
        .map(|v| decimal(u32::from_ne_bytes(v.to_ne_bytes()), true, &mut digits));
    f(&Members { p, sign, seq });
    Ok(())
}

/// Writes the payload in the requested format. `sign` is the sign's MAC
/// ([`crate::coap_auth::sign::compute`]), computed once by the caller so that measuring and
/// writing do not both run the MAC.
pub fn write_payload(p: &AuthParams<'_>, sign: &[u8], text: &mut dyn Text) -> Result<(), Error> {
    p.validate()?;
    let mut w = Wire::new(text);
    write_members(p, sign, &mut w)?;
    w.finish()
}

/// Writes the payload onto `w` (the auth datagram writes it after its options).
pub fn write_members(p: &AuthParams<'_>, sign: &[u8], w: &mut Wire<'_>) -> Result<(), Error> {
    let style = match p.format {
        Format::Json => Style::Json,
        #[cfg(feature = "coap-cbor")]
        Format::Cbor => Style::Cbor,
        #[cfg(not(feature = "coap-cbor"))]
        Format::Cbor => return Err(Error::Unsupported),
    };
    with_members(p, sign, |m| m.write(&PAYLOAD, style, w))
}

/// Writes the sign content onto `w`.
pub fn write_sign_content(p: &AuthParams<'_>, w: &mut Wire<'_>) -> Result<(), Error> {
    with_members(p, &[], |m| m.write(&SIGN_CONTENT, Style::Plain, w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coap::wire::TestBuf;
    use crate::coap_auth::params::tests::doc;

    #[test]
    fn json_order_and_types() {
        let mut p = doc();
        p.timestamp = b"1524448722000";
        p.ack_mode = Some(1);
        p.seq = Some(10);
        p.client_id = b"c";
        let d = crate::coap_auth::sign::compute(&p).unwrap();
        let mut w = TestBuf::default();
        write_payload(&p, d.as_bytes(), &mut w).unwrap();
        let text = core::str::from_utf8(&w.0).unwrap();
        assert!(text.starts_with("{\"productKey\":\"a1NUjcVkHZS\",\"deviceName\":\"ff1a11e7c08d4b3db2b1500d8e0e55\",\"clientId\":\"c\",\"sign\":\""));
        assert!(text.ends_with("\",\"timestamp\":\"1524448722000\",\"ackMode\":1,\"seq\":\"10\"}"));
        #[cfg(feature = "coap-cbor")]
        {
            // The same members as a CBOR map: 7 pairs (no signmethod), ackMode an integer.
            p.format = Format::Cbor;
            let mut c = TestBuf::default();
            write_payload(&p, d.as_bytes(), &mut c).unwrap();
            assert_eq!(c.0[..12], *b"\xa7\x6aproductKey");
            assert!(c.0.ends_with(b"\x67ackMode\x01\x63seq\x6210"));
        }
        // The sign content: sorted names, no separators.
        let mut t = TestBuf::default();
        crate::coap_auth::sign::write_content(&p, &mut t).unwrap();
        assert_eq!(
            t.0,
            b"ackMode1clientIdcdeviceNameff1a11e7c08d4b3db2b1500d8e0e55productKeya1NUjcVkHZSseq10timestamp1524448722000"
        );
    }
}
