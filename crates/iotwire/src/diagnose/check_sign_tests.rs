//! Tests of `check_sign.rs`, written from the mutants it missed (kept apart, so that
//! file stays about the checks).

use super::*;
use crate::diagnose::check_connect::check_connect_tests::{
    DN, DS, PK, Seen, about, credentials, findings, raw_connect,
};
use crate::diagnose::finding::Severity;
use crate::mqtt::params::{Mode as PlanMode, Params};
use std::vec::Vec;

const PS: &[u8] = b"pS3cr3tpS3cr3tpS";
const USER: &[u8] = b"example1&a1X2bEnP82z";
/// A device-secret client id (no authType) that carries a random.
const CID_WITH_RANDOM: &[u8] =
    b"a1X2bEnP82z.example1|random=r4nd0m,securemode=2,signmethod=hmacsha256|";
const WHY_AUTH_TYPE: &str = "the password is the ProductSecret HMAC of a registration (deviceName, productKey, random), but without authType the platform checks a DeviceSecret connect";

/// The registration HMAC-SHA256 password over random `r4nd0m`, as the library writes it.
fn registration_password() -> Vec<u8> {
    let (cid, _, pass) = credentials(&Params {
        mode: PlanMode::Register,
        sign_method: Some(SignMethod::HmacSha256),
        product_key: PK,
        device_name: DN,
        product_secret: PS,
        random: b"r4nd0m",
        ..Params::default()
    });
    assert!(cid.windows(13).any(|w| w == b"random=r4nd0m"));
    assert_eq!(pass.len(), 64);
    pass
}

fn check(cid: &[u8], pass: Option<&[u8]>, d: &Device<'_>) -> Vec<Seen> {
    let flags = if pass.is_some() { 0xc2 } else { 0x82 };
    findings(&raw_connect(flags, 60, cid, Some(USER), pass), d)
}

fn only_product_secret() -> Device<'static> {
    Device {
        product_key: PK,
        device_name: DN,
        product_secret: PS,
        ..Device::default()
    }
}

#[test]
fn registration_password_without_auth_type_is_named() {
    let pw = registration_password();
    let all = check(CID_WITH_RANDOM, Some(&pw), &only_product_secret());
    let a = about(&all, Severity::Problem, "authType");
    assert_eq!(a.len(), 1, "{all:?}");
    assert_eq!(a[0].why, WHY_AUTH_TYPE);
    assert!(a[0].at.is_some());
    assert!(all.iter().all(|s| s.field != "password"), "{all:?}");
    // Lower case hex is the same MAC.
    let all = check(
        CID_WITH_RANDOM,
        Some(&pw.to_ascii_lowercase()),
        &only_product_secret(),
    );
    assert_eq!(about(&all, Severity::Problem, "authType").len(), 1);
}

#[test]
fn another_password_with_only_a_product_secret_is_not_checked() {
    // 64 hex digits that are no registration HMAC: no authType problem, the password
    // cannot be checked without the DeviceSecret.
    let mut pw = registration_password();
    pw[0] = if pw[0] == b'0' { b'1' } else { b'0' };
    let all = check(CID_WITH_RANDOM, Some(&pw), &only_product_secret());
    assert!(
        about(&all, Severity::Problem, "authType").is_empty(),
        "{all:?}"
    );
    let n = about(&all, Severity::Note, "password");
    assert_eq!(n.len(), 1, "{all:?}");
    assert_eq!(n[0].why, "not checked: no DeviceSecret given");
}

#[test]
fn registration_password_without_random_is_not_taken_for_a_registration() {
    // Without a random in the client id there is nothing to sign: not an authType problem.
    let pw = registration_password();
    let cid = b"a1X2bEnP82z.example1|securemode=2,signmethod=hmacsha256|";
    let all = check(cid, Some(&pw), &only_product_secret());
    assert!(
        about(&all, Severity::Problem, "authType").is_empty(),
        "{all:?}"
    );
    assert_eq!(about(&all, Severity::Note, "password").len(), 1);
}

#[test]
fn with_a_device_secret_the_registration_password_is_a_wrong_password() {
    // The DeviceSecret is given: the platform checks the DeviceSecret HMAC, and the
    // registration HMAC is just not it.
    let pw = registration_password();
    let d = Device {
        device_secret: DS,
        ..only_product_secret()
    };
    let all = check(CID_WITH_RANDOM, Some(&pw), &d);
    assert!(
        about(&all, Severity::Problem, "authType").is_empty(),
        "{all:?}"
    );
    assert_one_wrong_password(&all);
}

#[test]
fn a_wrong_password_is_told_by_its_text_and_length() {
    let d = Device {
        product_key: PK,
        device_name: DN,
        device_secret: DS,
        ..Device::default()
    };
    let cid = b"a1X2bEnP82z.example1|securemode=2,signmethod=hmacsha256|";
    let why = |pw: &[u8]| {
        let all = check(cid, Some(pw), &d);
        let p = about(&all, Severity::Problem, "password");
        assert_eq!(p.len(), 1, "{all:?}");
        p[0].why
    };
    let hex64 = [b'a'; 64];
    assert_eq!(
        why(&hex64),
        "not the HMAC of the sign content with this DeviceSecret: made with another secret, or over other values than the CONNECT carries"
    );
    assert_eq!(
        why(&hex64[..62]),
        "not 64 hex digits, the length of an HMAC-SHA256"
    );
    let mut not_hex = hex64;
    not_hex[10] = b'g';
    assert_eq!(
        why(&not_hex),
        "not hex text: the password is the hex of the HMAC of the sign content"
    );
}

fn connwl(token: &'static [u8]) -> Device<'static> {
    Device {
        product_key: PK,
        device_name: DN,
        device_token: token,
        ..Device::default()
    }
}

const CONNWL_CID: &[u8] = b"cid1|authType=connwl,securemode=-2|";

#[test]
fn connwl_password_is_the_device_token() {
    let all = check(CONNWL_CID, Some(b"tok3n"), &connwl(b"tok3n"));
    assert!(all.iter().all(|s| s.field != "password"), "{all:?}");
    let all = check(CONNWL_CID, Some(b"tok3m"), &connwl(b"tok3n"));
    let p = about(&all, Severity::Problem, "password");
    assert_eq!(p.len(), 1, "{all:?}");
    assert_eq!(
        (p[0].expected.as_str(), p[0].got.as_str()),
        ("tok3n", "tok3m")
    );
    assert_eq!(p[0].why, "not the device token of the regnwl reply");
    assert!(p[0].at.is_some());
}

#[test]
fn connwl_without_password_is_refused() {
    for pass in [None, Some(&b""[..])] {
        let all = check(CONNWL_CID, pass, &connwl(b"tok3n"));
        let p = about(&all, Severity::Problem, "password");
        assert_eq!(p.len(), 1, "{pass:?}: {all:?}");
        assert_eq!(
            p[0].why,
            "a connwl connect sends the device token as its password"
        );
    }
    // Without a token to compare, a sent token is a note.
    let all = check(CONNWL_CID, Some(b"tok3n"), &connwl(b""));
    assert_eq!(about(&all, Severity::Note, "password").len(), 1, "{all:?}");
    assert!(about(&all, Severity::Problem, "password").is_empty());
}

/// Hex (upper case) of the `method` HMAC with `key` over `parts`.
fn hmac_hex(method: SignMethod, key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    let mut mac = Digest::new();
    mac::mac_into(method, key, parts, &mut mac).unwrap();
    let mut buf = [0u8; 64];
    let mut w = crate::sink::SliceWriter::new(&mut buf);
    put_hex(&mut w, mac.as_bytes(), HexCase::Upper).unwrap();
    w.written().to_vec()
}

fn problem_fields(all: &[Seen]) -> Vec<&str> {
    all.iter()
        .filter(|s| s.severity == Severity::Problem)
        .map(|s| s.field.as_str())
        .collect()
}

#[test]
fn another_method_over_the_sent_values_is_only_a_signmethod_problem() {
    // Own client id (not <pk>.<dn>) and a timestamp: only the try with the sent client id
    // and the sent timestamp reproduces the password.
    let cid = b"mydevice|securemode=2,signmethod=hmacsha256,timestamp=1700000000000|";
    let pw = hmac_hex(
        SignMethod::HmacMd5,
        DS,
        &[
            b"clientId",
            b"mydevice",
            b"deviceName",
            DN,
            b"productKey",
            PK,
            b"timestamp",
            b"1700000000000",
        ],
    );
    let d = Device {
        product_key: PK,
        device_name: DN,
        device_secret: DS,
        ..Device::default()
    };
    let all = check(cid, Some(&pw), &d);
    assert_eq!(problem_fields(&all), ["signmethod"], "{all:?}");
    let p = about(&all, Severity::Problem, "signmethod");
    assert_eq!(
        (p[0].expected.as_str(), p[0].got.as_str()),
        ("hmacmd5", "hmacsha256")
    );
}

#[test]
fn registration_with_another_method_is_only_a_signmethod_problem() {
    // A registration signs neither timestamp nor client id: trying other ones would only
    // repeat the same MAC and blame fields that are not at fault.
    let cid = b"mydevice|authType=register,random=r4nd0m,signmethod=hmacsha256,securemode=2|";
    let pw = hmac_hex(
        SignMethod::HmacMd5,
        PS,
        &[b"deviceName", DN, b"productKey", PK, b"random", b"r4nd0m"],
    );
    let all = check(cid, Some(&pw), &only_product_secret());
    assert_eq!(problem_fields(&all), ["signmethod"], "{all:?}");
    let p = about(&all, Severity::Problem, "signmethod");
    assert_eq!(
        (p[0].expected.as_str(), p[0].got.as_str()),
        ("hmacmd5", "hmacsha256")
    );
}

#[test]
fn pk_dn_too_long_to_try_is_not_tried_as_an_empty_client_id() {
    // <pk>.<dn> longer than 64 bytes is not tried as a client id; the password here signs
    // an empty clientId, which is just a wrong password, not the <pk>.<dn> deviation.
    let dn = [b'd'; 60];
    let d = Device {
        product_key: PK,
        device_name: &dn,
        device_secret: DS,
        ..Device::default()
    };
    let pw = hmac_hex(
        SignMethod::HmacSha256,
        DS,
        &[b"clientId", b"", b"deviceName", &dn, b"productKey", PK],
    );
    let cid = b"mydevice|securemode=2,signmethod=hmacsha256|";
    let all = check(cid, Some(&pw), &d);
    assert!(
        about(&all, Severity::Problem, "client_id").is_empty(),
        "{all:?}"
    );
    assert_one_wrong_password(&all);
}

/// Exactly one password problem, the one for a MAC that no tried content reproduces.
fn assert_one_wrong_password(all: &[Seen]) {
    let p = about(all, Severity::Problem, "password");
    assert_eq!(p.len(), 1, "{all:?}");
    assert_eq!(
        p[0].why,
        "not the HMAC of the sign content with this DeviceSecret: made with another secret, or over other values than the CONNECT carries"
    );
}
