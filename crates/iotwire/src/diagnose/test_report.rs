//! For the decoders' unit tests: a report written into an object, as `explain::explain` writes
//! it, parsed back as JSON.

use crate::Error;
use crate::diagnose::json_writer::JsonWriter;
use crate::sink::SliceWriter;
use serde_json::Value;

/// Runs `write` inside an object on a 16 KiB buffer; returns the object parsed and what `write`
/// returned.
pub(crate) fn report_of<R>(
    write: impl FnOnce(&mut JsonWriter<'_, SliceWriter<'_>>) -> Result<R, Error>,
) -> (Value, R) {
    let mut buf = std::vec![0u8; 16 * 1024];
    let mut s = SliceWriter::new(&mut buf);
    let mut w = JsonWriter::new(&mut s);
    w.open().unwrap();
    let returned = write(&mut w).unwrap();
    w.close().unwrap();
    let v = serde_json::from_slice(s.written()).unwrap();
    (v, returned)
}
