//! Drives `iotwire_explain` through the C ABI with arbitrary bytes as MQTT, CoAP, HTTP or a
//! guessed protocol, with or without a symmetric-mode key. The input and key live in
//! exact-size heap blocks, the report in a guarded block. It must never crash; the size query
//! must give the report's exact size; the report must be one JSON object (serde_json is the
//! oracle) whose `error` is there exactly when the verdict says the input does not decode,
//! pointing inside the input; nothing may be written past the report.
//! Input layout: fuzz/README.md, "diagnose_explain".
#![no_main]

use iotwire_ffi::diagnose::*;
use iotwire_ffi::status::*;
use iotwire_fuzz::input::Input;
use iotwire_fuzz::mem::{Block, GUARD};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut inp = Input::new(data);
    let control = inp.u8();
    let protocol = u32::from(control % 5); // 4: not a protocol
    let key = if control & 0x80 != 0 {
        inp.bytes(16).to_vec()
    } else {
        Vec::new()
    };
    let input = Block::from_bytes(inp.rest());
    let key_block = Block::from_bytes(&key);
    let key_ptr = if key.is_empty() {
        std::ptr::null()
    } else {
        key_block.ptr().cast_const()
    };
    let mut need = usize::MAX;
    let mut verdict = i32::MIN;
    // SAFETY: every pointer is valid for its length; the outputs are distinct locals.
    let rc = unsafe {
        iotwire_explain(
            protocol,
            input.ptr(),
            input.len(),
            key_ptr,
            key.len(),
            std::ptr::null_mut(),
            0,
            &mut need,
            &mut verdict,
        )
    };
    if protocol == 4 {
        assert_eq!(rc, IOTWIRE_ERR_INVALID_SELECTOR);
        assert_eq!(
            (need, verdict),
            (usize::MAX, i32::MIN),
            "written on failure"
        );
        return;
    }
    if !key.is_empty() && key.len() != 16 {
        assert_eq!(rc, IOTWIRE_ERR_INVALID_ARGUMENT);
        return;
    }
    assert_eq!(rc, IOTWIRE_OK);
    let out = Block::new(need + 32, GUARD);
    let mut len = usize::MAX;
    let mut verdict2 = i32::MIN;
    // SAFETY: as above; `out` holds `need + 32` bytes.
    let rc = unsafe {
        iotwire_explain(
            protocol,
            input.ptr(),
            input.len(),
            key_ptr,
            key.len(),
            out.ptr().cast(),
            need,
            &mut len,
            &mut verdict2,
        )
    };
    assert_eq!(rc, IOTWIRE_OK);
    assert_eq!(len + 1, need, "size query and write disagree");
    assert_eq!(verdict, verdict2);
    // SAFETY: `out` holds `need + 32` initialised bytes.
    let bytes = unsafe { std::slice::from_raw_parts(out.ptr(), need + 32) };
    assert_eq!(bytes[len], 0);
    assert!(
        bytes[need..].iter().all(|&b| b == GUARD),
        "wrote past the report"
    );
    let report: serde_json::Value = serde_json::from_slice(&bytes[..len])
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&bytes[..len])));
    let error = &report["error"];
    assert_eq!(error.is_null(), verdict == IOTWIRE_OK, "{report}");
    assert!(matches!(
        verdict,
        IOTWIRE_OK
            | IOTWIRE_ERR_MQTT_MALFORMED
            | IOTWIRE_ERR_COAP_MALFORMED
            | IOTWIRE_ERR_HTTP_MALFORMED_REQUEST
    ));
    if !error.is_null() {
        assert!(
            error["at"].as_u64().unwrap() as usize <= input.len(),
            "{report}"
        );
    }
    assert_eq!(report["input_length"].as_u64(), Some(input.len() as u64));
    let named = ["", "mqtt", "coap", "http"][protocol as usize];
    if protocol != IOTWIRE_EXPLAIN_GUESS {
        assert_eq!(report["protocol"], named);
    }
});
