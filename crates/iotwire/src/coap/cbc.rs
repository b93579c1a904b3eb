//! Alibaba CoAP symmetric mode: AES-128-CBC with the fixed IV `543yhjy97ae7fyfg` and PKCS#7
//! padding (Java's `AES/CBC/PKCS5Padding`). CBC chaining and padding are here so that
//! decryption can check the padding *before* any plaintext is written: CBC lets the last block
//! be decrypted on its own (`P_n = D(C_n) xor C_{n-1}`), which gives the exact plaintext
//! length up front.
//!
//! The block cipher is [`crate::block_cipher`]: the compact [`crate::aes128`] on bare-metal
//! targets, the `aes` crate everywhere else.
//!
//! The protocol has no MAC and a fixed IV: it is deterministic and malleable. It is
//! implemented because the platform requires it, not because it is sound.

use crate::Error;
use crate::block_cipher::{Decrypt, cipher, schedule_pass};
use crate::coap::session::KEY_LEN;
use crate::coap::wire::Wire;
use crate::sink::{Counter, Text};
use zeroize::Zeroize;

/// The platform's fixed IV.
pub const IV: [u8; BLOCK] = *b"543yhjy97ae7fyfg";
/// AES block size.
pub const BLOCK: usize = 16;

/// Ciphertext length for `plain_len` bytes: always 1..=16 bytes of padding.
pub fn encrypted_len(plain_len: usize) -> Result<usize, Error> {
    (plain_len & !(BLOCK - 1))
        .checked_add(BLOCK)
        .ok_or(Error::Overflow)
}

fn xor_into(block: &mut [u8; BLOCK], other: &[u8; BLOCK]) {
    for (b, o) in block.iter_mut().zip(other) {
        *b ^= o;
    }
}

/// Encrypts `plain` onto `w`. With `measure_only`, writes zero bytes of the ciphertext's
/// length instead (a size-query pass does no AES).
#[inline(always)]
pub fn encrypt(w: &mut Wire<'_>, key: &[u8; KEY_LEN], plain: &[u8], measure_only: bool) {
    schedule_pass(|| encrypt_pass(w, key, plain, measure_only));
}

#[inline(never)]
fn encrypt_pass(w: &mut Wire<'_>, key: &[u8; KEY_LEN], plain: &[u8], measure_only: bool) {
    if measure_only {
        return w.zeros(encrypted_len(plain.len()).unwrap_or(usize::MAX));
    }
    cipher!(aes, key);
    // PKCS#7: every byte after the plaintext is the pad length (1..=16), so the last block
    // is the plaintext's tail followed by pad bytes, or 16 of them.
    let pad = u8::try_from(BLOCK.wrapping_sub(plain.len() & (BLOCK - 1))).unwrap_or(16);
    let mut chain = IV;
    let mut rest = plain;
    loop {
        for (i, c) in chain.iter_mut().enumerate() {
            *c ^= rest.get(i).copied().unwrap_or(pad);
        }
        aes.encrypt_block(&mut chain);
        w.put(&chain);
        match rest.get(BLOCK..) {
            Some(more) => rest = more,
            None => break,
        }
    }
}

/// [`encrypt`] onto a sink.
pub fn encrypt_to(
    sink: &mut dyn Text,
    key: &[u8; KEY_LEN],
    plain: &[u8],
    measure_only: bool,
) -> Result<(), Error> {
    let mut w = Wire::new(sink);
    encrypt(&mut w, key, plain, measure_only);
    w.finish()
}

/// Plaintext length of `cipher_text` under `key`, after checking its length and padding (one
/// block decrypted).
pub fn decrypted_len(key: &[u8; KEY_LEN], cipher_text: &[u8]) -> Result<usize, Error> {
    let mut c = Counter::new();
    decrypt_to(&mut c, key, cipher_text, true)?;
    Ok(c.len())
}

/// [`decrypt`] onto a sink.
pub fn decrypt_to(
    sink: &mut dyn Text,
    key: &[u8; KEY_LEN],
    cipher_text: &[u8],
    measure_only: bool,
) -> Result<(), Error> {
    let mut w = Wire::new(sink);
    decrypt(&mut w, key, cipher_text, measure_only)?;
    w.finish()
}

/// Decrypts block `index` into `out` (CBC: xor with the previous ciphertext block or the
/// IV).
fn decrypt_block(aes: &Decrypt<'_>, blocks: &[[u8; BLOCK]], index: usize, out: &mut [u8; BLOCK]) {
    *out = [0; BLOCK];
    if let Some(block) = blocks.get(index) {
        xor_into(out, block);
    }
    aes.decrypt_block(out);
    let prev = index
        .checked_sub(1)
        .and_then(|p| blocks.get(p))
        .unwrap_or(&IV);
    xor_into(out, prev);
}

/// Length of the padding in a decrypted last block, checked strictly: the last byte `n` must
/// be 1..=16 and the last `n` bytes must all equal `n`. The check does not branch on which
/// byte differs.
fn pad_len(last: &[u8; BLOCK]) -> Result<usize, Error> {
    let n = last[BLOCK - 1];
    let mut bad = u8::from(n == 0 || usize::from(n) > BLOCK);
    for (i, b) in last.iter().rev().enumerate() {
        let in_pad = u8::from(i < usize::from(n));
        bad |= in_pad & u8::from(*b != n);
    }
    if bad != 0 {
        return Err(Error::CoapBadPadding);
    }
    Ok(usize::from(n))
}

/// Decrypts `cipher_text` onto `w` with strict PKCS#7 checking: a length that is not a
/// positive multiple of 16 or a bad pad is [`Error::CoapBadPadding`], returned before anything
/// is written. With `measure_only`, only the last block is decrypted and zero bytes of the
/// plaintext's length are written.
#[inline(always)]
pub fn decrypt(
    w: &mut Wire<'_>,
    key: &[u8; KEY_LEN],
    cipher_text: &[u8],
    measure_only: bool,
) -> Result<(), Error> {
    schedule_pass(|| decrypt_pass(w, key, cipher_text, measure_only))
}

#[inline(never)]
fn decrypt_pass(
    w: &mut Wire<'_>,
    key: &[u8; KEY_LEN],
    cipher_text: &[u8],
    measure_only: bool,
) -> Result<(), Error> {
    let (blocks, rest) = cipher_text.as_chunks::<BLOCK>();
    let Some(last_index) = blocks.len().checked_sub(1) else {
        return Err(Error::CoapBadPadding);
    };
    if !rest.is_empty() {
        return Err(Error::CoapBadPadding);
    }
    cipher!(aes, key, decrypt);
    // The last block first: its padding gives the plaintext length before anything is written.
    let mut plain = [0u8; BLOCK];
    decrypt_block(&aes, blocks, last_index, &mut plain);
    let pad = pad_len(&plain);
    plain.zeroize();
    let mut left = cipher_text.len().saturating_sub(pad?);
    if measure_only {
        w.zeros(left);
        return Ok(());
    }
    for index in 0..blocks.len() {
        decrypt_block(&aes, blocks, index, &mut plain);
        let take = left.min(BLOCK);
        w.put(plain.get(..take).unwrap_or_default());
        left = left.saturating_sub(take);
    }
    plain.zeroize();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coap::wire::TestBuf;

    fn run(f: impl FnOnce(&mut Wire<'_>) -> Result<(), Error>) -> Result<std::vec::Vec<u8>, Error> {
        let mut b = TestBuf::default();
        let mut w = Wire::new(&mut b);
        f(&mut w)?;
        w.finish()?;
        Ok(b.0)
    }

    const KEY: [u8; 16] = [
        0x03, 0xd6, 0x7b, 0x82, 0x94, 0xa6, 0x64, 0x73, 0x14, 0xcc, 0x37, 0x6a, 0xb6, 0x1d, 0x09,
        0x0a,
    ];

    #[test]
    fn round_trip_every_length() {
        for n in 0..40usize {
            let plain: std::vec::Vec<u8> = (0..n).map(|i| i as u8).collect();
            let ct = run(|w| {
                encrypt(w, &KEY, &plain, false);
                Ok(())
            })
            .unwrap();
            assert_eq!(ct.len(), encrypted_len(n).unwrap());
            let measured = run(|w| {
                encrypt(w, &KEY, &plain, true);
                Ok(())
            });
            assert_eq!(measured.unwrap().len(), ct.len());
            assert_eq!(run(|w| decrypt(w, &KEY, &ct, false)).unwrap(), plain);
            let measured = run(|w| decrypt(w, &KEY, &ct, true)).unwrap();
            assert_eq!(measured.len(), n);
        }
    }

    #[test]
    fn empty_plaintext_vector() {
        // coap-enc-01
        let ct = run(|w| {
            encrypt(w, &KEY, b"", false);
            Ok(())
        });
        assert_eq!(
            ct.unwrap(),
            [
                0x76, 0x1a, 0xcc, 0xb1, 0x84, 0x16, 0xeb, 0x0b, 0x98, 0x79, 0x86, 0x8c, 0xda, 0x51,
                0x7e, 0x9e
            ]
        );
    }

    #[test]
    fn strict_padding() {
        assert_eq!(pad_len(&[16; 16]), Ok(16));
        let mut b = [0u8; 16];
        assert_eq!(pad_len(&b), Err(Error::CoapBadPadding));
        b[15] = 17;
        assert_eq!(pad_len(&b), Err(Error::CoapBadPadding));
        b[15] = 2;
        assert_eq!(pad_len(&b), Err(Error::CoapBadPadding));
        b[14] = 2;
        assert_eq!(pad_len(&b), Ok(2));
        b[15] = 0x80;
        assert_eq!(pad_len(&b), Err(Error::CoapBadPadding));
        for bad in [&[][..], &[0u8; 15][..], &[0u8; 17][..]] {
            assert_eq!(
                run(|w| decrypt(w, &KEY, bad, false)),
                Err(Error::CoapBadPadding)
            );
        }
        // A bad pad writes nothing, not even in a size query.
        let ct = run(|w| {
            encrypt(w, &KEY, b"abc", false);
            Ok(())
        })
        .unwrap();
        let mut tampered = ct.clone();
        tampered[15] ^= 1;
        for measure in [false, true] {
            let mut b = TestBuf::default();
            let mut w = Wire::new(&mut b);
            assert_eq!(
                decrypt(&mut w, &KEY, &tampered, measure),
                Err(Error::CoapBadPadding)
            );
            assert!(w.finish().is_ok());
            assert!(b.0.is_empty());
        }
    }
}
