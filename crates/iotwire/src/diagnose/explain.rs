//! `explain`: one JSON report of what captured bytes say, for MQTT, CoAP or HTTP, guessing the
//! protocol when the caller does not name it.
//!
//! Report: `{"protocol":"mqtt|coap|http","guessed":bool[,"also_decodes_as":".."],
//! "input_length":N, ...the protocol's fields...[,"error":{"at":N,"why":"..","need":N}]}`.
//! Malformed input is still a report (its `error` names the byte); the verdict returned next to
//! it says whether the bytes decode.

use crate::Error;
use crate::coap::session::KEY_LEN;
use crate::diagnose::guess::{Protocol, guess};
use crate::diagnose::json_writer::JsonWriter;
use crate::diagnose::{coap_explain, http_explain, mqtt_explain};
use crate::sink::Sink;

/// Which protocol to decode the input as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selector {
    /// Guess from the bytes ([`guess`]).
    Guess,
    /// This one.
    Is(Protocol),
}

/// Writes the report for `input` to `out`. Returns the verdict: `Ok(())` when the input
/// decodes, else the protocol's malformed error ([`Error::MqttMalformed`],
/// [`Error::CoapMalformed`], [`Error::HttpMalformedRequest`]). `Err` from the sink (a full
/// buffer) is the outer error.
pub fn explain<S: Sink + ?Sized>(
    input: &[u8],
    selector: Selector,
    key: Option<&[u8; KEY_LEN]>,
    out: &mut S,
) -> Result<Result<(), Error>, Error> {
    let (protocol, guessed, also) = match selector {
        Selector::Is(p) => (p, false, None),
        Selector::Guess => {
            let g = guess(input);
            (g.protocol, true, g.also)
        }
    };
    let mut w = JsonWriter::new(out);
    w.open()?;
    w.field_str("protocol", protocol.name())?;
    w.field_bool("guessed", guessed)?;
    if let Some(a) = also {
        w.field_str("also_decodes_as", a.name())?;
    }
    w.field_size("input_length", input.len())?;
    let failure = match protocol {
        Protocol::Mqtt => mqtt_explain::explain(input, &mut w)?,
        Protocol::Coap => coap_explain::explain(input, key, &mut w)?,
        Protocol::Http => http_explain::explain(input, &mut w)?,
    };
    w.close()?;
    Ok(match (failure, protocol) {
        (None, _) => Ok(()),
        (Some(_), Protocol::Mqtt) => Err(Error::MqttMalformed),
        (Some(_), Protocol::Coap) => Err(Error::CoapMalformed),
        (Some(_), Protocol::Http) => Err(Error::HttpMalformedRequest),
    })
}
