//! The MQTT 3.1.1 codec through the C ABI: literal bytes from the standard, round trips,
//! mqttrs as an independent oracle on valid packets, and malformed or truncated input
//! (including the `40 00` that panics mqttrs) that must give a status, never a panic.
// Tests call the C ABI exactly as C does; the calls' contracts are met by construction.
#![allow(clippy::undocumented_unsafe_blocks)]

mod common;

use common::*;
use iotwire_ffi::legacy_sdk::*;
use iotwire_ffi::mqtt::*;
use iotwire_ffi::mqtt_decode::*;
use iotwire_ffi::mqtt_packet::*;
use iotwire_ffi::status::*;
use iotwire_ffi::types::iotwire_str_t;
use std::ptr::null_mut;

/// Size query, then an exact-fit write; checks both agree.
fn bytes(f: impl Fn(*mut u8, usize, *mut usize) -> i32) -> Result<Vec<u8>, i32> {
    let mut need = 0usize;
    let rc = f(null_mut(), 0, &mut need);
    if rc != IOTWIRE_OK {
        return Err(rc);
    }
    let mut buf = vec![0xA5u8; need + 1];
    let mut len = 0usize;
    if need > 0 {
        assert_eq!(
            f(buf.as_mut_ptr(), need - 1, &mut len),
            IOTWIRE_ERR_BUFFER_TOO_SMALL
        );
    }
    assert_eq!(f(buf.as_mut_ptr(), need, &mut len), IOTWIRE_OK);
    assert_eq!(len, need);
    assert_eq!(buf[need], 0xA5, "wrote past out_cap");
    buf.truncate(len);
    Ok(buf)
}

fn raw(v: &[u8]) -> iotwire_str_t {
    iotwire_str_t {
        ptr: v.as_ptr().cast(),
        len: v.len(),
    }
}

fn connect_raw(cid: &[u8], user: &[u8], pwd: &[u8], keepalive: u32) -> Result<Vec<u8>, i32> {
    bytes(|o, c, l| unsafe {
        iotwire_mqtt_connect_encode_explicit(raw(cid), raw(user), raw(pwd), keepalive, o, c, l)
    })
}

fn connect_explicit(cid: &str, user: &str, pwd: &str, keepalive: u32) -> Result<Vec<u8>, i32> {
    connect_raw(cid.as_bytes(), user.as_bytes(), pwd.as_bytes(), keepalive)
}

fn connect_opts(o: &iotwire_mqtt_options_t) -> Result<Vec<u8>, i32> {
    bytes(|out, c, l| unsafe { iotwire_mqtt_connect_encode(o, out, c, l) })
}

fn publish(topic: &str, payload: &[u8], qos: u32, flags: u32, id: u16) -> Result<Vec<u8>, i32> {
    bytes(|o, c, l| unsafe {
        iotwire_mqtt_publish_encode(
            s(topic),
            payload.as_ptr(),
            payload.len(),
            qos,
            flags,
            id,
            o,
            c,
            l,
        )
    })
}

fn subscribe(filters: &[&str], qos: u32, id: u16) -> Result<Vec<u8>, i32> {
    let f: Vec<iotwire_str_t> = filters.iter().map(|t| s(t)).collect();
    bytes(|o, c, l| unsafe { iotwire_mqtt_subscribe_encode(f.as_ptr(), f.len(), qos, id, o, c, l) })
}

fn unsubscribe(filters: &[&str], id: u16) -> Result<Vec<u8>, i32> {
    let f: Vec<iotwire_str_t> = filters.iter().map(|t| s(t)).collect();
    bytes(|o, c, l| unsafe { iotwire_mqtt_unsubscribe_encode(f.as_ptr(), f.len(), id, o, c, l) })
}

fn decode(input: &[u8]) -> Result<iotwire_mqtt_packet_t, (i32, usize)> {
    let mut p = std::mem::MaybeUninit::<iotwire_mqtt_packet_t>::uninit();
    let mut needed = usize::MAX;
    let rc =
        unsafe { iotwire_mqtt_decode(input.as_ptr(), input.len(), p.as_mut_ptr(), &mut needed) };
    if rc == IOTWIRE_OK {
        let p = unsafe { p.assume_init() };
        assert!(p.packet_len <= input.len());
        assert!(p.topic_offset + p.topic_len <= p.packet_len);
        assert!(p.payload_offset + p.payload_len <= p.packet_len);
        Ok(p)
    } else {
        if rc != IOTWIRE_ERR_MQTT_NEED_MORE_DATA {
            assert_eq!(
                needed,
                usize::MAX,
                "out_needed written on {}",
                status_name(rc)
            );
        }
        Err((rc, needed))
    }
}

/// mqttrs decodes, with its panics (e.g. on `40 00`) caught.
fn oracle(input: &[u8]) -> Option<mqttrs::Packet<'_>> {
    std::panic::catch_unwind(|| mqttrs::decode_slice(input).ok().flatten())
        .ok()
        .flatten()
}

#[test]
fn connect_literal_bytes_from_the_standard() {
    // MQTT 3.1.1 3.1: 10 <rem> 00 04 'MQTT' 04 <flags: user|pass|clean = C2> <keepalive>
    // then client id, username, password, each with a u16 length.
    let expected: Vec<u8> = vec![
        0x10, 19, 0, 4, b'M', b'Q', b'T', b'T', 4, 0xC2, 0, 60, 0, 1, b'c', 0, 1, b'u', 0, 1, b'p',
    ];
    assert_eq!(connect_explicit("c", "u", "p", 60).unwrap(), expected);
    // Without username and password only the clean-session flag remains.
    let bare = connect_explicit("c", "", "", 1200).unwrap();
    assert_eq!(
        bare,
        vec![
            0x10, 13, 0, 4, b'M', b'Q', b'T', b'T', 4, 0x02, 0x04, 0xB0, 0, 1, b'c'
        ]
    );
}

#[test]
fn connect_rules() {
    assert_eq!(
        connect_explicit("c", "u", "p", 29),
        Err(IOTWIRE_ERR_INVALID_KEEPALIVE)
    );
    assert_eq!(
        connect_explicit("c", "u", "p", 1201),
        Err(IOTWIRE_ERR_INVALID_KEEPALIVE)
    );
    assert_eq!(
        connect_explicit("c", "u", "p", 0),
        Err(IOTWIRE_ERR_INVALID_KEEPALIVE)
    );
    assert_eq!(
        connect_explicit("c", "", "p", 60),
        Err(IOTWIRE_ERR_INVALID_ARGUMENT)
    );
    assert_eq!(
        connect_explicit("c\0", "u", "p", 60),
        Err(IOTWIRE_ERR_INVALID_CLIENT_ID)
    );
    let bad_utf8: &[u8] = &[0xC3, 0x28];
    assert_eq!(
        connect_raw(bad_utf8, b"u", b"", 60),
        Err(IOTWIRE_ERR_INVALID_CLIENT_ID)
    );
    assert_eq!(
        connect_raw(b"c", bad_utf8, b"", 60),
        Err(IOTWIRE_ERR_INVALID_ARGUMENT)
    );
    // The password is binary: anything goes.
    assert!(connect_raw(b"c", b"u", bad_utf8, 60).is_ok());
    let long = "x".repeat(65_536);
    assert_eq!(
        connect_explicit("c", "u", &long, 60),
        Err(IOTWIRE_ERR_MQTT_PACKET_TOO_LARGE)
    );
    assert!(connect_explicit("c", "u", &long[..65_535], 60).is_ok());
}

#[test]
fn connect_explicit_matches_the_mqttrs_oracle() {
    // A password long enough for a two-byte remaining length.
    let pwd = "P".repeat(300);
    let pkt = connect_explicit(
        "a1X2bEnP82z.example1|securemode=2,signmethod=hmacsha256|",
        "example1&a1X2bEnP82z",
        &pwd,
        300,
    )
    .unwrap();
    match oracle(&pkt) {
        Some(mqttrs::Packet::Connect(c)) => {
            assert_eq!(c.protocol, mqttrs::Protocol::MQTT311);
            assert_eq!(c.keep_alive, 300);
            assert!(c.clean_session);
            assert!(c.last_will.is_none());
            assert_eq!(
                c.client_id,
                "a1X2bEnP82z.example1|securemode=2,signmethod=hmacsha256|"
            );
            assert_eq!(c.username, Some("example1&a1X2bEnP82z"));
            assert_eq!(c.password, Some(pwd.as_bytes()));
        }
        other => panic!("oracle: {other:?}"),
    }
}

#[test]
fn connect_from_options_carries_the_documented_example_credentials() {
    let v = &vectors("doc_example")[0];
    let mut o = options();
    o.product_key = s("pk");
    o.device_name = s("device");
    o.device_secret = s("secret");
    o.client_id = s("12345");
    o.timestamp = s("789");
    o.sign_method = IOTWIRE_SIGN_METHOD_HMACSHA1;
    o.secure_mode = 3;
    o.flags = IOTWIRE_MQTT_FLAG_ALLOW_PLAINTEXT;
    o.keepalive_s = 60;
    let pkt = connect_opts(&o).unwrap();
    assert!(pkt.len() <= IOTWIRE_MQTT_CONNECT_MAX_SIZE);
    match oracle(&pkt) {
        Some(mqttrs::Packet::Connect(c)) => {
            assert_eq!(c.client_id, v["expected"]["mqtt_client_id"]);
            assert_eq!(c.username, v["expected"]["mqtt_username"].as_str());
            assert_eq!(
                c.password,
                v["expected"]["hex_upper"].as_str().map(str::as_bytes)
            );
            assert_eq!(c.keep_alive, 60);
            assert!(c.clean_session);
        }
        other => panic!("oracle: {other:?}"),
    }
    o.keepalive_s = 0;
    assert_eq!(connect_opts(&o), Err(IOTWIRE_ERR_INVALID_KEEPALIVE));
    o.keepalive_s = 1201;
    assert_eq!(connect_opts(&o), Err(IOTWIRE_ERR_INVALID_KEEPALIVE));
}

#[test]
fn connect_from_options_for_dynamic_registration_vectors() {
    for v in vectors("dynreg_mqtt") {
        let i = &v["inputs"];
        let e = &v["expected"];
        let mut o = options();
        o.mode = IOTWIRE_MQTT_MODE_REGISTER;
        o.region = i["region"].as_u64().unwrap() as u32;
        o.legacy_sdk = IOTWIRE_LEGACY_SDK_V3_2_0;
        o.legacy_build =
            IOTWIRE_LEGACY_BUILD_SUPPORT_TLS | IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE;
        o.product_key = s(i["product_key"].as_str().unwrap());
        o.device_name = s(i["device_name"].as_str().unwrap());
        o.product_secret = s(i["product_secret"].as_str().unwrap());
        o.random = s(e["random_string"].as_str().unwrap());
        let pkt = connect_opts(&o).unwrap();
        let Some(mqttrs::Packet::Connect(c)) = oracle(&pkt) else {
            panic!("oracle")
        };
        assert_eq!(c.client_id, e["clientid"], "{}", v["id"]);
        assert_eq!(c.username, e["username"].as_str());
        assert_eq!(c.password, e["password"].as_str().map(str::as_bytes));
    }
}

#[test]
fn connect_from_options_size_query_and_errors() {
    let mut o = options();
    o.product_key = s("a1X2bEnP82z");
    o.device_name = s("example1");
    // No secret: refused on the size query already, as by iotwire_mqtt_get_password.
    assert_eq!(connect_opts(&o), Err(IOTWIRE_ERR_MISSING_FIELD));
    o.device_secret = s("secret");
    let pkt = connect_opts(&o).unwrap();
    let mut len = 0;
    // Output overlapping an input string.
    let mut buf = *b"a1X2bEnP82z-and-more-room-for-the-whole-connect-packet...................................................................................................................................";
    o.product_key = iotwire_str_t {
        ptr: buf.as_ptr().cast(),
        len: 11,
    };
    let rc = unsafe { iotwire_mqtt_connect_encode(&o, buf.as_mut_ptr(), buf.len(), &mut len) };
    assert_eq!(rc, IOTWIRE_ERR_OVERLAP);
    assert_eq!(len, 0);
    assert!(pkt.len() > 100);
    assert_eq!(
        unsafe { iotwire_mqtt_connect_encode(std::ptr::null(), null_mut(), 0, &mut len) },
        IOTWIRE_ERR_NULL_POINTER
    );
}

/// iotkit-embedded 3.x connects with clean session 0: with the flag the CONNECT differs in the
/// connect flags alone (0xc0 instead of 0xc2), and the oracle reads it that way.
#[test]
fn keep_session_flag_clears_clean_session_and_nothing_else() {
    let mut o = options();
    o.product_key = s("a1MZxOdcBnO");
    o.device_name = s("example1");
    o.device_secret = s("jiPvZkVO9lhNj2Q9f2KdP4Yln7ACJI3X");
    o.legacy_sdk = IOTWIRE_LEGACY_SDK_V3_2_0;
    o.legacy_build = IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE;
    o.flags = IOTWIRE_MQTT_FLAG_LAX_NAMES | IOTWIRE_MQTT_FLAG_ALLOW_PLAINTEXT;
    o.keepalive_s = 120;
    let clean = connect_opts(&o).unwrap();
    o.flags |= IOTWIRE_MQTT_FLAG_KEEP_SESSION;
    let kept = connect_opts(&o).unwrap();
    assert_eq!(clean.len(), kept.len());
    let flags_at = 3 + 7; // two remaining-length bytes, then "MQTT" and the level
    assert_eq!((clean[flags_at], kept[flags_at]), (0xC2, 0xC0));
    let differ: Vec<usize> = (0..clean.len()).filter(|&i| clean[i] != kept[i]).collect();
    assert_eq!(differ, [flags_at]);
    let Some(mqttrs::Packet::Connect(c)) = oracle(&kept) else {
        panic!("oracle")
    };
    assert!(!c.clean_session);
    assert_eq!(c.keep_alive, 120);
    // An unknown flag bit is still refused.
    o.flags |= 8;
    assert_eq!(connect_opts(&o), Err(IOTWIRE_ERR_INVALID_ARGUMENT));
}

#[test]
fn publish_matches_the_oracle_and_round_trips() {
    let topic = "/sys/a1X2bEnP82z/example1/thing/event/property/post";
    let payload = br#"{"id":"1","version":"1.0","params":{"t":1}}"#;
    for (qos, id) in [(0u32, 0u16), (1, 7), (1, 65535)] {
        let pkt = publish(topic, payload, qos, 0, id).unwrap();
        let Some(mqttrs::Packet::Publish(p)) = oracle(&pkt) else {
            panic!("oracle")
        };
        assert_eq!(p.topic_name, topic);
        assert_eq!(p.payload, payload);
        assert!(!p.retain && !p.dup);
        match p.qospid {
            mqttrs::QosPid::AtMostOnce => assert_eq!(qos, 0),
            mqttrs::QosPid::AtLeastOnce(pid) => assert_eq!((qos, pid.get()), (1, id)),
            other => panic!("{other:?}"),
        }
        let d = decode(&pkt).unwrap();
        assert_eq!(d.packet_type, IOTWIRE_MQTT_PACKET_PUBLISH);
        assert_eq!((d.qos, d.packet_id, d.packet_len), (qos, id, pkt.len()));
        assert_eq!(&pkt[d.topic_offset..][..d.topic_len], topic.as_bytes());
        assert_eq!(&pkt[d.payload_offset..][..d.payload_len], payload);
    }
    // DUP on a resend.
    let pkt = publish(topic, b"x", 1, IOTWIRE_MQTT_PUBLISH_FLAG_DUP, 3).unwrap();
    assert_eq!(pkt[0], 0x3A);
    assert_eq!(decode(&pkt).unwrap().flags, IOTWIRE_MQTT_PACKET_FLAG_DUP);
    // Header + payload is the whole packet.
    let big = vec![0x5Au8; 70_000];
    let whole = publish(topic, &big, 1, 0, 9).unwrap();
    let header = bytes(|o, c, l| unsafe {
        iotwire_mqtt_publish_header_encode(s(topic), big.len(), 1, 0, 9, o, c, l)
    })
    .unwrap();
    assert_eq!([header.as_slice(), &big].concat(), whole);
    let rem = 2 + topic.len() + 2 + big.len();
    let digits = [
        (rem % 128) as u8 | 0x80,
        ((rem / 128) % 128) as u8 | 0x80,
        (rem / 16384) as u8,
    ];
    assert_eq!(&whole[1..4], &digits, "3-byte remaining length");
}

#[test]
fn publish_rules() {
    let t = "/a1X2bEnP82z/example1/user/update";
    assert_eq!(
        publish(t, b"", 2, 0, 1),
        Err(IOTWIRE_ERR_MQTT_QOS_UNSUPPORTED)
    );
    assert_eq!(publish(t, b"", 3, 0, 1), Err(IOTWIRE_ERR_INVALID_SELECTOR));
    assert_eq!(
        publish(t, b"", 1, IOTWIRE_MQTT_PUBLISH_FLAG_RETAIN, 1),
        Err(IOTWIRE_ERR_MQTT_RETAIN_UNSUPPORTED)
    );
    assert_eq!(
        publish(t, b"", 0, IOTWIRE_MQTT_PUBLISH_FLAG_RETAIN, 0),
        Err(IOTWIRE_ERR_MQTT_RETAIN_UNSUPPORTED)
    );
    assert_eq!(
        publish(t, b"", 1, 0, 0),
        Err(IOTWIRE_ERR_MQTT_INVALID_PACKET_ID)
    );
    assert_eq!(
        publish(t, b"", 0, 0, 5),
        Err(IOTWIRE_ERR_MQTT_INVALID_PACKET_ID)
    );
    assert_eq!(
        publish(t, b"", 0, IOTWIRE_MQTT_PUBLISH_FLAG_DUP, 0),
        Err(IOTWIRE_ERR_INVALID_ARGUMENT)
    );
    assert_eq!(publish(t, b"", 0, 4, 0), Err(IOTWIRE_ERR_INVALID_ARGUMENT));
    assert_eq!(
        publish("/a/+/b", b"", 0, 0, 0),
        Err(IOTWIRE_ERR_INVALID_TOPIC)
    );
    assert_eq!(
        publish("/a/#", b"", 0, 0, 0),
        Err(IOTWIRE_ERR_INVALID_TOPIC)
    );
    assert_eq!(publish("", b"", 0, 0, 0), Err(IOTWIRE_ERR_INVALID_TOPIC));
    // Literal QoS 0 packet: 30 <rem> 00 03 'a/b' 'hi'.
    assert_eq!(
        publish("a/b", b"hi", 0, 0, 0).unwrap(),
        vec![0x30, 7, 0, 3, b'a', b'/', b'b', b'h', b'i']
    );
}

#[test]
fn subscribe_and_unsubscribe_match_the_oracle() {
    let filters = [
        "/a1X2bEnP82z/example1/user/#",
        "/sys/a1X2bEnP82z/example1/rrpc/request/+",
    ];
    let pkt = subscribe(&filters, 1, 10).unwrap();
    assert_eq!(pkt[0], 0x82);
    let Some(mqttrs::Packet::Subscribe(sub)) = oracle(&pkt) else {
        panic!("oracle")
    };
    assert_eq!(sub.pid.get(), 10);
    let got: Vec<(&str, mqttrs::QoS)> = sub
        .topics
        .iter()
        .map(|t| (t.topic_path.as_str(), t.qos))
        .collect();
    assert_eq!(
        got,
        vec![
            (filters[0], mqttrs::QoS::AtLeastOnce),
            (filters[1], mqttrs::QoS::AtLeastOnce)
        ]
    );

    let pkt = unsubscribe(&filters[..1], 11).unwrap();
    assert_eq!(pkt[0], 0xA2);
    let Some(mqttrs::Packet::Unsubscribe(u)) = oracle(&pkt) else {
        panic!("oracle")
    };
    assert_eq!(u.pid.get(), 11);
    assert_eq!(
        u.topics.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
        vec![filters[0]]
    );

    // Literal: 82 <rem> <id> 00 01 '#' <qos>.
    assert_eq!(
        subscribe(&["#"], 0, 1).unwrap(),
        vec![0x82, 6, 0, 1, 0, 1, b'#', 0]
    );
    assert_eq!(
        subscribe(&["a"], 2, 1),
        Err(IOTWIRE_ERR_MQTT_QOS_UNSUPPORTED)
    );
    assert_eq!(
        subscribe(&["a"], 1, 0),
        Err(IOTWIRE_ERR_MQTT_INVALID_PACKET_ID)
    );
    assert_eq!(subscribe(&["a/#/b"], 1, 1), Err(IOTWIRE_ERR_INVALID_TOPIC));
    assert_eq!(subscribe(&["a+"], 1, 1), Err(IOTWIRE_ERR_INVALID_TOPIC));
    assert_eq!(subscribe(&[], 1, 1), Err(IOTWIRE_ERR_INVALID_ARGUMENT));
    assert_eq!(
        subscribe(&["a"; 9], 1, 1),
        Err(IOTWIRE_ERR_INVALID_ARGUMENT)
    );
    assert!(subscribe(&["a"; 8], 1, 1).is_ok());
    assert_eq!(
        unsubscribe(&["a"], 0),
        Err(IOTWIRE_ERR_MQTT_INVALID_PACKET_ID)
    );
    let mut len = 0;
    let rc = unsafe {
        iotwire_mqtt_subscribe_encode(std::ptr::null(), 1, 0, 1, null_mut(), 0, &mut len)
    };
    assert_eq!(rc, IOTWIRE_ERR_NULL_POINTER);
}

#[test]
fn fixed_packets() {
    assert_eq!(
        bytes(|o, c, l| unsafe { iotwire_mqtt_puback_encode(0x1234, o, c, l) }).unwrap(),
        vec![0x40, 2, 0x12, 0x34]
    );
    assert_eq!(
        bytes(|o, c, l| unsafe { iotwire_mqtt_puback_encode(0, o, c, l) }),
        Err(IOTWIRE_ERR_MQTT_INVALID_PACKET_ID)
    );
    assert_eq!(
        bytes(|o, c, l| unsafe { iotwire_mqtt_pingreq_encode(o, c, l) }).unwrap(),
        vec![0xC0, 0]
    );
    assert_eq!(
        bytes(|o, c, l| unsafe { iotwire_mqtt_disconnect_encode(o, c, l) }).unwrap(),
        vec![0xE0, 0]
    );
}

#[test]
fn decodes_what_mqttrs_encodes() {
    use mqttrs::*;
    let pid = |n| Pid::try_from(n).unwrap();
    let packets = [
        Packet::Connack(Connack {
            session_present: false,
            code: ConnectReturnCode::Accepted,
        }),
        Packet::Connack(Connack {
            session_present: true,
            code: ConnectReturnCode::Accepted,
        }),
        Packet::Connack(Connack {
            session_present: false,
            code: ConnectReturnCode::BadUsernamePassword,
        }),
        Packet::Publish(Publish {
            dup: false,
            qospid: QosPid::AtMostOnce,
            retain: true,
            topic_name: "/x/y",
            payload: b"p",
        }),
        Packet::Publish(Publish {
            dup: true,
            qospid: QosPid::AtLeastOnce(pid(513)),
            retain: false,
            topic_name: "t",
            payload: &[0u8; 200],
        }),
        Packet::Puback(pid(9)),
        Packet::Suback(Suback {
            pid: pid(4),
            return_codes: vec![
                SubscribeReturnCodes::Success(QoS::AtLeastOnce),
                SubscribeReturnCodes::Failure,
            ],
        }),
        Packet::Unsuback(pid(65535)),
        Packet::Pingresp,
    ];
    for p in &packets {
        let mut buf = [0u8; 512];
        let n = encode_slice(p, &mut buf).unwrap();
        let d = decode(&buf[..n]).unwrap_or_else(|e| panic!("{p:?}: {}", status_name(e.0)));
        assert_eq!(d.packet_len, n);
        match p {
            Packet::Connack(c) => {
                assert_eq!(d.packet_type, IOTWIRE_MQTT_PACKET_CONNACK);
                assert_eq!(
                    d.flags == IOTWIRE_MQTT_PACKET_FLAG_SESSION_PRESENT,
                    c.session_present
                );
                let code = match c.code {
                    ConnectReturnCode::Accepted => 0,
                    ConnectReturnCode::BadUsernamePassword => 4,
                    _ => unreachable!(),
                };
                assert_eq!(d.return_code, code);
            }
            Packet::Publish(q) => {
                assert_eq!(
                    &buf[d.topic_offset..][..d.topic_len],
                    q.topic_name.as_bytes()
                );
                assert_eq!(&buf[d.payload_offset..][..d.payload_len], q.payload);
                assert_eq!(d.flags & IOTWIRE_MQTT_PACKET_FLAG_RETAIN != 0, q.retain);
                assert_eq!(d.flags & IOTWIRE_MQTT_PACKET_FLAG_DUP != 0, q.dup);
            }
            Packet::Puback(id) | Packet::Unsuback(id) => assert_eq!(d.packet_id, id.get()),
            Packet::Suback(sa) => {
                assert_eq!(d.packet_id, sa.pid.get());
                assert_eq!(&buf[d.payload_offset..][..d.payload_len], &[1, 0x80]);
            }
            Packet::Pingresp => assert_eq!(d.packet_type, IOTWIRE_MQTT_PACKET_PINGRESP),
            _ => unreachable!(),
        }
    }
}

#[test]
fn non_minimal_remaining_length_is_accepted() {
    // MQTT 3.1.1 2.2.3 asks senders for the minimal form; a receiver may take `80 00` as 0.
    let p = decode(&[0xD0, 0x80, 0x00]).unwrap();
    assert_eq!(
        (p.packet_type, p.packet_len),
        (IOTWIRE_MQTT_PACKET_PINGRESP, 3)
    );
}

#[test]
fn every_truncation_asks_for_more() {
    let whole: Vec<Vec<u8>> = vec![
        vec![0x20, 2, 0, 0],
        vec![0xD0, 0],
        vec![0x90, 3, 0, 1, 0],
        publish("/a/b", &[7u8; 300], 1, 0, 2).unwrap(),
    ];
    for pkt in whole {
        for cut in 0..pkt.len() {
            let (rc, needed) = decode(&pkt[..cut]).unwrap_err();
            assert_eq!(
                rc, IOTWIRE_ERR_MQTT_NEED_MORE_DATA,
                "{pkt:02x?} cut at {cut}"
            );
            let header_known = cut >= 2 && (pkt[1] & 0x80 == 0 || cut >= 3);
            assert_eq!(needed, if header_known { pkt.len() } else { 0 });
        }
        // Trailing bytes of the next packet are not consumed.
        let mut two = pkt.clone();
        two.extend_from_slice(&[0xD0, 0]);
        assert_eq!(decode(&two).unwrap().packet_len, pkt.len());
    }
}

#[test]
fn malformed_input_is_an_error_never_a_panic() {
    let cases: &[(&[u8], i32)] = &[
        // mqttrs panics on this one ("index out of bounds").
        (&[0x40, 0x00], IOTWIRE_ERR_MQTT_MALFORMED),
        (&[0x20, 0x00], IOTWIRE_ERR_MQTT_MALFORMED),
        (&[0x32, 0x02, 0x00, 0x00], IOTWIRE_ERR_MQTT_MALFORMED),
        (&[0x30, 0x02, 0x00, 0x05], IOTWIRE_ERR_MQTT_MALFORMED),
        (
            &[0x30, 0x05, 0x00, 0x05, b'a', b'b', b'c'],
            IOTWIRE_ERR_MQTT_MALFORMED,
        ),
        (
            &[0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
            IOTWIRE_ERR_MQTT_MALFORMED,
        ),
        (&[0x30, 0x80, 0x80, 0x80, 0x80], IOTWIRE_ERR_MQTT_MALFORMED),
        (&[0x21, 0x02, 0x00, 0x00], IOTWIRE_ERR_MQTT_MALFORMED),
        (&[0x41, 0x02, 0x00, 0x01], IOTWIRE_ERR_MQTT_MALFORMED),
        (&[0x92, 0x03, 0x00, 0x01, 0x00], IOTWIRE_ERR_MQTT_MALFORMED),
        (&[0xD0, 0x01, 0x00], IOTWIRE_ERR_MQTT_MALFORMED),
        (&[0x20, 0x03, 0x00, 0x00, 0x00], IOTWIRE_ERR_MQTT_MALFORMED),
        (
            &[0x36, 0x05, 0x00, 0x01, b'a', 0x00, 0x01],
            IOTWIRE_ERR_MQTT_MALFORMED,
        ),
        (&[0x38, 0x03, 0x00, 0x01, b'a'], IOTWIRE_ERR_MQTT_MALFORMED),
        (
            &[0x34, 0x05, 0x00, 0x01, b'a', 0x00, 0x01],
            IOTWIRE_ERR_MQTT_QOS_UNSUPPORTED,
        ),
        (
            &[0x30, 0x04, 0x00, 0x02, 0xC3, 0x28],
            IOTWIRE_ERR_MQTT_MALFORMED,
        ),
        (
            &[0x30, 0x04, 0x00, 0x02, b'a', 0x00],
            IOTWIRE_ERR_MQTT_MALFORMED,
        ),
        (
            &[0x30, 0x04, 0x00, 0x02, b'a', b'+'],
            IOTWIRE_ERR_MQTT_MALFORMED,
        ),
        (&[0x30, 0x03, 0x00, 0x00, b'a'], IOTWIRE_ERR_MQTT_MALFORMED),
        (
            &[0x32, 0x05, 0x00, 0x01, b'a', 0x00, 0x00],
            IOTWIRE_ERR_MQTT_MALFORMED,
        ),
        (&[0x40, 0x02, 0x00, 0x00], IOTWIRE_ERR_MQTT_MALFORMED),
        (&[0x20, 0x02, 0x02, 0x00], IOTWIRE_ERR_MQTT_MALFORMED),
        (&[0x20, 0x02, 0x00, 0x06], IOTWIRE_ERR_MQTT_MALFORMED),
        (&[0x20, 0x02, 0x01, 0x05], IOTWIRE_ERR_MQTT_MALFORMED),
        (&[0x90, 0x03, 0x00, 0x01, 0x03], IOTWIRE_ERR_MQTT_MALFORMED),
        (&[0x90, 0x02, 0x00, 0x01], IOTWIRE_ERR_MQTT_MALFORMED),
        (&[0x00, 0x00], IOTWIRE_ERR_MQTT_MALFORMED),
        (&[0xF0, 0x00], IOTWIRE_ERR_MQTT_MALFORMED),
        (&[0x10, 0x00], IOTWIRE_ERR_MQTT_UNEXPECTED_PACKET),
        (
            &[0x50, 0x02, 0x00, 0x01],
            IOTWIRE_ERR_MQTT_UNEXPECTED_PACKET,
        ),
        (
            &[0x62, 0x02, 0x00, 0x01],
            IOTWIRE_ERR_MQTT_UNEXPECTED_PACKET,
        ),
        (&[0x82, 0x05], IOTWIRE_ERR_MQTT_UNEXPECTED_PACKET),
        (&[0xC0, 0x00], IOTWIRE_ERR_MQTT_UNEXPECTED_PACKET),
        (&[0xE0, 0x00], IOTWIRE_ERR_MQTT_UNEXPECTED_PACKET),
    ];
    for (input, want) in cases {
        assert_eq!(
            decode(input).map(|_| ()).unwrap_err().0,
            *want,
            "{input:02x?}"
        );
    }
    assert!(
        std::panic::catch_unwind(|| mqttrs::decode_slice(&[0x40, 0x00])).is_err(),
        "the oracle's known panic"
    );
}

/// xorshift64*: deterministic pseudo-random input without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

#[test]
fn random_and_mutated_input_never_panics_and_agrees_with_the_oracle() {
    let seeds: Vec<Vec<u8>> = vec![
        vec![0x20, 2, 0, 0],
        vec![0x40, 2, 0, 1],
        vec![0x90, 4, 0, 1, 0, 0x80],
        vec![0xB0, 2, 1, 1],
        vec![0xD0, 0],
        publish("/a/b", b"payload", 1, 0, 2).unwrap(),
        publish("t", b"", 0, 0, 0).unwrap(),
    ];
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut agreed = 0;
    for i in 0..200_000 {
        let mut input = seeds[i % seeds.len()].clone();
        match rng.next() % 4 {
            0 => {
                let n = (rng.next() % 12) as usize;
                input = (0..n).map(|_| rng.next() as u8).collect();
            }
            1 => {
                let at = (rng.next() as usize) % input.len();
                input[at] = rng.next() as u8;
            }
            2 => input.truncate((rng.next() as usize) % (input.len() + 1)),
            _ => input.push(rng.next() as u8),
        }
        let ours = decode(&input);
        if let (Ok(p), Some(o)) = (&ours, oracle(&input)) {
            let same_kind = matches!(
                (p.packet_type, &o),
                (IOTWIRE_MQTT_PACKET_CONNACK, mqttrs::Packet::Connack(_))
                    | (IOTWIRE_MQTT_PACKET_PUBLISH, mqttrs::Packet::Publish(_))
                    | (IOTWIRE_MQTT_PACKET_PUBACK, mqttrs::Packet::Puback(_))
                    | (IOTWIRE_MQTT_PACKET_SUBACK, mqttrs::Packet::Suback(_))
                    | (IOTWIRE_MQTT_PACKET_UNSUBACK, mqttrs::Packet::Unsuback(_))
                    | (IOTWIRE_MQTT_PACKET_PINGRESP, mqttrs::Packet::Pingresp)
            );
            assert!(same_kind, "{input:02x?}: {o:?}");
            if let mqttrs::Packet::Publish(q) = o {
                assert_eq!(&input[p.payload_offset..][..p.payload_len], q.payload);
            }
            agreed += 1;
        }
    }
    assert!(agreed > 1000, "only {agreed} comparisons");
}

#[test]
fn connack_codes_and_dynreg_meanings() {
    use IOTWIRE_MQTT_CONNACK_CONTEXT_CONNECT as C;
    use IOTWIRE_MQTT_CONNACK_CONTEXT_DYNREG as D;
    let table = [
        (0, C, IOTWIRE_OK),
        (1, C, IOTWIRE_ERR_MQTT_REFUSED_PROTOCOL_VERSION),
        (2, C, IOTWIRE_ERR_MQTT_REFUSED_IDENTIFIER),
        (3, C, IOTWIRE_ERR_MQTT_REFUSED_SERVER_UNAVAILABLE),
        (4, C, IOTWIRE_ERR_MQTT_REFUSED_BAD_CREDENTIALS),
        (5, C, IOTWIRE_ERR_MQTT_REFUSED_NOT_AUTHORIZED),
        (6, C, IOTWIRE_ERR_MQTT_MALFORMED),
        (256, C, IOTWIRE_ERR_MQTT_MALFORMED),
        (0, D, IOTWIRE_OK),
        (2, D, IOTWIRE_ERR_MQTT_DYNREG_INVALID_PARAMS),
        (3, D, IOTWIRE_ERR_MQTT_REFUSED_SERVER_UNAVAILABLE),
        (4, D, IOTWIRE_ERR_MQTT_DYNREG_AUTH_FAILED),
        (5, D, IOTWIRE_ERR_MQTT_REFUSED_NOT_AUTHORIZED),
        (0, 2, IOTWIRE_ERR_INVALID_SELECTOR),
    ];
    for (code, ctx, want) in table {
        assert_eq!(iotwire_mqtt_connack_status(code, ctx), want, "{code} {ctx}");
    }
}

#[test]
fn packet_ids_are_caller_state() {
    let mut a = iotwire_mqtt_packet_ids_t { next: 0 };
    let mut b = iotwire_mqtt_packet_ids_t { next: 0 };
    assert_eq!(unsafe { iotwire_mqtt_packet_ids_init(&mut a) }, IOTWIRE_OK);
    let mut id = 0u16;
    for want in [1u16, 2, 3] {
        assert_eq!(
            unsafe { iotwire_mqtt_packet_ids_next(&mut a, &mut id) },
            IOTWIRE_OK
        );
        assert_eq!(id, want);
    }
    // A zeroed counter starts at 1 as well; two counters do not share state.
    assert_eq!(
        unsafe { iotwire_mqtt_packet_ids_next(&mut b, &mut id) },
        IOTWIRE_OK
    );
    assert_eq!(id, 1);
    a.next = 65535;
    unsafe { iotwire_mqtt_packet_ids_next(&mut a, &mut id) };
    assert_eq!((id, a.next), (65535, 1));
    assert_eq!(
        unsafe { iotwire_mqtt_packet_ids_next(&mut a, std::ptr::null_mut()) },
        IOTWIRE_ERR_NULL_POINTER
    );
    let p = &mut a as *mut iotwire_mqtt_packet_ids_t;
    assert_eq!(
        unsafe { iotwire_mqtt_packet_ids_next(p, p.cast()) },
        IOTWIRE_ERR_OVERLAP
    );
}

#[test]
fn decode_argument_contract() {
    let mut p = std::mem::MaybeUninit::<iotwire_mqtt_packet_t>::uninit();
    let mut needed = 7usize;
    assert_eq!(
        unsafe { iotwire_mqtt_decode(std::ptr::null(), 0, p.as_mut_ptr(), &mut needed) },
        IOTWIRE_ERR_MQTT_NEED_MORE_DATA
    );
    assert_eq!(needed, 0);
    assert_eq!(
        unsafe { iotwire_mqtt_decode(std::ptr::null(), 1, p.as_mut_ptr(), &mut needed) },
        IOTWIRE_ERR_NULL_POINTER
    );
    assert_eq!(
        unsafe { iotwire_mqtt_decode([0xD0u8, 0].as_ptr(), 2, null_mut(), &mut needed) },
        IOTWIRE_ERR_NULL_POINTER
    );
    assert_eq!(
        unsafe { iotwire_mqtt_decode([0xD0u8].as_ptr(), 1, p.as_mut_ptr(), null_mut()) },
        IOTWIRE_ERR_MQTT_NEED_MORE_DATA
    );
    // The packet struct inside the input buffer.
    let mut buf = [0u8; 256];
    buf[0] = 0xD0;
    let inside = buf[8..].as_mut_ptr().cast::<iotwire_mqtt_packet_t>();
    assert_eq!(
        unsafe { iotwire_mqtt_decode(buf.as_ptr(), buf.len(), inside, null_mut()) },
        IOTWIRE_ERR_OVERLAP
    );
}
