//! Resolves [`Params`] into a [`Plan`]: validates every input once and decides, for the mode
//! and profile, the secure mode, sign method, hex case, client-id layout, sign content,
//! password kind, host and port. The writers in the sibling modules only format a plan.

use crate::Error;
use crate::hex::HexCase;
use crate::mac::{self, SignMethod};
use crate::mqtt::LEGACY_TIMESTAMP;
use crate::mqtt::legacy_layouts::{self as layouts, Item};
use crate::mqtt::params::{Endpoint, LegacyProfile, LegacySdk, Mode, Params};
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
    /// `<ProductKey>.` + domain
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
    /// The validated inputs (borrowed: a plan is small enough to copy, and firmware stacks
    /// are small).
    pub params: &'p Params<'a>,
    /// Client id prefix.
    pub prefix: Prefix,
    /// Client-id parameter layout.
    pub layout: &'static [Item],
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
}

impl<'p, 'a> Plan<'p, 'a> {
    /// Validates `params` and resolves every default.
    pub fn resolve(params: &'p Params<'a>) -> Result<Plan<'p, 'a>, Error> {
        let plan = match params.legacy {
            None => documented(params)?,
            Some(profile) => legacy(params, profile)?,
        };
        plan.supported()
    }

    /// [`Plan::resolve`] for `IOT_Sign_MQTT`, which only ever asks for a legacy device-secret
    /// connect: the documented-form, dynamic-registration and connwl resolution is then not
    /// linked into a firmware that calls only `IOT_Sign_MQTT`.
    pub fn resolve_legacy_device(params: &'p Params<'a>) -> Result<Plan<'p, 'a>, Error> {
        let profile = params.legacy.ok_or(Error::InvalidArgument)?;
        if params.mode != Mode::DeviceSecret || profile.sdk == LegacySdk::LinkSdk42 {
            return Err(Error::InvalidSelector);
        }
        let plan = legacy_common(params, profile)?;
        legacy_device(plan, params, profile)?.supported()
    }

    fn supported(self) -> Result<Self, Error> {
        if !mac::is_supported(self.method) && self.password_is_mac() {
            return Err(Error::Unsupported);
        }
        Ok(self)
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
        let pk_prefixed = matches!(self.host, Host::PkDot(_));
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
}

fn base<'p, 'a>(params: &'p Params<'a>) -> Plan<'p, 'a> {
    // Defaults of the documented device-secret connect; every resolver overwrites what
    // applies to it.
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
        host: Host::Fixed(b""),
        port: 1883,
        legacy_limits: false,
        needs: Needs {
            names: true,
            ..Needs::default()
        },
        require_secret: true,
    }
}

fn forbid(value: &[u8]) -> Result<(), Error> {
    if value.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidArgument)
    }
}

fn region_host(endpoint: Endpoint<'_>) -> Host<'_> {
    match endpoint {
        Endpoint::Region(region) => Host::PkDot(region.mqtt_domain()),
        Endpoint::Host(h) => Host::Verbatim(h),
    }
}

/// The Shanghai-only special endpoints (X.509, ID²); an instance host is taken verbatim.
fn shanghai_only<'a>(endpoint: Endpoint<'a>, host: Host<'static>) -> Result<Host<'a>, Error> {
    match endpoint {
        Endpoint::Region(Region::Shanghai) => Ok(host),
        Endpoint::Region(_) => Err(Error::InvalidSelector),
        Endpoint::Host(h) => Ok(Host::Verbatim(h)),
    }
}

/// Names are checked when given; whether they must be given is [`Needs::names`].
fn check_names(p: &Params<'_>, lax: bool) -> Result<(), Error> {
    if !p.product_key.is_empty() {
        validate::product_key(p.product_key, lax)?;
    }
    if !p.device_name.is_empty() {
        validate::device_name(p.device_name, lax)?;
    }
    Ok(())
}

fn documented<'p, 'a>(p: &'p Params<'a>) -> Result<Plan<'p, 'a>, Error> {
    let mut plan = base(p);
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
    plan.prefix = if p.client_id.is_empty() {
        Prefix::PkDotDn
    } else {
        Prefix::Given
    };
    if !p.client_id.is_empty() {
        validate::client_id(p.client_id)?;
    }
    plan.timestamp = p.timestamp;
    plan.host = region_host(p.endpoint);
    match p.mode {
        Mode::DeviceSecret => {
            check_names(p, p.lax_names)?;
            validate::secret(p.device_secret)?;
            forbid(p.instance_id)?;
            plan.secure_mode = match p.secure_mode.unwrap_or(2) {
                2 => 2,
                3 if p.allow_plaintext => 3,
                3 => return Err(Error::InsecureModeNotAllowed),
                _ => return Err(Error::InvalidSecureMode),
            };
        }
        Mode::X509 => {
            // First connect: ProductKey and DeviceName may be empty; the platform pushes them
            // on /ext/auth/identity/response. Then a client id is needed.
            check_names(p, p.lax_names)?;
            if p.product_key.is_empty() && p.device_name.is_empty() {
                plan.needs = Needs {
                    names: false,
                    client_id: true,
                    ..Needs::default()
                };
            }
            forbid(p.instance_id)?;
            plan.secure_mode = match p.secure_mode.unwrap_or(2) {
                2 => 2,
                _ => return Err(Error::InvalidSecureMode),
            };
            plan.content = Content::None;
            plan.password = PasswordKind::Empty;
            plan.host = shanghai_only(
                p.endpoint,
                Host::Fixed(b"x509.itls.cn-shanghai.aliyuncs.com"),
            )?;
        }
        Mode::Id2 => {
            check_names(p, p.lax_names)?;
            validate::secret(p.device_secret)?;
            // ID² authenticates in iTLS; the platform ignores the signature value.
            plan.require_secret = false;
            plan.secure_mode = match p.secure_mode.unwrap_or(8) {
                8 => 8,
                _ => return Err(Error::InvalidSecureMode),
            };
            plan.layout = layouts::DOC_ID2;
            plan.host = shanghai_only(p.endpoint, Host::PkDot(b"its.cn-shanghai.aliyuncs.com"))?;
        }
        Mode::Register | Mode::RegisterNoWhitelist => {
            check_names(p, p.lax_names)?;
            validate::secret(p.product_secret)?;
            if !p.random.is_empty() {
                validate::token(p.random)?;
            }
            plan.needs.random = true;
            forbid(p.timestamp)?;
            let default_mode = if p.mode == Mode::RegisterNoWhitelist && !p.instance_id.is_empty() {
                -2
            } else {
                2
            };
            plan.secure_mode = match p.secure_mode.unwrap_or(default_mode) {
                m @ (2 | -2) => m,
                _ => return Err(Error::InvalidSecureMode),
            };
            plan.layout = layouts::DOC_DYNREG;
            plan.content = Content::Dynreg;
            plan.password = PasswordKind::ProductSecretMac;
        }
        Mode::Connwl => {
            check_names(p, p.lax_names)?;
            if !p.device_token.is_empty() {
                validate::device_token(p.device_token)?;
            }
            plan.needs.client_id = true;
            plan.needs.device_token = true;
            forbid(p.timestamp)?;
            forbid(p.instance_id)?;
            plan.secure_mode = match p.secure_mode.unwrap_or(-2) {
                -2 => -2,
                _ => return Err(Error::InvalidSecureMode),
            };
            plan.layout = layouts::DOC_CONNWL;
            plan.content = Content::None;
            plan.password = PasswordKind::DeviceToken;
        }
    }
    if let Some(port) = p.port {
        plan.port = port;
    }
    Ok(plan)
}

/// Values a legacy SDK fixed itself: a caller may not ask for something else.
fn legacy_fixed(p: &Params<'_>, method: SignMethod) -> Result<(), Error> {
    if p.sign_method.is_some_and(|m| m != method) {
        return Err(Error::InvalidArgument);
    }
    forbid(p.timestamp)
}

/// What every legacy profile shares: lax names, the legacy limits and timestamp, the host.
fn legacy_common<'p, 'a>(p: &'p Params<'a>, profile: LegacyProfile) -> Result<Plan<'p, 'a>, Error> {
    let mut plan = base(p);
    validate::product_key(p.product_key, true)?;
    validate::device_name(p.device_name, true)?;
    validate::legacy_extra_params(p.extra_params)?;
    plan.legacy_limits = true;
    plan.needs = Needs::default();
    plan.require_secret = false;
    plan.timestamp = LEGACY_TIMESTAMP;
    plan.host = match p.endpoint {
        Endpoint::Region(region) => Host::PkDot(region.mqtt_domain()),
        // Legacy SDKs copied the custom domain verbatim, without any check.
        Endpoint::Host(h) => {
            validate::legacy_host(h)?;
            Host::Verbatim(h)
        }
    };
    plan.method = SignMethod::HmacSha256;
    plan.port = if profile.tls { 443 } else { 1883 };
    Ok(plan)
}

fn legacy<'p, 'a>(p: &'p Params<'a>, profile: LegacyProfile) -> Result<Plan<'p, 'a>, Error> {
    let plan = legacy_common(p, profile)?;
    let mode_ok = match (profile.sdk, p.mode) {
        (LegacySdk::LinkSdk42, Mode::Register | Mode::RegisterNoWhitelist | Mode::Connwl) => true,
        (LegacySdk::V320, Mode::Register) => true,
        (LegacySdk::LinkSdk42, _) => false,
        (_, Mode::DeviceSecret) => true,
        _ => false,
    };
    if !mode_ok {
        return Err(Error::InvalidSelector);
    }
    match p.mode {
        Mode::Register | Mode::RegisterNoWhitelist => return legacy_dynreg(plan, p, profile.sdk),
        Mode::Connwl => return legacy_connwl(plan, p),
        _ => {}
    }
    legacy_device(plan, p, profile)
}

/// A legacy device-secret connect (the `IOT_Sign_MQTT` case).
fn legacy_device<'p, 'a>(
    mut plan: Plan<'p, 'a>,
    p: &'p Params<'a>,
    profile: LegacyProfile,
) -> Result<Plan<'p, 'a>, Error> {
    if !p.client_id.is_empty() || !p.instance_id.is_empty() {
        return Err(Error::InvalidArgument);
    }
    let extras_id2 = p.extra_params.windows(12).any(|w| w == b"authtype=id2");
    let tls_mode = if profile.tls { 2 } else { 3 };
    match profile.sdk {
        LegacySdk::V320 | LegacySdk::V310 => {
            // v3.1+ keeps securemode 2/3 under MQTT_PRE_AUTH and always uses port 443;
            // `authtype=id2` in the customize_info switches the client id to securemode 8.
            plan.secure_mode = if extras_id2 { 8 } else { tls_mode };
            plan.port = 443;
            plan.layout = match (profile.sdk, profile.auto_subscribe) {
                (LegacySdk::V320, true) => layouts::V320_SS,
                (LegacySdk::V320, false) => layouts::V320,
                (_, true) => layouts::V310_SS,
                (_, false) => layouts::V310,
            };
        }
        LegacySdk::V301 => {
            plan.secure_mode = if profile.pre_auth {
                -1
            } else if extras_id2 {
                8
            } else {
                tls_mode
            };
            plan.layout = layouts::V301;
        }
        LegacySdk::Bundle => {
            plan.secure_mode = match (profile.pre_auth, profile.itls) {
                (true, _) => -1,
                (false, true) => 8,
                (false, false) => tls_mode,
            };
            plan.layout = if profile.itls && !profile.pre_auth {
                layouts::BUNDLE_ITLS
            } else {
                layouts::BUNDLE
            };
        }
        LegacySdk::V230 => {
            if profile.pre_auth {
                // The HTTPS guider (securemode -1/0) gets its host and credentials from a
                // server reply; it is not a local computation.
                return Err(Error::Unsupported);
            }
            plan.method = SignMethod::HmacSha1;
            plan.case = HexCase::Lower;
            if profile.itls {
                plan.secure_mode = 8;
                plan.layout = layouts::V230_ITLS;
                plan.host = match p.endpoint {
                    Endpoint::Host(h) => Host::Verbatim(h),
                    Endpoint::Region(_) => Host::PkDot(b"itls.cn-shanghai.aliyuncs.com"),
                };
                plan.port = 1883;
            } else {
                plan.secure_mode = tls_mode;
                plan.layout = layouts::V230;
            }
        }
        LegacySdk::LinkSdk41 => {
            plan.secure_mode = match p.secure_mode.unwrap_or(2) {
                m @ (2 | 3) => m,
                _ => return Err(Error::InvalidSecureMode),
            };
            plan.port = if plan.secure_mode == 2 { 443 } else { 1883 };
            plan.layout = layouts::LINKSDK41;
        }
        LegacySdk::LinkSdk42 => return Err(Error::InvalidSelector),
    }
    if profile.sdk != LegacySdk::LinkSdk41 && p.secure_mode.is_some_and(|m| m != plan.secure_mode) {
        return Err(Error::InvalidSecureMode);
    }
    legacy_fixed(p, plan.method)?;
    if let Some(port) = p.port {
        plan.port = port;
    }
    Ok(plan)
}

fn legacy_dynreg<'p, 'a>(
    mut plan: Plan<'p, 'a>,
    p: &'p Params<'a>,
    sdk: LegacySdk,
) -> Result<Plan<'p, 'a>, Error> {
    validate::secret(p.product_secret)?;
    plan.require_secret = true;
    if !p.random.is_empty() {
        validate::token(p.random)?;
    }
    plan.needs.random = true;
    legacy_fixed(p, SignMethod::HmacSha256)?;
    forbid(p.client_id)?;
    plan.content = Content::Dynreg;
    plan.password = PasswordKind::ProductSecretMac;
    plan.timestamp = b"";
    plan.port = 443;
    if sdk == LegacySdk::V320 {
        forbid(p.instance_id)?;
        plan.layout = layouts::V320_DYNREG;
        plan.secure_mode = 2;
        plan.prefix = Prefix::PkDotDn;
    } else {
        if !p.instance_id.is_empty() {
            validate::token(p.instance_id)?;
        }
        plan.layout = layouts::LINKSDK42_DYNREG;
        // LinkSDK 4.2 always sent securemode=2, even for regnwl.
        plan.secure_mode = 2;
        plan.prefix = Prefix::DnDotPk;
    }
    if p.secure_mode.is_some_and(|m| m != plan.secure_mode) {
        return Err(Error::InvalidSecureMode);
    }
    if let Some(port) = p.port {
        plan.port = port;
    }
    Ok(plan)
}

fn legacy_connwl<'p, 'a>(mut plan: Plan<'p, 'a>, p: &'p Params<'a>) -> Result<Plan<'p, 'a>, Error> {
    if !p.client_id.is_empty() {
        validate::client_id(p.client_id)?;
    }
    if !p.device_token.is_empty() {
        validate::device_token(p.device_token)?;
    }
    plan.needs.client_id = true;
    plan.needs.device_token = true;
    forbid(p.timestamp)?;
    forbid(p.instance_id)?;
    plan.prefix = Prefix::Given;
    plan.layout = layouts::LINKSDK42_CONNWL;
    plan.secure_mode = -2;
    plan.content = Content::None;
    plan.password = PasswordKind::DeviceToken;
    plan.timestamp = b"";
    plan.port = 443;
    if p.secure_mode.is_some_and(|m| m != -2) {
        return Err(Error::InvalidSecureMode);
    }
    if let Some(port) = p.port {
        plan.port = port;
    }
    Ok(plan)
}
