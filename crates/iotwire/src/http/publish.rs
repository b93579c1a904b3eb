//! `POST /topic/${topic}`: one message to a topic, authorised by the token from `/auth`
//! (header `password:<token>`, no space, as documented and as v3.2.0 sent it).

use crate::Error;
use crate::http::Profile;
use crate::http::auth::HTTP_HOST;
use crate::http::names;
use crate::http::rules::{GRAPHIC, PATH, fits};
use crate::http::signed::write_head;
use crate::http::template::{self as t, Slots};
use crate::sink::Text;

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
    let mut prev = 0;
    let mut empty_level = false;
    for &c in t {
        empty_level |= c == b'/' && prev == b'/';
        prev = c;
    }
    if t.first() == Some(&b'/') && prev != b'/' && !empty_level && fits(t, 2, usize::MAX, PATH) {
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
    if fits(t, 1, TOKEN_MAX, GRAPHIC) {
        Ok(())
    } else {
        Err(Error::InvalidArgument)
    }
}

/// Validated publish inputs.
#[derive(Clone, Copy, Debug)]
pub struct Publish<'a> {
    p: PublishParams<'a>,
}

impl Slots for Publish<'_> {
    fn slot(&self, k: usize) -> &[u8] {
        let p = &self.p;
        match k {
            t::PATH => b"/topic",
            t::TOPIC => p.topic,
            t::HOST => p.host.unwrap_or(HTTP_HOST),
            t::V320 if p.profile == Profile::V320 => b"1",
            t::TOKEN => p.token,
            t::CONTENT_TYPE => b"octet-stream",
            _ => b"",
        }
    }
}

impl<'a> Publish<'a> {
    /// Checks the inputs, including the 128 KB limit.
    pub fn resolve(p: &PublishParams<'a>) -> Result<Self, Error> {
        topic(p.topic)?;
        token(p.token)?;
        if p.payload_len > PAYLOAD_MAX {
            return Err(Error::HttpPayloadTooLarge);
        }
        if let Some(h) = p.host {
            names::host(h)?;
        }
        Ok(Publish { p: *p })
    }

    /// The request head, up to and including the blank line; the payload follows it.
    pub fn write_head(&self, s: &mut dyn Text) {
        write_head(self, self.p.payload_len, s);
    }
}
