//! Tests of `check_connect.rs`, written from the mutants it missed (kept apart, so that
//! file stays about the checks).

use super::*;
use crate::mqtt::client_id::{write_client_id, write_username};
use crate::mqtt::params::Params;
use crate::mqtt::password::write_password;
use crate::mqtt::plan::Plan;
use crate::sink::SliceWriter;
use std::string::{String, ToString};
use std::vec::Vec;

pub(crate) const PK: &[u8] = b"a1X2bEnP82z";
pub(crate) const DN: &[u8] = b"example1";
pub(crate) const DS: &[u8] = b"s3cr3tS3CR3Ts3cr3tS3CR3Ts3cr3t12";

/// One finding, with its values as text (`null` for absent).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Seen {
    pub severity: Severity,
    pub field: String,
    pub expected: String,
    pub got: String,
    pub why: &'static str,
    pub at: Option<usize>,
}

fn text(v: Val<'_>) -> String {
    let lossy = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    match v {
        Val::Absent => "null".to_string(),
        Val::Text(t) => lossy(t),
        Val::Parts(p) => p.iter().map(|b| lossy(b)).collect(),
        Val::Str(s) => s.to_string(),
        Val::Num(n) => n.to_string(),
        Val::Hex(b, _) => b.iter().map(|x| std::format!("{x:02x}")).collect(),
    }
}

/// Keeps every finding of one run.
#[derive(Default)]
pub(crate) struct Recorder(pub Vec<Seen>);

impl Report for Recorder {
    fn add(&mut self, f: Finding<'_>) -> Result<(), Error> {
        self.0.push(Seen {
            severity: f.severity,
            field: String::from_utf8_lossy(f.field).into_owned(),
            expected: text(f.expected),
            got: text(f.got),
            why: f.why,
            at: f.at,
        });
        Ok(())
    }
}

pub(crate) fn findings(packet: &[u8], d: &Device<'_>) -> Vec<Seen> {
    let mut r = Recorder::default();
    analyze(packet, d, &mut r).unwrap();
    r.0
}

/// The findings of `severity` about `field`.
pub(crate) fn about(all: &[Seen], severity: Severity, field: &str) -> Vec<Seen> {
    all.iter()
        .filter(|s| s.severity == severity && s.field == field)
        .cloned()
        .collect()
}

/// MQTT 3.1.1 CONNECT written by hand: `10 <rem> 00 04 MQTT 04 <flags> <keepalive> <cid>
/// [<user>] [<pass>]` (the flags are taken as given).
pub(crate) fn raw_connect(
    flags: u8,
    keepalive: u16,
    cid: &[u8],
    user: Option<&[u8]>,
    pass: Option<&[u8]>,
) -> Vec<u8> {
    let field = |v: &mut Vec<u8>, s: &[u8]| {
        v.extend_from_slice(&u16::try_from(s.len()).unwrap().to_be_bytes());
        v.extend_from_slice(s);
    };
    let mut body = std::vec![0, 4, b'M', b'Q', b'T', b'T', 4, flags];
    body.extend_from_slice(&keepalive.to_be_bytes());
    field(&mut body, cid);
    for s in [user, pass].into_iter().flatten() {
        field(&mut body, s);
    }
    let (digits, width) = crate::layout::remaining_length(body.len());
    let mut pkt = std::vec![0x10];
    pkt.extend_from_slice(&digits[..width]);
    pkt.extend_from_slice(&body);
    pkt
}

/// Client id, user name and password the library writes for `params`.
pub(crate) fn credentials(params: &Params<'_>) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    let plan = Plan::resolve(params).unwrap();
    let mut out: [Vec<u8>; 3] = Default::default();
    for (i, o) in out.iter_mut().enumerate() {
        let mut buf = [0u8; 600];
        let mut w = SliceWriter::new(&mut buf);
        match i {
            0 => write_client_id(&plan, &mut w).unwrap(),
            1 => write_username(&plan, &mut w).unwrap(),
            _ => write_password(&plan, &mut w).unwrap(),
        }
        *o = w.written().to_vec();
    }
    let [cid, user, pass] = out;
    (cid, user, pass)
}

fn device() -> Device<'static> {
    Device {
        product_key: PK,
        device_name: DN,
        device_secret: DS,
        ..Device::default()
    }
}

/// A device-secret CONNECT with this client id, the right user name and any password.
fn with_client_id(cid: &[u8]) -> Vec<u8> {
    raw_connect(0xc2, 60, cid, Some(b"example1&a1X2bEnP82z"), Some(b"00"))
}

fn problem_whys(all: &[Seen], field: &str) -> Vec<&'static str> {
    about(all, Severity::Problem, field)
        .iter()
        .map(|s| s.why)
        .collect()
}

#[test]
fn the_library_connect_is_accepted_and_trailing_bytes_are_noted() {
    let (cid, user, pass) = credentials(&Params {
        product_key: PK,
        device_name: DN,
        device_secret: DS,
        ..Params::default()
    });
    let p = raw_connect(0xc2, 60, &cid, Some(&user), Some(&pass));
    let all = findings(&p, &device());
    assert!(all.iter().all(|s| s.severity == Severity::Fact), "{all:?}");
    // Two bytes after the CONNECT: a note at the first of them with their count.
    let mut longer = p.clone();
    longer.extend_from_slice(&[0xc0, 0x00]);
    let all = findings(&longer, &device());
    let notes = about(&all, Severity::Note, "packet");
    assert_eq!(notes.len(), 1, "{all:?}");
    assert_eq!(notes[0].got, "2");
    assert_eq!(notes[0].at, Some(p.len()));
    assert!(about(&all, Severity::Problem, "packet").is_empty());
}

#[test]
fn clean_session_zero_is_a_note_whatever_the_other_flags() {
    // User name and password bits set, clean session clear (0xc0): still noted.
    let cid = b"a1X2bEnP82z.example1|securemode=2,signmethod=hmacsha256|";
    let p = raw_connect(0xc0, 60, cid, Some(b"example1&a1X2bEnP82z"), Some(b"00"));
    let notes = about(&findings(&p, &device()), Severity::Note, "clean_session");
    assert_eq!(notes.len(), 1);
    assert_eq!(
        (notes[0].expected.as_str(), notes[0].got.as_str()),
        ("1", "0")
    );
    assert_eq!(notes[0].at, Some(9));
    let p = raw_connect(0xc2, 60, cid, Some(b"example1&a1X2bEnP82z"), Some(b"00"));
    assert!(about(&findings(&p, &device()), Severity::Note, "clean_session").is_empty());
}

#[test]
fn username_must_start_with_the_device_name_not_only_end_with_the_product_key() {
    let cid = b"a1X2bEnP82z.example1|securemode=2,signmethod=hmacsha256|";
    // Same length, '&' after as many bytes as the DeviceName has, ends with the
    // ProductKey: only the DeviceName differs.
    for user in [&b"examplX1&a1X2bEnP82z"[..], b"xxample1&a1X2bEnP82z"] {
        let p = raw_connect(0xc2, 60, cid, Some(user), Some(b"00"));
        let all = findings(&p, &device());
        let u = about(&all, Severity::Problem, "username");
        assert_eq!(u.len(), 1, "{all:?}");
        assert_eq!(u[0].expected, "example1&a1X2bEnP82z");
        assert_eq!(u[0].why, "not <DeviceName>&<ProductKey> of this device");
    }
    // Longer, but '&' at the DeviceName's length and ending with the ProductKey.
    let p = raw_connect(0xc2, 60, cid, Some(b"zzzzzzzz&yya1X2bEnP82z"), Some(b"00"));
    assert_eq!(problem_whys(&findings(&p, &device()), "username").len(), 1);
}

#[test]
fn client_id_of_64_characters_passes_and_65_is_refused() {
    for (len, refused) in [(63, false), (64, false), (65, true), (66, true)] {
        let mut cid = std::vec![b'c'; len];
        cid.extend_from_slice(b"|securemode=2,signmethod=hmacsha256|");
        let all = findings(&with_client_id(&cid), &device());
        let whys = problem_whys(&all, "client_id");
        if refused {
            assert_eq!(
                whys,
                ["the platform accepts client ids of up to 64 characters"],
                "{len}"
            );
        } else {
            assert!(whys.is_empty(), "{len}: {all:?}");
        }
    }
}

#[test]
fn parameter_offsets_are_packet_offsets() {
    let cid = b"a1X2bEnP82z.example1|signmethod=hmacsha256,securemode=9,timestamp=x1|";
    let p = with_client_id(cid);
    let find = |needle: &[u8]| p.windows(needle.len()).position(|w| w == needle);
    let all = findings(&p, &device());
    let sm = about(&all, Severity::Problem, "securemode");
    assert_eq!(sm.len(), 1, "{all:?}");
    assert_eq!(sm[0].at, find(b"securemode=9"));
    let ts = about(&all, Severity::Problem, "timestamp");
    assert_eq!(ts.len(), 1, "{all:?}");
    assert_eq!(ts[0].at, find(b"timestamp=x1"));
    // The first parameter: its offset is the byte after the first '|'.
    let cid = b"a1X2bEnP82z.example1|signmethod=md4,securemode=2|";
    let p = with_client_id(cid);
    let sig = about(&findings(&p, &device()), Severity::Problem, "signmethod");
    assert_eq!(sig.len(), 1);
    assert_eq!(sig[0].at, Some(14 + 21));
    assert_eq!(&p[14 + 21..14 + 31], b"signmethod");
}

#[test]
fn securemode_3_of_a_device_secret_connect_is_a_plaintext_note() {
    let cid = b"a1X2bEnP82z.example1|securemode=3,signmethod=hmacsha256|";
    let all = findings(&with_client_id(cid), &device());
    let notes = about(&all, Severity::Note, "securemode");
    assert_eq!(notes.len(), 1, "{all:?}");
    assert_eq!(notes[0].got, "3");
    assert_eq!(
        notes[0].why,
        "3 is plaintext TCP, which the platform no longer allows for new devices"
    );
    assert!(about(&all, Severity::Problem, "securemode").is_empty());
    // securemode 2: neither note nor problem.
    let cid = b"a1X2bEnP82z.example1|securemode=2,signmethod=hmacsha256|";
    let all = findings(&with_client_id(cid), &device());
    assert!(all.iter().all(|s| s.field != "securemode"), "{all:?}");
}

#[test]
fn securemode_8_without_id2_is_named_other_values_are_not() {
    let why = |sm: &str| {
        let cid = std::format!("a1X2bEnP82z.example1|securemode={sm},signmethod=hmacsha256|");
        problem_whys(
            &findings(&with_client_id(cid.as_bytes()), &device()),
            "securemode",
        )
    };
    assert_eq!(why("8"), ["securemode 8 (ID²) without authtype=id2"]);
    assert_eq!(why("5"), ["a securemode this connect mode does not have"]);
    assert_eq!(why("0"), ["a securemode this connect mode does not have"]);
    // A register connect with securemode 8: the mode's generic reason, not the ID² one.
    let cid =
        b"a1X2bEnP82z.example1|securemode=8,authType=register,random=r1,signmethod=hmacsha256|";
    assert_eq!(
        problem_whys(&findings(&with_client_id(cid), &device()), "securemode"),
        ["a securemode this connect mode does not have"]
    );
}

#[test]
fn timestamp_must_be_1_to_20_decimal_digits() {
    let problems = |ts: &str| {
        let cid =
            std::format!("a1X2bEnP82z.example1|securemode=2,signmethod=hmacsha256,timestamp={ts}|");
        about(
            &findings(&with_client_id(cid.as_bytes()), &device()),
            Severity::Problem,
            "timestamp",
        )
    };
    for ok in ["1", "2524608000000", "12345678901234567890"] {
        assert!(problems(ok).is_empty(), "{ok}");
    }
    for bad in ["", "123456789012345678901", "12a4", "-1"] {
        let p = problems(bad);
        assert_eq!(p.len(), 1, "{bad:?}");
        assert_eq!(p[0].got, bad);
        assert_eq!(p[0].why, "not a decimal timestamp");
    }
}
