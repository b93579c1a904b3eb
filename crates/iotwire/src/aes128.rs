//! A compact, byte-oriented AES-128 (FIPS 197) for firmware: the S-box and its inverse as two
//! 256-byte tables in flash, one round function for both directions, about 1 KB of Thumb code
//! and tables in all (the `aes` crate's constant-time fixsliced backend is about 4.6 KB).
//!
//! Timing: the S-box lookups are indexed by key- and data-dependent bytes. On a part without
//! a data cache (Cortex-M0/M0+/M3/M4 on plain flash or SRAM) a load takes the same time
//! whatever its address, so nothing leaks through timing; on a part whose flash accelerator or
//! core caches data (STM32F2/F4/F7's ART data cache, Cortex-M7's D-cache) the access pattern
//! can show in the timing of later loads. Hosted builds (`target_os` other than `none`) use
//! the `aes` crate instead (AES-NI / ARMv8 AES where present, constant-time software
//! otherwise); see `block_cipher.rs`. The legacy SDK's AES is table-driven as well, with
//! 8.7 KB of tables built in RAM.
//!
//! Checked against the `aes` crate block for block in the unit tests below and in the
//! `aes128_compact` fuzz target, and through the CoAP known-answer vectors on Cortex-M (QEMU).

use zeroize::Zeroize;

/// One 16-byte block.
pub type Block = [u8; 16];

/// The expanded key: 11 round keys of 16 bytes. Wiped when dropped.
pub struct Aes128 {
    round_keys: [u8; 176],
}

impl Aes128 {
    /// Expands `key`. Returns the schedule by value, which may copy it: code that cares (no
    /// copy of key material, no `memcpy`) uses [`Aes128::empty`] and [`Aes128::expand`] in
    /// place instead.
    pub fn new(key: &[u8; 16]) -> Aes128 {
        let mut aes = Aes128::empty();
        aes.expand(key);
        aes
    }

    /// An all-zero schedule, to be keyed in place with [`Aes128::expand`].
    #[inline(always)]
    pub fn empty() -> Aes128 {
        Aes128 {
            round_keys: [0; 176],
        }
    }

    /// FIPS 197 key expansion, word by word in place: word `i` is word `i - 4` xor word
    /// `i - 1` (rotated, substituted and xored with Rcon at each fourth), the first four the
    /// key. Nothing but the schedule holds key material (no window to wipe, no array moved).
    #[inline(never)]
    pub fn expand(&mut self, key: &[u8; 16]) {
        let (words, _) = self.round_keys.as_chunks_mut::<4>();
        let (key_words, _) = key.as_chunks::<4>();
        let mut rcon: u8 = 1;
        for i in 0..words.len() {
            let next = match i.checked_sub(4) {
                None => key_words.get(i).copied().unwrap_or_default(),
                Some(back) => {
                    let word = |j: usize| words.get(j).copied().unwrap_or_default();
                    let [t0, t1, t2, t3] = word(i.wrapping_sub(1));
                    let t = if i % 4 == 0 {
                        // RotWord, SubWord, Rcon.
                        let g = [
                            sub(SBOX, t1) ^ rcon,
                            sub(SBOX, t2),
                            sub(SBOX, t3),
                            sub(SBOX, t0),
                        ];
                        rcon = xtime(rcon);
                        g
                    } else {
                        [t0, t1, t2, t3]
                    };
                    let [a0, a1, a2, a3] = word(back);
                    [a0 ^ t[0], a1 ^ t[1], a2 ^ t[2], a3 ^ t[3]]
                }
            };
            if let Some(w) = words.get_mut(i) {
                *w = next;
            }
        }
    }

    /// Encrypts one block in place.
    pub fn encrypt_block(&self, block: &mut Block) {
        self.crypt(block, None);
    }

    /// Decrypts one block in place (building the inverse S-box first: for more than one
    /// block, build an [`InvSbox`] once and use [`Aes128::decrypt_block_with`]).
    pub fn decrypt_block(&self, block: &mut Block) {
        self.decrypt_block_with(&InvSbox::new(), block);
    }

    /// Decrypts one block in place with an inverse S-box built by [`InvSbox::new`].
    pub fn decrypt_block_with(&self, inv: &InvSbox, block: &mut Block) {
        self.crypt(block, Some(&inv.0));
    }

    /// Both directions in one loop. Encryption: SubBytes, ShiftRows (in place: no copy of the
    /// state), MixColumns except in the last round, AddRoundKey. Decryption (the
    /// straightforward inverse cipher): InvShiftRows and InvSubBytes, AddRoundKey,
    /// InvMixColumns except in the last round; InvMixColumns is MixColumns after a cheap
    /// pre-multiplication ("The Design of Rijndael", 4.1.3). `inverse` is the inverse S-box
    /// when decrypting.
    #[inline(never)]
    fn crypt(&self, block: &mut Block, inverse: Option<&[u8; 256]>) {
        let decrypt = inverse.is_some();
        let sbox = inverse.unwrap_or(SBOX);
        let mut round: usize = if decrypt { 10 } else { 0 };
        self.add_round_key(block, round);
        for _ in 0..10 {
            round = if decrypt {
                round.wrapping_sub(1)
            } else {
                round.wrapping_add(1)
            };
            for b in block.iter_mut() {
                *b = sub(sbox, *b);
            }
            shift_rows(block, decrypt);
            if decrypt {
                self.add_round_key(block, round);
                if round != 0 {
                    inv_premultiply(block);
                    mix_columns(block);
                }
            } else {
                if round != 10 {
                    mix_columns(block);
                }
                self.add_round_key(block, round);
            }
        }
    }

    fn add_round_key(&self, block: &mut Block, round: usize) {
        let keys = self.round_keys.iter().skip(round.wrapping_mul(16));
        for (b, k) in block.iter_mut().zip(keys) {
            *b ^= k;
        }
    }
}

impl Drop for Aes128 {
    fn drop(&mut self) {
        self.round_keys.zeroize();
    }
}

/// `x * 2` in GF(2^8), without a data-dependent branch.
fn xtime(x: u8) -> u8 {
    (x << 1) ^ (0u8.wrapping_sub(x >> 7) & 0x1b)
}

fn sub(table: &[u8; 256], x: u8) -> u8 {
    table.get(usize::from(x)).copied().unwrap_or(0)
}

fn mix_columns(block: &mut Block) {
    for col in block.as_chunks_mut::<4>().0 {
        let [a0, a1, a2, a3] = *col;
        let t = a0 ^ a1 ^ a2 ^ a3;
        *col = [
            a0 ^ t ^ xtime(a0 ^ a1),
            a1 ^ t ^ xtime(a1 ^ a2),
            a2 ^ t ^ xtime(a2 ^ a3),
            a3 ^ t ^ xtime(a3 ^ a0),
        ];
    }
}

/// Multiplies each column by `04 x^2 + 05`; MixColumns after this is InvMixColumns.
fn inv_premultiply(block: &mut Block) {
    for col in block.as_chunks_mut::<4>().0 {
        let [a0, a1, a2, a3] = *col;
        let u = xtime(xtime(a0 ^ a2));
        let v = xtime(xtime(a1 ^ a3));
        *col = [a0 ^ u, a1 ^ v, a2 ^ u, a3 ^ v];
    }
}

/// ShiftRows in place (InvShiftRows with `inverse`): row `r` of the column-major state
/// (bytes `r`, `r + 4`, `r + 8`, `r + 12`) rotated left by `r` (right by `r` is left by
/// `4 - r`), one byte position per step.
fn shift_rows(block: &mut Block, inverse: bool) {
    for row in 1..4usize {
        let steps = if inverse {
            4usize.wrapping_sub(row)
        } else {
            row
        };
        for _ in 0..steps {
            let mut bytes = block.iter_mut().skip(row).step_by(4);
            if let (Some(a), Some(b), Some(c), Some(d)) =
                (bytes.next(), bytes.next(), bytes.next(), bytes.next())
            {
                let first = *a;
                *a = *b;
                *b = *c;
                *c = *d;
                *d = first;
            }
        }
    }
}

/// The AES S-box (FIPS 197, Figure 7).
static SBOX: &[u8; 256] = &[
    0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5, 0x30, 0x01, 0x67, 0x2b, 0xfe, 0xd7, 0xab, 0x76,
    0xca, 0x82, 0xc9, 0x7d, 0xfa, 0x59, 0x47, 0xf0, 0xad, 0xd4, 0xa2, 0xaf, 0x9c, 0xa4, 0x72, 0xc0,
    0xb7, 0xfd, 0x93, 0x26, 0x36, 0x3f, 0xf7, 0xcc, 0x34, 0xa5, 0xe5, 0xf1, 0x71, 0xd8, 0x31, 0x15,
    0x04, 0xc7, 0x23, 0xc3, 0x18, 0x96, 0x05, 0x9a, 0x07, 0x12, 0x80, 0xe2, 0xeb, 0x27, 0xb2, 0x75,
    0x09, 0x83, 0x2c, 0x1a, 0x1b, 0x6e, 0x5a, 0xa0, 0x52, 0x3b, 0xd6, 0xb3, 0x29, 0xe3, 0x2f, 0x84,
    0x53, 0xd1, 0x00, 0xed, 0x20, 0xfc, 0xb1, 0x5b, 0x6a, 0xcb, 0xbe, 0x39, 0x4a, 0x4c, 0x58, 0xcf,
    0xd0, 0xef, 0xaa, 0xfb, 0x43, 0x4d, 0x33, 0x85, 0x45, 0xf9, 0x02, 0x7f, 0x50, 0x3c, 0x9f, 0xa8,
    0x51, 0xa3, 0x40, 0x8f, 0x92, 0x9d, 0x38, 0xf5, 0xbc, 0xb6, 0xda, 0x21, 0x10, 0xff, 0xf3, 0xd2,
    0xcd, 0x0c, 0x13, 0xec, 0x5f, 0x97, 0x44, 0x17, 0xc4, 0xa7, 0x7e, 0x3d, 0x64, 0x5d, 0x19, 0x73,
    0x60, 0x81, 0x4f, 0xdc, 0x22, 0x2a, 0x90, 0x88, 0x46, 0xee, 0xb8, 0x14, 0xde, 0x5e, 0x0b, 0xdb,
    0xe0, 0x32, 0x3a, 0x0a, 0x49, 0x06, 0x24, 0x5c, 0xc2, 0xd3, 0xac, 0x62, 0x91, 0x95, 0xe4, 0x79,
    0xe7, 0xc8, 0x37, 0x6d, 0x8d, 0xd5, 0x4e, 0xa9, 0x6c, 0x56, 0xf4, 0xea, 0x65, 0x7a, 0xae, 0x08,
    0xba, 0x78, 0x25, 0x2e, 0x1c, 0xa6, 0xb4, 0xc6, 0xe8, 0xdd, 0x74, 0x1f, 0x4b, 0xbd, 0x8b, 0x8a,
    0x70, 0x3e, 0xb5, 0x66, 0x48, 0x03, 0xf6, 0x0e, 0x61, 0x35, 0x57, 0xb9, 0x86, 0xc1, 0x1d, 0x9e,
    0xe1, 0xf8, 0x98, 0x11, 0x69, 0xd9, 0x8e, 0x94, 0x9b, 0x1e, 0x87, 0xe9, 0xce, 0x55, 0x28, 0xdf,
    0x8c, 0xa1, 0x89, 0x0d, 0xbf, 0xe6, 0x42, 0x68, 0x41, 0x99, 0x2d, 0x0f, 0xb0, 0x54, 0xbb, 0x16,
];

/// The inverse S-box (FIPS 197, Figure 14), built from [`SBOX`] where it is needed instead of
/// stored: 256 bytes of stack for one decryption, about 20 bytes of code instead of 256 of
/// flash. Not secret: it depends on nothing but the S-box.
pub struct InvSbox([u8; 256]);

impl InvSbox {
    /// Inverts the S-box (a permutation of the bytes), in the caller's frame.
    #[inline(always)]
    pub fn new() -> InvSbox {
        let mut inv = InvSbox([0; 256]);
        inv.build();
        inv
    }

    #[inline(never)]
    fn build(&mut self) {
        for (x, s) in (0..=u8::MAX).zip(SBOX.iter()) {
            if let Some(slot) = self.0.get_mut(usize::from(*s)) {
                *slot = x;
            }
        }
    }
}

impl Default for InvSbox {
    fn default() -> Self {
        InvSbox::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aes::cipher::{BlockCipherDecrypt, BlockCipherEncrypt, KeyInit};

    #[test]
    fn inverse_sbox_is_fips_197_figure_14() {
        let inv = InvSbox::new();
        assert_eq!(inv.0[..8], [0x52, 0x09, 0x6a, 0xd5, 0x30, 0x36, 0xa5, 0x38]);
        assert_eq!(inv.0[0x63], 0x00);
        assert_eq!(inv.0[0xff], 0x7d);
        for x in 0..=255u8 {
            assert_eq!(inv.0[usize::from(SBOX[usize::from(x)])], x);
        }
    }

    #[test]
    fn fips_197_appendix_c1() {
        let key: [u8; 16] = core::array::from_fn(|i| i as u8);
        let plain: Block = core::array::from_fn(|i| (i as u8) * 0x11);
        let aes = Aes128::new(&key);
        let mut b = plain;
        aes.encrypt_block(&mut b);
        assert_eq!(
            b,
            [
                0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30, 0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4,
                0xc5, 0x5a
            ]
        );
        aes.decrypt_block(&mut b);
        assert_eq!(b, plain);
        // FIPS 197 Appendix A.1: the last round key of 2b7e1516 28aed2a6 abf71588 09cf4f3c.
        let a1 = Aes128::new(&[
            0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6, 0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf,
            0x4f, 0x3c,
        ]);
        assert_eq!(
            a1.round_keys[160..],
            [
                0xd0, 0x14, 0xf9, 0xa8, 0xc9, 0xee, 0x25, 0x89, 0xe1, 0x3f, 0x0c, 0xc8, 0xb6, 0x63,
                0x0c, 0xa6
            ]
        );
    }

    #[test]
    fn same_blocks_as_the_aes_crate() {
        // xorshift64: reproducible keys and blocks without a dependency.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x.to_le_bytes()
        };
        for _ in 0..2000 {
            let mut key = [0u8; 16];
            let mut block = [0u8; 16];
            key[..8].copy_from_slice(&next());
            key[8..].copy_from_slice(&next());
            block[..8].copy_from_slice(&next());
            block[8..].copy_from_slice(&next());
            let ours = Aes128::new(&key);
            let theirs = aes::Aes128::new(&key.into());
            let mut a = block;
            let mut b = aes::Block::from(block);
            ours.encrypt_block(&mut a);
            theirs.encrypt_block(&mut b);
            assert_eq!(a, b.0);
            ours.decrypt_block(&mut a);
            assert_eq!(a, block);
            let mut c = block;
            let mut d = aes::Block::from(block);
            ours.decrypt_block(&mut c);
            theirs.decrypt_block(&mut d);
            assert_eq!(c, d.0);
        }
    }
}
