//! What a platform topic may contain (seed 003, section 6):
//! - levels are separated by `/`, every level is non-empty, and a topic starts with `/`;
//! - a category (level) is letters, digits and `_`; levels that hold a DeviceName may also
//!   have the DeviceName characters `@ . : -`, so those are accepted in any level;
//! - `+` (one whole level) and `#` (the whole last level) only in subscriptions;
//! - at most 65535 bytes (the MQTT string limit; the seeds give no tighter one).

use crate::Error;
use crate::mqtt::validate::{check, class};

/// Longest topic (MQTT's u16 string length).
pub const TOPIC_MAX: usize = 65_535;

/// What a topic is used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Usage {
    /// A topic name: no wildcards.
    Publish,
    /// A topic filter: `+` and a last `#` allowed.
    Subscribe,
}

/// The characters of a custom category: letters, digits and `_`.
const CATEGORY: u16 = class::ALNUM | class::UNDERSCORE;
/// The characters allowed in any level: a category's, plus the DeviceName extras `@ . : -`.
const LEVEL: u16 = CATEGORY | class::AT | class::DOT_COLON | class::DASH;

/// True when every `/`-separated level of `levels` is one or more `allowed` characters, or
/// (with `wildcards`) `+`, or `#` as the last level.
fn levels_ok(levels: &[u8], allowed: u16, wildcards: bool) -> bool {
    let mut rest = levels.split(|&c| c == b'/').peekable();
    while let Some(level) = rest.next() {
        let ok = match level {
            b"+" => wildcards,
            b"#" => wildcards && rest.peek().is_none(),
            _ => check(level, 1, TOPIC_MAX, allowed),
        };
        if !ok {
            return false;
        }
    }
    true
}

fn ok_or_invalid(ok: bool) -> Result<(), Error> {
    if ok { Ok(()) } else { Err(Error::InvalidTopic) }
}

/// Checks a whole topic or filter.
pub fn validate(topic: &[u8], usage: Usage) -> Result<(), Error> {
    let ok = match topic.strip_prefix(b"/") {
        Some(rest) => topic.len() <= TOPIC_MAX && levels_ok(rest, LEVEL, usage == Usage::Subscribe),
        None => false,
    };
    ok_or_invalid(ok)
}

/// Checks a caller's custom suffix (the part after `/user/`): one or more categories of
/// letters, digits and `_`; in a subscription also `+` levels and a last `#` level.
pub fn custom_suffix(name: &[u8]) -> Result<(), Error> {
    ok_or_invalid(levels_ok(name, CATEGORY, true))
}

/// Checks an identifier (one category): non-empty letters, digits and `_`.
pub fn identifier(name: &[u8]) -> Result<(), Error> {
    ok_or_invalid(check(name, 1, TOPIC_MAX, CATEGORY))
}

/// True when `topic` contains a wildcard level.
pub fn has_wildcard(topic: &[u8]) -> bool {
    topic.iter().any(|&c| c == b'+' || c == b'#')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A whole topic's levels take the DeviceName extras (`@ . : -`) besides letters, digits
    /// and `_`; a custom category takes only the latter.
    #[test]
    fn levels_take_the_device_name_extras() {
        for extra in [&b"@"[..], b".", b":", b"-", b"_"] {
            let topic = [&b"/a1X2bEnP82z/dev"[..], extra, b"x/user/get"].concat();
            assert_eq!(validate(&topic, Usage::Publish), Ok(()), "{extra:?}");
            let name = [&b"cat"[..], extra].concat();
            let want = if extra == b"_" {
                Ok(())
            } else {
                Err(Error::InvalidTopic)
            };
            assert_eq!(custom_suffix(&name), want, "{extra:?}");
        }
        assert_eq!(
            validate(b"/a/b c", Usage::Publish),
            Err(Error::InvalidTopic)
        );
    }
}
