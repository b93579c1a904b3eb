//! Drives the legacy drop-in `iotwire_legacy_sign_mqtt` (and `IOT_Sign_MQTT`) with raw meta
//! structs (members need not be NUL-terminated), any region/SDK/build numbers, custom
//! domains with and without a NUL, NULL and aliased pointers. It must never crash, must keep
//! `signout` untouched on the early errors, and on success must write NUL-terminated fields
//! whose password is the reference HMAC. Input layout: fuzz/README.md, "legacy_sign".
#![no_main]

use iotwire_ffi::legacy::{
    iotwire_legacy_dev_meta_t as Meta, iotwire_legacy_sign_mqtt_t as SignOut,
};
use iotwire_ffi::legacy_sign::{IOT_Sign_MQTT, iotwire_legacy_sign_mqtt};
use iotwire_ffi::legacy_v3::iotwire_legacy_v3_sign_mqtt;
use iotwire_ffi::status::IOTWIRE_ERR_INVALID_SELECTOR;
use iotwire_fuzz::input::{Input, legacy_build, selector};
use iotwire_fuzz::mem::{Block, GUARD};
use iotwire_fuzz::reference::{LEGACY_TIMESTAMP, Method, device_content, dotted, hex, hmac};
use iotwire_fuzz::text::tracing;
use libfuzzer_sys::fuzz_target;
use std::mem::{offset_of, size_of};

const META_SIZE: usize = size_of::<Meta>();
const OUT_SIZE: usize = size_of::<SignOut>();
/// How far the library may scan a custom domain for its NUL.
const DOMAIN_SCAN: usize = 256;

/// `region` values: bytes below 0xF0 give -1..=6, the rest extremes.
fn region(b: u8) -> i32 {
    if b < 0xF0 {
        i32::from(b % 8) - 1
    } else {
        [i32::MIN, i32::MAX, -2, 0x100, 0x1_0000, -256, 7, 64][usize::from(b & 7)]
    }
}

/// Codes each SDK generation may return (its `infra_state.h` / `infra_defs.h`, vectors "rc").
fn allowed_codes(sdk: u32) -> &'static [i32] {
    match sdk {
        1 | 2 => &[0, -275, -264, -775, -776, -777, -778],
        3 => &[0, -1, -1105, -1100, -1102, -1101, -1104],
        _ => &[0, -1],
    }
}

/// The "input invalid" code of each SDK generation.
fn invalid_code(sdk: u32) -> i32 {
    match sdk {
        1 | 2 => -275,
        _ => -1,
    }
}

/// The string fields of `iotx_sign_mqtt_t` as (name, offset, size).
const FIELDS: [(&str, usize, usize); 4] = [
    ("hostname", offset_of!(SignOut, hostname), 64),
    ("clientid", offset_of!(SignOut, clientid), 200),
    ("username", offset_of!(SignOut, username), 64),
    ("password", offset_of!(SignOut, password), 65),
];

/// Bytes of a C char array before its NUL (`None` without a NUL).
fn c_str(field: &[u8]) -> Option<&[u8]> {
    field.iter().position(|&b| b == 0).map(|n| &field[..n])
}

fn field<'a>(out: &'a [u8], name: &str) -> &'a [u8] {
    let (_, off, size) = FIELDS.iter().find(|f| f.0 == name).copied().expect("field");
    &out[off..off + size]
}

fuzz_target!(|data: &[u8]| run(data));

fn run(data: &[u8]) {
    let mut inp = Input::new(data);
    let sdk = selector(inp.u8(), 8);
    let build = legacy_build(inp.u8());
    let region = region(inp.u8());
    let ptrs = inp.u8();
    let meta_bytes: [u8; META_SIZE] = inp.array();
    let domain_src = inp.rest();

    let meta_null = ptrs & 0x01 != 0;
    let out_null = ptrs & 0x02 != 0;
    let meta_in_out = ptrs & 0x04 != 0;
    let domain_in_out = ptrs & 0x08 != 0;
    let domain_mode = (ptrs >> 4) & 3;

    // signout: guard bytes, with room before it for the aliasing cases.
    let mut out_block = Block::new(META_SIZE + OUT_SIZE + META_SIZE, GUARD);
    let out_off = META_SIZE;
    let meta_block = Block::from_bytes(&meta_bytes);
    let meta_ptr: *const Meta = if meta_null {
        core::ptr::null()
    } else if meta_in_out {
        // The meta struct shares bytes with signout (a caller reusing one buffer).
        let off = out_off - usize::from(ptrs >> 6) * 8;
        out_block.bytes_mut()[off..off + META_SIZE].copy_from_slice(&meta_bytes);
        out_block.ptr().wrapping_add(off).cast_const().cast()
    } else {
        meta_block.ptr().cast_const().cast()
    };

    // Custom domain: NULL; NUL-terminated (possibly early, the input may hold zeros); no NUL
    // at all in a buffer of exactly the scan length (the library must stop there); or a NUL
    // only after more than the scan length.
    let no_nul = |len: usize| -> Vec<u8> {
        let mut b: Vec<u8> = domain_src
            .iter()
            .map(|&c| if c == 0 { b'a' } else { c })
            .collect();
        b.resize(len, b'a');
        b
    };
    let domain_block = match domain_mode {
        1 => Some(Block::from_bytes(&[domain_src, b"\0"].concat())),
        2 => Some(Block::from_bytes(&no_nul(DOMAIN_SCAN))),
        3 => Some(Block::from_bytes(
            &[no_nul(DOMAIN_SCAN + 40).as_slice(), b"\0"].concat(),
        )),
        _ => None,
    };
    let in_out_text: Vec<u8> = domain_src
        .iter()
        .copied()
        .take(40)
        .filter(|&c| c != 0)
        .collect();
    let domain_ptr: *const core::ffi::c_char = match (&domain_block, domain_in_out) {
        (None, _) => core::ptr::null(),
        (Some(_), true) => {
            let text = &in_out_text;
            let at = out_off + offset_of!(SignOut, clientid);
            out_block.bytes_mut()[at..at + text.len()].copy_from_slice(text);
            out_block.bytes_mut()[at + text.len()] = 0;
            out_block.ptr().wrapping_add(at).cast_const().cast()
        }
        (Some(b), false) => b.ptr().cast_const().cast(),
    };
    // What the library should read as the domain: the bytes before the first NUL, at most
    // DOMAIN_SCAN of them.
    let domain_text: Option<Vec<u8>> = match (&domain_block, domain_in_out) {
        (None, _) => None,
        (Some(_), true) => Some(in_out_text.clone()),
        (Some(b), false) => {
            let n = b
                .bytes()
                .iter()
                .position(|&c| c == 0)
                .unwrap_or(b.len())
                .min(DOMAIN_SCAN);
            Some(b.bytes()[..n].to_vec())
        }
    };
    let out_ptr: *mut SignOut = if out_null {
        core::ptr::null_mut()
    } else {
        out_block.ptr().wrapping_add(out_off).cast()
    };

    let before = out_block.bytes().to_vec();
    // SAFETY: every pointer is NULL or points to live memory of the documented layout; the
    // custom domain is NUL-terminated or DOMAIN_SCAN bytes long.
    let rc = unsafe { iotwire_legacy_sign_mqtt(sdk, build, region, domain_ptr, meta_ptr, out_ptr) };
    let after = out_block.bytes().to_vec();
    if tracing() {
        eprintln!("trace: iotwire_legacy_sign_mqtt({sdk}, {build:#x}, {region}) -> {rc}");
    }

    // The 3.x family's own writer, on the same memory as it was before the call, must do
    // exactly what the general resolver did for the 3.x SDKs (1..=4) and refuse the others
    // without writing.
    out_block.bytes_mut().copy_from_slice(&before);
    // SAFETY: as above.
    let rc_v3 =
        unsafe { iotwire_legacy_v3_sign_mqtt(sdk, build, region, domain_ptr, meta_ptr, out_ptr) };
    if (1..=4).contains(&sdk) {
        assert_eq!(rc_v3, rc, "v3 writer return code");
        assert!(
            out_block.bytes() == after.as_slice(),
            "v3 writer bytes differ"
        );
    } else {
        assert_eq!(
            rc_v3, IOTWIRE_ERR_INVALID_SELECTOR,
            "v3 writer took sdk {sdk}"
        );
        assert!(
            out_block.bytes() == before.as_slice(),
            "v3 writer wrote for sdk {sdk}"
        );
        out_block.bytes_mut().copy_from_slice(&after);
    }

    // Bytes outside signout never change.
    let (lo, hi) = (out_off, out_off + OUT_SIZE);
    assert!(
        after[..lo] == before[..lo] && after[hi..] == before[hi..],
        "wrote outside signout"
    );

    let profile_ok = (1..=5).contains(&sdk) && build <= 0xF;
    if !profile_ok {
        assert_eq!(
            rc, IOTWIRE_ERR_INVALID_SELECTOR,
            "sdk {sdk} build {build:#x}"
        );
        assert_eq!(after, before, "unknown profile wrote signout");
        return;
    }
    assert!(
        allowed_codes(sdk).contains(&rc),
        "sdk {sdk}: code {rc} is no legacy code"
    );
    let aliased = !meta_null && meta_in_out;
    // Only a non-empty domain shares bytes with signout (an empty one is no range at all).
    let domain_aliased =
        domain_in_out && domain_block.is_some() && region == 5 && !in_out_text.is_empty();
    if !(0..=5).contains(&region) || meta_null || out_null || aliased || domain_aliased {
        assert_eq!(rc, invalid_code(sdk), "early error code");
        assert_eq!(after, before, "early error wrote signout");
        return;
    }
    let meta = Meta3::parse(&meta_bytes);
    let Some(meta) = meta else {
        assert_eq!(rc, invalid_code(sdk), "member without NUL accepted");
        return;
    };
    let out = &after[lo..hi];
    for (name, off, size) in FIELDS {
        assert!(
            out[off..off + size].contains(&0),
            "{name} not NUL-terminated in its array"
        );
    }
    if rc != 0 {
        return;
    }
    check_success(sdk, build, region, &meta, domain_text.as_deref(), out);
    if sdk == 1 && build == 3 && domain_ptr.is_null() {
        // The exported IOT_Sign_MQTT is the v3.2.0 default build.
        let again = Block::new(OUT_SIZE, GUARD);
        // SAFETY: valid meta and a signout-sized block.
        let rc2 = unsafe { IOT_Sign_MQTT(region, meta_ptr, again.ptr().cast()) };
        assert_eq!(
            rc2, rc,
            "IOT_Sign_MQTT vs iotwire_legacy_sign_mqtt(v3.2.0) status"
        );
        assert_eq!(
            again.bytes(),
            out,
            "IOT_Sign_MQTT vs iotwire_legacy_sign_mqtt(v3.2.0) bytes"
        );
    }
}

/// The three members `IOT_Sign_MQTT` reads, cut at their NUL.
struct Meta3 {
    pk: Vec<u8>,
    dn: Vec<u8>,
    ds: Vec<u8>,
}

impl Meta3 {
    fn parse(raw: &[u8; META_SIZE]) -> Option<Meta3> {
        let part = |off: usize, size: usize| c_str(&raw[off..off + size]).map(<[u8]>::to_vec);
        Some(Meta3 {
            pk: part(offset_of!(Meta, product_key), 21)?,
            dn: part(offset_of!(Meta, device_name), 33)?,
            ds: part(offset_of!(Meta, device_secret), 65)?,
        })
    }
}

/// The public region domains, by `IOTX_CLOUD_REGION_*` (iotkit-embedded region table).
const DOMAINS: [&[u8]; 5] = [
    b"iot-as-mqtt.cn-shanghai.aliyuncs.com",
    b"iot-as-mqtt.ap-southeast-1.aliyuncs.com",
    b"iot-as-mqtt.ap-northeast-1.aliyuncs.com",
    b"iot-as-mqtt.us-west-1.aliyuncs.com",
    b"iot-as-mqtt.eu-central-1.aliyuncs.com",
];

/// v2.3.0 `SUPPORT_ITLS` endpoint domain.
const ITLS_DOMAIN: &[u8] = b"itls.cn-shanghai.aliyuncs.com";

/// Expected outputs per the SDKs' `dev_sign_mqtt.c`: hostname `<pk>.<region domain>`
/// (custom domain verbatim), port 443 for v3.1/v3.2 and with SUPPORT_TLS elsewhere, 1883
/// otherwise and for v2.3.0 iTLS; username `<dn>&<pk>`; password = HMAC-SHA256 (v2.3.0:
/// HMAC-SHA1, lower case) of `clientId<pk>.<dn>deviceName<dn>productKey<pk>timestamp<T>`.
fn check_success(sdk: u32, build: u32, region: i32, m: &Meta3, domain: Option<&[u8]>, out: &[u8]) {
    let text = |name: &str| c_str(field(out, name)).expect("checked above").to_vec();
    let cid = text("clientid");
    assert!(
        cid.starts_with(&m.pk),
        "clientid does not start with the ProductKey"
    );
    assert!(
        cid.starts_with(&[dotted(&m.pk, &m.dn).as_slice(), b"|"].concat()),
        "clientid prefix"
    );
    assert!(cid.ends_with(b"|"), "clientid does not end in '|'");
    assert_eq!(
        text("username"),
        [m.dn.as_slice(), b"&", &m.pk].concat(),
        "username"
    );
    let host = text("hostname");
    let itls_v230 = sdk == 5 && build & 8 != 0;
    match usize::try_from(region).ok().and_then(|r| DOMAINS.get(r)) {
        // v2.3.0 SUPPORT_ITLS connects to the Shanghai iTLS endpoint whatever the region.
        Some(_) if itls_v230 => assert_eq!(host, dotted(&m.pk, ITLS_DOMAIN), "v2.3.0 iTLS host"),
        Some(d) => assert_eq!(host, dotted(&m.pk, d), "hostname for region {region}"),
        None => {
            let d = domain.expect("region 5 succeeded without a domain");
            assert_eq!(host.as_slice(), d, "hostname is not the custom domain");
        }
    }
    let port = u16::from_ne_bytes([
        out[offset_of!(SignOut, port)],
        out[offset_of!(SignOut, port) + 1],
    ]);
    let expect_port = match sdk {
        1 | 2 => 443,
        _ if itls_v230 => 1883,
        _ if build & 1 != 0 => 443,
        _ => 1883,
    };
    assert_eq!(port, expect_port, "port (sdk {sdk}, build {build:#x})");
    let (method, upper) = if sdk == 5 {
        (Method::Sha1, false)
    } else {
        (Method::Sha256, true)
    };
    let content = device_content(&dotted(&m.pk, &m.dn), &m.dn, &m.pk, LEGACY_TIMESTAMP);
    let expect = hex(&hmac(method, &m.ds, &content), upper);
    assert_eq!(
        String::from_utf8_lossy(&text("password")),
        String::from_utf8_lossy(&expect),
        "password (sdk {sdk}, build {build:#x})"
    );
    // Legacy zeroed the struct first: nothing but zeros after each field's NUL.
    for (name, off, size) in FIELDS {
        let f = &out[off..off + size];
        let n = f.iter().position(|&b| b == 0).expect("checked");
        assert!(
            f[n..].iter().all(|&b| b == 0),
            "{name}: garbage after the NUL"
        );
    }
}
