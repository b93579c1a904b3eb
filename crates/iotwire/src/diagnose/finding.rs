//! What the CONNECT checker reports, and how: a [`Finding`] per field (`field`, `expected`,
//! `got`, `why`), handed to a [`Report`]. The checker keeps no list (there is no allocator):
//! it runs once per report section, and each [`Report`] keeps what it is asked for: the
//! counts, the problems, the notes or the facts.

use crate::Error;
use crate::diagnose::json_writer::JsonWriter;
use crate::hex::HexCase;
use crate::sink::Sink;

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The platform refuses the CONNECT because of it.
    Problem,
    /// Worth knowing, not a refusal (e.g. a difference from the named legacy build).
    Note,
    /// What the checker worked with (mode, sign method, sign content): `expected` is the value.
    Fact,
}

/// A value in a finding.
#[derive(Clone, Copy, Debug)]
pub enum Val<'a> {
    /// Not there (`null`).
    Absent,
    /// Bytes from the packet or the device (text, or hex when not UTF-8).
    Text(&'a [u8]),
    /// Pieces written one after the other (a sign content, `<dn>&<pk>`).
    Parts(&'a [&'a [u8]]),
    /// A description.
    Str(&'static str),
    /// A number.
    Num(u32),
    /// A MAC as hex text, in the given case.
    Hex(&'a [u8], HexCase),
}

/// One finding about one field.
#[derive(Clone, Copy, Debug)]
pub struct Finding<'a> {
    /// Problem, note or fact.
    pub severity: Severity,
    /// The field (`password`, `securemode`, a client-id parameter's key, ...).
    pub field: &'a [u8],
    /// What the platform (or the named build) expects; for a fact, the value.
    pub expected: Val<'a>,
    /// What the packet has.
    pub got: Val<'a>,
    /// Why it matters.
    pub why: &'static str,
    /// Offset in the packet, where one byte is to blame.
    pub at: Option<usize>,
}

impl<'a> Finding<'a> {
    /// A refusal.
    pub fn problem(field: &'a str, expected: Val<'a>, got: Val<'a>, why: &'static str) -> Self {
        Finding {
            severity: Severity::Problem,
            field: field.as_bytes(),
            expected,
            got,
            why,
            at: None,
        }
    }

    /// A note.
    pub fn note(field: &'a [u8], expected: Val<'a>, got: Val<'a>, why: &'static str) -> Self {
        Finding {
            severity: Severity::Note,
            field,
            expected,
            got,
            why,
            at: None,
        }
    }

    /// A fact: `"name": value`.
    pub fn fact(name: &'a str, value: Val<'a>) -> Self {
        Finding {
            severity: Severity::Fact,
            field: name.as_bytes(),
            expected: value,
            got: Val::Absent,
            why: "",
            at: None,
        }
    }

    /// The same finding, pinned to byte `at` of the packet.
    pub fn at(self, at: usize) -> Self {
        Finding {
            at: Some(at),
            ..self
        }
    }
}

/// Receives the findings of one run of the checker.
pub trait Report {
    /// One finding.
    fn add(&mut self, f: Finding<'_>) -> Result<(), Error>;
}

/// Counts problems and notes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Refusals.
    pub problems: u32,
    /// Notes.
    pub notes: u32,
}

impl Report for Counts {
    fn add(&mut self, f: Finding<'_>) -> Result<(), Error> {
        match f.severity {
            Severity::Problem => self.problems = self.problems.saturating_add(1),
            Severity::Note => self.notes = self.notes.saturating_add(1),
            Severity::Fact => {}
        }
        Ok(())
    }
}

/// Writes the findings of one severity: problems and notes as array elements
/// (`{"field","expected","got","why"[,"at"]}`), facts as members (`"field": value`).
pub struct Emit<'w, 's, S: Sink + ?Sized> {
    /// The report being written.
    pub w: &'w mut JsonWriter<'s, S>,
    /// Which findings this pass writes.
    pub severity: Severity,
}

impl<S: Sink + ?Sized> Report for Emit<'_, '_, S> {
    fn add(&mut self, f: Finding<'_>) -> Result<(), Error> {
        if f.severity != self.severity {
            return Ok(());
        }
        if f.severity == Severity::Fact {
            let name = core::str::from_utf8(f.field).unwrap_or("fact");
            return write_val(self.w, name, f.expected);
        }
        let w = &mut *self.w;
        w.open()?;
        w.field_text("field", f.field)?;
        write_val(w, "expected", f.expected)?;
        write_val(w, "got", f.got)?;
        w.field_str("why", f.why)?;
        if let Some(at) = f.at {
            w.field_size("at", at)?;
        }
        w.close()
    }
}

fn write_val<S: Sink + ?Sized>(
    w: &mut JsonWriter<'_, S>,
    key: &str,
    v: Val<'_>,
) -> Result<(), Error> {
    match v {
        Val::Absent => {
            w.key(key)?;
            w.null()
        }
        Val::Text(t) => w.field_text(key, t),
        Val::Parts(p) => w.field_parts(key, p),
        Val::Str(s) => w.field_str(key, s),
        Val::Num(n) => w.field_uint(key, n),
        Val::Hex(bytes, case) => w.field_hex_case(key, bytes, case),
    }
}

#[cfg(test)]
mod finding_tests {
    use super::*;

    #[test]
    fn at_pins_the_finding_and_keeps_the_rest() {
        let f = Finding::problem("keepalive", Val::Num(30), Val::Num(5), "too short").at(10);
        assert_eq!(f.at, Some(10));
        assert_eq!(f.severity, Severity::Problem);
        assert_eq!((f.field, f.why), (&b"keepalive"[..], "too short"));
        assert!(matches!((f.expected, f.got), (Val::Num(30), Val::Num(5))));
        // A later `at` replaces the first.
        assert_eq!(f.at(3).at, Some(3));
    }
}
