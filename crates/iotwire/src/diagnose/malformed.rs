//! Where and why captured bytes stop decoding: every decoder of this module reports a
//! [`Malformed`] instead of a bare error, so a report can point at the byte.

use crate::Error;
use crate::diagnose::json_writer::JsonWriter;
use crate::sink::Sink;

/// The first byte that breaks the format, and the rule it breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Malformed {
    /// Offset of the offending byte in the decoded input (the input length when it ended too
    /// early).
    pub at: usize,
    /// The rule, in words.
    pub why: &'static str,
    /// For truncated input: how many bytes the message needs in all.
    pub need: Option<usize>,
}

impl Malformed {
    /// A rule broken at `at`.
    pub fn at(at: usize, why: &'static str) -> Malformed {
        Malformed {
            at,
            why,
            need: None,
        }
    }

    /// Input that ends at `at`, where the message needs `need` bytes.
    pub fn truncated(at: usize, why: &'static str, need: usize) -> Malformed {
        Malformed {
            at,
            why,
            need: Some(need),
        }
    }

    /// The same finding, `by` bytes further into a larger input.
    pub fn shifted(self, by: usize) -> Malformed {
        Malformed {
            at: self.at.saturating_add(by),
            need: self.need.map(|n| n.saturating_add(by)),
            ..self
        }
    }

    /// `"error":{"at":N,"why":"...","need":M}`.
    pub fn write<S: Sink + ?Sized>(&self, w: &mut JsonWriter<'_, S>) -> Result<(), Error> {
        w.open_field("error")?;
        w.field_size("at", self.at)?;
        w.field_str("why", self.why)?;
        if let Some(need) = self.need {
            w.field_size("need", need)?;
        }
        w.close()
    }
}

#[cfg(test)]
mod malformed_tests {
    use super::*;

    #[test]
    fn shifted_moves_the_offset_and_the_needed_length() {
        let m = Malformed::truncated(3, "short", 10).shifted(5);
        assert_eq!(m, Malformed::truncated(8, "short", 15));
        let m = Malformed::at(2, "bad").shifted(7);
        assert_eq!(m, Malformed::at(9, "bad"));
        assert_eq!(m.need, None);
    }
}
