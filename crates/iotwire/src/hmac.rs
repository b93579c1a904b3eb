//! HMAC (RFC 2104) over any [`Algorithm`], keeping one hash state and one 64-byte block. The
//! generic `hmac` crate keeps inner and outer states plus a buffer and moves them by value; on
//! Cortex-M that cost more than half a kilobyte of stack in the `IOT_Sign_MQTT` path. The
//! outer key block is rebuilt from the caller's key at the end instead of being stored.
//! Checked against RFC 2202/4231 (tests/hmac_rfc.rs), against the RustCrypto crates
//! (tests/hmac_oracle.rs) and, in the fuzzers, against the `hmac` crate.

use crate::Error;
use crate::hash::{Algorithm, BLOCK, Core, Hash, Kind, digest_with, kind};
use crate::sink::Sink;
use zeroize::Zeroize;

const IPAD: u8 = 0x36;
const OPAD: u8 = 0x5c;

/// HMAC keyed with a borrowed key; feed the message through [`Sink`].
pub struct Hmac<'k, H: Algorithm> {
    key: &'k [u8],
    hash: Hash<H>,
}

/// HMAC-SHA256, the platform's default MAC.
pub type HmacSha256<'k> = Hmac<'k, crate::hash::sha256::Sha256>;

impl<'k, H: Algorithm> Hmac<'k, H> {
    /// Starts the MAC: hashes `key ^ ipad` (the key first, if longer than a block).
    pub fn new(key: &'k [u8]) -> Self {
        let mut hash = Hash::new();
        hash.hmac_start(key);
        Hmac { key, hash }
    }

    /// Feeds message bytes.
    pub fn update(&mut self, bytes: &[u8]) {
        self.hash.update(bytes);
    }

    /// Finishes: `H(key ^ opad || H(key ^ ipad || message))`, in the first
    /// [`Algorithm::DIGEST_LEN`] bytes.
    pub fn finish(mut self) -> [u8; 32] {
        let mut out = [0u8; 32];
        self.finish_into(&mut out);
        out
    }

    /// [`Hmac::finish`] into the caller's array (no copy of the MAC left on the stack). The
    /// inner digest passes through `out` itself, so it has no other copy either.
    pub fn finish_into(&mut self, out: &mut [u8; 32]) {
        self.hash.hmac_finish(self.key, out);
    }
}

/// HMAC on a caller's hash state, for code that must not move a keyed state (a move copies
/// key-derived bytes to a new stack slot, and on Cortex-M costs a `memcpy`): `hmac_start` on a
/// fresh state, then `update`, then `hmac_finish` with the same key.
impl<H: Algorithm> Hash<H> {
    /// Starts an HMAC: absorbs `key ^ ipad` (the key first hashed if longer than a block).
    #[inline(always)]
    pub fn hmac_start(&mut self, key: &[u8]) {
        self.core().hmac_start(key, kind::<H>());
    }

    /// Finishes the HMAC started with [`Hash::hmac_start`]: `H(key ^ opad || inner)`, in the
    /// first [`Algorithm::DIGEST_LEN`] bytes of `out`. The inner digest passes through `out`
    /// itself, and the outer hash reuses this state: one state, no other copy.
    #[inline(always)]
    pub fn hmac_finish(&mut self, key: &[u8], out: &mut [u8; 32]) {
        self.core().hmac_finish(key, out, kind::<H>());
    }
}

/// The same on the algorithm-independent state: one copy for every algorithm.
impl Core {
    /// [`Hash::hmac_start`] for the algorithm `k`.
    pub fn hmac_start<K: Kind>(&mut self, key: &[u8], k: K) {
        feed_key_block(self, key, IPAD, k);
    }

    /// [`Hash::hmac_finish`] for the algorithm `k`.
    pub fn hmac_finish<K: Kind>(&mut self, key: &[u8], out: &mut [u8; 32], k: K) {
        self.finish_into(out, k);
        self.reset(k);
        feed_key_block(self, key, OPAD, k);
        self.update(out.get(..k.digest_len()).unwrap_or_default(), k);
        self.finish_into(out, k);
    }
}

/// Feeds the block `K' ^ pad` into a fresh hash, where K' is the key, or its hash when longer
/// than a block, zero-padded (RFC 2104 section 2).
fn feed_key_block<K: Kind>(h: &mut Core, key: &[u8], pad: u8, k: K) {
    let mut hashed = [0u8; 32];
    let block_key: &[u8] = if key.len() > BLOCK {
        digest_with(key, &mut hashed, k);
        hashed.get(..k.digest_len()).unwrap_or_default()
    } else {
        key
    };
    h.update_key_block(block_key, pad, k);
    hashed.zeroize();
}

impl<H: Algorithm> Sink for Hmac<'_, H> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.update(bytes);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::md5::Md5;
    use crate::hash::sha1::Sha1;
    use crate::hash::sha256::Sha256;

    fn hex(b: &[u8]) -> std::string::String {
        b.iter().map(|x| std::format!("{x:02x}")).collect()
    }

    fn hash<H: Algorithm>(parts: &[&[u8]]) -> std::string::String {
        let mut h = Hash::<H>::new();
        for p in parts {
            h.update(p);
        }
        hex(&h.finish()[..H::DIGEST_LEN])
    }

    /// Both forms of an algorithm (by type, as data) give the same digests and MACs, whatever
    /// form this build's `Hash` uses: RFC 4231 case 1 (HMAC-SHA256), and long keys.
    fn both_forms<H: Algorithm>() {
        use crate::hash::{Typed, digest_with};
        let data: std::vec::Vec<u8> = (0..200u8).collect();
        let mut a = [0u8; 32];
        let mut b = [0u8; 32];
        digest_with(&data, &mut a, Typed::<H>::default());
        digest_with(&data, &mut b, H::SPEC);
        assert_eq!(a, b, "digest");
        assert_eq!(
            a,
            crate::hash::digest::<H>(&data),
            "digest as Hash computes it"
        );
        for key in [&[0x0b_u8; 20][..], &[0xaa; 131][..]] {
            let mut typed = Core::new(Typed::<H>::default());
            typed.hmac_start(key, Typed::<H>::default());
            typed.update(b"Hi There", Typed::<H>::default());
            typed.hmac_finish(key, &mut a, Typed::<H>::default());
            let mut data_form = Core::new(H::SPEC);
            data_form.hmac_start(key, H::SPEC);
            data_form.update(b"Hi There", H::SPEC);
            data_form.hmac_finish(key, &mut b, H::SPEC);
            assert_eq!(a, b, "HMAC, {}-byte key", key.len());
            let mut h = Hash::<H>::new();
            h.hmac_start(key);
            h.update(b"Hi There");
            let mut c = [0u8; 32];
            h.hmac_finish(key, &mut c);
            assert_eq!(a, c, "HMAC as Hash computes it");
        }
    }

    /// `Hash`'s own `reset` and `update_key_block` (the HMAC front end uses `Core`'s).
    #[test]
    fn hash_reset_and_key_block() {
        let mut h = Hash::<Sha256>::new();
        h.update(b"something else");
        h.reset();
        h.update(b"abc");
        assert_eq!(h.finish(), crate::hash::digest::<Sha256>(b"abc"));
        let key = [0x0bu8; 20];
        let mut keyed = Hash::<Sha256>::new();
        keyed.update_key_block(&key, 0x36);
        keyed.update(b"Hi There");
        let mut block = [0x36u8; 64];
        for (b, k) in block.iter_mut().zip(key) {
            *b ^= k;
        }
        let mut plain = Hash::<Sha256>::new();
        plain.update(&block);
        plain.update(b"Hi There");
        assert_eq!(keyed.finish(), plain.finish());
    }

    #[test]
    fn typed_and_data_forms_agree() {
        both_forms::<Sha256>();
        both_forms::<Sha1>();
        both_forms::<Md5>();
        // RFC 4231 test case 1, through the typed form.
        let mut h = Core::new(crate::hash::Typed::<Sha256>::default());
        let k = crate::hash::Typed::<Sha256>::default();
        h.hmac_start(&[0x0b; 20], k);
        h.update(b"Hi There", k);
        let mut out = [0u8; 32];
        h.hmac_finish(&[0x0b; 20], &mut out, k);
        assert_eq!(
            hex(&out),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        );
    }

    #[test]
    fn fips_and_rfc1321_known_answers() {
        assert_eq!(
            hash::<Sha256>(&[b"abc"]),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hash::<Sha256>(&[b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"]),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(
            hash::<Sha1>(&[b"abc"]),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(
            hash::<Sha1>(&[b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"]),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        );
        assert_eq!(hash::<Md5>(&[b""]), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(
            hash::<Md5>(&[
                b"12345678901234567890123456789012345678901234567890123456789012345678901234567890"
            ]),
            "57edf4a22be3c955ac49da2e2107b67a"
        );
    }

    #[test]
    fn every_length_around_the_padding_limit() {
        // python3: hashlib.<alg>(b"a" * n).hexdigest()[:16]
        let expected = [
            (
                0,
                "e3b0c44298fc1c14",
                "da39a3ee5e6b4b0d",
                "d41d8cd98f00b204",
            ),
            (
                55,
                "9f4390f8d30c2dd9",
                "c1c8bbdc22796e28",
                "ef1772b6dff9a122",
            ),
            (
                56,
                "b35439a4ac6f0948",
                "c2db330f6083854c",
                "3b0c8ac703f828b0",
            ),
            (
                63,
                "7d3e74a05d7db15b",
                "03f09f5b158a7a8c",
                "b06521f39153d618",
            ),
            (
                64,
                "ffe054fe7ae0cb6d",
                "0098ba824b5c1642",
                "014842d480b57149",
            ),
            (
                65,
                "635361c48bb9eab1",
                "11655326c708d703",
                "c743a45e0d2e6a95",
            ),
            (
                119,
                "31eba51c313a5c08",
                "ee971065aaa017e0",
                "8a7bd0732ed6a28c",
            ),
            (
                120,
                "2f3d335432c70b58",
                "f34c1488385346a5",
                "5f61c0ccad4cac44",
            ),
        ];
        for (n, sha256, sha1, md5) in expected {
            let data = std::vec![b'a'; n];
            // Split feeds exercise the partial-block path.
            let (x, y) = data.split_at(n / 3);
            assert_eq!(&hash::<Sha256>(&[x, y])[..16], sha256, "sha256 length {n}");
            assert_eq!(&hash::<Sha1>(&[x, y])[..16], sha1, "sha1 length {n}");
            assert_eq!(&hash::<Md5>(&[x, y])[..16], md5, "md5 length {n}");
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
