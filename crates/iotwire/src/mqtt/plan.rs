//! Resolves [`Params`] into a [`Plan`]: validates every input once and decides, for the mode
//! (and, with the `legacy-profiles` feature, the legacy SDK profile), the secure mode, sign
//! method, hex case, client-id layout, sign content, password kind, host and port. The
//! writers in the sibling modules only format a plan.
//!
//! The documented modes are a table ([`RULES`]): what each needs, forbids and defaults to;
//! [`documented`] applies a row. The legacy profiles are in [`super::legacy_plan`].

use crate::Error;
use crate::hex::HexCase;
use crate::mac::{self, SignMethod};
use crate::mqtt::layouts;
use crate::mqtt::params::{Endpoint, Mode, Params};
use crate::mqtt::region::Region;
use crate::mqtt::validate;

/// What precedes the `|` of the client id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prefix {
    /// `<ProductKey>.<DeviceName>`
    PkDotDn,
    /// `<DeviceName>.<ProductKey>` (LinkSDK 4.2 dynamic registration)
    DnDotPk,
    /// The caller's client id.
    Given,
}

/// What the password MAC is computed over (parameter values sorted by name, no separators).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    /// `clientId<id>deviceName<dn>productKey<pk>[timestamp<ts>]`
    Device,
    /// `deviceName<dn>productKey<pk>random<r>`
    Dynreg,
    /// Nothing is signed.
    None,
}

/// How the password is produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordKind {
    /// Hex of the MAC of the content keyed with the DeviceSecret.
    DeviceSecretMac,
    /// Hex of the MAC of the content keyed with the ProductSecret.
    ProductSecretMac,
    /// Empty (X.509: the certificate authenticates).
    Empty,
    /// The device token, verbatim (connwl).
    DeviceToken,
}

/// How the host is formed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Host<'a> {
    /// `<ProductKey>.iot-as-mqtt.<region>.aliyuncs.com`
    Region(Region),
    /// `<ProductKey>.` + a fixed domain
    PkDot(&'static [u8]),
    /// A fixed host.
    Fixed(&'static [u8]),
    /// The caller's host, verbatim.
    Verbatim(&'a [u8]),
}

/// Inputs that must be present for credentials, though the endpoint (host, port, WebSocket
/// URL) does not need them: well-formedness is checked at resolution, presence here.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Needs {
    /// ProductKey and DeviceName (the documented form; legacy SDKs signed empty ones).
    pub names: bool,
    /// A caller client id (connwl, X.509 without identity).
    pub client_id: bool,
    /// A random (dynamic registration).
    pub random: bool,
    /// A device token (connwl).
    pub device_token: bool,
}

/// A fully resolved, validated credential recipe.
#[derive(Clone, Copy, Debug)]
pub struct Plan<'p, 'a> {
    /// The validated inputs (borrowed: firmware stacks are small).
    pub params: &'p Params<'a>,
    /// Client id prefix.
    pub prefix: Prefix,
    /// Client-id parameter layout ([`crate::mqtt::template`]).
    pub layout: &'static [u8],
    /// Secure mode written into the client id.
    pub secure_mode: i32,
    /// MAC algorithm (also named in the client id).
    pub method: SignMethod,
    /// Hex case of the password.
    pub case: HexCase,
    /// What is signed.
    pub content: Content,
    /// The timestamp that goes into client id and content (empty: none).
    pub timestamp: &'a [u8],
    /// How the password is made.
    pub password: PasswordKind,
    /// Host rule.
    pub host: Host<'a>,
    /// TCP port.
    pub port: u16,
    /// Apply the legacy struct limits (client id <= 199, host and username <= 62 characters).
    pub legacy_limits: bool,
    /// What a credential (not the endpoint) needs to be present; see [`Plan::complete`].
    pub needs: Needs,
    /// The one-shot password needs a non-empty key (legacy SDKs signed with empty ones). Not
    /// checked at resolution so that the two-step API works without the secret.
    pub require_secret: bool,
    /// The client id is an iotkit-embedded 3.x one, written by [`crate::mqtt::iotkit3`] with
    /// this profile (and `itls` when the extras ask for `authtype=id2`).
    #[cfg(feature = "legacy-profiles")]
    pub iotkit3: Option<(crate::mqtt::params::LegacyProfile, bool)>,
}

/// Secure modes a rule allows, as bits.
mod sm {
    pub const M2: u8 = 1;
    pub const M3: u8 = 2;
    pub const M8: u8 = 4;
    pub const MINUS2: u8 = 8;
}

/// Bits of [`Rule::flags`].
mod flag {
    /// The DeviceSecret must be a valid secret (it may be empty).
    pub const DS: u16 = 1;
    /// The ProductSecret must be a valid secret.
    pub const PS: u16 = 2;
    /// No instance id.
    pub const NO_INSTANCE: u16 = 4;
    /// No timestamp.
    pub const NO_TIMESTAMP: u16 = 8;
    /// A random is needed (and checked when given).
    pub const RANDOM: u16 = 16;
    /// A client id and a device token are needed (connwl).
    pub const CONNWL: u16 = 32;
    /// The password is no MAC that needs a secret (ID²: iTLS authenticates).
    pub const SECRET_OPTIONAL: u16 = 64;
    /// The endpoint is Shanghai-only (X.509, ID²): a region host other than Shanghai is
    /// refused, an instance host taken verbatim.
    pub const SHANGHAI: u16 = 128;
}

/// One documented connect mode.
struct Rule {
    layout: &'static [u8],
    /// Allowed secure modes ([`sm`] bits) and the default.
    modes: u8,
    default_mode: i8,
    content: Content,
    password: PasswordKind,
    flags: u16,
    /// Fixed host for Shanghai (`PkDot` when `pk_dot`).
    host: &'static [u8],
    pk_dot: bool,
}

/// The documented modes, in [`Mode`] order.
const RULES: [Rule; 6] = [
    // DeviceSecret: 3 only with the plaintext opt-in (checked in `documented`).
    Rule {
        layout: layouts::DOC,
        modes: sm::M2 | sm::M3,
        default_mode: 2,
        content: Content::Device,
        password: PasswordKind::DeviceSecretMac,
        flags: flag::DS | flag::NO_INSTANCE,
        host: b"",
        pk_dot: false,
    },
    // X509
    Rule {
        layout: layouts::DOC,
        modes: sm::M2,
        default_mode: 2,
        content: Content::None,
        password: PasswordKind::Empty,
        flags: flag::NO_INSTANCE | flag::SHANGHAI,
        host: b"x509.itls.cn-shanghai.aliyuncs.com",
        pk_dot: false,
    },
    // Id2
    Rule {
        layout: layouts::DOC_ID2,
        modes: sm::M8,
        default_mode: 8,
        content: Content::Device,
        password: PasswordKind::DeviceSecretMac,
        flags: flag::DS | flag::SECRET_OPTIONAL | flag::SHANGHAI,
        host: b"its.cn-shanghai.aliyuncs.com",
        pk_dot: true,
    },
    // Register
    Rule {
        layout: layouts::DOC_DYNREG,
        modes: sm::M2 | sm::MINUS2,
        default_mode: 2,
        content: Content::Dynreg,
        password: PasswordKind::ProductSecretMac,
        flags: flag::PS | flag::RANDOM | flag::NO_TIMESTAMP,
        host: b"",
        pk_dot: false,
    },
    // RegisterNoWhitelist (default -2 on an instance, set in `documented`)
    Rule {
        layout: layouts::DOC_DYNREG,
        modes: sm::M2 | sm::MINUS2,
        default_mode: 2,
        content: Content::Dynreg,
        password: PasswordKind::ProductSecretMac,
        flags: flag::PS | flag::RANDOM | flag::NO_TIMESTAMP,
        host: b"",
        pk_dot: false,
    },
    // Connwl
    Rule {
        layout: layouts::DOC_CONNWL,
        modes: sm::MINUS2,
        default_mode: -2,
        content: Content::None,
        password: PasswordKind::DeviceToken,
        flags: flag::CONNWL | flag::NO_INSTANCE | flag::NO_TIMESTAMP,
        host: b"",
        pk_dot: false,
    },
];

fn mode_bit(m: i32) -> u8 {
    match m {
        2 => sm::M2,
        3 => sm::M3,
        8 => sm::M8,
        -2 => sm::MINUS2,
        _ => 0,
    }
}

/// `Ok` when `value` is empty (the mode has no use for it).
pub(crate) fn forbid(value: &[u8]) -> Result<(), Error> {
    if value.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidArgument)
    }
}

/// Names are checked when given; whether they must be given is [`Needs::names`].
pub(crate) fn check_names(p: &Params<'_>, lax: bool) -> Result<(), Error> {
    if !p.product_key.is_empty() {
        validate::product_key(p.product_key, lax)?;
    }
    if !p.device_name.is_empty() {
        validate::device_name(p.device_name, lax)?;
    }
    Ok(())
}

impl<'p, 'a> Plan<'p, 'a> {
    /// Validates `params` and resolves every default.
    pub fn resolve(params: &'p Params<'a>) -> Result<Plan<'p, 'a>, Error> {
        let plan = match params.legacy {
            None => documented(params)?,
            #[cfg(feature = "legacy-profiles")]
            Some(profile) => crate::mqtt::legacy_plan::legacy(params, profile)?,
            #[cfg(not(feature = "legacy-profiles"))]
            Some(_) => return Err(Error::Unsupported),
        };
        if !mac::is_supported(plan.method) && plan.password_is_mac() {
            return Err(Error::Unsupported);
        }
        Ok(plan)
    }

    /// Checks that every input a credential needs is present (see [`Needs`]).
    pub fn complete(&self) -> Result<(), Error> {
        let p = &self.params;
        if self.needs.names {
            if p.product_key.is_empty() {
                return Err(Error::InvalidProductKey);
            }
            if p.device_name.is_empty() {
                return Err(Error::InvalidDeviceName);
            }
        }
        let missing = (self.needs.client_id && p.client_id.is_empty())
            || (self.needs.random && p.random.is_empty())
            || (self.needs.device_token && p.device_token.is_empty());
        if missing {
            Err(Error::MissingField)
        } else {
            Ok(())
        }
    }

    /// Checks what the host needs: a ProductKey when it prefixes the domain (the documented
    /// form; legacy SDKs wrote `.<domain>` for an empty one).
    pub fn endpoint_ready(&self) -> Result<(), Error> {
        let pk_prefixed = matches!(self.host, Host::PkDot(_) | Host::Region(_));
        if pk_prefixed && self.needs.names && self.params.product_key.is_empty() {
            return Err(Error::InvalidProductKey);
        }
        Ok(())
    }

    /// The MAC key of a one-shot password or PSK, refusing an empty one where the mode needs it.
    pub fn one_shot_key(&self) -> Result<&'a [u8], Error> {
        let key = self.mac_key();
        if self.require_secret && key.is_empty() {
            return Err(Error::MissingField);
        }
        Ok(key)
    }

    /// True when the password is a MAC (one-shot or two-step).
    pub fn password_is_mac(&self) -> bool {
        matches!(
            self.password,
            PasswordKind::DeviceSecretMac | PasswordKind::ProductSecretMac
        )
    }

    /// The MAC key for a MAC password.
    pub fn mac_key(&self) -> &'a [u8] {
        match self.password {
            PasswordKind::ProductSecretMac => self.params.product_secret,
            _ => self.params.device_secret,
        }
    }

    /// `authType` value of the dynamic-registration layouts.
    pub fn auth_type(&self) -> &'static [u8] {
        match self.params.mode {
            Mode::RegisterNoWhitelist => b"regnwl",
            _ => b"register",
        }
    }

    /// The host of a region or of a caller's endpoint, before any mode-specific rule.
    pub(crate) fn endpoint_host(endpoint: Endpoint<'a>) -> Host<'a> {
        match endpoint {
            Endpoint::Region(region) => Host::Region(region),
            Endpoint::Host(h) => Host::Verbatim(h),
        }
    }
}

/// The plan every resolver starts from (the documented device-secret connect).
pub(crate) fn base<'p, 'a>(params: &'p Params<'a>) -> Plan<'p, 'a> {
    Plan {
        params,
        prefix: Prefix::PkDotDn,
        layout: layouts::DOC,
        secure_mode: 2,
        method: params.sign_method.unwrap_or(SignMethod::HmacSha256),
        case: HexCase::Upper,
        content: Content::Device,
        timestamp: b"",
        password: PasswordKind::DeviceSecretMac,
        host: Plan::endpoint_host(params.endpoint),
        port: 1883,
        legacy_limits: false,
        needs: Needs {
            names: true,
            ..Needs::default()
        },
        require_secret: true,
        #[cfg(feature = "legacy-profiles")]
        iotkit3: None,
    }
}

/// Applies the documented rule of `p.mode`.
fn documented<'p, 'a>(p: &'p Params<'a>) -> Result<Plan<'p, 'a>, Error> {
    let mut plan = base(p);
    let rule = RULES
        .get(match p.mode {
            Mode::DeviceSecret => 0,
            Mode::X509 => 1,
            Mode::Id2 => 2,
            Mode::Register => 3,
            Mode::RegisterNoWhitelist => 4,
            Mode::Connwl => 5,
        })
        .ok_or(Error::InvalidSelector)?;
    let f = rule.flags;
    let has = |bit: u16| f & bit != 0;

    if let Endpoint::Host(h) = p.endpoint {
        validate::host(h)?;
    }
    validate::extra_params(p.extra_params)?;
    if !p.timestamp.is_empty() {
        validate::timestamp(p.timestamp)?;
    }
    if !p.instance_id.is_empty() {
        validate::token(p.instance_id)?;
    }
    if let Some(seconds) = p.keepalive_s
        && !p.mode.is_dynreg()
    {
        validate::keepalive(seconds)?;
    }
    if !p.client_id.is_empty() {
        validate::client_id(p.client_id)?;
        plan.prefix = Prefix::Given;
    }
    check_names(p, p.lax_names)?;
    if has(flag::DS) {
        validate::secret(p.device_secret)?;
    }
    if has(flag::PS) {
        validate::secret(p.product_secret)?;
    }
    if has(flag::RANDOM) {
        if !p.random.is_empty() {
            validate::token(p.random)?;
        }
        plan.needs.random = true;
    }
    if has(flag::CONNWL) {
        if !p.device_token.is_empty() {
            validate::device_token(p.device_token)?;
        }
        plan.needs.client_id = true;
        plan.needs.device_token = true;
    }
    if has(flag::NO_TIMESTAMP) {
        forbid(p.timestamp)?;
    }
    if has(flag::NO_INSTANCE) {
        forbid(p.instance_id)?;
    }
    if has(flag::SECRET_OPTIONAL) {
        plan.require_secret = false;
    }
    // X.509 first connect: ProductKey and DeviceName may both be empty (the platform pushes
    // them on /ext/auth/identity/response); then a client id is needed instead.
    if p.mode == Mode::X509 && p.product_key.is_empty() && p.device_name.is_empty() {
        plan.needs = Needs {
            client_id: true,
            ..Needs::default()
        };
    }
    let default_mode = if p.mode == Mode::RegisterNoWhitelist && !p.instance_id.is_empty() {
        -2
    } else {
        i32::from(rule.default_mode)
    };
    let mode = p.secure_mode.unwrap_or(default_mode);
    if mode_bit(mode) & rule.modes == 0 {
        return Err(Error::InvalidSecureMode);
    }
    if mode == 3 && !p.allow_plaintext {
        return Err(Error::InsecureModeNotAllowed);
    }
    if has(flag::SHANGHAI) {
        plan.host = match p.endpoint {
            Endpoint::Region(Region::Shanghai) if rule.pk_dot => Host::PkDot(rule.host),
            Endpoint::Region(Region::Shanghai) => Host::Fixed(rule.host),
            Endpoint::Region(_) => return Err(Error::InvalidSelector),
            Endpoint::Host(h) => Host::Verbatim(h),
        };
    }
    plan.secure_mode = mode;
    plan.layout = rule.layout;
    plan.content = rule.content;
    plan.password = rule.password;
    plan.timestamp = p.timestamp;
    if let Some(port) = p.port {
        plan.port = port;
    }
    Ok(plan)
}

#[cfg(test)]
#[path = "plan_rules_tests.rs"]
mod rules_tests;
