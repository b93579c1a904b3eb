//! `check-connect --profile`: how the CONNECT differs from the one the named legacy SDK build
//! sends for this device (client-id parameters, their order, user name, password and its hex
//! case). The platform does not check these, so they are notes, not problems: they tell a
//! firmware engineer what changed after a swap. The profile's CONNECT comes from the library's
//! own credential writers ([`Plan`], `client_id`, `password`).

use crate::Error;
use crate::diagnose::check_connect::{Device, Mode};
use crate::diagnose::client_id_params::{self, ClientId};
use crate::diagnose::connect_decode::Connect;
use crate::diagnose::finding::{Finding, Report, Val};
use crate::diagnose::json_writer::Compare;
use crate::mqtt::client_id::{write_client_id, write_username};
use crate::mqtt::params::{Mode as PlanMode, Params};
use crate::mqtt::password::write_password;
use crate::mqtt::plan::Plan;
use crate::sink::SliceWriter;

/// Room for any client id or password a legacy profile writes (the C API's maxima).
const CLIENT_ID_CAP: usize = 512;
const PASSWORD_CAP: usize = 257;

const WHY_VALUE: &str =
    "differs from what the --profile build sends (the platform does not check it)";
const WHY_MISSING: &str = "the --profile build sends this parameter; the packet does not";
const WHY_EXTRA: &str = "the packet has this parameter; the --profile build does not send it";

/// Adds a note for each difference from `device.profile`'s CONNECT (nothing without one).
pub fn compare(
    c: &Connect<'_>,
    cid: &ClientId<'_>,
    mode: Mode,
    d: &Device<'_>,
    r: &mut dyn Report,
) -> Result<(), Error> {
    let Some(profile) = d.profile else {
        return Ok(());
    };
    let param = |key: &[u8]| cid.get(key).ok().flatten().map_or(&b""[..], |p| p.value);
    let password = c.password.map_or(&b""[..], |p| p.bytes);
    let params = Params {
        mode: match mode {
            Mode::DeviceSecret | Mode::Id2 => PlanMode::DeviceSecret,
            Mode::Register => PlanMode::Register,
            Mode::Regnwl => PlanMode::RegisterNoWhitelist,
            Mode::Connwl => PlanMode::Connwl,
        },
        legacy: Some(profile),
        product_key: d.product_key,
        device_name: d.device_name,
        device_secret: d.device_secret,
        product_secret: d.product_secret,
        random: param(b"random"),
        // A connwl client id and token are the regnwl reply's, not the profile's.
        client_id: if mode == Mode::Connwl { cid.id } else { b"" },
        device_token: if mode == Mode::Connwl { password } else { b"" },
        ..Params::default()
    };
    let Ok(plan) = Plan::resolve(&params) else {
        return r.add(Finding::note(
            b"profile",
            Val::Absent,
            Val::Str(mode_name(mode)),
            "the --profile build has no such connect (mode, or names it cannot sign)",
        ));
    };
    compare_client_id(c, cid, &plan, r)?;
    compare_username(c, &plan, r)?;
    compare_password(password, &plan, r)
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::DeviceSecret => "device-secret",
        Mode::Id2 => "id2",
        Mode::Register => "register",
        Mode::Regnwl => "regnwl",
        Mode::Connwl => "connwl",
    }
}

fn compare_client_id(
    c: &Connect<'_>,
    cid: &ClientId<'_>,
    plan: &Plan<'_, '_>,
    r: &mut dyn Report,
) -> Result<(), Error> {
    let mut buf = [0u8; CLIENT_ID_CAP];
    let mut w = SliceWriter::new(&mut buf);
    if write_client_id(plan, &mut w).is_err() {
        return Ok(());
    }
    let want = w.written();
    if want == c.client_id.bytes {
        return Ok(());
    }
    let Ok(expected) = client_id_params::split(want) else {
        return Ok(());
    };
    let base = c.client_id.at.saturating_add(2);
    if expected.id != cid.id {
        r.add(
            Finding::note(
                b"client_id",
                Val::Text(expected.id),
                Val::Text(cid.id),
                WHY_VALUE,
            )
            .at(base),
        )?;
    }
    let mut differs = false;
    for e in expected.params().flatten() {
        match cid.get(e.key).ok().flatten() {
            None => {
                differs = true;
                r.add(Finding::note(
                    e.key,
                    Val::Text(e.value),
                    Val::Absent,
                    WHY_MISSING,
                ))?;
            }
            Some(g) if g.value != e.value => {
                differs = true;
                r.add(
                    Finding::note(e.key, Val::Text(e.value), Val::Text(g.value), WHY_VALUE)
                        .at(base.saturating_add(g.at)),
                )?;
            }
            Some(_) => {}
        }
    }
    for g in cid.params().flatten() {
        if expected.get(g.key).ok().flatten().is_none() {
            differs = true;
            r.add(
                Finding::note(g.key, Val::Absent, Val::Text(g.value), WHY_EXTRA)
                    .at(base.saturating_add(g.at)),
            )?;
        }
    }
    if !differs && expected.id == cid.id {
        r.add(
            Finding::note(
                b"client_id",
                Val::Text(want),
                Val::Text(c.client_id.bytes),
                "the same parameters in another order than the --profile build writes them",
            )
            .at(base),
        )?;
    }
    Ok(())
}

fn compare_username(c: &Connect<'_>, plan: &Plan<'_, '_>, r: &mut dyn Report) -> Result<(), Error> {
    let got = c.username.map_or(&b""[..], |u| u.bytes);
    let mut buf = [0u8; CLIENT_ID_CAP];
    let mut w = SliceWriter::new(&mut buf);
    if write_username(plan, &mut w).is_err() || w.written() == got {
        return Ok(());
    }
    r.add(Finding::note(
        b"username",
        Val::Text(w.written()),
        Val::Text(got),
        WHY_VALUE,
    ))
}

fn compare_password(got: &[u8], plan: &Plan<'_, '_>, r: &mut dyn Report) -> Result<(), Error> {
    // Without the secret the profile's password cannot be computed: nothing to compare.
    if plan.password_is_mac() && plan.mac_key().is_empty() {
        return Ok(());
    }
    let mut buf = [0u8; PASSWORD_CAP];
    let mut w = SliceWriter::new(&mut buf);
    if write_password(plan, &mut w).is_err() {
        return Ok(());
    }
    let want = w.written();
    if want == got {
        return Ok(());
    }
    let mut cmp = Compare::new(got, true);
    let why = if crate::sink::Sink::put(&mut cmp, want).is_ok() && cmp.equal() {
        "the same MAC in the other hex case than the --profile build writes (the platform accepts either)"
    } else {
        WHY_VALUE
    };
    r.add(Finding::note(
        b"password",
        Val::Text(want),
        Val::Text(got),
        why,
    ))
}

#[cfg(test)]
#[path = "check_profile_tests.rs"]
mod check_profile_tests;
