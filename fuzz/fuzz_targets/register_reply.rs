//! Drives `iotwire_register_reply_get`, the parser of every registration/identity reply
//! (`/ext/register`, `/ext/regnwl`, `/ext/auth/identity/response`, the HTTPS
//! `/auth/register/device` body), with any bytes, any reply/field selector (valid or not) and
//! output buffers of every size. It must never crash, never write outside the output, write
//! nothing on failure, and on success return exactly the field serde_json (an independent
//! parser) finds, within the documented length and character limits. Layout: byte 0 reply,
//! byte 1 field, byte 2 output capacity mode, the rest is the payload.
#![no_main]

use iotwire_ffi::dynreg::iotwire_register_reply_get;
use iotwire_ffi::status::*;
use iotwire_fuzz::input::Input;
use iotwire_fuzz::mem::{Block, GUARD};
use libfuzzer_sys::fuzz_target;

const PAD: usize = 16;
const SENTINEL: usize = 0x5A5A_5A5A;
const KEYS: [&str; 5] = [
    "deviceSecret",
    "clientId",
    "deviceToken",
    "productKey",
    "deviceName",
];
const LIMITS: [usize; 5] = [64, 64, 256, 20, 32];

const ALLOWED: [i32; 10] = [
    IOTWIRE_OK,
    IOTWIRE_ERR_INVALID_SELECTOR,
    IOTWIRE_ERR_INVALID_JSON,
    IOTWIRE_ERR_MISSING_FIELD,
    IOTWIRE_ERR_REPLY_FIELD_INVALID,
    IOTWIRE_ERR_DYNREG_REJECTED,
    IOTWIRE_ERR_BUFFER_TOO_SMALL,
    IOTWIRE_ERR_OVERFLOW,
    IOTWIRE_ERR_NULL_POINTER,
    IOTWIRE_ERR_OVERLAP,
];

fuzz_target!(|data: &[u8]| run(data));

fn run(data: &[u8]) {
    let mut inp = Input::new(data);
    let reply = u32::from(inp.u8() % 5);
    let field = u32::from(inp.u8() % 6);
    let cap_mode = inp.u8();
    let src = inp.rest();
    let payload = Block::from_bytes(src);
    let cap = match cap_mode % 4 {
        0 => 0,
        1 => 257,
        2 => usize::from(cap_mode >> 2),
        _ => 1,
    };
    let query = cap == 0;
    let out = Block::new(cap + 2 * PAD, GUARD);
    let before = out.bytes().to_vec();
    let mut len = SENTINEL;
    let out_ptr = if query {
        std::ptr::null_mut()
    } else {
        out.ptr().wrapping_add(PAD).cast()
    };
    // SAFETY: valid pointers for the sizes given.
    let rc = unsafe {
        iotwire_register_reply_get(
            reply,
            payload.ptr(),
            payload.len(),
            field,
            out_ptr,
            cap,
            &mut len,
        )
    };
    assert!(ALLOWED.contains(&rc), "undocumented status {rc}");
    let after = out.bytes();
    assert_eq!(&after[..PAD], &before[..PAD], "wrote before out");
    assert_eq!(&after[PAD + cap..], &before[PAD + cap..], "wrote after out");
    if reply > 3 || field > 4 {
        assert_eq!(rc, IOTWIRE_ERR_INVALID_SELECTOR);
    }
    if rc != IOTWIRE_OK {
        assert_eq!(len, SENTINEL, "out_len written on failure");
        assert_eq!(after, &before[..], "out written on failure");
        return;
    }
    let v: serde_json::Value = match serde_json::from_slice(src) {
        Ok(v) => v,
        // serde_json refuses numbers beyond f64 (1e400); JSON's grammar allows them.
        Err(e) if e.to_string().contains("number out of range") => return,
        Err(e) => panic!("accepted a reply serde_json rejects: {e}"),
    };
    let mut o = v.as_object().expect("accepted a non-object");
    if reply == 3 {
        assert_eq!(
            o["code"].as_f64(),
            Some(200.0),
            "HTTPS reply without code 200"
        );
        o = o["data"]
            .as_object()
            .expect("HTTPS reply without data object");
    }
    let required: &[usize] = match reply {
        0 | 3 => &[0],
        1 => &[1, 2],
        _ => &[3, 4],
    };
    for &f in required.iter().chain(std::iter::once(&(field as usize))) {
        let s = o[KEYS[f]].as_str().expect("required field missing");
        assert!(!s.is_empty() && s.len() <= LIMITS[f], "{} length", KEYS[f]);
        assert!(s.bytes().all(|c| c.is_ascii_graphic()), "{} bytes", KEYS[f]);
    }
    let want = o[KEYS[field as usize]].as_str().unwrap().as_bytes();
    if query {
        assert_eq!(len, want.len() + 1, "size query");
    } else {
        assert_eq!(&after[PAD..PAD + len], want, "field value");
        assert_eq!(after[PAD + len], 0, "NUL");
        assert_eq!(&after[PAD + len + 1..], &before[PAD + len + 1..]);
    }
}
