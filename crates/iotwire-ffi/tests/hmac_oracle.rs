//! crates/iotwire/src/hash + crates/iotwire/src/hmac against the RustCrypto crates (an older line than the sha2
//! iotwire links, so a shared bug would not cancel out): every method, key lengths across the
//! block size (long keys are hashed, RFC 2104) and message lengths across the padding limits.

use hmac::{Hmac, Mac};
use iotwire::mac::{SignMethod, mac};

fn reference(method: SignMethod, key: &[u8], msg: &[u8]) -> Vec<u8> {
    match method {
        SignMethod::HmacMd5 => {
            let mut m = Hmac::<md5::Md5>::new_from_slice(key).unwrap();
            m.update(msg);
            m.finalize().into_bytes().to_vec()
        }
        SignMethod::HmacSha1 => {
            let mut m = Hmac::<sha1::Sha1>::new_from_slice(key).unwrap();
            m.update(msg);
            m.finalize().into_bytes().to_vec()
        }
        SignMethod::HmacSha256 => {
            let mut m = Hmac::<sha2_oracle::Sha256>::new_from_slice(key).unwrap();
            m.update(msg);
            m.finalize().into_bytes().to_vec()
        }
    }
}

#[test]
fn every_method_agrees_with_the_hmac_crate() {
    let mut seed = 0x9e37_79b9u32;
    let mut next = move || {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (seed >> 24) as u8
    };
    let key_lens = [0usize, 1, 16, 32, 63, 64, 65, 100, 128, 129, 200];
    let msg_lens = [0usize, 1, 55, 56, 63, 64, 65, 89, 119, 120, 128, 300];
    for method in [
        SignMethod::HmacMd5,
        SignMethod::HmacSha1,
        SignMethod::HmacSha256,
    ] {
        for &kl in &key_lens {
            for &ml in &msg_lens {
                let key: Vec<u8> = (0..kl).map(|_| next()).collect();
                let msg: Vec<u8> = (0..ml).map(|_| next()).collect();
                // Split the message in three parts: the streaming path must not care.
                let (a, rest) = msg.split_at(ml / 3);
                let (b, c) = rest.split_at(rest.len() / 2);
                let ours = mac(method, &key, &[a, b, c]).unwrap();
                assert_eq!(
                    ours.as_bytes(),
                    reference(method, &key, &msg).as_slice(),
                    "{method:?} key {kl} message {ml}"
                );
            }
        }
    }
}
