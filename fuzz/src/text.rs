//! The `(char *out, size_t out_cap, size_t *out_len)` contract, checked on every call:
//!
//! - size query (`out == NULL && out_cap == 0`): OK and `*out_len` = length + 1;
//! - `out_len == NULL`, or `out == NULL` with `out_cap > 0`: IOTWIRE_ERR_NULL_POINTER;
//! - `out_cap` < length + 1: IOTWIRE_ERR_BUFFER_TOO_SMALL;
//! - the written bytes overlapping an input, or `*out_len` overlapping the whole `out_cap`
//!   buffer or an input: IOTWIRE_ERR_OVERLAP;
//! - otherwise OK: text + NUL written, `*out_len` = length, no NUL inside the text;
//! - on any failure nothing is written (guard bytes and `*out_len` unchanged).

use crate::mem::{Block, GUARD, ranges_overlap};
use crate::options::{OptsBox, STRING_FIELDS, strings};
use core::ffi::c_char;
use iotwire_ffi::mqtt::{self as m, iotwire_mqtt_options_t as Opts};
use iotwire_ffi::status::*;
use iotwire_ffi::types::iotwire_str_t;

/// Sentinel pre-stored in `*out_len`, so an unwanted write is visible.
pub const OUT_LEN_SENTINEL: usize = 0x5A5A_5A5A_5A5A_5A5A;

/// Guard bytes before and after every output buffer.
const PAD: usize = 16;

/// The text exports of `iotwire_mqtt_*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextExport {
    /// `iotwire_mqtt_get_client_id`
    ClientId,
    /// `iotwire_mqtt_get_username`
    Username,
    /// `iotwire_mqtt_get_host`
    Host,
    /// `iotwire_mqtt_get_sign_content`
    SignContent,
    /// `iotwire_mqtt_get_websocket_url`
    WebsocketUrl,
    /// `iotwire_mqtt_get_tls_psk_identity`
    TlsPskIdentity,
    /// `iotwire_mqtt_get_password`
    Password,
    /// `iotwire_mqtt_get_tls_psk`
    TlsPsk,
    /// `iotwire_mqtt_get_password_from_mac`
    PasswordFromMac,
}

impl TextExport {
    /// Every text export, in the order the ffi_mqtt target calls them.
    pub const ALL: [TextExport; 9] = [
        TextExport::ClientId,
        TextExport::Username,
        TextExport::Host,
        TextExport::SignContent,
        TextExport::WebsocketUrl,
        TextExport::TlsPskIdentity,
        TextExport::Password,
        TextExport::TlsPsk,
        TextExport::PasswordFromMac,
    ];

    /// The C name.
    pub fn name(self) -> &'static str {
        match self {
            TextExport::ClientId => "iotwire_mqtt_get_client_id",
            TextExport::Username => "iotwire_mqtt_get_username",
            TextExport::Host => "iotwire_mqtt_get_host",
            TextExport::SignContent => "iotwire_mqtt_get_sign_content",
            TextExport::WebsocketUrl => "iotwire_mqtt_get_websocket_url",
            TextExport::TlsPskIdentity => "iotwire_mqtt_get_tls_psk_identity",
            TextExport::Password => "iotwire_mqtt_get_password",
            TextExport::TlsPsk => "iotwire_mqtt_get_tls_psk",
            TextExport::PasswordFromMac => "iotwire_mqtt_get_password_from_mac",
        }
    }

    /// The header's `IOTWIRE_MQTT_*_MAX_SIZE` for this output ("holds any ... this library
    /// writes", NUL included), which firmware uses to size static buffers.
    pub fn max_size(self) -> usize {
        match self {
            TextExport::ClientId => m::IOTWIRE_MQTT_CLIENT_ID_MAX_SIZE,
            TextExport::Username => m::IOTWIRE_MQTT_USERNAME_MAX_SIZE,
            TextExport::Host | TextExport::WebsocketUrl => m::IOTWIRE_MQTT_HOST_MAX_SIZE,
            TextExport::SignContent => m::IOTWIRE_MQTT_SIGN_CONTENT_MAX_SIZE,
            TextExport::TlsPskIdentity => m::IOTWIRE_MQTT_TLS_PSK_IDENTITY_MAX_SIZE,
            TextExport::Password | TextExport::PasswordFromMac => m::IOTWIRE_MQTT_PASSWORD_MAX_SIZE,
            TextExport::TlsPsk => m::IOTWIRE_MQTT_TLS_PSK_MAX_SIZE,
        }
    }

    /// True when the export also reads a MAC buffer.
    pub fn takes_mac(self) -> bool {
        self == TextExport::PasswordFromMac
    }

    /// Calls the export exactly as C would.
    ///
    /// # Safety
    /// The pointers must follow the export's documented contract.
    pub unsafe fn call(
        self,
        opts: *const Opts,
        mac: Mac,
        out: *mut c_char,
        cap: usize,
        out_len: *mut usize,
    ) -> i32 {
        // SAFETY: forwarded caller contract.
        unsafe {
            match self {
                TextExport::ClientId => m::iotwire_mqtt_get_client_id(opts, out, cap, out_len),
                TextExport::Username => m::iotwire_mqtt_get_username(opts, out, cap, out_len),
                TextExport::Host => m::iotwire_mqtt_get_host(opts, out, cap, out_len),
                TextExport::SignContent => {
                    m::iotwire_mqtt_get_sign_content(opts, out, cap, out_len)
                }
                TextExport::WebsocketUrl => {
                    m::iotwire_mqtt_get_websocket_url(opts, out, cap, out_len)
                }
                TextExport::TlsPskIdentity => {
                    m::iotwire_mqtt_get_tls_psk_identity(opts, out, cap, out_len)
                }
                TextExport::Password => m::iotwire_mqtt_get_password(opts, out, cap, out_len),
                TextExport::TlsPsk => m::iotwire_mqtt_get_tls_psk(opts, out, cap, out_len),
                TextExport::PasswordFromMac => {
                    m::iotwire_mqtt_get_password_from_mac(opts, mac.ptr, mac.len, out, cap, out_len)
                }
            }
        }
    }
}

/// The MAC argument of `iotwire_mqtt_get_password_from_mac` (ignored by the others). The
/// harness only builds it from live memory, or NULL on purpose.
#[derive(Clone, Copy, Debug)]
pub struct Mac {
    /// `const uint8_t *mac`
    pub ptr: *const u8,
    /// `size_t mac_len`
    pub len: usize,
}

impl Mac {
    /// No MAC (`NULL, 0`).
    pub const NONE: Mac = Mac {
        ptr: core::ptr::null(),
        len: 0,
    };

    /// A MAC in caller memory.
    pub fn of(bytes: &[u8]) -> Mac {
        Mac {
            ptr: bytes.as_ptr(),
            len: bytes.len(),
        }
    }
}

/// Every status the library documents.
pub fn is_known_status(rc: i32) -> bool {
    matches!(rc, -19..=0)
}

/// True when `IOTWIRE_FUZZ_TRACE` is set: every checked call prints its status (for triage
/// and for confirming that a seed reaches the paths it was written for).
pub fn tracing() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("IOTWIRE_FUZZ_TRACE").is_some())
}

/// Common checks on any returned status: known, not "internal error", and
/// `iotwire_status_str` names it.
pub fn check_status(rc: i32, what: &str) {
    if tracing() {
        eprintln!("trace: {what} -> {rc}");
    }
    assert_ne!(rc, IOTWIRE_ERR_INTERNAL, "{what}: IOTWIRE_ERR_INTERNAL");
    assert!(is_known_status(rc), "{what}: undocumented status {rc}");
    let name = iotwire_ffi::status::iotwire_status_str(rc);
    assert!(!name.is_null(), "iotwire_status_str({rc}) is NULL");
    // SAFETY: the library returns a static NUL-terminated string.
    let name = unsafe { core::ffi::CStr::from_ptr(name) }.to_bytes();
    assert!(
        name.starts_with(b"IOTWIRE_") && name != b"IOTWIRE_ERR_UNKNOWN",
        "iotwire_status_str({rc}) = {:?}",
        String::from_utf8_lossy(name)
    );
}

/// Size query; `Err(rc)` when it fails, after checking nothing was written.
pub fn size_query(e: TextExport, opts: &OptsBox, mac: Mac) -> Result<usize, i32> {
    let mut n = OUT_LEN_SENTINEL;
    // SAFETY: NULL/0 is the documented size query; `n` is a writable size_t.
    let rc = unsafe { e.call(opts.ptr(), mac, core::ptr::null_mut(), 0, &mut n) };
    check_status(rc, e.name());
    if rc != IOTWIRE_OK {
        assert_eq!(
            n,
            OUT_LEN_SENTINEL,
            "{}: failed size query wrote *out_len",
            e.name()
        );
        return Err(rc);
    }
    assert!(
        n >= 1,
        "{}: size query gave {n} (must count the NUL)",
        e.name()
    );
    assert!(
        n <= e.max_size(),
        "{}: needs {n} > its MAX_SIZE {}",
        e.name(),
        e.max_size()
    );
    Ok(n)
}

/// Size query, then a write into an exact-size buffer; returns the text without its NUL.
pub fn fetch(e: TextExport, opts: &OptsBox, mac: Mac) -> Result<Vec<u8>, i32> {
    let need = size_query(e, opts, mac)?;
    let block = Block::new(need, GUARD);
    let mut len = OUT_LEN_SENTINEL;
    // SAFETY: the block is writable for `need` bytes; `len` is a writable size_t.
    let rc = unsafe { e.call(opts.ptr(), mac, block.ptr().cast(), need, &mut len) };
    check_status(rc, e.name());
    assert_eq!(
        rc,
        IOTWIRE_OK,
        "{}: exact-size write after a good size query",
        e.name()
    );
    let text = block.bytes();
    assert_eq!(len + 1, need, "{}: *out_len != size query - 1", e.name());
    assert_eq!(text[len], 0, "{}: no NUL at out[len]", e.name());
    assert!(
        !text[..len].contains(&0) || crate::known_finding("nul-in-text"),
        "{}: NUL inside the text: {:?}",
        e.name(),
        String::from_utf8_lossy(&text[..len])
    );
    Ok(text[..len].to_vec())
}

/// How the fuzz input shapes one call (see fuzz/README.md, "call control").
#[derive(Clone, Copy, Debug)]
pub struct CallCtl {
    /// Capacity choice.
    pub cap: u8,
    /// Overlap choice.
    pub overlap: u8,
    /// Free byte: extra capacity, overlap offset, `out_len` position.
    pub extra: u8,
}

enum Cap {
    Query,
    NullOut(usize),
    NullLen(usize),
    Buf(usize),
}

fn cap_choice(ctl: CallCtl, need: Option<usize>) -> Cap {
    // Without a valid size query there is no "exact": any capacity will do.
    let exact = need.unwrap_or(usize::from(ctl.extra));
    let extra = usize::from(ctl.extra);
    if ctl.cap == 0xFF {
        return Cap::Buf(usize::MAX - extra);
    }
    match ctl.cap % 8 {
        0 => Cap::Buf(exact),
        1 => Cap::Query,
        2 => Cap::Buf(0),
        3 => Cap::Buf(1),
        4 => Cap::Buf(exact.saturating_sub(1)),
        5 => Cap::Buf(exact + 1 + extra),
        6 => Cap::NullOut(1 + extra),
        _ => Cap::NullLen(exact),
    }
}

/// Calls `e` once with the capacity and aliasing `ctl` asks for and checks the contract.
/// Returns the text on success.
pub fn checked_call(e: TextExport, opts: &OptsBox, mac: Mac, ctl: CallCtl) -> Option<Vec<u8>> {
    let query = size_query(e, opts, mac);
    let need = query.ok();
    let text = match cap_choice(ctl, need) {
        Cap::Query => {
            // Already done above; a second query must agree.
            assert_eq!(
                size_query(e, opts, mac),
                query,
                "{}: size query flips",
                e.name()
            );
            None
        }
        Cap::NullOut(cap) => {
            let mut n = OUT_LEN_SENTINEL;
            // SAFETY: the library must reject NULL out with cap > 0 without writing.
            let rc = unsafe { e.call(opts.ptr(), mac, core::ptr::null_mut(), cap, &mut n) };
            check_status(rc, e.name());
            assert_ne!(
                rc,
                IOTWIRE_OK,
                "{}: NULL out with out_cap {cap} accepted",
                e.name()
            );
            if need.is_some() {
                assert_eq!(
                    rc,
                    IOTWIRE_ERR_NULL_POINTER,
                    "{}: NULL out, cap {cap}",
                    e.name()
                );
            }
            assert_eq!(
                n,
                OUT_LEN_SENTINEL,
                "{}: failed call wrote *out_len",
                e.name()
            );
            None
        }
        Cap::NullLen(cap) => {
            let block = Block::new(cap.min(1 << 16), GUARD);
            let before = block.bytes().to_vec();
            // SAFETY: the block is writable for `cap` bytes (capped at 64 KiB, and exact is
            // far below that); out_len NULL must be rejected.
            let rc = unsafe {
                e.call(
                    opts.ptr(),
                    mac,
                    block.ptr().cast(),
                    block.len(),
                    core::ptr::null_mut(),
                )
            };
            check_status(rc, e.name());
            assert_ne!(rc, IOTWIRE_OK, "{}: NULL out_len accepted", e.name());
            if need.is_some() {
                assert_eq!(rc, IOTWIRE_ERR_NULL_POINTER, "{}: NULL out_len", e.name());
            }
            assert_eq!(
                block.bytes(),
                &before[..],
                "{}: failed call wrote out",
                e.name()
            );
            None
        }
        Cap::Buf(cap) => buffer_call(e, opts, mac, ctl, need, cap),
    };
    if let Some(t) = &text {
        // Same inputs, same bytes: outputs depend on nothing but the options.
        assert_eq!(
            fetch(e, opts, mac).as_ref(),
            Ok(t),
            "{}: not repeatable",
            e.name()
        );
    }
    text
}

/// Where the output buffer, the inputs and `*out_len` live for one call.
struct Layout {
    /// Memory holding `out` (and possibly a moved input or `*out_len`).
    out_block: Block,
    /// Offset of `out` in `out_block`.
    out_off: usize,
    /// A moved input that holds `*out_len` (when `*out_len` is aimed at an input).
    in_block: Option<Block>,
    /// Where `*out_len` lives: `None` for a separate variable, else (in `out_block`?, offset).
    len_at: Option<(bool, usize)>,
    /// Options (re-pointed when one of their strings was moved).
    opts: Option<OptsBox>,
    /// MAC (re-pointed when it was moved).
    mac: Mac,
}

/// Offset of an input moved into a block of ours: room for `out` or `*out_len` to start
/// before it (a multiple of 8, so `*out_len` stays aligned).
const PRE: usize = 160;

/// Copies input `target` (string field index, or `STRING_FIELDS` for the MAC) to offset
/// `PRE` of a fresh block of at least `min_size` bytes and re-points a copy of the options
/// or the MAC at it. `None` when that input is NULL or not read by `e`.
fn move_input(
    e: TextExport,
    opts: &OptsBox,
    mac: Mac,
    target: usize,
    min_size: usize,
) -> Option<(Block, Option<OptsBox>, Mac)> {
    let (src_ptr, src_len) = if target == STRING_FIELDS {
        if !e.takes_mac() || mac.ptr.is_null() {
            return None;
        }
        (mac.ptr, mac.len)
    } else {
        let s: iotwire_str_t = strings(&opts.get())[target];
        if s.ptr.is_null() || s.len > (1 << 20) {
            return None;
        }
        (s.ptr.cast::<u8>(), s.len)
    };
    let mut block = Block::new((PRE + src_len).max(min_size) + PAD, GUARD);
    // SAFETY: the source is a live input of `src_len` bytes.
    let src = unsafe { core::slice::from_raw_parts(src_ptr, src_len) };
    block.bytes_mut()[PRE..PRE + src_len].copy_from_slice(src);
    let moved = block.ptr().wrapping_add(PRE);
    if target == STRING_FIELDS {
        Some((
            block,
            None,
            Mac {
                ptr: moved,
                len: src_len,
            },
        ))
    } else {
        let s = iotwire_str_t {
            ptr: moved.cast(),
            len: src_len,
        };
        Some((block, Some(opts.with_string(target, s)), mac))
    }
}

fn layout(e: TextExport, opts: &OptsBox, mac: Mac, ctl: CallCtl, cap: usize) -> Layout {
    let plain = |cap: usize| Layout {
        out_block: Block::new(PAD + cap + PAD, GUARD),
        out_off: PAD,
        in_block: None,
        len_at: None,
        opts: None,
        mac,
    };
    if cap > (1 << 20) {
        // A capacity no buffer has: give the library a small real buffer and verify that
        // nothing past the text was touched (if it accepts the capacity at all).
        return plain(4096);
    }
    let target = |base: u8| usize::from(ctl.overlap - base) % (STRING_FIELDS + 1);
    match ctl.overlap {
        // `out` starts up to 128 bytes before or after the start of an input.
        0xB0..=0xDF if !opts.is_null() => {
            let out_off = PRE
                .checked_add_signed(isize::from(ctl.extra as i8))
                .expect("PRE > 128");
            match move_input(e, opts, mac, target(0xB0), out_off + cap) {
                Some((block, o, m)) => Layout {
                    out_block: block,
                    out_off,
                    in_block: None,
                    len_at: None,
                    opts: o,
                    mac: m,
                },
                None => plain(cap),
            }
        }
        // `*out_len` at an aligned offset from 16 bytes before to 40 bytes into an input.
        0xE0..=0xEF if !opts.is_null() => {
            let len_off = PRE - 16 + 8 * usize::from(ctl.extra % 8);
            match move_input(e, opts, mac, target(0xE0), len_off + 8) {
                Some((block, o, m)) => Layout {
                    in_block: Some(block),
                    len_at: Some((false, len_off)),
                    opts: o,
                    mac: m,
                    ..plain(cap)
                },
                None => plain(cap),
            }
        }
        // `*out_len` inside the output buffer, inside or past the bytes the text needs.
        0xF0..=0xFF => {
            let off = 8 * usize::from(ctl.overlap & 0x0F);
            Layout {
                out_block: Block::new(PAD + cap.max(off + 8) + PAD, GUARD),
                len_at: Some((true, PAD + off)),
                ..plain(0)
            }
        }
        _ => plain(cap),
    }
}

/// Every caller range the export reads, as (address, length).
fn input_ranges(e: TextExport, opts: &OptsBox, mac: Mac) -> Vec<(usize, usize)> {
    let mut r = Vec::new();
    if !opts.is_null() {
        for s in strings(&opts.get()) {
            if !s.ptr.is_null() {
                r.push((s.ptr as usize, s.len));
            }
        }
    }
    if e.takes_mac() && !mac.ptr.is_null() {
        r.push((mac.ptr as usize, mac.len));
    }
    r
}

/// Asserts that `after` differs from `before` only inside `allowed` byte ranges.
fn only_changed(before: &[u8], after: &[u8], allowed: &[(usize, usize)], what: &str) {
    for (i, (a, b)) in after.iter().zip(before).enumerate() {
        let ok = allowed
            .iter()
            .any(|&(start, len)| (start..start + len).contains(&i));
        assert!(ok || a == b, "{what}: byte {i} changed");
    }
}

fn buffer_call(
    e: TextExport,
    opts: &OptsBox,
    mac: Mac,
    ctl: CallCtl,
    need: Option<usize>,
    cap: usize,
) -> Option<Vec<u8>> {
    let mut lay = layout(e, opts, mac, ctl, cap);
    let opts = lay.opts.as_ref().unwrap_or(opts);
    let mac = lay.mac;
    let mut separate_len = OUT_LEN_SENTINEL;
    let len_ptr: *mut usize = match lay.len_at {
        Some((true, off)) => lay.out_block.ptr().wrapping_add(off).cast(),
        Some((false, off)) => lay
            .in_block
            .as_mut()
            .expect("in_block")
            .ptr()
            .wrapping_add(off)
            .cast(),
        None => &mut separate_len,
    };
    if lay.len_at.is_some_and(|(in_out, _)| in_out) {
        // SAFETY: an aligned size_t slot inside our block (guard bytes, not an input).
        unsafe { len_ptr.write(OUT_LEN_SENTINEL) };
    }
    // SAFETY: aligned, initialised size_t in our memory.
    let len_before = unsafe { len_ptr.read() };
    let out = lay.out_block.ptr().wrapping_add(lay.out_off);
    let out_before = lay.out_block.bytes().to_vec();
    let in_before = lay.in_block.as_ref().map(|b| b.bytes().to_vec());

    // SAFETY: `out` is writable for `cap` bytes (the block was sized for it, except for the
    // deliberately impossible capacities, which the library must refuse or not exceed);
    // `len_ptr` is a writable, aligned size_t; every input is live caller memory.
    let rc = unsafe { e.call(opts.ptr(), mac, out.cast(), cap, len_ptr) };
    check_status(rc, e.name());
    // SAFETY: as above; no call is running.
    let len_after = unsafe { len_ptr.read() };
    let out_after = lay.out_block.bytes().to_vec();
    let in_after = lay.in_block.as_ref().map(|b| b.bytes().to_vec());

    let unchanged = |what: &str| {
        assert_eq!(
            out_after,
            out_before,
            "{}: failed call wrote into out ({what})",
            e.name()
        );
        assert_eq!(
            in_after,
            in_before,
            "{}: failed call wrote into an input ({what})",
            e.name()
        );
        assert_eq!(
            len_after,
            len_before,
            "{}: failed call wrote *out_len ({what})",
            e.name()
        );
    };
    let Some(need) = need else {
        // The options are bad: whatever the buffer, the call must fail and write nothing.
        assert_ne!(
            rc,
            IOTWIRE_OK,
            "{}: write OK where the size query failed",
            e.name()
        );
        unchanged("bad options");
        return None;
    };

    let huge = cap > isize::MAX as usize;
    let (out_addr, len_addr) = (out as usize, len_ptr as usize);
    let inputs = input_ranges(e, opts, mac);
    let out_aliases = inputs
        .iter()
        .any(|&(a, l)| ranges_overlap(out_addr, need, a, l));
    let len_aliases = ranges_overlap(len_addr, 8, out_addr, if huge { need } else { cap })
        || inputs
            .iter()
            .any(|&(a, l)| ranges_overlap(len_addr, 8, a, l));
    let mut allowed = Vec::new();
    if huge {
        allowed.push(IOTWIRE_ERR_INVALID_ARGUMENT);
    }
    if cap < need {
        allowed.push(IOTWIRE_ERR_BUFFER_TOO_SMALL);
    }
    if out_aliases || len_aliases {
        allowed.push(IOTWIRE_ERR_OVERLAP);
    }
    let must_fail = !allowed.is_empty() && !huge;
    if rc != IOTWIRE_OK || must_fail {
        assert!(
            allowed.contains(&rc),
            "{}: status {rc} with cap {cap}, need {need}, out aliases an input: {out_aliases}, \
             out_len aliases out or an input: {len_aliases}; allowed {allowed:?}",
            e.name()
        );
        unchanged("error path");
        return None;
    }

    // Success: text + NUL at `out`, *out_len = need - 1, and nothing else written.
    let len = len_after;
    assert_eq!(
        len + 1,
        need,
        "{}: *out_len {len} vs size query {need}",
        e.name()
    );
    let o = lay.out_off;
    let text = &out_after[o..o + len];
    assert_eq!(out_after[o + len], 0, "{}: out[len] is not NUL", e.name());
    assert!(
        !text.contains(&0) || crate::known_finding("nul-in-text"),
        "{}: NUL inside the text at {:?} (C would truncate it): {:?}",
        e.name(),
        text.iter().position(|&b| b == 0),
        String::from_utf8_lossy(text)
    );
    let mut out_ok = vec![(o, need)];
    let mut in_ok = Vec::new();
    match lay.len_at {
        Some((true, off)) => out_ok.push((off, 8)),
        Some((false, off)) => in_ok.push((off, 8)),
        None => {}
    }
    only_changed(&out_before, &out_after, &out_ok, e.name());
    if let (Some(b), Some(a)) = (&in_before, &in_after) {
        only_changed(b, a, &in_ok, e.name());
    }
    Some(text.to_vec())
}
