//! Client-id parameter lists as data: each layout is one constant string of `k=v` items
//! separated by `,`, in the order the documentation or a legacy SDK writes them, where a byte
//! below 0x20 stands for a value of the credential ([`SLOTS`]). One small interpreter,
//! [`render`], writes any of them. (As tables of items, the sixteen layouts took about 1.5 KB
//! of slice tables plus the code walking them; as strings they are their own bytes.)
//!
//! An item is a literal followed by at most one slot byte. An item whose optional slot has an
//! empty value is left out, with its comma:
//! `timestamp=\x03` disappears without a timestamp, and the item made of the extras slot alone
//! disappears without extras.

use crate::sink::Text;

/// The values a layout can refer to, as a slot byte: 1 `securemode` value, 2 sign method name,
/// 3 timestamp (optional), 4 random, 5 `authType` (`register`/`regnwl`), 6 instance id
/// (optional), 7 the caller's extra `k=v[,k=v]` (optional). The values array is indexed by
/// slot byte directly (index 0 unused), so it has one entry more than there are slots.
pub const SLOTS: usize = 8;

/// Slots whose empty value drops their item.
fn optional(slot: u8) -> bool {
    matches!(slot, 3 | 6 | 7)
}

/// Writes the items of `layout` with `values` (indexed by slot byte), separated by `,`.
#[inline(never)]
pub fn render(layout: &[u8], values: &[&[u8]; SLOTS], t: &mut dyn Text) {
    let value = |slot: u8| values.get(usize::from(slot)).copied().unwrap_or_default();
    let mut sep: &[u8] = b"";
    for item in layout.split(|&c| c == b',') {
        // An item is a literal and at most one slot: `k=\x0N` or `\x0N` alone.
        let (literal, slot) = match item.split_last() {
            Some((&last, head)) if last < 0x20 => (head, Some(last)),
            _ => (item, None),
        };
        let v = slot.map(value).unwrap_or_default();
        if slot.is_some_and(optional) && v.is_empty() {
            continue;
        }
        t.put(sep);
        t.put(literal);
        t.put(v);
        sep = b",";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::Counter;

    struct Collect(std::vec::Vec<u8>);
    impl Text for Collect {
        fn put(&mut self, bytes: &[u8]) {
            self.0.extend_from_slice(bytes);
        }
    }

    fn run(layout: &[u8], values: [&[u8]; SLOTS]) -> std::string::String {
        let mut c = Collect(std::vec::Vec::new());
        render(layout, &values, &mut c);
        let mut n = Counter::new();
        render(layout, &values, &mut n);
        assert_eq!(n.len(), c.0.len());
        std::string::String::from_utf8(c.0).unwrap()
    }

    #[test]
    fn empty_mandatory_slots_keep_their_item_and_a_trailing_space_is_literal() {
        // Only slots 3, 6 and 7 are optional: an empty securemode (1), method (2), random (4)
        // or authType (5) still writes its key.
        let layout = b"securemode=\x01,signmethod=\x02,random=\x04,authType=\x05,x ";
        let v = [&b""[..]; SLOTS];
        assert_eq!(
            run(layout, v),
            "securemode=,signmethod=,random=,authType=,x "
        );
    }

    #[test]
    fn slots_and_optional_items() {
        let layout = b"securemode=\x01,signmethod=\x02,timestamp=\x03,\x07";
        let v = [&b""[..], b"2", b"hmacsha256", b"", b"", b"", b"", b""];
        assert_eq!(run(layout, v), "securemode=2,signmethod=hmacsha256");
        let v = [
            &b""[..],
            b"3",
            b"hmacmd5",
            b"123",
            b"",
            b"",
            b"",
            b"a=1,b=2",
        ];
        assert_eq!(
            run(layout, v),
            "securemode=3,signmethod=hmacmd5,timestamp=123,a=1,b=2"
        );
        // A layout starting with an optional item that is dropped: no leading comma.
        let v = [&b""[..], b"2", b"x", b"", b"", b"", b"", b"e=1"];
        assert_eq!(run(b"t=\x03,lit,\x07", v), "lit,e=1");
        // A slot alone, a literal alone, a slot after a literal.
        let v = [&b""[..], b"A", b"B", b"", b"", b"", b"", b""];
        assert_eq!(run(b"\x01,lit,x=\x02", v), "A,lit,x=B");
    }
}
