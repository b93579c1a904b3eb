//! Topic templates as data. Sources: seed 003 section 6 (custom topics), section 8.4 and the
//! legacy SDK (OTA), iotkit-embedded 3.2.0 `dm_msg_process.c` and `shadow_common.c` (thing
//! model, shadow, RRPC, NTP, replies).
//!
//! Every template is one constant string in which a byte below 0x20 stands for a value:
//! [`PK`], [`DN`], [`NAME`], or a shared prefix ([`SYS`], [`OTA`]) that is itself a template.
//! The strings live back to back in one array, found through a table of offsets; a reply
//! kind is its request's template with `_reply` appended. (As tables of `(kind, text)` parts
//! the 25 topics took about 1.5 KB of slice tables; as text they are about 0.4 KB.)

/// The ProductKey. [`DN`] and [`NAME`] follow it, so a placeholder minus `PK` indexes the
/// values `[pk, dn, name]`.
pub const PK: u8 = 1;
/// The DeviceName.
pub const DN: u8 = 2;
/// The caller's name (custom suffix, event or service identifier, RRPC message id).
pub const NAME: u8 = 3;
/// `/sys/${pk}/${dn}/` (the thing-model prefix).
pub const SYS: u8 = 4;
/// `/ota/device/`.
pub const OTA: u8 = 5;

/// What the caller's name may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameRule {
    /// The template takes no name; a given one is an error.
    None,
    /// One level: an identifier of letters, digits and `_`.
    Identifier,
    /// One level: an identifier, or `+` (subscribe to all, e.g. every RRPC request).
    IdentifierOrPlus,
    /// One or more levels of identifiers; `+` levels and a last `#` level make a filter.
    Levels,
}

/// A device topic the builder knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kind {
    /// The template (placeholders as above).
    pub template: &'static [u8],
    /// `_reply` follows the template.
    pub reply: bool,
    /// What the name may be.
    pub name: NameRule,
}

/// The distinct templates, in table order. Only used to build [`TEXT`] and [`OFFSETS`] at
/// compile time: nothing of this list is in the binary.
const TEMPLATES: [&[u8]; 18] = [
    b"/\x01/\x02/user/\x03",
    b"\x04thing/event/property/post",
    b"\x04thing/event/\x03/post",
    b"\x04thing/service/property/set",
    b"\x04thing/service/\x03",
    b"\x05inform/\x01/\x02",
    b"\x05upgrade/\x01/\x02",
    b"\x05progress/\x01/\x02",
    b"\x05request/\x01/\x02",
    b"/shadow/update/\x01/\x02",
    b"/shadow/get/\x01/\x02",
    b"\x04rrpc/request/\x03",
    b"\x04rrpc/response/\x03",
    b"\x04thing/model/up_raw",
    b"\x04thing/model/down_raw",
    b"\x04thing/deviceinfo/update",
    b"/ext/ntp/\x01/\x02/request",
    b"/ext/ntp/\x01/\x02/response",
];

/// Where the prefixes' templates are (their placeholder byte - [`SYS`] indexes this).
const PREFIXES: [&[u8]; 2] = [b"/sys/\x01/\x02/", b"/ota/device/"];

/// Bytes of all templates and prefixes together.
// Evaluated by the compiler: an index out of range or an overflow is a build error, never
// a run-time panic.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::as_conversions
)]
const TOTAL: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < TEMPLATES.len() {
        n += TEMPLATES[i].len();
        i += 1;
    }
    let mut j = 0;
    while j < PREFIXES.len() {
        n += PREFIXES[j].len();
        j += 1;
    }
    n
};

/// The templates, then the prefixes, back to back.
// Evaluated by the compiler: an index out of range or an overflow is a build error, never
// a run-time panic.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::as_conversions
)]
static TEXT: [u8; TOTAL] = {
    let mut t = [0u8; TOTAL];
    let mut at = 0;
    let mut i = 0;
    while i < TEMPLATES.len() + PREFIXES.len() {
        let s = if i < TEMPLATES.len() {
            TEMPLATES[i]
        } else {
            PREFIXES[i - TEMPLATES.len()]
        };
        let mut k = 0;
        while k < s.len() {
            t[at] = s[k];
            at += 1;
            k += 1;
        }
        i += 1;
    }
    t
};

/// Start of each template and prefix in [`TEXT`], and the end of the last one.
// Evaluated by the compiler: an index out of range or an overflow is a build error, never
// a run-time panic.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::as_conversions
)]
const OFFSETS: [u16; TEMPLATES.len() + PREFIXES.len() + 1] = {
    let mut o = [0u16; TEMPLATES.len() + PREFIXES.len() + 1];
    let mut i = 0;
    while i < TEMPLATES.len() + PREFIXES.len() {
        let len = if i < TEMPLATES.len() {
            TEMPLATES[i].len()
        } else {
            PREFIXES[i - TEMPLATES.len()].len()
        };
        o[i + 1] = o[i] + len as u16;
        i += 1;
    }
    o
};

/// Template `index` of [`TEXT`] (templates first, then the prefixes).
fn text(index: usize) -> &'static [u8] {
    let at = |i: usize| OFFSETS.get(i).map_or(0, |&o| usize::from(o));
    TEXT.get(at(index)..at(index.saturating_add(1)))
        .unwrap_or_default()
}

/// The template a prefix placeholder stands for, or `None` for any other byte.
pub fn prefix(placeholder: u8) -> Option<&'static [u8]> {
    let i = usize::from(placeholder.checked_sub(SYS)?);
    (i < PREFIXES.len()).then(|| text(TEMPLATES.len().saturating_add(i)))
}

/// One kind as a byte: template index (low 5 bits), `_reply` (bit 5) and the name rule
/// (bits 6 and 7: 0 none, 1 identifier, 2 identifier or `+`, 3 levels).
const fn kind(template: u8, reply: bool, rule: u8) -> u8 {
    template | if reply { REPLY } else { 0 } | rule << 6
}
const REPLY: u8 = 0x20;
const NONE: u8 = 0;
const IDENT: u8 = 1;
const IDENT_OR_PLUS: u8 = 2;
const LEVELS: u8 = 3;

/// Each kind, in `IOTWIRE_TOPIC_KIND_*` order.
const KINDS: [u8; 25] = [
    kind(0, false, LEVELS),         // CUSTOM
    kind(1, false, NONE),           // PROPERTY_POST
    kind(1, true, NONE),            // PROPERTY_POST_REPLY
    kind(2, false, IDENT),          // EVENT_POST
    kind(2, true, IDENT),           // EVENT_POST_REPLY
    kind(3, false, NONE),           // PROPERTY_SET
    kind(3, true, NONE),            // PROPERTY_SET_REPLY
    kind(4, false, IDENT),          // SERVICE
    kind(4, true, IDENT),           // SERVICE_REPLY
    kind(5, false, NONE),           // OTA_INFORM
    kind(6, false, NONE),           // OTA_UPGRADE
    kind(7, false, NONE),           // OTA_PROGRESS
    kind(8, false, NONE),           // OTA_REQUEST
    kind(9, false, NONE),           // SHADOW_UPDATE
    kind(10, false, NONE),          // SHADOW_GET
    kind(11, false, IDENT_OR_PLUS), // RRPC_REQUEST
    kind(12, false, IDENT),         // RRPC_RESPONSE
    kind(13, false, NONE),          // MODEL_UP_RAW
    kind(13, true, NONE),           // MODEL_UP_RAW_REPLY
    kind(14, false, NONE),          // MODEL_DOWN_RAW
    kind(14, true, NONE),           // MODEL_DOWN_RAW_REPLY
    kind(15, false, NONE),          // DEVICEINFO_UPDATE
    kind(15, true, NONE),           // DEVICEINFO_UPDATE_REPLY
    kind(16, false, NONE),          // NTP_REQUEST
    kind(17, false, NONE),          // NTP_RESPONSE
];

/// The number of kinds; selectors are `0..COUNT`.
pub const COUNT: u32 = 25;

/// The kind behind a selector number (the C ABI's `IOTWIRE_TOPIC_KIND_*`, in this order).
pub fn from_index(index: u32) -> Option<Kind> {
    let k = *KINDS.get(usize::try_from(index).ok()?)?;
    Some(Kind {
        template: text(usize::from(k & 0x1F)),
        reply: k & REPLY != 0,
        name: match k >> 6 {
            NONE => NameRule::None,
            IDENT => NameRule::Identifier,
            IDENT_OR_PLUS => NameRule::IdentifierOrPlus,
            _ => NameRule::Levels,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The template text is exactly the templates and prefixes: no unused bytes of flash.
    #[test]
    fn template_text_holds_every_template_and_nothing_more() {
        let sum: usize = TEMPLATES
            .iter()
            .chain(PREFIXES.iter())
            .map(|t| t.len())
            .sum();
        assert_eq!(TEXT.len(), sum);
    }

    /// Only the two prefix placeholders name a prefix.
    #[test]
    fn prefixes_are_sys_and_ota_only() {
        assert_eq!(prefix(SYS), Some(&b"/sys/\x01/\x02/"[..]));
        assert_eq!(prefix(OTA), Some(&b"/ota/device/"[..]));
        assert_eq!(prefix(OTA + 1), None);
        assert_eq!(prefix(PK), None);
    }
}
