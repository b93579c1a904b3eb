//! SHA-256 (FIPS 180-4). The block function is `sha2`'s: firmware builds select its compact
//! rolled backend in .cargo/config.toml.

use super::{Algorithm, BLOCK};

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
    // Measured: `sha2`'s compact block 228 B on Cortex-M4F, 244 B on M0, plus this
    // function's 8; on x86-64 the AVX2 block 272 B plus the 128-byte red zone (the SHA-NI one
    // keeps everything in registers).
    #[cfg(target_pointer_width = "64")]
    const STACK: usize = 400;
    #[cfg(not(target_pointer_width = "64"))]
    const STACK: usize = 256;

    #[inline(never)]
    fn rounds(state: &mut [u32; 8], block: &[u8; BLOCK]) {
        #[cfg(all(target_arch = "x86_64", not(target_os = "none"), not(iotwire_small)))]
        crate::accel::sha256_x86_64::compress(state, block);
        #[cfg(not(all(target_arch = "x86_64", not(target_os = "none"), not(iotwire_small))))]
        sha2::block_api::compress256(state, core::slice::from_ref(block));
    }
}

/// SHA-256 of `data`.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    super::digest::<Sha256>(data)
}

#[cfg(test)]
mod tests {
    /// FIPS 180-2 appendix B.1 ("abc").
    #[test]
    fn one_shot_known_answer() {
        let d = super::sha256(b"abc");
        assert_eq!(d[..4], [0xba, 0x78, 0x16, 0xbf]);
        assert_eq!(d[28..], [0xf2, 0x00, 0x15, 0xad]);
    }
}
