//! Drives `iotwire_http_parse_response` (the `/auth` and `/topic/...` reply parser) with any
//! bytes as the body, any kind selector and token buffers of every size. It must never crash,
//! never write outside the token buffer or the response struct, write nothing on failure, and
//! on success agree with serde_json (an independent parser) on `code`, the token and the
//! message id, and map the documented codes to their statuses. Layout: byte 0 kind, byte 1
//! token capacity mode, the rest is the body.
#![no_main]

use iotwire_ffi::http::{iotwire_http_parse_response, iotwire_http_response_t as Resp};
use iotwire_ffi::status::*;
use iotwire_fuzz::input::Input;
use iotwire_fuzz::mem::{Block, GUARD};
use libfuzzer_sys::fuzz_target;

const PAD: usize = 16;
const SENTINEL: usize = 0x5A5A_5A5A;

fn documented(code: i64) -> i32 {
    match code {
        0 => IOTWIRE_OK,
        10000 => IOTWIRE_ERR_HTTP_COMMON_ERROR,
        10001 => IOTWIRE_ERR_HTTP_PARAM_ERROR,
        20000 => IOTWIRE_ERR_HTTP_AUTH_CHECK_ERROR,
        20001 => IOTWIRE_ERR_HTTP_TOKEN_EXPIRED,
        20002 => IOTWIRE_ERR_HTTP_TOKEN_NULL,
        20003 => IOTWIRE_ERR_HTTP_TOKEN_CHECK_ERROR,
        20004 => IOTWIRE_ERR_HTTP_UPDATE_SESSION_ERROR,
        30001 => IOTWIRE_ERR_HTTP_PUBLISH_ERROR,
        40000 => IOTWIRE_ERR_HTTP_TOO_MANY_REQUESTS,
        _ => IOTWIRE_ERR_HTTP_UNKNOWN_CODE,
    }
}

const ALLOWED: [i32; 9] = [
    IOTWIRE_OK,
    IOTWIRE_ERR_NULL_POINTER,
    IOTWIRE_ERR_INVALID_SELECTOR,
    IOTWIRE_ERR_INVALID_JSON,
    IOTWIRE_ERR_MISSING_FIELD,
    IOTWIRE_ERR_REPLY_FIELD_INVALID,
    IOTWIRE_ERR_BUFFER_TOO_SMALL,
    IOTWIRE_ERR_OVERFLOW,
    IOTWIRE_ERR_OVERLAP,
];

fuzz_target!(|data: &[u8]| run(data));

fn run(data: &[u8]) {
    let mut inp = Input::new(data);
    let kind = u32::from(inp.u8() % 4);
    let cap_mode = inp.u8();
    let body_src = inp.rest();
    // The body in its own exact-size block: a read past it is an ASan report.
    let body = Block::from_bytes(body_src);
    let cap = match cap_mode % 4 {
        0 => 0,
        1 => 257,
        2 => usize::from(cap_mode >> 2),
        _ => 1,
    };
    let query = cap == 0;
    let out = Block::new(cap + 2 * PAD, GUARD);
    let mut resp_block = Block::new(std::mem::size_of::<Resp>(), GUARD);
    resp_block.bytes_mut()[..4]
        .copy_from_slice(&(std::mem::size_of::<Resp>() as u32).to_ne_bytes());
    let resp_before = resp_block.bytes().to_vec();
    let out_before = out.bytes().to_vec();
    let mut len = SENTINEL;
    let out_ptr = if query {
        std::ptr::null_mut()
    } else {
        out.ptr().wrapping_add(PAD).cast()
    };
    // SAFETY: every pointer is valid for the sizes given.
    let rc = unsafe {
        iotwire_http_parse_response(
            kind,
            body.ptr(),
            body.len(),
            resp_block.ptr().cast(),
            out_ptr,
            cap,
            &mut len,
        )
    };
    assert!(ALLOWED.contains(&rc), "undocumented status {rc}");
    let out_after = out.bytes();
    assert_eq!(
        &out_after[..PAD],
        &out_before[..PAD],
        "wrote before the token"
    );
    assert_eq!(
        &out_after[PAD + cap..],
        &out_before[PAD + cap..],
        "wrote after the token buffer"
    );
    if rc != IOTWIRE_OK {
        assert_eq!(len, SENTINEL, "out_len written on failure");
        assert_eq!(
            out_after,
            &out_before[..],
            "token buffer written on failure"
        );
        assert_eq!(
            resp_block.bytes(),
            &resp_before[..],
            "resp written on failure"
        );
        return;
    }
    // SAFETY: the library filled the struct (checked layout: our own type).
    let r: Resp = unsafe { resp_block.ptr().cast::<Resp>().read_unaligned() };
    let v: serde_json::Value = match serde_json::from_slice(body_src) {
        Ok(v) => v,
        // serde_json refuses numbers beyond f64 (1e400); JSON's grammar allows them.
        Err(e) if e.to_string().contains("number out of range") => return,
        Err(e) => panic!("accepted a body serde_json rejects: {e}"),
    };
    let obj = v.as_object().expect("accepted a non-object");
    // serde_json reads `-0` as the float -0.0; as a JSON integer it is 0.
    let int = |v: &serde_json::Value| {
        v.as_i64()
            .or_else(|| (v.as_f64() == Some(0.0)).then_some(0))
    };
    assert_eq!(int(&obj["code"]), Some(r.code), "code");
    assert_eq!(
        r.platform_status,
        documented(r.code),
        "status of {}",
        r.code
    );
    assert_eq!(r.reauth == 1, matches!(r.code, 20001 | 20003), "reauth");
    let info = obj.get("info").and_then(|i| i.as_object());
    let want_token = info.and_then(|i| i.get("token")).and_then(|t| t.as_str());
    assert_eq!(r.has_token == 1, want_token.is_some(), "has_token");
    let tok = want_token.unwrap_or("");
    assert!(tok.len() <= 256 && tok.bytes().all(|c| c.is_ascii_graphic()));
    if query {
        assert_eq!(len, tok.len() + 1, "size query");
    } else {
        assert_eq!(len, tok.len(), "token length");
        assert_eq!(&out_after[PAD..PAD + len], tok.as_bytes(), "token bytes");
        assert_eq!(out_after[PAD + len], 0, "NUL");
        assert_eq!(&out_after[PAD + len + 1..], &out_before[PAD + len + 1..]);
    }
    if r.has_message_id == 1 {
        let id = &info.expect("message id without info")["messageId"];
        let want = id
            .as_u64()
            .or_else(|| int(id).map(|_| 0))
            .or_else(|| id.as_str().and_then(|s| s.parse().ok()));
        assert_eq!(want, Some(r.message_id), "message id");
    }
    if r.has_message == 1 {
        assert!(r.message_offset + r.message_len <= body_src.len());
    }
    if r.has_data == 1 {
        assert!(r.data_offset + r.data_len <= body_src.len());
    }
}
