//! SHA-256 (FIPS 180-4). The block function is the rolled 64-step loop below, with the
//! schedule in a 16-word ring (a third smaller than `sha2`'s compact backend on Cortex-M, and
//! no array copies: 324 against 414 B on M4F); host x86-64 takes the SHA-NI/AVX2 paths of
//! [`crate::accel`].

use super::{Algorithm, BLOCK};

/// Round constants (FIPS 180-4 section 4.2.2).
pub(crate) const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

/// The block function in 64 rolled steps; the message schedule is a ring of 16 words, each
/// replaced by the word 16 steps later once read. Public for the differential tests and the
/// fuzz target; [`Sha256::rounds`] is what the hash calls.
pub fn compress_rolled(state: &mut [u32; 8], block: &[u8; BLOCK]) {
    let words = block.as_chunks::<4>().0;
    let mut w: [u32; 16] =
        core::array::from_fn(|i| words.get(i).map_or(0, |b| u32::from_be_bytes(*b)));
    let mut v = *state;
    for (i, k) in K.iter().enumerate() {
        // Indices masked to the ring: the optimiser sees they are in bounds.
        let at = |j: usize| w.get(j & 15).copied().unwrap_or(0);
        if i >= 16 {
            let (w15, w2) = (at(i.wrapping_add(1)), at(i.wrapping_add(14)));
            let s0 = w15.rotate_right(7) ^ w15.rotate_right(18) ^ (w15 >> 3);
            let s1 = w2.rotate_right(17) ^ w2.rotate_right(19) ^ (w2 >> 10);
            let next = at(i)
                .wrapping_add(s0)
                .wrapping_add(at(i.wrapping_add(9)))
                .wrapping_add(s1);
            if let Some(slot) = w.get_mut(i & 15) {
                *slot = next;
            }
        }
        let [a, b, c, d, e, f, g, h] = v;
        let t1 = h
            .wrapping_add(e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25))
            .wrapping_add(g ^ (e & (f ^ g)))
            .wrapping_add(*k)
            .wrapping_add(w.get(i & 15).copied().unwrap_or(0));
        let t2 = (a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22))
            .wrapping_add((a & b) | (c & (a | b)));
        v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
    }
    for (s, x) in state.iter_mut().zip(v) {
        *s = s.wrapping_add(x);
    }
}

/// SHA-256.
pub struct Sha256;

impl Algorithm for Sha256 {
    const IV: [u32; 8] = [
        0x6a09_e667,
        0xbb67_ae85,
        0x3c6e_f372,
        0xa54f_f53a,
        0x510e_527f,
        0x9b05_688c,
        0x1f83_d9ab,
        0x5be0_cd19,
    ];
    const DIGEST_LEN: usize = 32;
    const BIG_ENDIAN: bool = true;
    // Measured: the rolled block 168 B on Cortex-M4F (frame and saved registers); on x86-64
    // the AVX2 block 272 B plus the 128-byte red zone (the SHA-NI one keeps everything in
    // registers).
    #[cfg(target_pointer_width = "64")]
    const STACK: usize = 400;
    #[cfg(not(target_pointer_width = "64"))]
    const STACK: usize = 256;

    #[inline(never)]
    fn rounds(state: &mut [u32; 8], block: &[u8; BLOCK]) {
        #[cfg(all(target_arch = "x86_64", not(target_os = "none"), not(iotwire_small)))]
        crate::accel::sha256_x86_64::compress(state, block);
        #[cfg(not(all(target_arch = "x86_64", not(target_os = "none"), not(iotwire_small))))]
        compress_rolled(state, block);
    }
}

/// SHA-256 of `data`.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    super::digest::<Sha256>(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rolled block against `sha2`'s (an independent implementation) on any state and
    /// block: random ones, and the all-zero and all-ones edges.
    #[test]
    fn rolled_block_equals_sha2() {
        let mut x: u32 = 0x1234_5678;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x
        };
        for case in 0..2000 {
            let mut state: [u32; 8] = core::array::from_fn(|_| next());
            let mut block: [u8; BLOCK] = core::array::from_fn(|_| next() as u8);
            if case == 0 {
                state = [0; 8];
                block = [0; BLOCK];
            } else if case == 1 {
                state = [u32::MAX; 8];
                block = [0xFF; BLOCK];
            }
            let mut reference = state;
            sha2::block_api::compress256(&mut reference, core::slice::from_ref(&block));
            compress_rolled(&mut state, &block);
            assert_eq!(state, reference, "case {case}");
        }
    }

    /// FIPS 180-2 appendix B.1 ("abc").
    #[test]
    fn one_shot_known_answer() {
        let d = super::sha256(b"abc");
        assert_eq!(d[..4], [0xba, 0x78, 0x16, 0xbf]);
        assert_eq!(d[28..], [0xf2, 0x00, 0x15, 0xad]);
    }
}
