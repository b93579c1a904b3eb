//! SHA-1 (FIPS 180-4 section 6.1), interop only (feature `hmac-sha1`): the rolled 80-step
//! loop with the schedule in a 16-word ring.

use super::{Algorithm, BLOCK, word};

/// SHA-1.
pub struct Sha1;

impl Algorithm for Sha1 {
    const IV: [u32; 8] = [
        0x6745_2301,
        0xefcd_ab89,
        0x98ba_dcfe,
        0x1032_5476,
        0xc3d2_e1f0,
        0,
        0,
        0,
    ];
    const DIGEST_LEN: usize = 20;
    const BIG_ENDIAN: bool = true;
    // Measured: 152 B on Cortex-M4F and M0; on x86-64 56 B plus the 128-byte red zone.
    const STACK: usize = 192;

    #[inline(never)]
    fn rounds(state: &mut [u32; 8], block: &[u8; BLOCK]) {
        let mut w = [0u32; 16];
        for (dst, bytes) in w.iter_mut().zip(block.as_chunks::<4>().0) {
            *dst = u32::from_be_bytes(*bytes);
        }
        let [mut a, mut b, mut c, mut d, mut e, ..] = *state;
        for i in 0..80usize {
            if i >= 16 {
                let next = (word(&w, i.wrapping_add(13))
                    ^ word(&w, i.wrapping_add(8))
                    ^ word(&w, i.wrapping_add(2))
                    ^ word(&w, i))
                .rotate_left(1);
                if let Some(slot) = w.get_mut(i & 15) {
                    *slot = next;
                }
            }
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5a82_7999),
                1 => (b ^ c ^ d, 0x6ed9_eba1),
                2 => ((b & c) | (b & d) | (c & d), 0x8f1b_bcdc),
                _ => (b ^ c ^ d, 0xca62_c1d6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(word(&w, i));
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (s, v) in state.iter_mut().zip([a, b, c, d, e]) {
            *s = s.wrapping_add(v);
        }
        w.fill(0);
    }
}
