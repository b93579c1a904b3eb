//! Differential check of both SHA-256 block functions the library has besides `sha2`'s: the
//! rolled one of firmware builds (`hash::sha256::compress_rolled`) and the host fast path
//! (`src/accel`'s AVX2/BMI2 block), against the block function of an independent RustCrypto
//! release (sha2 0.10), on any state and block. On a CPU with SHA-NI the library would never
//! take the AVX2 path by itself, so the target calls it directly. Input: 32 bytes of state (8 little-endian words), then the
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
    let mut rolled = state;
    let mut avx2 = true;
    for block in &chunks {
        sha2::compress256(&mut reference, &[*GenericArray::from_slice(block)]);
        // The firmware block function (also the hosts' with --cfg iotwire_small).
        iotwire::hash::sha256::compress_rolled(&mut rolled, block);
        assert_eq!(rolled, reference, "rolled state after block");
        // Without AVX2/BMI2 on this CPU there is no fast path to compare.
        avx2 = avx2 && iotwire::accel::sha256_x86_64::compress_avx2_checked(&mut state, block);
        if avx2 {
            assert_eq!(state, reference, "AVX2 state after block");
        }
    }
});
