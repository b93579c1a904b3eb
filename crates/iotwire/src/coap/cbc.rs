//! Alibaba CoAP symmetric mode: AES-128-CBC with the fixed IV `543yhjy97ae7fyfg` and PKCS#7
//! padding (Java's `AES/CBC/PKCS5Padding`). Only the block cipher comes from the `aes` crate;
//! CBC chaining and padding are here so that decryption can check the padding *before* any
//! plaintext is written: CBC lets the last block be decrypted on its own
//! (`P_n = D(C_n) xor C_{n-1}`), which gives the exact plaintext length up front.
//!
//! The protocol has no MAC and a fixed IV: it is deterministic and malleable. It is
//! implemented because the platform requires it, not because it is sound.

use crate::Error;
use crate::coap::session::KEY_LEN;
use crate::sink::Sink;
use aes::Aes128;
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

fn cipher(key: &[u8; KEY_LEN]) -> Aes128 {
    crate::aes_key::cipher(key)
}

fn xor_into(block: &mut [u8; BLOCK], other: &[u8; BLOCK]) {
    for (b, o) in block.iter_mut().zip(other) {
        *b ^= o;
    }
}

/// Encrypts `plain` and writes the ciphertext to `sink`. With `measure_only`, writes
/// placeholder bytes of the right length instead (a size-query pass does no AES).
pub fn encrypt_to<S: Sink + ?Sized>(
    sink: &mut S,
    key: &[u8; KEY_LEN],
    plain: &[u8],
    measure_only: bool,
) -> Result<(), Error> {
    if measure_only {
        let blocks = encrypted_len(plain.len())? / BLOCK;
        for _ in 0..blocks {
            sink.put(&[0; BLOCK])?;
        }
        return Ok(());
    }
    let aes = cipher(key);
    let (full, tail) = plain.as_chunks::<BLOCK>();
    let mut chain = IV;
    for chunk in full {
        xor_into(&mut chain, chunk);
        crate::aes_key::encrypt(&aes, &mut chain);
        sink.put(&chain)?;
    }
    // Last block: the tail plus PKCS#7 padding (a whole block of 16s for aligned input).
    let pad = u8::try_from(BLOCK.saturating_sub(tail.len())).unwrap_or(16);
    let mut last = [pad; BLOCK];
    for (d, s) in last.iter_mut().zip(tail) {
        *d = *s;
    }
    xor_into(&mut chain, &last);
    last.zeroize();
    crate::aes_key::encrypt(&aes, &mut chain);
    sink.put(&chain)
}

/// Decrypts one block `index` of `cipher_text` (CBC: previous ciphertext block or the IV).
fn decrypt_block(aes: &Aes128, blocks: &[[u8; BLOCK]], index: usize) -> Option<[u8; BLOCK]> {
    let mut out = *blocks.get(index)?;
    crate::aes_key::decrypt(aes, &mut out);
    let prev = match index.checked_sub(1) {
        Some(p) => blocks.get(p)?,
        None => &IV,
    };
    xor_into(&mut out, prev);
    Some(out)
}

/// Length of the padding in a decrypted last block, checked strictly: the last byte `n` must
/// be 1..=16 and the last `n` bytes must all equal `n`. The check does not branch on which
/// byte differs.
fn pad_len(last: &[u8; BLOCK]) -> Result<usize, Error> {
    let n = last.last().copied().unwrap_or(0);
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

/// Plaintext length of `cipher_text`, after checking its length and padding.
pub fn decrypted_len(key: &[u8; KEY_LEN], cipher_text: &[u8]) -> Result<usize, Error> {
    let (blocks, rest) = cipher_text.as_chunks::<BLOCK>();
    if blocks.is_empty() || !rest.is_empty() {
        return Err(Error::CoapBadPadding);
    }
    let aes = cipher(key);
    let last_index = blocks.len().saturating_sub(1);
    let mut last = decrypt_block(&aes, blocks, last_index).ok_or(Error::CoapBadPadding)?;
    let pad = pad_len(&last);
    last.zeroize();
    cipher_text
        .len()
        .checked_sub(pad?)
        .ok_or(Error::CoapBadPadding)
}

/// Decrypts `cipher_text` into `sink` with strict PKCS#7 checking: a length that is not a
/// positive multiple of 16 or a bad pad is [`Error::CoapBadPadding`], and nothing is written.
/// With `measure_only`, writes placeholder bytes of the plaintext length (one block decrypted).
pub fn decrypt_to<S: Sink + ?Sized>(
    sink: &mut S,
    key: &[u8; KEY_LEN],
    cipher_text: &[u8],
    measure_only: bool,
) -> Result<(), Error> {
    let plain_len = decrypted_len(key, cipher_text)?;
    if measure_only {
        for _ in 0..plain_len {
            sink.put_byte(0)?;
        }
        return Ok(());
    }
    let (blocks, _) = cipher_text.as_chunks::<BLOCK>();
    let aes = cipher(key);
    let mut left = plain_len;
    for index in 0..blocks.len() {
        let mut plain = decrypt_block(&aes, blocks, index).ok_or(Error::CoapBadPadding)?;
        let take = left.min(BLOCK);
        let r = sink.put(plain.get(..take).unwrap_or(&[]));
        plain.zeroize();
        r?;
        left = left.saturating_sub(take);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::SliceWriter;

    const KEY: [u8; 16] = [
        0x03, 0xd6, 0x7b, 0x82, 0x94, 0xa6, 0x64, 0x73, 0x14, 0xcc, 0x37, 0x6a, 0xb6, 0x1d, 0x09,
        0x0a,
    ];

    #[test]
    fn round_trip_every_length() {
        for n in 0..40usize {
            let plain: std::vec::Vec<u8> = (0..n).map(|i| i as u8).collect();
            let mut buf = [0u8; 64];
            let mut w = SliceWriter::new(&mut buf);
            encrypt_to(&mut w, &KEY, &plain, false).unwrap();
            assert_eq!(w.len(), encrypted_len(n).unwrap());
            let ct = w.written().to_vec();
            let mut out = [0u8; 64];
            let mut w = SliceWriter::new(&mut out);
            decrypt_to(&mut w, &KEY, &ct, false).unwrap();
            assert_eq!(w.written(), &plain[..]);
        }
    }

    #[test]
    fn empty_plaintext_vector() {
        // coap-enc-01
        let mut buf = [0u8; 16];
        let mut w = SliceWriter::new(&mut buf);
        encrypt_to(&mut w, &KEY, b"", false).unwrap();
        assert_eq!(
            w.written(),
            &[
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
        let mut out = [0u8; 32];
        for bad in [&[][..], &[0u8; 15][..], &[0u8; 17][..]] {
            let mut w = SliceWriter::new(&mut out);
            assert_eq!(
                decrypt_to(&mut w, &KEY, bad, false),
                Err(Error::CoapBadPadding)
            );
        }
    }
}
