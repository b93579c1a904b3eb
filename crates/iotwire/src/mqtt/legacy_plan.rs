//! The legacy SDK profiles of [`Plan::resolve`] (feature `legacy-profiles`): the values each
//! legacy SDK fixed (method, timestamp, port, limits) and its client-id layout. The
//! iotkit-embedded 3.x family's client id is written by [`crate::mqtt::iotkit3`], the others'
//! by their [`crate::mqtt::layouts`] string.

use crate::Error;
use crate::hex::HexCase;
use crate::mac::SignMethod;
use crate::mqtt::LEGACY_TIMESTAMP;
use crate::mqtt::iotkit3;
use crate::mqtt::layouts;
use crate::mqtt::params::{Endpoint, LegacyProfile, LegacySdk, Mode, Params};
use crate::mqtt::plan::{Content, Host, Needs, PasswordKind, Plan, Prefix, base, forbid};
use crate::mqtt::validate;

/// Values a legacy SDK fixed itself: a caller may not ask for something else.
fn legacy_fixed(p: &Params<'_>, method: SignMethod) -> Result<(), Error> {
    if p.sign_method.is_some_and(|m| m != method) {
        return Err(Error::InvalidArgument);
    }
    forbid(p.timestamp)
}

/// A caller's secure mode must be the one the profile writes.
fn fixed_mode(p: &Params<'_>, mode: i32) -> Result<(), Error> {
    if p.secure_mode.is_some_and(|m| m != mode) {
        return Err(Error::InvalidSecureMode);
    }
    Ok(())
}

/// What every legacy profile shares: lax names, the legacy limits and timestamp, the host.
fn legacy_common<'p, 'a>(p: &'p Params<'a>, profile: LegacyProfile) -> Result<Plan<'p, 'a>, Error> {
    let mut plan = base(p);
    validate::product_key(p.product_key, true)?;
    validate::device_name(p.device_name, true)?;
    validate::legacy_extra_params(p.extra_params)?;
    plan.legacy_limits = true;
    plan.needs = Needs::default();
    plan.require_secret = false;
    plan.timestamp = LEGACY_TIMESTAMP;
    if let Endpoint::Host(h) = p.endpoint {
        // Legacy SDKs copied the custom domain verbatim, without any check.
        validate::legacy_host(h)?;
    }
    plan.method = SignMethod::HmacSha256;
    plan.port = if profile.tls { 443 } else { 1883 };
    Ok(plan)
}

/// A legacy profile (`params.legacy`), any mode.
pub(crate) fn legacy<'p, 'a>(
    p: &'p Params<'a>,
    profile: LegacyProfile,
) -> Result<Plan<'p, 'a>, Error> {
    let plan = legacy_common(p, profile)?;
    let mode_ok = match (profile.sdk, p.mode) {
        (LegacySdk::LinkSdk42, Mode::Register | Mode::RegisterNoWhitelist | Mode::Connwl) => true,
        (LegacySdk::V320, Mode::Register) => true,
        // (LinkSDK 4.2 had no device-secret connect: `legacy_device` refuses it.)
        (_, Mode::DeviceSecret) => true,
        _ => false,
    };
    if !mode_ok {
        return Err(Error::InvalidSelector);
    }
    match p.mode {
        Mode::Register | Mode::RegisterNoWhitelist => legacy_dynreg(plan, p, profile.sdk),
        Mode::Connwl => legacy_connwl(plan, p),
        _ => legacy_device(plan, p, profile),
    }
}

impl<'p, 'a> Plan<'p, 'a> {
    /// [`Plan::resolve`] for the general `IOT_Sign_MQTT`, which only ever asks for a legacy
    /// device-secret connect.
    pub fn resolve_legacy_device(params: &'p Params<'a>) -> Result<Plan<'p, 'a>, Error> {
        let profile = params.legacy.ok_or(Error::InvalidArgument)?;
        if params.mode != Mode::DeviceSecret || profile.sdk == LegacySdk::LinkSdk42 {
            return Err(Error::InvalidSelector);
        }
        let plan = legacy_common(params, profile)?;
        legacy_device(plan, params, profile)
    }
}

/// A legacy device-secret connect (the `IOT_Sign_MQTT` case).
fn legacy_device<'p, 'a>(
    mut plan: Plan<'p, 'a>,
    p: &'p Params<'a>,
    profile: LegacyProfile,
) -> Result<Plan<'p, 'a>, Error> {
    if !p.client_id.is_empty() || !p.instance_id.is_empty() {
        return Err(Error::InvalidArgument);
    }
    let extras_id2 = p.extra_params.windows(12).any(|w| w == b"authtype=id2");
    let tls_mode = if profile.tls { 2 } else { 3 };
    match profile.sdk {
        LegacySdk::V320 | LegacySdk::V310 | LegacySdk::V301 | LegacySdk::Bundle => {
            // The 3.x family: the iotkit3 writer decides securemode, layout and port;
            // `plan.secure_mode` mirrors it for the WebSocket URL and the checks below. Only
            // the SDKs with `customize_info` (not the bundle) switch to iTLS on `authtype=id2`.
            let itls = extras_id2 && profile.sdk != LegacySdk::Bundle;
            plan.secure_mode =
                if profile.pre_auth && matches!(profile.sdk, LegacySdk::V301 | LegacySdk::Bundle) {
                    -1
                } else if itls || (profile.itls && profile.sdk == LegacySdk::Bundle) {
                    8
                } else {
                    tls_mode
                };
            plan.port = iotkit3::port(profile);
            plan.iotkit3 = Some((profile, itls));
        }
        LegacySdk::V230 => {
            if profile.pre_auth {
                // The HTTPS guider (securemode -1/0) gets its host and credentials from a
                // server reply; it is not a local computation.
                return Err(Error::Unsupported);
            }
            plan.method = SignMethod::HmacSha1;
            plan.case = HexCase::Lower;
            if profile.itls {
                plan.secure_mode = 8;
                plan.layout = layouts::V230_ITLS;
                if let Endpoint::Region(_) = p.endpoint {
                    plan.host = Host::PkDot(b"itls.cn-shanghai.aliyuncs.com");
                }
                plan.port = 1883;
            } else {
                plan.secure_mode = tls_mode;
                plan.layout = layouts::V230;
            }
        }
        LegacySdk::LinkSdk41 => {
            plan.secure_mode = match p.secure_mode.unwrap_or(2) {
                m @ (2 | 3) => m,
                _ => return Err(Error::InvalidSecureMode),
            };
            plan.port = if plan.secure_mode == 2 { 443 } else { 1883 };
            plan.layout = layouts::LINKSDK41;
        }
        LegacySdk::LinkSdk42 => return Err(Error::InvalidSelector),
    }
    if profile.sdk != LegacySdk::LinkSdk41 {
        fixed_mode(p, plan.secure_mode)?;
    }
    legacy_fixed(p, plan.method)?;
    if let Some(port) = p.port {
        plan.port = port;
    }
    Ok(plan)
}

fn legacy_dynreg<'p, 'a>(
    mut plan: Plan<'p, 'a>,
    p: &'p Params<'a>,
    sdk: LegacySdk,
) -> Result<Plan<'p, 'a>, Error> {
    validate::secret(p.product_secret)?;
    plan.require_secret = true;
    if !p.random.is_empty() {
        validate::token(p.random)?;
    }
    plan.needs.random = true;
    legacy_fixed(p, SignMethod::HmacSha256)?;
    forbid(p.client_id)?;
    plan.content = Content::Dynreg;
    plan.password = PasswordKind::ProductSecretMac;
    plan.timestamp = b"";
    plan.port = 443;
    // LinkSDK 4.2 always sent securemode=2, even for regnwl.
    plan.secure_mode = 2;
    if sdk == LegacySdk::V320 {
        forbid(p.instance_id)?;
        plan.layout = layouts::V320_DYNREG;
        plan.prefix = Prefix::PkDotDn;
    } else {
        if !p.instance_id.is_empty() {
            validate::token(p.instance_id)?;
        }
        plan.layout = layouts::LINKSDK42_DYNREG;
        plan.prefix = Prefix::DnDotPk;
    }
    fixed_mode(p, plan.secure_mode)?;
    if let Some(port) = p.port {
        plan.port = port;
    }
    Ok(plan)
}

fn legacy_connwl<'p, 'a>(mut plan: Plan<'p, 'a>, p: &'p Params<'a>) -> Result<Plan<'p, 'a>, Error> {
    if !p.client_id.is_empty() {
        validate::client_id(p.client_id)?;
    }
    if !p.device_token.is_empty() {
        validate::device_token(p.device_token)?;
    }
    plan.needs.client_id = true;
    plan.needs.device_token = true;
    forbid(p.timestamp)?;
    forbid(p.instance_id)?;
    plan.prefix = Prefix::Given;
    plan.layout = layouts::LINKSDK42_CONNWL;
    plan.secure_mode = -2;
    plan.content = Content::None;
    plan.password = PasswordKind::DeviceToken;
    plan.timestamp = b"";
    plan.port = 443;
    fixed_mode(p, -2)?;
    if let Some(port) = p.port {
        plan.port = port;
    }
    Ok(plan)
}

#[cfg(test)]
#[path = "legacy_plan_tests.rs"]
mod tests;
