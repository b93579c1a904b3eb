//! Which protocol captured bytes are, when the caller does not say: every decoder whose first
//! byte fits is run (without writing), and the one that reads the whole input wins.

use crate::diagnose::malformed::Malformed;
use crate::diagnose::{coap_explain, http_explain, mqtt_explain};

/// A protocol `explain` decodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protocol {
    /// MQTT 3.1.1 packets (one or more).
    Mqtt,
    /// One CoAP datagram.
    Coap,
    /// One HTTP/1.1 request.
    Http,
}

impl Protocol {
    /// The name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Protocol::Mqtt => "mqtt",
            Protocol::Coap => "coap",
            Protocol::Http => "http",
        }
    }
}

/// The guess, and a second protocol that also decodes the whole input, if one does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Guess {
    /// The protocol to explain the input as.
    pub protocol: Protocol,
    /// Another protocol that reads the input just as well (the report says so).
    pub also: Option<Protocol>,
}

/// What a candidate decoder says about the input.
struct Trial {
    protocol: Protocol,
    failure: Option<Malformed>,
}

/// Guesses the protocol of `input`.
///
/// Candidates by first byte: HTTP when it starts with a method letter, MQTT for packet types
/// 1..=14, CoAP for version 1 (`0x40..=0x7f`). A candidate that decodes everything beats one
/// that does not; among those that do, HTTP comes first, then CoAP when the datagram has an
/// option or a payload (a bare 4-byte header is more likely an MQTT ack), then MQTT. When
/// none decodes, the one that read furthest is chosen, so its error is the most telling.
pub fn guess(input: &[u8]) -> Guess {
    let first = input.first().copied().unwrap_or(0);
    let mut trials: [Option<Trial>; 3] = [None, None, None];
    if first.is_ascii_uppercase() {
        trials[0] = Some(Trial {
            protocol: Protocol::Http,
            failure: http_explain::check(input),
        });
    }
    let coap = Some(Trial {
        protocol: Protocol::Coap,
        failure: coap_explain::check(input),
    });
    let mqtt = Some(Trial {
        protocol: Protocol::Mqtt,
        failure: mqtt_explain::check(input),
    });
    let kind = first >> 4;
    let coap_fits = first >> 6 == 1;
    let mqtt_fits = (1..=14).contains(&kind);
    if coap_fits && coap_explain::has_content(input) {
        trials[1] = coap;
        trials[2] = if mqtt_fits { mqtt } else { None };
    } else {
        trials[1] = if mqtt_fits { mqtt } else { None };
        trials[2] = if coap_fits { coap } else { None };
    }
    let ok: [Option<Protocol>; 3] = trials.each_ref().map(|t| {
        t.as_ref()
            .filter(|t| t.failure.is_none())
            .map(|t| t.protocol)
    });
    let mut clean = ok.iter().flatten();
    if let Some(&protocol) = clean.next() {
        return Guess {
            protocol,
            also: clean.next().copied(),
        };
    }
    // `max_by_key` keeps the last of equals: reversed, the first candidate wins a tie.
    let furthest = trials
        .iter()
        .rev()
        .flatten()
        .max_by_key(|t| t.failure.map_or(0, |m| m.at))
        .map_or(Protocol::Mqtt, |t| t.protocol);
    Guess {
        protocol: furthest,
        also: None,
    }
}

#[cfg(test)]
mod guess_tests {
    use super::*;

    #[test]
    fn a_bare_four_byte_header_is_mqtt_first_then_coap() {
        // 40 02 00 01: an MQTT PUBACK of packet id 1, and also a CoAP POST header with no
        // option or payload. Without content CoAP ranks after MQTT.
        let g = guess(&[0x40, 0x02, 0x00, 0x01]);
        assert_eq!(
            g,
            Guess {
                protocol: Protocol::Mqtt,
                also: Some(Protocol::Coap),
            }
        );
    }

    #[test]
    fn pubrec_and_pubcomp_headers_are_guessed_as_mqtt() {
        // PUBREC (0x50), PUBCOMP (0x70): first bytes CoAP could also start with.
        for first in [0x50, 0x70] {
            let g = guess(&[first, 0x02, 0x00, 0x07]);
            assert_eq!(g.protocol, Protocol::Mqtt, "{first:#x}");
        }
    }
}
