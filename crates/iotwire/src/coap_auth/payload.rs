//! The auth request's members and the three ways they are written, each a template (see
//! [`crate::coap::template`]) over the same slots: the JSON payload, the CBOR payload, and the
//! sign content.
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
use crate::coap::template::fill;
use crate::coap::wire::{Wire, decimal};
#[cfg(feature = "coap-cbor")]
use crate::coap_auth::cbor;
use crate::coap_auth::params::{AuthParams, CLIENT_ID_MAX, Format};
use crate::sink::Text;

// Slots of the templates below (see `coap::template`).
// 1 productKey, 2 deviceName, 3 clientId, 4 the sign's MAC (written as hex), 5 signmethod,
// 6 timestamp, 7 ackMode as a digit, 8 seq, 9 ackMode as a CBOR unsigned integer.
/// The JSON payload.
const JSON: &[u8] = b"{\"productKey\":\"\x81\",\"deviceName\":\"\x82\",\"clientId\":\"\x83\",\
\"sign\":\"\xa4\"\xc5,\"signmethod\":\"\x85\"\xff\xc6,\"timestamp\":\"\x86\"\xff\
\xc7,\"ackMode\":\x87\xff\xc8,\"seq\":\"\x88\"\xff}";
/// The sign content: members sorted by name, no `sign` or `signmethod`.
const SIGN_CONTENT: &[u8] =
    b"\xc7ackMode\x87\xffclientId\x83deviceName\x82productKey\x81\xc8seq\x88\xff\xc6timestamp\x86\xff";
/// The CBOR map's members (the map head is written before them); the key heads are literal.
#[cfg(feature = "coap-cbor")]
const CBOR: &[u8] = b"\x6aproductKey\x81\x6adeviceName\x82\x68clientId\x83\x64sign\xa4\
\xc5\x6asignmethod\x85\xff\xc6\x69timestamp\x86\xff\xc7\x67ackMode\x99\xff\xc8\x63seq\x88\xff";

/// Writes template `t` with the slots of `p` (`sign` the sign's MAC, or empty for the sign
/// content); `cbor` writes a CBOR map. One out-of-line body for the three outputs.
#[inline(never)]
fn write(
    p: &AuthParams<'_>,
    sign: &[u8],
    t: &[u8],
    cbor: bool,
    w: &mut Wire<'_>,
) -> Result<(), Error> {
    let mut digits = [0u8; 11];
    let seq = match p.seq_value()? {
        Some(v) => decimal(u32::from_ne_bytes(v.to_ne_bytes()), true, &mut digits),
        None => &[],
    };
    // The default clientId `<pk>.<dn>` as one text (CBOR writes its length first).
    let mut id = [0u8; CLIENT_ID_MAX];
    let mut id_len = 0usize;
    for part in p.client_id_parts() {
        for &b in part {
            if let Some(d) = id.get_mut(id_len) {
                *d = b;
                id_len = id_len.saturating_add(1);
            }
        }
    }
    // `ackMode` is 0 or 1 (validated): one digit, or the same value as a CBOR integer.
    let ack = p.ack_mode.map_or([0; 2], |m| [b'0'.wrapping_add(m), m]);
    let ack_len = usize::from(p.ack_mode.is_some());
    let slots: [&[u8]; 10] = [
        b"",
        p.product_key,
        p.device_name,
        id.get(..id_len).unwrap_or_default(),
        sign,
        p.sign_method.map_or(&[], |m| m.name()),
        p.timestamp,
        ack.get(..ack_len).unwrap_or_default(),
        seq,
        ack.get(1..ack_len.saturating_add(1)).unwrap_or_default(),
    ];
    #[cfg(feature = "coap-cbor")]
    if cbor {
        // Four members always, and each optional one that is present.
        let optional = slots
            .iter()
            .skip(5)
            .take(4)
            .filter(|v| !v.is_empty())
            .count();
        let count = u32::try_from(optional).unwrap_or(0).saturating_add(4);
        cbor::put_head(w, cbor::MAJOR_MAP, count);
    }
    fill(t, &slots, cbor, w);
    Ok(())
}

/// Writes the payload in the requested format. `sign` is the sign's MAC
/// ([`crate::coap_auth::sign::compute_into`]), computed once by the caller so that measuring and
/// writing do not both run the MAC.
pub fn write_payload(p: &AuthParams<'_>, sign: &[u8], text: &mut dyn Text) -> Result<(), Error> {
    p.validate()?;
    let mut w = Wire::new(text);
    write_members(p, sign, &mut w)?;
    w.finish()
}

/// Writes the payload onto `w` (the auth datagram writes it after its options).
pub fn write_members(p: &AuthParams<'_>, sign: &[u8], w: &mut Wire<'_>) -> Result<(), Error> {
    match p.format {
        Format::Json => write(p, sign, JSON, false, w),
        #[cfg(feature = "coap-cbor")]
        Format::Cbor => write(p, sign, CBOR, true, w),
        #[cfg(not(feature = "coap-cbor"))]
        Format::Cbor => Err(Error::Unsupported),
    }
}

/// Writes the sign content onto `w` (validate first).
pub fn write_sign_content(p: &AuthParams<'_>, w: &mut Wire<'_>) -> Result<(), Error> {
    write(p, &[], SIGN_CONTENT, false, w)
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
        let mut d = crate::coap_auth::sign::SignMac::new();
        crate::coap_auth::sign::compute_into(&p, &mut d).unwrap();
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
