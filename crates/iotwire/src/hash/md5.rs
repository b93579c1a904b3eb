//! MD5 (RFC 1321), interop only (feature `hmac-md5`; CoAP and HTTP auth default to
//! `hmacmd5`): the rolled 64-step loop.

use super::{Algorithm, BLOCK, word};

/// MD5.
pub struct Md5;

/// `floor(abs(sin(i + 1)) × 2^32)`, RFC 1321 section 3.4.
#[rustfmt::skip]
const K: [u32; 64] = [
    0xd76a_a478, 0xe8c7_b756, 0x2420_70db, 0xc1bd_ceee, 0xf57c_0faf, 0x4787_c62a, 0xa830_4613,
    0xfd46_9501, 0x6980_98d8, 0x8b44_f7af, 0xffff_5bb1, 0x895c_d7be, 0x6b90_1122, 0xfd98_7193,
    0xa679_438e, 0x49b4_0821, 0xf61e_2562, 0xc040_b340, 0x265e_5a51, 0xe9b6_c7aa, 0xd62f_105d,
    0x0244_1453, 0xd8a1_e681, 0xe7d3_fbc8, 0x21e1_cde6, 0xc337_07d6, 0xf4d5_0d87, 0x455a_14ed,
    0xa9e3_e905, 0xfcef_a3f8, 0x676f_02d9, 0x8d2a_4c8a, 0xfffa_3942, 0x8771_f681, 0x6d9d_6122,
    0xfde5_380c, 0xa4be_ea44, 0x4bde_cfa9, 0xf6bb_4b60, 0xbebf_bc70, 0x289b_7ec6, 0xeaa1_27fa,
    0xd4ef_3085, 0x0488_1d05, 0xd9d4_d039, 0xe6db_99e5, 0x1fa2_7cf8, 0xc4ac_5665, 0xf429_2244,
    0x432a_ff97, 0xab94_23a7, 0xfc93_a039, 0x655b_59c3, 0x8f0c_cc92, 0xffef_f47d, 0x8584_5dd1,
    0x6fa8_7e4f, 0xfe2c_e6e0, 0xa301_4314, 0x4e08_11a1, 0xf753_7e82, 0xbd3a_f235, 0x2ad7_d2bb,
    0xeb86_d391,
];

/// Left-rotation amounts: four per round, repeated over its 16 steps.
const S: [[u32; 4]; 4] = [
    [7, 12, 17, 22],
    [5, 9, 14, 20],
    [4, 11, 16, 23],
    [6, 10, 15, 21],
];

impl Algorithm for Md5 {
    const IV: [u32; 8] = [
        0x6745_2301,
        0xefcd_ab89,
        0x98ba_dcfe,
        0x1032_5476,
        0,
        0,
        0,
        0,
    ];
    const DIGEST_LEN: usize = 16;
    const BIG_ENDIAN: bool = false;
    // Measured: 472 B on Cortex-M4F and M0 (it copies the block), 400 B on x86-64.
    const STACK: usize = 480;

    #[inline(never)]
    fn rounds(state: &mut [u32; 8], block: &[u8; BLOCK]) {
        let mut m = [0u32; 16];
        for (dst, bytes) in m.iter_mut().zip(block.as_chunks::<4>().0) {
            *dst = u32::from_le_bytes(*bytes);
        }
        let [mut a, mut b, mut c, mut d, ..] = *state;
        for (i, (k, shifts)) in K.iter().zip(S.iter().flat_map(|r| [r; 16])).enumerate() {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), i.wrapping_mul(5).wrapping_add(1)),
                2 => (b ^ c ^ d, i.wrapping_mul(3).wrapping_add(5)),
                _ => (c ^ (b | !d), i.wrapping_mul(7)),
            };
            let shift = shifts.get(i & 3).copied().unwrap_or(0);
            let sum = a.wrapping_add(f).wrapping_add(*k).wrapping_add(word(&m, g));
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(sum.rotate_left(shift));
        }
        for (s, v) in state.iter_mut().zip([a, b, c, d]) {
            *s = s.wrapping_add(v);
        }
        m.fill(0);
    }
}
