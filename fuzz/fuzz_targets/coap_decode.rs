//! Any datagram through the CoAP decoder and `iotwire_coap_parse_response` (with and without a
//! symmetric-mode key). Nothing may panic; offsets and lengths in the response must lie
//! inside the datagram; whatever our decoder accepts, coap-lite must decode to the same fields.
//! Input: byte 0 bit 0 = use a key (bytes 1..17), the rest is the datagram.
#![no_main]

use iotwire::coap::decode::Message;
use iotwire_ffi::coap::{iotwire_coap_parse_response, iotwire_coap_response_t};
use iotwire_ffi::coap_session::*;
use iotwire_ffi::status::*;
use iotwire_fuzz::input::Input;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| run(data));

fn run(data: &[u8]) {
    let mut inp = Input::new(data);
    let use_key = inp.u8() & 1 == 1;
    let key: [u8; 16] = inp.array();
    let d = inp.rest();
    let mut s = iotwire_coap_session_t { opaque: [0; 32] };
    // SAFETY: valid pointers to live memory.
    unsafe {
        assert_eq!(iotwire_coap_session_init(&mut s, 1), IOTWIRE_OK);
        if use_key {
            assert_eq!(
                iotwire_ffi::coap_crypto::iotwire_coap_session_set_key(&mut s, key.as_ptr(), 16),
                IOTWIRE_OK
            );
        }
    }
    let ours = Message::parse(d);
    let mut resp: iotwire_coap_response_t = unsafe { std::mem::zeroed() };
    let mut out = vec![0u8; d.len()];
    let mut len = usize::MAX;
    // SAFETY: valid pointers; `out` holds d.len() bytes, always enough.
    let rc = unsafe {
        iotwire_coap_parse_response(
            &s,
            d.as_ptr(),
            d.len(),
            &mut resp,
            out.as_mut_ptr(),
            out.len(),
            &mut len,
        )
    };
    match &ours {
        Err(_) => assert_eq!(rc, IOTWIRE_ERR_COAP_MALFORMED),
        Ok(m) => {
            assert!(
                rc == IOTWIRE_OK || rc == IOTWIRE_ERR_COAP_BAD_PADDING,
                "rc {rc}"
            );
            assert!(m.options().all(|o| o.is_ok()));
            if rc == IOTWIRE_OK {
                assert!(len <= d.len());
                assert!(resp.payload_offset + resp.payload_raw_len <= d.len());
                assert!(resp.cloud_message_id_offset + resp.cloud_message_id_len <= d.len());
                assert!(resp.token_len <= 8);
                if !use_key || m.payload.is_empty() {
                    assert_eq!(&out[..len], m.payload);
                } else {
                    assert!(len < m.payload.len() && len + 16 >= m.payload.len());
                }
            }
            let lite = coap_lite::Packet::from_bytes(d).expect("coap-lite rejects what we accept");
            assert_eq!(lite.header.message_id, m.header.message_id);
            assert_eq!(u8::from(lite.header.code), m.header.code.0);
            assert_eq!(lite.get_token(), m.token);
            assert_eq!(lite.payload, m.payload);
            let lo: Vec<(u16, Vec<u8>)> = lite
                .options()
                .flat_map(|(n, l)| l.iter().map(move |v| (*n, v.clone())))
                .collect();
            let oo: Vec<(u16, Vec<u8>)> = m
                .options()
                .map(|o| o.unwrap())
                .map(|o| (o.number, o.value.to_vec()))
                .collect();
            assert_eq!(lo, oo);
        }
    }
    // SAFETY: valid pointer.
    unsafe { iotwire_coap_session_clear(&mut s) };
}
