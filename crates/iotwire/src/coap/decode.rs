//! Decoding any datagram into borrowed views, validating everything up front so that the
//! accessors cannot fail later. Rejected (RFC 7252 §3, §4.1 "message format error"):
//! fewer than 4 bytes, version other than 1, TKL 9..=15, a token longer than what is left,
//! an empty message (0.00) with a token or anything after the header, an option with a
//! reserved 15 nibble or truncated extension/value, an option number above 65535, and a
//! payload marker followed by nothing.

use crate::Error;
use crate::coap::header::{Code, Header, MessageType, TOKEN_MAX, VERSION};
use crate::coap::options::{CoapOption, OptionIter, split_payload};

/// A validated datagram; all slices borrow the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Message<'a> {
    /// Type, code, message id.
    pub header: Header,
    /// Token (0..=8 bytes).
    pub token: &'a [u8],
    options: &'a [u8],
    /// Payload (empty when there is no marker).
    pub payload: &'a [u8],
}

impl<'a> Message<'a> {
    /// Validates `datagram` and splits it into header, token, options and payload.
    pub fn parse(datagram: &'a [u8]) -> Result<Message<'a>, Error> {
        let (fixed, rest) = datagram
            .split_first_chunk::<4>()
            .ok_or(Error::CoapMalformed)?;
        let [first, code, id_hi, id_lo] = *fixed;
        if first >> 6 != VERSION {
            return Err(Error::CoapMalformed);
        }
        let tkl = usize::from(first & 0x0f);
        if tkl > TOKEN_MAX {
            return Err(Error::CoapMalformed);
        }
        let (token, rest) = rest.split_at_checked(tkl).ok_or(Error::CoapMalformed)?;
        let header = Header {
            message_type: MessageType::from_bits(first >> 4),
            code: Code(code),
            message_id: u16::from_be_bytes([id_hi, id_lo]),
        };
        if header.code == Code::EMPTY && (tkl != 0 || !rest.is_empty()) {
            return Err(Error::CoapMalformed);
        }
        let (options, payload) = split_payload(rest)?;
        Ok(Message {
            header,
            token,
            options,
            payload,
        })
    }

    /// The options in wire (ascending) order.
    pub fn options(&self) -> OptionIter<'a> {
        OptionIter::new(self.options)
    }

    /// The first option with `number`, if any.
    pub fn first_option(&self, number: u16) -> Option<&'a [u8]> {
        self.options()
            .filter_map(Result::ok)
            .find(|o| o.number == number)
            .map(|o| o.value)
    }

    /// Every option with `number`, in order.
    pub fn options_numbered(&self, number: u16) -> impl Iterator<Item = CoapOption<'a>> + 'a {
        self.options()
            .filter_map(Result::ok)
            .filter(move |o| o.number == number)
    }
}

/// Shorthand for [`Message::parse`].
pub fn parse(datagram: &[u8]) -> Result<Message<'_>, Error> {
    Message::parse(datagram)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coap::options::{AUTH_TOKEN_V3, SEQ, URI_PATH};

    fn hex(s: &str) -> std::vec::Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    /// Tokens of 0..=8 bytes are well formed; 9..=15 (RFC 7252 5.3.1: reserved) are not.
    #[test]
    fn token_lengths() {
        for tkl in 0u8..=15 {
            let mut m = std::vec![0x40 | tkl, 0x45, 0x12, 0x34];
            m.extend(core::iter::repeat_n(0xab, usize::from(tkl)));
            let parsed = Message::parse(&m);
            if tkl <= 8 {
                assert_eq!(parsed.unwrap().token.len(), usize::from(tkl));
            } else {
                assert!(parsed.is_err(), "{tkl}");
            }
        }
    }

    #[test]
    fn legacy_publish_decodes() {
        let d = hex(concat!(
            "440203e905030201b5746f706963037379730b61314e556a63566b485a5305646576",
            "3030057468696e67056576656e740870726f706572747904706f73741132512adc1f",
            "544f4b454e30302e61626364ed06df03f1e7807c31e3c58fd4d963afb2c83406ffdb",
            "c0deed637b6634e36e023f5a46abe3e98d963bb0c1b2b8192096caff41efe94fd51a",
            "ec36c77ac18df8ec507b4304e7"
        ));
        let m = parse(&d).unwrap();
        assert_eq!(m.header.message_id, 1001);
        assert_eq!(m.token, &[5, 3, 2, 1]);
        assert_eq!(m.first_option(URI_PATH), Some(&b"topic"[..]));
        assert_eq!(m.options_numbered(URI_PATH).count(), 8);
        assert_eq!(m.first_option(AUTH_TOKEN_V3), Some(&b"TOKEN00.abcd"[..]));
        assert_eq!(m.first_option(SEQ).unwrap().len(), 16);
        assert_eq!(m.payload.len(), 48);
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            &b""[..],
            &[0x40, 0x01, 0x00],
            &[0x80, 0x01, 0, 0],                                     // version 2
            &[0x49, 0x01, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9],          // TKL 9
            &[0x42, 0x01, 0, 0, 1],                                  // token truncated
            &[0x40, 0x00, 0, 0, 0xff, 1],                            // empty message with payload
            &[0x41, 0x00, 0, 0, 1],                                  // empty message with token
            &[0x40, 0x01, 0, 0, 0xff],                               // marker, no payload
            &[0x40, 0x01, 0, 0, 0xf1, 0],                            // delta 15
            &[0x40, 0x01, 0, 0, 0x1f],                               // length 15
            &[0x40, 0x01, 0, 0, 0x12, 0],                            // value truncated
            &[0x40, 0x01, 0, 0, 0xe0, 0xff],                         // ext truncated
            &[0x40, 0x01, 0, 0, 0xe0, 0xfe, 0xf1, 0xe0, 0x01, 0x00], // number > 65535
        ] {
            assert_eq!(parse(bad), Err(Error::CoapMalformed), "{bad:02x?}");
        }
        assert!(parse(&[0x60, 0x00, 0x12, 0x34]).is_ok());
    }
}
