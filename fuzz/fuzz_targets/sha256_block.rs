//! Differential check of the host SHA-256 fast path: `src/accel`'s AVX2/BMI2 block function
//! against the block function of an independent RustCrypto release (sha2 0.10), on any state
//! and block. On a CPU with SHA-NI the library would never take this path by itself, so the
//! target calls it directly. Input: 32 bytes of state (8 little-endian words), then the
//! 64-byte block; shorter inputs are zero-padded, longer ones feed further blocks.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sha2::digest::generic_array::GenericArray;

fuzz_target!(|data: &[u8]| {
    let mut state = [0u32; 8];
    for (word, chunk) in state.iter_mut().zip(data.chunks(4)) {
        let mut b = [0u8; 4];
        b[..chunk.len()].copy_from_slice(chunk);
        *word = u32::from_le_bytes(b);
    }
    let mut reference = state;
    let blocks = data.get(32..).unwrap_or(&[]);
    let mut chunks: Vec<[u8; 64]> = blocks
        .chunks(64)
        .map(|c| {
            let mut b = [0u8; 64];
            b[..c.len()].copy_from_slice(c);
            b
        })
        .collect();
    if chunks.is_empty() {
        chunks.push([0u8; 64]);
    }
    for block in &chunks {
        if !iotwire::accel::sha256_x86_64::compress_avx2_checked(&mut state, block) {
            return; // no AVX2/BMI2 on this CPU: nothing to compare
        }
        sha2::compress256(&mut reference, &[*GenericArray::from_slice(block)]);
        assert_eq!(state, reference, "state after block");
    }
});
