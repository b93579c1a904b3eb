//! The streaming hashes and HMACs through the C ABI (`iotwire_{md5,sha1,sha256}_*`,
//! `iotwire_hmac_{md5,sha1,sha256}_*`, the one-shots `iotwire_sha256`, `iotwire_sha256_32` and
//! `iotwire_hmac_sha256`)
//! against md-5 / sha1 / sha2 0.10 and hmac 0.12, an older RustCrypto line than the library's,
//! with any key and any split of the message into updates (empty ones included). On the way,
//! a refused finish (capacity one short, or `out_len` inside the state) must leave the state
//! byte for byte as it was; a copy of the state taken between two updates (C code copies
//! contexts with memcpy) must finish to the digest of the prefix; finish must wipe the state.
//!
//! Input: byte 0 selects the algorithm (value % 6: MD5, SHA-1, SHA-256, HMAC-MD5, HMAC-SHA1,
//! HMAC-SHA256); for an HMAC byte 1 is the key length and the key follows; then one byte
//! seeds the update lengths (0..=130) and another picks the update after which the state is
//! copied and a refused finish is tried; the rest is the message.
#![no_main]

use iotwire_ffi::crypto::*;
use iotwire_ffi::status::*;
use iotwire_fuzz::input::Input;
use iotwire_fuzz::reference::{Method, hmac};
use libfuzzer_sys::fuzz_target;
use sha2::Digest;
use std::mem::size_of;

/// One algorithm's three calls on a boxed opaque state.
struct Alg {
    size: usize,
    init: Box<dyn Fn(*mut u32, &[u8]) -> i32>,
    update: unsafe fn(*mut u32, *const u8, usize) -> i32,
    finish: unsafe fn(*mut u32, *mut u8, usize, *mut usize) -> i32,
    words: usize,
    reference: fn(&[u8], &[u8]) -> Vec<u8>,
}

macro_rules! plain {
    ($ctx:ty, $init:ident, $update:ident, $finish:ident, $size:expr, $reference:expr) => {{
        unsafe fn update(c: *mut u32, d: *const u8, n: usize) -> i32 {
            // SAFETY: the harness passes a boxed state of this type and a valid range.
            unsafe { $update(c.cast::<$ctx>(), d, n) }
        }
        unsafe fn finish(c: *mut u32, o: *mut u8, cap: usize, len: *mut usize) -> i32 {
            // SAFETY: as above.
            unsafe { $finish(c.cast::<$ctx>(), o, cap, len) }
        }
        Alg {
            size: $size,
            // SAFETY: a boxed state of this type.
            init: Box::new(|c: *mut u32, _key: &[u8]| unsafe { $init(c.cast::<$ctx>()) }),
            update,
            finish,
            words: size_of::<$ctx>() / 4,
            reference: $reference,
        }
    }};
}

macro_rules! keyed {
    ($ctx:ty, $init:ident, $update:ident, $finish:ident, $size:expr, $method:expr) => {{
        unsafe fn update(c: *mut u32, d: *const u8, n: usize) -> i32 {
            // SAFETY: the harness passes a boxed state of this type and a valid range.
            unsafe { $update(c.cast::<$ctx>(), d, n) }
        }
        unsafe fn finish(c: *mut u32, o: *mut u8, cap: usize, len: *mut usize) -> i32 {
            // SAFETY: as above.
            unsafe { $finish(c.cast::<$ctx>(), o, cap, len) }
        }
        Alg {
            size: $size,
            // SAFETY: a boxed state of this type and a valid key.
            init: Box::new(|c: *mut u32, key: &[u8]| unsafe {
                $init(c.cast::<$ctx>(), key.as_ptr(), key.len())
            }),
            update,
            finish,
            words: size_of::<$ctx>() / 4,
            reference: |key, msg| hmac($method, key, msg),
        }
    }};
}

fn alg(selector: u8) -> Alg {
    match selector % 6 {
        0 => plain!(
            iotwire_md5_ctx_t,
            iotwire_md5_init,
            iotwire_md5_update,
            iotwire_md5_finish,
            16,
            |_, m| md5::Md5::digest(m).to_vec()
        ),
        1 => plain!(
            iotwire_sha1_ctx_t,
            iotwire_sha1_init,
            iotwire_sha1_update,
            iotwire_sha1_finish,
            20,
            |_, m| sha1::Sha1::digest(m).to_vec()
        ),
        2 => plain!(
            iotwire_sha256_ctx_t,
            iotwire_sha256_init,
            iotwire_sha256_update,
            iotwire_sha256_finish,
            32,
            |_, m| sha2::Sha256::digest(m).to_vec()
        ),
        3 => keyed!(
            iotwire_hmac_md5_ctx_t,
            iotwire_hmac_md5_init,
            iotwire_hmac_md5_update,
            iotwire_hmac_md5_finish,
            16,
            Method::Md5
        ),
        4 => keyed!(
            iotwire_hmac_sha1_ctx_t,
            iotwire_hmac_sha1_init,
            iotwire_hmac_sha1_update,
            iotwire_hmac_sha1_finish,
            20,
            Method::Sha1
        ),
        _ => keyed!(
            iotwire_hmac_sha256_ctx_t,
            iotwire_hmac_sha256_init,
            iotwire_hmac_sha256_update,
            iotwire_hmac_sha256_finish,
            32,
            Method::Sha256
        ),
    }
}

/// Finishes `state` into a fresh buffer with guard bytes; checks the output contract and
/// that the state is wiped.
fn finish(a: &Alg, state: &mut [u32]) -> Vec<u8> {
    let mut out = vec![0xA5u8; a.size + 32];
    let mut len = usize::MAX;
    // SAFETY: a valid state, `a.size + 16` writable bytes at out+16, a separate out_len.
    let rc = unsafe {
        (a.finish)(
            state.as_mut_ptr(),
            out.as_mut_ptr().add(16),
            a.size + 16,
            &mut len,
        )
    };
    assert_eq!(rc, IOTWIRE_OK);
    assert_eq!(len, a.size);
    assert!(
        out[..16]
            .iter()
            .chain(&out[16 + a.size..])
            .all(|&b| b == 0xA5)
    );
    assert!(state.iter().all(|&w| w == 0), "finish wipes the state");
    out[16..16 + a.size].to_vec()
}

fuzz_target!(|data: &[u8]| {
    let mut inp = Input::new(data);
    let selector = inp.u8();
    let a = alg(selector);
    let key = if selector % 6 >= 3 {
        let n = usize::from(inp.u8());
        inp.bytes(n).to_vec()
    } else {
        Vec::new()
    };
    let mut seed = u32::from(inp.u8()) | 1;
    let copy_at = usize::from(inp.u8());
    // Exact-size heap copies: any read past the end is an ASan report.
    let msg = inp.rest().to_vec().into_boxed_slice();
    let key = key.into_boxed_slice();
    let mut state = vec![0u32; a.words];
    assert_eq!((a.init)(state.as_mut_ptr(), &key), IOTWIRE_OK);

    let mut at = 0;
    let mut updates = 0;
    loop {
        if updates == copy_at % 8 {
            // A memcpy'd state finishes to the prefix's digest.
            let mut copy = state.clone();
            assert_eq!(
                finish(&a, &mut copy),
                (a.reference)(&key, &msg[..at]),
                "copy at {at}"
            );
            // Refused finishes change nothing.
            let before = state.clone();
            let mut out = vec![0u8; a.size];
            let mut len = usize::MAX;
            // SAFETY: valid state and buffers; capacity one short.
            let rc =
                unsafe { (a.finish)(state.as_mut_ptr(), out.as_mut_ptr(), a.size - 1, &mut len) };
            assert_eq!(rc, IOTWIRE_ERR_BUFFER_TOO_SMALL);
            let base = state.as_mut_ptr().cast::<u8>();
            // SAFETY: an 8-aligned address inside the state (>= 88 bytes long).
            let inside = unsafe { base.add(base.align_offset(8)) }.cast::<usize>();
            // SAFETY: out_len points into the state: refused before anything is written.
            let rc = unsafe { (a.finish)(state.as_mut_ptr(), out.as_mut_ptr(), a.size, inside) };
            assert_eq!(rc, IOTWIRE_ERR_OVERLAP);
            // SAFETY: size query.
            let rc = unsafe { (a.finish)(state.as_mut_ptr(), std::ptr::null_mut(), 0, &mut len) };
            assert_eq!(rc, IOTWIRE_OK);
            assert_eq!(len, a.size);
            assert_eq!(
                state, before,
                "a refused finish or a size query changed the state"
            );
            assert_eq!(len, a.size);
        }
        if at == msg.len() {
            break;
        }
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let n = ((seed >> 16) as usize % 131).min(msg.len() - at);
        let chunk = &msg[at..at + n];
        // SAFETY: a valid state and a readable range (dangling-but-aligned when empty).
        assert_eq!(
            unsafe { (a.update)(state.as_mut_ptr(), chunk.as_ptr(), n) },
            IOTWIRE_OK
        );
        at += n;
        updates += 1;
    }
    let digest = finish(&a, &mut state);
    assert_eq!(digest, (a.reference)(&key, &msg));

    // The one-shot exports agree with the stream.
    let mut out = [0u8; 32];
    let mut len = 0usize;
    match selector % 6 {
        2 => {
            // SAFETY: valid buffers.
            let rc =
                unsafe { iotwire_sha256(msg.as_ptr(), msg.len(), out.as_mut_ptr(), 32, &mut len) };
            assert_eq!(rc, IOTWIRE_OK);
            assert_eq!(&out[..len], &digest[..]);
            let mut fixed = [0u8; 32];
            // SAFETY: valid buffers (32 bytes out).
            let rc = unsafe { iotwire_sha256_32(msg.as_ptr(), msg.len(), fixed.as_mut_ptr()) };
            assert_eq!(rc, IOTWIRE_OK);
            assert_eq!(&fixed[..], &digest[..]);
        }
        5 => {
            // SAFETY: valid buffers.
            let rc = unsafe {
                iotwire_hmac_sha256(
                    key.as_ptr(),
                    key.len(),
                    msg.as_ptr(),
                    msg.len(),
                    out.as_mut_ptr(),
                    32,
                    &mut len,
                )
            };
            assert_eq!(rc, IOTWIRE_OK);
            assert_eq!(&out[..len], &digest[..]);
        }
        _ => {}
    }
});
