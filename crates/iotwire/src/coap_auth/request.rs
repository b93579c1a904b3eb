//! The whole auth datagram: CON POST, the caller's message id and CoAP token, then
//! Uri-Path `auth` (11), Content-Format (12) and Accept (17) both 50 (JSON) or 60 (CBOR),
//! the payload marker and the payload. This is byte for byte what iotkit-embedded 3.2.0 and
//! 2.3.0 send (`IOT_CoAP_DeviceNameAuth`); the profiles differ only in the payload rules and in
//! how the message id is seeded (the session's business).

use crate::Error;
use crate::coap::encode::Encoder;
use crate::coap::header::{Code, Header, MessageType, Token};
use crate::coap::options::{ACCEPT, CONTENT_FORMAT, URI_PATH};
use crate::coap_auth::params::AuthParams;
use crate::coap_auth::payload;
use crate::sink::Text;

/// Writes the auth request with `message_id` and `token`; `sign` is the sign's MAC.
pub fn write_request(
    p: &AuthParams<'_>,
    sign: &[u8],
    message_id: u16,
    token: &Token,
    sink: &mut dyn Text,
) -> Result<(), Error> {
    p.validate()?;
    let header = Header {
        message_type: MessageType::Confirmable,
        code: Code::POST,
        message_id,
    };
    let mut e = Encoder::new(sink, usize::MAX, Error::Overflow, &header, token);
    e.option(URI_PATH, b"auth");
    let cf = u32::from(p.format.content_format());
    e.option_uint(CONTENT_FORMAT, cf);
    e.option_uint(ACCEPT, cf);
    e.payload_marker();
    payload::write_members(p, sign, e.wire())?;
    e.finish()
}
