//! `check-connect`: given a captured CONNECT and the device's identity and secret, recompute
//! what the platform checks and name each field it would refuse.
//!
//! The platform's rules, as its MQTT connection pages document them (see docs/API.md,
//! "Diagnostics"): MQTT 3.1.1 or 3.1; no will; keepalive 30..=1200 s; client id
//! `<clientId>|securemode=..,signmethod=..[,timestamp=..]|` with a client id of at most 64
//! characters; user name `<DeviceName>&<ProductKey>`; password = hex of
//! HMAC-`signmethod` (`hmacmd5` when absent) keyed with the DeviceSecret over the sorted
//! parameters `clientId..deviceName..productKey..[timestamp..]`, or for dynamic registration
//! (`authType=register|regnwl`) keyed with the ProductSecret over
//! `deviceName..productKey..random..`; `authType=connwl` sends the regnwl device token.
//!
//! Report: `{"verdict":"ok"|"refused","problems":[..],"notes":[..],"mode":..,
//! "sign_method":..,"sign_content":..}`; each problem and note is
//! `{"field","expected","got","why"[,"at"]}`.

use crate::Error;
use crate::diagnose::check_profile;
use crate::diagnose::check_sign;
use crate::diagnose::client_id_params::{self, ClientId};
use crate::diagnose::connect_decode::{Connect, decode_connect, flags};
use crate::diagnose::finding::{Counts, Emit, Finding, Report, Severity, Val};
use crate::diagnose::json_writer::JsonWriter;
use crate::mac::SignMethod;
use crate::mqtt::params::LegacyProfile;
use crate::sink::{Sink, format_unsigned};

/// The device the CONNECT claims to be, and what the checker may use to verify it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Device<'a> {
    /// ProductKey.
    pub product_key: &'a [u8],
    /// DeviceName.
    pub device_name: &'a [u8],
    /// DeviceSecret (empty: not given; the password of a device-secret connect is then not
    /// checked).
    pub device_secret: &'a [u8],
    /// ProductSecret (dynamic registration; empty: not given).
    pub product_secret: &'a [u8],
    /// The regnwl device token a connwl password must equal (empty: not checked).
    pub device_token: &'a [u8],
    /// The legacy SDK build the device runs: differences from its CONNECT become notes.
    pub profile: Option<LegacyProfile>,
}

/// How the CONNECT authenticates, read from its client id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// DeviceSecret HMAC (no `authType`).
    DeviceSecret,
    /// ID² (`authtype=id2`, securemode 8): the platform does not check the password.
    Id2,
    /// `authType=register`: ProductSecret HMAC over the random.
    Register,
    /// `authType=regnwl`: as register, for devices not registered before.
    Regnwl,
    /// `authType=connwl`: the password is the regnwl device token.
    Connwl,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::DeviceSecret => "device-secret",
            Mode::Id2 => "id2",
            Mode::Register => "register",
            Mode::Regnwl => "regnwl",
            Mode::Connwl => "connwl",
        }
    }
}

/// The outcome: how many problems (0 = the platform accepts) and notes.
pub type Verdict = Counts;

/// Checks `packet` against `device` and writes the report to `out`.
pub fn check_connect<S: Sink + ?Sized>(
    packet: &[u8],
    device: &Device<'_>,
    out: &mut S,
) -> Result<Verdict, Error> {
    let mut counts = Counts::default();
    analyze(packet, device, &mut counts)?;
    let mut w = JsonWriter::new(out);
    w.open()?;
    w.field_str(
        "verdict",
        if counts.problems == 0 {
            "ok"
        } else {
            "refused"
        },
    )?;
    for (section, severity) in [("problems", Severity::Problem), ("notes", Severity::Note)] {
        w.open_array_field(section)?;
        analyze(
            packet,
            device,
            &mut Emit {
                w: &mut w,
                severity,
            },
        )?;
        w.close_array()?;
    }
    analyze(
        packet,
        device,
        &mut Emit {
            w: &mut w,
            severity: Severity::Fact,
        },
    )?;
    w.close()?;
    Ok(counts)
}

/// Runs every check, handing each finding to `r` (in the same order on every run).
pub fn analyze(packet: &[u8], device: &Device<'_>, r: &mut dyn Report) -> Result<(), Error> {
    let c = match decode_connect(packet) {
        Ok(c) => c,
        Err(m) => {
            return r.add(
                Finding::problem(
                    "packet",
                    Val::Str("a well-formed MQTT CONNECT"),
                    Val::Str(m.why),
                    "the platform closes the connection on a packet it cannot decode",
                )
                .at(m.at),
            );
        }
    };
    if packet.len() > c.len {
        r.add(
            Finding::note(
                b"packet",
                Val::Absent,
                Val::Num(u32::try_from(packet.len().saturating_sub(c.len)).unwrap_or(u32::MAX)),
                "bytes after the CONNECT: not checked",
            )
            .at(c.len),
        )?;
    }
    check_header(&c, r)?;
    check_username(&c, device, r)?;
    let Some(cid) = check_client_id(&c, r)? else {
        return Ok(());
    };
    let mode = mode_of(&c, &cid, r)?;
    r.add(Finding::fact("mode", Val::Str(mode.name())))?;
    check_secure_mode(&c, &cid, mode, r)?;
    let method = sign_method(&c, &cid, mode, r)?;
    check_timestamp_and_random(&c, &cid, mode, r)?;
    check_sign::check_password(&c, &cid, mode, method, device, r)?;
    check_profile::compare(&c, &cid, mode, device, r)
}

/// Protocol, will, clean session, keepalive.
fn check_header(c: &Connect<'_>, r: &mut dyn Report) -> Result<(), Error> {
    let name = c.protocol_name.bytes;
    if !matches!((name, c.level), (b"MQTT", 4) | (b"MQIsdp", 3)) {
        let mut digits = [0u8; 11];
        let level = format_unsigned(u32::from(c.level), &mut digits);
        r.add(
            Finding::problem(
                "protocol",
                Val::Str("MQTT level 4 (3.1.1) or MQIsdp level 3 (3.1)"),
                Val::Parts(&[name, b" level ", level]),
                "the platform speaks MQTT 3.1.1 and 3.1 only",
            )
            .at(c.protocol_name.at),
        )?;
    }
    if let Some(will) = &c.will {
        r.add(
            Finding::problem(
                "will",
                Val::Str("no will (connect flag bit 2 clear)"),
                Val::Text(will.topic.bytes),
                "the platform does not support will messages",
            )
            .at(c.flags_at),
        )?;
    }
    if c.flags & flags::CLEAN_SESSION == 0 {
        r.add(
            Finding::note(
                b"clean_session",
                Val::Num(1),
                Val::Num(0),
                "the session is kept across connects (iotkit-embedded 3.x sends 0; the platform accepts both)",
            )
            .at(c.flags_at),
        )?;
    }
    if !(30..=1200).contains(&c.keepalive) {
        r.add(
            Finding::problem(
                "keepalive",
                Val::Str("30..1200 seconds"),
                Val::Num(u32::from(c.keepalive)),
                "the platform refuses a keepalive outside 30..1200 s (0 means none)",
            )
            .at(c.keepalive_at),
        )?;
    }
    Ok(())
}

fn check_username(c: &Connect<'_>, d: &Device<'_>, r: &mut dyn Report) -> Result<(), Error> {
    let want: [&[u8]; 3] = [d.device_name, b"&", d.product_key];
    let Some(user) = c.username else {
        return r.add(Finding::problem(
            "username",
            Val::Parts(&want),
            Val::Absent,
            "no user name: the platform needs <DeviceName>&<ProductKey>",
        ));
    };
    let u = user.bytes;
    let matches = |a: &[u8], b: &[u8]| {
        u.len() == a.len().saturating_add(b.len()).saturating_add(1)
            && u.starts_with(a)
            && u.ends_with(b)
            && u.get(a.len()) == Some(&b'&')
    };
    if matches(d.device_name, d.product_key) {
        return Ok(());
    }
    let why = if matches(d.product_key, d.device_name) {
        "ProductKey and DeviceName swapped: the user name is <DeviceName>&<ProductKey>"
    } else {
        "not <DeviceName>&<ProductKey> of this device"
    };
    r.add(Finding::problem("username", Val::Parts(&want), Val::Text(u), why).at(user.at))
}

/// The client id's syntax; `None` when its parameters cannot be read.
fn check_client_id<'a>(c: &Connect<'a>, r: &mut dyn Report) -> Result<Option<ClientId<'a>>, Error> {
    let text = c.client_id.bytes;
    let base = c.client_id.at.saturating_add(2);
    let parsed = client_id_params::split(text).and_then(|cid| cid.check().map(|()| cid));
    let cid = match parsed {
        Ok(cid) => cid,
        Err(m) => {
            r.add(
                Finding::problem(
                    "client_id",
                    Val::Str("<clientId>|securemode=..,signmethod=..[,timestamp=..]|"),
                    Val::Text(text),
                    m.why,
                )
                .at(base.saturating_add(m.at)),
            )?;
            return Ok(None);
        }
    };
    if cid.id.len() > 64 {
        r.add(
            Finding::problem(
                "client_id",
                Val::Str("at most 64 characters before '|'"),
                Val::Text(cid.id),
                "the platform accepts client ids of up to 64 characters",
            )
            .at(base),
        )?;
    } else if let Some(bad) = cid.id.iter().position(|c| !c.is_ascii_graphic()) {
        r.add(
            Finding::problem(
                "client_id",
                Val::Str("printable ASCII before '|'"),
                Val::Text(cid.id),
                "a space, control or non-ASCII byte in the client id",
            )
            .at(base.saturating_add(bad)),
        )?;
    }
    Ok(Some(cid))
}

/// Offset in the packet of a client-id item at `item_at` (an offset in the client id).
pub fn param_at(c: &Connect<'_>, item_at: usize) -> usize {
    c.client_id.at.saturating_add(2).saturating_add(item_at)
}

fn mode_of(c: &Connect<'_>, cid: &ClientId<'_>, r: &mut dyn Report) -> Result<Mode, Error> {
    if let Ok(Some(p)) = cid.get(b"authType") {
        return match p.value {
            b"register" => Ok(Mode::Register),
            b"regnwl" => Ok(Mode::Regnwl),
            b"connwl" => Ok(Mode::Connwl),
            other => {
                r.add(
                    Finding::problem(
                        "authType",
                        Val::Str("register, regnwl or connwl"),
                        Val::Text(other),
                        "an authType the platform does not know",
                    )
                    .at(param_at(c, p.at)),
                )?;
                Ok(Mode::DeviceSecret)
            }
        };
    }
    if matches!(cid.get(b"authtype"), Ok(Some(p)) if p.value == b"id2") {
        return Ok(Mode::Id2);
    }
    Ok(Mode::DeviceSecret)
}

fn check_secure_mode(
    c: &Connect<'_>,
    cid: &ClientId<'_>,
    mode: Mode,
    r: &mut dyn Report,
) -> Result<(), Error> {
    let (allowed, expected): (&[&[u8]], &'static str) = match mode {
        Mode::DeviceSecret => (&[b"2", b"3"], "2 (TLS) or 3 (TCP)"),
        Mode::Id2 => (&[b"8"], "8 (ID²)"),
        Mode::Register => (&[b"2"], "2"),
        Mode::Regnwl => (
            &[b"2", b"-2"],
            "2 (public instance) or -2 (purchased instance)",
        ),
        Mode::Connwl => (&[b"-2"], "-2"),
    };
    let Ok(Some(p)) = cid.get(b"securemode") else {
        return r.add(
            Finding::problem(
                "securemode",
                Val::Str(expected),
                Val::Absent,
                "the client id has no securemode parameter",
            )
            .at(param_at(c, cid.params_at)),
        );
    };
    let at = param_at(c, p.at);
    if allowed.contains(&p.value) {
        if mode == Mode::DeviceSecret && p.value == b"3" {
            r.add(
                Finding::note(
                    b"securemode",
                    Val::Str("2"),
                    Val::Text(p.value),
                    "3 is plaintext TCP, which the platform no longer allows for new devices",
                )
                .at(at),
            )?;
        }
        return Ok(());
    }
    if mode == Mode::DeviceSecret && p.value == b"-1" {
        return r.add(
            Finding::note(
                b"securemode",
                Val::Str(expected),
                Val::Text(p.value),
                "-1 is iotkit-embedded 3.0.1's HTTPS pre-auth connect (MQTT_PRE_AUTH), not a direct connect",
            )
            .at(at),
        );
    }
    let why = if mode == Mode::DeviceSecret && p.value == b"8" {
        "securemode 8 (ID²) without authtype=id2"
    } else {
        "a securemode this connect mode does not have"
    };
    r.add(Finding::problem("securemode", Val::Str(expected), Val::Text(p.value), why).at(at))
}

/// The sign method the platform verifies with (`None`: unknown, so nothing can be verified).
fn sign_method(
    c: &Connect<'_>,
    cid: &ClientId<'_>,
    mode: Mode,
    r: &mut dyn Report,
) -> Result<Option<SignMethod>, Error> {
    if mode == Mode::Connwl {
        return Ok(None);
    }
    let Ok(Some(p)) = cid.get(b"signmethod") else {
        r.add(Finding::fact("sign_method", Val::Str("hmacmd5")))?;
        r.add(Finding::note(
            b"signmethod",
            Val::Str("hmacmd5, hmacsha1 or hmacsha256"),
            Val::Absent,
            "absent: the platform then verifies an HMAC-MD5 password",
        ))?;
        return Ok(Some(SignMethod::HmacMd5));
    };
    let method = match p.value {
        b"hmacmd5" => SignMethod::HmacMd5,
        b"hmacsha1" => SignMethod::HmacSha1,
        b"hmacsha256" => SignMethod::HmacSha256,
        other => {
            r.add(
                Finding::problem(
                    "signmethod",
                    Val::Str("hmacmd5, hmacsha1 or hmacsha256"),
                    Val::Text(other),
                    "a sign method the platform does not have",
                )
                .at(param_at(c, p.at)),
            )?;
            return Ok(None);
        }
    };
    r.add(Finding::fact("sign_method", Val::Text(p.value)))?;
    Ok(Some(method))
}

fn check_timestamp_and_random(
    c: &Connect<'_>,
    cid: &ClientId<'_>,
    mode: Mode,
    r: &mut dyn Report,
) -> Result<(), Error> {
    if let Ok(Some(p)) = cid.get(b"timestamp") {
        let digits =
            !p.value.is_empty() && p.value.len() <= 20 && p.value.iter().all(u8::is_ascii_digit);
        if !digits {
            r.add(
                Finding::problem(
                    "timestamp",
                    Val::Str("milliseconds since 1970, 1..20 decimal digits"),
                    Val::Text(p.value),
                    "not a decimal timestamp",
                )
                .at(param_at(c, p.at)),
            )?;
        }
    }
    if matches!(mode, Mode::Register | Mode::Regnwl) {
        let random = cid.get(b"random").ok().flatten();
        if random.is_none_or(|p| p.value.is_empty()) {
            r.add(Finding::problem(
                "random",
                Val::Str("the random the password signs"),
                random.map_or(Val::Absent, |p| Val::Text(p.value)),
                "dynamic registration signs deviceName, productKey and random; the client id must carry random",
            ))?;
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "check_connect_tests.rs"]
pub(crate) mod check_connect_tests;
