//! Drives every `iotwire_mqtt_*` export through its C ABI with fuzzed options (selectors in and
//! out of range, flags, struct sizes, strings with odd lengths and NULL pointers), fuzzed
//! output capacities and deliberate aliasing, and checks the output-buffer contract on each
//! call. Input layout: fuzz/README.md, "ffi_mqtt".
#![no_main]

use iotwire_ffi::mqtt::{
    iotwire_mqtt_check_keepalive, iotwire_mqtt_get_port, iotwire_mqtt_options_t as Opts,
};
use iotwire_ffi::status::*;
use iotwire_ffi::types::iotwire_str_t;
use iotwire_fuzz::input::{Input, legacy_build, selector};
use iotwire_fuzz::mem::Block;
use iotwire_fuzz::options::{OPTS_SIZE, OptsBox, STRING_FIELDS, set_string};
use iotwire_fuzz::text::{CallCtl, Mac, TextExport, check_status, checked_call, fetch, size_query};
use libfuzzer_sys::fuzz_target;

/// `secure_mode` values: the documented ones first, then near misses and extremes.
const SECURE_MODES: [i32; 16] = [
    0,
    2,
    3,
    8,
    -2,
    -1,
    1,
    4,
    7,
    9,
    -3,
    0x100,
    i32::MAX,
    i32::MIN,
    2,
    0,
];

fuzz_target!(|data: &[u8]| run(data));

/// Caller memory that must outlive every call.
struct Arena {
    blocks: Vec<Block>,
}

impl Arena {
    fn keep(&mut self, b: Block) -> *const u8 {
        let p = b.ptr().cast_const();
        self.blocks.push(b);
        p
    }
}

/// One `iotwire_str_t` from the input (control byte + bytes, see README).
fn fuzz_string(inp: &mut Input<'_>, arena: &mut Arena) -> iotwire_str_t {
    let ctl = inp.u8();
    let (ptr, len) = match ctl {
        0xF0 => {
            let n = 240 + usize::from(inp.u8());
            let bytes = inp.bytes(n);
            (arena.keep(Block::from_bytes(bytes)), bytes.len())
        }
        0xF1 => (core::ptr::null(), 0),
        0xF2 => (core::ptr::null(), 1 + usize::from(inp.u8())),
        0xF3 => (arena.keep(Block::new(0, 0)), 0),
        // A length no buffer has: the range check must refuse it before reading.
        0xF4 => (
            arena.keep(Block::new(1, b'x')),
            usize::MAX - usize::from(inp.u8()),
        ),
        _ => {
            let n = usize::from(if ctl > 0xF4 { ctl & 0x0F } else { ctl });
            let bytes = inp.bytes(n);
            (arena.keep(Block::from_bytes(bytes)), bytes.len())
        }
    };
    iotwire_str_t {
        ptr: ptr.cast(),
        len,
    }
}

/// The MAC argument of `iotwire_mqtt_get_password_from_mac`.
fn fuzz_mac(inp: &mut Input<'_>, arena: &mut Arena) -> Mac {
    let ctl = inp.u8();
    let n = match ctl % 8 {
        0 => return Mac::NONE,
        1 => {
            return Mac {
                ptr: core::ptr::null(),
                len: 16 + usize::from(ctl >> 3),
            };
        }
        2 => 16,
        3 => 20,
        4 => 32,
        5 => 0,
        6 => usize::from(ctl >> 3),
        _ => 33 + usize::from(ctl >> 3),
    };
    let bytes = inp.array::<64>();
    Mac {
        ptr: arena.keep(Block::from_bytes(&bytes[..n])),
        len: n,
    }
}

fn run(data: &[u8]) {
    let mut inp = Input::new(data);
    let mut arena = Arena { blocks: Vec::new() };

    let mode = selector(inp.u8(), 6);
    let region = selector(inp.u8(), 6);
    let sign_method = selector(inp.u8(), 4);
    let secure_mode = SECURE_MODES[usize::from(inp.u8() % 16)];
    let fb = inp.u8();
    let flags = u32::from(fb & 3)
        | if fb & 0x80 != 0 {
            1 << ((fb >> 2) & 31)
        } else {
            0
        };
    let legacy_sdk = selector(inp.u8(), 8);
    let build = legacy_build(inp.u8());
    let misc = inp.u8();
    let port = inp.u16();
    let keepalive = match inp.u16() {
        k @ 0xFF00.. => u32::MAX - u32::from(k & 0xFF),
        k => u32::from(k),
    };
    let mut strs = [iotwire_str_t::EMPTY; STRING_FIELDS];
    for s in strs.iter_mut() {
        *s = fuzz_string(&mut inp, &mut arena);
    }
    let mac = fuzz_mac(&mut inp, &mut arena);

    let size_kind = (misc >> 1) & 3;
    let mut opts = OptsBox::init(if size_kind == 2 { 64 } else { 0 });
    let mut o: Opts = opts.get();
    o.mode = mode;
    o.region = region;
    o.sign_method = sign_method;
    o.secure_mode = secure_mode;
    o.flags = flags;
    o.legacy_sdk = legacy_sdk;
    o.legacy_build = build;
    o.port = port;
    o.reserved = u16::from(misc & 1);
    o.keepalive_s = keepalive;
    o.struct_size = match size_kind {
        0 => OPTS_SIZE as u32,
        1 => OPTS_SIZE as u32 - 1 - u32::from(misc >> 5),
        2 => OPTS_SIZE as u32 + 64,
        // A struct_size larger than any struct: the library must read only its own prefix.
        _ if misc & 0x40 != 0 => u32::MAX,
        _ => 0,
    };
    let small_struct = size_kind == 1 || (size_kind == 3 && misc & 0x40 == 0);
    for (i, s) in strs.iter().enumerate() {
        set_string(&mut o, i, *s);
    }
    opts.set(o);
    opts.set_null(misc & 0x08 != 0);

    for e in TextExport::ALL {
        let ctl = CallCtl {
            cap: inp.u8(),
            overlap: inp.u8(),
            extra: inp.u8(),
        };
        if opts.is_null() {
            assert_eq!(
                size_query(e, &opts, mac),
                Err(IOTWIRE_ERR_NULL_POINTER),
                "{}",
                e.name()
            );
        } else if small_struct {
            let rc = size_query(e, &opts, mac);
            assert!(
                matches!(
                    rc,
                    Err(IOTWIRE_ERR_INVALID_STRUCT_SIZE | IOTWIRE_ERR_NULL_POINTER)
                ),
                "{}: struct_size {} gave {rc:?}",
                e.name(),
                o.struct_size
            );
        }
        checked_call(e, &opts, mac, ctl);
    }
    // The checked calls may have asked for nothing (size query, tiny buffers): fetch every
    // output whole to check what it says.
    let texts = TextExport::ALL.map(|e| fetch(e, &opts, mac).ok());
    check_meaning(&o, &texts);
    check_port(
        &opts,
        &o,
        size_query(TextExport::Username, &opts, mac).is_ok(),
    );

    let k = inp.u32();
    let rc = iotwire_mqtt_check_keepalive(k);
    check_status(rc, "iotwire_mqtt_check_keepalive");
    let ok = (30..=1200).contains(&k);
    assert_eq!(
        rc == IOTWIRE_OK,
        ok,
        "iotwire_mqtt_check_keepalive({k}) = {rc}"
    );
    if !ok {
        assert_eq!(rc, IOTWIRE_ERR_INVALID_KEEPALIVE);
    }
}

/// The bytes of an option string (empty for NULL or impossible lengths).
fn bytes_of<'a>(s: iotwire_str_t) -> &'a [u8] {
    if s.ptr.is_null() || s.len == 0 || s.len > (1 << 20) {
        return &[];
    }
    // SAFETY: the arena keeps every string alive until `run` returns, and the slices are
    // only used inside `run`.
    unsafe { core::slice::from_raw_parts(s.ptr.cast(), s.len) }
}

/// What each successful output must say, from the inputs alone.
fn check_meaning(o: &Opts, t: &[Option<Vec<u8>>; 9]) {
    let (pk, dn) = (bytes_of(o.product_key), bytes_of(o.device_name));
    let [cid, user, host, _content, ws, psk_id, _pw, psk, _pw_mac] = t;
    if let Some(u) = user {
        assert_eq!(u, &[dn, b"&", pk].concat(), "username is not <dn>&<pk>");
    }
    if let Some(c) = cid {
        assert!(
            c.ends_with(b"|") && c.len() >= 2,
            "client id does not end in '|'"
        );
        let given = bytes_of(o.client_id);
        let starts = [
            given.to_vec(),
            [pk, b".", dn].concat(),
            [dn, b".", pk].concat(),
        ];
        assert!(
            starts
                .iter()
                .any(|p| !p.is_empty() && c.starts_with(&[p.as_slice(), b"|"].concat())),
            "client id prefix is neither the given id, <pk>.<dn> nor <dn>.<pk>"
        );
    }
    if let Some(h) = host
        && o.region == 5
    {
        assert_eq!(
            h.as_slice(),
            bytes_of(o.host),
            "custom region: host not verbatim"
        );
    }
    if let Some(w) = ws {
        let h = host.as_ref().expect("websocket URL without a host");
        let ok = [b"wss://".as_slice(), b"ws://"]
            .iter()
            .any(|scheme| *w == [scheme, h.as_slice(), b":443"].concat());
        assert!(ok, "websocket URL is not ws[s]://<host>:443");
    }
    if let Some(id) = psk_id {
        assert!(id.starts_with(b"devicename|"), "PSK identity prefix");
    }
    if let Some(k) = psk {
        let hex_upper = k.iter().all(|c| matches!(c, b'0'..=b'9' | b'A'..=b'F'));
        assert!(
            matches!(k.len(), 32 | 40 | 64) && hex_upper,
            "PSK is not upper-case hex"
        );
    }
}

/// `iotwire_mqtt_get_port`: NULL handling, no write on failure, and agreement with the text
/// exports about whether the options are usable.
fn check_port(opts: &OptsBox, o: &Opts, options_ok: bool) {
    // SAFETY: NULL out_port must be refused.
    let rc = unsafe { iotwire_mqtt_get_port(opts.ptr(), core::ptr::null_mut()) };
    check_status(rc, "iotwire_mqtt_get_port");
    assert_eq!(
        rc, IOTWIRE_ERR_NULL_POINTER,
        "iotwire_mqtt_get_port(NULL out_port)"
    );
    let mut guard = [0xA5A5u16; 3];
    let slot: *mut u16 = &mut guard[1];
    // SAFETY: `slot` is a writable u16.
    let rc = unsafe { iotwire_mqtt_get_port(opts.ptr(), slot) };
    check_status(rc, "iotwire_mqtt_get_port");
    assert_eq!(
        (guard[0], guard[2]),
        (0xA5A5, 0xA5A5),
        "get_port wrote beyond the u16"
    );
    if rc != IOTWIRE_OK {
        assert_eq!(guard[1], 0xA5A5, "get_port wrote on failure");
        assert!(
            !options_ok,
            "get_port failed ({rc}) where the username worked"
        );
        return;
    }
    assert!(!opts.is_null(), "get_port OK with NULL options");
    if o.port != 0 {
        assert_eq!(guard[1], o.port, "get_port ignores opts->port");
    } else {
        assert!(matches!(guard[1], 443 | 1883), "default port {}", guard[1]);
    }
}
