//! Explains a captured CoAP datagram: header, token, every option with its number, name and
//! value, the Uri-Path, the payload; with the symmetric-mode key, the seq option (2089) and the
//! payload decrypted (strict PKCS#7, as the library decrypts). The datagram is validated by the
//! codec's decoder; when it refuses, [`locate`] walks the datagram again to name the byte.

use crate::Error;
use crate::coap::cbc;
use crate::coap::decode::Message;
use crate::coap::header::{Code, TOKEN_MAX, VERSION};
use crate::coap::options::{CoapOption, OptionIter, SEQ, URI_PATH, uint_value};
use crate::coap::session::KEY_LEN;
use crate::diagnose::coap_names::{self, Format};
use crate::diagnose::json_writer::JsonWriter;
use crate::diagnose::malformed::Malformed;
use crate::sink::Sink;
use crate::sink::SinkText;

const PAYLOAD_MARKER: u8 = 0xff;

/// Writes the explanation of `datagram`; returns where it is malformed, if it is.
pub fn explain<S: Sink + ?Sized>(
    datagram: &[u8],
    key: Option<&[u8; KEY_LEN]>,
    w: &mut JsonWriter<'_, S>,
) -> Result<Option<Malformed>, Error> {
    match Message::parse(datagram) {
        Ok(m) => {
            write_message(w, &m, key)?;
            Ok(None)
        }
        Err(_) => {
            let m = locate(datagram);
            m.write(w)?;
            Ok(Some(m))
        }
    }
}

/// Decodes without writing: where the datagram is malformed, if it is.
pub fn check(datagram: &[u8]) -> Option<Malformed> {
    Message::parse(datagram).err().map(|_| locate(datagram))
}

/// True when the datagram decodes and carries something a platform message has (an option or
/// a payload): a tie-breaker for the protocol guess.
pub fn has_content(datagram: &[u8]) -> bool {
    Message::parse(datagram).is_ok_and(|m| m.options().next().is_some() || !m.payload.is_empty())
}

fn write_message<S: Sink + ?Sized>(
    w: &mut JsonWriter<'_, S>,
    m: &Message<'_>,
    key: Option<&[u8; KEY_LEN]>,
) -> Result<(), Error> {
    let h = &m.header;
    w.field_uint("version", u32::from(VERSION))?;
    w.field_str("type", coap_names::message_type(h.message_type))?;
    w.field_uint("type_code", u32::from(h.message_type.bits()))?;
    write_code(w, h.code)?;
    w.field_uint("message_id", u32::from(h.message_id))?;
    w.field_hex("token", m.token)?;
    w.open_array_field("options")?;
    for o in m.options().flatten() {
        write_option(w, &o, key)?;
    }
    w.close_array()?;
    if m.options_numbered(URI_PATH).next().is_some() {
        w.field_streamed("uri_path", &mut |s| {
            m.options_numbered(URI_PATH).try_for_each(|o| {
                s.put(b"/")?;
                s.put(o.value)
            })
        })?;
    }
    w.field_size("payload_length", m.payload.len())?;
    if !m.payload.is_empty() {
        w.field_text("payload", m.payload)?;
        if let Some(k) = key {
            write_decrypted(w, "payload_decrypted", m.payload, k)?;
        }
    }
    Ok(())
}

/// `"code":"c.dd","code_name":".."`.
fn write_code<S: Sink + ?Sized>(w: &mut JsonWriter<'_, S>, c: Code) -> Result<(), Error> {
    let d = c.detail();
    let text = [
        b'0'.saturating_add(c.class()),
        b'.',
        b'0'.saturating_add(d / 10),
        b'0'.saturating_add(d % 10),
    ];
    w.field_parts("code", &[&text])?;
    w.field_str("code_name", coap_names::code(c))
}

fn write_option<S: Sink + ?Sized>(
    w: &mut JsonWriter<'_, S>,
    o: &CoapOption<'_>,
    key: Option<&[u8; KEY_LEN]>,
) -> Result<(), Error> {
    let (name, format) = coap_names::option(o.number);
    w.open()?;
    w.field_uint("number", u32::from(o.number))?;
    w.field_str("name", name)?;
    match format {
        Format::Empty if o.value.is_empty() => {}
        Format::Uint if o.value.len() <= 4 => {
            let v = uint_value(o.value)
                .and_then(|v| u32::try_from(v).ok())
                .unwrap_or(0);
            w.field_uint("value", v)?;
            if (name == "Content-Format" || name == "Accept")
                && let Some(media) = coap_names::content_format(v)
            {
                w.field_str("media_type", media)?;
            }
        }
        Format::Text => w.field_text("value", o.value)?,
        _ => w.field_hex("value_hex", o.value)?,
    }
    if o.number == SEQ
        && let Some(k) = key
    {
        write_decrypted(w, "decrypted", o.value, k)?;
    }
    w.close()
}

/// The decryption of `cipher_text` under `key`, or why it fails (never both).
fn write_decrypted<S: Sink + ?Sized>(
    w: &mut JsonWriter<'_, S>,
    field: &str,
    cipher_text: &[u8],
    key: &[u8; KEY_LEN],
) -> Result<(), Error> {
    if cbc::decrypted_len(key, cipher_text).is_err() {
        return w.field_str(
            "decrypt_error",
            "not a multiple of 16 bytes, or bad PKCS#7 padding under this key (another key?)",
        );
    }
    w.field_streamed(field, &mut |s| {
        let mut t = SinkText::new(s);
        cbc::decrypt_to(&mut t, key, cipher_text, false)?;
        t.result()
    })
}

/// Where a datagram the decoder refused breaks RFC 7252, and which rule it breaks.
pub fn locate(d: &[u8]) -> Malformed {
    let Some(&first) = d.first() else {
        return Malformed::truncated(0, "empty datagram", 4);
    };
    if first >> 6 != VERSION {
        return Malformed::at(0, "version is not 1 (the first two bits must be 01)");
    }
    if usize::from(first & 0x0f) > TOKEN_MAX {
        return Malformed::at(0, "token length 9..15 is reserved (RFC 7252 3)");
    }
    if d.len() < 4 {
        return Malformed::truncated(d.len(), "shorter than the 4-byte header", 4);
    }
    let tkl = usize::from(first & 0x0f);
    let options_at = tkl.saturating_add(4);
    if d.len() < options_at {
        return Malformed::truncated(d.len(), "the token is cut off", options_at);
    }
    if d.get(1) == Some(&0) {
        return if tkl != 0 {
            Malformed::at(
                0,
                "an empty message (code 0.00) with a token (RFC 7252 4.1)",
            )
        } else {
            Malformed::at(
                4,
                "an empty message (code 0.00) with bytes after the header",
            )
        };
    }
    locate_in_options(d, options_at)
}

/// Walks the options one at a time from `at` (the codec's iterator, restarted per option so
/// that the payload marker is seen), then names what breaks.
fn locate_in_options(d: &[u8], mut at: usize) -> Malformed {
    let mut number: usize = 0;
    while let Some(rest) = d.get(at..) {
        match rest.first() {
            None => break,
            Some(&PAYLOAD_MARKER) if rest.len() == 1 => {
                return Malformed::at(at, "a payload marker (0xff) with no payload after it");
            }
            Some(&PAYLOAD_MARKER) => break,
            Some(_) => {}
        }
        match OptionIter::new(rest).next() {
            Some(Ok(o)) => {
                number = number.saturating_add(usize::from(o.number));
                if number > usize::from(u16::MAX) {
                    return Malformed::at(
                        at,
                        "option number above 65535 (the deltas add up too far)",
                    );
                }
                let end = offset_after(d, o.value);
                if end <= at {
                    break;
                }
                at = end;
            }
            _ => return option_header_fault(d, at),
        }
    }
    // Not reached for input the decoder refused; kept as a description rather than a panic.
    Malformed::at(at, "not well-formed CoAP")
}

/// Offset in `d` just after `value` (a subslice of `d`).
fn offset_after(d: &[u8], value: &[u8]) -> usize {
    value
        .as_ptr()
        .addr()
        .saturating_sub(d.as_ptr().addr())
        .saturating_add(value.len())
}

/// Why the option starting at `at` cannot be read.
fn option_header_fault(d: &[u8], at: usize) -> Malformed {
    let first = d.get(at).copied().unwrap_or(0);
    let (delta, len) = (first >> 4, first & 0x0f);
    if delta == 15 {
        return Malformed::at(
            at,
            "option delta nibble 15 is reserved (only 0xff, the payload marker, starts with it)",
        );
    }
    if len == 15 {
        return Malformed::at(at, "option length nibble 15 is reserved");
    }
    let ext = |n: u8| match n {
        13 => 1usize,
        14 => 2,
        _ => 0,
    };
    let header = 1usize.saturating_add(ext(delta)).saturating_add(ext(len));
    let header_end = at.saturating_add(header);
    if d.len() < header_end {
        return Malformed::truncated(
            d.len(),
            "the option header's extension bytes are cut off",
            header_end,
        );
    }
    let ext_value = |n: u8, from: usize| -> usize {
        match n {
            13 => usize::from(d.get(from).copied().unwrap_or(0)).saturating_add(13),
            14 => {
                let hi = usize::from(d.get(from).copied().unwrap_or(0));
                let lo = usize::from(d.get(from.saturating_add(1)).copied().unwrap_or(0));
                (hi << 8 | lo).saturating_add(269)
            }
            n => usize::from(n),
        }
    };
    let delta_value = ext_value(delta, at.saturating_add(1));
    let value_len = ext_value(len, at.saturating_add(1).saturating_add(ext(delta)));
    if delta_value > usize::from(u16::MAX) {
        return Malformed::at(at, "option number above 65535 (the deltas add up too far)");
    }
    Malformed::truncated(
        d.len(),
        "the option value is cut off",
        header_end.saturating_add(value_len),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_each_rule() {
        let cases: &[(&[u8], usize)] = &[
            (&[], 0),
            (&[0x40, 0x01, 0x00], 3),
            (&[0x80, 0x01, 0, 0], 0),
            (&[0x49, 0x01, 0, 0], 0),
            (&[0x42, 0x01, 0, 0, 1], 5),
            (&[0x40, 0x00, 0, 0, 0xff, 1], 4),
            (&[0x41, 0x00, 0, 0, 1], 0),
            (&[0x40, 0x01, 0, 0, 0xb1, b'a', 0xff], 6),
            (&[0x40, 0x01, 0, 0, 0xb1, b'a', 0xf1, 0], 6),
            (&[0x40, 0x01, 0, 0, 0x1f], 4),
            (&[0x40, 0x01, 0, 0, 0x12, 0], 6),
            (&[0x40, 0x01, 0, 0, 0xe0, 0xff], 6),
            (&[0x40, 0x01, 0, 0, 0xe0, 0xfe, 0xf1, 0xe0, 0x01, 0x00], 7),
        ];
        for (d, at) in cases {
            assert!(Message::parse(d).is_err(), "{d:02x?}");
            assert_eq!(locate(d).at, *at, "{d:02x?}: {}", locate(d).why);
        }
    }
}

#[cfg(test)]
#[path = "coap_explain_tests.rs"]
mod coap_explain_tests;
