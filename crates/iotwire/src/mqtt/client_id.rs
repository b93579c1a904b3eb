//! Writes `mqttClientId` = `<clientId>|k=v,k=v,...|` and the username `<dn>&<pk>`.

use crate::Error;
use crate::mqtt::plan::{Plan, Prefix};
use crate::mqtt::template::{self, SLOTS};
use crate::sink::{Sink, SinkText, Text};

/// Longest client id the legacy `char clientid[200]` held (plus its NUL).
#[cfg(feature = "legacy-profiles")]
const LEGACY_CLIENT_ID_MAX: usize = 199;
/// Longest username the legacy `char username[64]` check let through. The plan's name limits
/// keep every username below it (no legacy refusal to reproduce).
const LEGACY_USERNAME_MAX: usize = 62;
const _: () = assert!(
    crate::mqtt::validate::PRODUCT_KEY_MAX + 1 + crate::mqtt::validate::DEVICE_NAME_MAX
        <= LEGACY_USERNAME_MAX
);

/// Text for the `securemode` value.
pub(crate) fn secure_mode_text(mode: i32) -> &'static [u8] {
    match mode {
        3 => b"3",
        8 => b"8",
        // (3.0.1's pre-auth -1 is written by the iotkit3 writer, never through this table.)
        -2 => b"-2",
        _ => b"2",
    }
}

/// Writes the client id part before `|`: the caller's id, `<pk>.<dn>` or `<dn>.<pk>`.
pub fn put_prefix(plan: &Plan<'_, '_>, t: &mut dyn Text) {
    let p = &plan.params;
    let (first, second) = match plan.prefix {
        Prefix::Given => return t.put(p.client_id),
        Prefix::PkDotDn => (p.product_key, p.device_name),
        Prefix::DnDotPk => (p.device_name, p.product_key),
    };
    t.put(first);
    t.put(b".");
    t.put(second);
}

/// Writes the complete MQTT client id into `t`.
///
/// Under the legacy limits (legacy profiles) a client id over 199 characters fails with
/// [`Error::InvalidClientId`] before anything is written.
#[inline(never)]
pub fn write_client_id_text(plan: &Plan<'_, '_>, t: &mut dyn Text) -> Result<(), Error> {
    plan.complete()?;
    #[cfg(feature = "legacy-profiles")]
    if plan.legacy_limits {
        let mut n = crate::sink::Counter::new();
        put_client_id(plan, &mut n);
        if n.len() > LEGACY_CLIENT_ID_MAX {
            return Err(Error::InvalidClientId);
        }
    }
    put_client_id(plan, t);
    Ok(())
}

fn put_client_id(plan: &Plan<'_, '_>, t: &mut dyn Text) {
    let p = &plan.params;
    #[cfg(feature = "legacy-profiles")]
    if let Some((profile, itls)) = plan.iotkit3 {
        let custom = if p.extra_params.is_empty() {
            None
        } else {
            Some(p.extra_params)
        };
        crate::mqtt::iotkit3::write_client_id(
            profile,
            p.product_key,
            Some(p.device_name),
            custom,
            itls,
            t,
        );
        return;
    }
    // Indexed by slot byte (template.rs).
    let values: [&[u8]; SLOTS] = [
        b"",
        secure_mode_text(plan.secure_mode),
        plan.method.name(),
        plan.timestamp,
        p.random,
        plan.auth_type(),
        p.instance_id,
        p.extra_params,
    ];
    put_prefix(plan, t);
    t.put(b"|");
    template::render(plan.layout, &values, t);
    t.put(b"|");
}

/// Writes the username `<DeviceName>&<ProductKey>` into `t`.
pub fn write_username_text(plan: &Plan<'_, '_>, t: &mut dyn Text) -> Result<(), Error> {
    plan.complete()?;
    let p = &plan.params;
    t.put(p.device_name);
    t.put(b"&");
    t.put(p.product_key);
    Ok(())
}

/// [`write_client_id_text`] into a [`Sink`].
pub fn write_client_id<S: Sink + ?Sized>(plan: &Plan<'_, '_>, s: &mut S) -> Result<(), Error> {
    let mut t = SinkText::new(s);
    write_client_id_text(plan, &mut t)?;
    t.result()
}

/// [`write_username_text`] into a [`Sink`].
pub fn write_username<S: Sink + ?Sized>(plan: &Plan<'_, '_>, s: &mut S) -> Result<(), Error> {
    let mut t = SinkText::new(s);
    write_username_text(plan, &mut t)?;
    t.result()
}
