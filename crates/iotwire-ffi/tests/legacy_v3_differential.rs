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
/// agrees with the family's `iotwire_legacy_v3_client_id` for 3.2.0 on the return code and
/// all 200 bytes of the buffer, for every build, random device ids (with and without a NUL in
/// their first 200 bytes) and `customize_info` strings (none, empty, any bytes), `enable_itls`,
/// lengths around the 199-character limit, and a buffer overlapping the device id.
#[test]
fn v320_client_id_equals_the_family_export() {
    use iotwire_ffi::legacy_v3::{
        IOTWIRE_LEGACY_CLIENT_ID_MAXLEN, iotwire_legacy_v3_2_0_client_id,
        iotwire_legacy_v3_client_id,
    };
    let mut rng = Lcg(0x05ee_dc1d);
    // Bytes 1..=255 of random length, then a NUL (or none: 220 bytes, read up to 200).
    let text = |rng: &mut Lcg, max: usize| -> Vec<u8> {
        let len = (rng.next() as usize) % (max + 1);
        let mut t: Vec<u8> = (0..len).map(|_| (rng.byte() as u8).max(1)).collect();
        t.push(0);
        t
    };
    let (mut written, mut too_long, mut overlapped) = (0, 0, 0);
    for round in 0..600 {
        let build = (round as u32) % 17; // 16 is an unknown bit
        let id = if round % 50 == 7 {
            vec![b'x'; 220]
        } else {
            text(&mut rng, 60)
        };
        let kv = text(&mut rng, 150);
        let kv_ptr: *const c_char = match rng.next() % 3 {
            0 => std::ptr::null(),
            1 => c"".as_ptr(),
            _ => kv.as_ptr().cast(),
        };
        let itls = rng.next() % 2;
        let overlap = round % 40 == 3;
        let run = |v320: bool| {
            let mut buf = [0x55u8; 260];
            let id_copy;
            let id_ptr: *const c_char = if overlap {
                // The device id inside the output buffer: refused, nothing written.
                buf[100..100 + 5].copy_from_slice(b"a.b\0\0");
                buf[100..].as_ptr().cast()
            } else {
                id_copy = id.clone();
                id_copy.as_ptr().cast()
            };
            let out: *mut c_char = buf.as_mut_ptr().cast();
            // SAFETY: NUL-terminated strings (or 200 readable bytes), a 260-byte buffer.
            let rc = unsafe {
                if v320 {
                    iotwire_legacy_v3_2_0_client_id(build, id_ptr, kv_ptr, itls, out)
                } else {
                    iotwire_legacy_v3_client_id(
                        IOTWIRE_LEGACY_SDK_V3_2_0,
                        build,
                        id_ptr,
                        kv_ptr,
                        itls,
                        out,
                    )
                }
            };
            (rc, buf)
        };
        let family = run(false);
        assert_eq!(run(true), family, "round {round}");
        let (rc, buf) = family;
        // Nothing past the SDK's 200 bytes is ever written.
        assert!(
            buf[IOTWIRE_LEGACY_CLIENT_ID_MAXLEN..]
                .iter()
                .all(|&b| b == 0x55)
        );
        match rc {
            0 => {
                written += 1;
                let n = buf.iter().position(|&b| b == 0).unwrap();
                assert!(n < IOTWIRE_LEGACY_CLIENT_ID_MAXLEN && buf[n..200].iter().all(|&b| b == 0));
            }
            -0x309 => {
                too_long += 1;
                assert!(
                    buf[..200].iter().all(|&b| b == 0),
                    "round {round}: not wiped"
                );
            }
            -0x113 => {
                overlapped += 1;
                assert!(overlap, "round {round}");
                assert!(
                    buf[..100].iter().all(|&b| b == 0x55),
                    "round {round}: written"
                );
            }
            _ => assert_eq!(
                (build, rc),
                (16, IOTWIRE_ERR_INVALID_SELECTOR),
                "round {round}"
            ),
        }
    }
    assert!(
        written > 200 && too_long > 20 && overlapped > 5,
        "{written} {too_long} {overlapped}"
    );
}
