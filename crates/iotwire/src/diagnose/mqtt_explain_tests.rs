//! Tests of `mqtt_explain.rs`, written from the mutants it missed (kept apart, so that file
//! stays about the decoding). Packets are written by hand from MQTT 3.1.1 (sections 2 and 3).

use super::*;
use crate::diagnose::test_report::report_of;
use serde_json::Value;
use std::vec::Vec;

/// The report `explain` writes for `input` (inside an object, as `explain::explain` does),
/// parsed, and the failure it returns.
fn explained(input: &[u8]) -> (Value, Option<Malformed>) {
    report_of(|w| explain(input, w))
}

/// The packets of a report that decodes, with no error (from `explain` and `check` alike).
fn packets(input: &[u8]) -> Vec<Value> {
    let (v, failure) = explained(input);
    assert_eq!(failure, None, "{input:02x?}: {v}");
    assert!(v.get("error").is_none(), "{input:02x?}: {v}");
    assert_eq!(check(input), None, "{input:02x?}");
    v["packets"].as_array().unwrap().clone()
}

/// The one packet of `input`.
fn packet(input: &[u8]) -> Value {
    let all = packets(input);
    assert_eq!(all.len(), 1, "{input:02x?}: {all:?}");
    all.into_iter().next().unwrap()
}

/// The failure for `input`, checked to be the same in the report's `error` and from `check`.
fn refused(input: &[u8]) -> Malformed {
    let (v, failure) = explained(input);
    let m = failure.unwrap_or_else(|| panic!("{input:02x?} decodes: {v}"));
    assert_eq!(v["error"]["at"], m.at, "{input:02x?}");
    assert_eq!(v["error"]["why"], m.why, "{input:02x?}");
    match m.need {
        Some(n) => assert_eq!(v["error"]["need"], n),
        None => assert!(v["error"].get("need").is_none()),
    }
    assert_eq!(check(input), Some(m), "{input:02x?}");
    m
}

/// Asserts the byte and (a distinctive part of) the rule a refusal names.
#[track_caller]
fn assert_refused(input: &[u8], at: usize, why: &str) {
    let m = refused(input);
    assert_eq!(m.at, at, "{input:02x?}: {m:?}");
    assert!(m.why.contains(why), "{input:02x?}: {m:?}, want {why:?}");
}

/// CONNECT: `10 <rem> 00 04 MQTT 04 <flags> 00 3c <cid> [<will topic> <will message>]
/// [<user>] [<pass>]` (one remaining-length byte: keep it under 128 bytes).
fn connect(
    flags: u8,
    cid: &[u8],
    will: Option<(&[u8], &[u8])>,
    user: Option<&[u8]>,
    pass: Option<&[u8]>,
) -> Vec<u8> {
    let mut body = std::vec![0, 4, b'M', b'Q', b'T', b'T', 4, flags, 0, 60];
    let (will_topic, will_message) = will.unzip();
    for s in [Some(cid), will_topic, will_message, user, pass]
        .into_iter()
        .flatten()
    {
        body.extend_from_slice(&u16::try_from(s.len()).unwrap().to_be_bytes());
        body.extend_from_slice(s);
    }
    let mut pkt = std::vec![0x10, u8::try_from(body.len()).unwrap()];
    assert!(pkt[1] < 0x80);
    pkt.extend_from_slice(&body);
    pkt
}

const CID: &[u8] = b"a1X2bEnP82z.example1|securemode=3,signmethod=hmacsha1|";

/// MQTT 3.1.1 table 2.1; 0 and 15 are reserved.
#[test]
fn type_names_follow_mqtt_table_2_1() {
    let spec = [
        (0, "reserved"),
        (1, "CONNECT"),
        (2, "CONNACK"),
        (3, "PUBLISH"),
        (4, "PUBACK"),
        (5, "PUBREC"),
        (6, "PUBREL"),
        (7, "PUBCOMP"),
        (8, "SUBSCRIBE"),
        (9, "SUBACK"),
        (10, "UNSUBSCRIBE"),
        (11, "UNSUBACK"),
        (12, "PINGREQ"),
        (13, "PINGRESP"),
        (14, "DISCONNECT"),
        (15, "reserved"),
    ];
    for (kind, name) in spec {
        assert_eq!(type_name(kind), name, "type {kind}");
    }
}

/// MQTT 3.1.1 table 3.1.
#[test]
fn connack_meanings_follow_mqtt_table_3_1() {
    let spec = [
        (0, "accepted"),
        (1, "refused: unacceptable protocol version"),
        (2, "refused: identifier rejected"),
        (3, "refused: server unavailable"),
        (4, "refused: bad user name or password"),
        (5, "refused: not authorized"),
    ];
    for (code, meaning) in spec {
        assert_eq!(connack_meaning(code), meaning, "code {code}");
        // And in a report: a refused CONNACK still decodes.
        let p = packet(&[0x20, 2, 0, code]);
        assert_eq!(p["return_code"], code);
        assert_eq!(p["meaning"], meaning);
    }
}

/// One packet of every type 1..=14 in one stream: each is named by its type, starts where the
/// one before it ends, and the stream ends without an error.
#[test]
fn a_stream_of_every_packet_type_is_explained_packet_after_packet() {
    let cid_connect = connect(0x02, CID, None, None, None);
    let stream: [(&[u8], &str); 14] = [
        (&cid_connect, "CONNECT"),
        (&[0x20, 2, 0, 0], "CONNACK"),
        (&[0x30, 5, 0, 3, b'a', b'/', b'b'], "PUBLISH"),
        (&[0x40, 2, 0, 1], "PUBACK"),
        (&[0x50, 2, 0, 1], "PUBREC"),
        (&[0x62, 2, 0, 1], "PUBREL"),
        (&[0x70, 2, 0, 1], "PUBCOMP"),
        (&[0x82, 6, 0, 1, 0, 1, b'a', 0], "SUBSCRIBE"),
        (&[0x90, 3, 0, 1, 0], "SUBACK"),
        (&[0xA2, 5, 0, 1, 0, 1, b'a'], "UNSUBSCRIBE"),
        (&[0xB0, 2, 0, 1], "UNSUBACK"),
        (&[0xC0, 0], "PINGREQ"),
        (&[0xD0, 0], "PINGRESP"),
        (&[0xE0, 0], "DISCONNECT"),
    ];
    let input: Vec<u8> = stream.iter().flat_map(|(b, _)| b.iter().copied()).collect();
    let got = packets(&input);
    assert_eq!(got.len(), stream.len());
    let mut at = 0;
    for (i, ((bytes, name), p)) in stream.iter().zip(&got).enumerate() {
        assert_eq!(p["type"], *name, "packet {i}");
        assert_eq!(p["type_code"], i + 1, "packet {i}");
        assert_eq!(p["at"], at, "packet {i}");
        assert_eq!(p["length"], bytes.len(), "packet {i}");
        assert_eq!(p["header_flags"], bytes[0] & 0x0f, "packet {i}");
        assert_eq!(p["remaining_length"], bytes.len() - 2, "packet {i}");
        at += bytes.len();
    }
}

#[test]
fn connack_session_present_and_return_code() {
    let p = packet(&[0x20, 2, 1, 0]);
    assert_eq!(p["type"], "CONNACK");
    assert_eq!(p["session_present"], true);
    assert_eq!(p["return_code"], 0);
    assert_eq!(p["meaning"], "accepted");
    let p = packet(&[0x20, 2, 0, 4]);
    assert_eq!(p["session_present"], false);
    assert_eq!(p["meaning"], "refused: bad user name or password");
}

#[test]
fn publish_qos0_has_no_packet_id() {
    let p = packet(&[0x30, 7, 0, 3, b'a', b'/', b'b', b'h', b'i']);
    assert_eq!(p["type"], "PUBLISH");
    assert_eq!(p["qos"], 0);
    assert_eq!(p["dup"], false);
    assert_eq!(p["retain"], false);
    assert_eq!(p["topic"], "a/b");
    assert!(p.get("packet_id").is_none(), "{p}");
    assert_eq!(p["payload_length"], 2);
    assert_eq!(p["payload"], "hi");
}

/// QoS 1 with each of DUP and RETAIN on its own and both: every flag shows as itself.
#[test]
fn publish_qos1_shows_dup_retain_and_packet_id() {
    for (first, dup, retain) in [
        (0x32u8, false, false),
        (0x33, false, true),
        (0x3A, true, false),
        (0x3B, true, true),
    ] {
        let p = packet(&[first, 9, 0, 3, b'a', b'/', b'b', 0x01, 0x02, b'h', b'i']);
        assert_eq!(p["qos"], 1, "{first:02x}");
        assert_eq!(p["dup"], dup, "{first:02x}");
        assert_eq!(p["retain"], retain, "{first:02x}");
        assert_eq!(p["packet_id"], 0x0102, "{first:02x}");
        assert_eq!(p["topic"], "a/b", "{first:02x}");
        assert_eq!(p["payload"], "hi", "{first:02x}");
    }
    // RETAIN with QoS 0 (no DUP allowed there).
    let p = packet(&[0x31, 5, 0, 3, b'a', b'/', b'b']);
    assert_eq!(
        (&p["dup"], &p["retain"]),
        (&Value::from(false), &Value::from(true))
    );
}

#[test]
fn acks_show_their_packet_id_and_suback_its_codes() {
    let p = packet(&[0x40, 2, 0x12, 0x34]);
    assert_eq!(
        (&p["type"], &p["packet_id"]),
        (&Value::from("PUBACK"), &Value::from(0x1234))
    );
    let p = packet(&[0xB0, 2, 0, 7]);
    assert_eq!(
        (&p["type"], &p["packet_id"]),
        (&Value::from("UNSUBACK"), &Value::from(7))
    );
    let p = packet(&[0x90, 5, 0, 9, 0, 1, 0x80]);
    assert_eq!(p["type"], "SUBACK");
    assert_eq!(p["packet_id"], 9);
    assert_eq!(p["return_codes"], serde_json::json!([0, 1, 128]));
    // PINGRESP has nothing but its header; a PINGREQ neither (no body to show).
    for b in [[0xD0u8, 0], [0xC0, 0]] {
        let p = packet(&b);
        assert!(p.get("packet_id").is_none(), "{p}");
        assert!(p.get("body_hex").is_none(), "{p}");
    }
}

/// Packets the decoders do not read show their body bytes.
#[test]
fn other_packets_show_their_body_as_hex() {
    let p = packet(&[0x50, 2, 0xAB, 0x01]);
    assert_eq!(p["type"], "PUBREC");
    assert_eq!(p["body_decoded"], false);
    assert_eq!(p["body_hex"], "ab01");
}

#[test]
fn connect_with_no_flags_shows_every_flag_false() {
    let p = packet(&connect(0x00, CID, None, None, None));
    assert_eq!(p["type"], "CONNECT");
    assert_eq!(p["protocol_name"], "MQTT");
    assert_eq!(p["protocol_level"], 4);
    assert_eq!(p["keepalive"], 60);
    let f = &p["connect_flags"];
    assert_eq!(f["byte"], 0);
    for name in [
        "username",
        "password",
        "will_retain",
        "will",
        "clean_session",
    ] {
        assert_eq!(f[name], false, "{name}: {f}");
    }
    assert_eq!(f["will_qos"], 0);
    for absent in ["will_topic", "will_message", "username", "password"] {
        assert!(p.get(absent).is_none(), "{absent}: {p}");
    }
}

#[test]
fn connect_with_every_flag_shows_every_field() {
    // user name, password, will retain, will QoS 2, will, clean session.
    let flags = 0x80 | 0x40 | 0x20 | 0x10 | 0x04 | 0x02;
    let pkt = connect(
        flags,
        CID,
        Some((b"will/t", b"gone")),
        Some(b"example1&a1X2bEnP82z"),
        Some(b"0123abcd"),
    );
    let p = packet(&pkt);
    let f = &p["connect_flags"];
    assert_eq!(f["byte"], flags);
    for name in [
        "username",
        "password",
        "will_retain",
        "will",
        "clean_session",
    ] {
        assert_eq!(f[name], true, "{name}: {f}");
    }
    assert_eq!(f["will_qos"], 2);
    assert_eq!(p["will_topic"], "will/t");
    assert_eq!(p["will_message"], "gone");
    assert_eq!(p["username"], "example1&a1X2bEnP82z");
    assert_eq!(p["password"], "0123abcd");
    assert_eq!(p["length"], pkt.len());
}

/// Each connect flag on its own: only its own field is true.
#[test]
fn connect_flags_are_read_bit_by_bit() {
    let cases: [(u8, &str); 3] = [
        (0x02, "clean_session"),
        (0x04, "will"),
        (0x24, "will_retain"),
    ];
    for (flags, name) in cases {
        let will = (flags & 0x04 != 0).then_some((&b"t"[..], &b"m"[..]));
        let p = packet(&connect(flags, CID, will, None, None));
        let f = &p["connect_flags"];
        assert_eq!(f[name], true, "{flags:02x}: {f}");
        assert_eq!(f["username"], false, "{flags:02x}: {f}");
        assert_eq!(f["password"], false, "{flags:02x}: {f}");
    }
    let p = packet(&connect(0x80, CID, None, Some(b"u"), None));
    let f = &p["connect_flags"];
    assert_eq!(
        (&f["username"], &f["password"]),
        (&Value::from(true), &Value::from(false))
    );
    assert_eq!(
        (&f["will"], &f["clean_session"]),
        (&Value::from(false), &Value::from(false))
    );
}

#[test]
fn connect_client_id_is_split_into_id_and_params() {
    let p = packet(&connect(0x02, CID, None, None, None));
    assert_eq!(p["client_id"], std::str::from_utf8(CID).unwrap());
    let parts = &p["client_id_parts"];
    assert_eq!(parts["id"], "a1X2bEnP82z.example1");
    assert_eq!(
        parts["params"],
        serde_json::json!([
            {"key": "securemode", "value": "3"},
            {"key": "signmethod", "value": "hmacsha1"},
        ])
    );
    assert!(p.get("client_id_error").is_none());
}

/// A client id without the parameter list: the error names the byte in the packet (the
/// client id's bytes start at 14: 2 header, 10 variable header, 2 length).
#[test]
fn connect_client_id_error_names_the_byte_in_the_packet() {
    let p = packet(&connect(0x02, b"abc", None, None, None));
    assert!(p.get("client_id_parts").is_none(), "{p}");
    assert_eq!(p["client_id_error"]["at"], 14 + 3);
    assert!(
        p["client_id_error"]["why"]
            .as_str()
            .unwrap()
            .contains("no '|'"),
        "{p}"
    );
}

/// Empty input is truncated, not an empty report (explain and check alike).
#[test]
fn empty_input_is_truncated() {
    let m = refused(&[]);
    assert_eq!(m, Malformed::truncated(0, "empty input", 2));
    let (v, _) = explained(&[]);
    assert_eq!(v["packets"], serde_json::json!([]));
}

#[test]
fn reserved_types_0_and_15_are_refused() {
    assert_refused(&[0x00, 0], 0, "reserved");
    assert_refused(&[0xF0, 0], 0, "reserved");
    // After a good packet: the offset is in the whole input, and the good packet is kept.
    assert_refused(&[0xD0, 0, 0x00, 0], 2, "reserved");
    let (v, _) = explained(&[0xD0, 0, 0xF0, 0]);
    assert_eq!(v["packets"].as_array().unwrap().len(), 1);
    assert_eq!(v["packets"][0]["type"], "PINGRESP");
}

/// A packet shorter than its remaining length, for decoded and undecoded types.
#[test]
fn truncated_packets_name_the_end_and_the_length_needed() {
    for input in [&[0xC0u8, 2, 0][..], &[0x40, 2, 0], &[0x30, 5, 0, 3, b'a']] {
        let m = refused(input);
        let need = usize::from(input[1]) + 2;
        assert_eq!(
            m,
            Malformed::truncated(
                input.len(),
                "the packet is shorter than its remaining length says",
                need
            ),
            "{input:02x?}"
        );
    }
    // The second packet is cut: offsets are in the whole input.
    let m = refused(&[0xD0, 0, 0xC0, 2, 0]);
    assert_eq!((m.at, m.need), (5, Some(6)));
}

#[test]
fn flag_bits_on_types_that_need_0000() {
    assert_refused(&[0x21, 2, 0, 0], 0, "flag bits set in the first byte");
    assert_refused(&[0x42, 2, 0, 1], 0, "flag bits set in the first byte");
    assert_refused(&[0xD8, 0], 0, "flag bits set in the first byte");
}

#[test]
fn wrong_remaining_length_for_fixed_size_types() {
    for input in [
        &[0x20u8, 3, 0, 0, 0][..],
        &[0x20, 1, 0],
        &[0x40, 3, 0, 1, 0],
        &[0xB0, 1, 0],
        &[0xD0, 1, 0],
    ] {
        assert_refused(input, 1, "wrong remaining length for this type");
    }
}

#[test]
fn connack_body_errors() {
    // Acknowledge flags: only bit 0 may be set.
    assert_refused(&[0x20, 2, 0x02, 0], 2, "CONNACK acknowledge flags");
    assert_refused(&[0x20, 2, 0x80, 0], 2, "CONNACK acknowledge flags");
    // Return code 6, and session present with a refusal: the return code byte.
    assert_refused(&[0x20, 2, 0, 6], 3, "CONNACK return code above 5");
    assert_refused(&[0x20, 2, 1, 3], 3, "CONNACK return code above 5");
}

#[test]
fn suback_errors() {
    assert_refused(
        &[0x90, 2, 0, 1],
        1,
        "SUBACK shorter than a packet id and one code",
    );
    assert_refused(
        &[0x90, 1, 0],
        1,
        "SUBACK shorter than a packet id and one code",
    );
    assert_refused(&[0x90, 3, 0, 0, 0], 2, "packet id 0");
    assert_refused(&[0x90, 3, 0, 1, 3], 4, "SUBACK return code other than");
    assert_refused(
        &[0x90, 4, 0, 1, 0, 0x81],
        4,
        "SUBACK return code other than",
    );
}

#[test]
fn ack_with_packet_id_0() {
    assert_refused(&[0x40, 2, 0, 0], 2, "packet id 0");
    assert_refused(&[0xB0, 2, 0, 0], 2, "packet id 0");
}

#[test]
fn publish_qos_and_dup_errors() {
    assert_refused(&[0x34, 7, 0, 3, b'a', b'/', b'b', 0, 1], 0, "PUBLISH QoS 2");
    // QoS 3 with a topic and packet id that would be fine: the QoS bits are the fault.
    assert_refused(&[0x36, 7, 0, 3, b'a', b'/', b'b', 0, 1], 0, "PUBLISH QoS 3");
    assert_refused(&[0x38, 5, 0, 3, b'a', b'/', b'b'], 0, "DUP set with QoS 0");
}

#[test]
fn publish_topic_errors() {
    let bad_topic = "the topic is empty, not UTF-8 or has a wildcard";
    assert_refused(&[0x30, 1, 0], 2, "PUBLISH shorter than its topic length");
    assert_refused(&[0x30, 3, 0, 5, b'a'], 2, "the topic runs past");
    // Empty, not UTF-8, and each wildcard: the topic's first byte.
    assert_refused(&[0x30, 2, 0, 0], 4, bad_topic);
    assert_refused(&[0x30, 4, 0, 2, 0xff, 0xfe], 4, bad_topic);
    assert_refused(&[0x30, 5, 0, 3, b'a', b'/', b'+'], 4, bad_topic);
    assert_refused(&[0x30, 5, 0, 3, b'a', b'/', b'#'], 4, bad_topic);
    // QoS 1 with DUP (allowed there): the topic is still the fault.
    assert_refused(&[0x3A, 7, 0, 3, b'a', b'+', b'b', 0, 1], 4, bad_topic);
}

/// A good topic and no (or a zero) packet id: the byte after the topic.
#[test]
fn publish_qos1_packet_id_errors() {
    let why = "missing or zero packet id of a QoS 1 PUBLISH";
    assert_refused(&[0x32, 5, 0, 3, b'a', b'/', b'b'], 7, why);
    assert_refused(&[0x32, 7, 0, 3, b'a', b'/', b'b', 0, 0], 7, why);
}
