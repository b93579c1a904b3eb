//! MQTT's own rules for topic names and topic filters (MQTT 3.1.1 section 4.7): what any
//! broker accepts. The platform's stricter rules are in `core::topics`.

use crate::Error;
use crate::mqtt_codec::field::is_mqtt_text;

/// A topic name (PUBLISH): 1..=65535 bytes of MQTT text without `+` or `#`.
pub fn topic_name(topic: &[u8]) -> Result<(), Error> {
    let ok = !topic.is_empty() && is_mqtt_text(topic) && !topic.iter().any(|&c| is_wildcard(c));
    if ok { Ok(()) } else { Err(Error::InvalidTopic) }
}

/// A topic filter (SUBSCRIBE, UNSUBSCRIBE): like a name, but `+` may fill a whole level and
/// `#` the whole last level.
pub fn topic_filter(filter: &[u8]) -> Result<(), Error> {
    if filter.is_empty() || !is_mqtt_text(filter) {
        return Err(Error::InvalidTopic);
    }
    let mut levels = filter.split(|&c| c == b'/').peekable();
    while let Some(level) = levels.next() {
        let last = levels.peek().is_none();
        let ok = match level {
            b"+" => true,
            b"#" => last,
            _ => !level.iter().any(|&c| is_wildcard(c)),
        };
        if !ok {
            return Err(Error::InvalidTopic);
        }
    }
    Ok(())
}

fn is_wildcard(c: u8) -> bool {
    c == b'+' || c == b'#'
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
