//! The password check of `check-connect`: recompute the HMAC the platform computes from the
//! values the CONNECT carries; when the password differs, try the single deviations devices
//! are known to make (another sign method, the legacy constant timestamp signed but not sent or
//! sent but not signed, `<pk>.<dn>` signed under another client id) and name the field that
//! explains it; if none does, the password itself is wrong (another secret).

use crate::Error;
use crate::diagnose::check_connect::{Device, Mode, param_at};
use crate::diagnose::client_id_params::ClientId;
use crate::diagnose::connect_decode::Connect;
use crate::diagnose::finding::{Finding, Report, Val};
use crate::diagnose::json_writer::Compare;
use crate::hex::{HexCase, put_hex};
use crate::mac::{self, Digest, SignMethod};
use crate::mqtt::LEGACY_TIMESTAMP;

const METHODS: [SignMethod; 3] = [
    SignMethod::HmacMd5,
    SignMethod::HmacSha1,
    SignMethod::HmacSha256,
];

/// What the sign content is built from.
#[derive(Clone, Copy)]
struct Inputs<'a> {
    client_id: &'a [u8],
    timestamp: Option<&'a [u8]>,
}

/// `clientId..deviceName..productKey..[timestamp..]`, or the dynreg form, as pieces.
fn content<'a>(mode: Mode, d: &Device<'a>, i: Inputs<'a>, random: &'a [u8]) -> [&'a [u8]; 8] {
    if matches!(mode, Mode::Register | Mode::Regnwl) {
        return [
            b"deviceName",
            d.device_name,
            b"productKey",
            d.product_key,
            b"random",
            random,
            b"",
            b"",
        ];
    }
    let (ts_key, ts): (&[u8], &[u8]) = match i.timestamp {
        Some(t) => (b"timestamp", t),
        None => (b"", b""),
    };
    [
        b"clientId",
        i.client_id,
        b"deviceName",
        d.device_name,
        b"productKey",
        d.product_key,
        ts_key,
        ts,
    ]
}

/// True when `password` is the hex (either case) of `mac`.
fn same_hex(password: &[u8], mac: &[u8]) -> bool {
    let mut cmp = Compare::new(password, true);
    put_hex(&mut cmp, mac, HexCase::Upper).is_ok() && cmp.equal()
}

/// Checks the password of a CONNECT whose client id parsed.
pub fn check_password(
    c: &Connect<'_>,
    cid: &ClientId<'_>,
    mode: Mode,
    method: Option<SignMethod>,
    d: &Device<'_>,
    r: &mut dyn Report,
) -> Result<(), Error> {
    let password = c.password.map(|p| p.bytes);
    let pw_at = c.password.map(|p| p.at);
    if mode == Mode::Connwl {
        return check_token(password, pw_at, d, r);
    }
    let dynreg = matches!(mode, Mode::Register | Mode::Regnwl);
    let secret = if dynreg {
        d.product_secret
    } else {
        d.device_secret
    };
    let Some(method) = method else {
        return Ok(());
    };
    let random = cid
        .get(b"random")
        .ok()
        .flatten()
        .map_or(&b""[..], |p| p.value);
    let sent = Inputs {
        client_id: cid.id,
        timestamp: cid.get(b"timestamp").ok().flatten().map(|p| p.value),
    };
    let platform = content(mode, d, sent, random);
    r.add(Finding::fact("sign_content", Val::Parts(&platform)))?;
    if mode == Mode::Id2 {
        return r.add(Finding::note(
            b"password",
            Val::Absent,
            password.map_or(Val::Absent, Val::Text),
            "not checked: ID² authenticates in iTLS, the platform does not verify the signature",
        ));
    }
    if secret.is_empty() && !dynreg && !d.product_secret.is_empty() {
        // Only a ProductSecret: a registration connect that forgot its authType shows itself
        // by a password that is the registration HMAC.
        if let Some(pw) = password
            && !random.is_empty()
            && signs_registration(pw, d, random)?
        {
            let mut f = Finding::problem(
                "authType",
                Val::Str("register or regnwl"),
                Val::Absent,
                "the password is the ProductSecret HMAC of a registration (deviceName, productKey, random), but without authType the platform checks a DeviceSecret connect",
            );
            if let Some(at) = pw_at {
                f = f.at(at);
            }
            return r.add(f);
        }
    }
    if secret.is_empty() {
        return r.add(Finding::note(
            b"password",
            Val::Absent,
            password.map_or(Val::Absent, Val::Text),
            if dynreg {
                "not checked: no ProductSecret given (a register/regnwl connect is signed with it)"
            } else {
                "not checked: no DeviceSecret given"
            },
        ));
    }
    let mut expected = Digest::new();
    mac::mac_into(method, secret, &platform, &mut expected)?;
    let Some(password) = password.filter(|p| !p.is_empty()) else {
        return r.add(Finding::problem(
            "password",
            Val::Hex(expected.as_bytes(), HexCase::Upper),
            Val::Absent,
            "no password: with a secret, the password is the HMAC of the sign content (only X.509 devices send none)",
        ));
    };
    if same_hex(password, expected.as_bytes()) {
        return Ok(());
    }
    if explain_mismatch(c, cid, mode, method, d, secret, sent, random, password, r)? {
        return Ok(());
    }
    let why = if !password.iter().all(u8::is_ascii_hexdigit) {
        "not hex text: the password is the hex of the HMAC of the sign content"
    } else if password.len() != method.mac_len().saturating_mul(2) {
        match method {
            SignMethod::HmacMd5 => "not 32 hex digits, the length of an HMAC-MD5",
            SignMethod::HmacSha1 => "not 40 hex digits, the length of an HMAC-SHA1",
            SignMethod::HmacSha256 => "not 64 hex digits, the length of an HMAC-SHA256",
        }
    } else if dynreg {
        "not the HMAC of the sign content with this ProductSecret: made with another secret, or over other values than the CONNECT carries"
    } else {
        "not the HMAC of the sign content with this DeviceSecret: made with another secret, or over other values than the CONNECT carries"
    };
    let mut finding = Finding::problem(
        "password",
        Val::Hex(expected.as_bytes(), HexCase::Upper),
        Val::Text(password),
        why,
    );
    if let Some(at) = pw_at {
        finding = finding.at(at);
    }
    r.add(finding)
}

/// True when `password` is a registration HMAC (any method) with the ProductSecret.
fn signs_registration(password: &[u8], d: &Device<'_>, random: &[u8]) -> Result<bool, Error> {
    let parts: [&[u8]; 6] = [
        b"deviceName",
        d.device_name,
        b"productKey",
        d.product_key,
        b"random",
        random,
    ];
    let mut mac = Digest::new();
    for method in METHODS {
        if password.len() == method.mac_len().saturating_mul(2) {
            mac::mac_into(method, d.product_secret, &parts, &mut mac)?;
            if same_hex(password, mac.as_bytes()) {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// connwl: the password is the regnwl device token.
fn check_token(
    password: Option<&[u8]>,
    at: Option<usize>,
    d: &Device<'_>,
    r: &mut dyn Report,
) -> Result<(), Error> {
    let Some(token) = password.filter(|p| !p.is_empty()) else {
        return r.add(Finding::problem(
            "password",
            Val::Str("the device token of the regnwl reply"),
            Val::Absent,
            "a connwl connect sends the device token as its password",
        ));
    };
    if d.device_token.is_empty() {
        return r.add(Finding::note(
            b"password",
            Val::Absent,
            Val::Text(token),
            "not checked: no device token given",
        ));
    }
    if token == d.device_token {
        return Ok(());
    }
    let mut f = Finding::problem(
        "password",
        Val::Text(d.device_token),
        Val::Text(token),
        "not the device token of the regnwl reply",
    );
    if let Some(at) = at {
        f = f.at(at);
    }
    r.add(f)
}

/// Tries the known single deviations; reports the fields of the first that reproduces the
/// password. Returns whether one did.
#[allow(clippy::too_many_arguments)]
fn explain_mismatch(
    c: &Connect<'_>,
    cid: &ClientId<'_>,
    mode: Mode,
    declared: SignMethod,
    d: &Device<'_>,
    secret: &[u8],
    sent: Inputs<'_>,
    random: &[u8],
    password: &[u8],
    r: &mut dyn Report,
) -> Result<bool, Error> {
    let pk_dn: [&[u8]; 3] = [d.product_key, b".", d.device_name];
    let mut pk_dn_buf = [0u8; 64];
    let pk_dn_text = join(&pk_dn, &mut pk_dn_buf);
    let timestamps: [Option<&[u8]>; 3] = [sent.timestamp, None, Some(LEGACY_TIMESTAMP)];
    let client_ids: [&[u8]; 2] = [sent.client_id, pk_dn_text];
    let mut mac = Digest::new();
    for method in METHODS {
        // The hex length tells the method; only a matching one can reproduce the password.
        if password.len() != method.mac_len().saturating_mul(2) {
            continue;
        }
        for (ti, &timestamp) in timestamps.iter().enumerate() {
            for (ci, &client_id) in client_ids.iter().enumerate() {
                let tried = Inputs {
                    client_id,
                    timestamp,
                };
                let same_ts = ti == 0 || timestamp == sent.timestamp;
                let same_id = ci == 0 || client_id == sent.client_id || client_id.is_empty();
                let dynreg = matches!(mode, Mode::Register | Mode::Regnwl);
                if (ci != 0 && same_id) || (ti != 0 && same_ts) || (dynreg && (ti != 0 || ci != 0))
                {
                    continue;
                }
                if method == declared && ti == 0 && ci == 0 {
                    continue;
                }
                let parts = content(mode, d, tried, random);
                mac::mac_into(method, secret, &parts, &mut mac)?;
                if !same_hex(password, mac.as_bytes()) {
                    continue;
                }
                report_deviation(c, cid, declared, method, sent, tried, r)?;
                r.add(Finding::fact("password_signs", Val::Parts(&parts)))?;
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// `pieces` joined into `buf` (empty when they do not fit).
fn join<'b>(pieces: &[&[u8]], buf: &'b mut [u8]) -> &'b [u8] {
    let mut n = 0usize;
    for p in pieces {
        let Some(dst) = n.checked_add(p.len()).and_then(|end| buf.get_mut(n..end)) else {
            return &[];
        };
        // Element by element: `copy_from_slice` would keep a length check (and its panic).
        for (d, s) in dst.iter_mut().zip(p.iter()) {
            *d = *s;
        }
        n = n.saturating_add(p.len());
    }
    buf.get(..n).unwrap_or(&[])
}

fn report_deviation(
    c: &Connect<'_>,
    cid: &ClientId<'_>,
    declared: SignMethod,
    used: SignMethod,
    sent: Inputs<'_>,
    tried: Inputs<'_>,
    r: &mut dyn Report,
) -> Result<(), Error> {
    let param = |key: &[u8]| cid.get(key).ok().flatten();
    if used != declared {
        let p = param(b"signmethod");
        let mut f = Finding::problem(
            "signmethod",
            Val::Text(used.name()),
            p.map_or(Val::Absent, |p| Val::Text(p.value)),
            "the password is an HMAC with another method than the client id names (absent: hmacmd5)",
        );
        if let Some(p) = p {
            f = f.at(param_at(c, p.at));
        }
        r.add(f)?;
    }
    if tried.timestamp != sent.timestamp {
        let p = param(b"timestamp");
        let f = match (sent.timestamp, tried.timestamp) {
            (None, _) => Finding::problem(
                "timestamp",
                Val::Str("timestamp=2524608000000 in the client id"),
                Val::Absent,
                "the password signs timestamp2524608000000, which the client id does not carry",
            ),
            (Some(t), None) => Finding::problem(
                "timestamp",
                Val::Absent,
                Val::Text(t),
                "the password was signed without the timestamp the client id carries",
            ),
            (Some(t), Some(_)) => Finding::problem(
                "timestamp",
                Val::Text(LEGACY_TIMESTAMP),
                Val::Text(t),
                "the password signs timestamp2524608000000, not the client id's timestamp",
            ),
        };
        r.add(match p {
            Some(p) => f.at(param_at(c, p.at)),
            None => f,
        })?;
    }
    if tried.client_id != sent.client_id {
        r.add(
            Finding::problem(
                "client_id",
                Val::Text(tried.client_id),
                Val::Text(sent.client_id),
                "the password signs <ProductKey>.<DeviceName> as clientId, not the client id sent before '|'",
            )
            .at(c.client_id.at.saturating_add(2)),
        )?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "check_sign_tests.rs"]
mod check_sign_tests;
