//! Fills a topic template with the device's ProductKey, DeviceName and the caller's name.

use crate::Error;
use crate::mqtt::validate;
use crate::sink::Sink;
use crate::topics::kind::{Kind, NameRule, Part};
use crate::topics::rules;

/// Prefix that turns a topic into the CoAP/HTTP resource path (`/topic/${topic}`).
pub const URI_PREFIX: &[u8] = b"/topic";

/// The inputs of one topic.
#[derive(Clone, Copy, Debug)]
pub struct TopicInput<'a> {
    /// Which topic.
    pub kind: Kind,
    /// ProductKey.
    pub product_key: &'a [u8],
    /// DeviceName.
    pub device_name: &'a [u8],
    /// The name the kind takes (empty when it takes none).
    pub name: &'a [u8],
    /// Write the CoAP/HTTP path `/topic/...` instead of the MQTT topic.
    pub uri_path: bool,
    /// Accept legacy names (only lengths and the topic separators are checked).
    pub lax_names: bool,
}

/// Lax names still may not carry what would change the topic's structure.
fn structural(s: &[u8]) -> bool {
    s.iter().any(|&c| matches!(c, b'/' | b'+' | b'#'))
}

fn check(t: &TopicInput<'_>) -> Result<(), Error> {
    validate::product_key(t.product_key, t.lax_names)?;
    validate::device_name(t.device_name, t.lax_names)?;
    if t.product_key.is_empty() || structural(t.product_key) {
        return Err(Error::InvalidProductKey);
    }
    if t.device_name.is_empty() || structural(t.device_name) {
        return Err(Error::InvalidDeviceName);
    }
    match t.kind.name {
        NameRule::None if !t.name.is_empty() => Err(Error::InvalidArgument),
        NameRule::None => Ok(()),
        _ if t.name.is_empty() => Err(Error::MissingField),
        NameRule::Identifier => rules::identifier(t.name),
        NameRule::IdentifierOrPlus if t.name == b"+" => Ok(()),
        NameRule::IdentifierOrPlus => rules::identifier(t.name),
        NameRule::Levels => rules::custom_suffix(t.name),
    }?;
    // A filter has no CoAP/HTTP path: those only publish.
    if t.uri_path && rules::has_wildcard(t.name) {
        return Err(Error::InvalidTopic);
    }
    Ok(())
}

/// Writes the topic (or its `/topic/...` path).
pub fn write_topic<S: Sink>(t: &TopicInput<'_>, s: &mut S) -> Result<(), Error> {
    check(t)?;
    if t.uri_path {
        s.put(URI_PREFIX)?;
    }
    for part in t.kind.parts {
        match part {
            Part::Lit(text) => s.put(text)?,
            Part::Pk => s.put(t.product_key)?,
            Part::Dn => s.put(t.device_name)?,
            Part::Name => s.put(t.name)?,
        }
    }
    Ok(())
}
