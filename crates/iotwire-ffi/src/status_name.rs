//! The names `iotwire_status_str` returns, as one byte string built at compile time.
//!
//! Why not a `match` returning string literals: LLVM turns it into a 404-byte table of
//! pointers (one per number from 0 to -100) next to the strings, and puts the strings into
//! the mergeable-string section, where any zero-ended constant elsewhere in the library
//! could pull all of them into an image that never names a status. Here the names are one
//! array in a section of its own, in slot order, each ended by its NUL, and a lookup counts
//! NULs up to its slot: no table beside the text.
//!
//! Each name is its constant's identifier (`stringify!`), so the text cannot drift from the
//! constant; `tests/status_names.rs` and the C contract tests pin the texts too.

use crate::status::*;

/// Every named status, in any order. The name of each is the identifier of its constant.
macro_rules! named {
    ($($status:ident),* $(,)?) => {
        const NAMED: &[(iotwire_status_t, &str)] = &[$(($status, stringify!($status))),*];
    };
}

named![
    IOTWIRE_OK,
    IOTWIRE_ERR_NULL_POINTER,
    IOTWIRE_ERR_INVALID_ARGUMENT,
    IOTWIRE_ERR_BUFFER_TOO_SMALL,
    IOTWIRE_ERR_UNSUPPORTED,
    IOTWIRE_ERR_OVERLAP,
    IOTWIRE_ERR_INVALID_SELECTOR,
    IOTWIRE_ERR_INVALID_STRUCT_SIZE,
    IOTWIRE_ERR_INVALID_PRODUCT_KEY,
    IOTWIRE_ERR_INVALID_DEVICE_NAME,
    IOTWIRE_ERR_INVALID_CLIENT_ID,
    IOTWIRE_ERR_INVALID_KEEPALIVE,
    IOTWIRE_ERR_INVALID_SECURE_MODE,
    IOTWIRE_ERR_INSECURE_MODE_NOT_ALLOWED,
    IOTWIRE_ERR_MISSING_FIELD,
    IOTWIRE_ERR_INVALID_HOST,
    IOTWIRE_ERR_INVALID_TIMESTAMP,
    IOTWIRE_ERR_INVALID_EXTRA_PARAMS,
    IOTWIRE_ERR_INVALID_MAC_LENGTH,
    IOTWIRE_ERR_OVERFLOW,
    IOTWIRE_ERR_INVALID_JSON,
    IOTWIRE_ERR_COAP_MALFORMED,
    IOTWIRE_ERR_COAP_DATAGRAM_TOO_LARGE,
    IOTWIRE_ERR_COAP_BAD_PADDING,
    IOTWIRE_ERR_COAP_NOT_AUTHENTICATED,
    IOTWIRE_ERR_COAP_BAD_REQUEST,
    IOTWIRE_ERR_COAP_UNAUTHORIZED,
    IOTWIRE_ERR_COAP_FORBIDDEN,
    IOTWIRE_ERR_COAP_NOT_FOUND,
    IOTWIRE_ERR_COAP_METHOD_NOT_ALLOWED,
    IOTWIRE_ERR_COAP_NOT_ACCEPTABLE,
    IOTWIRE_ERR_COAP_UNSUPPORTED_CONTENT_FORMAT,
    IOTWIRE_ERR_COAP_SERVER_ERROR,
    IOTWIRE_ERR_COAP_UNEXPECTED_CODE,
    IOTWIRE_ERR_COAP_INVALID_SESSION,
    IOTWIRE_ERR_INVALID_CBOR,
    IOTWIRE_ERR_COAP_EMPTY_ACK,
    IOTWIRE_ERR_INVALID_DEVICE_KEY,
    IOTWIRE_ERR_INVALID_LIFETIME,
    IOTWIRE_ERR_ENOS_ACTIVATION_REFUSED,
    IOTWIRE_ERR_ENOS_INVALID_REPLY_FIELD,
    IOTWIRE_ERR_ENOS_DEVICE_MISMATCH,
    IOTWIRE_ERR_HTTP_COMMON_ERROR,
    IOTWIRE_ERR_HTTP_PARAM_ERROR,
    IOTWIRE_ERR_HTTP_AUTH_CHECK_ERROR,
    IOTWIRE_ERR_HTTP_TOKEN_EXPIRED,
    IOTWIRE_ERR_HTTP_TOKEN_NULL,
    IOTWIRE_ERR_HTTP_TOKEN_CHECK_ERROR,
    IOTWIRE_ERR_HTTP_UPDATE_SESSION_ERROR,
    IOTWIRE_ERR_HTTP_PUBLISH_ERROR,
    IOTWIRE_ERR_HTTP_TOO_MANY_REQUESTS,
    IOTWIRE_ERR_HTTP_UNKNOWN_CODE,
    IOTWIRE_ERR_HTTP_PAYLOAD_TOO_LARGE,
    IOTWIRE_ERR_HTTP_INVALID_TOPIC,
    IOTWIRE_ERR_REPLY_FIELD_INVALID,
    IOTWIRE_ERR_DYNREG_REJECTED,
    IOTWIRE_ERR_MQTT_NEED_MORE_DATA,
    IOTWIRE_ERR_MQTT_MALFORMED,
    IOTWIRE_ERR_MQTT_UNEXPECTED_PACKET,
    IOTWIRE_ERR_MQTT_QOS_UNSUPPORTED,
    IOTWIRE_ERR_MQTT_RETAIN_UNSUPPORTED,
    IOTWIRE_ERR_MQTT_INVALID_PACKET_ID,
    IOTWIRE_ERR_MQTT_PACKET_TOO_LARGE,
    IOTWIRE_ERR_MQTT_REFUSED_PROTOCOL_VERSION,
    IOTWIRE_ERR_MQTT_REFUSED_IDENTIFIER,
    IOTWIRE_ERR_MQTT_REFUSED_SERVER_UNAVAILABLE,
    IOTWIRE_ERR_MQTT_REFUSED_BAD_CREDENTIALS,
    IOTWIRE_ERR_MQTT_REFUSED_NOT_AUTHORIZED,
    IOTWIRE_ERR_MQTT_DYNREG_INVALID_PARAMS,
    IOTWIRE_ERR_MQTT_DYNREG_AUTH_FAILED,
    IOTWIRE_ERR_INVALID_TOPIC,
    IOTWIRE_ERR_HTTP_MALFORMED_REQUEST,
    IOTWIRE_ERR_INTERNAL,
];

/// What any other number is called.
const UNKNOWN: &str = "IOTWIRE_ERR_UNKNOWN";

/// The statuses are 0 down to -80, with gaps, and -100: slots 0..=80 are 0..=-80 (a gap's
/// slot holds an empty name), slot 81 is -100.
const SLOTS: usize = 82;
/// The lowest status of the consecutive run.
const LOWEST: iotwire_status_t = -80;

/// The slot of `status`, `None` when it has none (then it is unknown).
const fn slot(status: iotwire_status_t) -> Option<usize> {
    if status == IOTWIRE_ERR_INTERNAL {
        Some(SLOTS - 1)
    } else if status <= 0 && status >= LOWEST {
        Some(status.unsigned_abs() as usize)
    } else {
        None
    }
}

/// The name in slot `k`: empty where no status has that number.
const fn name_in(k: usize) -> &'static str {
    let mut i = 0;
    let mut found = "";
    while i < NAMED.len() {
        let (status, name) = NAMED[i];
        match slot(status) {
            Some(s) if s == k => {
                assert!(found.is_empty(), "two statuses in one slot");
                found = name;
            }
            Some(_) => {}
            None => panic!("a status outside the slots"),
        }
        i += 1;
    }
    found
}

/// Bytes of [`NAMES`]: each name and its NUL.
const LEN: usize = {
    let mut n = UNKNOWN.len() + 1;
    let mut k = 0;
    while k < SLOTS {
        n += name_in(k).len() + 1;
        k += 1;
    }
    n
};

/// `UNKNOWN`, then the name of each slot in order, each followed by a NUL.
const fn build() -> [u8; LEN] {
    let mut out = [0u8; LEN];
    let mut at = 0;
    let mut k = 0;
    // Slot "-1" is UNKNOWN, so that it is found at offset 0.
    let mut name = UNKNOWN.as_bytes();
    loop {
        let mut i = 0;
        while i < name.len() {
            out[at] = name[i];
            at += 1;
            i += 1;
        }
        at += 1; // the NUL, already there
        if k == SLOTS {
            break;
        }
        name = name_in(k).as_bytes();
        k += 1;
    }
    assert!(at == LEN);
    out
}

/// Every status name, NUL-ended, in slot order after `UNKNOWN` (see [`build`]).
static NAMES: [u8; LEN] = build();

/// The name of `status` and everything after it in [`NAMES`]: a NUL-ended C string.
/// Counts NULs up to the status's slot (at most 82 names, about 2.3 KB): a name lookup is for
/// a log line, and a table of offsets would cost more flash than the scan.
pub fn of(status: iotwire_status_t) -> &'static [u8] {
    if let Some(k) = slot(status) {
        // NULs to pass: UNKNOWN's and one per slot before `k`.
        let mut left = k + 1;
        let mut names = NAMES.as_slice();
        while let Some((&b, rest)) = names.split_first() {
            names = rest;
            if b == 0 {
                left -= 1;
                if left == 0 {
                    break;
                }
            }
        }
        // An empty slot starts with its NUL: no status has that number.
        if names.first().is_some_and(|&b| b != 0) {
            return names;
        }
    }
    &NAMES
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The C string `of` points at.
    fn text(status: iotwire_status_t) -> &'static [u8] {
        core::ffi::CStr::from_bytes_until_nul(of(status))
            .unwrap()
            .to_bytes()
    }

    #[test]
    fn every_named_status_reads_back_its_name_and_others_are_unknown() {
        for &(status, name) in NAMED {
            assert_eq!(text(status), name.as_bytes());
        }
        for status in [-37, -44, -64, -81, -99, -101, 1, i32::MIN, i32::MAX] {
            assert_eq!(text(status), b"IOTWIRE_ERR_UNKNOWN");
        }
    }

    #[test]
    fn every_status_number_has_a_distinct_name() {
        let all = [
            0, -1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12, -13, -14, -15, -16, -17, -18,
            -19, -20, -21, -22, -23, -24, -25, -26, -27, -28, -29, -30, -31, -32, -33, -34, -35,
            -36, -45, -46, -47, -48, -49, -50, -51, -52, -53, -54, -55, -56, -57, -58, -59, -60,
            -61, -62, -63, -65, -66, -67, -68, -69, -70, -71, -72, -73, -74, -75, -76, -77, -78,
            -79, -80, -100,
        ];
        let mut names: std::vec::Vec<&[u8]> = all.iter().map(|&s| text(s)).collect();
        assert!(names.iter().all(|n| *n != b"IOTWIRE_ERR_UNKNOWN"));
        names.sort();
        names.dedup();
        assert_eq!(names.len(), all.len());
        assert_eq!(NAMED.len(), all.len());
    }
}
