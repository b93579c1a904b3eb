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
    /// The algorithm as data, for the front end ([`Core`]). A reference made in a constant:
    /// one static copy, where `H::SPEC` of a by-value constant in generic code would copy
    /// it to the stack at every call.
    const SPEC: &'static Spec = &Spec {
        compress: Self::compress,
        init: Self::init,
        digest_len: Self::DIGEST_LEN,
        big_endian: Self::BIG_ENDIAN,
    };
    /// Sets `state` to [`Algorithm::IV`]: the constant is stored from code, where copying
    /// it out of a [`Spec`] would take a `memcpy` (and link one into an image that has none).
    fn init(state: &mut [u32; 8]) {
        *state = Self::IV;
    }
}

/// What the front end needs of an algorithm, as data: one copy of the front end (buffering,
/// padding, output, the HMAC key blocks) serves every algorithm an image links, where code
/// generic over [`Algorithm`] has one copy per algorithm (0.6 KB more in an image with
/// HMAC-SHA1 and HMAC-SHA256). See [`Kind`] for when each is used.
#[derive(Clone, Copy)]
pub struct Spec {
    /// [`Algorithm::compress`].
    pub compress: fn(&mut [u32; 8], &[u8; BLOCK]),
    /// [`Algorithm::init`].
    pub init: fn(&mut [u32; 8]),
    /// [`Algorithm::DIGEST_LEN`].
    pub digest_len: usize,
    /// [`Algorithm::BIG_ENDIAN`].
    pub big_endian: bool,
}

/// An algorithm as the front end ([`Core`]) sees it: by type ([`Typed`]: one front end per
/// algorithm, constants and direct calls) or as data (`&Spec`: one front end for all, an
/// indirect call per block). A build with HMAC-MD5 or HMAC-SHA1 links several algorithms and
/// takes the data form ([`kind`]); a build with SHA-256 alone takes the typed one, which is
/// 0.1 KB smaller on Cortex-M than one shared front end.
pub trait Kind: Copy {
    /// The block function.
    fn compress(self, state: &mut [u32; 8], block: &[u8; BLOCK]);
    /// Sets the IV.
    fn init(self, state: &mut [u32; 8]);
    /// Digest bytes.
    fn digest_len(self) -> usize;
    /// Big-endian words and length.
    fn big_endian(self) -> bool;
}

impl Kind for &'static Spec {
    #[inline(always)]
    fn compress(self, state: &mut [u32; 8], block: &[u8; BLOCK]) {
        (self.compress)(state, block);
    }
    #[inline(always)]
    fn init(self, state: &mut [u32; 8]) {
        (self.init)(state);
    }
    #[inline(always)]
    fn digest_len(self) -> usize {
        self.digest_len
    }
    #[inline(always)]
    fn big_endian(self) -> bool {
        self.big_endian
    }
}

/// An algorithm by type (see [`Kind`]).
pub struct Typed<H>(core::marker::PhantomData<H>);

impl<H> Default for Typed<H> {
    fn default() -> Self {
        Typed(core::marker::PhantomData)
    }
}

// By hand: a derive would ask `H: Copy` of the algorithm marker.
impl<H> Clone for Typed<H> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<H> Copy for Typed<H> {}

impl<H: Algorithm> Kind for Typed<H> {
    #[inline(always)]
    fn compress(self, state: &mut [u32; 8], block: &[u8; BLOCK]) {
        H::compress(state, block);
    }
    #[inline(always)]
    fn init(self, state: &mut [u32; 8]) {
        *state = H::IV;
    }
    #[inline(always)]
    fn digest_len(self) -> usize {
        H::DIGEST_LEN
    }
    #[inline(always)]
    fn big_endian(self) -> bool {
        H::BIG_ENDIAN
    }
}

/// The form of `H` this build's front end uses (see [`Kind`]).
#[inline(always)]
pub fn kind<H: Algorithm>() -> impl Kind {
    #[cfg(any(feature = "hmac-md5", feature = "hmac-sha1"))]
    return H::SPEC;
    #[cfg(not(any(feature = "hmac-md5", feature = "hmac-sha1")))]
    return Typed::<H>(core::marker::PhantomData);
}

/// A running hash of algorithm `H`: state, partial block, and the message length so far.
/// Wiped on drop. The work is done by [`Core`], which is not generic.
pub struct Hash<H: Algorithm> {
    core: Core,
    algorithm: core::marker::PhantomData<H>,
}

/// The state of a running hash, whatever the algorithm (given to each call as a [`Kind`]).
pub struct Core {
    state: [u32; 8],
    block: [u8; BLOCK],
    fill: usize,
    len: u64,
}

impl<H: Algorithm> Default for Hash<H> {
    fn default() -> Self {
        Self::new()
    }
}

impl<H: Algorithm> Hash<H> {
    /// A hash of the empty message so far. Built from an all-zero constant, then keyed with
    /// the IV: a nested struct literal was built in a temporary and moved (a 96-byte `memcpy`
    /// on Cortex-M).
    #[inline(always)]
    pub fn new() -> Self {
        let mut h = Hash {
            core: Core::ZERO,
            algorithm: core::marker::PhantomData,
        };
        h.core.state = H::IV;
        h
    }

    /// Starts over (reusing this state's memory, so no second state exists).
    #[inline(always)]
    pub fn reset(&mut self) {
        self.core.reset(kind::<H>());
    }

    /// Feeds `data`.
    #[inline(always)]
    pub fn update(&mut self, data: &[u8]) {
        self.core.update(data, kind::<H>());
    }

    /// Feeds a whole block `key ^ pad` (HMAC), built in place in the block buffer so that no
    /// other copy of the key block exists. Must be the first input.
    #[inline(always)]
    pub fn update_key_block(&mut self, key: &[u8], pad: u8) {
        self.core.update_key_block(key, pad, kind::<H>());
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
    #[inline(always)]
    pub fn finish_into(&mut self, out: &mut [u8; 32]) {
        self.core.finish_into(out, kind::<H>());
    }

    /// The algorithm-independent state, for the HMAC front end.
    pub(crate) fn core(&mut self) -> &mut Core {
        &mut self.core
    }
}

impl Core {
    /// A hash of the empty message so far.
    ///
    /// Always inlined, like [`Core::with_state`]: a state built elsewhere and returned is
    /// moved into place with a `memcpy`.
    #[inline(always)]
    pub fn new<K: Kind>(k: K) -> Self {
        let mut state = [0; 8];
        k.init(&mut state);
        Core::with_state(state)
    }

    /// An empty message with chaining value `state`.
    #[inline(always)]
    const fn with_state(state: [u32; 8]) -> Self {
        Core {
            state,
            block: [0; BLOCK],
            fill: 0,
            len: 0,
        }
    }

    /// All zero (no algorithm's IV yet).
    const ZERO: Core = Core::with_state([0; 8]);

    /// Starts over (reusing this state's memory, so no second state exists).
    pub fn reset<K: Kind>(&mut self, k: K) {
        k.init(&mut self.state);
        self.block.fill(0);
        self.fill = 0;
        self.len = 0;
    }

    /// Feeds `data`.
    pub fn update<K: Kind>(&mut self, mut data: &[u8], k: K) {
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
                k.compress(&mut self.state, &self.block);
                self.fill = 0;
            }
        }
    }

    /// [`Hash::update_key_block`].
    pub fn update_key_block<K: Kind>(&mut self, key: &[u8], pad: u8, k: K) {
        #[cfg(any(target_os = "none", iotwire_small))]
        key_block_one_pass(&mut self.block, key, pad);
        #[cfg(not(any(target_os = "none", iotwire_small)))]
        key_block_fill_then_xor(&mut self.block, key, pad);
        k.compress(&mut self.state, &self.block);
        self.len = 64;
        self.fill = 0;
    }

    /// [`Hash::finish_into`].
    pub fn finish_into<K: Kind>(&mut self, out: &mut [u8; 32], k: K) {
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
            k.compress(&mut self.state, &self.block);
            self.block.fill(0);
        }
        if let Some(tail) = self.block.last_chunk_mut::<8>() {
            *tail = if k.big_endian() {
                bits.to_be_bytes()
            } else {
                bits.to_le_bytes()
            };
        }
        k.compress(&mut self.state, &self.block);
        out.fill(0);
        let words = k.digest_len() / 4;
        for (chunk, word) in out
            .as_chunks_mut::<4>()
            .0
            .iter_mut()
            .zip(self.state.iter())
            .take(words)
        {
            *chunk = if k.big_endian() {
                word.to_be_bytes()
            } else {
                word.to_le_bytes()
            };
        }
        self.wipe();
    }
}

/// `key ^ pad` zero-padded to a block, in one pass: no `memset` call, which on firmware is the
/// only caller of `__aeabi_memset8` in an `IOT_Sign_MQTT` image (38 B of flash), at one
/// bounds-checked step per byte. Also in hosted builds made for size (`--cfg iotwire_small`,
/// the swap-in kit's library: 76 B less in its x86-64 mqtt-example than the vectorised form).
#[cfg_attr(not(any(target_os = "none", iotwire_small, test)), allow(dead_code))]
fn key_block_one_pass(block: &mut [u8; BLOCK], key: &[u8], pad: u8) {
    for (i, slot) in block.iter_mut().enumerate() {
        *slot = pad ^ key.get(i).copied().unwrap_or(0);
    }
}

/// The same as a `memset` and an XOR pass over the key, several times faster on a host
/// (1,000 fewer x86-64 instructions per `IOT_Sign_MQTT`); hosted builds not made for size.
#[cfg_attr(any(target_os = "none", iotwire_small), allow(dead_code))]
fn key_block_fill_then_xor(block: &mut [u8; BLOCK], key: &[u8], pad: u8) {
    block.fill(pad);
    for (slot, byte) in block.iter_mut().zip(key) {
        *slot ^= byte;
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

// The wipe is on `Hash`, not on `Core`: a `Core` with a destructor is built in a temporary
// and moved into place (a 96-byte `memcpy` on Cortex-M). The bare `Core`s of this crate
// (`digest_with`, `mac::hmac_text_with`) end in `finish_into`, which wipes them.
impl<H: Algorithm> Drop for Hash<H> {
    fn drop(&mut self) {
        self.core.wipe();
    }
}

impl Core {
    /// Overwrites the chaining value and the block.
    fn wipe(&mut self) {
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

/// [`digest`] into the caller's array.
#[inline(always)]
pub fn digest_into<H: Algorithm>(data: &[u8], out: &mut [u8; 32]) {
    digest_with(data, out, kind::<H>());
}

/// [`digest_into`] for the algorithm `k`. Not inlined, so its state is on the stack only
/// while it runs (it hashes over-long HMAC keys), and wiped when it returns.
#[inline(never)]
pub fn digest_with<K: Kind>(data: &[u8], out: &mut [u8; 32], k: K) {
    let mut h = Core::new(k);
    h.update(data, k);
    h.finish_into(out, k);
}

/// Little helper for the block functions: word `i` of a 16-word schedule, with the index
/// masked so the optimiser can drop the bounds check (and the panic path with it).
#[cfg(any(feature = "hmac-md5", feature = "hmac-sha1", test))]
#[inline(always)]
fn word(w: &[u32; 16], i: usize) -> u32 {
    w.get(i & 15).copied().unwrap_or(0)
}

#[cfg(test)]
mod key_block_tests {
    use super::*;

    /// The firmware and host forms build the same block, for every key length up to a block.
    #[test]
    fn one_pass_equals_fill_then_xor() {
        let key: std::vec::Vec<u8> = (0..=64u8).map(|b| b.wrapping_mul(37)).collect();
        for len in 0..=64 {
            for pad in [0x36, 0x5c] {
                let mut a = [0xAAu8; BLOCK];
                let mut b = [0x55u8; BLOCK];
                key_block_one_pass(&mut a, &key[..len], pad);
                key_block_fill_then_xor(&mut b, &key[..len], pad);
                assert_eq!(a, b, "{len}-byte key, pad {pad:#x}");
                assert_eq!(a[len..].iter().filter(|&&x| x != pad).count(), 0);
            }
        }
    }
}
