//! Streaming hashes and HMACs whose whole state is plain words, for callers that keep the state
//! in memory of their own between calls (the C API: a firmware's context struct, or the
//! legacy SDK's `iot_sha256_context`).
//!
//! The layout is the legacy SDKs': the message length in bytes as two 32-bit words (low word
//! first), the chaining value, the partial block; nothing else. The fill level of the partial
//! block is the length modulo 64, so no field can disagree with another: every bit pattern is
//! a valid (if meaningless) state, and no input can make an operation index out of range. That
//! is what lets C memory be viewed as a [`Stream`] without a validity check, and what keeps the
//! state as small as the legacy structs (MD5 88 bytes, SHA-1 92, SHA-256 104).
//!
//! [`Hash`](super::Hash) stays the one-shot engine of the MACs; this type adds only the
//! compact layout (its block functions are the same).

use super::{Algorithm, BLOCK};
use core::marker::PhantomData;
use zeroize::Zeroize;

/// One block, as a message length.
const BLOCK_BYTES: u64 = 64;

/// Compresses one block into a `W`-word chaining value. Out of line: update, finish and the
/// HMAC key blocks all call it, one copy per algorithm.
#[inline(never)]
fn compress<H: Algorithm, const W: usize>(state: &mut [u32; W], block: &[u8; BLOCK]) {
    let mut wide = [0u32; 8];
    for (w, s) in wide.iter_mut().zip(state.iter()) {
        *w = *s;
    }
    H::compress(&mut wide, block);
    for (s, w) in state.iter_mut().zip(&wide) {
        *s = *w;
    }
    wide.zeroize();
}

/// A running hash of algorithm `H` whose chaining value has `W` words (MD5 4, SHA-1 5,
/// SHA-256 8). `#[repr(C)]`: the C API views caller memory as this struct.
#[repr(C)]
pub struct Stream<H: Algorithm, const W: usize> {
    /// Bytes hashed so far, low word first.
    total: [u32; 2],
    /// Chaining value.
    state: [u32; W],
    /// Partial block; its first `total % 64` bytes are pending input.
    buffer: [u8; BLOCK],
    algorithm: PhantomData<H>,
}

// By hand: a derive would ask `H: Clone` of the algorithm marker.
impl<H: Algorithm, const W: usize> Clone for Stream<H, W> {
    fn clone(&self) -> Self {
        Stream {
            total: self.total,
            state: self.state,
            buffer: self.buffer,
            algorithm: PhantomData,
        }
    }
}

impl<H: Algorithm, const W: usize> Default for Stream<H, W> {
    fn default() -> Self {
        Self::new()
    }
}

impl<H: Algorithm, const W: usize> Stream<H, W> {
    /// `W` must be the digest's word count (compile-time check, per instantiation).
    const WORDS_MATCH: () =
        assert!(matches!(W.checked_mul(4), Some(n) if n == H::DIGEST_LEN) && W <= 8);

    /// The hash of the empty message.
    pub fn new() -> Self {
        let () = Self::WORDS_MATCH;
        let mut state = [0u32; W];
        for (s, iv) in state.iter_mut().zip(H::IV) {
            *s = iv;
        }
        Stream {
            total: [0; 2],
            state,
            buffer: [0; BLOCK],
            algorithm: PhantomData,
        }
    }

    /// A hash that has already absorbed whole blocks worth `bytes` bytes and reached the
    /// chaining value `state` (HMAC's outer hash after its key block).
    fn resumed(state: [u32; W], bytes: u64) -> Self {
        let mut s = Self::new();
        s.state = state;
        s.set_len(bytes);
        s
    }

    fn len(&self) -> u64 {
        u64::from(self.total[0]) | (u64::from(self.total[1]) << 32)
    }

    fn set_len(&mut self, n: u64) {
        let [a, b, c, d, e, f, g, h] = n.to_le_bytes();
        self.total = [
            u32::from_le_bytes([a, b, c, d]),
            u32::from_le_bytes([e, f, g, h]),
        ];
    }

    /// Pending bytes in `buffer` (0..=63).
    fn fill(&self) -> usize {
        usize::from(self.total[0].to_le_bytes()[0] & 63)
    }

    /// Feeds `data`.
    pub fn update(&mut self, data: &[u8]) {
        let fill = self.fill();
        let added = u64::try_from(data.len()).unwrap_or(u64::MAX);
        self.set_len(self.len().wrapping_add(added));
        let mut rest = data;
        if fill > 0 {
            let room = self.buffer.get_mut(fill..).unwrap_or_default();
            let take = room.len().min(rest.len());
            for (d, s) in room.iter_mut().zip(rest) {
                *d = *s;
            }
            rest = rest.get(take..).unwrap_or_default();
            if fill.saturating_add(take) < BLOCK {
                return;
            }
            compress::<H, W>(&mut self.state, &self.buffer);
        }
        let (blocks, tail) = rest.as_chunks::<BLOCK>();
        for block in blocks {
            compress::<H, W>(&mut self.state, block);
        }
        for (d, s) in self.buffer.iter_mut().zip(tail) {
            *d = *s;
        }
    }

    /// Pads, and writes the digest to the first `H::DIGEST_LEN` bytes of `out` (the rest
    /// zero). The state is wiped: a finished stream hashes from a zero state until
    /// [`Stream::new`]. Into the caller's array rather than returned: a digest returned by
    /// value can leave a copy in this frame, dead stack once it returns (for a MAC, a secret).
    pub fn finish_into(&mut self, out: &mut [u8; 32]) {
        let bits = self.len().wrapping_mul(8);
        let fill = self.fill();
        // Padding is written into the partial block itself: no second copy of the input.
        let block = &mut self.buffer;
        if let Some(slot) = block.get_mut(fill) {
            *slot = 0x80;
        }
        if let Some(rest) = block.get_mut(fill.saturating_add(1)..) {
            rest.fill(0);
        }
        if fill >= BLOCK.saturating_sub(8) {
            compress::<H, W>(&mut self.state, block);
            block.fill(0);
        }
        if let Some(tail) = block.last_chunk_mut::<8>() {
            *tail = if H::BIG_ENDIAN {
                bits.to_be_bytes()
            } else {
                bits.to_le_bytes()
            };
        }
        compress::<H, W>(&mut self.state, block);
        out.fill(0);
        for (chunk, word) in out.as_chunks_mut::<4>().0.iter_mut().zip(&self.state) {
            *chunk = if H::BIG_ENDIAN {
                word.to_be_bytes()
            } else {
                word.to_le_bytes()
            };
        }
        self.wipe();
    }

    /// Zeroes the whole state.
    pub fn wipe(&mut self) {
        self.total.zeroize();
        self.state.zeroize();
        self.buffer.zeroize();
    }
}

/// A running HMAC (RFC 2104) of algorithm `H`: the inner hash after `K' ^ ipad`, and the outer
/// hash's chaining value after `K' ^ opad`, where `K'` is the key zero-padded to a block, or
/// its digest when longer than a block (the legacy helpers returned nothing for such keys).
/// The key itself is not kept. `#[repr(C)]` for the C API.
#[repr(C)]
pub struct HmacStream<H: Algorithm, const W: usize> {
    inner: Stream<H, W>,
    outer: [u32; W],
}

impl<H: Algorithm, const W: usize> Clone for HmacStream<H, W> {
    fn clone(&self) -> Self {
        HmacStream {
            inner: self.inner.clone(),
            outer: self.outer,
        }
    }
}

impl<H: Algorithm, const W: usize> HmacStream<H, W> {
    /// Starts an HMAC keyed with `key` (any length).
    pub fn new(key: &[u8]) -> Self {
        let mut s = HmacStream {
            inner: Stream::new(),
            outer: [0; W],
        };
        // K' goes into the inner state's block buffer, the one place it exists; a key longer
        // than a block is hashed there first.
        if key.len() > BLOCK {
            s.inner.update(key);
            let mut d = [0u8; 32];
            s.inner.finish_into(&mut d);
            s.inner = Stream::new();
            copy_into(
                &mut s.inner.buffer,
                d.get(..H::DIGEST_LEN).unwrap_or_default(),
            );
            d.zeroize();
        } else {
            copy_into(&mut s.inner.buffer, key);
        }
        xor_all(&mut s.inner.buffer, 0x5c);
        s.outer = s.inner.state;
        compress::<H, W>(&mut s.outer, &s.inner.buffer);
        xor_all(&mut s.inner.buffer, 0x5c ^ 0x36);
        compress::<H, W>(&mut s.inner.state, &s.inner.buffer);
        s.inner.buffer.zeroize();
        s.inner.set_len(BLOCK_BYTES);
        s
    }

    /// Feeds message bytes.
    pub fn update(&mut self, data: &[u8]) {
        self.inner.update(data);
    }

    /// Writes the MAC to the first `H::DIGEST_LEN` bytes of `out`; the state is wiped.
    pub fn finish_into(&mut self, out: &mut [u8; 32]) {
        let mut inner = [0u8; 32];
        self.inner.finish_into(&mut inner);
        let mut outer = Stream::<H, W>::resumed(self.outer, BLOCK_BYTES);
        outer.update(inner.get(..H::DIGEST_LEN).unwrap_or_default());
        inner.zeroize();
        self.outer.zeroize();
        outer.finish_into(out);
    }

    /// Zeroes the whole state.
    pub fn wipe(&mut self) {
        self.inner.wipe();
        self.outer.zeroize();
    }
}

/// What the C API's update and finish need of either running state ([`Stream`],
/// [`HmacStream`]), so one body serves both.
pub trait Running: Clone {
    /// Bytes of the result in [`Running::finish_into`]'s array.
    const DIGEST_LEN: usize;
    /// Feeds message bytes.
    fn update(&mut self, data: &[u8]);
    /// Writes the digest or MAC to `out`; the state is wiped.
    fn finish_into(&mut self, out: &mut [u8; 32]);
    /// Zeroes the whole state.
    fn wipe(&mut self);
}

impl<H: Algorithm, const W: usize> Running for Stream<H, W> {
    const DIGEST_LEN: usize = H::DIGEST_LEN;
    fn update(&mut self, data: &[u8]) {
        Stream::update(self, data);
    }
    fn finish_into(&mut self, out: &mut [u8; 32]) {
        Stream::finish_into(self, out);
    }
    fn wipe(&mut self) {
        Stream::wipe(self);
    }
}

impl<H: Algorithm, const W: usize> Running for HmacStream<H, W> {
    const DIGEST_LEN: usize = H::DIGEST_LEN;
    fn update(&mut self, data: &[u8]) {
        HmacStream::update(self, data);
    }
    fn finish_into(&mut self, out: &mut [u8; 32]) {
        HmacStream::finish_into(self, out);
    }
    fn wipe(&mut self) {
        HmacStream::wipe(self);
    }
}

fn copy_into(dst: &mut [u8; BLOCK], src: &[u8]) {
    for (d, s) in dst.iter_mut().zip(src) {
        *d = *s;
    }
}

fn xor_all(block: &mut [u8; BLOCK], pad: u8) {
    for b in block.iter_mut() {
        *b ^= pad;
    }
}

/// MD5 state as the C API and `iot_md5_context` hold it (88 bytes).
#[cfg(feature = "hmac-md5")]
pub type Md5Stream = Stream<super::md5::Md5, 4>;
/// SHA-1 state (92 bytes, as `iot_sha1_context`).
#[cfg(feature = "hmac-sha1")]
pub type Sha1Stream = Stream<super::sha1::Sha1, 5>;
/// SHA-256 state (104 bytes; `iot_sha256_context` is 108).
pub type Sha256Stream = Stream<super::sha256::Sha256, 8>;
/// HMAC-MD5 state (104 bytes).
#[cfg(feature = "hmac-md5")]
pub type HmacMd5Stream = HmacStream<super::md5::Md5, 4>;
/// HMAC-SHA1 state (112 bytes).
#[cfg(feature = "hmac-sha1")]
pub type HmacSha1Stream = HmacStream<super::sha1::Sha1, 5>;
/// HMAC-SHA256 state (136 bytes).
pub type HmacSha256Stream = HmacStream<super::sha256::Sha256, 8>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::md5::Md5;
    use crate::hash::sha1::Sha1;
    use crate::hash::sha256::Sha256;
    use crate::hmac::Hmac;
    use crate::sink::Sink;

    /// The length words beyond 4 GiB (the legacy layout's high word), which no test can feed.
    #[test]
    fn length_words_round_trip() {
        let mut s = Stream::<Sha256, 8>::new();
        for n in [0u64, 63, 64, 0xffff_ffff, 0x1_0000_0005, u64::MAX >> 3] {
            s.set_len(n);
            assert_eq!(s.len(), n);
        }
        s.set_len(0x2_0000_0041);
        assert_eq!(s.total, [0x41, 2]);
        assert_eq!(s.fill(), 1);
    }

    /// The digest or MAC of a stream, by value (tests only: no secret to keep off the stack).
    fn finished<S: Running>(s: &mut S) -> [u8; 32] {
        let mut out = [0u8; 32];
        s.finish_into(&mut out);
        out
    }

    fn one_shot<H: Algorithm>(data: &[u8]) -> [u8; 32] {
        crate::hash::digest::<H>(data)
    }

    fn chunked<H: Algorithm, const W: usize>(data: &[u8], step: usize) -> [u8; 32] {
        let mut s = Stream::<H, W>::new();
        for c in data.chunks(step.max(1)) {
            s.update(c);
        }
        finished(&mut s)
    }

    #[test]
    fn sizes_fit_the_legacy_structs() {
        assert_eq!(core::mem::size_of::<Stream<Md5, 4>>(), 88);
        assert_eq!(core::mem::size_of::<Stream<Sha1, 5>>(), 92);
        assert_eq!(core::mem::size_of::<Stream<Sha256, 8>>(), 104);
        assert_eq!(core::mem::align_of::<Stream<Sha256, 8>>(), 4);
        assert_eq!(core::mem::size_of::<HmacStream<Sha256, 8>>(), 136);
    }

    #[test]
    fn every_chunking_matches_the_one_shot_hash() {
        let data: std::vec::Vec<u8> = (0..300u32).map(|i| (i * 7 + 3) as u8).collect();
        for n in [0, 1, 55, 56, 63, 64, 65, 119, 128, 300] {
            let d = &data[..n];
            for step in [1, 3, 63, 64, 65, 200] {
                assert_eq!(
                    chunked::<Sha256, 8>(d, step),
                    one_shot::<Sha256>(d),
                    "sha256 {n}/{step}"
                );
                assert_eq!(
                    chunked::<Sha1, 5>(d, step),
                    one_shot::<Sha1>(d),
                    "sha1 {n}/{step}"
                );
                assert_eq!(
                    chunked::<Md5, 4>(d, step),
                    one_shot::<Md5>(d),
                    "md5 {n}/{step}"
                );
            }
        }
    }

    #[test]
    fn hmac_matches_the_one_shot_hmac_for_short_and_long_keys() {
        for key_len in [0usize, 1, 20, 64, 65, 131] {
            let key: std::vec::Vec<u8> = (0..key_len).map(|i| i as u8 ^ 0xaa).collect();
            let msg = b"Test Using Larger Than Block-Size Key - Hash Key First";
            let mut s = HmacStream::<Sha256, 8>::new(&key);
            s.update(&msg[..10]);
            s.update(&msg[10..]);
            let mut m = Hmac::<Sha256>::new(&key);
            m.put(msg).unwrap();
            assert_eq!(finished(&mut s), m.finish(), "key {key_len}");
            let mut s = HmacStream::<Md5, 4>::new(&key);
            s.update(msg);
            let mut m = Hmac::<Md5>::new(&key);
            m.put(msg).unwrap();
            assert_eq!(finished(&mut s), m.finish(), "md5 key {key_len}");
        }
    }

    #[test]
    fn finish_wipes_the_state() {
        let mut s = Stream::<Sha256, 8>::new();
        s.update(b"secret material that stays in the partial block");
        let _ = finished(&mut s);
        assert_eq!(s.total, [0, 0]);
        assert_eq!(s.state, [0; 8]);
        assert_eq!(s.buffer, [0; 64]);
        let mut h = HmacStream::<Sha1, 5>::new(b"key");
        h.update(b"m");
        let _ = finished(&mut h);
        assert_eq!(h.outer, [0; 5]);
        assert_eq!(h.inner.state, [0; 5]);
    }

    #[test]
    fn length_words_carry_into_the_high_word() {
        let mut s = Stream::<Sha256, 8>::new();
        s.set_len(0xffff_fff0);
        s.update(&[0u8; 32]);
        assert_eq!(s.total, [0x10, 1]);
    }
}
