//! AES-128-CBC through the C ABI (`iotwire_aes128_cbc_init/_encrypt/_decrypt`, `iotwire_wipe`)
//! against `aes` 0.8 + `cbc` 0.1 (an older RustCrypto line than the library's `aes` 0.9), with
//! any key, IV and data and any split of the stream into calls. A call whose length is not a
//! multiple of 16, whose output is one byte short, or whose output overlaps the input must
//! fail and leave the state (its chaining block) and the output untouched; decrypting the
//! ciphertext in another split gives the data back; wiping zeroes the state.
//!
//! Input: 16 key bytes, 16 IV bytes, one byte seeding the call lengths (0..=80 bytes, so some
//! are not whole blocks), then the data (cut to whole blocks).
#![no_main]

use aes::cipher::{BlockDecryptMut, BlockEncryptMut, KeyIvInit, block_padding::NoPadding};
use iotwire_ffi::crypto::*;
use iotwire_ffi::status::*;
use iotwire_fuzz::input::Input;
use libfuzzer_sys::fuzz_target;

type Call = unsafe extern "C" fn(
    *mut iotwire_aes128_cbc_ctx_t,
    *const u8,
    usize,
    *mut u8,
    usize,
    *mut usize,
) -> i32;

fn init(key: &[u8; 16], iv: &[u8; 16]) -> Box<iotwire_aes128_cbc_ctx_t> {
    let mut c = Box::new(iotwire_aes128_cbc_ctx_t { opaque: [0x5a; 32] });
    // SAFETY: valid state, key and IV.
    let rc = unsafe { iotwire_aes128_cbc_init(&mut *c, key.as_ptr(), 16, iv.as_ptr(), 16) };
    assert_eq!(rc, IOTWIRE_OK);
    c
}

/// Runs `f` over `data` in calls of LCG-chosen lengths; returns the output.
fn stream(f: Call, c: &mut iotwire_aes128_cbc_ctx_t, data: &[u8], mut seed: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut at = 0;
    while at < data.len() {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let n = ((seed >> 16) as usize % 81).min(data.len() - at);
        // Exact-size copy: a read past it is an ASan report.
        let chunk = data[at..at + n].to_vec().into_boxed_slice();
        let before = c.opaque;
        let mut buf = vec![0xA5u8; n + 32];
        let mut len = usize::MAX;
        if !n.is_multiple_of(16) {
            // SAFETY: valid state and buffers.
            let rc = unsafe { f(c, chunk.as_ptr(), n, buf.as_mut_ptr().add(16), n, &mut len) };
            assert_eq!(rc, IOTWIRE_ERR_INVALID_ARGUMENT);
            assert_eq!(c.opaque, before);
            assert!(buf.iter().all(|&b| b == 0xA5) && len == usize::MAX);
            continue;
        }
        if n > 0 {
            // SAFETY: valid state and buffers; capacity one short.
            let rc = unsafe {
                f(
                    c,
                    chunk.as_ptr(),
                    n,
                    buf.as_mut_ptr().add(16),
                    n - 1,
                    &mut len,
                )
            };
            assert_eq!(rc, IOTWIRE_ERR_BUFFER_TOO_SMALL);
            // In place (output = input) is refused too.
            let mut same = chunk.to_vec();
            // SAFETY: valid state; the same buffer as input and output.
            let rc = unsafe { f(c, same.as_ptr(), n, same.as_mut_ptr(), n, &mut len) };
            assert_eq!(rc, IOTWIRE_ERR_OVERLAP);
            assert_eq!(&same[..], &chunk[..]);
            assert_eq!(c.opaque, before);
            assert!(buf.iter().all(|&b| b == 0xA5) && len == usize::MAX);
        }
        // SAFETY: valid state and buffers.
        let rc = unsafe { f(c, chunk.as_ptr(), n, buf.as_mut_ptr().add(16), n, &mut len) };
        assert_eq!(rc, IOTWIRE_OK);
        assert_eq!(len, n);
        assert!(buf[..16].iter().chain(&buf[16 + n..]).all(|&b| b == 0xA5));
        out.extend_from_slice(&buf[16..16 + n]);
        at += n;
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let mut inp = Input::new(data);
    let key: [u8; 16] = inp.array();
    let iv: [u8; 16] = inp.array();
    let seed = u32::from(inp.u8());
    let rest = inp.rest();
    let plain = &rest[..rest.len() & !15];

    let mut want = plain.to_vec();
    let n = want.len();
    cbc::Encryptor::<aes::Aes128>::new(&key.into(), &iv.into())
        .encrypt_padded_mut::<NoPadding>(&mut want, n)
        .expect("whole blocks");

    let mut c = init(&key, &iv);
    let ct = stream(iotwire_aes128_cbc_encrypt, &mut c, plain, seed);
    assert_eq!(ct, want, "ciphertext");

    let mut d = init(&key, &iv);
    let pt = stream(iotwire_aes128_cbc_decrypt, &mut d, &ct, seed ^ 0x55);
    assert_eq!(pt, plain, "round trip");
    let mut oracle = ct.clone();
    cbc::Decryptor::<aes::Aes128>::new(&key.into(), &iv.into())
        .decrypt_padded_mut::<NoPadding>(&mut oracle)
        .expect("whole blocks");
    assert_eq!(oracle, plain);

    // SAFETY: a valid state of 32 bytes.
    let rc = unsafe { iotwire_wipe((&mut *d as *mut iotwire_aes128_cbc_ctx_t).cast(), 32) };
    assert_eq!(rc, IOTWIRE_OK);
    assert!(d.opaque.iter().all(|&b| b == 0));
});
