//! The iotkit-embedded 3.x family has its own writer (crates/iotwire/src/mqtt/iotkit3.rs),
//! behind `iotwire_legacy_v3_sign_mqtt` and `iotwire_legacy_v3_2_0_sign_mqtt` (what the legacy
//! headers and the swap-in kit call) and
//! the exported `IOT_Sign_MQTT` (the v3.2.0 default build). Both must agree with the general
//! legacy resolver, `iotwire_legacy_sign_mqtt`, on the return code and on every byte of
//! `iotx_sign_mqtt_t`: for every 3.x SDK and every combination of build switches, any member
//! contents and lengths, every region, custom domains of every length around the 62-character
//! limit, and keys longer than a hash block. The vectors check them against the legacy SDK
//! itself (tests/vectors_mqtt.rs).

use iotwire_ffi::legacy::{iotwire_legacy_dev_meta_t, iotwire_legacy_sign_mqtt_t};
use iotwire_ffi::legacy_sdk::*;
use iotwire_ffi::legacy_sign::{IOT_Sign_MQTT, iotwire_legacy_sign_mqtt};
use iotwire_ffi::legacy_v3::{iotwire_legacy_v3_2_0_sign_mqtt, iotwire_legacy_v3_sign_mqtt};
use iotwire_ffi::status::IOTWIRE_ERR_INVALID_SELECTOR;
use std::ffi::{CString, c_char};

struct Lcg(u32);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self.0.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        self.0 >> 8
    }
    /// Any non-NUL byte, printable most of the time.
    fn byte(&mut self) -> c_char {
        let r = self.next();
        let b = if r.is_multiple_of(8) {
            (r >> 8) % 255 + 1
        } else {
            (r >> 8) % 94 + 33
        };
        b as u8 as c_char
    }
    /// A member of `len` bytes followed by its NUL (the rest of the array stays 0).
    fn fill(&mut self, field: &mut [c_char], max: usize) {
        let len = (self.next() as usize) % (max + 1);
        for slot in field.iter_mut().take(len) {
            *slot = self.byte();
        }
    }
}

fn bytes(out: &iotwire_legacy_sign_mqtt_t) -> &[u8] {
    // SAFETY: plain-data struct viewed as its bytes for comparison.
    unsafe {
        std::slice::from_raw_parts(
            (out as *const iotwire_legacy_sign_mqtt_t).cast::<u8>(),
            std::mem::size_of::<iotwire_legacy_sign_mqtt_t>(),
        )
    }
}

/// A custom domain of 0..=70 printable characters (the limit is 62).
fn domain(rng: &mut Lcg) -> CString {
    let len = (rng.next() as usize) % 71;
    let text: Vec<u8> = (0..len).map(|_| (rng.next() % 94 + 33) as u8).collect();
    CString::new(text).unwrap()
}

fn zeroed<T>() -> T {
    // SAFETY: only used for the plain-data legacy C structs, for which all-zero is valid.
    unsafe { std::mem::zeroed() }
}

#[test]
fn v3_writer_equals_the_general_resolver() {
    let mut rng = Lcg(0x5eed_1234);
    let sdks = [
        IOTWIRE_LEGACY_SDK_V3_2_0,
        IOTWIRE_LEGACY_SDK_V3_1_0,
        IOTWIRE_LEGACY_SDK_V3_0_1,
        IOTWIRE_LEGACY_SDK_BUNDLE,
    ];
    let (mut ok, mut host_too_long) = (0, 0);
    for case in 0..6000u32 {
        let sdk = sdks[(case % 4) as usize];
        let build = (case / 4) % 16;
        let mut meta: iotwire_legacy_dev_meta_t = zeroed();
        rng.fill(&mut meta.product_key, 20);
        rng.fill(&mut meta.device_name, 32);
        rng.fill(&mut meta.device_secret, 64);
        let region = (case % 7) as i32 - i32::from(case % 13 == 0); // -1..=6, mostly 0..=5
        let dom = domain(&mut rng);
        let dptr = if case % 5 == 0 {
            std::ptr::null()
        } else {
            dom.as_ptr()
        };
        // Pre-filled outputs show that both paths write (or keep) the same bytes.
        let mut v3: iotwire_legacy_sign_mqtt_t = zeroed();
        let mut general: iotwire_legacy_sign_mqtt_t = zeroed();
        v3.port = 0x5a5a;
        general.port = 0x5a5a;
        // SAFETY: valid meta, output structs and NUL-terminated domain (or NULL).
        let rc_v3 =
            unsafe { iotwire_legacy_v3_sign_mqtt(sdk, build, region, dptr, &meta, &mut v3) };
        // SAFETY: as above.
        let rc_general =
            unsafe { iotwire_legacy_sign_mqtt(sdk, build, region, dptr, &meta, &mut general) };
        assert_eq!(rc_v3, rc_general, "case {case}: return code");
        assert_eq!(
            bytes(&v3),
            bytes(&general),
            "case {case}: iotx_sign_mqtt_t bytes"
        );
        // 3.2.0's own export (what the legacy headers' macro calls for 3.2.0): the same again.
        if sdk == IOTWIRE_LEGACY_SDK_V3_2_0 {
            let mut one: iotwire_legacy_sign_mqtt_t = zeroed();
            one.port = 0x5a5a;
            // SAFETY: as above.
            let rc_one =
                unsafe { iotwire_legacy_v3_2_0_sign_mqtt(build, region, dptr, &meta, &mut one) };
            assert_eq!(rc_one, rc_general, "case {case}: 3.2.0 export return code");
            assert_eq!(
                bytes(&one),
                bytes(&general),
                "case {case}: 3.2.0 export bytes"
            );
        }
        ok += usize::from(rc_v3 == 0);
        host_too_long += usize::from(region == 5 && !dptr.is_null() && dom.as_bytes().len() > 62);
    }
    assert!(
        ok > 3000 && host_too_long > 50,
        "{ok} successes, {host_too_long} long domains"
    );
}

#[test]
fn v3_writer_refuses_other_sdks() {
    let meta: iotwire_legacy_dev_meta_t = zeroed();
    let mut out: iotwire_legacy_sign_mqtt_t = zeroed();
    for sdk in [
        IOTWIRE_LEGACY_SDK_NONE,
        IOTWIRE_LEGACY_SDK_V2_3_0,
        IOTWIRE_LEGACY_SDK_LINKSDK_4_1_0,
        IOTWIRE_LEGACY_SDK_LINKSDK_4_2_0,
        99,
    ] {
        // SAFETY: valid pointers.
        let rc =
            unsafe { iotwire_legacy_v3_sign_mqtt(sdk, 0, 0, std::ptr::null(), &meta, &mut out) };
        assert_eq!(rc, IOTWIRE_ERR_INVALID_SELECTOR, "sdk {sdk}");
    }
    // SAFETY: valid pointers.
    let rc = unsafe {
        iotwire_legacy_v3_sign_mqtt(
            IOTWIRE_LEGACY_SDK_V3_2_0,
            16,
            0,
            std::ptr::null(),
            &meta,
            &mut out,
        )
    };
    assert_eq!(rc, IOTWIRE_ERR_INVALID_SELECTOR, "unknown build bit");
    for build in [16, 0x8000_0000, u32::MAX] {
        out.port = 0x5a5a;
        // SAFETY: valid pointers.
        let rc =
            unsafe { iotwire_legacy_v3_2_0_sign_mqtt(build, 0, std::ptr::null(), &meta, &mut out) };
        assert_eq!(rc, IOTWIRE_ERR_INVALID_SELECTOR, "build {build:#x}");
        assert_eq!(out.port, 0x5a5a, "signout untouched");
    }
}

#[test]
fn exported_symbol_equals_the_general_v320_path() {
    let mut rng = Lcg(0x5eed_4321);
    let build = IOTWIRE_LEGACY_BUILD_SUPPORT_TLS | IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE;
    let mut custom = 0;
    for case in 0..3000i32 {
        let mut meta: iotwire_legacy_dev_meta_t = zeroed();
        rng.fill(&mut meta.product_key, 20);
        rng.fill(&mut meta.device_name, 32);
        rng.fill(&mut meta.device_secret, 64);
        let region = case % 7 - i32::from(case % 13 == 0); // -1..=6, mostly 0..=5
        let mut fast: iotwire_legacy_sign_mqtt_t = zeroed();
        let mut general: iotwire_legacy_sign_mqtt_t = zeroed();
        fast.port = 0x5a5a;
        general.port = 0x5a5a;
        // SAFETY: valid meta and output structs, no custom domain.
        let rc_fast = unsafe { IOT_Sign_MQTT(region, &meta, &mut fast) };
        // SAFETY: as above.
        let rc_general = unsafe {
            iotwire_legacy_sign_mqtt(
                IOTWIRE_LEGACY_SDK_V3_2_0,
                build,
                region,
                std::ptr::null(),
                &meta,
                &mut general,
            )
        };
        assert_eq!(rc_fast, rc_general, "case {case}: return code");
        assert_eq!(
            bytes(&fast),
            bytes(&general),
            "case {case}: iotx_sign_mqtt_t bytes"
        );
        if region == 5 {
            assert_eq!(rc_fast, -264, "custom region without a domain");
            custom += 1;
        }
    }
    assert!(custom > 100);
}

/// `iotwire_legacy_v3_2_0_client_id` (the swap-in kit's `_sign_get_clientid` on a 3.2.0 tree)
/// agrees with the family's `iotwire_legacy_v3_client_id` for 3.2.0 on the status, the length
/// and every byte written, for every build, random device ids and `customize_info` strings
/// (none, empty, any bytes), `enable_itls`, capacities around the exact fit and size queries.
#[test]
fn v320_client_id_equals_the_family_export() {
    use iotwire_ffi::legacy_v3::{iotwire_legacy_v3_2_0_client_id, iotwire_legacy_v3_client_id};
    use iotwire_ffi::types::iotwire_str_t;
    let mut rng = Lcg(0x05ee_dc1d);
    let text = |rng: &mut Lcg, max: usize| -> Vec<u8> {
        let len = (rng.next() as usize) % (max + 1);
        (0..len).map(|_| rng.byte() as u8).collect()
    };
    let mut checked = 0;
    for round in 0..400 {
        let build = (round as u32) % 17; // 16 is an unknown bit
        let id = text(&mut rng, 60);
        let kv = text(&mut rng, 80);
        let kv = match rng.next() % 3 {
            0 => iotwire_str_t::EMPTY,
            1 => iotwire_str_t {
                ptr: kv.as_ptr().cast(),
                len: 0,
            },
            _ => iotwire_str_t {
                ptr: kv.as_ptr().cast(),
                len: kv.len(),
            },
        };
        let dev = iotwire_str_t {
            ptr: id.as_ptr().cast(),
            len: id.len(),
        };
        let itls = rng.next() % 2;
        let query = rng.next().is_multiple_of(4);
        let cap = if query {
            0
        } else {
            100 + (rng.next() as usize) % 120
        };
        let run = |v320: bool| {
            let mut buf = vec![0x55u8; cap];
            let out = if query {
                std::ptr::null_mut()
            } else {
                buf.as_mut_ptr().cast()
            };
            let mut len = 7usize;
            // SAFETY: valid strings, a buffer of `cap` bytes (or NULL with 0) and a length.
            let rc = unsafe {
                if v320 {
                    iotwire_legacy_v3_2_0_client_id(build, dev, kv, itls, out, cap, &mut len)
                } else {
                    iotwire_legacy_v3_client_id(
                        IOTWIRE_LEGACY_SDK_V3_2_0,
                        build,
                        dev,
                        kv,
                        itls,
                        out,
                        cap,
                        &mut len,
                    )
                }
            };
            (rc, len, buf)
        };
        let family = run(false);
        assert_eq!(run(true), family, "round {round}");
        if family.0 == 0 {
            checked += 1;
        }
        if build == 16 {
            assert_eq!(family.0, IOTWIRE_ERR_INVALID_SELECTOR);
        }
    }
    assert!(checked > 200, "only {checked} rounds wrote a client id");
}
