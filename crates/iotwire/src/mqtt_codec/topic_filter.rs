//! MQTT's own rules for topic names and topic filters (MQTT 3.1.1 section 4.7): what any
//! broker accepts. The platform's stricter rules are in `core::topics`.

use crate::Error;
use crate::mqtt_codec::field::{STRING_MAX, is_mqtt_text};
use crate::utf8::{self, Forbid};

/// A topic name (PUBLISH): 1..=65535 bytes of MQTT text without `+` or `#`.
pub fn topic_name(topic: &[u8]) -> Result<(), Error> {
    if is_topic_name(topic) {
        Ok(())
    } else {
        Err(Error::InvalidTopic)
    }
}

/// [`topic_name`] as a test: what a PUBLISH may carry in either direction. Inline: the
/// decoder's hot path (on 64-bit hosts its word loop then runs with constant masks).
#[inline(always)]
pub fn is_topic_name(topic: &[u8]) -> bool {
    !topic.is_empty() && topic.len() <= STRING_MAX && utf8::valid(topic, Forbid::NulAndWildcards)
}

/// A topic filter (SUBSCRIBE, UNSUBSCRIBE): like a name, but `+` may fill a whole level and
/// `#` the whole last level. (Both are ASCII, so a byte test cannot hit a UTF-8 sequence.)
pub fn topic_filter(filter: &[u8]) -> Result<(), Error> {
    if filter.is_empty() || !is_mqtt_text(filter) {
        return Err(Error::InvalidTopic);
    }
    let mut prev = b'/';
    let mut rest = filter.iter().peekable();
    while let Some(&c) = rest.next() {
        let next = rest.peek().copied().copied();
        let ok = match c {
            b'+' => prev == b'/' && matches!(next, None | Some(b'/')),
            b'#' => prev == b'/' && next.is_none(),
            _ => true,
        };
        if !ok {
            return Err(Error::InvalidTopic);
        }
        prev = c;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_examples() {
        // MQTT 3.1.1 section 4.7.1.
        for ok in [
            "sport/tennis/player1/#",
            "sport/#",
            "#",
            "+",
            "+/tennis/#",
            "sport/+/player1",
            "/+",
            "+/+",
        ] {
            assert!(topic_filter(ok.as_bytes()).is_ok(), "{ok}");
        }
        for bad in [
            "sport/tennis#",
            "sport/tennis/#/ranking",
            "sport+",
            "",
            "a/#/",
        ] {
            assert!(topic_filter(bad.as_bytes()).is_err(), "{bad}");
        }
        assert!(topic_name(b"/a/b").is_ok());
        assert!(topic_name(b"/a/+").is_err());
        assert!(topic_name(b"").is_err());
        assert!(topic_name(b"a\0").is_err());
    }
}
