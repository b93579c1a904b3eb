//! Topic templates. Sources: seed 003 section 6 (custom topics), section 8.4 and the legacy
//! SDK (OTA), iotkit-embedded 3.2.0 `dm_msg_process.c` and `shadow_common.c` (thing model,
//! shadow, RRPC, NTP, replies).

/// One piece of a template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Literal text.
    Lit(&'static [u8]),
    /// The ProductKey.
    Pk,
    /// The DeviceName.
    Dn,
    /// The caller's name (custom suffix, event or service identifier, message id).
    Name,
}

/// What the caller's name may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameRule {
    /// The template takes no name; a given one is an error.
    None,
    /// One level: an identifier of letters, digits and `_`.
    Identifier,
    /// One level: an identifier, or `+` (subscribe to all, e.g. every RRPC request).
    IdentifierOrPlus,
    /// One or more levels of identifiers; `+` levels and a last `#` level make a filter.
    Levels,
}

/// A device topic the builder knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kind {
    /// The template.
    pub parts: &'static [Part],
    /// What the name may be.
    pub name: NameRule,
}

use Part::{Dn, Lit, Name, Pk};

const fn sys(tail: &'static [u8]) -> [Part; 5] {
    [Lit(b"/sys/"), Pk, Lit(b"/"), Dn, Lit(tail)]
}
const fn pk_dn(head: &'static [u8]) -> [Part; 4] {
    [Lit(head), Pk, Lit(b"/"), Dn]
}

static CUSTOM_FULL: [Part; 6] = [Lit(b"/"), Pk, Lit(b"/"), Dn, Lit(b"/user/"), Name];
static PROPERTY_POST: [Part; 5] = sys(b"/thing/event/property/post");
static PROPERTY_POST_REPLY: [Part; 5] = sys(b"/thing/event/property/post_reply");
static EVENT_POST: [Part; 7] = [
    Lit(b"/sys/"),
    Pk,
    Lit(b"/"),
    Dn,
    Lit(b"/thing/event/"),
    Name,
    Lit(b"/post"),
];
static EVENT_POST_REPLY: [Part; 7] = [
    Lit(b"/sys/"),
    Pk,
    Lit(b"/"),
    Dn,
    Lit(b"/thing/event/"),
    Name,
    Lit(b"/post_reply"),
];
static PROPERTY_SET: [Part; 5] = sys(b"/thing/service/property/set");
static PROPERTY_SET_REPLY: [Part; 5] = sys(b"/thing/service/property/set_reply");
static SERVICE: [Part; 6] = [
    Lit(b"/sys/"),
    Pk,
    Lit(b"/"),
    Dn,
    Lit(b"/thing/service/"),
    Name,
];
static SERVICE_REPLY: [Part; 7] = [
    Lit(b"/sys/"),
    Pk,
    Lit(b"/"),
    Dn,
    Lit(b"/thing/service/"),
    Name,
    Lit(b"_reply"),
];
static OTA_INFORM: [Part; 4] = pk_dn(b"/ota/device/inform/");
static OTA_UPGRADE: [Part; 4] = pk_dn(b"/ota/device/upgrade/");
static OTA_PROGRESS: [Part; 4] = pk_dn(b"/ota/device/progress/");
static OTA_REQUEST: [Part; 4] = pk_dn(b"/ota/device/request/");
static SHADOW_UPDATE: [Part; 4] = pk_dn(b"/shadow/update/");
static SHADOW_GET: [Part; 4] = pk_dn(b"/shadow/get/");
static RRPC_REQUEST: [Part; 6] = [
    Lit(b"/sys/"),
    Pk,
    Lit(b"/"),
    Dn,
    Lit(b"/rrpc/request/"),
    Name,
];
static RRPC_RESPONSE: [Part; 6] = [
    Lit(b"/sys/"),
    Pk,
    Lit(b"/"),
    Dn,
    Lit(b"/rrpc/response/"),
    Name,
];
static MODEL_UP_RAW: [Part; 5] = sys(b"/thing/model/up_raw");
static MODEL_UP_RAW_REPLY: [Part; 5] = sys(b"/thing/model/up_raw_reply");
static MODEL_DOWN_RAW: [Part; 5] = sys(b"/thing/model/down_raw");
static MODEL_DOWN_RAW_REPLY: [Part; 5] = sys(b"/thing/model/down_raw_reply");
static DEVICEINFO_UPDATE: [Part; 5] = sys(b"/thing/deviceinfo/update");
static DEVICEINFO_UPDATE_REPLY: [Part; 5] = sys(b"/thing/deviceinfo/update_reply");
static NTP_REQUEST: [Part; 5] = [Lit(b"/ext/ntp/"), Pk, Lit(b"/"), Dn, Lit(b"/request")];
static NTP_RESPONSE: [Part; 5] = [Lit(b"/ext/ntp/"), Pk, Lit(b"/"), Dn, Lit(b"/response")];

/// The number of kinds; selectors are `0..COUNT`.
pub const COUNT: u32 = 25;

/// The kind behind a selector number (the C ABI's `IOTWIRE_TOPIC_KIND_*`, in this order).
pub fn from_index(index: u32) -> Option<Kind> {
    let k = |parts: &'static [Part], name| Some(Kind { parts, name });
    match index {
        0 => k(&CUSTOM_FULL, NameRule::Levels),
        1 => k(&PROPERTY_POST, NameRule::None),
        2 => k(&PROPERTY_POST_REPLY, NameRule::None),
        3 => k(&EVENT_POST, NameRule::Identifier),
        4 => k(&EVENT_POST_REPLY, NameRule::Identifier),
        5 => k(&PROPERTY_SET, NameRule::None),
        6 => k(&PROPERTY_SET_REPLY, NameRule::None),
        7 => k(&SERVICE, NameRule::Identifier),
        8 => k(&SERVICE_REPLY, NameRule::Identifier),
        9 => k(&OTA_INFORM, NameRule::None),
        10 => k(&OTA_UPGRADE, NameRule::None),
        11 => k(&OTA_PROGRESS, NameRule::None),
        12 => k(&OTA_REQUEST, NameRule::None),
        13 => k(&SHADOW_UPDATE, NameRule::None),
        14 => k(&SHADOW_GET, NameRule::None),
        15 => k(&RRPC_REQUEST, NameRule::IdentifierOrPlus),
        16 => k(&RRPC_RESPONSE, NameRule::Identifier),
        17 => k(&MODEL_UP_RAW, NameRule::None),
        18 => k(&MODEL_UP_RAW_REPLY, NameRule::None),
        19 => k(&MODEL_DOWN_RAW, NameRule::None),
        20 => k(&MODEL_DOWN_RAW_REPLY, NameRule::None),
        21 => k(&DEVICEINFO_UPDATE, NameRule::None),
        22 => k(&DEVICEINFO_UPDATE_REPLY, NameRule::None),
        23 => k(&NTP_REQUEST, NameRule::None),
        24 => k(&NTP_RESPONSE, NameRule::None),
        _ => None,
    }
}
