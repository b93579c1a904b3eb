//! Drives the EnOS activation reply parsers (`iotwire_enos_activate_get_device_secret`,
//! `_get_asset_id`, `_get_id`) with arbitrary datagrams, as a C caller would. They must never
//! crash; return only documented statuses (never IOTWIRE_ERR_INTERNAL); write nothing and
//! leave `*out_len` alone on failure; and on success write 1..=64 printable ASCII characters
//! plus the NUL, the same as the size query announced, every time.
//!
//! Input: byte 0 bit 0 names the device (`pk123456` / `860123456789012`) so the match check
//! runs, bits 1..=7 pick the output capacity; the rest is the datagram.
#![no_main]

use iotwire_ffi::enos::*;
use iotwire_ffi::status::*;
use iotwire_ffi::types::iotwire_str_t;
use libfuzzer_sys::fuzz_target;
use std::ffi::c_char;

type ReplyFn = unsafe extern "C" fn(
    *const iotwire_enos_options_t,
    *const u8,
    usize,
    *mut c_char,
    usize,
    *mut usize,
) -> i32;

const ALLOWED: &[i32] = &[
    IOTWIRE_OK,
    IOTWIRE_ERR_BUFFER_TOO_SMALL,
    IOTWIRE_ERR_MISSING_FIELD,
    IOTWIRE_ERR_INVALID_JSON,
    IOTWIRE_ERR_ENOS_ACTIVATION_REFUSED,
    IOTWIRE_ERR_ENOS_INVALID_REPLY_FIELD,
    IOTWIRE_ERR_ENOS_DEVICE_MISMATCH,
    IOTWIRE_ERR_COAP_MALFORMED,
    IOTWIRE_ERR_COAP_BAD_REQUEST,
    IOTWIRE_ERR_COAP_UNAUTHORIZED,
    IOTWIRE_ERR_COAP_FORBIDDEN,
    IOTWIRE_ERR_COAP_NOT_FOUND,
    IOTWIRE_ERR_COAP_METHOD_NOT_ALLOWED,
    IOTWIRE_ERR_COAP_NOT_ACCEPTABLE,
    IOTWIRE_ERR_COAP_UNSUPPORTED_CONTENT_FORMAT,
    IOTWIRE_ERR_COAP_SERVER_ERROR,
    IOTWIRE_ERR_COAP_UNEXPECTED_CODE,
];
const GUARD: u8 = 0xA5;
const SENTINEL: usize = 0xDEAD_BEEF;

fn s(v: &str) -> iotwire_str_t {
    iotwire_str_t {
        ptr: v.as_ptr().cast(),
        len: v.len(),
    }
}

fn check(f: ReplyFn, o: &iotwire_enos_options_t, dgram: &[u8], cap: usize) {
    let mut need = SENTINEL;
    // SAFETY: size query; the datagram is a live slice.
    let q = unsafe {
        f(
            o,
            dgram.as_ptr(),
            dgram.len(),
            std::ptr::null_mut(),
            0,
            &mut need,
        )
    };
    assert!(ALLOWED.contains(&q), "size query status {q}");
    if q != IOTWIRE_OK {
        assert_eq!(need, SENTINEL, "failed size query wrote *out_len");
    } else {
        assert!((2..=IOTWIRE_ENOS_DEVICE_SECRET_MAX_SIZE).contains(&need));
    }
    let mut buf = vec![GUARD; cap + 32];
    let mut len = SENTINEL;
    // SAFETY: `buf` has `cap + 32` writable bytes; the output starts 16 in.
    let rc = unsafe {
        f(
            o,
            dgram.as_ptr(),
            dgram.len(),
            buf.as_mut_ptr().add(16).cast(),
            cap,
            &mut len,
        )
    };
    assert!(ALLOWED.contains(&rc), "status {rc}");
    if rc == IOTWIRE_OK {
        assert_eq!(q, IOTWIRE_OK);
        assert_eq!(len + 1, need, "size query and write disagree");
        let text = &buf[16..16 + len];
        assert!(!text.is_empty() && text.len() <= 64);
        assert!(text.iter().all(u8::is_ascii_graphic), "unprintable output");
        assert_eq!(buf[16 + len], 0);
        assert!(
            buf[..16]
                .iter()
                .chain(&buf[17 + len..])
                .all(|&b| b == GUARD)
        );
    } else {
        assert_eq!(len, SENTINEL, "failure wrote *out_len");
        assert!(buf.iter().all(|&b| b == GUARD), "failure wrote output");
        if q == IOTWIRE_OK {
            assert_eq!(rc, IOTWIRE_ERR_BUFFER_TOO_SMALL);
            assert!(cap < need);
        } else {
            assert_eq!(rc, q, "size query and write judged differently");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&control, dgram)) = data.split_first() else {
        return;
    };
    let mut o = std::mem::MaybeUninit::<iotwire_enos_options_t>::uninit();
    // SAFETY: valid writable pointer.
    assert_eq!(
        unsafe { iotwire_enos_options_init(o.as_mut_ptr()) },
        IOTWIRE_OK
    );
    // SAFETY: initialised above.
    let mut o = unsafe { o.assume_init() };
    if control & 1 != 0 {
        o.product_key = s("pk123456");
        o.device_key = s("860123456789012");
    }
    let cap = usize::from(control >> 1);
    for f in [
        iotwire_enos_activate_get_device_secret as ReplyFn,
        iotwire_enos_activate_get_asset_id,
        iotwire_enos_activate_get_id,
    ] {
        check(f, &o, dgram, cap);
    }
});
