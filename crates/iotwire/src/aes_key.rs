//! The AES-128 block operations of both CBC users (CoAP's symmetric mode and the generic
//! [`crate::aes_cbc`]), each in one out-of-line function.
//!
//! Every `encrypt_block` / `decrypt_block` call of the `aes` crate's soft backend first maps
//! the round keys to the batch word type (`rk.map(Word::broadcast)`, 88 words), which is dead
//! for a single block once inlined. LLVM inlines that map only while it has few callers; with
//! one call site per CBC loop it outlined it, and the by-value 88-word arrays added about
//! 1.2 KB to the stack of `iotwire_coap_publish_build` on a Cortex-M4F (stack painting in
//! scripts/cortex-m-gate.sh). Two call sites in the whole library keep it inlined.

use aes::Aes128;
use aes::cipher::{Array, BlockCipherDecrypt, BlockCipherEncrypt, KeyInit};

/// The expanded key (wiped on drop through the `aes` crate's `zeroize` feature).
pub(crate) fn cipher(key: &[u8; 16]) -> Aes128 {
    Aes128::new(&Array::from(*key))
}

/// Encrypts one block in place.
#[inline(never)]
pub(crate) fn encrypt(aes: &Aes128, block: &mut [u8; 16]) {
    let mut b = Array::from(*block);
    aes.encrypt_block(&mut b);
    *block = b.into();
}

/// Decrypts one block in place.
#[inline(never)]
pub(crate) fn decrypt(aes: &Aes128, block: &mut [u8; 16]) {
    let mut b = Array::from(*block);
    aes.decrypt_block(&mut b);
    *block = b.into();
}
