//! `POST /topic/${topic}`: the datagram a device sends to publish on the Alibaba platform.
//!
//! Wire order (options ascending): header and token; Uri-Path `topic` then one Uri-Path per
//! topic segment; Content-Format; Uri-Query `token=..` and `seq=..` when asked for the URI
//! form; Accept; the auth token option (61 or 2088); the seq option 2089 (symmetric mode);
//! then the payload (AES-128-CBC in symmetric mode). Symmetric mode is on when the session
//! holds a key.

use crate::Error;
use crate::coap::encode::Encoder;
use crate::coap::header::{Code, Header, MessageType, Token};
use crate::coap::options::{ACCEPT, CONTENT_FORMAT, SEQ, URI_PATH, URI_QUERY};
use crate::coap::session::KEY_LEN;
use crate::coap::wire::{Wire, decimal};
use crate::sink::Text;
use crate::utf8::{self, Forbid};

/// The encrypted seq is one AES block.
const BLOCK: usize = 16;

/// Content-Format / Accept `application/json`.
pub const FORMAT_JSON: u16 = 50;
/// Content-Format / Accept `application/cbor`.
pub const FORMAT_CBOR: u16 = 60;
/// Accept `application/octet-stream`, what the legacy SDKs send on every publish.
pub const FORMAT_OCTET_STREAM: u16 = 42;
/// Default datagram limit: the legacy `COAP_MSG_MAX_PDU_LEN` (and a safe size for NB-IoT).
pub const DEFAULT_MAX_DATAGRAM: usize = 1280;

/// Whose bytes to reproduce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    /// The documented form: token option 2088, Accept = Content-Format, seq as unsigned text.
    Doc,
    /// iotkit-embedded v3.x: token option 61, Accept 42, seq printed with `%d`.
    IotkitV3,
    /// iotkit-embedded v2.3.0: token option 2088, Accept 42, seq printed with `%d`.
    IotkitV2,
}

impl Profile {
    /// The profile's auth token option number.
    pub fn token_option(self) -> u16 {
        match self {
            Profile::IotkitV3 => crate::coap::options::AUTH_TOKEN_V3,
            Profile::Doc | Profile::IotkitV2 => crate::coap::options::AUTH_TOKEN,
        }
    }
    /// The profile's Accept for a given Content-Format.
    pub fn accept(self, content_format: u16) -> u16 {
        match self {
            Profile::Doc => content_format,
            Profile::IotkitV3 | Profile::IotkitV2 => FORMAT_OCTET_STREAM,
        }
    }
    /// True when the seq is printed as a signed C int (`%d`), as the legacy SDKs do.
    pub fn signed_seq(self) -> bool {
        !matches!(self, Profile::Doc)
    }
}

/// What to publish and how to frame it.
#[derive(Clone, Copy, Debug)]
pub struct Publish<'a> {
    /// MQTT-style topic, e.g. `/sys/pk/dn/thing/event/property/post` (leading `/` optional).
    pub topic: &'a [u8],
    /// Payload as given (encrypted here in symmetric mode).
    pub payload: &'a [u8],
    /// CON or NON.
    pub message_type: MessageType,
    /// Content-Format (50 JSON, 60 CBOR).
    pub content_format: u16,
    /// Accept.
    pub accept: u16,
    /// Auth token option number (61 or 2088).
    pub token_option: u16,
    /// Put token and seq in Uri-Query (`token=..`, `seq=..`) instead of options.
    pub in_query: bool,
    /// Print the seq as a signed 32-bit integer (legacy `%d`).
    pub signed_seq: bool,
    /// Largest datagram allowed.
    pub max_datagram: usize,
}

/// The per-datagram values and credentials (from the session, or overridden by the caller).
#[derive(Clone, Copy, Debug)]
pub struct Framing<'a> {
    /// Message id.
    pub message_id: u16,
    /// CoAP token.
    pub token: Token,
    /// Auth token from the auth response.
    pub auth_token: &'a [u8],
    /// Symmetric-mode key (`None`: plain/DTLS mode).
    pub key: Option<&'a [u8; KEY_LEN]>,
    /// Seq (required in symmetric mode).
    pub seq: Option<u32>,
}

/// Checks an MQTT-style topic and returns it without its leading `/` (optional): UTF-8, not
/// empty, no empty segment (`a//b`, trailing `/`), no wildcard or NUL, each segment at most
/// 255 bytes. Its segments are then `body.split(|b| *b == b'/')`.
pub fn topic_body(topic: &[u8]) -> Result<&[u8], Error> {
    let body = topic.strip_prefix(b"/").unwrap_or(topic);
    // The length of each segment, checked at the `/` after it and at the end.
    let mut run = 0usize;
    let mut ok = true;
    for &b in body {
        if b == b'/' {
            ok &= run != 0;
            run = 0;
        } else {
            run = run.saturating_add(1);
            ok &= run <= 255;
        }
    }
    if !ok || run == 0 || !utf8::valid(body, Forbid::NulAndWildcards) {
        return Err(Error::InvalidArgument);
    }
    Ok(body)
}

/// Writes one Uri-Path option per segment of a checked topic body.
fn put_segments(e: &mut Encoder<'_>, body: &[u8]) {
    let mut rest = body;
    loop {
        let end = rest.iter().position(|b| *b == b'/').unwrap_or(rest.len());
        let (segment, tail) = rest.split_at_checked(end).unwrap_or((rest, &[]));
        e.option(URI_PATH, segment);
        match tail.split_first() {
            Some((_, after)) => rest = after,
            None => return,
        }
    }
}

/// Symmetric mode: AES-128-CBC onto the wire (the seq text, shorter than a block, seals to
/// exactly one block; the payload to its padded length). With `measure`, zero bytes of the
/// same length instead (a size-query pass does no AES).
#[cfg(feature = "coap-symmetric")]
fn seal(w: &mut Wire<'_>, key: &[u8; KEY_LEN], plain: &[u8], measure: bool) {
    crate::coap::cbc::encrypt(w, key, plain, measure);
}

/// Without `coap-symmetric` a session with a key cannot publish ([`build`] refuses first).
#[cfg(not(feature = "coap-symmetric"))]
fn seal(w: &mut Wire<'_>, _key: &[u8; KEY_LEN], _plain: &[u8], _measure: bool) {
    w.fail(Error::Unsupported);
}

/// Passes everything written to it on to a wire as lower-case hex (the sealed seq in the
/// Uri-Query form).
struct HexOut<'w, 'a>(&'w mut Wire<'a>);

impl Text for HexOut<'_, '_> {
    fn put(&mut self, bytes: &[u8]) {
        self.0.hex(bytes);
    }
}

/// Writes the publish datagram to `sink`. Everything is checked before the first byte is
/// written; `measure_only` skips the AES work (zero bytes of the same length), for the
/// size-query pass.
pub fn build(
    sink: &mut dyn Text,
    p: &Publish<'_>,
    f: &Framing<'_>,
    measure_only: bool,
) -> Result<(), Error> {
    if f.auth_token.is_empty() {
        return Err(Error::CoapNotAuthenticated);
    }
    let mut digits = [0u8; 11];
    // The key and the seq's text, in symmetric mode.
    let sealed = match f.key {
        Some(key) => {
            let seq = f.seq.ok_or(Error::CoapNotAuthenticated)?;
            if cfg!(not(feature = "coap-symmetric")) {
                return Err(Error::Unsupported);
            }
            Some((key, decimal(seq, p.signed_seq, &mut digits)))
        }
        None => None,
    };
    let header = Header {
        message_type: p.message_type,
        code: Code::POST,
        message_id: f.message_id,
    };
    let mut e = Encoder::new(
        sink,
        p.max_datagram,
        Error::CoapDatagramTooLarge,
        &header,
        &f.token,
    );
    e.option(URI_PATH, b"topic");
    // Checked after the first option, as before: a datagram limit too small for the header
    // is reported before a bad topic.
    match topic_body(p.topic) {
        Ok(body) => put_segments(&mut e, body),
        Err(err) => e.wire().fail(err),
    }
    e.option_uint(CONTENT_FORMAT, u32::from(p.content_format));
    if p.in_query {
        e.option_header(URI_QUERY, f.auth_token.len().saturating_add(6));
        e.wire().put(b"token=");
        e.wire().put(f.auth_token);
        if let Some((key, text)) = sealed {
            e.option_header(URI_QUERY, 4 + 2 * BLOCK);
            e.wire().put(b"seq=");
            seal(
                &mut Wire::new(&mut HexOut(e.wire())),
                key,
                text,
                measure_only,
            );
        }
    }
    e.option_uint(ACCEPT, u32::from(p.accept));
    if !p.in_query {
        e.option(p.token_option, f.auth_token);
        if let Some((key, text)) = sealed {
            e.option_header(SEQ, BLOCK);
            seal(e.wire(), key, text, measure_only);
        }
    }
    match sealed {
        Some((key, _)) => {
            e.payload_marker();
            seal(e.wire(), key, p.payload, measure_only);
        }
        None => e.payload(p.payload),
    }
    e.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_profiles_print_the_seq_signed() {
        assert!(!Profile::Doc.signed_seq());
        assert!(Profile::IotkitV3.signed_seq());
        assert!(Profile::IotkitV2.signed_seq());
    }

    #[test]
    fn topics() {
        let segs = |t: &[u8]| topic_body(t).map(|b| b.split(|c| *c == b'/').count());
        assert_eq!(segs(b"/a/b/c"), Ok(3));
        assert_eq!(segs(b"a/b"), Ok(2));
        assert_eq!(topic_body(b"/a/b"), Ok(&b"a/b"[..]));
        for bad in [
            &b""[..],
            b"/",
            b"a//b",
            b"a/",
            b"a/+/b",
            b"a/#",
            b"\xff",
            b"a\0",
        ] {
            assert!(topic_body(bad).is_err(), "{bad:?}");
        }
    }
}
