//! The MACs the platforms use, fed through the [`Sink`] interface so a sign content is streamed
//! into the MAC as it is formatted and never buffered.
//!
//! Keys longer than the hash block are hashed first (RFC 2104, [`crate::hmac`]); the
//! legacy C helpers returned silently instead and produced an all-zero signature.
//! MAC states and digests are wiped on drop (`zeroize`).

use crate::Error;
use crate::hash::{Algorithm, Hash};
use crate::sink::Sink;
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

impl Default for Digest {
    fn default() -> Self {
        Self::new()
    }
}

impl Digest {
    /// An empty value, for [`MacSet::compute`] to fill in place.
    pub const fn new() -> Self {
        Digest {
            bytes: [0; 32],
            len: 0,
        }
    }

    /// Finishes the HMAC started on `h` ([`Hash::hmac_start`]) into this value.
    fn hmac_finish<H: Algorithm>(&mut self, h: &mut Hash<H>, key: &[u8]) {
        h.hmac_finish(key, &mut self.bytes);
        self.len = H::DIGEST_LEN;
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

/// A MAC's message, written into whatever sink the MAC provides. A trait with a generic
/// method (not a closure over `dyn Sink`) so that the HMAC-SHA256 branch gets its own statically
/// dispatched copy of the writer (the `IOT_Sign_MQTT` stack limit depends on it); the
/// interop-only MD5/SHA-1 branches go through `DynMessage` to save flash.
pub trait Message {
    /// Writes the message.
    fn write_to<S: Sink + ?Sized>(&mut self, sink: &mut S) -> Result<(), Error>;
}

/// A message given as pieces to concatenate.
pub struct Parts<'a>(pub &'a [&'a [u8]]);

impl Message for Parts<'_> {
    fn write_to<S: Sink + ?Sized>(&mut self, sink: &mut S) -> Result<(), Error> {
        self.0.iter().try_for_each(|part| sink.put(part))
    }
}

/// Which MACs a code path can compute. Builders are generic over it so that a path that only
/// ever signs with HMAC-SHA256 (the v3.x `IOT_Sign_MQTT`) links no MD5 or SHA-1 code.
///
/// The MAC state lives only inside [`MacSet::compute`], in the branch of its method: an enum
/// of the three states was as large as the largest and was moved by value, which cost more
/// than a kilobyte of Cortex-M stack. The state is keyed in place and the MAC written into the
/// caller's [`Digest`]: a returned or moved state or digest leaves a copy on the stack that
/// nothing wipes.
pub trait MacSet {
    /// `MAC(key, message)` for `method`, into `out`.
    fn compute<M: Message>(
        method: SignMethod,
        key: &[u8],
        message: &mut M,
        out: &mut Digest,
    ) -> Result<(), Error>;
}

/// Every method this build supports.
pub struct AnyMethod;

impl MacSet for AnyMethod {
    fn compute<M: Message>(
        method: SignMethod,
        key: &[u8],
        message: &mut M,
        out: &mut Digest,
    ) -> Result<(), Error> {
        match method {
            SignMethod::HmacSha256 => Sha256Only::compute(method, key, message, out),
            #[cfg(feature = "hmac-md5")]
            SignMethod::HmacMd5 => hmac_with::<crate::hash::md5::Md5>(key, message, out),
            #[cfg(feature = "hmac-sha1")]
            SignMethod::HmacSha1 => hmac_with::<crate::hash::sha1::Sha1>(key, message, out),
            #[allow(unreachable_patterns)]
            _ => Err(Error::Unsupported),
        }
    }
}

/// HMAC-SHA256 alone; any other method is [`Error::Unsupported`].
pub struct Sha256Only;

impl MacSet for Sha256Only {
    // Inlined into the one caller it has in an `IOT_Sign_MQTT` link: a separate frame holding
    // the state, the digest and the returned copy measured 120 B more stack.
    #[inline(always)]
    fn compute<M: Message>(
        method: SignMethod,
        key: &[u8],
        message: &mut M,
        out: &mut Digest,
    ) -> Result<(), Error> {
        if method != SignMethod::HmacSha256 {
            return Err(Error::Unsupported);
        }
        let mut h = Hash::<crate::hash::sha256::Sha256>::new();
        h.hmac_start(key);
        message.write_to(&mut h)?;
        out.hmac_finish(&mut h, key);
        Ok(())
    }
}

/// A [`Message`] behind a trait object (a generic method cannot be called through one).
#[cfg(any(feature = "hmac-md5", feature = "hmac-sha1"))]
trait DynMessage {
    fn write_dyn(&mut self, sink: &mut dyn Sink) -> Result<(), Error>;
}

#[cfg(any(feature = "hmac-md5", feature = "hmac-sha1"))]
impl<M: Message> DynMessage for M {
    fn write_dyn(&mut self, sink: &mut dyn Sink) -> Result<(), Error> {
        self.write_to(sink)
    }
}

/// HMAC-MD5 or HMAC-SHA1 (interop only). Not inlined: its state is on the stack only on
/// this path. The message is a trait object: these methods are rare and slow anyway, and one
/// copy per algorithm instead of one per algorithm and message type saves several KB of flash.
#[cfg(any(feature = "hmac-md5", feature = "hmac-sha1"))]
#[inline(never)]
fn hmac_with<H: Algorithm>(
    key: &[u8],
    message: &mut dyn DynMessage,
    out: &mut Digest,
) -> Result<(), Error> {
    let mut h = Hash::<H>::new();
    h.hmac_start(key);
    message.write_dyn(&mut h)?;
    out.hmac_finish(&mut h, key);
    Ok(())
}

/// True when this build can compute `method`.
pub fn is_supported(method: SignMethod) -> bool {
    match method {
        SignMethod::HmacMd5 => cfg!(feature = "hmac-md5"),
        SignMethod::HmacSha1 => cfg!(feature = "hmac-sha1"),
        SignMethod::HmacSha256 => true,
    }
}

/// One-shot MAC over the concatenation of `parts`, into `out`.
pub fn mac_into(
    method: SignMethod,
    key: &[u8],
    parts: &[&[u8]],
    out: &mut Digest,
) -> Result<(), Error> {
    AnyMethod::compute(method, key, &mut Parts(parts), out)
}

/// [`mac_into`], returning the MAC: for tests. A returned digest leaves a copy on the stack,
/// so library code uses [`mac_into`].
pub fn mac(method: SignMethod, key: &[u8], parts: &[&[u8]]) -> Result<Digest, Error> {
    let mut out = Digest::new();
    mac_into(method, key, parts, &mut out)?;
    Ok(out)
}

/// The HMAC with `method` and `key` of the message `content` writes, into `out` (its first
/// [`SignMethod::mac_len`] bytes). The hash state is built in place and keyed there
/// (`Hash::hmac_start`), so no keyed state is moved or copied; the message is written straight
/// into it, so it never exists as text. [`Error::Unsupported`] for a method left out of the
/// build.
pub fn mac_text(
    method: SignMethod,
    key: &[u8],
    content: &dyn Fn(&mut dyn crate::sink::Text),
    out: &mut [u8; 32],
) -> Result<(), Error> {
    match method {
        SignMethod::HmacSha256 => hmac_text::<crate::hash::sha256::Sha256>(key, content, out),
        #[cfg(feature = "hmac-md5")]
        SignMethod::HmacMd5 => hmac_text::<crate::hash::md5::Md5>(key, content, out),
        #[cfg(feature = "hmac-sha1")]
        SignMethod::HmacSha1 => hmac_text::<crate::hash::sha1::Sha1>(key, content, out),
        #[allow(unreachable_patterns)]
        _ => return Err(Error::Unsupported),
    }
    Ok(())
}

#[inline(always)]
fn hmac_text<H: crate::hash::Algorithm>(
    key: &[u8],
    content: &dyn Fn(&mut dyn crate::sink::Text),
    out: &mut [u8; 32],
) {
    hmac_text_with(key, content, out, crate::hash::kind::<H>());
}

/// [`hmac_text`] for the algorithm `k` (one copy for every algorithm with the data form of
/// [`crate::hash::Kind`]).
#[inline(never)]
fn hmac_text_with<K: crate::hash::Kind>(
    key: &[u8],
    content: &dyn Fn(&mut dyn crate::sink::Text),
    out: &mut [u8; 32],
    k: K,
) {
    let mut h = crate::hash::Core::new(k);
    h.hmac_start(key, k);
    content(&mut crate::sink::HashText {
        core: &mut h,
        kind: k,
    });
    h.hmac_finish(key, out, k);
}
