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

    /// The region's name in host names, e.g. `cn-shanghai`.
    pub fn name(self) -> &'static [u8] {
        match self {
            Region::Shanghai => b"cn-shanghai",
            Region::Singapore => b"ap-southeast-1",
            Region::Japan => b"ap-northeast-1",
            Region::UsaWest => b"us-west-1",
            Region::Germany => b"eu-central-1",
        }
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
            let mut want = b"iot-as-mqtt.".to_vec();
            want.extend_from_slice(r.name());
            want.extend_from_slice(b".aliyuncs.com");
            assert_eq!(r.mqtt_domain(), want.as_slice(), "{r:?}");
        }
        assert!(Region::from_index(5).is_none());
    }
}
