//! CONNECT straight from a credential [`Plan`]: the client id, username and password are
//! streamed from the same writers as the `iotwire_mqtt_get_*` outputs, so the packet holds
//! exactly those bytes, and the password MAC is computed once (on the writing pass).
//!
//! The fixed and variable header come from the packet [`Layout`] writer, with the three
//! fields as its unwritten tail; each field is then its u16 length and its writer's bytes.

use crate::Error;
use crate::layout::{Layout, Part};
use crate::mqtt::client_id::{write_client_id_text, write_username_text};
use crate::mqtt::password::{password_len, write_password_text};
use crate::mqtt::plan::Plan;
use crate::mqtt_codec::encode_connect::{PROTOCOL, flags, keepalive};
use crate::mqtt_codec::packet_type;
use crate::sink::{Counter, Text};
use crate::utf8::{self, Forbid};

/// Field lengths of the CONNECT of a plan (0 = the field is absent).
struct Fields {
    client_id: u16,
    username: u16,
    password: u16,
}

fn field_len(n: usize) -> Result<u16, Error> {
    u16::try_from(n).map_err(|_| Error::MqttPacketTooLarge)
}

fn counted(plan: &Plan<'_, '_>, write: Writer) -> Result<u16, Error> {
    let mut c = Counter::new();
    write(plan, &mut c)?;
    field_len(c.len())
}

/// Checks what a CONNECT needs beyond the credentials: a keepalive of 30..=1200 s and
/// UTF-8 in every text that goes into the client id and username (lax legacy names might not
/// be); then measures the fields (no MAC is computed).
fn fields(plan: &Plan<'_, '_>) -> Result<(u16, Fields), Error> {
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
    if !texts.iter().all(|t| utf8::valid(t, Forbid::Nothing)) {
        return Err(Error::InvalidArgument);
    }
    let username = counted(plan, write_username_text)?;
    let password = field_len(password_len(plan)?)?;
    let client_id = counted(plan, write_client_id_text)?;
    Ok((
        keepalive_s,
        Fields {
            client_id,
            username,
            password,
        },
    ))
}

/// Wire bytes of a field: absent (0) or its length prefix and bytes.
fn wire(n: u16) -> usize {
    if n == 0 {
        0
    } else {
        usize::from(n).saturating_add(2)
    }
}

/// Writes the fixed and variable header into `buf`; returns its length, the packet's length
/// and the field lengths.
fn header(
    plan: &Plan<'_, '_>,
    clean_session: bool,
    buf: &mut [u8; 15],
) -> Result<(usize, usize, Fields), Error> {
    let (keepalive_s, f) = fields(plan)?;
    // The client id is always sent, even empty.
    let tail = usize::from(f.client_id)
        .saturating_add(2)
        .saturating_add(wire(f.username))
        .saturating_add(wire(f.password));
    let parts = [
        Part::raw(PROTOCOL),
        Part::byte(flags(clean_session, f.username != 0, f.password != 0)),
        Part::u16(keepalive_s),
    ];
    let layout = Layout::packet(packet_type::CONNECT << 4, &parts, tail)?;
    let n = layout.write(buf)?;
    Ok((n, n.saturating_add(tail), f))
}

/// Length of the CONNECT of a plan (no MAC is computed).
pub fn packet_len(plan: &Plan<'_, '_>) -> Result<usize, Error> {
    // The clean-session flag changes no length.
    header(plan, true, &mut [0; 15]).map(|(_, total, _)| total)
}

/// The writer of one field (the credential API's, on the infallible text sink).
type Writer = fn(&Plan<'_, '_>, &mut dyn Text) -> Result<(), Error>;

fn put_field(
    t: &mut dyn Text,
    plan: &Plan<'_, '_>,
    len: u16,
    absent_if_empty: bool,
    write: Writer,
) -> Result<(), Error> {
    if len == 0 && absent_if_empty {
        return Ok(());
    }
    t.put(&len.to_be_bytes());
    write(plan, t)
}

/// Writes the CONNECT of a plan: the clean-session flag as asked (the documented client sets
/// it; iotkit-embedded 3.x connects with 0), the username and password flags set when
/// those fields are not empty (an X.509 connect has no password). A text sink that runs out
/// of room shows it in its length (the output contract checks it against [`packet_len`]).
pub fn encode(plan: &Plan<'_, '_>, clean_session: bool, t: &mut dyn Text) -> Result<(), Error> {
    let mut buf = [0u8; 15];
    let (n, _, f) = header(plan, clean_session, &mut buf)?;
    t.put(buf.get(..n).unwrap_or_default());
    put_field(t, plan, f.client_id, false, write_client_id_text)?;
    put_field(t, plan, f.username, true, write_username_text)?;
    put_field(t, plan, f.password, true, write_password_text)
}
