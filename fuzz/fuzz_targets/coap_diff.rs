//! Differential: every publish datagram `iotwire_coap_publish_build` produces from fuzzed
//! options (topic, payload, profile, format, flags, token option, overrides, key/seq, limit)
//! must decode with coap-lite to exactly what was asked for: POST, type, message id, token,
//! Uri-Path `topic` + the topic's segments, Content-Format, Accept, auth token (option or
//! query), and in symmetric mode a seq and payload that decrypt to the inputs.
#![no_main]

use coap_lite::{CoapOption, Packet};
use iotwire_ffi::coap::*;
use iotwire_ffi::coap_crypto::*;
use iotwire_ffi::coap_session::*;
use iotwire_ffi::status::*;
use iotwire_ffi::types::iotwire_str_t;
use iotwire_fuzz::input::Input;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| run(data));

fn st(b: &[u8]) -> iotwire_str_t {
    iotwire_str_t {
        ptr: b.as_ptr().cast(),
        len: b.len(),
    }
}

fn decrypt(key: &[u8; 16], ct: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; ct.len()];
    let mut len = 0;
    // SAFETY: valid pointers.
    let rc = unsafe {
        iotwire_coap_aes_decrypt(
            key.as_ptr(),
            16,
            ct.as_ptr(),
            ct.len(),
            out.as_mut_ptr(),
            out.len(),
            &mut len,
        )
    };
    assert_eq!(rc, IOTWIRE_OK);
    out.truncate(len);
    out
}

fn run(data: &[u8]) {
    let mut inp = Input::new(data);
    let sel = inp.u8();
    let flags = u32::from(inp.u8() & 0x0f);
    let profile = u32::from(inp.u8() % 3);
    let seq = inp.u32();
    let mid = inp.u16();
    let token_len = inp.u8() % 9;
    let token: [u8; 8] = inp.array();
    let key: [u8; 16] = inp.array();
    let auth_len = usize::from(inp.u8() % 40) + 1;
    let auth = inp.bytes(auth_len);
    let topic_len = usize::from(inp.u8());
    let topic = inp.bytes(topic_len);
    let payload = inp.rest();
    let symmetric = sel & 1 == 1;
    let mut s = iotwire_coap_session_t { opaque: [0; 32] };
    let mut o: iotwire_coap_publish_options_t = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointers to live memory.
    unsafe {
        assert_eq!(
            iotwire_coap_session_init(&mut s, mid.wrapping_add(7)),
            IOTWIRE_OK
        );
        if iotwire_coap_session_set_auth_token(&mut s, st(auth)) != IOTWIRE_OK {
            return;
        }
        if symmetric {
            assert_eq!(
                iotwire_coap_session_set_key(&mut s, key.as_ptr(), 16),
                IOTWIRE_OK
            );
            assert_eq!(iotwire_coap_session_set_next_seq(&mut s, seq), IOTWIRE_OK);
        }
        assert_eq!(iotwire_coap_publish_options_init(&mut o), IOTWIRE_OK);
    }
    o.profile = profile;
    o.flags = flags;
    o.content_format = if sel & 2 == 0 { 50 } else { 60 };
    o.token_option = [0, 61, 2088, 0][usize::from((sel >> 2) & 3)];
    o.max_datagram = if sel & 16 == 0 { 0 } else { 65000 };
    o.message_id = mid;
    o.token_len = token_len;
    o.token = token;
    o.topic = st(topic);
    o.payload = st(payload);
    let mut out = vec![0u8; 70000];
    let mut len = 0usize;
    // SAFETY: valid pointers.
    let rc =
        unsafe { iotwire_coap_publish_build(&mut s, &o, out.as_mut_ptr(), out.len(), &mut len) };
    if rc != IOTWIRE_OK {
        assert!(
            [
                IOTWIRE_ERR_INVALID_ARGUMENT,
                IOTWIRE_ERR_COAP_DATAGRAM_TOO_LARGE
            ]
            .contains(&rc),
            "unexpected {rc}"
        );
        return;
    }
    let d = &out[..len];
    assert!(len <= if sel & 16 == 0 { 1280 } else { 65000 });
    let p = Packet::from_bytes(d).expect("coap-lite decodes our datagram");
    assert_eq!(u8::from(p.header.code), 0x02);
    let non = flags & IOTWIRE_COAP_FLAG_NON != 0;
    assert_eq!(
        p.header.get_type(),
        if non {
            coap_lite::MessageType::NonConfirmable
        } else {
            coap_lite::MessageType::Confirmable
        }
    );
    let want_mid = if flags & IOTWIRE_COAP_FLAG_MESSAGE_ID != 0 {
        mid
    } else {
        mid.wrapping_add(7)
    };
    assert_eq!(p.header.message_id, want_mid);
    if flags & IOTWIRE_COAP_FLAG_TOKEN != 0 {
        assert_eq!(p.get_token(), &token[..usize::from(token_len)]);
    } else {
        assert_eq!(p.get_token(), &[4, 3, 2, 1]);
    }
    let path: Vec<Vec<u8>> = p
        .get_option(CoapOption::UriPath)
        .unwrap()
        .iter()
        .cloned()
        .collect();
    let body = topic.strip_prefix(b"/").unwrap_or(topic);
    let want: Vec<Vec<u8>> = std::iter::once(b"topic".to_vec())
        .chain(body.split(|b| *b == b'/').map(<[u8]>::to_vec))
        .collect();
    assert_eq!(path, want);
    let cf = o.content_format as u8;
    assert_eq!(
        p.get_first_option(CoapOption::ContentFormat).unwrap(),
        &vec![cf]
    );
    let accept = if profile == IOTWIRE_COAP_PROFILE_DOC {
        cf
    } else {
        42
    };
    assert_eq!(
        p.get_first_option(CoapOption::Accept).unwrap(),
        &vec![accept]
    );
    let token_opt: u16 = match o.token_option {
        0 if profile == IOTWIRE_COAP_PROFILE_V3_2_0 => 61,
        0 => 2088,
        n => n as u16,
    };
    let seq_text = if profile == IOTWIRE_COAP_PROFILE_DOC {
        seq.to_string()
    } else {
        (seq as i32).to_string()
    };
    if flags & IOTWIRE_COAP_FLAG_QUERY != 0 {
        let q: Vec<Vec<u8>> = p
            .get_option(CoapOption::UriQuery)
            .unwrap()
            .iter()
            .cloned()
            .collect();
        assert_eq!(q[0], [b"token=".as_slice(), auth].concat());
        if symmetric {
            let hex = std::str::from_utf8(&q[1][4..]).unwrap();
            let ct: Vec<u8> = (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
                .collect();
            assert_eq!(decrypt(&key, &ct), seq_text.as_bytes());
        }
    } else {
        assert_eq!(
            p.get_first_option(CoapOption::from(token_opt)).unwrap(),
            &auth.to_vec()
        );
        if symmetric {
            let ct = p.get_first_option(CoapOption::from(2089)).unwrap();
            assert_eq!(decrypt(&key, ct), seq_text.as_bytes());
        }
    }
    if symmetric {
        assert_eq!(decrypt(&key, &p.payload), payload);
    } else {
        assert_eq!(p.payload, payload);
    }
}
