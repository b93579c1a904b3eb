//! The harness's own MAC and hex code, independent of iotwire's `core::mac`/`core::hex`
//! (different RustCrypto release line, different hex encoder), so the differential targets
//! compare two implementations rather than one implementation with itself.

use hmac::{Hmac, Mac};

/// The platform's `signmethod` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// `hmacmd5`
    Md5,
    /// `hmacsha1`
    Sha1,
    /// `hmacsha256`
    Sha256,
}

impl Method {
    /// The `signmethod=` value as the platform spells it.
    pub fn name(self) -> &'static str {
        match self {
            Method::Md5 => "hmacmd5",
            Method::Sha1 => "hmacsha1",
            Method::Sha256 => "hmacsha256",
        }
    }

    /// The method a `signmethod=` value names.
    pub fn from_name(name: &[u8]) -> Option<Method> {
        match name {
            b"hmacmd5" => Some(Method::Md5),
            b"hmacsha1" => Some(Method::Sha1),
            b"hmacsha256" => Some(Method::Sha256),
            _ => None,
        }
    }

    /// MAC length in bytes.
    pub fn mac_len(self) -> usize {
        match self {
            Method::Md5 => 16,
            Method::Sha1 => 20,
            Method::Sha256 => 32,
        }
    }
}

/// HMAC (RFC 2104: keys longer than the block are hashed first) of `msg` under `key`.
pub fn hmac(method: Method, key: &[u8], msg: &[u8]) -> Vec<u8> {
    match method {
        Method::Md5 => {
            let mut m = Hmac::<md5::Md5>::new_from_slice(key).expect("hmac takes any key");
            m.update(msg);
            m.finalize().into_bytes().to_vec()
        }
        Method::Sha1 => {
            let mut m = Hmac::<sha1::Sha1>::new_from_slice(key).expect("hmac takes any key");
            m.update(msg);
            m.finalize().into_bytes().to_vec()
        }
        Method::Sha256 => {
            let mut m = Hmac::<sha2::Sha256>::new_from_slice(key).expect("hmac takes any key");
            m.update(msg);
            m.finalize().into_bytes().to_vec()
        }
    }
}

/// Hex text of `bytes`.
pub fn hex(bytes: &[u8], upper: bool) -> Vec<u8> {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        if upper {
            s.push_str(&format!("{b:02X}"));
        } else {
            s.push_str(&format!("{b:02x}"));
        }
    }
    s.into_bytes()
}

/// The constant timestamp the legacy C SDKs sign (2050-01-01T00:00:00Z, from the legacy
/// known-answer vectors in tests/vectors/legacy-c-sdk.dev.json).
pub const LEGACY_TIMESTAMP: &[u8] = b"2524608000000";

/// Device sign content per the platform documentation:
/// `clientId<id>deviceName<dn>productKey<pk>[timestamp<ts>]`.
pub fn device_content(client_id: &[u8], dn: &[u8], pk: &[u8], ts: &[u8]) -> Vec<u8> {
    let mut c = Vec::new();
    for part in [
        b"clientId".as_slice(),
        client_id,
        b"deviceName",
        dn,
        b"productKey",
        pk,
    ] {
        c.extend_from_slice(part);
    }
    if !ts.is_empty() {
        c.extend_from_slice(b"timestamp");
        c.extend_from_slice(ts);
    }
    c
}

/// Dynamic-registration sign content: `deviceName<dn>productKey<pk>random<r>`.
pub fn dynreg_content(dn: &[u8], pk: &[u8], random: &[u8]) -> Vec<u8> {
    let mut c = Vec::new();
    for part in [
        b"deviceName".as_slice(),
        dn,
        b"productKey",
        pk,
        b"random",
        random,
    ] {
        c.extend_from_slice(part);
    }
    c
}

/// `<a>.<b>`
pub fn dotted(a: &[u8], b: &[u8]) -> Vec<u8> {
    [a, b".", b].concat()
}
