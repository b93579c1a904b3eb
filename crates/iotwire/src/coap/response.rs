//! Reading what the platform answers: any well-formed datagram, its response code mapped to a
//! typed status (4.01 means "re-authenticate"), and the cloud message id from option 2090.

use crate::Error;
use crate::coap::decode::Message;
use crate::coap::header::{Code, MessageType};
use crate::coap::options::CLOUD_MESSAGE_ID;

/// A decoded response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Response<'a> {
    /// The whole message (type, code, message id, token, options, raw payload).
    pub message: Message<'a>,
    /// The value of option 2090, if present.
    pub cloud_message_id: Option<&'a [u8]>,
}

/// Decodes `datagram` as a response. Any well-formed CoAP message is accepted here; what its
/// code means is [`code_status`].
pub fn parse(datagram: &[u8]) -> Result<Response<'_>, Error> {
    let message = Message::parse(datagram)?;
    Ok(Response {
        message,
        cloud_message_id: message.first_option(CLOUD_MESSAGE_ID),
    })
}

/// What a response code means for the device: `Ok` for 2.xx and for a bare ACK (0.00, the
/// first half of a separate response, `ackMode` 1), a typed error for the codes the platform
/// documents, [`Error::CoapUnexpectedCode`] for a Reset, a request code, or any other code.
pub fn code_status(message_type: MessageType, code: Code) -> Result<(), Error> {
    match (code.class(), code.detail()) {
        (2, _) => Ok(()),
        (0, 0) if message_type == MessageType::Acknowledgement => Ok(()),
        (4, 0) => Err(Error::CoapBadRequest),
        (4, 1) => Err(Error::CoapUnauthorized),
        (4, 3) => Err(Error::CoapForbidden),
        (4, 4) => Err(Error::CoapNotFound),
        (4, 5) => Err(Error::CoapMethodNotAllowed),
        (4, 6) => Err(Error::CoapNotAcceptable),
        (4, 15) => Err(Error::CoapUnsupportedContentFormat),
        (5, 0) => Err(Error::CoapServerError),
        _ => Err(Error::CoapUnexpectedCode),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_codes() {
        let ack = MessageType::Acknowledgement;
        assert_eq!(code_status(ack, Code(0x45)), Ok(()));
        assert_eq!(code_status(ack, Code(0x44)), Ok(()));
        assert_eq!(code_status(ack, Code::EMPTY), Ok(()));
        assert_eq!(
            code_status(MessageType::Reset, Code::EMPTY),
            Err(Error::CoapUnexpectedCode)
        );
        assert_eq!(code_status(ack, Code(0x81)), Err(Error::CoapUnauthorized));
        assert_eq!(
            code_status(ack, Code(0x8f)),
            Err(Error::CoapUnsupportedContentFormat)
        );
        assert_eq!(code_status(ack, Code(0xa0)), Err(Error::CoapServerError));
        assert_eq!(code_status(ack, Code(0xa3)), Err(Error::CoapUnexpectedCode));
        assert_eq!(code_status(ack, Code::POST), Err(Error::CoapUnexpectedCode));
    }

    #[test]
    fn cloud_message_id() {
        // ACK 2.04, mid 0x1234, option 2090 = "42" (delta 2090 = 14-ext 1821), payload "x".
        let d = [
            0x60, 0x44, 0x12, 0x34, 0xe2, 0x07, 0x1d, b'4', b'2', 0xff, b'x',
        ];
        let r = parse(&d).unwrap();
        assert_eq!(r.cloud_message_id, Some(&b"42"[..]));
        assert_eq!(r.message.payload, b"x");
    }
}
