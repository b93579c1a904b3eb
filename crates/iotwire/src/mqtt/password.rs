//! The sign content and the password: one-shot (the MAC computed here with the plan's
//! secret), or from a MAC computed elsewhere (two-step, for keys in a secure element).

use crate::Error;
use crate::hex::put_hex_text;
use crate::mac;
use crate::mqtt::client_id::put_prefix;
use crate::mqtt::plan::{Content, PasswordKind, Plan};
use crate::sink::{Sink, SinkText, Text};
use zeroize::Zeroize;

/// Writes the sign content: the signed parameters sorted by name, values concatenated.
/// Empty for modes that sign nothing (X.509, connwl).
fn put_sign_content(plan: &Plan<'_, '_>, t: &mut dyn Text) {
    let p = &plan.params;
    match plan.content {
        Content::Device => {
            t.put(b"clientId");
            put_prefix(plan, t);
            t.put(b"deviceName");
            t.put(p.device_name);
            t.put(b"productKey");
            t.put(p.product_key);
            if !plan.timestamp.is_empty() {
                t.put(b"timestamp");
                t.put(plan.timestamp);
            }
        }
        Content::Dynreg => {
            t.put(b"deviceName");
            t.put(p.device_name);
            t.put(b"productKey");
            t.put(p.product_key);
            t.put(b"random");
            t.put(p.random);
        }
        Content::None => {}
    }
}

/// Writes the sign content into `t`.
pub fn write_sign_content_text(plan: &Plan<'_, '_>, t: &mut dyn Text) -> Result<(), Error> {
    plan.complete()?;
    put_sign_content(plan, t);
    Ok(())
}

/// Writes a MAC as the password text (hex in the plan's case), after checking its length.
fn put_mac_hex(plan: &Plan<'_, '_>, mac: &[u8], t: &mut dyn Text) -> Result<(), Error> {
    if mac.len() != plan.method.mac_len() {
        return Err(Error::InvalidMacLength);
    }
    put_hex_text(t, mac, plan.case);
    Ok(())
}

/// Writes the password into `t` (one-shot: computes the MAC with the plan's secret).
#[inline(never)]
pub fn write_password_text(plan: &Plan<'_, '_>, t: &mut dyn Text) -> Result<(), Error> {
    plan.complete()?;
    match plan.password {
        PasswordKind::DeviceSecretMac | PasswordKind::ProductSecretMac => {
            let mut digest = [0u8; 32];
            let result = mac::mac_text(
                plan.method,
                plan.one_shot_key()?,
                &|h| put_sign_content(plan, h),
                &mut digest,
            )
            .and_then(|()| {
                let len = plan.method.mac_len();
                put_mac_hex(plan, digest.get(..len).unwrap_or_default(), t)
            });
            digest.zeroize();
            result
        }
        PasswordKind::Empty => Ok(()),
        PasswordKind::DeviceToken => {
            t.put(plan.params.device_token);
            Ok(())
        }
    }
}

/// Writes the password from a MAC computed outside the library (two-step API). For modes
/// whose password is no MAC the `mac` must be empty and the usual password is written.
pub fn write_password_from_mac_text(
    plan: &Plan<'_, '_>,
    mac: &[u8],
    t: &mut dyn Text,
) -> Result<(), Error> {
    plan.complete()?;
    if plan.password_is_mac() {
        put_mac_hex(plan, mac, t)
    } else if mac.is_empty() {
        write_password_text(plan, t)
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

/// [`write_sign_content_text`] into a [`Sink`].
pub fn write_sign_content<S: Sink + ?Sized>(plan: &Plan<'_, '_>, s: &mut S) -> Result<(), Error> {
    let mut t = SinkText::new(s);
    write_sign_content_text(plan, &mut t)?;
    t.result()
}

/// [`write_password_text`] into a [`Sink`].
pub fn write_password<S: Sink + ?Sized>(plan: &Plan<'_, '_>, s: &mut S) -> Result<(), Error> {
    let mut t = SinkText::new(s);
    write_password_text(plan, &mut t)?;
    t.result()
}

/// [`write_password_from_mac_text`] into a [`Sink`].
pub fn write_password_from_mac<S: Sink + ?Sized>(
    plan: &Plan<'_, '_>,
    mac: &[u8],
    s: &mut S,
) -> Result<(), Error> {
    let mut t = SinkText::new(s);
    write_password_from_mac_text(plan, mac, &mut t)?;
    t.result()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mqtt::params::Params;
    use crate::sink::SliceWriter;

    fn params() -> Params<'static> {
        Params {
            product_key: b"a1X2bEnP82z",
            device_name: b"example1",
            device_secret: b"s3cr3t",
            timestamp: b"1700000000000",
            ..Params::default()
        }
    }

    /// The `Sink` forms report a short buffer (the `Text` forms cannot).
    #[test]
    fn sink_forms_write_or_report_a_short_buffer() {
        let p = params();
        let plan = Plan::resolve(&p).unwrap();
        let content = b"clientIda1X2bEnP82z.example1deviceNameexample1productKeya1X2bEnP82z\
timestamp1700000000000";
        let mut buf = [0u8; 128];
        let mut w = SliceWriter::new(&mut buf);
        assert_eq!(write_sign_content(&plan, &mut w), Ok(()));
        assert_eq!(w.written(), content);
        let mut small = [0u8; 16];
        assert_eq!(
            write_sign_content(&plan, &mut SliceWriter::new(&mut small)),
            Err(Error::BufferTooSmall)
        );
        let mac = [0xABu8; 32];
        let mut buf = [0u8; 64];
        let mut w = SliceWriter::new(&mut buf);
        assert_eq!(write_password_from_mac(&plan, &mac, &mut w), Ok(()));
        assert_eq!(w.written(), "AB".repeat(32).as_bytes());
        assert_eq!(
            write_password_from_mac(&plan, &mac, &mut SliceWriter::new(&mut small)),
            Err(Error::BufferTooSmall)
        );
    }
}
