//! UTF-8 validation with the byte exclusions MQTT adds, without `core::str::from_utf8`.
//!
//! Why not `from_utf8`: it links a 256-byte width table and about 0.4 KB of code into every
//! firmware that checks one string, and its answer still needs a second pass for the bytes
//! MQTT forbids. Here one scan does both: a word-at-a-time pass accepts the common case
//! (ASCII without the forbidden bytes) at a few instructions per word, and only text with a
//! non-ASCII or forbidden byte goes through the byte-wise decoder. Its multi-byte check,
//! [`sequence_len`], is the library's only one: the JSON reader's string scan calls it too.

/// Bytes a text must not contain, besides ill-formed UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Forbid {
    /// Nothing: plain well-formed UTF-8 (U+0000 allowed).
    Nothing,
    /// U+0000: an MQTT UTF-8 string (MQTT-1.5.3-2).
    Nul,
    /// U+0000, `+` and `#`: an MQTT topic name (MQTT-3.3.2-2).
    NulAndWildcards,
}

const W: usize = core::mem::size_of::<usize>();
/// 0x01 in every byte of a word.
const ONES: usize = usize::from_ne_bytes([0x01; W]);
/// 0x80 in every byte.
#[cfg(target_pointer_width = "64")]
const HIGHS: usize = usize::from_ne_bytes([0x80; W]);
/// 0x08 in every byte: `+` (0x2B) and `#` (0x23) differ only in this bit.
const BIT3: usize = usize::from_ne_bytes([0x08; W]);
/// `+` in every byte.
const PLUS: usize = usize::from_ne_bytes([b'+'; W]);

/// The exclusions as word masks: all ones where a test applies, zero where not.
#[derive(Clone, Copy)]
struct Masks {
    nul: usize,
    wildcards: usize,
}

impl Masks {
    fn of(forbid: Forbid) -> Masks {
        let (nul, wildcards) = match forbid {
            Forbid::Nothing => (0, 0),
            Forbid::Nul => (usize::MAX, 0),
            Forbid::NulAndWildcards => (usize::MAX, usize::MAX),
        };
        Masks { nul, wildcards }
    }

    /// High bit set in some byte of the result when `v` has a byte that is not ASCII or is
    /// forbidden. For an all-ASCII word `v - ONES` sets a byte's high bit only where that
    /// byte was zero (no byte borrows unless a zero byte does), and `(v | BIT3) ^ PLUS` is
    /// zero exactly in the bytes that were `+` or `#`. A word with a non-ASCII byte is
    /// flagged by `v` itself, whatever the other terms give.
    fn flagged(self, v: usize) -> usize {
        v | (v.wrapping_sub(ONES) & self.nul)
            | (((v | BIT3) ^ PLUS).wrapping_sub(ONES) & self.wildcards)
    }
}

#[cfg(target_pointer_width = "64")]
fn word(chunk: &[u8; W]) -> usize {
    usize::from_ne_bytes(*chunk)
}

/// True when every byte is ASCII and none is forbidden (the fast path). 64-bit targets
/// only: on a 32-bit MCU the word loop costs more flash than its speed is worth there.
#[cfg(target_pointer_width = "64")]
#[inline(always)]
fn plain_ascii(bytes: &[u8], m: Masks) -> bool {
    // Two words per step, and the last two words once more (overlap is harmless): texts of
    // 16 bytes or more need no tail loop.
    if let Some(last) = bytes.last_chunk::<16>() {
        let pair = |p: &[u8; 16]| {
            let (a, b) = (p.first_chunk::<W>(), p.last_chunk::<W>());
            m.flagged(a.map_or(0, word)) | m.flagged(b.map_or(0, word))
        };
        let (pairs, _) = bytes.as_chunks::<16>();
        let mut acc = pair(last);
        for p in pairs {
            acc |= pair(p);
        }
        return acc & HIGHS == 0;
    }
    let (words, tail) = bytes.as_chunks::<W>();
    let mut acc = 0;
    for w in words {
        acc |= m.flagged(word(w));
    }
    // The tail as the last whole word of the text (overlapping bytes are checked twice,
    // which is harmless), or byte by byte when the text is shorter than a word (a lone
    // byte's own high bit: the borrow of the zero bytes above it is masked off).
    match bytes.last_chunk::<W>() {
        Some(last) if !tail.is_empty() => acc |= m.flagged(word(last)),
        Some(_) => {}
        None => {
            for &b in tail {
                acc |= m.flagged(usize::from(b)) & 0x80;
            }
        }
    }
    acc & HIGHS == 0
}

/// The length of the well-formed UTF-8 sequence `bytes` starts with, whose lead byte is not
/// ASCII; 0 when there is none. Exactly the sequences of Unicode table 3-7: no overlong
/// forms, no surrogates, nothing above U+10FFFF. Out of line: the one multi-byte check of
/// the library (this module's texts, and the JSON reader's string scan).
#[inline(never)]
pub fn sequence_len(bytes: &[u8]) -> usize {
    let lead = bytes.first().copied().unwrap_or(0);
    if !(0xc2..=0xf4).contains(&lead) {
        return 0;
    }
    // Continuation bytes (1 below E0, 2 below F0, else 3), and the range of the first one:
    // narrower after E0, ED, F0, F4, which excludes overlong forms, surrogates and code
    // points above U+10FFFF.
    let more = usize::from(lead >= 0xe0)
        .wrapping_add(usize::from(lead >= 0xf0))
        .wrapping_add(1);
    let mut low = match lead {
        0xe0 => 0xa0,
        0xf0 => 0x90,
        _ => 0x80,
    };
    let mut high = match lead {
        0xed => 0x9f,
        0xf4 => 0x8f,
        _ => 0xbf,
    };
    let mut at: usize = 1;
    while at <= more {
        // Past the end reads as 0, which is no continuation byte.
        let c = bytes.get(at).copied().unwrap_or(0);
        if c < low || c > high {
            return 0;
        }
        (low, high) = (0x80, 0xbf);
        at = at.wrapping_add(1);
    }
    at
}

/// The byte-wise check: RFC 3629 well-formedness ([`sequence_len`]) and the forbidden bytes.
/// Out of line: one copy for every kind of text.
#[inline(never)]
fn decodes(bytes: &[u8], m: Masks) -> bool {
    let mut rest = bytes;
    while let Some(&b) = rest.first() {
        let n = if b < 0x80 {
            if m.flagged(usize::from(b)) & 0x80 != 0 {
                return false;
            }
            1
        } else {
            sequence_len(rest)
        };
        match rest.get(n..) {
            Some(after) if n > 0 => rest = after,
            _ => return false,
        }
    }
    true
}

/// True when `bytes` is well-formed UTF-8 without the `forbid`den characters.
///
/// Inline, so that on 64-bit hosts the word loop runs with constant masks at each call site
/// (the MQTT decoder checks a topic in a few instructions per 8 bytes); the byte-wise
/// decoder behind it is shared.
#[inline(always)]
pub fn valid(bytes: &[u8], forbid: Forbid) -> bool {
    let m = Masks::of(forbid);
    #[cfg(target_pointer_width = "64")]
    if plain_ascii(bytes, m) {
        return true;
    }
    decodes(bytes, m)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both paths: the whole check, and the byte-wise decoder alone (what 32-bit targets run).
    fn check(bytes: &[u8], forbid: Forbid) -> bool {
        let whole = valid(bytes, forbid);
        assert_eq!(
            whole,
            decodes(bytes, Masks::of(forbid)),
            "{bytes:02x?} {forbid:?}"
        );
        whole
    }

    fn oracle(bytes: &[u8], forbid: Forbid) -> bool {
        let Ok(s) = core::str::from_utf8(bytes) else {
            return false;
        };
        match forbid {
            Forbid::Nothing => true,
            Forbid::Nul => !s.contains('\0'),
            Forbid::NulAndWildcards => !s.contains(['\0', '+', '#']),
        }
    }

    const ALL: [Forbid; 3] = [Forbid::Nothing, Forbid::Nul, Forbid::NulAndWildcards];

    /// A lone non-ASCII byte at every position of ASCII texts of every fast-path shape (one
    /// word, a word and a tail, two words, longer): the word check must flag it whatever the
    /// other terms of its mask give for that byte.
    #[test]
    fn lone_high_bytes_in_ascii_words() {
        for len in [1usize, 7, 8, 9, 15, 16, 17, 24, 33] {
            for at in 0..len {
                for high in 0x80u8..=0xff {
                    let mut text = [b'a'; 33];
                    text[at] = high;
                    for forbid in ALL {
                        assert!(!check(&text[..len], forbid), "{len} {at} {high:02x}");
                    }
                }
            }
        }
    }

    #[test]
    fn edge_cases() {
        let cases: &[&[u8]] = &[
            b"",
            b"a",
            b"/sys/a1X2bEnP82z/example1/thing/service/property/set",
            b"abcdefg+",
            b"#bcdefghijklmnop",
            b"abcdefghijklmno\0",
            "caf\u{e9}/\u{6d4b}/\u{1F600}".as_bytes(),
            &[0xC0, 0x80],
            &[0xC2, 0x80],
            &[0xE0, 0x9F, 0xBF],
            &[0xE0, 0xA0, 0x80],
            &[0xED, 0xA0, 0x80],
            &[0xED, 0x9F, 0xBF],
            &[0xF0, 0x8F, 0xBF, 0xBF],
            &[0xF4, 0x8F, 0xBF, 0xBF],
            &[0xF4, 0x90, 0x80, 0x80],
            &[0xF8, 0x88, 0x80, 0x80, 0x80],
            &[0xC3],
            &[b'a', 0xC3, 0x28],
            &[0x80],
            &[0xFF],
            b"0123456\x7f",
            b"\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x2a\x2c\x22\x24",
        ];
        for c in cases {
            for f in ALL {
                assert_eq!(check(c, f), oracle(c, f), "{c:02x?} {f:?}");
            }
        }
    }

    #[test]
    fn every_byte_at_every_position_agrees_with_core() {
        // Each byte value at each position of texts of 1..=20 bytes, and every pair of a
        // lead byte with a following byte: the word path, the tail and the decoder.
        for len in 1..=20usize {
            for pos in 0..len {
                for b in 0..=255u8 {
                    let mut t = vec![b'a'; len];
                    t[pos] = b;
                    for f in ALL {
                        assert_eq!(check(&t, f), oracle(&t, f), "{t:02x?} {f:?}");
                    }
                }
            }
        }
        for a in 0x80..=0xFFu8 {
            for b in 0..=255u8 {
                for c in [0x80u8, 0xBF, b'a'] {
                    let t = [b'x', a, b, c, 0x80, b'y'];
                    assert_eq!(check(&t, Forbid::Nul), oracle(&t, Forbid::Nul), "{t:02x?}");
                }
            }
        }
    }

    #[test]
    fn sequence_len_is_the_first_character_core_accepts() {
        let conts = [0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff];
        for lead in 0x80..=0xffu8 {
            for &a in &conts {
                for &b in &conts {
                    for &c in &conts {
                        for len in 1..=4 {
                            let t = &[lead, a, b, c][..len];
                            let want = match core::str::from_utf8(t) {
                                Ok(s) => s.chars().next().map_or(0, char::len_utf8),
                                Err(e) if e.valid_up_to() > 0 => e.valid_up_to(),
                                Err(_) => 0,
                            };
                            let first = core::str::from_utf8(&t[..want])
                                .map_or(0, |s| s.chars().next().map_or(0, char::len_utf8));
                            assert_eq!(sequence_len(t), first, "{t:02x?}");
                        }
                    }
                }
            }
        }
        assert_eq!(sequence_len(&[]), 0);
    }

    #[test]
    fn random_text_agrees_with_core() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let alphabet: &[u8] = &[
            b'a', b'/', b'+', b'#', 0, 0x7F, 0x80, 0xBF, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xFF,
        ];
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = (x % 24) as usize;
            let t: Vec<u8> = (0..len)
                .map(|i| alphabet[((x >> (i * 2 % 60)) as usize + i) % alphabet.len()])
                .collect();
            for f in ALL {
                assert_eq!(check(&t, f), oracle(&t, f), "{t:02x?} {f:?}");
            }
        }
    }
}
