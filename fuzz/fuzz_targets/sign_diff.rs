//! Differential check of the password paths: the one-shot `iotwire_mqtt_get_password` must
//! equal the two-step path (`iotwire_mqtt_get_sign_content` -> HMAC computed here with an
//! independent RustCrypto release -> `iotwire_mqtt_get_password_from_mac`), and both must be
//! the hex of that MAC in the profile's case. The sign content itself is rebuilt from the
//! documented rule, and the TLS-PSK pair is checked the same way. Inputs are shaped to pass
//! validation most of the time. Input layout: fuzz/README.md, "sign_diff".
#![no_main]

use iotwire_ffi::mqtt::iotwire_mqtt_options_t as Opts;
use iotwire_ffi::status::*;
use iotwire_fuzz::input::{Input, map_charset};
use iotwire_fuzz::options::{OptsBox, str_of};
use iotwire_fuzz::reference::{
    LEGACY_TIMESTAMP, Method, device_content, dotted, dynreg_content, hex, hmac,
};
use iotwire_fuzz::text::{Mac, TextExport, fetch};
use libfuzzer_sys::fuzz_target;

const ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const DN: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@.:-";
const TOKEN: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
const DIGITS: &[u8] = b"0123456789";
const HOST: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789.-";
const KV: &[u8] = b"abc_xyz019=,=,";

/// Connect modes (`IOTWIRE_MQTT_MODE_*`).
const DEVICE_SECRET: u32 = 0;
const X509: u32 = 1;
const ID2: u32 = 2;
const REGISTER: u32 = 3;
const REGNWL: u32 = 4;
const CONNWL: u32 = 5;
/// `IOTWIRE_LEGACY_SDK_V2_3_0`, the one profile with HMAC-SHA1 and lower-case hex.
const V230: u32 = 5;

/// (mode, legacy_sdk, legacy_build): the documented modes, then every CLI legacy profile.
const PROFILES: [(u32, u32, u32); 24] = [
    (DEVICE_SECRET, 0, 0),
    (ID2, 0, 0),
    (REGISTER, 0, 0),
    (REGNWL, 0, 0),
    (X509, 0, 0),
    (CONNWL, 0, 0),
    (DEVICE_SECRET, 1, 3),
    (DEVICE_SECRET, 1, 1),
    (DEVICE_SECRET, 1, 2),
    (DEVICE_SECRET, 2, 3),
    (DEVICE_SECRET, 3, 0),
    (DEVICE_SECRET, 3, 1),
    (DEVICE_SECRET, 3, 5),
    (DEVICE_SECRET, 4, 0),
    (DEVICE_SECRET, 4, 1),
    (DEVICE_SECRET, 4, 8),
    (DEVICE_SECRET, V230, 0),
    (DEVICE_SECRET, V230, 1),
    (DEVICE_SECRET, V230, 8),
    (DEVICE_SECRET, 6, 0),
    (REGISTER, 1, 3),
    (REGISTER, 7, 0),
    (REGNWL, 7, 0),
    (CONNWL, 7, 0),
];

fuzz_target!(|data: &[u8]| run(data));

/// Owned input strings (they must outlive the calls).
struct Strings {
    pk: Vec<u8>,
    dn: Vec<u8>,
    ds: Vec<u8>,
    ps: Vec<u8>,
    cid: Vec<u8>,
    ts: Vec<u8>,
    random: Vec<u8>,
    instance: Vec<u8>,
    extra: Vec<u8>,
    host: Vec<u8>,
    token: Vec<u8>,
}

/// `len_ctl % modulo` bytes mapped onto `set`; with `sparse`, control bytes below 0xC0 mean
/// "not given" (optional fields are usually absent).
fn shaped(inp: &mut Input<'_>, modulo: u8, sparse: bool, set: &[u8]) -> Vec<u8> {
    let b = inp.u8();
    let n = if sparse && b < 0xC0 {
        0
    } else {
        usize::from(b % modulo)
    };
    map_charset(inp.bytes(n), set)
}

fn secret(inp: &mut Input<'_>) -> Vec<u8> {
    // Around the 64-byte HMAC block, and around the library's 256-byte secret limit.
    let b = inp.u8();
    let n = if b < 0xC0 {
        usize::from(b % 100)
    } else {
        200 + usize::from(b - 0xC0)
    };
    inp.bytes(n).to_vec()
}

fn read_strings(inp: &mut Input<'_>) -> Strings {
    let printable: Vec<u8> = (0x21..0x7F).collect();
    let no_bar: Vec<u8> = (0x21..0x7F).filter(|&c| c != b'|').collect();
    Strings {
        pk: shaped(inp, 22, false, ALNUM),
        dn: shaped(inp, 34, false, DN),
        ds: secret(inp),
        ps: secret(inp),
        cid: shaped(inp, 70, true, &no_bar),
        ts: shaped(inp, 22, true, DIGITS),
        random: shaped(inp, 66, false, TOKEN),
        instance: shaped(inp, 66, true, TOKEN),
        extra: shaped(inp, 64, true, KV),
        host: shaped(inp, 40, false, HOST),
        token: shaped(inp, 255, false, &printable),
    }
}

fn run(data: &[u8]) {
    let mut inp = Input::new(data);
    let (mode, sdk, build) = PROFILES[usize::from(inp.u8()) % PROFILES.len()];
    let sign_method = u32::from(inp.u8() % 4);
    let sm = inp.u8();
    let secure_mode = if sm < 0xC0 {
        0
    } else {
        [2, 3, 8, -2, -1][usize::from(sm % 5)]
    };
    let flags = u32::from(inp.u8() & 3);
    let region = u32::from(inp.u8() % 6);
    let s = read_strings(&mut inp);

    let mut opts = OptsBox::init(0);
    let mut o: Opts = opts.get();
    o.mode = mode;
    o.legacy_sdk = sdk;
    o.legacy_build = build;
    o.sign_method = sign_method;
    o.secure_mode = secure_mode;
    o.flags = flags;
    o.region = region;
    o.product_key = str_of(&s.pk);
    o.device_name = str_of(&s.dn);
    o.device_secret = str_of(&s.ds);
    o.product_secret = str_of(&s.ps);
    o.client_id = str_of(&s.cid);
    o.timestamp = str_of(&s.ts);
    o.random = str_of(&s.random);
    o.instance_id = str_of(&s.instance);
    o.extra_params = str_of(&s.extra);
    o.device_token = str_of(&s.token);
    if region == 5 {
        o.host = str_of(&s.host);
    }
    opts.set(o);
    let p = &opts;

    let content = fetch(TextExport::SignContent, p, Mac::NONE);
    let password = fetch(TextExport::Password, p, Mac::NONE);
    let content = match content {
        Ok(c) => c,
        Err(e) => {
            // Options the sign content rejects are rejected the same way by every path.
            assert_eq!(password, Err(e), "password vs sign content status");
            let two_step = fetch(TextExport::PasswordFromMac, p, Mac::of(&[0u8; 32]));
            assert_eq!(two_step, Err(e), "password_from_mac vs sign content status");
            return;
        }
    };

    if matches!(mode, X509 | CONNWL) {
        let expect: &[u8] = if mode == X509 { b"" } else { &s.token };
        assert_eq!(password.as_deref(), Ok(expect), "non-MAC password");
        assert!(content.is_empty(), "non-MAC modes sign nothing");
        assert_eq!(
            fetch(TextExport::PasswordFromMac, p, Mac::NONE),
            password,
            "two-step, no MAC"
        );
        let rc = fetch(TextExport::PasswordFromMac, p, Mac::of(&[0u8; 16]));
        assert_eq!(
            rc,
            Err(IOTWIRE_ERR_INVALID_MAC_LENGTH),
            "a MAC where none belongs"
        );
        return;
    }

    let legacy = sdk != 0;
    let method = match (legacy, sdk, sign_method) {
        (true, V230, _) => Method::Sha1,
        (true, _, _) => Method::Sha256,
        (false, _, 1) => Method::Md5,
        (false, _, 2) => Method::Sha1,
        _ => Method::Sha256,
    };
    let upper = sdk != V230;
    let dynreg = matches!(mode, REGISTER | REGNWL);
    let key = if dynreg { &s.ps } else { &s.ds };

    let expected_content = if dynreg {
        dynreg_content(&s.dn, &s.pk, &s.random)
    } else if legacy {
        device_content(&dotted(&s.pk, &s.dn), &s.dn, &s.pk, LEGACY_TIMESTAMP)
    } else {
        let id = if s.cid.is_empty() {
            dotted(&s.pk, &s.dn)
        } else {
            s.cid.clone()
        };
        device_content(&id, &s.dn, &s.pk, &s.ts)
    };
    assert_eq!(
        String::from_utf8_lossy(&content),
        String::from_utf8_lossy(&expected_content),
        "sign content"
    );

    // The two-step path never needs the secret: it works whenever the content does.
    let mac = hmac(method, key, &content);
    let two_step = fetch(TextExport::PasswordFromMac, p, Mac::of(&mac));
    let two_step = two_step
        .unwrap_or_else(|e| panic!("password_from_mac failed ({e}) after the content worked"));
    assert_eq!(
        String::from_utf8_lossy(&two_step),
        String::from_utf8_lossy(&hex(&mac, upper)),
        "two-step password vs reference {} (key {} bytes)",
        method.name(),
        key.len()
    );
    match password {
        Ok(pw) => assert_eq!(pw, two_step, "one-shot password vs two-step"),
        // The one-shot refuses to sign with an empty key; nothing else may differ.
        Err(e) => assert!(
            e == IOTWIRE_ERR_MISSING_FIELD && key.is_empty(),
            "one-shot password failed ({e}) where the two-step path worked"
        ),
    }
    for bad in [mac.len() - 1, mac.len() + 1, 0] {
        let wrong = [0x5Au8; 40];
        let rc = fetch(TextExport::PasswordFromMac, p, Mac::of(&wrong[..bad]));
        assert_eq!(
            rc,
            Err(IOTWIRE_ERR_INVALID_MAC_LENGTH),
            "MAC of {bad} bytes"
        );
    }
    let null_mac = Mac {
        ptr: core::ptr::null(),
        len: mac.len(),
    };
    assert_eq!(
        fetch(TextExport::PasswordFromMac, p, null_mac),
        Err(IOTWIRE_ERR_NULL_POINTER)
    );

    if let Ok(cid) = fetch(TextExport::ClientId, p, Mac::NONE) {
        let named = [b"signmethod=".as_slice(), method.name().as_bytes()].concat();
        assert!(
            cid.windows(named.len()).any(|w| w == named.as_slice()),
            "client id does not name {}",
            method.name()
        );
    }
    if !legacy {
        check_psk(p, &s, method, mode);
    }
}

/// TLS-PSK identity and key, rebuilt from the rule in the header (and the iotkit 3.2 /
/// LinkSDK 4 sources): identity `devicename|<method>|<pk>&<dn>|<ts>`, key = upper-case hex of
/// `HMAC(DeviceSecret, "id<pk>&<dn>timestamp<ts>")`.
fn check_psk(p: &OptsBox, s: &Strings, method: Method, mode: u32) {
    if mode != DEVICE_SECRET {
        // Only device-secret connects have a PSK; anything else would be keyed wrongly.
        assert!(
            fetch(TextExport::TlsPskIdentity, p, Mac::NONE).is_err(),
            "PSK identity in mode {mode}"
        );
        assert!(
            fetch(TextExport::TlsPsk, p, Mac::NONE).is_err(),
            "PSK in mode {mode}"
        );
        return;
    }
    let ts = if s.ts.is_empty() {
        LEGACY_TIMESTAMP
    } else {
        &s.ts
    };
    let identity = [
        b"devicename|".as_slice(),
        method.name().as_bytes(),
        b"|",
        &s.pk,
        b"&",
        &s.dn,
        b"|",
        ts,
    ]
    .concat();
    assert_eq!(
        fetch(TextExport::TlsPskIdentity, p, Mac::NONE),
        Ok(identity),
        "PSK identity"
    );
    let got = fetch(TextExport::TlsPsk, p, Mac::NONE);
    if s.ds.is_empty() {
        // A PSK keyed with nothing is a key anyone can compute: it must be refused, as the
        // one-shot password is.
        assert!(got.is_err(), "TLS-PSK issued for an empty DeviceSecret");
        return;
    }
    let msg = [b"id".as_slice(), &s.pk, b"&", &s.dn, b"timestamp", ts].concat();
    let psk = hex(&hmac(method, &s.ds, &msg), true);
    assert_eq!(
        got.map(|k| String::from_utf8_lossy(&k).into_owned()),
        Ok(String::from_utf8_lossy(&psk).into_owned()),
        "PSK must be HMAC(DeviceSecret, id<pk>&<dn>timestamp<ts>)"
    );
}
