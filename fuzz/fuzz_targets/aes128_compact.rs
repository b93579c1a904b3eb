//! Differential check of the compact AES-128 that bare-metal builds use
//! (`iotwire::aes128`, table-driven, one round function for both directions) against an
//! independent RustCrypto release (aes 0.8), which hosts use through the library itself: for
//! any key, every block of the input must encrypt to the same ciphertext and decrypt back,
//! and decrypting the input as ciphertext must agree too. Input: 16 key bytes, then blocks
//! (the last one zero-padded).
#![no_main]

use aes::cipher::{BlockDecrypt, BlockEncrypt, KeyInit};
use iotwire::aes128::Aes128;
use iotwire_fuzz::input::Input;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut inp = Input::new(data);
    let key: [u8; 16] = inp.array();
    let ours = Aes128::new(&key);
    let reference = aes::Aes128::new(&key.into());
    let rest = inp.rest();
    let blocks = rest.chunks(16).map(|c| {
        let mut b = [0u8; 16];
        b[..c.len()].copy_from_slice(c);
        b
    });
    for block in blocks.chain(std::iter::once([0u8; 16]).take(usize::from(rest.is_empty()))) {
        let mut a = block;
        let mut b = aes::Block::from(block);
        ours.encrypt_block(&mut a);
        reference.encrypt_block(&mut b);
        assert_eq!(a, <[u8; 16]>::from(b), "encrypt");
        ours.decrypt_block(&mut a);
        assert_eq!(a, block, "round trip");
        let mut c = block;
        let mut d = aes::Block::from(block);
        ours.decrypt_block(&mut c);
        reference.decrypt_block(&mut d);
        assert_eq!(c, <[u8; 16]>::from(d), "decrypt");
    }
});
