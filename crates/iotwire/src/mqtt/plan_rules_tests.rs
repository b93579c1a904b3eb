//! Each documented mode's rule, one property at a time: the secure modes it allows and its
//! default, the inputs it refuses (instance id, timestamp), the secrets it checks, what it
//! needs, and the Shanghai-only endpoints.

use super::*;

const MODES: [Mode; 6] = [
    Mode::DeviceSecret,
    Mode::X509,
    Mode::Id2,
    Mode::Register,
    Mode::RegisterNoWhitelist,
    Mode::Connwl,
];

fn base(mode: Mode) -> Params<'static> {
    Params {
        mode,
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

fn resolve(p: &Params<'_>) -> Result<(i32, Needs, bool, u16), Error> {
    Plan::resolve(p).map(|plan| (plan.secure_mode, plan.needs, plan.require_secret, plan.port))
}

#[test]
fn secure_modes_allowed_and_default() {
    // (mode, default, allowed of 2, 3 (with the plaintext opt-in), 8, -2)
    let table = [
        (Mode::DeviceSecret, 2, [true, true, false, false]),
        (Mode::X509, 2, [true, false, false, false]),
        (Mode::Id2, 8, [false, false, true, false]),
        (Mode::Register, 2, [true, false, false, true]),
        (Mode::RegisterNoWhitelist, 2, [true, false, false, true]),
        (Mode::Connwl, -2, [false, false, false, true]),
    ];
    for (mode, default, allowed) in table {
        let p = base(mode);
        assert_eq!(resolve(&p).map(|r| r.0), Ok(default), "{mode:?} default");
        for (sm, ok) in [2, 3, 8, -2].into_iter().zip(allowed) {
            let p = Params {
                secure_mode: Some(sm),
                allow_plaintext: true,
                ..base(mode)
            };
            assert_eq!(resolve(&p).is_ok(), ok, "{mode:?} securemode {sm}");
        }
    }
}

#[test]
fn instance_id_refused_where_the_mode_has_none() {
    for mode in MODES {
        let p = Params {
            instance_id: b"iot-06z00abc",
            ..base(mode)
        };
        let refused = matches!(mode, Mode::DeviceSecret | Mode::X509 | Mode::Connwl);
        assert_eq!(
            resolve(&p).err(),
            refused.then_some(Error::InvalidArgument),
            "{mode:?}"
        );
    }
}

#[test]
fn timestamp_refused_where_the_mode_signs_none() {
    for mode in MODES {
        let p = Params {
            timestamp: b"1700000000000",
            ..base(mode)
        };
        let refused = matches!(
            mode,
            Mode::Register | Mode::RegisterNoWhitelist | Mode::Connwl
        );
        assert_eq!(
            resolve(&p).err(),
            refused.then_some(Error::InvalidArgument),
            "{mode:?}"
        );
    }
}

#[test]
fn secrets_checked_where_the_mode_signs_with_them() {
    let long = [b'k'; 257];
    for mode in MODES {
        let ds = Params {
            device_secret: &long,
            ..base(mode)
        };
        let ds_checked = matches!(mode, Mode::DeviceSecret | Mode::Id2);
        assert_eq!(
            resolve(&ds).err(),
            ds_checked.then_some(Error::InvalidArgument),
            "{mode:?} DeviceSecret"
        );
        let ps = Params {
            product_secret: &long,
            ..base(mode)
        };
        let ps_checked = mode.is_dynreg();
        assert_eq!(
            resolve(&ps).err(),
            ps_checked.then_some(Error::InvalidArgument),
            "{mode:?} ProductSecret"
        );
    }
}

#[test]
fn needs_and_secret_requirement_per_mode() {
    for mode in MODES {
        let p = base(mode);
        let (_, needs, require_secret, _) = resolve(&p).unwrap();
        assert_eq!(needs.random, mode.is_dynreg(), "{mode:?} random");
        assert_eq!(needs.client_id, mode == Mode::Connwl, "{mode:?} client id");
        assert_eq!(needs.device_token, mode == Mode::Connwl, "{mode:?} token");
        assert_eq!(
            require_secret,
            mode != Mode::Id2,
            "{mode:?} secret required"
        );
        // A random is checked when given.
        let bad_random = Params {
            random: b"no spaces",
            ..base(mode)
        };
        assert_eq!(
            resolve(&bad_random).is_err(),
            mode.is_dynreg(),
            "{mode:?} random checked"
        );
        // A device token is checked when given.
        let bad_token = Params {
            device_token: b"no spaces",
            ..base(mode)
        };
        assert_eq!(
            resolve(&bad_token).is_err(),
            mode == Mode::Connwl,
            "{mode:?} token checked"
        );
    }
}

#[test]
fn shanghai_only_modes_refuse_other_regions() {
    for mode in MODES {
        let p = Params {
            endpoint: Endpoint::Region(Region::Singapore),
            ..base(mode)
        };
        let shanghai_only = matches!(mode, Mode::X509 | Mode::Id2);
        assert_eq!(
            resolve(&p).err(),
            shanghai_only.then_some(Error::InvalidSelector),
            "{mode:?}"
        );
    }
}

#[test]
fn password_is_a_mac_only_for_the_secret_modes() {
    for mode in MODES {
        let p = base(mode);
        let plan = Plan::resolve(&p).unwrap();
        let mac = matches!(
            mode,
            Mode::DeviceSecret | Mode::Id2 | Mode::Register | Mode::RegisterNoWhitelist
        );
        assert_eq!(plan.password_is_mac(), mac, "{mode:?}");
    }
}
