//! The three Merkle–Damgård hashes the platforms sign with (SHA-256, and for interop SHA-1 and
//! MD5), sharing one streaming front end.
//!
//! Why not the RustCrypto `sha1`/`md-5`/`sha2` crates: their software backends unroll all
//! rounds (2.4 KB and 2.0 KB of Thumb code for SHA-1 and MD5), and even `sha2`'s compact one
//! (a build-time `--cfg` a firmware's RUSTFLAGS silently drops) is a quarter larger than the
//! rolled loops here; firmware links these hashes to sign, not for bulk speed. Host x86-64
//! takes `sha2`'s SHA-NI block and an AVX2 one ([`crate::accel`]). Each algorithm is only its
//! block function and constants; padding, length encoding and output are [`Hash`]'s.

#[cfg(any(feature = "hmac-md5", test))]
pub mod md5;
#[cfg(any(feature = "hmac-sha1", test))]
pub mod sha1;
pub mod sha256;
#[cfg(feature = "crypto")]
pub mod stream;

use zeroize::Zeroize;

/// Block size of all three hashes.
pub const BLOCK: usize = 64;

/// One hash algorithm: its block function and constants. The state is always eight words
/// (MD5 uses four, SHA-1 five) so that [`Hash`] needs no generic array size.
pub trait Algorithm {
    /// Initial state; unused words are zero.
    const IV: [u32; 8];
    /// Digest length in bytes (4 × the state words that form it).
    const DIGEST_LEN: usize;
    /// SHA-1/SHA-2 write words and the message length big-endian, MD5 little-endian.
    const BIG_ENDIAN: bool;
    /// Bytes of stack [`Algorithm::rounds`] uses, at least (measured per target; at most
    /// [`crate::burn::MAX`]).
    const STACK: usize;
    /// The block function: compresses one block into `state`. Never inlined, so that its
    /// frame lies where the burn in [`Algorithm::compress`] writes.
    fn rounds(state: &mut [u32; 8], block: &[u8; BLOCK]);
    /// Compresses one block into `state`, then overwrites the stack the block function used,
    /// from the caller's frame depth ([`crate::burn`]): its frame holds the message schedule
    /// and the working variables (for an HMAC key block `key ^ pad` as words, after the last
    /// block the digest), which would otherwise stay in memory. Every use of a block function
    /// goes through here.
    #[inline(always)]
    fn compress(state: &mut [u32; 8], block: &[u8; BLOCK]) {
        Self::rounds(state, block);
        crate::burn::bytes(Self::STACK);
    }
}

/// A running hash: state, partial block, and the message length so far. Wiped on drop.
pub struct Hash<H: Algorithm> {
    state: [u32; 8],
    block: [u8; BLOCK],
    fill: usize,
    len: u64,
    algorithm: core::marker::PhantomData<H>,
}

impl<H: Algorithm> Default for Hash<H> {
    fn default() -> Self {
        Self::new()
    }
}

impl<H: Algorithm> Hash<H> {
    /// A hash of the empty message so far.
    pub fn new() -> Self {
        Hash {
            state: H::IV,
            block: [0; BLOCK],
            fill: 0,
            len: 0,
            algorithm: core::marker::PhantomData,
        }
    }

    /// Starts over (reusing this state's memory, so no second state exists).
    pub fn reset(&mut self) {
        self.state = H::IV;
        self.block.fill(0);
        self.fill = 0;
        self.len = 0;
    }

    /// Feeds `data`.
    pub fn update(&mut self, mut data: &[u8]) {
        self.len = self
            .len
            .wrapping_add(u64::try_from(data.len()).unwrap_or(u64::MAX));
        while !data.is_empty() {
            let dst = self.block.get_mut(self.fill..).unwrap_or_default();
            let take = dst.len().min(data.len());
            crate::sink::copy(
                dst.get_mut(..take).unwrap_or_default(),
                data.get(..take).unwrap_or_default(),
            );
            self.fill = self.fill.saturating_add(take);
            data = data.get(take..).unwrap_or_default();
            if self.fill >= BLOCK {
                H::compress(&mut self.state, &self.block);
                self.fill = 0;
            }
        }
    }

    /// Feeds a whole block `key ^ pad` (HMAC), built in place in the block buffer so that no
    /// other copy of the key block exists. Must be the first input.
    pub fn update_key_block(&mut self, key: &[u8], pad: u8) {
        self.block.fill(pad);
        for (slot, byte) in self.block.iter_mut().zip(key) {
            *slot ^= byte;
        }
        H::compress(&mut self.state, &self.block);
        self.len = 64;
        self.fill = 0;
    }

    /// Pads and returns the digest in the first [`Algorithm::DIGEST_LEN`] bytes (the rest is
    /// zero); the state is left wiped.
    pub fn finish(&mut self) -> [u8; 32] {
        let mut out = [0u8; 32];
        self.finish_into(&mut out);
        out
    }

    /// [`Hash::finish`] into the caller's array: no copy of the digest is left on the stack
    /// (a returned array is built in a local and copied), and no `memcpy` is needed.
    pub fn finish_into(&mut self, out: &mut [u8; 32]) {
        let bits = self.len.wrapping_mul(8);
        // Padding: 0x80, zeros up to 56 mod 64, then the bit length, written straight into
        // the block buffer.
        let fill = self.fill;
        if let Some(slot) = self.block.get_mut(fill) {
            *slot = 0x80;
        }
        if let Some(rest) = self.block.get_mut(fill.saturating_add(1)..) {
            rest.fill(0);
        }
        if fill >= BLOCK.saturating_sub(8) {
            H::compress(&mut self.state, &self.block);
            self.block.fill(0);
        }
        if let Some(tail) = self.block.last_chunk_mut::<8>() {
            *tail = if H::BIG_ENDIAN {
                bits.to_be_bytes()
            } else {
                bits.to_le_bytes()
            };
        }
        H::compress(&mut self.state, &self.block);
        out.fill(0);
        let words = H::DIGEST_LEN / 4;
        for (chunk, word) in out
            .as_chunks_mut::<4>()
            .0
            .iter_mut()
            .zip(self.state.iter())
            .take(words)
        {
            *chunk = if H::BIG_ENDIAN {
                word.to_be_bytes()
            } else {
                word.to_le_bytes()
            };
        }
        self.state.zeroize();
        self.block.zeroize();
    }
}

/// A hash is a sink, so a message can be formatted straight into it (EnOS hashes its sign
/// content instead of MACing it).
impl<H: Algorithm> crate::sink::Sink for Hash<H> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), crate::Error> {
        self.update(bytes);
        Ok(())
    }
}

impl<H: Algorithm> Drop for Hash<H> {
    fn drop(&mut self) {
        self.state.zeroize();
        self.block.zeroize();
    }
}

/// The digest of `data` (first [`Algorithm::DIGEST_LEN`] bytes).
pub fn digest<H: Algorithm>(data: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    digest_into::<H>(data, &mut out);
    out
}

/// [`digest`] into the caller's array. Not inlined, so its state is on the stack only while it
/// runs (it hashes over-long HMAC keys), and wiped when it returns.
#[inline(never)]
pub fn digest_into<H: Algorithm>(data: &[u8], out: &mut [u8; 32]) {
    let mut h = Hash::<H>::new();
    h.update(data);
    h.finish_into(out);
}

/// Little helper for the block functions: word `i` of a 16-word schedule, with the index
/// masked so the optimiser can drop the bounds check (and the panic path with it).
#[cfg(any(feature = "hmac-md5", feature = "hmac-sha1", test))]
#[inline(always)]
fn word(w: &[u32; 16], i: usize) -> u32 {
    w.get(i & 15).copied().unwrap_or(0)
}
