//! Drives the CoAP auth-response parser through the C ABI (`iotwire_coap_auth_parse_response`
//! and `iotwire_coap_auth_accept_response`) with arbitrary datagrams. It must never crash; on
//! failure the reply (and the session) must be untouched; on success the reply must hold a
//! NUL-terminated token of 1..=192 visible ASCII characters (random: at most 32) and the
//! session must hold exactly that token.
//!
//! `iotwire_coap_auth_parse_payload` (the payload alone, for a CoAP stack that decoded the
//! datagram) gets the same input as a payload, with the same checks (and on a JSON success
//! the token is what serde_json reads), and, when `parse_response` accepts a datagram, that
//! datagram's payload as coap-lite decodes it: it must give the same token, random and
//! seqOffset.
//!
//! Input: byte 0 selects the call (bit 0: accept into a session, bit 1: CBOR requested,
//! bit 2: symmetric request (seq), bit 3: legacy profile); the rest is the datagram.
#![no_main]

use iotwire::coap::session::Session;
use iotwire_ffi::coap::{
    IOTWIRE_COAP_FORMAT_CBOR, IOTWIRE_COAP_FORMAT_JSON, IOTWIRE_COAP_PROFILE_V3_2_0,
};
use iotwire_ffi::coap_auth::*;
use iotwire_ffi::coap_auth_payload::iotwire_coap_auth_parse_payload;
use iotwire_ffi::coap_session::*;
use iotwire_ffi::status::IOTWIRE_OK;
use iotwire_ffi::types::iotwire_str_t;
use libfuzzer_sys::fuzz_target;
use std::mem::{MaybeUninit, size_of};

fn s(v: &'static str) -> iotwire_str_t {
    iotwire_str_t {
        ptr: v.as_ptr().cast(),
        len: v.len(),
    }
}

fn as_bytes<T>(v: &T) -> &[u8] {
    // SAFETY: any initialised plain-data value can be viewed as bytes.
    unsafe { std::slice::from_raw_parts((v as *const T).cast::<u8>(), size_of::<T>()) }
}

fn check_reply(r: &iotwire_coap_auth_reply_t) {
    let token: Vec<u8> = r.auth_token.iter().map(|&c| c as u8).collect();
    assert!((1..=192).contains(&r.auth_token_len));
    assert_eq!(token[r.auth_token_len], 0);
    assert!(
        token[..r.auth_token_len]
            .iter()
            .all(|c| (0x21..=0x7e).contains(c))
    );
    let random: Vec<u8> = r.random.iter().map(|&c| c as u8).collect();
    assert!(r.random_len <= 32);
    assert_eq!(random[r.random_len], 0);
    assert!(r.coap_token_len <= 8);
    assert_eq!(r.code, 0x45);
}

/// The fields parse_payload fills from the payload (the CoAP ones are the caller's).
fn auth_fields(r: &iotwire_coap_auth_reply_t) -> (Vec<u8>, Vec<u8>, u32, u32) {
    let text = |t: &[std::ffi::c_char], n: usize| t[..n].iter().map(|&c| c as u8).collect();
    (
        text(&r.auth_token, r.auth_token_len),
        text(&r.random, r.random_len),
        r.flags,
        r.seq_offset,
    )
}

/// parse_payload on `payload`: on success the reply invariants (and serde_json's token for
/// JSON), on failure an untouched reply. Returns the reply on success.
fn payload_call(payload: &[u8], format: u32) -> Option<iotwire_coap_auth_reply_t> {
    let payload = payload.to_vec().into_boxed_slice();
    let mut reply = MaybeUninit::<iotwire_coap_auth_reply_t>::uninit();
    // SAFETY: fill the whole struct with a pattern so "untouched" can be checked.
    unsafe {
        reply
            .as_mut_ptr()
            .cast::<u8>()
            .write_bytes(0x5a, size_of::<iotwire_coap_auth_reply_t>())
    };
    // SAFETY: every byte is initialised and every field is plain data.
    let mut reply = unsafe { reply.assume_init() };
    let before = as_bytes(&reply).to_vec();
    // SAFETY: valid pointers and lengths.
    let rc = unsafe {
        iotwire_coap_auth_parse_payload(payload.as_ptr(), payload.len(), format, &mut reply)
    };
    if rc != IOTWIRE_OK {
        assert_eq!(as_bytes(&reply), &before[..]);
        return None;
    }
    assert!(reply.code == 0 && reply.message_type == 0 && reply.message_id == 0);
    assert_eq!(reply.coap_token_len, 0);
    reply.code = 0x45;
    check_reply(&reply);
    reply.code = 0;
    if format == IOTWIRE_COAP_FORMAT_JSON {
        match serde_json::from_slice::<serde_json::Value>(&payload) {
            Ok(v) => {
                let token = v["token"].as_str().expect("serde_json finds the token");
                assert_eq!(auth_fields(&reply).0, token.as_bytes(), "token");
            }
            // serde_json refuses numbers beyond f64 (1e400); JSON's grammar allows them.
            Err(e) if e.to_string().contains("number out of range") => {}
            Err(e) => panic!("accepted a payload serde_json rejects: {e}"),
        }
    }
    Some(reply)
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, datagram)) = data.split_first() else {
        return;
    };
    // An exact-size heap copy, so any read past the end is an ASan report.
    let datagram = datagram.to_vec().into_boxed_slice();
    let format = if mode & 2 != 0 {
        IOTWIRE_COAP_FORMAT_CBOR
    } else {
        IOTWIRE_COAP_FORMAT_JSON
    };
    let mut reply = MaybeUninit::<iotwire_coap_auth_reply_t>::uninit();
    // SAFETY: fill the whole struct with a pattern so "untouched" can be checked.
    unsafe {
        reply
            .as_mut_ptr()
            .cast::<u8>()
            .write_bytes(0x5a, size_of::<iotwire_coap_auth_reply_t>())
    };
    // SAFETY: every byte is initialised and every field is plain data.
    let mut reply = unsafe { reply.assume_init() };
    let before_reply = as_bytes(&reply).to_vec();

    if mode & 1 == 0 {
        // SAFETY: valid pointers and lengths.
        let rc = unsafe {
            iotwire_coap_auth_parse_response(datagram.as_ptr(), datagram.len(), format, &mut reply)
        };
        if rc == IOTWIRE_OK {
            check_reply(&reply);
            // The same payload on its own, as the datagram names its format.
            if let Ok(p) = coap_lite::Packet::from_bytes(&datagram) {
                // The first Content-Format (as the library reads it), a big-endian uint.
                let cf = p
                    .get_option(coap_lite::CoapOption::ContentFormat)
                    .and_then(|v| v.front())
                    .map(|v| v.iter().fold(0u64, |n, &b| n << 8 | u64::from(b)));
                let fmt = match cf {
                    None => Some(format),
                    Some(50) => Some(IOTWIRE_COAP_FORMAT_JSON),
                    Some(60) => Some(IOTWIRE_COAP_FORMAT_CBOR),
                    Some(_) => None,
                };
                if let Some(fmt) = fmt {
                    let alone = payload_call(&p.payload, fmt).expect("the payload parses alone");
                    assert_eq!(auth_fields(&alone), auth_fields(&reply));
                }
            }
        } else {
            assert_eq!(as_bytes(&reply), &before_reply[..]);
        }
        payload_call(&datagram, format);
        return;
    }

    let mut opts = MaybeUninit::<iotwire_coap_auth_options_t>::uninit();
    // SAFETY: valid pointer.
    assert_eq!(
        unsafe { iotwire_coap_auth_options_init(opts.as_mut_ptr()) },
        IOTWIRE_OK
    );
    // SAFETY: initialised above.
    let mut opts = unsafe { opts.assume_init() };
    opts.product_key = s("a1NUjcVkHZS");
    opts.device_name = s("dev00");
    opts.device_secret = s("mRPVdzSMu2nVBxzK77ERPIMxSYIvABCD");
    opts.format = format;
    if mode & 4 != 0 {
        opts.flags = IOTWIRE_COAP_AUTH_FLAG_SEQ;
        opts.seq = 10;
    }
    if mode & 8 != 0 {
        opts.profile = IOTWIRE_COAP_PROFILE_V3_2_0;
        opts.format = IOTWIRE_COAP_FORMAT_JSON;
    }
    let mut session = MaybeUninit::<iotwire_coap_session_t>::uninit();
    // SAFETY: valid pointer.
    assert_eq!(
        unsafe { iotwire_coap_session_init(session.as_mut_ptr(), 7) },
        IOTWIRE_OK
    );
    // SAFETY: initialised above.
    let mut session = unsafe { session.assume_init() };
    let before_session = as_bytes(&session).to_vec();
    // SAFETY: valid pointers and lengths.
    let rc = unsafe {
        iotwire_coap_auth_accept_response(
            &mut session,
            &opts,
            datagram.as_ptr(),
            datagram.len(),
            &mut reply,
        )
    };
    // SAFETY: the opaque storage holds a `Session` (that is what the C type is).
    let core = unsafe { &*(&session as *const iotwire_coap_session_t).cast::<Session>() };
    if rc == IOTWIRE_OK {
        check_reply(&reply);
        let token: Vec<u8> = reply.auth_token[..reply.auth_token_len]
            .iter()
            .map(|&c| c as u8)
            .collect();
        assert_eq!(core.auth_token(), Some(&token[..]));
        assert_eq!(core.key().is_some(), mode & 4 != 0);
    } else {
        assert_eq!(as_bytes(&reply), &before_reply[..]);
        assert_eq!(as_bytes(&session), &before_session[..]);
    }
    // SAFETY: valid pointer to an initialised session.
    unsafe { iotwire_coap_session_clear(&mut session) };
});
