//! Selectors shared by several parts of the API (MQTT, HTTPS, dynamic registration), defined
//! once so a build with any subset of the features declares them exactly once.

/// Region: China (Shanghai), `cn-shanghai`.
pub const IOTWIRE_REGION_SHANGHAI: u32 = 0;
/// Region: Singapore, `ap-southeast-1`.
pub const IOTWIRE_REGION_SINGAPORE: u32 = 1;
/// Region: Japan (Tokyo), `ap-northeast-1`.
pub const IOTWIRE_REGION_JAPAN: u32 = 2;
/// Region: US (Silicon Valley), `us-west-1`.
pub const IOTWIRE_REGION_USA_WEST: u32 = 3;
/// Region: Germany (Frankfurt), `eu-central-1`.
pub const IOTWIRE_REGION_GERMANY: u32 = 4;
/// No region: `host` is used verbatim (instance endpoints, private deployments).
pub const IOTWIRE_REGION_CUSTOM: u32 = 5;

/// Sign method: the mode's or profile's default (hmacsha256 for the documented form).
pub const IOTWIRE_SIGN_METHOD_DEFAULT: u32 = 0;
/// Sign method `hmacmd5` (interop only).
pub const IOTWIRE_SIGN_METHOD_HMACMD5: u32 = 1;
/// Sign method `hmacsha1` (interop only).
pub const IOTWIRE_SIGN_METHOD_HMACSHA1: u32 = 2;
/// Sign method `hmacsha256`.
pub const IOTWIRE_SIGN_METHOD_HMACSHA256: u32 = 3;
