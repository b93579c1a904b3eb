//! Drives `iotwire_check_connect` through the C ABI: a device (names, DeviceSecret or
//! ProductSecret or token, an optional legacy profile) and arbitrary packet bytes (exact-size
//! heap blocks). It must never crash; the report must be one JSON object (serde_json) whose
//! problem count is the count written; and the checker must never accept what the platform
//! would refuse on the password: when it says "ok" for a device-secret or registration connect,
//! the password must be the HMAC of the reported sign content under the given secret, as the
//! harness's own HMAC (another RustCrypto release) computes it.
//! Input layout: fuzz/README.md, "diagnose_check_connect".
#![no_main]

use iotwire_ffi::diagnose::*;
use iotwire_ffi::mqtt::*;
use iotwire_ffi::status::*;
use iotwire_ffi::types::iotwire_str_t;
use iotwire_fuzz::input::Input;
use iotwire_fuzz::mem::Block;
use iotwire_fuzz::reference::{Method, hmac};
use libfuzzer_sys::fuzz_target;

/// (legacy_sdk, legacy_build) of a few profiles: none, v3.2.0 TLS+_ss, v3.2.0 TCP, v2.3.0,
/// LinkSDK 4.1.0, LinkSDK 4.2.0, the bundle with ITLS.
const PROFILES: [(u32, u32); 7] = [(0, 0), (1, 3), (1, 2), (5, 1), (6, 0), (7, 0), (4, 8)];

fn text(inp: &mut Input<'_>) -> Block {
    let n = usize::from(inp.u8() % 72);
    Block::from_bytes(inp.bytes(n))
}

fn view(b: &Block) -> iotwire_str_t {
    iotwire_str_t {
        ptr: b.ptr().cast_const().cast(),
        len: b.len(),
    }
}

fn run(opts: &iotwire_mqtt_options_t, pkt: &Block) -> Option<(String, u32)> {
    let mut need = 0usize;
    let mut problems = u32::MAX;
    // SAFETY: valid options and packet; distinct outputs.
    let rc = unsafe {
        iotwire_check_connect(
            opts,
            pkt.ptr(),
            pkt.len(),
            std::ptr::null_mut(),
            0,
            &mut need,
            &mut problems,
        )
    };
    if rc != IOTWIRE_OK {
        assert!(
            matches!(
                rc,
                IOTWIRE_ERR_INVALID_PRODUCT_KEY | IOTWIRE_ERR_INVALID_DEVICE_NAME
            ),
            "status {rc}"
        );
        assert_eq!(problems, u32::MAX, "written on failure");
        return None;
    }
    let out = Block::new(need, 0);
    let mut len = 0usize;
    let mut again = u32::MAX;
    // SAFETY: `out` holds `need` bytes.
    let rc = unsafe {
        iotwire_check_connect(
            opts,
            pkt.ptr(),
            pkt.len(),
            out.ptr().cast(),
            need,
            &mut len,
            &mut again,
        )
    };
    assert_eq!(rc, IOTWIRE_OK);
    assert_eq!((len + 1, again), (need, problems));
    // SAFETY: `len` bytes were written.
    let bytes = unsafe { std::slice::from_raw_parts(out.ptr(), len) };
    Some((
        String::from_utf8(bytes.to_vec()).expect("UTF-8 report"),
        problems,
    ))
}

fuzz_target!(|data: &[u8]| {
    let mut inp = Input::new(data);
    let control = inp.u8();
    let (pk, dn, secret) = (text(&mut inp), text(&mut inp), text(&mut inp));
    let pkt = Block::from_bytes(inp.rest());
    let mut o = std::mem::MaybeUninit::<iotwire_mqtt_options_t>::uninit();
    // SAFETY: writable.
    unsafe { iotwire_mqtt_options_init(o.as_mut_ptr()) };
    // SAFETY: initialised above.
    let mut o = unsafe { o.assume_init() };
    o.product_key = view(&pk);
    o.device_name = view(&dn);
    match control & 3 {
        0 => o.device_secret = view(&secret),
        1 => o.product_secret = view(&secret),
        2 => o.device_token = view(&secret),
        _ => {}
    }
    (o.legacy_sdk, o.legacy_build) = PROFILES[usize::from(control >> 2) % PROFILES.len()];
    let Some((json, problems)) = run(&o, &pkt) else {
        return;
    };
    let report: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("not JSON ({e}): {json}"));
    assert_eq!(
        report["problems"].as_array().unwrap().len() as u32,
        problems
    );
    assert_eq!(report["verdict"] == "ok", problems == 0, "{json}");
    let secret_given = matches!(control & 3, 0 | 1) && !secret.is_empty();
    let mode = report["mode"].as_str().unwrap_or("");
    let signed = match mode {
        "device-secret" => control & 3 == 0,
        "register" | "regnwl" => control & 3 == 1,
        _ => false,
    };
    if problems == 0 && secret_given && signed {
        // Text when the names are UTF-8, else hex under `sign_content_hex`.
        let content = match (&report["sign_content"], &report["sign_content_hex"]) {
            (serde_json::Value::String(t), _) => t.as_bytes().to_vec(),
            (_, serde_json::Value::String(h)) => (0..h.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&h[i..i + 2], 16).unwrap())
                .collect(),
            _ => panic!("no sign content: {json}"),
        };
        let method = Method::from_name(report["sign_method"].as_str().unwrap().as_bytes()).unwrap();
        // SAFETY: `secret` holds its bytes.
        let key = unsafe { std::slice::from_raw_parts(secret.ptr(), secret.len()) };
        let mac = hmac(method, key, &content);
        let hex: String = mac.iter().map(|b| format!("{b:02x}")).collect();
        let password = packet_password(&pkt).expect("an accepted CONNECT has a password");
        assert!(
            password.eq_ignore_ascii_case(hex.as_bytes()),
            "accepted a password that is not the HMAC: {json}"
        );
    }
});

/// The password field of the CONNECT at the start of `pkt` (the checker accepted it, so it is
/// well formed), read here by hand: MQTT 3.1.1 section 3.1.
fn packet_password(pkt: &Block) -> Option<Vec<u8>> {
    // SAFETY: the block holds its bytes.
    let b = unsafe { std::slice::from_raw_parts(pkt.ptr(), pkt.len()) };
    let mut at = 1;
    while b[at] & 0x80 != 0 {
        at += 1;
    }
    at += 1;
    let field = |at: &mut usize| -> Vec<u8> {
        let n = usize::from(u16::from_be_bytes([b[*at], b[*at + 1]]));
        let v = b[*at + 2..*at + 2 + n].to_vec();
        *at += 2 + n;
        v
    };
    let _name = field(&mut at);
    let flags = b[at + 1];
    at += 4;
    let _cid = field(&mut at);
    if flags & 0x04 != 0 {
        field(&mut at);
        field(&mut at);
    }
    if flags & 0x80 != 0 {
        field(&mut at);
    }
    (flags & 0x40 != 0).then(|| field(&mut at))
}
