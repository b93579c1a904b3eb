//! Drives the CONNECT decoder of the diagnostics (`iotwire::diagnose::connect_decode`) and the
//! client-id parameter reader on arbitrary bytes (an exact-size heap copy, so ASan sees any read
//! past it). It must never panic; a failure must point inside the input; a decoded CONNECT must
//! lie inside the input with fields the flags announce; and a CONNECT the codec can write
//! (MQTT level 4, no will, either clean-session value) must re-encode to exactly its own bytes.
//! Input layout: fuzz/README.md, "diagnose_connect".
#![no_main]

use iotwire::diagnose::client_id_params;
use iotwire::diagnose::connect_decode::{decode_connect, flags};
use iotwire::mqtt_codec::encode_connect::Connect;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input: Vec<u8> = data.to_vec();
    let c = match decode_connect(&input) {
        Ok(c) => c,
        Err(m) => {
            assert!(m.at <= input.len(), "error at {} of {}", m.at, input.len());
            assert!(!m.why.is_empty());
            if let Some(need) = m.need {
                assert!(need > input.len(), "needs {need} with {} present", input.len());
            }
            return;
        }
    };
    // Fixed header (2) + empty protocol name (2) + level, flags, keepalive (4) + empty client id (2).
    assert!(c.len >= 10 && c.len <= input.len());
    assert_eq!(c.flags & flags::RESERVED, 0);
    assert_eq!(c.username.is_some(), c.flags & flags::USERNAME != 0);
    assert_eq!(c.password.is_some(), c.flags & flags::PASSWORD != 0);
    assert_eq!(c.will.is_some(), c.flags & flags::WILL != 0);
    assert!(core::str::from_utf8(c.client_id.bytes).is_ok());
    for f in [Some(c.protocol_name), Some(c.client_id), c.username, c.password]
        .into_iter()
        .flatten()
    {
        let start = f.at + 2;
        assert_eq!(&input[start..start + f.bytes.len()], f.bytes, "field not where it says");
    }
    match client_id_params::split(c.client_id.bytes) {
        Ok(cid) => {
            assert!(cid.id.len() < c.client_id.bytes.len());
            assert!(!cid.id.contains(&b'|') && !cid.params.contains(&b'|'));
            for p in cid.params() {
                match p {
                    Ok(p) => assert!(!p.key.is_empty() && !p.key.contains(&b'=')),
                    Err(m) => assert!(m.at <= c.client_id.bytes.len()),
                }
            }
        }
        Err(m) => assert!(m.at <= c.client_id.bytes.len()),
    }
    let writable = c.protocol_name.bytes == b"MQTT" && c.level == 4 && c.will.is_none();
    if writable {
        let again = Connect {
            client_id: c.client_id.bytes,
            username: c.username.map(|u| u.bytes),
            password: c.password.map(|p| p.bytes),
            keepalive_s: c.keepalive,
            clean_session: c.flags & flags::CLEAN_SESSION != 0,
        };
        let mut out = vec![0u8; c.len + 8];
        let frame = again.frame().expect("a decoded CONNECT re-encodes");
        let n = frame
            .layout()
            .and_then(|l| l.write(&mut out))
            .expect("a decoded CONNECT re-encodes");
        // The decoder accepts a non-minimal remaining length; the encoder writes the minimal
        // one. Everything after the length field must be identical.
        let body = c.len - c.remaining;
        assert_eq!(&out[n - c.remaining..n], &input[body..c.len], "re-encoded CONNECT differs");
        assert_eq!(out[0], input[0]);
    }
});
