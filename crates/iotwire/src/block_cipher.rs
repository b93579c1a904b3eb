//! The AES-128 block cipher of both CBC users, CoAP's symmetric mode ([`crate::coap::cbc`])
//! and the generic AES-128-CBC of [`crate::aes_cbc`]: the compact table-driven
//! [`crate::aes128`] on bare-metal targets (`target_os = "none"`: 1 KB instead of 4.6 KB; its
//! timing note applies) and in hosted builds made for size (`--cfg iotwire_small`, the swap-in
//! kit's: 9 KB less x86-64 code, with the timing exposure of the legacy `infra_aes` it
//! replaces), and the `aes` crate everywhere else (AES-NI / ARMv8 AES where the CPU has it,
//! constant-time software otherwise).
//!
//! Both users build the key schedule where they use it with [`cipher!`] (never moved: no copy
//! of key material) and run each pass through [`schedule_pass`].

#[cfg(any(target_os = "none", iotwire_small))]
pub(crate) use crate::aes128::{Aes128 as Cipher, InvSbox};

/// `cipher!(aes, key)` binds `aes` to the key schedule of `key`, built in place;
/// `cipher!(aes, key, decrypt)` binds a decrypting one (on bare metal with the compact AES's
/// inverse S-box).
#[cfg(any(target_os = "none", iotwire_small))]
macro_rules! cipher {
    ($aes:ident, $key:expr) => {
        let mut $aes = $crate::block_cipher::Cipher::empty();
        $aes.expand($key);
    };
    ($aes:ident, $key:expr, decrypt) => {
        let inv = $crate::block_cipher::InvSbox::new();
        $crate::block_cipher::cipher!($aes, $key);
        let $aes = $crate::block_cipher::Decrypt(&$aes, &inv);
    };
}

/// The compact AES with its inverse S-box, for decryption.
#[cfg(any(target_os = "none", iotwire_small))]
pub(crate) struct Decrypt<'a>(pub(crate) &'a Cipher, pub(crate) &'a InvSbox);

#[cfg(any(target_os = "none", iotwire_small))]
impl Decrypt<'_> {
    pub(crate) fn decrypt_block(&self, block: &mut [u8; 16]) {
        self.0.decrypt_block_with(self.1, block);
    }
}

/// The `aes` crate behind the block interface of [`crate::aes128::Aes128`].
#[cfg(not(any(target_os = "none", iotwire_small)))]
pub(crate) struct Cipher(aes::Aes128);

#[cfg(not(any(target_os = "none", iotwire_small)))]
macro_rules! cipher {
    ($aes:ident, $key:expr) => {
        let $aes = $crate::block_cipher::Cipher::new($key);
    };
    ($aes:ident, $key:expr, decrypt) => {
        $crate::block_cipher::cipher!($aes, $key);
    };
}

/// Named by CoAP's CBC only.
#[cfg(all(
    not(any(target_os = "none", iotwire_small)),
    feature = "coap-symmetric"
))]
pub(crate) type Decrypt<'a> = Cipher;

#[cfg(not(any(target_os = "none", iotwire_small)))]
impl Cipher {
    pub(crate) fn new(key: &[u8; 16]) -> Cipher {
        use aes::cipher::KeyInit;
        Cipher(aes::Aes128::new(key.into()))
    }
    pub(crate) fn encrypt_block(&self, block: &mut [u8; 16]) {
        use aes::cipher::BlockCipherEncrypt;
        self.0.encrypt_block(block.into());
    }
    pub(crate) fn decrypt_block(&self, block: &mut [u8; 16]) {
        use aes::cipher::BlockCipherDecrypt;
        self.0.decrypt_block(block.into());
    }
}

pub(crate) use cipher;

/// Runs one AES pass `f`. On hosted targets the `aes` crate builds its key schedule by value
/// (`Cipher::new` moves it), which leaves the key and round keys in byte order in dead frames
/// (found on x86-64 and aarch64): there the pass runs in a frame of its own and the stack it
/// used is overwritten right after ([`crate::burn::after`]; 2 KiB covers the deepest copy found,
/// about 1.2 KiB below the pass's caller). The compact AES of firmware builds expands its
/// schedule in place and leaves nothing: no burn, no cost there.
#[inline(always)]
pub(crate) fn schedule_pass<R>(f: impl FnOnce() -> R) -> R {
    #[cfg(not(any(target_os = "none", iotwire_small)))]
    {
        crate::burn::after(2048, f)
    }
    #[cfg(any(target_os = "none", iotwire_small))]
    {
        f()
    }
}
