//! Test helpers: load the committed vectors and call the C ABI the way C does.
#![allow(dead_code)]

use iotwire_ffi::mqtt::*;
use iotwire_ffi::status::*;
use iotwire_ffi::types::iotwire_str_t;
use serde_json::Value;
use std::ffi::CStr;

/// All vectors of `kind` from tests/vectors/legacy-c-sdk.dev.json.
pub fn vectors(kind: &str) -> Vec<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/vectors/legacy-c-sdk.dev.json"
    );
    let all: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("vector file")).expect("json");
    let list: Vec<Value> = all["vectors"]
        .as_array()
        .expect("vectors")
        .iter()
        .filter(|v| v["kind"] == kind)
        .cloned()
        .collect();
    assert!(!list.is_empty(), "no vectors of kind {kind}");
    list
}

/// An `iotwire_str_t` borrowing `s` (which must outlive the call).
pub fn s(v: &str) -> iotwire_str_t {
    iotwire_str_t {
        ptr: v.as_ptr().cast(),
        len: v.len(),
    }
}

/// Options initialised by the library.
pub fn options() -> iotwire_mqtt_options_t {
    let mut o = std::mem::MaybeUninit::<iotwire_mqtt_options_t>::uninit();
    // SAFETY: valid writable pointer.
    assert_eq!(
        unsafe { iotwire_mqtt_options_init(o.as_mut_ptr()) },
        IOTWIRE_OK
    );
    // SAFETY: initialised by the call above.
    unsafe { o.assume_init() }
}

pub type TextFn = unsafe extern "C" fn(
    *const iotwire_mqtt_options_t,
    *mut std::ffi::c_char,
    usize,
    *mut usize,
) -> i32;

/// Calls a text export with a size query first, then an exact-fit buffer; returns the text.
pub fn text(f: TextFn, o: &iotwire_mqtt_options_t) -> Result<String, &'static str> {
    let mut need = 0usize;
    // SAFETY: size query with valid pointers.
    let rc = unsafe { f(o, std::ptr::null_mut(), 0, &mut need) };
    if rc != IOTWIRE_OK {
        return Err(status_name(rc));
    }
    let mut buf = vec![0xA5u8; need];
    let mut len = 0usize;
    // SAFETY: buffer of `need` bytes.
    let rc = unsafe { f(o, buf.as_mut_ptr().cast(), need, &mut len) };
    assert_eq!(rc, IOTWIRE_OK);
    assert_eq!(len + 1, need);
    assert_eq!(buf[len], 0);
    Ok(String::from_utf8(buf[..len].to_vec()).expect("ascii"))
}

pub fn status_name(rc: i32) -> &'static str {
    // SAFETY: the library returns a static NUL-terminated string.
    unsafe { CStr::from_ptr(iotwire_ffi::status::iotwire_status_str(rc)) }
        .to_str()
        .expect("ascii")
}

pub fn port(o: &iotwire_mqtt_options_t) -> u16 {
    let mut p = 0u16;
    // SAFETY: valid pointers.
    assert_eq!(unsafe { iotwire_mqtt_get_port(o, &mut p) }, IOTWIRE_OK);
    p
}

pub fn jstr<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("missing string {key} in {v}"))
}
