//! The exported `IOT_Sign_MQTT` has its own writer for the fixed v3.2.0 default build
//! (crates/iotwire/src/mqtt/iot_sign_v320.rs). It must agree with the general legacy path,
//! `iotwire_legacy_sign_mqtt(V3_2_0, SUPPORT_TLS | MQTT_AUTO_SUBSCRIBE, region, NULL, ...)`,
//! on the return code and on every byte of `iotx_sign_mqtt_t`, for any member contents and
//! lengths, every region (including the custom one, which has no domain here and fails after
//! the client id and password) and keys longer than a hash block. The vectors check both
//! against the legacy SDK itself (tests/vectors_mqtt.rs).

use iotwire_ffi::legacy::{
    IOT_Sign_MQTT, iotwire_legacy_dev_meta_t, iotwire_legacy_sign_mqtt, iotwire_legacy_sign_mqtt_t,
};
use iotwire_ffi::legacy_sdk::{
    IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE, IOTWIRE_LEGACY_BUILD_SUPPORT_TLS,
    IOTWIRE_LEGACY_SDK_V3_2_0,
};
use std::ffi::c_char;

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

#[test]
fn exported_symbol_equals_the_general_v320_path() {
    let mut rng = Lcg(0x5eed_1234);
    let build = IOTWIRE_LEGACY_BUILD_SUPPORT_TLS | IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE;
    let mut custom = 0;
    for case in 0..3000i32 {
        // SAFETY: plain-data C structs; all-zero is a valid value.
        let mut meta: iotwire_legacy_dev_meta_t = unsafe { std::mem::zeroed() };
        rng.fill(&mut meta.product_key, 20);
        rng.fill(&mut meta.device_name, 32);
        rng.fill(&mut meta.device_secret, 64);
        let region = case % 7 - i32::from(case % 13 == 0); // -1..=6, mostly 0..=5
        // Pre-filled outputs show that both paths write (or keep) the same bytes.
        // SAFETY: as above.
        let mut fast: iotwire_legacy_sign_mqtt_t = unsafe { std::mem::zeroed() };
        // SAFETY: as above.
        let mut general: iotwire_legacy_sign_mqtt_t = unsafe { std::mem::zeroed() };
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
