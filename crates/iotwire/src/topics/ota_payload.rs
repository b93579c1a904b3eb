//! OTA report payloads (iotkit-embedded 3.2.0 `infra_report.c` / `ota_mqtt.c`):
//! - inform, on `/ota/device/inform/${pk}/${dn}`:
//!   `{"id":"<id>","params":{"version":"<version>"[,"module":"<module>"]}}`
//! - progress, on `/ota/device/progress/${pk}/${dn}`:
//!   `{"id":"<id>","params":{"step":"<step>","desc":"<desc>"[,"module":"<module>"]}}`
//!
//! `step` is the percentage 0..=100, or a failure: -1 upgrade failed, -2 download failed,
//! -3 verification failed, -4 flashing failed.

use crate::Error;
use crate::sink::{Sink, format_decimal, format_unsigned};
use crate::topics::json_text::put_member;

/// Lowest step (flashing failed).
pub const STEP_MIN: i32 = -4;
/// Highest step (100 %).
pub const STEP_MAX: i32 = 100;

fn put_id<S: Sink>(s: &mut S, id: u32) -> Result<(), Error> {
    let mut digits = [0u8; 11];
    s.put(b"{\"id\":\"")?;
    s.put(format_unsigned(id, &mut digits))?;
    s.put(b"\",\"params\":{")
}

fn put_module_and_close<S: Sink>(s: &mut S, module: &[u8]) -> Result<(), Error> {
    if !module.is_empty() {
        s.put(b",")?;
        put_member(s, b"module", module)?;
    }
    s.put(b"}}")
}

/// Writes the inform payload; `version` must not be empty.
pub fn write_inform<S: Sink>(
    s: &mut S,
    id: u32,
    version: &[u8],
    module: &[u8],
) -> Result<(), Error> {
    if version.is_empty() {
        return Err(Error::MissingField);
    }
    put_id(s, id)?;
    put_member(s, b"version", version)?;
    put_module_and_close(s, module)
}

/// Writes the progress payload; `step` must be in -4..=100.
pub fn write_progress<S: Sink>(
    s: &mut S,
    id: u32,
    step: i32,
    desc: &[u8],
    module: &[u8],
) -> Result<(), Error> {
    if !(STEP_MIN..=STEP_MAX).contains(&step) {
        return Err(Error::InvalidArgument);
    }
    let mut digits = [0u8; 11];
    put_id(s, id)?;
    s.put(b"\"step\":\"")?;
    s.put(format_decimal(step, &mut digits))?;
    s.put(b"\",")?;
    put_member(s, b"desc", desc)?;
    put_module_and_close(s, module)
}
