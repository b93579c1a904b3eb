//! An `iotwire_mqtt_options_t` living in caller memory, set up the way the header tells C
//! callers to: `iotwire_mqtt_options_init()` first, then the fields that apply.

use crate::mem::{Block, GUARD};
use iotwire_ffi::mqtt::{iotwire_mqtt_options_init, iotwire_mqtt_options_t as Opts};
use iotwire_ffi::status::{IOTWIRE_ERR_NULL_POINTER, IOTWIRE_OK};
use iotwire_ffi::types::iotwire_str_t;

/// `sizeof(iotwire_mqtt_options_t)`.
pub const OPTS_SIZE: usize = core::mem::size_of::<Opts>();

/// Number of `iotwire_str_t` fields, in struct order.
pub const STRING_FIELDS: usize = 11;

/// Field names in struct order (for messages).
pub const STRING_NAMES: [&str; STRING_FIELDS] = [
    "product_key",
    "device_name",
    "device_secret",
    "product_secret",
    "client_id",
    "host",
    "timestamp",
    "instance_id",
    "random",
    "device_token",
    "extra_params",
];

/// The string fields of `o`, in struct order.
pub fn strings(o: &Opts) -> [iotwire_str_t; STRING_FIELDS] {
    [
        o.product_key,
        o.device_name,
        o.device_secret,
        o.product_secret,
        o.client_id,
        o.host,
        o.timestamp,
        o.instance_id,
        o.random,
        o.device_token,
        o.extra_params,
    ]
}

/// Sets string field `idx` (struct order).
pub fn set_string(o: &mut Opts, idx: usize, s: iotwire_str_t) {
    let slot = match idx {
        0 => &mut o.product_key,
        1 => &mut o.device_name,
        2 => &mut o.device_secret,
        3 => &mut o.product_secret,
        4 => &mut o.client_id,
        5 => &mut o.host,
        6 => &mut o.timestamp,
        7 => &mut o.instance_id,
        8 => &mut o.random,
        9 => &mut o.device_token,
        _ => &mut o.extra_params,
    };
    *slot = s;
}

/// A string view of caller bytes.
pub fn str_of(bytes: &[u8]) -> iotwire_str_t {
    iotwire_str_t {
        ptr: bytes.as_ptr().cast(),
        len: bytes.len(),
    }
}

/// The options struct in its own heap block, optionally followed by `extra` bytes (a caller
/// compiled against a newer header passes a larger struct).
pub struct OptsBox {
    block: Block,
    null: bool,
}

impl OptsBox {
    /// Runs `iotwire_mqtt_options_init()` on fresh memory and checks the documented defaults.
    pub fn init(extra: usize) -> Self {
        // SAFETY: NULL is an allowed argument.
        assert_eq!(
            unsafe { iotwire_mqtt_options_init(core::ptr::null_mut()) },
            IOTWIRE_ERR_NULL_POINTER
        );
        let block = Block::new(OPTS_SIZE + extra, GUARD);
        // SAFETY: the block is 8-aligned and large enough for one struct.
        let rc = unsafe { iotwire_mqtt_options_init(block.ptr().cast()) };
        assert_eq!(rc, IOTWIRE_OK, "iotwire_mqtt_options_init");
        assert!(
            block.bytes()[OPTS_SIZE..].iter().all(|&b| b == GUARD),
            "iotwire_mqtt_options_init wrote past sizeof(iotwire_mqtt_options_t)"
        );
        let b = OptsBox { block, null: false };
        let o = b.get();
        assert_eq!(o.struct_size as usize, OPTS_SIZE, "init: struct_size");
        assert_eq!(o.mode, 0, "init: device-secret mode");
        assert_eq!(o.region, 0, "init: Shanghai");
        assert!(matches!(o.sign_method, 0 | 3), "init: hmacsha256");
        assert!(matches!(o.secure_mode, 0 | 2), "init: securemode 2");
        assert_eq!(
            (o.flags, o.legacy_sdk, o.legacy_build),
            (0, 0, 0),
            "init: flags/legacy"
        );
        assert_eq!(
            (o.port, o.reserved, o.keepalive_s),
            (0, 0, 300),
            "init: port/keepalive"
        );
        for (s, name) in strings(&o).iter().zip(STRING_NAMES) {
            assert_eq!(s.len, 0, "init: {name} not empty");
        }
        b
    }

    /// Marks the options as a NULL pointer (the struct stays allocated for later copies).
    pub fn set_null(&mut self, null: bool) {
        self.null = null;
    }

    /// The pointer handed to the library (NULL when so marked).
    pub fn ptr(&self) -> *const Opts {
        if self.null {
            core::ptr::null()
        } else {
            self.block.ptr().cast_const().cast()
        }
    }

    /// True when the library gets NULL.
    pub fn is_null(&self) -> bool {
        self.null
    }

    /// The struct's current value.
    pub fn get(&self) -> Opts {
        // SAFETY: the block holds an initialised, 8-aligned struct (written by init/set).
        unsafe { self.block.ptr().cast::<Opts>().read() }
    }

    /// Replaces the struct's value.
    pub fn set(&mut self, o: Opts) {
        // SAFETY: as `get`.
        unsafe { self.block.ptr().cast::<Opts>().write(o) };
    }

    /// A copy (same extra size) whose string field `idx` is `s`.
    pub fn with_string(&self, idx: usize, s: iotwire_str_t) -> OptsBox {
        let mut copy = OptsBox {
            block: Block::from_bytes(self.block.bytes()),
            null: self.null,
        };
        let mut o = self.get();
        set_string(&mut o, idx, s);
        copy.set(o);
        copy
    }
}
