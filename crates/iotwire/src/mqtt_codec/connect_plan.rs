//! CONNECT straight from a credential [`Plan`]: the client id, username and password are
//! streamed from the same writers as the `iotwire_mqtt_get_*` outputs, so the packet holds
//! exactly those bytes, and the password MAC is computed once (on the writing pass).

use crate::Error;
use crate::mqtt::client_id::{write_client_id, write_username};
use crate::mqtt::password::{password_len, write_password};
use crate::mqtt::plan::Plan;
use crate::mqtt_codec::encode_connect::{self, Connect, Text, keepalive};
use crate::sink::{Counter, Sink};

/// The client id of a plan as a CONNECT field.
#[derive(Clone, Copy)]
pub struct ClientIdOf<'r, 'p, 'a>(pub &'r Plan<'p, 'a>);
/// The username of a plan as a CONNECT field.
#[derive(Clone, Copy)]
pub struct UsernameOf<'r, 'p, 'a>(pub &'r Plan<'p, 'a>);
/// The password of a plan as a CONNECT field.
#[derive(Clone, Copy)]
pub struct PasswordOf<'r, 'p, 'a>(pub &'r Plan<'p, 'a>);

impl Text for ClientIdOf<'_, '_, '_> {
    fn byte_len(&self) -> Result<usize, Error> {
        let mut c = Counter::new();
        write_client_id(self.0, &mut c)?;
        Ok(c.len())
    }
    fn put<S: Sink>(&self, s: &mut S) -> Result<(), Error> {
        write_client_id(self.0, s)
    }
}

impl Text for UsernameOf<'_, '_, '_> {
    fn byte_len(&self) -> Result<usize, Error> {
        let mut c = Counter::new();
        write_username(self.0, &mut c)?;
        Ok(c.len())
    }
    fn put<S: Sink>(&self, s: &mut S) -> Result<(), Error> {
        write_username(self.0, s)
    }
}

impl Text for PasswordOf<'_, '_, '_> {
    fn byte_len(&self) -> Result<usize, Error> {
        password_len(self.0)
    }
    fn put<S: Sink>(&self, s: &mut S) -> Result<(), Error> {
        write_password(self.0, s)
    }
}

/// A CONNECT built from a plan.
pub type PlanConnect<'r, 'p, 'a> =
    Connect<ClientIdOf<'r, 'p, 'a>, UsernameOf<'r, 'p, 'a>, PasswordOf<'r, 'p, 'a>>;

/// Assembles the CONNECT of a plan. The plan's keepalive is required here (a CONNECT always
/// carries one) and must be 30..=1200 s. Every text that goes into the client id and
/// username must be UTF-8 (lax legacy names might not be); an empty password (X.509) is
/// left out.
pub fn connect_of<'r, 'p, 'a>(plan: &'r Plan<'p, 'a>) -> Result<PlanConnect<'r, 'p, 'a>, Error> {
    let p = plan.params;
    let keepalive_s = keepalive(p.keepalive_s.ok_or(Error::InvalidKeepalive)?)?;
    let texts = [
        p.product_key,
        p.device_name,
        p.client_id,
        p.timestamp,
        p.instance_id,
        p.random,
        p.extra_params,
    ];
    if texts.iter().any(|t| core::str::from_utf8(t).is_err()) {
        return Err(Error::InvalidArgument);
    }
    let username = UsernameOf(plan);
    let password = PasswordOf(plan);
    Ok(Connect {
        client_id: ClientIdOf(plan),
        username: if username.byte_len()? == 0 {
            None
        } else {
            Some(username)
        },
        password: if password.byte_len()? == 0 {
            None
        } else {
            Some(password)
        },
        keepalive_s,
        clean_session: true,
    })
}

/// Length of the CONNECT of a plan (no MAC is computed).
pub fn packet_len(plan: &Plan<'_, '_>) -> Result<usize, Error> {
    encode_connect::packet_len(&connect_of(plan)?)
}

/// Writes the CONNECT of a plan.
pub fn encode<S: Sink>(plan: &Plan<'_, '_>, s: &mut S) -> Result<(), Error> {
    encode_connect::encode(&connect_of(plan)?, s)
}
