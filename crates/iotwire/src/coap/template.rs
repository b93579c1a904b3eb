//! Texts as data: a payload or a sign content is a constant text with slot codes, written by
//! one small interpreter ([`fill`]) from an array of slot values, instead of a function with a
//! `put` per piece (or a member table walked by a writer per output style).
//!
//! The templates are ASCII (plus CBOR heads below 0x80), so bytes from 0x80 up are codes; the
//! first four are those of the HTTPS templates (`http/template.rs`), so one interpreter could
//! serve both:
//!
//! - `0x80 + k` writes slot `k` as text (in CBOR mode preceded by its text-string head);
//! - `0x90 + k` writes slot `k` as it is, also in CBOR mode (a CBOR item prepared whole);
//! - `0xa0 + k` writes the lower-case hex of slot `k` (in CBOR mode as one text string);
//! - `0xc0 + k` starts a section written only when slot `k` is not empty, `0xd0 + k` one
//!   written only when it is empty; `0xff` ends it (sections do not nest).

use crate::coap::wire::Wire;

/// Writes template `t` with `slots` (slot `k` is `slots[k]`; a missing one is empty) onto `w`;
/// `cbor` adds the text-string heads of CBOR.
#[inline(never)]
#[cfg_attr(not(feature = "coap-cbor"), allow(unused_variables))]
pub fn fill(t: &[u8], slots: &[&[u8]], cbor: bool, w: &mut Wire<'_>) {
    let mut skip = false;
    let mut rest = t;
    while let Some((&code, tail)) = rest.split_first() {
        if code < 0x80 {
            let n = rest.iter().take_while(|&&c| c < 0x80).count();
            let (text, after) = rest.split_at_checked(n).unwrap_or((rest, &[]));
            if !skip {
                w.put(text);
            }
            rest = after;
            continue;
        }
        rest = tail;
        let value = slots
            .get(usize::from(code & 0x0f))
            .copied()
            .unwrap_or_default();
        let kind = code & 0xf0;
        match code {
            0xff => skip = false,
            0xc0..=0xdf => skip = value.is_empty() != (kind == 0xd0),
            _ if skip => {}
            _ => {
                #[cfg(feature = "coap-cbor")]
                if cbor && kind != 0x90 {
                    let len = value.len().saturating_mul(if kind == 0xa0 { 2 } else { 1 });
                    let len = u32::try_from(len).unwrap_or(u32::MAX);
                    crate::coap_auth::cbor::put_head(w, crate::coap_auth::cbor::MAJOR_TEXT, len);
                }
                if kind == 0xa0 {
                    w.hex(value);
                } else {
                    w.put(value);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coap::wire::TestBuf;

    fn filled(t: &[u8], slots: &[&[u8]], cbor: bool) -> std::vec::Vec<u8> {
        let mut b = TestBuf::default();
        let mut w = Wire::new(&mut b);
        fill(t, slots, cbor, &mut w);
        w.finish().unwrap();
        b.0
    }

    #[test]
    fn slots_sections_and_hex() {
        let slots: [&[u8]; 4] = [b"", b"one", b"\x01\xab", b""];
        assert_eq!(
            filled(b"a\x81b\xa2c\x83d\x8f", &slots, false),
            b"aoneb01abcd"
        );
        assert_eq!(
            filled(b"<\xc1[\x81]\xff|\xc3[\x81]\xff\xd3!\xff>", &slots, false),
            b"<[one]|!>"
        );
        assert_eq!(filled(b"", &slots, false), b"");
        // 0x80 is slot 0, not text (the first code that is not text).
        let first: [&[u8]; 1] = [b"zero"];
        assert_eq!(filled(b"<\x80>", &first, false), b"<zero>");
    }

    #[cfg(feature = "coap-cbor")]
    #[test]
    fn cbor_heads() {
        let slots: [&[u8]; 3] = [b"\x01", b"ab", b"\xff"];
        assert_eq!(
            filled(b"\x61k\x81\xa2\x90", &slots, true),
            b"\x61k\x62ab\x62ff\x01"
        );
        let long = [b'x'; 24];
        let slots: [&[u8]; 2] = [b"", &long];
        assert_eq!(filled(b"\x81", &slots, true)[..2], *b"\x78\x18");
    }
}
