//! SHA-256 block function for x86-64 hosts that have AVX2 and BMI2 but no SHA extensions
//! (Intel Haswell to Comet Lake, for example, and valgrind's emulated CPU, which is where the
//! benchmark counts instructions). Order of preference, decided per call from CPUID through
//! `cpufeatures` (a cached, idempotent feature probe, not state that counts anything):
//!
//! 1. SHA-NI: `sha2`'s own backend;
//! 2. AVX2 + BMI2: `compress_avx2` below — BMI2's non-destructive `rorx`/`andn` in the
//!    rounds, the message schedule four words at a time in AVX registers;
//! 3. otherwise `sha2`'s portable code.
//!
//! Firmware never builds this file (`target_arch = "x86_64"` only).

use core::arch::x86_64::{
    __m128i, _mm_add_epi32, _mm_alignr_epi8, _mm_or_si128, _mm_setr_epi8, _mm_setr_epi32,
    _mm_shuffle_epi8, _mm_shuffle_epi32, _mm_slli_epi32, _mm_srli_epi32, _mm_srli_epi64,
    _mm_xor_si128,
};

cpufeatures::new!(shani, "sha", "sse4.1");
cpufeatures::new!(avx2_bmi2, "avx2", "bmi1", "bmi2");

use crate::hash::sha256::K;

/// Compresses one block, on the fastest backend this CPU has.
pub fn compress(state: &mut [u32; 8], block: &[u8; 64]) {
    if !shani::get() && avx2_bmi2::get() {
        // SAFETY: the CPU has AVX2, BMI1 and BMI2 (checked just above), the only
        // requirement of `compress_avx2`.
        unsafe { compress_avx2(state, block) };
        return;
    }
    sha2::block_api::compress256(state, core::slice::from_ref(block));
}

/// `compress_avx2` on its own, for the tests and the fuzz target (a CPU with SHA-NI never
/// takes it through [`compress`]); `false`, and nothing done, without AVX2/BMI2.
pub fn compress_avx2_checked(state: &mut [u32; 8], block: &[u8; 64]) -> bool {
    if !avx2_bmi2::get() {
        return false;
    }
    // SAFETY: AVX2, BMI1 and BMI2 are present (checked).
    unsafe { compress_avx2(state, block) };
    true
}

/// σ0 of four message words: `ror 7 ^ ror 18 ^ shr 3`.
#[target_feature(enable = "avx2,bmi1,bmi2")]
fn small_sigma0(x: __m128i) -> __m128i {
    let r7 = _mm_or_si128(_mm_srli_epi32::<7>(x), _mm_slli_epi32::<25>(x));
    let r18 = _mm_or_si128(_mm_srli_epi32::<18>(x), _mm_slli_epi32::<14>(x));
    _mm_xor_si128(_mm_xor_si128(r7, r18), _mm_srli_epi32::<3>(x))
}

/// σ1 of two words of `x` picked by `PICK` (a `pshufd` mask that doubles each into a 64-bit
/// lane, `[w, w]`): a 64-bit shift of `w:w` is a 32-bit rotate, in lanes 0 and 2 of the result.
#[target_feature(enable = "avx2,bmi1,bmi2")]
fn sigma1_pair<const PICK: i32>(x: __m128i) -> __m128i {
    let doubled = _mm_shuffle_epi32::<PICK>(x);
    let rotations = _mm_xor_si128(_mm_srli_epi64::<17>(doubled), _mm_srli_epi64::<19>(doubled));
    _mm_xor_si128(rotations, _mm_srli_epi32::<10>(doubled))
}

/// The next four message words from the sixteen before them (`x0` oldest).
#[target_feature(enable = "avx2,bmi1,bmi2")]
fn schedule(x0: __m128i, x1: __m128i, x2: __m128i, x3: __m128i) -> __m128i {
    // W[t-16] + σ0(W[t-15]) + W[t-7], for t = 16..20 relative to x0.
    let w15 = _mm_alignr_epi8::<4>(x1, x0);
    let w7 = _mm_alignr_epi8::<4>(x3, x2);
    let n = _mm_add_epi32(_mm_add_epi32(x0, small_sigma0(w15)), w7);
    // σ1(W[t-2]) is known for the first two words only (W[14], W[15] are in x3)...
    // (`pshufb` gathers lanes 0 and 2 of a pair result into the two lanes wanted, zeroing
    // the others.)
    let to_low = _mm_setr_epi8(0, 1, 2, 3, 8, 9, 10, 11, -1, -1, -1, -1, -1, -1, -1, -1);
    let n = _mm_add_epi32(n, _mm_shuffle_epi8(sigma1_pair::<0xFA>(x3), to_low));
    // ...the last two need the first two just finished.
    let to_high = _mm_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, 0, 1, 2, 3, 8, 9, 10, 11);
    _mm_add_epi32(n, _mm_shuffle_epi8(sigma1_pair::<0x50>(n), to_high))
}

/// Big-endian load of four message words.
#[target_feature(enable = "avx2,bmi1,bmi2")]
fn load_be(chunk: &[u8; 16]) -> __m128i {
    let (words, _) = chunk.as_chunks::<4>();
    let word = |i: usize| {
        words
            .get(i)
            .map_or(0, |b| u32::from_be_bytes(*b).cast_signed())
    };
    _mm_setr_epi32(word(0), word(1), word(2), word(3))
}

/// The four `W[t] + K[t]` of one group, as scalars for the rounds.
#[target_feature(enable = "avx2,bmi1,bmi2")]
fn plus_k(x: __m128i, k: &[u32; 4]) -> [u32; 4] {
    let k = _mm_setr_epi32(
        k[0].cast_signed(),
        k[1].cast_signed(),
        k[2].cast_signed(),
        k[3].cast_signed(),
    );
    let sum = _mm_add_epi32(x, k);
    // SAFETY: `__m128i` and `[u32; 4]` have the same size and every bit pattern is valid for
    // both.
    unsafe { core::mem::transmute::<__m128i, [u32; 4]>(sum) }
}

/// The block function with BMI2 rounds and an AVX message schedule.
#[target_feature(enable = "avx2,bmi1,bmi2")]
fn compress_avx2(state: &mut [u32; 8], block: &[u8; 64]) {
    let (chunks, _) = block.as_chunks::<16>();
    let [c0, c1, c2, c3] = chunks else { return };
    let (ks, _) = K.as_chunks::<4>();
    let k = |i: usize| ks.get(i).copied().unwrap_or_default();
    // W[t] + K[t] for all 64 rounds, four at a time; written out so that no array is
    // zeroed first and no vector is shuffled between loop iterations.
    let x0 = load_be(c0);
    let x1 = load_be(c1);
    let x2 = load_be(c2);
    let x3 = load_be(c3);
    let x4 = schedule(x0, x1, x2, x3);
    let x5 = schedule(x1, x2, x3, x4);
    let x6 = schedule(x2, x3, x4, x5);
    let x7 = schedule(x3, x4, x5, x6);
    let x8 = schedule(x4, x5, x6, x7);
    let x9 = schedule(x5, x6, x7, x8);
    let x10 = schedule(x6, x7, x8, x9);
    let x11 = schedule(x7, x8, x9, x10);
    let x12 = schedule(x8, x9, x10, x11);
    let x13 = schedule(x9, x10, x11, x12);
    let x14 = schedule(x10, x11, x12, x13);
    let x15 = schedule(x11, x12, x13, x14);
    let wk = [
        plus_k(x0, &k(0)),
        plus_k(x1, &k(1)),
        plus_k(x2, &k(2)),
        plus_k(x3, &k(3)),
        plus_k(x4, &k(4)),
        plus_k(x5, &k(5)),
        plus_k(x6, &k(6)),
        plus_k(x7, &k(7)),
        plus_k(x8, &k(8)),
        plus_k(x9, &k(9)),
        plus_k(x10, &k(10)),
        plus_k(x11, &k(11)),
        plus_k(x12, &k(12)),
        plus_k(x13, &k(13)),
        plus_k(x14, &k(14)),
        plus_k(x15, &k(15)),
    ];
    let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = *state;
    // Maj(a, b, c) = ((a ^ b) & (b ^ c)) ^ b, and b ^ c is the previous round's a ^ b.
    let mut bc = b ^ c;
    macro_rules! round {
        ($a:ident, $b:ident, $c:ident, $d:ident, $e:ident, $f:ident, $g:ident, $h:ident, $wk:expr) => {
            let s1 = $e.rotate_right(6) ^ $e.rotate_right(11) ^ $e.rotate_right(25);
            // Ch: the two terms share no bit, so adding them is their xor.
            let t1 = $h
                .wrapping_add($wk)
                .wrapping_add(s1)
                .wrapping_add($e & $f)
                .wrapping_add(!$e & $g);
            let s0 = $a.rotate_right(2) ^ $a.rotate_right(13) ^ $a.rotate_right(22);
            let ab = $a ^ $b;
            let maj = (ab & bc) ^ $b;
            bc = ab;
            $d = $d.wrapping_add(t1);
            $h = t1.wrapping_add(s0).wrapping_add(maj);
        };
    }
    for pair in wk.as_chunks::<2>().0 {
        let [[w0, w1, w2, w3], [w4, w5, w6, w7]] = *pair;
        round!(a, b, c, d, e, f, g, h, w0);
        round!(h, a, b, c, d, e, f, g, w1);
        round!(g, h, a, b, c, d, e, f, w2);
        round!(f, g, h, a, b, c, d, e, w3);
        round!(e, f, g, h, a, b, c, d, w4);
        round!(d, e, f, g, h, a, b, c, w5);
        round!(c, d, e, f, g, h, a, b, w6);
        round!(b, c, d, e, f, g, h, a, w7);
    }
    for (s, x) in state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
        *s = s.wrapping_add(x);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The AVX2 path against `sha2`'s portable one, on blocks that exercise every byte
    /// position and carry pattern.
    #[test]
    fn avx2_block_matches_the_portable_block() {
        let mut seed = 0x9e37_79b9_u32;
        for round in 0..2000u32 {
            let mut block = [0u8; 64];
            for byte in block.iter_mut() {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                *byte = seed as u8;
            }
            if round % 7 == 0 {
                block = [0xff; 64];
            }
            let mut ours = [0u32; 8];
            for (i, w) in ours.iter_mut().enumerate() {
                *w = seed.wrapping_mul(i as u32 + 1);
            }
            let mut reference = ours;
            if !compress_avx2_checked(&mut ours, &block) {
                std::eprintln!("no AVX2/BMI2 on this CPU: nothing to compare");
                return;
            }
            sha2::block_api::compress256(&mut reference, core::slice::from_ref(&block));
            assert_eq!(ours, reference, "block {round}");
        }
    }

    /// The checked entry runs the AVX2 block exactly when the CPU has what it needs (else the
    /// comparison above would pass by skipping).
    #[test]
    fn avx2_runs_wherever_the_cpu_has_it() {
        let has = std::is_x86_feature_detected!("avx2")
            && std::is_x86_feature_detected!("bmi1")
            && std::is_x86_feature_detected!("bmi2");
        let mut state = [0u32; 8];
        let mut reference = state;
        assert_eq!(compress_avx2_checked(&mut state, &[0x61; 64]), has);
        if has {
            sha2::block_api::compress256(&mut reference, core::slice::from_ref(&[0x61; 64]));
        }
        assert_eq!(state, reference);
    }
}
