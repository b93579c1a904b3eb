//! Tests of `check_profile.rs`, written from the mutants it missed (kept apart, so that
//! file stays about the checks).

use super::*;
use crate::diagnose::check_connect::check_connect_tests::{
    DN, DS, PK, Seen, credentials, findings, raw_connect,
};
use crate::diagnose::finding::Severity;
use crate::mqtt::params::{LegacyProfile, LegacySdk};
use std::vec::Vec;

const PS: &[u8] = b"pS3cr3tpS3cr3tpS";

fn profile(sdk: LegacySdk) -> LegacyProfile {
    LegacyProfile {
        tls: true,
        ..LegacyProfile::plain(sdk)
    }
}

fn notes(all: &[Seen]) -> Vec<Seen> {
    all.iter()
        .filter(|s| s.severity == Severity::Note)
        .cloned()
        .collect()
}

/// The credentials `sdk`'s build writes in `mode`, as a CONNECT, and the device with that
/// profile.
fn profile_connect(mode: PlanMode, sdk: LegacySdk) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    credentials(&Params {
        mode,
        legacy: Some(profile(sdk)),
        product_key: PK,
        device_name: DN,
        device_secret: DS,
        product_secret: PS,
        random: b"r4nd0m",
        client_id: if mode == PlanMode::Connwl {
            b"cid1"
        } else {
            b""
        },
        device_token: b"tok3n",
        ..Params::default()
    })
}

fn device(sdk: LegacySdk) -> Device<'static> {
    Device {
        product_key: PK,
        device_name: DN,
        device_secret: DS,
        product_secret: PS,
        device_token: b"tok3n",
        profile: Some(profile(sdk)),
    }
}

fn notes_of(cid: &[u8], user: &[u8], pass: &[u8], sdk: LegacySdk) -> Vec<Seen> {
    let all = findings(
        &raw_connect(0xc2, 60, cid, Some(user), Some(pass)),
        &device(sdk),
    );
    notes(&all)
}

/// Offset of `needle` in the CONNECT of [`notes_of`].
fn packet_offset(cid: &[u8], user: &[u8], pass: &[u8], needle: &[u8]) -> Option<usize> {
    let p = raw_connect(0xc2, 60, cid, Some(user), Some(pass));
    p.windows(needle.len()).position(|w| w == needle)
}

fn replace(hay: &[u8], from: &str, to: &str) -> Vec<u8> {
    let s = std::str::from_utf8(hay).unwrap();
    assert!(s.contains(from), "{s} has no {from}");
    s.replacen(from, to, 1).into_bytes()
}

#[test]
fn register_connect_of_its_profile_has_no_notes() {
    // The profile's plan takes the connect mode from the packet: a device-secret plan would
    // write another client id.
    let (cid, user, pass) = profile_connect(PlanMode::Register, LegacySdk::V320);
    assert!(cid.windows(17).any(|w| w == b"authType=register"));
    let notes = notes_of(&cid, &user, &pass, LegacySdk::V320);
    assert!(notes.is_empty(), "{notes:?}");
}

#[test]
fn register_password_in_the_other_hex_case_is_the_one_note() {
    // Only a plan with the device's ProductSecret and the packet's random writes the MAC
    // (without either there is no password to compare, so no note).
    let (cid, user, pass) = profile_connect(PlanMode::Register, LegacySdk::V320);
    let lower = pass.to_ascii_lowercase();
    assert_ne!(lower, pass);
    let notes = notes_of(&cid, &user, &lower, LegacySdk::V320);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].field, "password");
    assert_eq!(notes[0].expected.as_bytes(), &pass[..]);
    assert_eq!(
        notes[0].why,
        "the same MAC in the other hex case than the --profile build writes (the platform accepts either)"
    );
}

#[test]
fn another_password_is_a_value_difference_not_a_hex_case_one() {
    let (cid, user, pass) = profile_connect(PlanMode::Register, LegacySdk::V320);
    let mut other = pass.clone();
    other[0] = if other[0] == b'0' { b'1' } else { b'0' };
    let notes = notes_of(&cid, &user, &other, LegacySdk::V320);
    let pw: Vec<_> = notes.iter().filter(|n| n.field == "password").collect();
    assert_eq!(pw.len(), 1, "{notes:?}");
    assert_eq!(pw[0].expected.as_bytes(), &pass[..]);
    assert_eq!(pw[0].got.as_bytes(), &other[..]);
    assert_eq!(pw[0].why, WHY_VALUE);
    // Shorter than the profile's: also a value difference.
    let notes = notes_of(&cid, &user, &pass[..pass.len() - 1], LegacySdk::V320);
    let pw: Vec<_> = notes.iter().filter(|n| n.field == "password").collect();
    assert_eq!(pw.len(), 1, "{notes:?}");
    assert_eq!(pw[0].why, WHY_VALUE);
}

#[test]
fn connwl_profile_takes_the_packets_client_id_and_token() {
    // An extra parameter is the only difference from the LinkSDK 4.2 connwl connect: the
    // profile can only write that connect with the packet's client id and token.
    let (cid, user, pass) = profile_connect(PlanMode::Connwl, LegacySdk::LinkSdk42);
    assert_eq!(pass, b"tok3n");
    let notes = notes_of(&cid, &user, &pass, LegacySdk::LinkSdk42);
    assert!(notes.is_empty(), "{notes:?}");
    let extra = replace(&cid, "|authType=", "|x=1,authType=");
    let notes = notes_of(&extra, &user, &pass, LegacySdk::LinkSdk42);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].field, "x");
    assert_eq!(
        (notes[0].expected.as_str(), notes[0].got.as_str()),
        ("null", "1")
    );
    assert_eq!(notes[0].why, WHY_EXTRA);
}

#[test]
fn a_profile_without_the_mode_names_the_mode() {
    let (cid, user, pass) = profile_connect(PlanMode::Register, LegacySdk::V320);
    // iotkit-embedded 2.3.0 had no dynamic registration.
    let notes = notes_of(&cid, &user, &pass, LegacySdk::V230);
    let p: Vec<_> = notes.iter().filter(|n| n.field == "profile").collect();
    assert_eq!(p.len(), 1, "{notes:?}");
    assert_eq!(
        (p[0].expected.as_str(), p[0].got.as_str()),
        ("null", "register")
    );
    let (cid, user, pass) = profile_connect(PlanMode::Connwl, LegacySdk::LinkSdk42);
    let notes = notes_of(&cid, &user, &pass, LegacySdk::V320);
    let p: Vec<_> = notes.iter().filter(|n| n.field == "profile").collect();
    assert_eq!(p.len(), 1, "{notes:?}");
    assert_eq!(p[0].got, "connwl");
}

#[test]
fn another_client_id_before_the_bar_is_named() {
    let (cid, user, pass) = profile_connect(PlanMode::DeviceSecret, LegacySdk::V320);
    let other = replace(&cid, "a1X2bEnP82z.example1|", "other|");
    let notes = notes_of(&other, &user, &pass, LegacySdk::V320);
    let c: Vec<_> = notes.iter().filter(|n| n.field == "client_id").collect();
    assert_eq!(c.len(), 1, "{notes:?}");
    assert_eq!(c[0].expected, "a1X2bEnP82z.example1");
    assert_eq!(c[0].got, "other");
    assert_eq!(c[0].why, WHY_VALUE);
    assert_eq!(c[0].at, packet_offset(&other, &user, &pass, b"other|"));
}

#[test]
fn one_parameter_value_differs_is_the_one_note() {
    let (cid, user, pass) = profile_connect(PlanMode::DeviceSecret, LegacySdk::V320);
    assert!(notes_of(&cid, &user, &pass, LegacySdk::V320).is_empty());
    let changed = replace(&cid, ",lan=C,", ",lan=D,");
    let notes = notes_of(&changed, &user, &pass, LegacySdk::V320);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].field, "lan");
    assert_eq!(
        (notes[0].expected.as_str(), notes[0].got.as_str()),
        ("C", "D")
    );
    assert_eq!(notes[0].why, WHY_VALUE);
    assert_eq!(
        notes[0].at,
        packet_offset(&changed, &user, &pass, b"lan=D,")
    );
}

#[test]
fn same_parameters_in_another_order_is_one_client_id_note() {
    let (cid, user, pass) = profile_connect(PlanMode::DeviceSecret, LegacySdk::V320);
    let swapped = replace(&cid, ",gw=0,ext=0|", ",ext=0,gw=0|");
    let notes = notes_of(&swapped, &user, &pass, LegacySdk::V320);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].field, "client_id");
    assert_eq!(notes[0].expected.as_bytes(), &cid[..]);
    assert_eq!(notes[0].got.as_bytes(), &swapped[..]);
    assert_eq!(
        notes[0].why,
        "the same parameters in another order than the --profile build writes them"
    );
}

#[test]
fn another_username_is_noted_against_the_profiles() {
    let (cid, user, pass) = profile_connect(PlanMode::DeviceSecret, LegacySdk::V320);
    let notes = notes_of(&cid, b"example2&a1X2bEnP82z", &pass, LegacySdk::V320);
    let u: Vec<_> = notes.iter().filter(|n| n.field == "username").collect();
    assert_eq!(u.len(), 1, "{notes:?}");
    assert_eq!(u[0].expected.as_bytes(), &user[..]);
    assert_eq!(u[0].got, "example2&a1X2bEnP82z");
    assert_eq!(u[0].why, WHY_VALUE);
}
