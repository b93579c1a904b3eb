//! `POST /topic/${topic}`: one message to a topic, authorised by the token from `/auth`
//! (header `password:<token>`, no space, as documented and as v3.2.0 sent it).

use crate::Error;
use crate::http::Profile;
use crate::http::head::{self, HTTP_HOST};
use crate::mqtt::validate;
use crate::sink::Sink;

/// The platform's limit on an upstream body: 128 KB.
pub const PAYLOAD_MAX: usize = 128 * 1024;
/// Longest token accepted (v3.2.0 kept at most 192 characters; real tokens are ~150).
pub const TOKEN_MAX: usize = 256;

/// Inputs of the publish request head.
#[derive(Clone, Copy, Debug)]
pub struct PublishParams<'a> {
    /// Wire form.
    pub profile: Profile,
    /// Instance endpoint; `None` for the public cn-shanghai one.
    pub host: Option<&'a [u8]>,
    /// The MQTT topic, e.g. `/a1GFjLP3xxC/device123/pub` (the path is `/topic` + topic).
    pub topic: &'a [u8],
    /// `info.token` of the auth reply.
    pub token: &'a [u8],
    /// Length of the body that follows the head.
    pub payload_len: usize,
}

/// A topic usable in a request path: starts with `/`, printable ASCII without spaces,
/// wildcards (publishing only), `?` (no query strings), `%` (no percent-encoding), quotes or
/// backslashes, and no empty level.
pub fn topic(t: &[u8]) -> Result<(), Error> {
    let printable = t
        .iter()
        .all(|&c| c.is_ascii_graphic() && !matches!(c, b'+' | b'#' | b'?' | b'%' | b'"' | b'\\'));
    let empty_level = t.windows(2).any(|w| w == b"//") || t.last() == Some(&b'/');
    if t.first() == Some(&b'/') && t.len() >= 2 && printable && !empty_level {
        Ok(())
    } else {
        Err(Error::HttpInvalidTopic)
    }
}

/// A token that can stand in a header line: 1..=256 printable ASCII characters.
pub fn token(t: &[u8]) -> Result<(), Error> {
    if t.is_empty() {
        return Err(Error::MissingField);
    }
    if t.len() <= TOKEN_MAX && t.iter().all(u8::is_ascii_graphic) {
        Ok(())
    } else {
        Err(Error::InvalidArgument)
    }
}

/// Validated publish inputs.
#[derive(Clone, Copy, Debug)]
pub struct Publish<'a> {
    p: PublishParams<'a>,
    host: &'a [u8],
}

impl<'a> Publish<'a> {
    /// Checks the inputs, including the 128 KB limit.
    pub fn resolve(p: &PublishParams<'a>) -> Result<Self, Error> {
        topic(p.topic)?;
        token(p.token)?;
        if p.payload_len > PAYLOAD_MAX {
            return Err(Error::HttpPayloadTooLarge);
        }
        let host = match p.host {
            Some(h) => {
                validate::host(h)?;
                h
            }
            None => HTTP_HOST,
        };
        Ok(Publish { p: *p, host })
    }

    /// The request head, up to and including the blank line; the payload follows it.
    pub fn write_head<S: Sink + ?Sized>(&self, s: &mut S) -> Result<(), Error> {
        head::request_line(s, &[b"/topic", self.p.topic])?;
        head::header(s, b"Host: ", self.host)?;
        if self.p.profile == Profile::V320 {
            head::header(s, b"Connection: ", b"Keep-Alive")?;
        }
        head::header(s, b"password:", self.p.token)?;
        head::header(s, b"Content-Type: ", b"application/octet-stream")?;
        head::content_length_and_end(s, self.p.payload_len)
    }
}
