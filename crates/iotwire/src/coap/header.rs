//! The fixed CoAP/UDP header (RFC 7252 §3): version, type, token length, code, message id,
//! and the token that follows it.

use crate::Error;

/// RFC 7252 message type (the two `T` bits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageType {
    /// Confirmable (0): the peer acknowledges it.
    Confirmable,
    /// Non-confirmable (1).
    NonConfirmable,
    /// Acknowledgement (2).
    Acknowledgement,
    /// Reset (3).
    Reset,
}

impl MessageType {
    /// The two wire bits.
    pub fn bits(self) -> u8 {
        match self {
            MessageType::Confirmable => 0,
            MessageType::NonConfirmable => 1,
            MessageType::Acknowledgement => 2,
            MessageType::Reset => 3,
        }
    }

    /// The type for two wire bits (higher bits are ignored).
    pub fn from_bits(bits: u8) -> MessageType {
        match bits & 3 {
            0 => MessageType::Confirmable,
            1 => MessageType::NonConfirmable,
            2 => MessageType::Acknowledgement,
            _ => MessageType::Reset,
        }
    }
}

/// A CoAP code `c.dd` as its wire byte (`c << 5 | dd`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code(pub u8);

impl Code {
    /// 0.00: empty message (bare ACK or RST).
    pub const EMPTY: Code = Code(0x00);
    /// 0.01 GET.
    pub const GET: Code = Code(0x01);
    /// 0.02 POST.
    pub const POST: Code = Code(0x02);
    /// 2.05 Content.
    pub const CONTENT: Code = Code(0x45);

    /// Builds `class.detail`; `class` must be 0..=7 and `detail` 0..=31.
    pub fn new(class: u8, detail: u8) -> Result<Code, Error> {
        if class > 7 || detail > 31 {
            return Err(Error::InvalidArgument);
        }
        Ok(Code((class << 5) | detail))
    }
    /// The class digit (0 request, 2 success, 4 client error, 5 server error).
    pub fn class(self) -> u8 {
        self.0 >> 5
    }
    /// The two detail digits.
    pub fn detail(self) -> u8 {
        self.0 & 0x1f
    }
    /// True for 0.01..=0.31 (requests).
    pub fn is_request(self) -> bool {
        self.class() == 0 && self.detail() != 0
    }
}

/// Longest token RFC 7252 allows.
pub const TOKEN_MAX: usize = 8;

/// A CoAP token (0..=8 bytes) held by value.
// Word-aligned: tokens are copied by value, and a 9-byte copy is a `memcpy` call on Cortex-M
// where 12 aligned bytes are three word moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[repr(align(4))]
pub struct Token {
    bytes: [u8; TOKEN_MAX],
    len: u8,
}

impl Token {
    /// The zero-length token.
    pub const EMPTY: Token = Token {
        bytes: [0; TOKEN_MAX],
        len: 0,
    };

    /// A token with these bytes; more than 8 is `InvalidArgument`.
    pub fn new(bytes: &[u8]) -> Result<Token, Error> {
        let mut t = Token::EMPTY;
        let dst = t
            .bytes
            .get_mut(..bytes.len())
            .ok_or(Error::InvalidArgument)?;
        for (d, s) in dst.iter_mut().zip(bytes) {
            *d = *s;
        }
        t.len = u8::try_from(bytes.len()).map_err(|_| Error::InvalidArgument)?;
        Ok(t)
    }

    /// The legacy SDK's token: the 4 little-endian bytes of a u32 counter.
    pub fn from_counter(counter: u32) -> Token {
        let le = counter.to_le_bytes();
        let mut bytes = [0u8; TOKEN_MAX];
        for (d, s) in bytes.iter_mut().zip(le) {
            *d = s;
        }
        Token { bytes, len: 4 }
    }

    /// The token bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or(&[])
    }

    /// Token length (TKL).
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// True for the zero-length token.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// The 4 fixed header bytes, decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    /// Message type.
    pub message_type: MessageType,
    /// Request method or response code.
    pub code: Code,
    /// Message id (duplicate detection, ACK matching).
    pub message_id: u16,
}

/// CoAP version 1, the only one defined.
pub const VERSION: u8 = 1;

impl Header {
    /// The 4 wire bytes for this header followed by `token` (whose length is always valid).
    pub fn bytes_for(&self, token: &Token) -> [u8; 4] {
        let [id_hi, id_lo] = self.message_id.to_be_bytes();
        let first = (VERSION << 6) | (self.message_type.bits() << 4) | (token.len & 0x0f);
        [first, self.code.0, id_hi, id_lo]
    }

    /// The 4 wire bytes for this header with token length `tkl` (0..=8).
    pub fn to_bytes(&self, tkl: usize) -> Result<[u8; 4], Error> {
        if tkl > TOKEN_MAX {
            return Err(Error::InvalidArgument);
        }
        let tkl = u8::try_from(tkl).map_err(|_| Error::InvalidArgument)?;
        let [id_hi, id_lo] = self.message_id.to_be_bytes();
        let first = (VERSION << 6) | (self.message_type.bits() << 4) | tkl;
        Ok([first, self.code.0, id_hi, id_lo])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_bytes() {
        let h = Header {
            message_type: MessageType::Confirmable,
            code: Code::POST,
            message_id: 0x03e8,
        };
        assert_eq!(h.to_bytes(4).unwrap(), [0x44, 0x02, 0x03, 0xe8]);
        assert!(h.to_bytes(9).is_err());
        assert_eq!(Code::new(4, 1).unwrap(), Code(0x81));
        assert!(Code::new(8, 0).is_err());
    }

    #[test]
    fn requests_tokens_and_the_first_byte() {
        assert!(Code::new(0, 1).unwrap().is_request());
        assert!(Code::new(0, 31).unwrap().is_request());
        assert!(
            !Code::new(0, 0).unwrap().is_request(),
            "0.00 is an empty message"
        );
        assert!(!Code::new(2, 5).unwrap().is_request());
        assert!(!Code::new(4, 1).unwrap().is_request());
        assert_eq!((Token::EMPTY.len(), Token::EMPTY.is_empty()), (0, true));
        let t = Token::new(&[1, 2, 3, 4, 5]).unwrap();
        assert_eq!((t.len(), t.is_empty()), (5, false));
        let h = Header {
            message_type: MessageType::NonConfirmable,
            code: Code::new(0, 1).unwrap(),
            message_id: 0xBEEF,
        };
        // Version 1, type 1, TKL 5: 0b01_01_0101.
        assert_eq!(h.bytes_for(&t), [0x55, 0x01, 0xBE, 0xEF]);
        assert_eq!(h.to_bytes(5), Ok([0x55, 0x01, 0xBE, 0xEF]));
        assert_eq!(
            h.to_bytes(8),
            Ok([0x58, 0x01, 0xBE, 0xEF]),
            "8 is the longest token"
        );
    }

    #[test]
    fn legacy_token_is_little_endian() {
        assert_eq!(Token::from_counter(0x0102_0304).as_bytes(), &[4, 3, 2, 1]);
        assert!(Token::new(&[0; 9]).is_err());
        assert_eq!(Token::new(&[1, 2]).unwrap().as_bytes(), &[1, 2]);
    }
}
