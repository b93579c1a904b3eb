//! What a platform topic may contain (seed 003, section 6):
//! - levels are separated by `/`, every level is non-empty, and a topic starts with `/`;
//! - a category (level) is letters, digits and `_`; levels that hold a DeviceName may also
//!   have the DeviceName characters `@ . : -`, so those are accepted in any level;
//! - `+` (one whole level) and `#` (the whole last level) only in subscriptions;
//! - at most 65535 bytes (the MQTT string limit; the seeds give no tighter one).

use crate::Error;

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

/// A character of a custom category: letter, digit or `_`.
pub fn is_category_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// A character allowed in a topic level (category characters plus the DeviceName extras).
fn is_level_char(c: u8) -> bool {
    is_category_char(c) || matches!(c, b'@' | b'.' | b':' | b'-')
}

/// One level of a topic: non-empty, level characters or (subscriptions) a wildcard.
fn level_ok(level: &[u8], last: bool, usage: Usage) -> bool {
    match (level, usage) {
        (b"+", Usage::Subscribe) => true,
        (b"#", Usage::Subscribe) => last,
        _ => !level.is_empty() && level.iter().all(|&c| is_level_char(c)),
    }
}

/// Checks a whole topic or filter.
pub fn validate(topic: &[u8], usage: Usage) -> Result<(), Error> {
    let Some(rest) = topic.strip_prefix(b"/") else {
        return Err(Error::InvalidTopic);
    };
    if topic.len() > TOPIC_MAX {
        return Err(Error::InvalidTopic);
    }
    let mut levels = rest.split(|&c| c == b'/').peekable();
    while let Some(level) = levels.next() {
        if !level_ok(level, levels.peek().is_none(), usage) {
            return Err(Error::InvalidTopic);
        }
    }
    Ok(())
}

/// Checks a caller's custom suffix (the part after `/user/`): one or more categories of
/// letters, digits and `_`; in a subscription also `+` levels and a last `#` level.
pub fn custom_suffix(name: &[u8]) -> Result<(), Error> {
    let mut levels = name.split(|&c| c == b'/').peekable();
    while let Some(level) = levels.next() {
        let ok = match level {
            b"+" => true,
            b"#" => levels.peek().is_none(),
            _ => identifier(level).is_ok(),
        };
        if !ok {
            return Err(Error::InvalidTopic);
        }
    }
    Ok(())
}

/// Checks an identifier (one category): non-empty letters, digits and `_`.
pub fn identifier(name: &[u8]) -> Result<(), Error> {
    if !name.is_empty() && name.iter().all(|&c| is_category_char(c)) {
        Ok(())
    } else {
        Err(Error::InvalidTopic)
    }
}

/// True when `topic` contains a wildcard level.
pub fn has_wildcard(topic: &[u8]) -> bool {
    topic.iter().any(|&c| c == b'+' || c == b'#')
}
