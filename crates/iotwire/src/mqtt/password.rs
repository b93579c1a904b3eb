//! The sign content (the exact string the MAC covers) and the password, one-shot or from a MAC
//! computed elsewhere (a secure element): both paths hex-encode through [`put_mac_hex`].

use crate::Error;
use crate::hex::put_hex;
use crate::mac::{AnyMethod, MacSet, Message};
use crate::mqtt::client_id::put_prefix;
use crate::mqtt::plan::{Content, PasswordKind, Plan};
use crate::sink::Sink;

/// Writes the sign content: the signed parameters sorted by name, values concatenated.
/// Empty for modes that sign nothing (X.509, connwl).
pub fn write_sign_content<S: Sink + ?Sized>(plan: &Plan<'_, '_>, s: &mut S) -> Result<(), Error> {
    plan.complete()?;
    let p = &plan.params;
    match plan.content {
        Content::Device => {
            s.put(b"clientId")?;
            put_prefix(plan, s)?;
            s.put(b"deviceName")?;
            s.put(p.device_name)?;
            s.put(b"productKey")?;
            s.put(p.product_key)?;
            if !plan.timestamp.is_empty() {
                s.put(b"timestamp")?;
                s.put(plan.timestamp)?;
            }
            Ok(())
        }
        Content::Dynreg => {
            s.put(b"deviceName")?;
            s.put(p.device_name)?;
            s.put(b"productKey")?;
            s.put(p.product_key)?;
            s.put(b"random")?;
            s.put(p.random)
        }
        Content::None => Ok(()),
    }
}

/// The sign content as a MAC message.
struct SignContent<'a, 'p, 'q>(&'a Plan<'p, 'q>);

impl Message for SignContent<'_, '_, '_> {
    fn write_to<S: Sink + ?Sized>(&mut self, sink: &mut S) -> Result<(), Error> {
        write_sign_content(self.0, sink)
    }
}

/// Writes a MAC as the password text (hex in the plan's case), after checking its length.
pub fn put_mac_hex<S: Sink>(plan: &Plan<'_, '_>, mac: &[u8], s: &mut S) -> Result<(), Error> {
    if mac.len() != plan.method.mac_len() {
        return Err(Error::InvalidMacLength);
    }
    put_hex(s, mac, plan.case)
}

/// Writes the password (one-shot: computes the MAC with the plan's secret).
pub fn write_password<S: Sink>(plan: &Plan<'_, '_>, s: &mut S) -> Result<(), Error> {
    write_password_with::<AnyMethod, S>(plan, s)
}

/// [`write_password`] restricted to the MACs of `M` (see [`MacSet`]).
pub fn write_password_with<M: MacSet, S: Sink>(
    plan: &Plan<'_, '_>,
    s: &mut S,
) -> Result<(), Error> {
    plan.complete()?;
    match plan.password {
        PasswordKind::DeviceSecretMac | PasswordKind::ProductSecretMac => {
            let digest = M::compute(plan.method, plan.one_shot_key()?, &mut SignContent(plan))?;
            put_mac_hex(plan, digest.as_bytes(), s)
        }
        PasswordKind::Empty => Ok(()),
        PasswordKind::DeviceToken => s.put(plan.params.device_token),
    }
}

/// Writes the password from a MAC computed outside the library (two-step API). For modes
/// whose password is no MAC the `mac` must be empty and the usual password is written.
pub fn write_password_from_mac<S: Sink>(
    plan: &Plan<'_, '_>,
    mac: &[u8],
    s: &mut S,
) -> Result<(), Error> {
    plan.complete()?;
    if plan.password_is_mac() {
        put_mac_hex(plan, mac, s)
    } else if mac.is_empty() {
        write_password(plan, s)
    } else {
        Err(Error::InvalidMacLength)
    }
}

/// Length of the one-shot password text, without computing any MAC.
pub fn password_len(plan: &Plan<'_, '_>) -> Result<usize, Error> {
    plan.complete()?;
    Ok(match plan.password {
        PasswordKind::DeviceSecretMac | PasswordKind::ProductSecretMac => {
            plan.one_shot_key()?;
            plan.method.mac_len().saturating_mul(2)
        }
        PasswordKind::Empty => 0,
        PasswordKind::DeviceToken => plan.params.device_token.len(),
    })
}
