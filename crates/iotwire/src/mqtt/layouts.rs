//! The client-id parameter lists, as [`crate::mqtt::template`] strings: the exact sequence of
//! `k=v` items between the two `|` of an MQTT client id, in the order the documentation or
//! the legacy SDK writes them. Nothing else decides parameter order. Slot bytes: `\x01`
//! securemode, `\x02` signmethod, `\x03` timestamp (optional), `\x04` random, `\x05` authType,
//! `\x06` instanceId (optional), `\x07` the caller's extras (optional).

/// Documented form: `securemode, signmethod, timestamp, extras`.
pub const DOC: &[u8] = b"securemode=\x01,signmethod=\x02,timestamp=\x03,\x07";
/// Documented ID² form (`authtype` spelled as the SDKs send it; the page's `authype` is a typo).
pub const DOC_ID2: &[u8] =
    b"securemode=\x01,signmethod=\x02,timestamp=\x03,authtype=id2,instanceId=\x06,\x07";
/// Documented dynamic registration.
pub const DOC_DYNREG: &[u8] =
    b"securemode=\x01,authType=\x05,random=\x04,signmethod=\x02,instanceId=\x06,\x07";
/// Documented connect with a regnwl device token.
pub const DOC_CONNWL: &[u8] = b"securemode=\x01,authType=connwl,\x07";

/// iotkit-embedded 2.3.0 guider (`MQTT_DIRECT`).
#[cfg(feature = "legacy-profiles")]
pub const V230: &[u8] = b"securemode=\x01,_v=sdk-c-2.3.0,timestamp=2524608000000,\
signmethod=hmacsha1,lan=C,gw=0,ext=0,\x07";
/// iotkit-embedded 2.3.0 with `SUPPORT_ITLS`.
#[cfg(feature = "legacy-profiles")]
pub const V230_ITLS: &[u8] = b"securemode=\x01,_v=sdk-c-2.3.0,timestamp=2524608000000,\
signmethod=hmacsha1,lan=C,gw=0,ext=0,authtype=id2,\x07";
/// LinkSDK 4.1.0 `core_auth.c`; the SDK's runtime `_conn=...` item goes in the extras.
#[cfg(feature = "legacy-profiles")]
pub const LINKSDK41: &[u8] = b"timestamp=2524608000000,_ss=1,_v=sdk-c-4.1.0,securemode=\x01,\
signmethod=hmacsha256,ext=3,\x07";
/// iotkit-embedded 3.2.0 MQTT dynamic registration.
#[cfg(feature = "legacy-profiles")]
pub const V320_DYNREG: &[u8] =
    b"authType=register,random=\x04,signmethod=hmacsha256,securemode=\x01,\x07";
/// LinkSDK 4.2.0 dynreg-mqtt.
#[cfg(feature = "legacy-profiles")]
pub const LINKSDK42_DYNREG: &[u8] =
    b"random=\x04,authType=\x05,securemode=\x01,signmethod=hmacsha256,instanceId=\x06,\x07";
/// LinkSDK 4.2.0 connect with a regnwl device token.
#[cfg(feature = "legacy-profiles")]
pub const LINKSDK42_CONNWL: &[u8] =
    b"authType=connwl,securemode=\x01,_ss=1,ext=3,_v=sdk-c-4.2.0,\x07";

#[cfg(test)]
mod tests {
    /// `template::render` takes at most one slot per item, at its end.
    #[test]
    fn one_slot_per_item_at_its_end() {
        let mut all = vec![
            super::DOC,
            super::DOC_ID2,
            super::DOC_DYNREG,
            super::DOC_CONNWL,
        ];
        #[cfg(feature = "legacy-profiles")]
        all.extend([
            super::V230,
            super::V230_ITLS,
            super::LINKSDK41,
            super::V320_DYNREG,
            super::LINKSDK42_DYNREG,
            super::LINKSDK42_CONNWL,
        ]);
        for layout in all {
            for item in layout.split(|&c| c == b',') {
                let slots = item.iter().filter(|&&c| c < 0x20).count();
                assert!(slots <= 1, "{item:?}");
                if slots == 1 {
                    assert!(*item.last().unwrap() < 0x20, "{item:?}");
                }
            }
        }
    }
}
