//! The five public regions of the legacy SDK region table (same numbering as
//! `iotx_mqtt_region_types_t`).

/// A public region of the platform.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Region {
    /// cn-shanghai
    Shanghai,
    /// ap-southeast-1
    Singapore,
    /// ap-northeast-1
    Japan,
    /// us-west-1
    UsaWest,
    /// eu-central-1
    Germany,
}

impl Region {
    /// Region by its legacy enum value (0..=4).
    pub fn from_index(index: u32) -> Option<Region> {
        match index {
            0 => Some(Region::Shanghai),
            1 => Some(Region::Singapore),
            2 => Some(Region::Japan),
            3 => Some(Region::UsaWest),
            4 => Some(Region::Germany),
            _ => None,
        }
    }

    /// The legacy enum value (the inverse of [`Region::from_index`]).
    pub fn index(self) -> usize {
        match self {
            Region::Shanghai => 0,
            Region::Singapore => 1,
            Region::Japan => 2,
            Region::UsaWest => 3,
            Region::Germany => 4,
        }
    }

    /// The region's name in host names, e.g. `cn-shanghai`.
    ///
    /// Cut out of one string rather than chosen from a table of slices: a table of pointers is
    /// five relocations in a position-independent executable (the SDK's Linux programs are
    /// PIE), 32 bytes each on x86-64, where the offsets are one byte each.
    pub fn name(self) -> &'static [u8] {
        const NAMES: &[u8] = b"cn-shanghaiap-southeast-1ap-northeast-1us-west-1eu-central-1";
        const ENDS: [u8; 6] = [0, 11, 25, 39, 48, 60];
        let i = self.index();
        let start = ENDS.get(i).copied().unwrap_or(0);
        let end = ENDS.get(i.wrapping_add(1)).copied().unwrap_or(0);
        NAMES
            .get(usize::from(start)..usize::from(end))
            .unwrap_or_default()
    }

    /// The MQTT domain, to be prefixed with `<ProductKey>.`.
    pub fn mqtt_domain(self) -> &'static [u8] {
        match self {
            Region::Shanghai => b"iot-as-mqtt.cn-shanghai.aliyuncs.com",
            Region::Singapore => b"iot-as-mqtt.ap-southeast-1.aliyuncs.com",
            Region::Japan => b"iot-as-mqtt.ap-northeast-1.aliyuncs.com",
            Region::UsaWest => b"iot-as-mqtt.us-west-1.aliyuncs.com",
            Region::Germany => b"iot-as-mqtt.eu-central-1.aliyuncs.com",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mqtt_domain_is_the_region_name_inside_the_platform_domain() {
        for i in 0..5 {
            let r = Region::from_index(i).unwrap();
            assert_eq!(r.index(), i as usize);
            let mut want = b"iot-as-mqtt.".to_vec();
            want.extend_from_slice(r.name());
            want.extend_from_slice(b".aliyuncs.com");
            assert_eq!(r.mqtt_domain(), want.as_slice(), "{r:?}");
        }
        assert!(Region::from_index(5).is_none());
    }
}
