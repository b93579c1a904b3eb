//! Fills a topic template with the device's ProductKey, DeviceName and the caller's name.

use crate::Error;
use crate::mqtt::validate;
use crate::sink::Text;
use crate::topics::kind::{self, Kind, NameRule, PK};
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

/// Checks the names against the kind: ProductKey and DeviceName (strict, or lax with no
/// topic separator), and the name as the kind's rule says.
#[inline(never)]
pub fn check(t: &TopicInput<'_>) -> Result<(), Error> {
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

/// Writes `template` with its placeholders replaced by `values` (ProductKey, DeviceName,
/// name; a prefix placeholder here writes nothing).
#[inline(never)]
fn fill(template: &[u8], values: &[&[u8]; 3], out: &mut dyn Text) {
    let mut rest = template;
    while let Some(at) = rest.iter().position(|&c| c < 0x20) {
        let (literal, tail) = rest.split_at_checked(at).unwrap_or((rest, &[]));
        out.put(literal);
        let Some((&placeholder, tail)) = tail.split_first() else {
            break;
        };
        let slot = usize::from(placeholder.wrapping_sub(PK));
        out.put(values.get(slot).copied().unwrap_or_default());
        rest = tail;
    }
    out.put(rest);
}

/// Writes the topic (or its `/topic/...` path) of an input [`check`] accepted.
pub fn write_topic(t: &TopicInput<'_>, out: &mut dyn Text) {
    if t.uri_path {
        out.put(URI_PREFIX);
    }
    let values = [t.product_key, t.device_name, t.name];
    let mut template = t.kind.template;
    // A template starts with at most one prefix placeholder, which is a template itself.
    if let Some((prefix, tail)) = template
        .split_first()
        .and_then(|(&first, tail)| Some((kind::prefix(first)?, tail)))
    {
        fill(prefix, &values, out);
        template = tail;
    }
    fill(template, &values, out);
    if t.kind.reply {
        out.put(b"_reply");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::topics::kind;

    fn input<'a>(kind: Kind, pk: &'a [u8], name: &'a [u8], lax: bool) -> TopicInput<'a> {
        TopicInput {
            kind,
            product_key: pk,
            device_name: b"example1",
            name,
            uri_path: false,
            lax_names: lax,
        }
    }

    /// Lax names skip the character classes, not the topic separators.
    #[test]
    fn lax_names_still_refuse_separators() {
        let post = kind::from_index(1).unwrap(); // PROPERTY_POST
        assert_eq!(check(&input(post, b"a1 b", b"", true)), Ok(()));
        for pk in [&b"a1/b"[..], b"a1+b", b"a1#b"] {
            assert_eq!(
                check(&input(post, pk, b"", true)),
                Err(Error::InvalidProductKey),
                "{pk:?}"
            );
        }
    }

    /// The RRPC request filter takes `+` (every request) or one identifier, nothing else.
    #[test]
    fn rrpc_request_takes_plus_or_an_identifier() {
        let rrpc = kind::from_index(15).unwrap(); // RRPC_REQUEST
        assert_eq!(rrpc.name, NameRule::IdentifierOrPlus);
        let pk = b"a1X2bEnP82z";
        assert_eq!(check(&input(rrpc, pk, b"+", false)), Ok(()));
        assert_eq!(check(&input(rrpc, pk, b"1234", false)), Ok(()));
        for bad in [&b"#"[..], b"a/b", b"++"] {
            assert!(check(&input(rrpc, pk, bad, false)).is_err(), "{bad:?}");
        }
    }
}
