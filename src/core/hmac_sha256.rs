//! HMAC-SHA256 (RFC 2104) over the `sha2` compression function, keeping one 32-byte state and
//! one 64-byte block. The generic `hmac` crate keeps inner and outer states plus a buffer and
//! moves them by value; on Cortex-M that cost more than half a kilobyte of stack in the
//! `IOT_Sign_MQTT` path. The outer key block is rebuilt from the caller's key at the end
//! instead of being stored. Checked against RFC 4231 (tests/hmac_rfc.rs) and, in the fuzzers,
//! against the `hmac` crate.

use crate::core::Error;
use crate::core::sink::Sink;
use sha2::block_api::compress256;
use zeroize::Zeroize;

const BLOCK: usize = 64;
const IV: [u32; 8] = [
    0x6a09_e667,
    0xbb67_ae85,
    0x3c6e_f372,
    0xa54f_f53a,
    0x510e_527f,
    0x9b05_688c,
    0x1f83_d9ab,
    0x5be0_cd19,
];
const IPAD: u8 = 0x36;
const OPAD: u8 = 0x5c;

/// A running SHA-256: state, partial block, and the message length so far. Wiped on drop.
/// Also used on its own where a platform hashes instead of MACs (EnOS).
pub struct Sha256 {
    state: [u32; 8],
    block: [u8; BLOCK],
    fill: usize,
    len: u64,
}

impl Sha256 {
    /// A fresh hash.
    pub fn new() -> Self {
        Sha256 {
            state: IV,
            block: [0; BLOCK],
            fill: 0,
            len: 0,
        }
    }

    fn update(&mut self, mut data: &[u8]) {
        self.len = self
            .len
            .wrapping_add(u64::try_from(data.len()).unwrap_or(u64::MAX));
        while !data.is_empty() {
            // Copy by zipping: `copy_from_slice` has a length-mismatch panic the optimiser
            // cannot always remove, and the panic-never gate refuses any panic path.
            let dst = self.block.get_mut(self.fill..).unwrap_or_default();
            let take = dst.len().min(data.len());
            for (d, s) in dst.iter_mut().zip(data) {
                *d = *s;
            }
            self.fill = self.fill.saturating_add(take);
            data = data.get(take..).unwrap_or_default();
            if self.fill >= BLOCK {
                compress256(&mut self.state, core::slice::from_ref(&self.block));
                self.fill = 0;
            }
        }
    }

    /// Pads and returns the digest; the state is left wiped.
    pub fn finish(&mut self) -> [u8; 32] {
        let bits = self.len.wrapping_mul(8);
        // Padding: 0x80, zeros up to 56 mod 64, then the bit length (big-endian), written
        // straight into the block buffer.
        let fill = self.fill;
        if let Some(slot) = self.block.get_mut(fill) {
            *slot = 0x80;
        }
        if let Some(rest) = self.block.get_mut(fill.saturating_add(1)..) {
            rest.fill(0);
        }
        if fill >= BLOCK.saturating_sub(8) {
            compress256(&mut self.state, core::slice::from_ref(&self.block));
            self.block.fill(0);
        }
        if let Some(tail) = self.block.last_chunk_mut::<8>() {
            *tail = bits.to_be_bytes();
        }
        compress256(&mut self.state, core::slice::from_ref(&self.block));
        let mut out = [0u8; 32];
        for (chunk, word) in out.as_chunks_mut::<4>().0.iter_mut().zip(self.state.iter()) {
            *chunk = word.to_be_bytes();
        }
        self.state.zeroize();
        self.block.zeroize();
        out
    }
}

impl Default for Sha256 {
    fn default() -> Self {
        Self::new()
    }
}

impl Sink for Sha256 {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.update(bytes);
        Ok(())
    }
}

impl Drop for Sha256 {
    fn drop(&mut self) {
        self.state.zeroize();
        self.block.zeroize();
    }
}

/// HMAC-SHA256 keyed with a borrowed key; feed the message through [`Sink`].
pub struct HmacSha256<'k> {
    key: &'k [u8],
    inner: Sha256,
}

impl<'k> HmacSha256<'k> {
    /// Starts the MAC: hashes `key ^ ipad` (the key first, if longer than a block).
    pub fn new(key: &'k [u8]) -> Self {
        let mut inner = Sha256::new();
        feed_key_block(&mut inner, key, IPAD);
        HmacSha256 { key, inner }
    }

    /// Finishes: `SHA256(key ^ opad || SHA256(key ^ ipad || message))`.
    pub fn finish(mut self) -> [u8; 32] {
        let mut inner_hash = self.inner.finish();
        // The outer hash reuses the inner one's state: one hash state in all.
        self.inner.state = IV;
        feed_key_block(&mut self.inner, self.key, OPAD);
        self.inner.update(&inner_hash);
        inner_hash.zeroize();
        self.inner.finish()
    }
}

/// Feeds the 64-byte block `K' ^ pad` into a fresh hash, where K' is the key, or its SHA-256
/// when longer than a block, zero-padded (RFC 2104 section 2). The block is built directly in
/// the hash's own buffer, so no other copy of it exists.
fn feed_key_block(h: &mut Sha256, key: &[u8], pad: u8) {
    let mut hashed = [0u8; 32];
    let k: &[u8] = if key.len() > BLOCK {
        hashed = sha256(key);
        &hashed
    } else {
        key
    };
    h.block.fill(pad);
    for (slot, byte) in h.block.iter_mut().zip(k) {
        *slot ^= byte;
    }
    compress256(&mut h.state, core::slice::from_ref(&h.block));
    h.len = 64;
    h.fill = 0;
    hashed.zeroize();
}

/// SHA-256 of a long key; not inlined, so its hash state is on the stack only while it runs.
#[inline(never)]
fn sha256(data: &[u8]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(data);
    h.finish()
}

impl Sink for HmacSha256<'_> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.inner.update(bytes);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> std::string::String {
        b.iter().map(|x| std::format!("{x:02x}")).collect()
    }

    #[test]
    fn sha256_padding_boundaries() {
        // FIPS 180-2 "abc" and the two-block message, plus lengths around the 56-byte limit.
        let mut h = Sha256::new();
        h.update(b"abc");
        assert_eq!(
            hex(&h.finish()),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let mut h = Sha256::new();
        h.update(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
        assert_eq!(
            hex(&h.finish()),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
    }

    #[test]
    fn sha256_every_length_around_the_padding_limit() {
        // python3: hashlib.sha256(b"a" * n).hexdigest()[:16] for n in (0, 55, 56, 63, 64, 65, 119, 120)
        let expected = [
            (0, "e3b0c44298fc1c14"),
            (55, "9f4390f8d30c2dd9"),
            (56, "b35439a4ac6f0948"),
            (63, "7d3e74a05d7db15b"),
            (64, "ffe054fe7ae0cb6d"),
            (65, "635361c48bb9eab1"),
            (119, "31eba51c313a5c08"),
            (120, "2f3d335432c70b58"),
        ];
        for (n, prefix) in expected {
            let mut h = Sha256::new();
            // Split feeds exercise the partial-block path.
            let data = std::vec![b'a'; n];
            let (x, y) = data.split_at(n / 3);
            h.update(x);
            h.update(y);
            assert_eq!(&hex(&h.finish())[..16], prefix, "length {n}");
        }
    }

    #[test]
    fn rfc4231_case_1_and_long_key() {
        let mut m = HmacSha256::new(&[0x0b; 20]);
        m.put(b"Hi There").unwrap();
        assert_eq!(
            hex(&m.finish()),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        );
        let mut m = HmacSha256::new(&[0xaa; 131]);
        m.put(b"Test Using Larger Than Block-Size Key - Hash Key First")
            .unwrap();
        assert_eq!(
            hex(&m.finish()),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }
}
