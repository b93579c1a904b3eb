//! AES-128-CBC with the caller's IV and no padding: the primitive legacy code builds its own
//! schemes on (iotkit-embedded's `infra_aes128_cbc_*`, ALCS, Wi-Fi provisioning). Padding,
//! if any, is the caller's; CoAP's fixed-IV PKCS#7 mode is [`crate::coap::cbc`].
//!
//! The state is the key and the chaining block, 32 plain bytes: the round keys are expanded
//! on each call ([`crate::block_cipher`]: on the stack, wiped when dropped) instead of being
//! stored, so the state stays small enough for a caller to keep in
//! any context struct. Like the legacy handle, consecutive calls continue one CBC stream:
//! each call starts from the last ciphertext block of the previous one.

use crate::Error;
use crate::block_cipher::{cipher, schedule_pass};
use crate::sink::Sink;
use zeroize::Zeroize;

/// AES block size.
pub const BLOCK: usize = 16;

/// Key and chaining block. `#[repr(C)]`: the C API views caller memory as this struct, and
/// every bit pattern is a valid state.
#[repr(C)]
#[derive(Clone)]
pub struct Aes128Cbc {
    key: [u8; BLOCK],
    chain: [u8; BLOCK],
}

impl Aes128Cbc {
    /// A CBC stream under `key`, starting from `iv`.
    pub fn new(key: &[u8; BLOCK], iv: &[u8; BLOCK]) -> Self {
        Aes128Cbc {
            key: *key,
            chain: *iv,
        }
    }

    /// Encrypts `plain` (a whole number of blocks) to `sink` and returns the chaining block
    /// that continues the stream; the state itself is unchanged, so a caller commits it with
    /// [`Aes128Cbc::set_chain`] only once the output is in place.
    pub fn encrypt_to<S: Sink + ?Sized>(
        &self,
        plain: &[u8],
        sink: &mut S,
    ) -> Result<[u8; BLOCK], Error> {
        let blocks = whole_blocks(plain)?;
        schedule_pass(|| self.encrypt_pass(blocks, sink))
    }

    #[inline(never)]
    fn encrypt_pass<S: Sink + ?Sized>(
        &self,
        blocks: &[[u8; BLOCK]],
        sink: &mut S,
    ) -> Result<[u8; BLOCK], Error> {
        cipher!(aes, &self.key);
        let mut chain = self.chain;
        for block in blocks {
            for (c, p) in chain.iter_mut().zip(block) {
                *c ^= p;
            }
            aes.encrypt_block(&mut chain);
            sink.put(&chain)?;
        }
        Ok(chain)
    }

    /// Decrypts `cipher` (a whole number of blocks) to `sink`; returns the next chaining block
    /// as [`Aes128Cbc::encrypt_to`] does.
    pub fn decrypt_to<S: Sink + ?Sized>(
        &self,
        cipher: &[u8],
        sink: &mut S,
    ) -> Result<[u8; BLOCK], Error> {
        let blocks = whole_blocks(cipher)?;
        schedule_pass(|| self.decrypt_pass(blocks, sink))
    }

    #[inline(never)]
    fn decrypt_pass<S: Sink + ?Sized>(
        &self,
        blocks: &[[u8; BLOCK]],
        sink: &mut S,
    ) -> Result<[u8; BLOCK], Error> {
        cipher!(aes, &self.key, decrypt);
        let mut chain = self.chain;
        for block in blocks {
            let mut plain = *block;
            aes.decrypt_block(&mut plain);
            for (p, c) in plain.iter_mut().zip(&chain) {
                *p ^= c;
            }
            let written = sink.put(&plain);
            plain.zeroize();
            written?;
            chain = *block;
        }
        Ok(chain)
    }

    /// Continues the stream from `chain` (what the last call returned).
    pub fn set_chain(&mut self, chain: [u8; BLOCK]) {
        self.chain = chain;
    }

    /// Zeroes key and chaining block.
    pub fn wipe(&mut self) {
        self.key.zeroize();
        self.chain.zeroize();
    }
}

/// The blocks of `data`, which must be a whole number of them (empty is allowed).
fn whole_blocks(data: &[u8]) -> Result<&[[u8; BLOCK]], Error> {
    let (blocks, rest) = data.as_chunks::<BLOCK>();
    if rest.is_empty() {
        Ok(blocks)
    } else {
        Err(Error::InvalidArgument)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::SliceWriter;

    fn hex(s: &str) -> std::vec::Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    /// NIST SP 800-38A F.2.1/F.2.2 (CBC-AES128), fed in two calls to check the chaining.
    #[test]
    fn sp800_38a_cbc_aes128_across_calls() {
        let key: [u8; 16] = hex("2b7e151628aed2a6abf7158809cf4f3c").try_into().unwrap();
        let iv: [u8; 16] = hex("000102030405060708090a0b0c0d0e0f").try_into().unwrap();
        let plain = hex(concat!(
            "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51",
            "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710"
        ));
        let cipher = hex(concat!(
            "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2",
            "73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7"
        ));
        let mut s = Aes128Cbc::new(&key, &iv);
        let mut out = [0u8; 64];
        let mut w = SliceWriter::new(&mut out[..16]);
        let chain = s.encrypt_to(&plain[..16], &mut w).unwrap();
        s.set_chain(chain);
        let mut w = SliceWriter::new(&mut out[16..]);
        let chain = s.encrypt_to(&plain[16..], &mut w).unwrap();
        s.set_chain(chain);
        assert_eq!(&out[..], &cipher[..]);
        let d = Aes128Cbc::new(&key, &iv);
        let mut back = [0u8; 64];
        let mut w = SliceWriter::new(&mut back);
        d.decrypt_to(&cipher, &mut w).unwrap();
        assert_eq!(&back[..], &plain[..]);
    }

    #[test]
    fn wipe_zeroes_key_and_chain() {
        let mut s = Aes128Cbc::new(&[0x5a; 16], &[0xa5; 16]);
        s.wipe();
        assert_eq!(s.key, [0; 16]);
        assert_eq!(s.chain, [0; 16]);
    }

    #[test]
    fn partial_blocks_are_refused_and_change_nothing() {
        let s = Aes128Cbc::new(&[1; 16], &[2; 16]);
        let mut out = [0u8; 32];
        let mut w = SliceWriter::new(&mut out);
        assert_eq!(
            s.encrypt_to(&[0; 17], &mut w).unwrap_err(),
            Error::InvalidArgument
        );
        assert_eq!(
            s.decrypt_to(&[0; 15], &mut w).unwrap_err(),
            Error::InvalidArgument
        );
        assert_eq!(w.len(), 0);
        assert_eq!(s.chain, [2; 16]);
    }
}
