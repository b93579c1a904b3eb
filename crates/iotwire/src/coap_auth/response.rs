//! The auth response datagram, and storing what it grants into the session.
//!
//! Only a 2.05 carries credentials. An empty ACK is the first half of a separate response
//! (`ackMode` 1) and is reported as [`Error::CoapEmptyAck`] so the caller keeps waiting; the
//! documented error codes map to their typed statuses (the codec's table), anything else is
//! [`Error::CoapUnexpectedCode`]. The payload is read in the format the response's
//! Content-Format names, or, without that option, in the format the request asked for.

use crate::Error;
use crate::coap::decode::Message;
use crate::coap::header::{Code, MessageType};
use crate::coap::options::{CONTENT_FORMAT, uint_value};
use crate::coap::response::code_status;
use crate::coap::session::Session;
use crate::coap_auth::params::{AuthParams, Format};
use crate::coap_auth::reply::{self, Reply};

/// Decodes an auth response into `reply` (use a fresh [`Reply`]: on failure it may hold part
/// of a reply); `requested` is the format the request's Accept named. Returns the validated
/// datagram (type, code, message id, CoAP token).
pub fn parse<'d>(
    datagram: &'d [u8],
    requested: Format,
    reply: &mut Reply,
) -> Result<Message<'d>, Error> {
    let message = Message::parse(datagram)?;
    let header = message.header;
    if header.code == Code::EMPTY && header.message_type == MessageType::Acknowledgement {
        return Err(Error::CoapEmptyAck);
    }
    code_status(header.message_type, header.code)?;
    if header.code != Code::CONTENT {
        return Err(Error::CoapUnexpectedCode);
    }
    let format = match message.first_option(CONTENT_FORMAT) {
        None => requested,
        Some(v) => uint_value(v)
            .and_then(|cf| u32::try_from(cf).ok())
            .and_then(Format::from_content_format)
            .ok_or(Error::InvalidArgument)?,
    };
    reply::parse_payload(message.payload, format, reply)?;
    Ok(message)
}

/// Stores the auth token and, for a symmetric-mode request (`p.seq` given), the AES key
/// derived from `random` and the seq base from `seqOffset` (documented profile: the first
/// seq is `seqOffset + 1`; legacy profiles: `seqOffset` itself). The old credentials are
/// forgotten first; on any error the session is unchanged.
pub fn accept(session: &mut Session, p: &AuthParams<'_>, r: &Reply) -> Result<(), Error> {
    p.validate()?;
    let symmetric = match p.seq {
        Some(_) => Some((
            r.random().ok_or(Error::MissingField)?,
            r.seq_offset.ok_or(Error::MissingField)?,
        )),
        None => None,
    };
    store(session, p, r.token(), symmetric)
}

#[cfg(feature = "coap-symmetric")]
fn store(
    session: &mut Session,
    p: &AuthParams<'_>,
    token: &[u8],
    symmetric: Option<(&[u8], u32)>,
) -> Result<(), Error> {
    // Everything that can fail comes before the session changes.
    let next_seq = match symmetric {
        Some((_, offset)) if p.profile.is_legacy() => Some(offset),
        Some((_, offset)) => Some(offset.checked_add(1).ok_or(Error::Overflow)?),
        None => None,
    };
    if token.is_empty() {
        return Err(Error::MissingField);
    }
    session.clear();
    session.set_auth_token(token)?;
    if let (Some((random, _)), Some(seq)) = (symmetric, next_seq) {
        session.derive_key(p.device_secret, random);
        session.set_next_seq(seq);
    }
    Ok(())
}

#[cfg(not(feature = "coap-symmetric"))]
fn store(
    session: &mut Session,
    _p: &AuthParams<'_>,
    token: &[u8],
    symmetric: Option<(&[u8], u32)>,
) -> Result<(), Error> {
    if symmetric.is_some() {
        return Err(Error::Unsupported);
    }
    session.clear();
    session.set_auth_token(token)
}
