//! The symmetric-mode AES key: raw bytes [8, 24) of SHA-256(`deviceSecret + "," + random`).
//! That equals hex-decoding characters 16..48 of the hex digest (the docs' "substring(16,48)");
//! it is not the ASCII of those characters. EnOS derives its DTLS-PSK key the same way from
//! the secret alone ([`sha256_middle_into`]).

use crate::coap::session::KEY_LEN;
use crate::hash::Hash;
use crate::hash::sha256::Sha256;
use zeroize::Zeroize;

/// Derives the key from the DeviceSecret and the `random` of the auth response into `key`
/// (the caller's array: no other copy of the key is left behind).
pub fn derive_key_into(device_secret: &[u8], random: &[u8], key: &mut [u8; KEY_LEN]) {
    sha256_middle_into(&[device_secret, b",", random], key);
}

/// Bytes [8, 24) of the SHA-256 of the concatenation of `parts`, into `key`: the CoAP
/// symmetric-mode key, and the EnOS DTLS-PSK key (of the secret alone). The digest is wiped.
#[inline(never)]
pub fn sha256_middle_into(parts: &[&[u8]], key: &mut [u8; KEY_LEN]) {
    let mut h = Hash::<Sha256>::new();
    for part in parts {
        h.update(part);
    }
    let mut digest = [0u8; 32];
    h.finish_into(&mut digest);
    // Cleared, then xored in: a plain 16-byte copy is compiled to a `memcpy` call, which a
    // firmware whose other paths need none would link for this alone.
    key.zeroize();
    for (d, s) in key.iter_mut().zip(digest.iter().skip(8)) {
        *d ^= *s;
    }
    digest.zeroize();
}

/// [`derive_key_into`], returning the key.
pub fn derive_key(device_secret: &[u8], random: &[u8]) -> [u8; KEY_LEN] {
    let mut key = [0u8; KEY_LEN];
    derive_key_into(device_secret, random, &mut key);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_inputs_vector() {
        // coap-key-04: SHA-256(",") bytes [8, 24).
        assert_eq!(
            derive_key(b"", b""),
            [
                0x93, 0x67, 0x40, 0xa9, 0x51, 0x7d, 0xc4, 0xea, 0x2b, 0x2a, 0xd7, 0x16, 0x8c, 0xaa,
                0x0a, 0x77
            ]
        );
    }
}
