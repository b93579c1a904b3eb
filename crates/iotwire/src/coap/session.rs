//! The per-connection CoAP state a device keeps between datagrams, owned by the caller (no
//! globals): message-id and token counters, the auth token, the symmetric-mode key and the
//! seq counter.
//!
//! Every field is a plain integer or byte array, so any bit pattern is a valid `Session`; a
//! magic number tells an initialised one from stray memory. Counters advance only when a
//! datagram was actually written ([`Session::commit`]), so a size query or a failed build
//! never consumes a message id, token or seq.

use crate::Error;
use crate::coap::header::Token;
use zeroize::Zeroize;

/// Longest auth token a session holds: the legacy SDK's buffer (`token` must fit 192
/// characters in `iotx_parse_auth_from_json`); issued tokens are about 36 characters.
pub const AUTH_TOKEN_MAX: usize = 192;
/// The legacy SDK's first CoAP token counter value (`IOTX_COAP_INIT_TOKEN`).
pub const LEGACY_TOKEN_START: u32 = 0x0102_0304;
/// AES-128 key length.
pub const KEY_LEN: usize = 16;

const MAGIC: u32 = 0x696f_4350; // "ioCP"
const HAS_TOKEN: u32 = 1;
const HAS_KEY: u32 = 2;
const HAS_SEQ: u32 = 4;

/// Caller-owned CoAP session state.
#[derive(Clone, Debug)]
#[repr(C)]
pub struct Session {
    magic: u32,
    state: u32,
    next_message_id: u32,
    next_token: u32,
    next_seq: u32,
    auth_token_len: u32,
    reserved: [u32; 2],
    key: [u8; KEY_LEN],
    auth_token: [u8; AUTH_TOKEN_MAX],
}

/// What one datagram uses from the session; taken with [`Session::reserve`] and consumed
/// with [`Session::commit`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reserved {
    /// Message id for this datagram.
    pub message_id: u16,
    /// CoAP token for this datagram.
    pub token: Token,
    /// The seq for this datagram, if the session has one.
    pub seq: Option<u32>,
}

impl Session {
    /// A fresh session: message ids start at `message_id_seed` (the legacy v3.2.0 SDK seeds it
    /// with `HAL_Random(0xffffffff) % 0xFFFF`, v2.3.0 with 1), tokens at the legacy
    /// `0x01020304`; no auth token, key or seq.
    pub fn new(message_id_seed: u16) -> Session {
        Session {
            magic: MAGIC,
            state: 0,
            next_message_id: u32::from(message_id_seed),
            next_token: LEGACY_TOKEN_START,
            next_seq: 0,
            auth_token_len: 0,
            reserved: [0; 2],
            key: [0; KEY_LEN],
            auth_token: [0; AUTH_TOKEN_MAX],
        }
    }

    /// True when this memory was set up by [`Session::new`] (and not wiped since).
    pub fn is_valid(&self) -> bool {
        self.magic == MAGIC
            && self.next_message_id <= u32::from(u16::MAX)
            && usize::try_from(self.auth_token_len).is_ok_and(|n| n <= AUTH_TOKEN_MAX)
    }

    /// Forgets the credentials (auth token, key, seq) with writes the optimiser may not drop;
    /// the message-id and token counters continue, so a re-authentication cannot reuse a
    /// message id the peer may still remember.
    pub fn clear(&mut self) {
        self.key.zeroize();
        self.auth_token.zeroize();
        self.auth_token_len.zeroize();
        self.next_seq.zeroize();
        self.state = 0;
    }

    /// Stores the auth token the platform issued (1..=[`AUTH_TOKEN_MAX`] bytes).
    pub fn set_auth_token(&mut self, token: &[u8]) -> Result<(), Error> {
        if token.is_empty() {
            return Err(Error::MissingField);
        }
        let dst = self
            .auth_token
            .get_mut(..token.len())
            .ok_or(Error::InvalidArgument)?;
        for (d, s) in dst.iter_mut().zip(token) {
            *d = *s;
        }
        if let Some(rest) = self.auth_token.get_mut(token.len()..) {
            rest.zeroize();
        }
        self.auth_token_len = u32::try_from(token.len()).map_err(|_| Error::InvalidArgument)?;
        self.state |= HAS_TOKEN;
        Ok(())
    }

    /// The stored auth token, if any.
    pub fn auth_token(&self) -> Option<&[u8]> {
        if self.state & HAS_TOKEN == 0 {
            return None;
        }
        let len = usize::try_from(self.auth_token_len).ok()?;
        self.auth_token.get(..len)
    }

    /// Stores the symmetric-mode AES-128 key; from then on the session is in symmetric mode.
    pub fn set_key(&mut self, key: &[u8; KEY_LEN]) {
        self.key = *key;
        self.state |= HAS_KEY;
    }

    /// Derives the symmetric-mode key from the DeviceSecret and the auth reply's `random`
    /// straight into the session (no other copy of it exists); from then on the session is
    /// in symmetric mode.
    #[cfg(feature = "coap-symmetric")]
    pub fn derive_key(&mut self, device_secret: &[u8], random: &[u8]) {
        crate::coap::key::derive_key_into(device_secret, random, &mut self.key);
        self.state |= HAS_KEY;
    }

    /// The symmetric-mode key, if any.
    pub fn key(&self) -> Option<&[u8; KEY_LEN]> {
        (self.state & HAS_KEY != 0).then_some(&self.key)
    }

    /// Applies the documented seq rule: every seq must be greater than the `seqOffset` the
    /// auth response gave, so the next seq is `seq_offset + 1`.
    pub fn set_seq_offset(&mut self, seq_offset: u32) -> Result<(), Error> {
        let next = seq_offset.checked_add(1).ok_or(Error::Overflow)?;
        self.set_next_seq(next);
        Ok(())
    }

    /// Sets the next seq explicitly (the legacy SDKs start at `seqOffset` itself).
    pub fn set_next_seq(&mut self, seq: u32) {
        self.next_seq = seq;
        self.state |= HAS_SEQ;
    }

    /// The message id, token and seq the next datagram gets, without consuming them.
    pub fn reserve(&self) -> Reserved {
        Reserved {
            message_id: u16::try_from(self.next_message_id).unwrap_or(0),
            token: Token::from_counter(self.next_token),
            seq: (self.state & HAS_SEQ != 0).then_some(self.next_seq),
        }
    }

    /// Consumes what a written datagram used. `message_id`/`token` are false when the caller
    /// overrode them (the counters then stay); `seq` is true when a seq went on the wire.
    /// Message ids wrap from 65535 to 0 (RFC 7252; the legacy SDK instead stuck at 1). A seq
    /// of `u32::MAX` leaves the session without a seq: it must re-authenticate.
    pub fn commit(&mut self, used: &Reserved, message_id: bool, token: bool, seq: bool) {
        if message_id {
            self.next_message_id = u32::from(used.message_id.wrapping_add(1));
        }
        if token {
            self.next_token = self.next_token.wrapping_add(1);
        }
        if seq && let Some(s) = used.seq {
            match s.checked_add(1) {
                Some(n) => self.next_seq = n,
                None => self.state &= !HAS_SEQ,
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_counters() {
        let mut s = Session::new(1000);
        let r = s.reserve();
        assert_eq!(r.message_id, 1000);
        assert_eq!(r.token.as_bytes(), &[4, 3, 2, 1]);
        assert_eq!(r.seq, None);
        s.commit(&r, true, true, true);
        let r = s.reserve();
        assert_eq!(r.message_id, 1001);
        assert_eq!(r.token.as_bytes(), &[5, 3, 2, 1]);
        // A size query or an override does not consume.
        s.commit(&r, false, false, false);
        assert_eq!(s.reserve(), r);
    }

    #[test]
    fn message_id_wraps_and_seq_rule() {
        let mut s = Session::new(u16::MAX);
        s.set_seq_offset(1).unwrap();
        let r = s.reserve();
        assert_eq!(r.seq, Some(2));
        s.commit(&r, true, true, true);
        assert_eq!(s.reserve().message_id, 0);
        assert_eq!(s.reserve().seq, Some(3));
        assert_eq!(s.set_seq_offset(u32::MAX), Err(Error::Overflow));
        s.set_next_seq(u32::MAX);
        let r = s.reserve();
        s.commit(&r, true, true, true);
        assert_eq!(s.reserve().seq, None);
    }

    #[test]
    fn token_limits_and_clear() {
        let mut s = Session::new(1);
        assert_eq!(s.set_auth_token(b""), Err(Error::MissingField));
        assert_eq!(
            s.set_auth_token(&[b'a'; AUTH_TOKEN_MAX + 1]),
            Err(Error::InvalidArgument)
        );
        s.set_auth_token(&[b'a'; AUTH_TOKEN_MAX]).unwrap();
        s.set_auth_token(b"TOKEN").unwrap();
        assert_eq!(s.auth_token(), Some(&b"TOKEN"[..]));
        s.set_key(&[7; KEY_LEN]);
        s.clear();
        assert_eq!(s.auth_token(), None);
        assert_eq!(s.key(), None);
        assert!(s.key.iter().all(|b| *b == 0));
        assert!(s.auth_token.iter().all(|b| *b == 0));
        assert!(s.is_valid());
    }
}
