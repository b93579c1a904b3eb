//! What every legacy `IOT_Sign_MQTT` path shares: the C structs' fields as Rust sees them,
//! the legacy failure categories and their return codes per SDK generation, and the
//! fixed-array writer that leaves a failed field empty, as legacy did.

use crate::mqtt::params::LegacySdk;

/// `IOTX_CLOUD_REGION_CUSTOM`
pub const REGION_CUSTOM: i32 = 5;

/// Why a legacy sign failed, in the legacy SDKs' own categories.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// Region out of range, NULL meta, or an unusable member.
    InputInvalid,
    /// Custom region without a custom domain.
    CustomDomainMissing,
    /// Hostname does not fit `hostname[64]`.
    HostnameTooLong,
    /// Username does not fit `username[64]`.
    UsernameTooLong,
    /// Client id does not fit `clientid[200]`.
    ClientIdTooLong,
    /// The sign source does not fit (unreachable with the struct limits).
    SourceTooLong,
}

/// The legacy return code of `failure` for `sdk` (0 is success in every generation).
pub fn legacy_code(sdk: LegacySdk, failure: Failure) -> i32 {
    match sdk {
        // v3.1/v3.2 STATE_* codes (src/infra/infra_state.h)
        LegacySdk::V320 | LegacySdk::V310 => match failure {
            Failure::InputInvalid => -0x113,
            Failure::CustomDomainMissing => -0x108,
            Failure::HostnameTooLong => -0x307,
            Failure::UsernameTooLong => -0x308,
            Failure::ClientIdTooLong => -0x309,
            Failure::SourceTooLong => -0x30A,
        },
        // v3.0.1 ERROR_DEV_SIGN_* codes (src/infra/infra_defs.h)
        LegacySdk::V301 => match failure {
            Failure::InputInvalid => -1,
            Failure::CustomDomainMissing => -1105,
            Failure::HostnameTooLong => -1100,
            Failure::UsernameTooLong => -1102,
            Failure::ClientIdTooLong => -1101,
            Failure::SourceTooLong => -1104,
        },
        // The bundle and 2.x know only -1.
        _ => -1,
    }
}

/// The four strings of `iotx_dev_meta_info_t`, already cut at their NUL.
#[derive(Clone, Copy, Debug)]
pub struct Meta<'a> {
    /// product_key
    pub product_key: &'a [u8],
    /// device_name
    pub device_name: &'a [u8],
    /// device_secret
    pub device_secret: &'a [u8],
}

/// Bytes of `iotx_sign_mqtt_t`: hostname 64, port 2, clientid 200, username 64, password 65,
/// and one byte of padding to the port's alignment.
pub const SIGN_OUT_LEN: usize = 396;

/// The fields of `iotx_sign_mqtt_t`, zeroed ([`SignOut::cleared`]).
pub struct SignOut<'b> {
    /// `char hostname[64]`
    pub hostname: &'b mut [u8; 64],
    /// `uint16_t port`, in the target's byte order ([`SignOut::set_port`]).
    pub port: &'b mut [u8; 2],
    /// `char clientid[200]`
    pub clientid: &'b mut [u8; 200],
    /// `char username[64]`
    pub username: &'b mut [u8; 64],
    /// `char password[65]`
    pub password: &'b mut [u8; 65],
}

impl<'b> SignOut<'b> {
    /// Zeroes the whole struct, `IOT_Sign_MQTT`'s first step in every SDK generation (a
    /// failure leaves the fields not yet reached empty), and splits it into its fields: one
    /// clear for all of them (on Cortex-M one `memclr` call instead of five). `None` cannot
    /// happen: the fields add up to [`SIGN_OUT_LEN`].
    pub fn cleared(raw: &'b mut [u8; SIGN_OUT_LEN]) -> Option<Self> {
        raw.fill(0);
        let (hostname, rest) = raw.split_first_chunk_mut::<64>()?;
        let (port, rest) = rest.split_first_chunk_mut::<2>()?;
        let (clientid, rest) = rest.split_first_chunk_mut::<200>()?;
        let (username, rest) = rest.split_first_chunk_mut::<64>()?;
        let (password, _) = rest.split_first_chunk_mut::<65>()?;
        Some(SignOut {
            hostname,
            port,
            clientid,
            username,
            password,
        })
    }

    /// Writes the port.
    pub fn set_port(&mut self, port: u16) {
        *self.port = port.to_ne_bytes();
    }
}

/// True when `region` is one `IOT_Sign_MQTT` accepts (0..=5).
pub fn region_valid(region: i32) -> bool {
    (0..=REGION_CUSTOM).contains(&region)
}

/// A C `char` array being filled with a NUL-terminated string. Its last byte stays for the
/// NUL. Running out of room is remembered rather than returned at every call, which keeps the
/// call sites small; [`CText::check`] reports it once, and wipes the array then, as legacy left
/// a failed field empty. The array must be zeroed before.
pub struct CText<'a> {
    buf: &'a mut [u8],
    len: usize,
    full: bool,
}

impl<'a> CText<'a> {
    /// Fills `buf` from its start.
    pub fn new(buf: &'a mut [u8]) -> Self {
        CText {
            buf,
            len: 0,
            full: false,
        }
    }

    /// Appends `bytes`, or marks the text as too long and appends nothing.
    ///
    /// On firmware a byte loop, not `copy_from_slice`: these texts are a few dozen bytes, and a
    /// firmware that links only `IOT_Sign_MQTT` then needs no `memcpy` (compiler_builtins' is
    /// 0.3 KB). Hosted builds, where flash is no concern, take the libc's `memcpy`, and
    /// inline the call (an out-of-line call per piece is most of the cost of a short text),
    /// unless built with `iotwire_small`.
    #[cfg_attr(any(target_os = "none", iotwire_small), inline(never))]
    pub fn put(&mut self, bytes: &[u8]) {
        let end = self.len.saturating_add(bytes.len());
        let room = self.buf.len().saturating_sub(1);
        match self.buf.get_mut(self.len..end) {
            Some(dst) if end <= room => {
                crate::sink::copy(dst, bytes);
                self.len = end;
            }
            _ => self.full = true,
        }
    }

    /// `Ok` if everything fit; else wipes the array and returns `failure`.
    pub fn check(self, failure: Failure) -> Result<(), Failure> {
        if self.full {
            self.buf.fill(0);
            Err(failure)
        } else {
            Ok(())
        }
    }
}

impl crate::sink::Text for CText<'_> {
    fn put(&mut self, bytes: &[u8]) {
        CText::put(self, bytes);
    }
}

#[cfg(test)]
mod code_tests {
    use super::*;

    /// The codes as the SDKs' headers define them: 3.1/3.2 `infra_state.h` (`STATE_*`),
    /// 3.0.1 `infra_defs.h` (`ERROR_DEV_SIGN_*`), the bundle and 2.x -1.
    #[test]
    fn codes_are_the_sdk_headers_values() {
        use Failure::*;
        let failures = [
            InputInvalid,
            CustomDomainMissing,
            HostnameTooLong,
            UsernameTooLong,
            ClientIdTooLong,
            SourceTooLong,
        ];
        let v3 = [-275, -264, -775, -776, -777, -778];
        let v301 = [-1, -1105, -1100, -1102, -1101, -1104];
        for (f, (a, b)) in failures.into_iter().zip(v3.into_iter().zip(v301)) {
            assert_eq!(legacy_code(LegacySdk::V320, f), a, "{f:?}");
            assert_eq!(legacy_code(LegacySdk::V310, f), a, "{f:?}");
            assert_eq!(legacy_code(LegacySdk::V301, f), b, "{f:?}");
            assert_eq!(legacy_code(LegacySdk::Bundle, f), -1, "{f:?}");
            assert_eq!(legacy_code(LegacySdk::V230, f), -1, "{f:?}");
        }
    }
}
