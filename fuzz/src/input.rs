//! Reading a fuzz input as a fixed byte layout (documented in fuzz/README.md).
//!
//! An exhausted input reads as zeros, so every prefix of a seed is still a valid input and
//! short inputs mean "defaults": libFuzzer can shrink without falling off the layout.

/// A cursor over the fuzz input.
pub struct Input<'a> {
    data: &'a [u8],
}

impl<'a> Input<'a> {
    /// Starts at the first byte.
    pub fn new(data: &'a [u8]) -> Self {
        Input { data }
    }

    /// Next byte, 0 when exhausted.
    pub fn u8(&mut self) -> u8 {
        match self.data.split_first() {
            Some((&b, rest)) => {
                self.data = rest;
                b
            }
            None => 0,
        }
    }

    /// Next two bytes, little-endian.
    pub fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.u8(), self.u8()])
    }

    /// Next four bytes, little-endian.
    pub fn u32(&mut self) -> u32 {
        u32::from_le_bytes([self.u8(), self.u8(), self.u8(), self.u8()])
    }

    /// Up to `n` bytes (fewer when the input runs out).
    pub fn bytes(&mut self, n: usize) -> &'a [u8] {
        let (head, rest) = self.data.split_at(n.min(self.data.len()));
        self.data = rest;
        head
    }

    /// Exactly `N` bytes, zero-padded when the input runs out.
    pub fn array<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        let src = self.bytes(N);
        out[..src.len()].copy_from_slice(src);
        out
    }

    /// Everything not read yet.
    pub fn rest(&mut self) -> &'a [u8] {
        let r = self.data;
        self.data = &[];
        r
    }
}

/// A `uint32_t` selector with `valid` known values: bytes below 0xF0 give `0..valid + 2`
/// (so the two values just past the range come up often), bytes from 0xF0 give
/// `0xFFFF_FFF0..=0xFFFF_FFFF` (sign-extension and "-1" style mistakes).
pub fn selector(b: u8, valid: u32) -> u32 {
    if b < 0xF0 {
        u32::from(b) % (valid + 2)
    } else {
        0xFFFF_FF00 | u32::from(b)
    }
}

/// Legacy build bits: mostly the four defined bits, sometimes undefined high bits.
pub fn legacy_build(b: u8) -> u32 {
    match b {
        0xFF => u32::MAX,
        0xE0..=0xFE => (0x10 << (b & 7)) | u32::from(b & 0x0F),
        _ => u32::from(b & 0x0F),
    }
}

/// Maps bytes onto an alphabet (to build inputs that pass the library's charset checks).
pub fn map_charset(bytes: &[u8], charset: &[u8]) -> Vec<u8> {
    bytes
        .iter()
        .map(|&b| charset[usize::from(b) % charset.len()])
        .collect()
}
