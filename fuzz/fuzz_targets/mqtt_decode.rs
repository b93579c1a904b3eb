//! Drives `iotwire_mqtt_decode` through the C ABI with arbitrary broker bytes, decoding a
//! stream packet by packet as a client loop does. The input lives in an exact-size heap block,
//! so any read past it is an ASan error. It must never crash; a decoded packet must lie inside
//! the input, decode identically on its own, and (a PUBLISH without retain) re-encode to bytes
//! that decode to the same topic and payload. The decoder's own UTF-8 check
//! (`iotwire::utf8`, which replaced `core::str::from_utf8`) must agree with std's decoder on
//! the whole input and on every decoded topic. Input layout: fuzz/README.md, "mqtt_decode".
#![no_main]

use iotwire_ffi::mqtt_decode::*;
use iotwire_ffi::mqtt_packet::iotwire_mqtt_publish_encode;
use iotwire_ffi::status::*;
use iotwire_ffi::types::iotwire_str_t;
use iotwire::utf8::{self, Forbid};
use libfuzzer_sys::fuzz_target;
use std::mem::MaybeUninit;

fn decode(input: &[u8], with_needed: bool) -> (i32, Option<iotwire_mqtt_packet_t>, usize) {
    let mut p = MaybeUninit::<iotwire_mqtt_packet_t>::uninit();
    let mut needed = usize::MAX;
    let needed_ptr = if with_needed {
        &mut needed as *mut usize
    } else {
        std::ptr::null_mut()
    };
    // SAFETY: `input` is readable for its length; both outputs are valid and disjoint from it.
    let rc =
        unsafe { iotwire_mqtt_decode(input.as_ptr(), input.len(), p.as_mut_ptr(), needed_ptr) };
    // SAFETY: the packet is written on success only.
    let p = (rc == IOTWIRE_OK).then(|| unsafe { p.assume_init() });
    (rc, p, needed)
}

/// std's verdict on `bytes` as text without the `forbid`den characters.
fn std_text(bytes: &[u8], forbid: Forbid) -> bool {
    let Ok(s) = std::str::from_utf8(bytes) else {
        return false;
    };
    match forbid {
        Forbid::Nothing => true,
        Forbid::Nul => !s.contains('\0'),
        Forbid::NulAndWildcards => !s.contains(['\0', '+', '#']),
    }
}

fn check_publish(bytes: &[u8], p: &iotwire_mqtt_packet_t) {
    let topic = &bytes[p.topic_offset..p.topic_offset + p.topic_len];
    let payload = &bytes[p.payload_offset..p.payload_offset + p.payload_len];
    let t = iotwire_str_t {
        ptr: topic.as_ptr().cast(),
        len: topic.len(),
    };
    let mut out = vec![0u8; p.packet_len + 8];
    let mut len = 0usize;
    // SAFETY: valid input slices and an output of `out.len()` bytes.
    let rc = unsafe {
        iotwire_mqtt_publish_encode(
            t,
            payload.as_ptr(),
            payload.len(),
            p.qos,
            p.flags & IOTWIRE_MQTT_PACKET_FLAG_DUP,
            p.packet_id,
            out.as_mut_ptr(),
            out.len(),
            &mut len,
        )
    };
    // A received topic is MQTT-valid, so re-encoding can only fail for a size difference
    // (never here: the same fields give the same length). The remaining length may be
    // shorter than the input's.
    assert_eq!(rc, IOTWIRE_OK, "re-encoding a decoded PUBLISH: {}", rc);
    // The decoder accepts a non-minimal remaining length (`FF 00`), the encoder writes the
    // minimal one: compare the first byte and everything after the length field.
    let body = &bytes[p.topic_offset - 2..];
    assert!(len >= body.len() + 2);
    assert_eq!(out[0], bytes[0], "re-encoded PUBLISH type/flags differ");
    assert_eq!(
        &out[len - body.len()..len],
        body,
        "re-encoded PUBLISH differs"
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let with_needed = mode & 1 == 0;
    for f in [Forbid::Nothing, Forbid::Nul, Forbid::NulAndWildcards] {
        assert_eq!(utf8::valid(rest, f), std_text(rest, f), "{f:?} {rest:02x?}");
    }
    // Exact-size heap copy: ASan sees any read past the end.
    let input: Vec<u8> = rest.to_vec();
    let mut at = 0usize;
    while at <= input.len() {
        let chunk = &input[at..];
        let (rc, packet, needed) = decode(chunk, with_needed);
        match packet {
            Some(p) => {
                assert!(p.packet_len >= 2 && p.packet_len <= chunk.len());
                assert!(p.topic_offset + p.topic_len <= p.packet_len);
                assert!(p.payload_offset + p.payload_len <= p.packet_len);
                let own = chunk[..p.packet_len].to_vec();
                let (rc2, again, _) = decode(&own, true);
                assert_eq!(rc2, IOTWIRE_OK);
                let again = again.unwrap();
                assert_eq!(
                    (again.packet_type, again.packet_len, again.payload_len),
                    (p.packet_type, p.packet_len, p.payload_len)
                );
                // A packet that lacks its last byte needs more.
                assert_eq!(
                    decode(&own[..own.len() - 1], true).0,
                    IOTWIRE_ERR_MQTT_NEED_MORE_DATA
                );
                if p.packet_type == IOTWIRE_MQTT_PACKET_PUBLISH {
                    let topic = &own[p.topic_offset..p.topic_offset + p.topic_len];
                    assert!(
                        !topic.is_empty() && std_text(topic, Forbid::NulAndWildcards),
                        "accepted topic {topic:02x?}"
                    );
                }
                if p.packet_type == IOTWIRE_MQTT_PACKET_PUBLISH
                    && p.flags & IOTWIRE_MQTT_PACKET_FLAG_RETAIN == 0
                {
                    check_publish(&own, &p);
                }
                at += p.packet_len;
            }
            None if rc == IOTWIRE_ERR_MQTT_NEED_MORE_DATA => {
                if with_needed && needed != 0 {
                    assert!(
                        needed > chunk.len(),
                        "needs {needed} with {} present",
                        chunk.len()
                    );
                }
                break;
            }
            None => {
                assert!(
                    matches!(
                        rc,
                        IOTWIRE_ERR_MQTT_MALFORMED
                            | IOTWIRE_ERR_MQTT_UNEXPECTED_PACKET
                            | IOTWIRE_ERR_MQTT_QOS_UNSUPPORTED
                    ),
                    "status {rc}"
                );
                if with_needed {
                    assert_eq!(needed, usize::MAX, "out_needed written on an error");
                }
                break;
            }
        }
    }
});
