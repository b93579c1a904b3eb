//! OTA report payloads (iotkit-embedded 3.2.0 `infra_report.c` / `ota_mqtt.c`):
//! - inform, on `/ota/device/inform/${pk}/${dn}`:
//!   `{"id":"<id>","params":{"version":"<version>"[,"module":"<module>"]}}`
//! - progress, on `/ota/device/progress/${pk}/${dn}`:
//!   `{"id":"<id>","params":{"step":"<step>","desc":"<desc>"[,"module":"<module>"]}}`
//!
//! `step` is the percentage 0..=100, or a failure: -1 upgrade failed, -2 download failed,
//! -3 verification failed, -4 flashing failed.
//!
//! Each payload is checked first ([`check_inform`], [`check_progress`]) and then written on
//! the infallible [`Text`] sink, so the writers have no error path.

use crate::Error;
use crate::sink::{Text, format_decimal, format_unsigned};
use crate::topics::json_text::{is_json_text, put_member};

/// Lowest step (flashing failed).
pub const STEP_MIN: i32 = -4;
/// Highest step (100 %).
pub const STEP_MAX: i32 = 100;

fn text_ok(texts: &[&[u8]]) -> Result<(), Error> {
    if texts.iter().all(|t| is_json_text(t)) {
        Ok(())
    } else {
        Err(Error::InvalidArgument)
    }
}

/// The inform payload's rules: `version` not empty, both texts UTF-8.
pub fn check_inform(version: &[u8], module: &[u8]) -> Result<(), Error> {
    if version.is_empty() {
        return Err(Error::MissingField);
    }
    text_ok(&[version, module])
}

/// The progress payload's rules: `step` in -4..=100, both texts UTF-8.
pub fn check_progress(step: i32, desc: &[u8], module: &[u8]) -> Result<(), Error> {
    if !(STEP_MIN..=STEP_MAX).contains(&step) {
        return Err(Error::InvalidArgument);
    }
    text_ok(&[desc, module])
}

/// `{"id":"<id>","params":{` then the member.
fn open(t: &mut dyn Text, id: u32, key: &[u8], value: &[u8]) {
    let mut digits = [0u8; 11];
    t.put(b"{\"id\":\"");
    t.put(format_unsigned(id, &mut digits));
    t.put(b"\",\"params\":{");
    put_member(t, key, value);
}

/// `,"module":"<module>"` when a module is given, then `}}`.
fn close(t: &mut dyn Text, module: &[u8]) {
    if !module.is_empty() {
        t.put(b",");
        put_member(t, b"module", module);
    }
    t.put(b"}}");
}

/// Writes the inform payload of inputs [`check_inform`] accepted.
pub fn write_inform(t: &mut dyn Text, id: u32, version: &[u8], module: &[u8]) {
    open(t, id, b"version", version);
    close(t, module);
}

/// Writes the progress payload of inputs [`check_progress`] accepted.
pub fn write_progress(t: &mut dyn Text, id: u32, step: i32, desc: &[u8], module: &[u8]) {
    let mut digits = [0u8; 11];
    open(t, id, b"step", format_decimal(step, &mut digits));
    t.put(b",");
    put_member(t, b"desc", desc);
    close(t, module);
}
