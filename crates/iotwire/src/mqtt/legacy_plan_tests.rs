//! The legacy profiles' fixed values, one at a time: the secure mode each build writes (and
//! that a caller may not override), the modes each SDK had, and the inputs the LinkSDK 4.2
//! dynamic-registration and connwl profiles check.

use super::*;
use crate::mqtt::endpoint::write_websocket_url;
use crate::sink::SliceWriter;

fn profile(sdk: LegacySdk, tls: bool, pre_auth: bool, itls: bool) -> LegacyProfile {
    LegacyProfile {
        sdk,
        tls,
        auto_subscribe: false,
        pre_auth,
        itls,
    }
}

fn params(mode: Mode, profile: LegacyProfile) -> Params<'static> {
    Params {
        mode,
        legacy: Some(profile),
        product_key: b"a1X2bEnP82z",
        device_name: b"example1",
        device_secret: b"s3cr3t",
        product_secret: b"ps3cr3t",
        random: b"r4nd0m",
        client_id: if mode == Mode::Connwl { b"cid1" } else { b"" },
        device_token: b"tok3n",
        ..Params::default()
    }
}

fn mode_of(p: &Params<'_>) -> Result<i32, Error> {
    Plan::resolve(p).map(|plan| plan.secure_mode)
}

#[test]
fn the_3x_secure_mode_per_build_and_no_override() {
    use LegacySdk::*;
    // (profile, the securemode its client id carries)
    let table = [
        (profile(V320, true, false, false), 2),
        (profile(V320, false, false, false), 3),
        (profile(V301, true, true, false), -1),
        (profile(Bundle, false, true, false), -1),
        // Pre-auth is -1 in 3.0.1 and the bundle only.
        (profile(V320, true, true, false), 2),
        (profile(Bundle, true, false, true), 8),
        // iTLS by build switch: the bundle only.
        (profile(V320, true, false, true), 2),
    ];
    for (prof, mode) in table {
        let p = params(Mode::DeviceSecret, prof);
        assert_eq!(mode_of(&p), Ok(mode), "{prof:?}");
        // The caller may name the build's mode, and no other.
        for asked in [2, 3, 8, -1] {
            let q = Params {
                secure_mode: Some(asked),
                ..p
            };
            let want = if asked == mode {
                Ok(mode)
            } else {
                Err(Error::InvalidSecureMode)
            };
            assert_eq!(mode_of(&q), want, "{prof:?} asked {asked}");
        }
    }
    // `authtype=id2` in customize_info switches 3.x (not the bundle) to securemode 8.
    let id2 = Params {
        extra_params: b"authtype=id2",
        ..params(Mode::DeviceSecret, profile(V320, true, false, false))
    };
    assert_eq!(mode_of(&id2), Ok(8));
    let bundle_id2 = Params {
        extra_params: b"authtype=id2",
        ..params(Mode::DeviceSecret, profile(Bundle, true, false, false))
    };
    assert_eq!(mode_of(&bundle_id2), Ok(2));
}

#[test]
fn linksdk41_port_follows_its_secure_mode() {
    let p = params(
        Mode::DeviceSecret,
        profile(LegacySdk::LinkSdk41, true, false, false),
    );
    for (asked, port) in [(2, 443), (3, 1883)] {
        let q = Params {
            secure_mode: Some(asked),
            ..p
        };
        assert_eq!(Plan::resolve(&q).map(|plan| plan.port), Ok(port), "{asked}");
    }
}

#[test]
fn modes_each_sdk_had() {
    use LegacySdk::*;
    for (sdk, mode, ok) in [
        (LinkSdk42, Mode::DeviceSecret, false),
        (LinkSdk42, Mode::Register, true),
        (LinkSdk42, Mode::Connwl, true),
        (V320, Mode::Register, true),
        (V320, Mode::RegisterNoWhitelist, false),
        (V310, Mode::Register, false),
        (V301, Mode::DeviceSecret, true),
    ] {
        let p = params(mode, profile(sdk, true, false, false));
        assert_eq!(
            Plan::resolve(&p).err(),
            (!ok).then_some(Error::InvalidSelector),
            "{sdk:?} {mode:?}"
        );
    }
    // The `IOT_Sign_MQTT` entry: device-secret connects of the SDKs that had them.
    let dev = params(Mode::DeviceSecret, profile(V320, true, false, false));
    assert!(Plan::resolve_legacy_device(&dev).is_ok());
    let reg = params(Mode::Register, profile(V320, true, false, false));
    assert_eq!(
        Plan::resolve_legacy_device(&reg).err(),
        Some(Error::InvalidSelector)
    );
    let l42 = params(Mode::DeviceSecret, profile(LinkSdk42, true, false, false));
    assert_eq!(
        Plan::resolve_legacy_device(&l42).err(),
        Some(Error::InvalidSelector)
    );
}

#[test]
fn dynreg_and_connwl_check_what_they_are_given() {
    let l42 = profile(LegacySdk::LinkSdk42, true, false, false);
    let v320 = profile(LegacySdk::V320, true, false, false);
    let bad_random = Params {
        random: b"no spaces",
        ..params(Mode::Register, v320)
    };
    assert_eq!(
        Plan::resolve(&bad_random).err(),
        Some(Error::InvalidArgument)
    );
    let instance = Params {
        instance_id: b"iot-06z00abc",
        ..params(Mode::Register, l42)
    };
    assert!(Plan::resolve(&instance).is_ok());
    let bad_instance = Params {
        instance_id: b"no spaces",
        ..params(Mode::Register, l42)
    };
    assert_eq!(
        Plan::resolve(&bad_instance).err(),
        Some(Error::InvalidArgument)
    );
    let bad_client_id = Params {
        client_id: b"a|b",
        ..params(Mode::Connwl, l42)
    };
    assert_eq!(
        Plan::resolve(&bad_client_id).err(),
        Some(Error::InvalidClientId)
    );
    let bad_token = Params {
        device_token: b"no spaces",
        ..params(Mode::Connwl, l42)
    };
    assert_eq!(Plan::resolve(&bad_token).err(), Some(Error::MissingField));
    // connwl is securemode -2, and a caller may ask for that one only.
    for (asked, ok) in [(-2, true), (2, false)] {
        let q = Params {
            secure_mode: Some(asked),
            ..params(Mode::Connwl, l42)
        };
        let want = if ok {
            None
        } else {
            Some(Error::InvalidSecureMode)
        };
        assert_eq!(Plan::resolve(&q).err(), want, "asked {asked}");
    }
    // connwl is securemode -2: no WebSocket URL (only 2 and 3 have one).
    let connwl = params(Mode::Connwl, l42);
    let plan = Plan::resolve(&connwl).unwrap();
    assert_eq!(plan.secure_mode, -2);
    let mut buf = [0u8; 128];
    assert_eq!(
        write_websocket_url(&plan, &mut SliceWriter::new(&mut buf)),
        Err(Error::InvalidSecureMode)
    );
}
