//! Where formatted bytes go. Every builder in the core writes through a [`Sink`], so one piece
//! of code both measures an output ([`Counter`]) and writes it ([`SliceWriter`]): the size a
//! caller is told is, by construction, the size that is written.

use crate::Error;

/// A byte destination that may refuse (buffer full) but never panics.
pub trait Sink {
    /// Appends `bytes`, or fails without a partial write of this call.
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error>;

    /// Appends one byte.
    fn put_byte(&mut self, byte: u8) -> Result<(), Error> {
        self.put(core::slice::from_ref(&byte))
    }

    /// Appends the decimal text of a signed integer (no leading zeros, `-` for negatives).
    fn put_decimal(&mut self, value: i32) -> Result<(), Error> {
        let mut digits = [0u8; 11];
        let text = format_decimal(value, &mut digits);
        self.put(text)
    }
}

/// Writes the decimal digits of `value` into the tail of `buf` and returns that tail.
/// 32-bit on purpose: 64-bit division would pull a 0.5 KB runtime routine into Cortex-M links.
#[inline(always)]
pub fn format_decimal(value: i32, buf: &mut [u8; 11]) -> &[u8] {
    format_number(value.cast_unsigned(), true, buf)
}

/// [`format_decimal`] for an unsigned value (ids, seq numbers above `i32::MAX`).
#[inline(always)]
pub fn format_unsigned(value: u32, buf: &mut [u8; 11]) -> &[u8] {
    format_number(value, false, buf)
}

/// The decimal text of `value` in the tail of `buf`, read as a signed 32-bit integer when
/// `signed` (`-` for negatives, what C's `%d` prints) and as unsigned otherwise. The one
/// digit loop of the library: every number any output writes comes through it.
#[inline]
pub fn format_number(value: u32, signed: bool, buf: &mut [u8; 11]) -> &[u8] {
    let negative = signed && value >> 31 == 1;
    let mut rest = if negative {
        value.wrapping_neg()
    } else {
        value
    };
    // Digits from the last byte backwards. u32::MAX has 10 digits, so the position never
    // wraps and the 11th byte is always free for the sign.
    let mut start = buf.len();
    loop {
        start = start.wrapping_sub(1);
        if let Some(slot) = buf.get_mut(start) {
            // `rest % 10` is always < 10, so the narrowing cannot lose information.
            *slot = b'0'.wrapping_add(u8::try_from(rest % 10).unwrap_or(0));
        }
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if negative {
        start = start.wrapping_sub(1);
        if let Some(slot) = buf.get_mut(start) {
            *slot = b'-';
        }
    }
    buf.get(start..).unwrap_or(&[])
}

/// Copies `src` into `dst` (of the same length). On firmware a byte loop: outputs are short
/// texts and datagrams, and a firmware whose library paths need no `memcpy` does not link
/// compiler_builtins' 0.3 KB one. Hosted builds, where speed counts and flash does not, use
/// the libc's `memcpy` for all but the few-byte pieces most texts are made of (a call costs
/// more than copying those).
#[inline(always)]
pub fn copy(dst: &mut [u8], src: &[u8]) {
    if cfg!(target_os = "none") || src.len() <= 16 {
        for (d, s) in dst.iter_mut().zip(src) {
            *d = *s;
        }
    } else if let Some(src) = src.get(..dst.len()) {
        dst.copy_from_slice(src);
    }
}

/// Counts what would be written; never fails except on arithmetic overflow.
#[derive(Default, Debug)]
pub struct Counter {
    len: usize,
}

impl Counter {
    /// A counter at zero.
    pub fn new() -> Self {
        Self { len: 0 }
    }
    /// Bytes counted so far.
    pub fn len(&self) -> usize {
        self.len
    }
    /// True if nothing was counted.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl Sink for Counter {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.len = self.len.checked_add(bytes.len()).ok_or(Error::Overflow)?;
        Ok(())
    }
}

/// Writes into a caller's slice, checking capacity before each write.
#[derive(Debug)]
pub struct SliceWriter<'a> {
    buf: &'a mut [u8],
    pos: usize,
}

impl<'a> SliceWriter<'a> {
    /// A writer at the start of `buf`.
    pub fn new(buf: &'a mut [u8]) -> Self {
        Self { buf, pos: 0 }
    }
    /// Bytes written so far.
    pub fn len(&self) -> usize {
        self.pos
    }
    /// True if nothing was written.
    pub fn is_empty(&self) -> bool {
        self.pos == 0
    }
    /// The bytes written so far.
    pub fn written(&self) -> &[u8] {
        self.buf.get(..self.pos).unwrap_or(&[])
    }
}

impl Sink for SliceWriter<'_> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let end = self.pos.checked_add(bytes.len()).ok_or(Error::Overflow)?;
        let dst = self
            .buf
            .get_mut(self.pos..end)
            .ok_or(Error::BufferTooSmall)?;
        copy(dst, bytes);
        self.pos = end;
        Ok(())
    }
}

/// Passes bytes on until `limit` is reached, then fails with `error` (legacy field limits):
/// one writer both enforces a limit and writes, instead of a counting pre-pass.
pub struct Limited<'s, S: Sink + ?Sized> {
    inner: &'s mut S,
    left: usize,
    error: Error,
}

impl<'s, S: Sink + ?Sized> Limited<'s, S> {
    /// At most `limit` bytes go to `inner`; more is `error`.
    pub fn new(inner: &'s mut S, limit: usize, error: Error) -> Self {
        Limited {
            inner,
            left: limit,
            error,
        }
    }
}

impl<S: Sink + ?Sized> Sink for Limited<'_, S> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.left = self.left.checked_sub(bytes.len()).ok_or(self.error)?;
        self.inner.put(bytes)
    }
}

/// An infallible text destination. Builders written against it have no error branch per
/// call site (a fallible `put` followed by `?` costs a compare and a branch at each of hundreds
/// of sites); a destination that can run out of room remembers it and its owner checks once:
/// [`Output`] through the length check of the output contract, `CText` through its `check`,
/// [`Counter`] never runs out, and a hash state takes anything.
pub trait Text {
    /// Appends `bytes`.
    fn put(&mut self, bytes: &[u8]);
}

impl Text for Counter {
    fn put(&mut self, bytes: &[u8]) {
        self.len = self.len.saturating_add(bytes.len());
    }
}

/// A short write shows up as a length different from the measured one, which the output
/// contract (`emit` in the C ABI crate) treats as an internal error and wipes.
impl Text for Output<'_> {
    fn put(&mut self, bytes: &[u8]) {
        let _ = Sink::put(self, bytes);
    }
}

impl<H: crate::hash::Algorithm> Text for crate::hash::Hash<H> {
    fn put(&mut self, bytes: &[u8]) {
        self.update(bytes);
    }
}

/// A hash state and its algorithm as one [`Text`] (with the data form of
/// [`crate::hash::Kind`], one implementation for every algorithm).
pub(crate) struct HashText<'h, K: crate::hash::Kind> {
    /// The state.
    pub core: &'h mut crate::hash::Core,
    /// Its algorithm.
    pub kind: K,
}

impl<K: crate::hash::Kind> Text for HashText<'_, K> {
    fn put(&mut self, bytes: &[u8]) {
        self.core.update(bytes, self.kind);
    }
}

/// A [`Sink`] as a [`Text`], keeping the first error for [`SinkText::result`].
pub struct SinkText<'s, S: Sink + ?Sized> {
    sink: &'s mut S,
    result: Result<(), Error>,
}

impl<'s, S: Sink + ?Sized> SinkText<'s, S> {
    /// Wraps `sink`.
    pub fn new(sink: &'s mut S) -> Self {
        SinkText {
            sink,
            result: Ok(()),
        }
    }

    /// The first error the sink returned, if any.
    pub fn result(self) -> Result<(), Error> {
        self.result
    }
}

impl<S: Sink + ?Sized> Text for SinkText<'_, S> {
    fn put(&mut self, bytes: &[u8]) {
        if self.result.is_ok() {
            self.result = self.sink.put(bytes);
        }
    }
}

/// Either measures or writes: the FFI layer runs one builder twice, first to learn the exact
/// size, then (if the caller's buffer is large enough) to write.
#[derive(Debug)]
pub enum Output<'a> {
    /// Size query pass.
    Measure(Counter),
    /// Writing pass.
    Write(SliceWriter<'a>),
}

impl Output<'_> {
    /// Bytes measured or written so far.
    pub fn len(&self) -> usize {
        match self {
            Output::Measure(c) => c.len(),
            Output::Write(w) => w.len(),
        }
    }
    /// True if nothing was measured or written.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Sink for Output<'_> {
    // Out of line on firmware: builders call `put` from hundreds of places, and the inlined
    // match, bounds check and copy at each of them cost several KB of flash. Hosted builds
    // inline it (speed counts there, flash does not), unless built with `iotwire_small`.
    #[cfg_attr(any(target_os = "none", iotwire_small), inline(never))]
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        match self {
            Output::Measure(c) => Sink::put(c, bytes),
            Output::Write(w) => Sink::put(w, bytes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_edges() {
        let mut b = [0u8; 11];
        assert_eq!(format_decimal(0, &mut b), b"0");
        assert_eq!(format_decimal(-2, &mut b), b"-2");
        assert_eq!(format_decimal(8, &mut b), b"8");
        assert_eq!(format_decimal(i32::MIN, &mut b), b"-2147483648");
        assert_eq!(format_decimal(i32::MAX, &mut b), b"2147483647");
        assert_eq!(format_unsigned(0, &mut b), b"0");
        assert_eq!(format_unsigned(u32::MAX, &mut b), b"4294967295");
    }

    #[test]
    fn slice_writer_refuses_without_partial_write() {
        let mut buf = [0xAAu8; 4];
        let mut w = SliceWriter::new(&mut buf);
        assert!(w.put(b"abc").is_ok());
        assert_eq!(w.put(b"de"), Err(Error::BufferTooSmall));
        assert_eq!(w.written(), b"abc");
        assert_eq!(buf[3], 0xAA);
    }

    #[test]
    fn put_decimal_writes_the_number() {
        let mut buf = [0u8; 24];
        let mut w = SliceWriter::new(&mut buf);
        assert!(w.is_empty());
        w.put_decimal(-305).unwrap();
        w.put_byte(b' ').unwrap();
        w.put_decimal(i32::MAX).unwrap();
        assert!(!w.is_empty());
        assert_eq!(w.written(), b"-305 2147483647");
        let mut c = Counter::new();
        assert!(c.is_empty());
        c.put_decimal(i32::MIN).unwrap();
        assert!(!c.is_empty());
        assert_eq!(c.len(), "-2147483648".len());
    }

    #[test]
    fn limited_passes_up_to_its_limit_then_refuses() {
        let mut buf = [0u8; 8];
        let mut w = SliceWriter::new(&mut buf);
        let mut l = Limited::new(&mut w, 5, Error::InvalidArgument);
        assert_eq!(l.put(b"abc"), Ok(()));
        assert_eq!(l.put(b"de"), Ok(()));
        assert_eq!(l.put(b"f"), Err(Error::InvalidArgument));
        assert_eq!(w.written(), b"abcde");
    }

    #[test]
    fn sink_text_keeps_the_first_error_and_stops_writing() {
        let mut buf = [0u8; 4];
        let mut w = SliceWriter::new(&mut buf);
        let mut t = SinkText::new(&mut w);
        Text::put(&mut t, b"abc");
        Text::put(&mut t, b"de");
        Text::put(&mut t, b"f");
        assert_eq!(t.result(), Err(Error::BufferTooSmall));
        // "f" would have fitted: nothing is written after the first error.
        assert_eq!(w.written(), b"abc");
        let mut ok = Counter::new();
        let mut t = SinkText::new(&mut ok);
        Text::put(&mut t, b"xy");
        assert_eq!(t.result(), Ok(()));
        assert_eq!(ok.len(), 2);
    }

    #[test]
    fn output_is_empty_until_something_is_measured_or_written() {
        let mut o = Output::Measure(Counter::new());
        assert!(o.is_empty());
        Sink::put(&mut o, b"a").unwrap();
        assert!(!o.is_empty());
        let mut buf = [0u8; 2];
        let mut o = Output::Write(SliceWriter::new(&mut buf));
        assert!(o.is_empty());
        Sink::put(&mut o, b"ab").unwrap();
        assert!(!o.is_empty());
        assert_eq!(o.len(), 2);
    }
}
