//! The MACs the platforms use, fed through the [`Sink`] interface so a sign content is streamed
//! into the MAC as it is formatted and never buffered.
//!
//! Keys longer than the hash block are hashed first (RFC 2104), by `hmac_sha256` and by the
//! `hmac` crate (MD5/SHA-1); the legacy C helpers returned silently instead and produced an
//! all-zero signature.
//! MAC states and digests are wiped on drop (`zeroize`).

use crate::core::Error;
use crate::core::hmac_sha256::HmacSha256;
use crate::core::sink::Sink;
#[cfg(any(feature = "hmac-md5", feature = "hmac-sha1"))]
use hmac::{Hmac, KeyInit, Mac as _};
use zeroize::Zeroize;

/// The `signmethod` values of the Alibaba platform.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignMethod {
    /// `hmacmd5` (interop only; feature `hmac-md5`).
    HmacMd5,
    /// `hmacsha1` (interop only; feature `hmac-sha1`).
    HmacSha1,
    /// `hmacsha256`.
    HmacSha256,
}

impl SignMethod {
    /// The name as it appears in client ids and JSON (`hmacsha256`, ...).
    pub fn name(self) -> &'static [u8] {
        match self {
            SignMethod::HmacMd5 => b"hmacmd5",
            SignMethod::HmacSha1 => b"hmacsha1",
            SignMethod::HmacSha256 => b"hmacsha256",
        }
    }

    /// Length in bytes of the MAC.
    pub fn mac_len(self) -> usize {
        match self {
            SignMethod::HmacMd5 => 16,
            SignMethod::HmacSha1 => 20,
            SignMethod::HmacSha256 => 32,
        }
    }
}

/// A MAC or hash value of at most 32 bytes, wiped when dropped.
pub struct Digest {
    bytes: [u8; 32],
    len: usize,
}

impl Digest {
    fn from_slice(src: &[u8]) -> Self {
        let mut bytes = [0u8; 32];
        let len = src.len().min(bytes.len());
        if let (Some(dst), Some(src)) = (bytes.get_mut(..len), src.get(..len)) {
            dst.copy_from_slice(src);
        }
        Digest { bytes, len }
    }

    /// The value.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or(&[])
    }
}

impl Drop for Digest {
    fn drop(&mut self) {
        self.bytes.zeroize();
    }
}

enum State<'k> {
    #[cfg(feature = "hmac-md5")]
    Md5(Hmac<md5::Md5>),
    #[cfg(feature = "hmac-sha1")]
    Sha1(Hmac<sha1::Sha1>),
    Sha256(HmacSha256<'k>),
}

/// A keyed MAC that accepts its message through [`Sink::put`].
pub struct MacSink<'k> {
    state: State<'k>,
}

impl<'k> MacSink<'k> {
    /// Starts a MAC of `method` keyed with `key` (any length).
    pub fn new(method: SignMethod, key: &'k [u8]) -> Result<Self, Error> {
        let state = match method {
            #[cfg(feature = "hmac-md5")]
            SignMethod::HmacMd5 => {
                State::Md5(Hmac::new_from_slice(key).map_err(|_| Error::InvalidArgument)?)
            }
            #[cfg(feature = "hmac-sha1")]
            SignMethod::HmacSha1 => {
                State::Sha1(Hmac::new_from_slice(key).map_err(|_| Error::InvalidArgument)?)
            }
            SignMethod::HmacSha256 => State::Sha256(HmacSha256::new(key)),
            #[allow(unreachable_patterns)]
            _ => return Err(Error::Unsupported),
        };
        Ok(Self { state })
    }

    /// Finishes the MAC.
    pub fn finish(self) -> Digest {
        match self.state {
            #[cfg(feature = "hmac-md5")]
            State::Md5(m) => Digest::from_slice(&m.finalize().into_bytes()),
            #[cfg(feature = "hmac-sha1")]
            State::Sha1(m) => Digest::from_slice(&m.finalize().into_bytes()),
            State::Sha256(m) => Digest::from_slice(&m.finish()),
        }
    }
}

impl Sink for MacSink<'_> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        match &mut self.state {
            #[cfg(feature = "hmac-md5")]
            State::Md5(m) => m.update(bytes),
            #[cfg(feature = "hmac-sha1")]
            State::Sha1(m) => m.update(bytes),
            State::Sha256(m) => m.put(bytes)?,
        }
        Ok(())
    }
}

/// A MAC in progress: takes the message through [`Sink`], then yields the value.
pub trait Mac: Sink {
    /// Finishes the MAC.
    fn finish_mac(self) -> Digest;
}

impl Mac for MacSink<'_> {
    fn finish_mac(self) -> Digest {
        self.finish()
    }
}

/// Which MACs a code path can start. Builders are generic over it so that a path that only
/// ever signs with HMAC-SHA256 (the v3.x `IOT_Sign_MQTT`) links no MD5 or SHA-1 code.
pub trait MacSet {
    /// The running MAC, borrowing its key.
    type Running<'k>: Mac;
    /// Starts a MAC of `method` keyed with `key`.
    fn start(method: SignMethod, key: &[u8]) -> Result<Self::Running<'_>, Error>;
}

/// Every method this build supports.
pub struct AnyMethod;

impl MacSet for AnyMethod {
    type Running<'k> = MacSink<'k>;
    fn start(method: SignMethod, key: &[u8]) -> Result<MacSink<'_>, Error> {
        MacSink::new(method, key)
    }
}

/// HMAC-SHA256 alone; any other method is [`Error::Unsupported`].
pub struct Sha256Only;

impl Mac for HmacSha256<'_> {
    fn finish_mac(self) -> Digest {
        Digest::from_slice(&self.finish())
    }
}

impl MacSet for Sha256Only {
    type Running<'k> = HmacSha256<'k>;
    fn start(method: SignMethod, key: &[u8]) -> Result<HmacSha256<'_>, Error> {
        if method != SignMethod::HmacSha256 {
            return Err(Error::Unsupported);
        }
        Ok(HmacSha256::new(key))
    }
}

/// True when this build can compute `method`.
pub fn is_supported(method: SignMethod) -> bool {
    match method {
        SignMethod::HmacMd5 => cfg!(feature = "hmac-md5"),
        SignMethod::HmacSha1 => cfg!(feature = "hmac-sha1"),
        SignMethod::HmacSha256 => true,
    }
}

/// One-shot MAC over the concatenation of `parts`.
pub fn mac(method: SignMethod, key: &[u8], parts: &[&[u8]]) -> Result<Digest, Error> {
    let mut sink = MacSink::new(method, key)?;
    for part in parts {
        sink.put(part)?;
    }
    Ok(sink.finish())
}
