//! Name checks for bodies that embed names without escaping (JSON strings, form fields).

use crate::Error;
use crate::mqtt::validate;

/// A byte that can stand unescaped inside a JSON string and a form value: printable ASCII
/// except the quote, the backslash and the form's `&`, `=`, `%`, `+`.
pub fn body_safe(c: u8) -> bool {
    c.is_ascii_graphic() && !matches!(c, b'"' | b'\\' | b'&' | b'=' | b'%' | b'+')
}

/// The legacy limits (at most `max` bytes, possibly empty), plus body-safe bytes: the legacy
/// SDKs pasted names unescaped, so a quote would have changed the request's meaning.
fn lax(s: &[u8], max: usize, e: Error) -> Result<(), Error> {
    if s.len() <= max && s.iter().all(|&c| body_safe(c)) {
        Ok(())
    } else {
        Err(e)
    }
}

/// ProductKey: strict (1..=20 letters and digits) or lax (legacy limits).
pub fn product_key(pk: &[u8], lax_names: bool) -> Result<(), Error> {
    if lax_names {
        lax(pk, validate::PRODUCT_KEY_MAX, Error::InvalidProductKey)
    } else {
        validate::product_key(pk, false)
    }
}

/// DeviceName: strict (4..=32 of `[A-Za-z0-9_@.:-]`) or lax (legacy limits).
pub fn device_name(dn: &[u8], lax_names: bool) -> Result<(), Error> {
    if lax_names {
        lax(dn, validate::DEVICE_NAME_MAX, Error::InvalidDeviceName)
    } else {
        validate::device_name(dn, false)
    }
}

/// Client id in a JSON body: the MQTT rules (1..=64 printable, no `|`) and body-safe.
pub fn client_id(id: &[u8]) -> Result<(), Error> {
    validate::client_id(id)?;
    if id.iter().all(|&c| body_safe(c)) {
        Ok(())
    } else {
        Err(Error::InvalidClientId)
    }
}
