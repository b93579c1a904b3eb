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
use crate::coap_auth::reply::{self, RANDOM_MAX, Reply, TOKEN_MAX};
use crate::sink::SliceWriter;
use zeroize::Zeroize;

/// A decoded 2.05 auth response.
#[derive(Clone, Copy, Debug)]
pub struct AuthResponse<'a> {
    /// The validated datagram (type, code, message id, CoAP token).
    pub message: Message<'a>,
    /// The credentials in its payload.
    pub reply: Reply<'a>,
}

/// Decodes an auth response; `requested` is the format the request's Accept named.
pub fn parse(datagram: &[u8], requested: Format) -> Result<AuthResponse<'_>, Error> {
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
    Ok(AuthResponse {
        message,
        reply: reply::parse_payload(message.payload, format)?,
    })
}

/// Stores the auth token and, for a symmetric-mode request (`p.seq` given), the AES key
/// derived from `random` and the seq base from `seqOffset` (documented profile: the first
/// seq is `seqOffset + 1`; legacy profiles: `seqOffset` itself). The old credentials are
/// forgotten first; on any error the session is unchanged.
pub fn accept(session: &mut Session, p: &AuthParams<'_>, r: &Reply<'_>) -> Result<(), Error> {
    p.validate()?;
    let mut token = [0u8; TOKEN_MAX];
    let mut w = SliceWriter::new(&mut token);
    r.token.write_to(&mut w)?;
    let token_len = w.len();
    let symmetric = if p.seq.is_some() {
        let random = r.random.ok_or(Error::MissingField)?;
        let offset = r.seq_offset.ok_or(Error::MissingField)?;
        Some((random, offset))
    } else {
        None
    };
    let result = store(session, p, token.get(..token_len).unwrap_or(&[]), symmetric);
    token.zeroize();
    result
}

#[cfg(feature = "coap-symmetric")]
fn store(
    session: &mut Session,
    p: &AuthParams<'_>,
    token: &[u8],
    symmetric: Option<(reply::Text<'_>, u32)>,
) -> Result<(), Error> {
    // The random is unescaped into `buf`; the key is derived straight into the session (a
    // key returned by value would leave a copy on the stack).
    let mut buf = [0u8; RANDOM_MAX];
    let mut w = SliceWriter::new(&mut buf);
    let offset = match symmetric {
        Some((random, offset)) => {
            random.write_to(&mut w)?;
            Some(offset)
        }
        None => None,
    };
    session.clear();
    let result = session.set_auth_token(token).and_then(|()| match offset {
        Some(offset) => {
            session.derive_key(p.device_secret, w.written());
            if p.profile.is_legacy() {
                session.set_next_seq(offset);
                Ok(())
            } else {
                session.set_seq_offset(offset)
            }
        }
        None => Ok(()),
    });
    buf.zeroize();
    result
}

#[cfg(not(feature = "coap-symmetric"))]
fn store(
    session: &mut Session,
    _p: &AuthParams<'_>,
    token: &[u8],
    symmetric: Option<(reply::Text<'_>, u32)>,
) -> Result<(), Error> {
    if symmetric.is_some() {
        return Err(Error::Unsupported);
    }
    let _ = RANDOM_MAX;
    session.clear();
    session.set_auth_token(token)
}
