//! The `crypto` exports through the C ABI: streaming hashes and HMACs against the RustCrypto
//! crates (an older line than iotwire's own sha2) for many chunkings, AES-128-CBC against
//! `aes` 0.8 + `cbc` 0.1 across calls, and the contract (NULL, alignment, size query,
//! overlap, a refused output leaves the state usable, finish wipes).
#![cfg(feature = "crypto")]
#![allow(clippy::undocumented_unsafe_blocks)]

use aes_oracle::cipher::{BlockDecryptMut, BlockEncryptMut, KeyIvInit, block_padding::NoPadding};
use hmac::{Hmac, Mac};
use iotwire_ffi::crypto::*;
use iotwire_ffi::status::*;
use sha2_oracle::Digest;

fn rng(seed: u32) -> impl FnMut() -> u8 {
    let mut s = seed;
    move || {
        s = s.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (s >> 24) as u8
    }
}

fn bytes(n: usize, next: &mut impl FnMut() -> u8) -> Vec<u8> {
    (0..n).map(|_| next()).collect()
}

/// Splits `data` at the cut points chosen by `next` (1..=steps pieces).
fn chunks<'a>(data: &'a [u8], next: &mut impl FnMut() -> u8) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut rest = data;
    while !rest.is_empty() {
        let take = (usize::from(next()) % 70 + 1).min(rest.len());
        out.push(&rest[..take]);
        rest = &rest[take..];
    }
    out
}

macro_rules! hash_via_ffi {
    ($ctx:ty, $init:ident, $update:ident, $finish:ident, $pieces:expr, $len:expr) => {{
        let mut ctx: $ctx = unsafe { core::mem::zeroed() };
        assert_eq!(unsafe { $init(&mut ctx) }, IOTWIRE_OK);
        for p in $pieces {
            assert_eq!(
                unsafe { $update(&mut ctx, p.as_ptr(), p.len()) },
                IOTWIRE_OK
            );
        }
        let mut out = [0u8; 32];
        let mut n = 0usize;
        assert_eq!(
            unsafe { $finish(&mut ctx, out.as_mut_ptr(), out.len(), &mut n) },
            IOTWIRE_OK
        );
        assert_eq!(n, $len);
        assert!(ctx.opaque.iter().all(|w| *w == 0), "finish wipes the state");
        out[..n].to_vec()
    }};
}

macro_rules! hmac_via_ffi {
    ($ctx:ty, $init:ident, $update:ident, $finish:ident, $key:expr, $pieces:expr, $len:expr) => {{
        let mut ctx: $ctx = unsafe { core::mem::zeroed() };
        let key: &[u8] = $key;
        assert_eq!(
            unsafe { $init(&mut ctx, key.as_ptr(), key.len()) },
            IOTWIRE_OK
        );
        for p in $pieces {
            assert_eq!(
                unsafe { $update(&mut ctx, p.as_ptr(), p.len()) },
                IOTWIRE_OK
            );
        }
        let mut out = [0u8; 32];
        let mut n = 0usize;
        assert_eq!(
            unsafe { $finish(&mut ctx, out.as_mut_ptr(), out.len(), &mut n) },
            IOTWIRE_OK
        );
        assert_eq!(n, $len);
        assert!(ctx.opaque.iter().all(|w| *w == 0), "finish wipes the state");
        out[..n].to_vec()
    }};
}

#[test]
fn hashes_agree_with_rustcrypto_for_any_chunking() {
    let mut next = rng(7);
    for len in [0usize, 1, 55, 56, 63, 64, 65, 127, 128, 129, 1000] {
        for _ in 0..8 {
            let data = bytes(len, &mut next);
            let pieces = chunks(&data, &mut next);
            assert_eq!(
                hash_via_ffi!(
                    iotwire_md5_ctx_t,
                    iotwire_md5_init,
                    iotwire_md5_update,
                    iotwire_md5_finish,
                    &pieces,
                    16
                ),
                md5::Md5::digest(&data).to_vec(),
                "md5 {len}"
            );
            assert_eq!(
                hash_via_ffi!(
                    iotwire_sha1_ctx_t,
                    iotwire_sha1_init,
                    iotwire_sha1_update,
                    iotwire_sha1_finish,
                    &pieces,
                    20
                ),
                sha1::Sha1::digest(&data).to_vec(),
                "sha1 {len}"
            );
            assert_eq!(
                hash_via_ffi!(
                    iotwire_sha256_ctx_t,
                    iotwire_sha256_init,
                    iotwire_sha256_update,
                    iotwire_sha256_finish,
                    &pieces,
                    32
                ),
                sha2_oracle::Sha256::digest(&data).to_vec(),
                "sha256 {len}"
            );
        }
    }
}

#[test]
fn hmacs_agree_with_rustcrypto_for_any_key_and_chunking() {
    let mut next = rng(11);
    for key_len in [0usize, 1, 32, 63, 64, 65, 100, 200] {
        for len in [0usize, 1, 64, 89, 200] {
            let key = bytes(key_len, &mut next);
            let data = bytes(len, &mut next);
            let pieces = chunks(&data, &mut next);
            let mut m = Hmac::<md5::Md5>::new_from_slice(&key).unwrap();
            m.update(&data);
            assert_eq!(
                hmac_via_ffi!(
                    iotwire_hmac_md5_ctx_t,
                    iotwire_hmac_md5_init,
                    iotwire_hmac_md5_update,
                    iotwire_hmac_md5_finish,
                    &key,
                    &pieces,
                    16
                ),
                m.finalize().into_bytes().to_vec(),
                "hmac-md5 key {key_len} msg {len}"
            );
            let mut m = Hmac::<sha1::Sha1>::new_from_slice(&key).unwrap();
            m.update(&data);
            assert_eq!(
                hmac_via_ffi!(
                    iotwire_hmac_sha1_ctx_t,
                    iotwire_hmac_sha1_init,
                    iotwire_hmac_sha1_update,
                    iotwire_hmac_sha1_finish,
                    &key,
                    &pieces,
                    20
                ),
                m.finalize().into_bytes().to_vec(),
                "hmac-sha1 key {key_len} msg {len}"
            );
            let mut m = Hmac::<sha2_oracle::Sha256>::new_from_slice(&key).unwrap();
            m.update(&data);
            assert_eq!(
                hmac_via_ffi!(
                    iotwire_hmac_sha256_ctx_t,
                    iotwire_hmac_sha256_init,
                    iotwire_hmac_sha256_update,
                    iotwire_hmac_sha256_finish,
                    &key,
                    &pieces,
                    32
                ),
                m.finalize().into_bytes().to_vec(),
                "hmac-sha256 key {key_len} msg {len}"
            );
        }
    }
}

type OracleEnc = cbc::Encryptor<aes_oracle::Aes128>;
type OracleDec = cbc::Decryptor<aes_oracle::Aes128>;

#[test]
fn aes_cbc_continues_one_stream_across_calls_like_the_oracle() {
    let mut next = rng(3);
    for blocks in [0usize, 1, 2, 5, 17] {
        let key = bytes(16, &mut next);
        let iv = bytes(16, &mut next);
        let plain = bytes(blocks * 16, &mut next);
        let mut expect = plain.clone();
        OracleEnc::new(key.as_slice().into(), iv.as_slice().into())
            .encrypt_padded_mut::<NoPadding>(&mut expect, plain.len())
            .unwrap();
        let mut ctx = iotwire_aes128_cbc_ctx_t { opaque: [0; 32] };
        assert_eq!(
            unsafe { iotwire_aes128_cbc_init(&mut ctx, key.as_ptr(), 16, iv.as_ptr(), 16) },
            IOTWIRE_OK
        );
        let mut got = Vec::new();
        for part in plain.chunks(16 * (usize::from(next()) % 3 + 1)) {
            let mut out = vec![0u8; part.len()];
            let mut n = 0;
            let rc = unsafe {
                iotwire_aes128_cbc_encrypt(
                    &mut ctx,
                    part.as_ptr(),
                    part.len(),
                    out.as_mut_ptr(),
                    out.len(),
                    &mut n,
                )
            };
            assert_eq!(rc, IOTWIRE_OK);
            got.extend_from_slice(&out[..n]);
        }
        assert_eq!(got, expect, "encrypt {blocks} blocks");
        let mut back = expect.clone();
        OracleDec::new(key.as_slice().into(), iv.as_slice().into())
            .decrypt_padded_mut::<NoPadding>(&mut back)
            .unwrap();
        assert_eq!(back, plain);
        let mut d = iotwire_aes128_cbc_ctx_t { opaque: [0; 32] };
        assert_eq!(
            unsafe { iotwire_aes128_cbc_init(&mut d, key.as_ptr(), 16, iv.as_ptr(), 16) },
            IOTWIRE_OK
        );
        let mut got = Vec::new();
        for part in expect.chunks(16) {
            let mut out = [0u8; 16];
            let mut n = 0;
            let rc = unsafe {
                iotwire_aes128_cbc_decrypt(
                    &mut d,
                    part.as_ptr(),
                    part.len(),
                    out.as_mut_ptr(),
                    16,
                    &mut n,
                )
            };
            assert_eq!(rc, IOTWIRE_OK);
            got.extend_from_slice(&out);
        }
        assert_eq!(got, plain, "decrypt {blocks} blocks");
    }
}

#[test]
fn contract_null_alignment_overlap_and_failed_outputs() {
    unsafe {
        assert_eq!(
            iotwire_sha256_init(core::ptr::null_mut()),
            IOTWIRE_ERR_NULL_POINTER
        );
        let mut ctx: iotwire_sha256_ctx_t = core::mem::zeroed();
        assert_eq!(iotwire_sha256_init(&mut ctx), IOTWIRE_OK);
        assert_eq!(
            iotwire_sha256_update(&mut ctx, core::ptr::null(), 3),
            IOTWIRE_ERR_NULL_POINTER
        );
        assert_eq!(
            iotwire_sha256_update(&mut ctx, core::ptr::null(), 0),
            IOTWIRE_OK
        );
        // Data inside the state itself.
        let inside = (&raw const ctx).cast::<u8>();
        assert_eq!(
            iotwire_sha256_update(&mut ctx, inside, 4),
            IOTWIRE_ERR_OVERLAP
        );
        assert_eq!(
            iotwire_sha256_update(&mut ctx, b"abc".as_ptr(), 3),
            IOTWIRE_OK
        );
        // Misaligned state.
        let mut raw = [0u32; 30];
        let odd = raw
            .as_mut_ptr()
            .cast::<u8>()
            .add(1)
            .cast::<iotwire_sha256_ctx_t>();
        assert_eq!(iotwire_sha256_init(odd), IOTWIRE_ERR_INVALID_ARGUMENT);
        // Size query and a too-small buffer leave the state as it was.
        let mut n = 0usize;
        assert_eq!(
            iotwire_sha256_finish(&mut ctx, core::ptr::null_mut(), 0, &mut n),
            IOTWIRE_OK
        );
        assert_eq!(n, 32);
        let mut small = [0u8; 31];
        assert_eq!(
            iotwire_sha256_finish(&mut ctx, small.as_mut_ptr(), small.len(), &mut n),
            IOTWIRE_ERR_BUFFER_TOO_SMALL
        );
        assert_eq!(small, [0u8; 31]);
        let mut out = [0u8; 32];
        assert_eq!(
            iotwire_sha256_finish(&mut ctx, out.as_mut_ptr(), 32, &mut n),
            IOTWIRE_OK
        );
        assert_eq!(out.to_vec(), sha2_oracle::Sha256::digest(b"abc").to_vec());
        // An output overlapping the state.
        assert_eq!(iotwire_sha256_init(&mut ctx), IOTWIRE_OK);
        let into_state = (&raw mut ctx).cast::<u8>();
        assert_eq!(
            iotwire_sha256_finish(&mut ctx, into_state, 104, &mut n),
            IOTWIRE_ERR_OVERLAP
        );

        let mut c = iotwire_aes128_cbc_ctx_t { opaque: [0; 32] };
        let k = [1u8; 16];
        assert_eq!(
            iotwire_aes128_cbc_init(&mut c, k.as_ptr(), 15, k.as_ptr(), 16),
            IOTWIRE_ERR_INVALID_ARGUMENT
        );
        assert_eq!(
            iotwire_aes128_cbc_init(&mut c, core::ptr::null(), 16, k.as_ptr(), 16),
            IOTWIRE_ERR_NULL_POINTER
        );
        assert_eq!(
            iotwire_aes128_cbc_init(&mut c, k.as_ptr(), 16, k.as_ptr(), 16),
            IOTWIRE_OK
        );
        let before = c.opaque;
        let mut out = [0u8; 32];
        assert_eq!(
            iotwire_aes128_cbc_encrypt(&mut c, out.as_ptr(), 17, core::ptr::null_mut(), 0, &mut n),
            IOTWIRE_ERR_INVALID_ARGUMENT
        );
        let src = [7u8; 32];
        assert_eq!(
            iotwire_aes128_cbc_encrypt(&mut c, src.as_ptr(), 32, out.as_mut_ptr(), 16, &mut n),
            IOTWIRE_ERR_BUFFER_TOO_SMALL
        );
        assert_eq!(
            iotwire_aes128_cbc_encrypt(&mut c, src.as_ptr(), 32, core::ptr::null_mut(), 0, &mut n),
            IOTWIRE_OK
        );
        assert_eq!(n, 32);
        assert_eq!(
            c.opaque, before,
            "failed calls and size queries keep the chaining block"
        );
        // In place is an overlap, not silent aliasing.
        assert_eq!(
            iotwire_aes128_cbc_encrypt(&mut c, out.as_ptr(), 32, out.as_mut_ptr(), 32, &mut n),
            IOTWIRE_ERR_OVERLAP
        );
        assert_eq!(iotwire_wipe((&raw mut c).cast(), 32), IOTWIRE_OK);
        assert_eq!(c.opaque, [0; 32]);
        assert_eq!(
            iotwire_wipe(core::ptr::null_mut(), 1),
            IOTWIRE_ERR_NULL_POINTER
        );
        assert_eq!(iotwire_wipe(core::ptr::null_mut(), 0), IOTWIRE_OK);
    }
}
