//! Writes `mqttClientId` = `<clientId>|k=v,k=v,...|` and the username `<dn>&<pk>`.

use crate::Error;
use crate::mqtt::legacy_layouts::Item;
use crate::mqtt::plan::{Plan, Prefix};
use crate::sink::{Limited, Sink};

/// Longest client id the legacy `char clientid[200]` held (plus its NUL).
const LEGACY_CLIENT_ID_MAX: usize = 199;
/// Longest username the legacy `char username[64]` check let through.
const LEGACY_USERNAME_MAX: usize = 62;

/// Writes the client id part before `|`: the caller's id, `<pk>.<dn>` or `<dn>.<pk>`.
pub fn put_prefix<S: Sink + ?Sized>(plan: &Plan<'_, '_>, s: &mut S) -> Result<(), Error> {
    let p = &plan.params;
    match plan.prefix {
        Prefix::Given => s.put(p.client_id),
        Prefix::PkDotDn => {
            s.put(p.product_key)?;
            s.put(b".")?;
            s.put(p.device_name)
        }
        Prefix::DnDotPk => {
            s.put(p.device_name)?;
            s.put(b".")?;
            s.put(p.product_key)
        }
    }
}

/// Writes items separated by `,`, skipping the optional ones that are unset.
struct ItemWriter<'s, S: Sink> {
    sink: &'s mut S,
    first: bool,
}

impl<S: Sink> ItemWriter<'_, S> {
    fn begin(&mut self) -> Result<&mut S, Error> {
        if !self.first {
            self.sink.put(b",")?;
        }
        self.first = false;
        Ok(self.sink)
    }

    fn pair(&mut self, key: &[u8], value: &[u8]) -> Result<(), Error> {
        let s = self.begin()?;
        s.put(key)?;
        s.put(b"=")?;
        s.put(value)
    }
}

fn put_items<S: Sink>(plan: &Plan<'_, '_>, s: &mut S) -> Result<(), Error> {
    let p = &plan.params;
    let mut w = ItemWriter {
        sink: s,
        first: true,
    };
    for item in plan.layout {
        match *item {
            Item::Lit(text) => w.begin()?.put(text)?,
            Item::SecureMode => {
                let s = w.begin()?;
                s.put(b"securemode=")?;
                s.put_decimal(plan.secure_mode)?;
            }
            Item::SignMethod => w.pair(b"signmethod", plan.method.name())?,
            Item::OptTimestamp if !plan.timestamp.is_empty() => {
                w.pair(b"timestamp", plan.timestamp)?
            }
            Item::Random => w.pair(b"random", p.random)?,
            Item::AuthType => w.pair(b"authType", plan.auth_type())?,
            Item::OptInstanceId if !p.instance_id.is_empty() => {
                w.pair(b"instanceId", p.instance_id)?
            }
            Item::Extras if !p.extra_params.is_empty() => w.begin()?.put(p.extra_params)?,
            Item::OptTimestamp | Item::OptInstanceId | Item::Extras => {}
        }
    }
    Ok(())
}

/// Writes the complete MQTT client id.
///
/// Under the legacy limits a client id over 199 characters fails with
/// [`Error::InvalidClientId`] after a partial write: callers measure first (the C ABI) or
/// clear the field (`IOT_Sign_MQTT`).
pub fn write_client_id<S: Sink>(plan: &Plan<'_, '_>, s: &mut S) -> Result<(), Error> {
    plan.complete()?;
    let limit = if plan.legacy_limits {
        LEGACY_CLIENT_ID_MAX
    } else {
        usize::MAX
    };
    let mut s = Limited::new(s, limit, Error::InvalidClientId);
    put_prefix(plan, &mut s)?;
    s.put(b"|")?;
    put_items(plan, &mut s)?;
    s.put(b"|")
}

/// Writes the username `<DeviceName>&<ProductKey>`.
pub fn write_username<S: Sink>(plan: &Plan<'_, '_>, s: &mut S) -> Result<(), Error> {
    plan.complete()?;
    let p = &plan.params;
    let len = p
        .device_name
        .len()
        .saturating_add(p.product_key.len())
        .saturating_add(1);
    if plan.legacy_limits && len > LEGACY_USERNAME_MAX {
        return Err(Error::InvalidArgument);
    }
    s.put(p.device_name)?;
    s.put(b"&")?;
    s.put(p.product_key)
}
