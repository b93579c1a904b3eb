//! Shared helpers for the tests/coap_*.rs suites: calling the CoAP C ABI the way C does and
//! re-decoding datagrams with the coap-lite oracle.
#![allow(dead_code, clippy::undocumented_unsafe_blocks)]

use iotwire::coap::decode::Message;
use iotwire_ffi::coap::*;
use iotwire_ffi::coap_session::*;
use iotwire_ffi::status::*;
use iotwire_ffi::types::iotwire_str_t;
use serde_json::Value;

pub fn vectors(kind: &str) -> Vec<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/vectors/legacy-c-sdk.dev.json"
    );
    let all: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let list: Vec<Value> = all["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["kind"] == kind)
        .cloned()
        .collect();
    assert!(!list.is_empty(), "no vectors of kind {kind}");
    list
}

pub fn unhex(s: &str) -> Vec<u8> {
    assert!(s.len().is_multiple_of(2));
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

pub fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

pub fn s(v: &[u8]) -> iotwire_str_t {
    iotwire_str_t {
        ptr: v.as_ptr().cast(),
        len: v.len(),
    }
}

pub fn session(seed: u16) -> Box<iotwire_coap_session_t> {
    let mut b = Box::new(iotwire_coap_session_t { opaque: [0xA5; 32] });
    assert_eq!(
        unsafe { iotwire_coap_session_init(&mut *b, seed) },
        IOTWIRE_OK
    );
    b
}

pub fn publish_options() -> iotwire_coap_publish_options_t {
    let mut o = std::mem::MaybeUninit::<iotwire_coap_publish_options_t>::uninit();
    assert_eq!(
        unsafe { iotwire_coap_publish_options_init(o.as_mut_ptr()) },
        IOTWIRE_OK
    );
    unsafe { o.assume_init() }
}

/// Size query, then an exact-fit build; checks both agree.
pub fn publish(
    sess: &mut iotwire_coap_session_t,
    o: &iotwire_coap_publish_options_t,
) -> Result<Vec<u8>, i32> {
    let mut need = 0usize;
    let rc = unsafe { iotwire_coap_publish_build(sess, o, std::ptr::null_mut(), 0, &mut need) };
    if rc != IOTWIRE_OK {
        return Err(rc);
    }
    let mut buf = vec![0u8; need];
    let mut len = 0usize;
    let rc = unsafe { iotwire_coap_publish_build(sess, o, buf.as_mut_ptr(), need, &mut len) };
    if rc != IOTWIRE_OK {
        return Err(rc);
    }
    assert_eq!(len, need);
    Ok(buf)
}

pub struct Parsed {
    pub resp: iotwire_coap_response_t,
    pub payload: Vec<u8>,
}

pub fn parse_response(sess: Option<&iotwire_coap_session_t>, d: &[u8]) -> Result<Parsed, i32> {
    let sp = sess.map_or(std::ptr::null(), |s| s as *const _);
    let mut resp: iotwire_coap_response_t = unsafe { std::mem::zeroed() };
    let mut need = 0usize;
    let rc = unsafe {
        iotwire_coap_parse_response(
            sp,
            d.as_ptr(),
            d.len(),
            &mut resp,
            std::ptr::null_mut(),
            0,
            &mut need,
        )
    };
    if rc != IOTWIRE_OK {
        return Err(rc);
    }
    let mut buf = vec![0u8; need.max(1)];
    let mut len = 0usize;
    let rc = unsafe {
        iotwire_coap_parse_response(
            sp,
            d.as_ptr(),
            d.len(),
            &mut resp,
            buf.as_mut_ptr(),
            buf.len(),
            &mut len,
        )
    };
    if rc != IOTWIRE_OK {
        return Err(rc);
    }
    assert_eq!(len, need);
    buf.truncate(len);
    Ok(Parsed { resp, payload: buf })
}

/// Re-decodes `d` with coap-lite and with our decoder and asserts every field agrees:
/// type, code, message id, token, all options (number and value, in order) and payload.
pub fn assert_lite_agrees(d: &[u8]) -> coap_lite::Packet {
    let lite = coap_lite::Packet::from_bytes(d).expect("coap-lite decodes our datagram");
    let ours = Message::parse(d).expect("our decoder accepts our datagram");
    let lite_type: u8 = match lite.header.get_type() {
        coap_lite::MessageType::Confirmable => 0,
        coap_lite::MessageType::NonConfirmable => 1,
        coap_lite::MessageType::Acknowledgement => 2,
        coap_lite::MessageType::Reset => 3,
    };
    assert_eq!(lite_type, ours.header.message_type.bits());
    assert_eq!(u8::from(lite.header.code), ours.header.code.0);
    assert_eq!(lite.header.message_id, ours.header.message_id);
    assert_eq!(lite.get_token(), ours.token);
    let lite_opts: Vec<(u16, Vec<u8>)> = lite
        .options()
        .flat_map(|(n, vals)| vals.iter().map(move |v| (*n, v.clone())))
        .collect();
    let our_opts: Vec<(u16, Vec<u8>)> = ours
        .options()
        .map(|o| o.unwrap())
        .map(|o| (o.number, o.value.to_vec()))
        .collect();
    assert_eq!(lite_opts, our_opts);
    assert_eq!(lite.payload, ours.payload);
    lite
}

/// The Uri-Path segments coap-lite sees.
pub fn lite_path(p: &coap_lite::Packet) -> Vec<String> {
    p.get_option(coap_lite::CoapOption::UriPath)
        .map(|l| {
            l.iter()
                .map(|v| String::from_utf8(v.clone()).unwrap())
                .collect()
        })
        .unwrap_or_default()
}

pub fn lite_option(p: &coap_lite::Packet, n: u16) -> Option<Vec<u8>> {
    p.get_first_option(coap_lite::CoapOption::from(n)).cloned()
}

/// AES-CBC decrypt through the C ABI (strict).
pub fn aes_decrypt(key: &[u8], ct: &[u8]) -> Result<Vec<u8>, i32> {
    let mut out = vec![0u8; ct.len().max(1)];
    let mut len = 0usize;
    let rc = unsafe {
        iotwire_ffi::coap_crypto::iotwire_coap_aes_decrypt(
            key.as_ptr(),
            key.len(),
            ct.as_ptr(),
            ct.len(),
            out.as_mut_ptr(),
            out.len(),
            &mut len,
        )
    };
    if rc != IOTWIRE_OK {
        return Err(rc);
    }
    out.truncate(len);
    Ok(out)
}

pub fn aes_encrypt(key: &[u8], pt: &[u8]) -> Result<Vec<u8>, i32> {
    let mut need = 0usize;
    let rc = unsafe {
        iotwire_ffi::coap_crypto::iotwire_coap_aes_encrypt(
            key.as_ptr(),
            key.len(),
            pt.as_ptr(),
            pt.len(),
            std::ptr::null_mut(),
            0,
            &mut need,
        )
    };
    if rc != IOTWIRE_OK {
        return Err(rc);
    }
    let mut out = vec![0u8; need];
    let mut len = 0usize;
    let rc = unsafe {
        iotwire_ffi::coap_crypto::iotwire_coap_aes_encrypt(
            key.as_ptr(),
            key.len(),
            pt.as_ptr(),
            pt.len(),
            out.as_mut_ptr(),
            need,
            &mut len,
        )
    };
    if rc != IOTWIRE_OK {
        return Err(rc);
    }
    assert_eq!(len, need);
    Ok(out)
}

/// Deterministic xorshift for property-style tests (no extra dependency).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}
