//! The documented connect modes (seeds: MQTT-TCP, WebSocket, X.509, ID², 一型一密, connwl,
//! TLS-PSK) and the validation of what the platform rejects, through the C ABI.
// Tests call the C ABI exactly as C does; the calls' contracts are met by construction.
#![allow(clippy::undocumented_unsafe_blocks)]

mod common;

use common::*;
use iotwire_ffi::legacy_sdk::*;
use iotwire_ffi::mqtt::*;

fn device() -> iotwire_mqtt_options_t {
    let mut o = options();
    o.product_key = s("a1X2bEnP82z");
    o.device_name = s("example1");
    o.device_secret = s("ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD");
    o
}

#[test]
fn documented_defaults() {
    let o = device();
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o).unwrap(),
        "a1X2bEnP82z.example1|securemode=2,signmethod=hmacsha256|"
    );
    assert_eq!(
        text(iotwire_mqtt_get_username, &o).unwrap(),
        "example1&a1X2bEnP82z"
    );
    assert_eq!(
        text(iotwire_mqtt_get_host, &o).unwrap(),
        "a1X2bEnP82z.iot-as-mqtt.cn-shanghai.aliyuncs.com"
    );
    assert_eq!(port(&o), 1883);
    assert_eq!(
        text(iotwire_mqtt_get_sign_content, &o).unwrap(),
        "clientIda1X2bEnP82z.example1deviceNameexample1productKeya1X2bEnP82z"
    );
    // Same content and key as the v3.2.0 vectors without the timestamp: a different MAC.
    let pwd = text(iotwire_mqtt_get_password, &o).unwrap();
    assert_eq!(pwd.len(), 64);
    assert!(
        pwd.bytes()
            .all(|c| c.is_ascii_digit() || (b'A'..=b'F').contains(&c))
    );
}

#[test]
fn every_region_and_instance_host() {
    let expected = [
        (IOTWIRE_REGION_SHANGHAI, "cn-shanghai"),
        (IOTWIRE_REGION_SINGAPORE, "ap-southeast-1"),
        (IOTWIRE_REGION_JAPAN, "ap-northeast-1"),
        (IOTWIRE_REGION_USA_WEST, "us-west-1"),
        (IOTWIRE_REGION_GERMANY, "eu-central-1"),
    ];
    for (region, id) in expected {
        let mut o = device();
        o.region = region;
        assert_eq!(
            text(iotwire_mqtt_get_host, &o).unwrap(),
            format!("a1X2bEnP82z.iot-as-mqtt.{id}.aliyuncs.com")
        );
    }
    let mut o = device();
    o.region = IOTWIRE_REGION_CUSTOM;
    o.host = s("iot-06z00abc.mqtt.iothub.aliyuncs.com");
    assert_eq!(
        text(iotwire_mqtt_get_host, &o).unwrap(),
        "iot-06z00abc.mqtt.iothub.aliyuncs.com"
    );
    o.host = s("bad host");
    assert_eq!(
        text(iotwire_mqtt_get_host, &o),
        Err("IOTWIRE_ERR_INVALID_HOST")
    );
    o.host = s("");
    assert_eq!(
        text(iotwire_mqtt_get_host, &o),
        Err("IOTWIRE_ERR_MISSING_FIELD")
    );
    let mut o = device();
    o.region = 6;
    assert_eq!(
        text(iotwire_mqtt_get_host, &o),
        Err("IOTWIRE_ERR_INVALID_SELECTOR")
    );
}

#[test]
fn timestamp_and_extras_follow_the_documented_order() {
    let mut o = device();
    o.timestamp = s("1524448722000");
    o.extra_params = s("a=1,b=2");
    o.sign_method = IOTWIRE_SIGN_METHOD_HMACMD5;
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o).unwrap(),
        "a1X2bEnP82z.example1|securemode=2,signmethod=hmacmd5,timestamp=1524448722000,a=1,b=2|"
    );
    assert!(
        text(iotwire_mqtt_get_sign_content, &o)
            .unwrap()
            .ends_with("timestamp1524448722000")
    );
    assert_eq!(text(iotwire_mqtt_get_password, &o).unwrap().len(), 32);
    o.timestamp = s("12x");
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o),
        Err("IOTWIRE_ERR_INVALID_TIMESTAMP")
    );
}

#[test]
fn websocket_urls() {
    let mut o = device();
    assert_eq!(
        text(iotwire_mqtt_get_websocket_url, &o).unwrap(),
        "wss://a1X2bEnP82z.iot-as-mqtt.cn-shanghai.aliyuncs.com:443"
    );
    o.secure_mode = 3;
    assert_eq!(
        text(iotwire_mqtt_get_websocket_url, &o),
        Err("IOTWIRE_ERR_INSECURE_MODE_NOT_ALLOWED")
    );
    o.flags = IOTWIRE_MQTT_FLAG_ALLOW_PLAINTEXT;
    assert_eq!(
        text(iotwire_mqtt_get_websocket_url, &o).unwrap(),
        "ws://a1X2bEnP82z.iot-as-mqtt.cn-shanghai.aliyuncs.com:443"
    );
    o.secure_mode = 5;
    assert_eq!(
        text(iotwire_mqtt_get_websocket_url, &o),
        Err("IOTWIRE_ERR_INVALID_SECURE_MODE")
    );
}

#[test]
fn x509_first_connect_and_reconnect() {
    let mut o = options();
    o.mode = IOTWIRE_MQTT_MODE_X509;
    o.client_id = s("SN0001");
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o).unwrap(),
        "SN0001|securemode=2,signmethod=hmacsha256|"
    );
    assert_eq!(text(iotwire_mqtt_get_password, &o).unwrap(), "");
    assert_eq!(text(iotwire_mqtt_get_sign_content, &o).unwrap(), "");
    assert_eq!(
        text(iotwire_mqtt_get_host, &o).unwrap(),
        "x509.itls.cn-shanghai.aliyuncs.com"
    );
    assert_eq!(port(&o), 1883);
    // Reconnect with the pushed identity.
    let mut r = device();
    r.mode = IOTWIRE_MQTT_MODE_X509;
    r.device_secret = s("");
    assert_eq!(
        text(iotwire_mqtt_get_username, &r).unwrap(),
        "example1&a1X2bEnP82z"
    );
    r.secure_mode = 3;
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &r),
        Err("IOTWIRE_ERR_INVALID_SECURE_MODE")
    );
    // No identity and no client id: nothing to connect with.
    let mut n = options();
    n.mode = IOTWIRE_MQTT_MODE_X509;
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &n),
        Err("IOTWIRE_ERR_MISSING_FIELD")
    );
    n.region = IOTWIRE_REGION_JAPAN;
    n.client_id = s("SN0001");
    assert_eq!(
        text(iotwire_mqtt_get_host, &n),
        Err("IOTWIRE_ERR_INVALID_SELECTOR")
    );
}

#[test]
fn id2_with_instance() {
    let mut o = device();
    o.mode = IOTWIRE_MQTT_MODE_ID2;
    o.sign_method = IOTWIRE_SIGN_METHOD_HMACSHA1;
    o.timestamp = s("2524608000000");
    o.instance_id = s("iot-cn-abc123");
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o).unwrap(),
        "a1X2bEnP82z.example1|securemode=8,signmethod=hmacsha1,timestamp=2524608000000,authtype=id2,instanceId=iot-cn-abc123|"
    );
    assert_eq!(
        text(iotwire_mqtt_get_host, &o).unwrap(),
        "a1X2bEnP82z.its.cn-shanghai.aliyuncs.com"
    );
    assert_eq!(port(&o), 1883);
    assert_eq!(text(iotwire_mqtt_get_password, &o).unwrap().len(), 40);
}

#[test]
fn dynamic_registration_documented() {
    let mut o = device();
    o.mode = IOTWIRE_MQTT_MODE_REGISTER;
    o.device_secret = s("");
    o.product_secret = s("h1nQFYPZ50mW0000");
    o.random = s("123");
    o.sign_method = IOTWIRE_SIGN_METHOD_HMACSHA1;
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o).unwrap(),
        "a1X2bEnP82z.example1|securemode=2,authType=register,random=123,signmethod=hmacsha1|"
    );
    assert_eq!(
        text(iotwire_mqtt_get_sign_content, &o).unwrap(),
        "deviceNameexample1productKeya1X2bEnP82zrandom123"
    );
    o.mode = IOTWIRE_MQTT_MODE_REGNWL;
    o.instance_id = s("iot-cn-abc123");
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o).unwrap(),
        "a1X2bEnP82z.example1|securemode=-2,authType=regnwl,random=123,signmethod=hmacsha1,instanceId=iot-cn-abc123|"
    );
    // The random is the caller's, never a built-in constant.
    o.random = s("");
    assert_eq!(
        text(iotwire_mqtt_get_password, &o),
        Err("IOTWIRE_ERR_MISSING_FIELD")
    );
    o.random = s("123");
    o.product_secret = s("");
    assert_eq!(
        text(iotwire_mqtt_get_password, &o),
        Err("IOTWIRE_ERR_MISSING_FIELD")
    );
    o.product_secret = s("h1nQFYPZ50mW0000");
    o.secure_mode = 3;
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o),
        Err("IOTWIRE_ERR_INVALID_SECURE_MODE")
    );
    // The cloud does not check keepalive on a registration connect.
    o.secure_mode = 0;
    o.keepalive_s = 5;
    assert!(text(iotwire_mqtt_get_client_id, &o).is_ok());
}

#[test]
fn linksdk42_dynreg_and_connwl() {
    let mut o = device();
    o.mode = IOTWIRE_MQTT_MODE_REGNWL;
    o.legacy_sdk = IOTWIRE_LEGACY_SDK_LINKSDK_4_2_0;
    o.product_secret = s("ps");
    o.random = s("4026531840");
    o.instance_id = s("iot-1");
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o).unwrap(),
        "example1.a1X2bEnP82z|random=4026531840,authType=regnwl,securemode=2,signmethod=hmacsha256,instanceId=iot-1|"
    );
    let mut c = device();
    c.mode = IOTWIRE_MQTT_MODE_CONNWL;
    c.legacy_sdk = IOTWIRE_LEGACY_SDK_LINKSDK_4_2_0;
    c.client_id = s("cid-from-regnwl");
    c.device_token = s("tok123");
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &c).unwrap(),
        "cid-from-regnwl|authType=connwl,securemode=-2,_ss=1,ext=3,_v=sdk-c-4.2.0|"
    );
    assert_eq!(text(iotwire_mqtt_get_password, &c).unwrap(), "tok123");
}

#[test]
fn connwl_documented() {
    let mut o = device();
    o.mode = IOTWIRE_MQTT_MODE_CONNWL;
    o.device_secret = s("");
    o.client_id = s("cid-from-regnwl");
    o.device_token = s("tok123");
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o).unwrap(),
        "cid-from-regnwl|securemode=-2,authType=connwl|"
    );
    assert_eq!(
        text(iotwire_mqtt_get_username, &o).unwrap(),
        "example1&a1X2bEnP82z"
    );
    assert_eq!(text(iotwire_mqtt_get_password, &o).unwrap(), "tok123");
    o.device_token = s("");
    assert_eq!(
        text(iotwire_mqtt_get_password, &o),
        Err("IOTWIRE_ERR_MISSING_FIELD")
    );
}

#[test]
fn platform_rejections() {
    let mut o = device();
    o.device_name = s("abc");
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o),
        Err("IOTWIRE_ERR_INVALID_DEVICE_NAME")
    );
    o.flags = IOTWIRE_MQTT_FLAG_LAX_NAMES;
    assert!(text(iotwire_mqtt_get_client_id, &o).is_ok());
    let long_dn = "d".repeat(33);
    o.device_name = s(&long_dn);
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o),
        Err("IOTWIRE_ERR_INVALID_DEVICE_NAME")
    );
    let mut o = device();
    o.device_name = s("has space");
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o),
        Err("IOTWIRE_ERR_INVALID_DEVICE_NAME")
    );
    let mut o = device();
    let cid = "c".repeat(65);
    o.client_id = s(&cid);
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o),
        Err("IOTWIRE_ERR_INVALID_CLIENT_ID")
    );
    let cid = "c".repeat(64);
    o.client_id = s(&cid);
    assert!(text(iotwire_mqtt_get_client_id, &o).is_ok());
    o.client_id = s("a|b");
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o),
        Err("IOTWIRE_ERR_INVALID_CLIENT_ID")
    );
    let mut o = device();
    o.keepalive_s = 29;
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o),
        Err("IOTWIRE_ERR_INVALID_KEEPALIVE")
    );
    o.keepalive_s = 1201;
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o),
        Err("IOTWIRE_ERR_INVALID_KEEPALIVE")
    );
    assert_eq!(iotwire_mqtt_check_keepalive(1200), 0);
    let mut o = device();
    o.device_secret = s("");
    assert_eq!(
        text(iotwire_mqtt_get_password, &o),
        Err("IOTWIRE_ERR_MISSING_FIELD")
    );
    let mut o = device();
    o.product_key = s("a1X2-bEnP82z");
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o),
        Err("IOTWIRE_ERR_INVALID_PRODUCT_KEY")
    );
}

#[test]
fn legacy_profiles_refuse_what_they_never_sent() {
    let mut o = device();
    o.legacy_sdk = IOTWIRE_LEGACY_SDK_V3_2_0;
    o.sign_method = IOTWIRE_SIGN_METHOD_HMACSHA1;
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o),
        Err("IOTWIRE_ERR_INVALID_ARGUMENT")
    );
    o.sign_method = 0;
    o.client_id = s("custom");
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o),
        Err("IOTWIRE_ERR_INVALID_ARGUMENT")
    );
    o.client_id = s("");
    o.legacy_build = 0x10;
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o),
        Err("IOTWIRE_ERR_INVALID_SELECTOR")
    );
    o.legacy_build = 0;
    o.mode = IOTWIRE_MQTT_MODE_X509;
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o),
        Err("IOTWIRE_ERR_INVALID_SELECTOR")
    );
}

#[test]
fn two_step_matches_one_shot() {
    for method in [
        IOTWIRE_SIGN_METHOD_HMACMD5,
        IOTWIRE_SIGN_METHOD_HMACSHA1,
        IOTWIRE_SIGN_METHOD_HMACSHA256,
    ] {
        let mut o = device();
        o.sign_method = method;
        let one_shot = text(iotwire_mqtt_get_password, &o).unwrap();
        let content = text(iotwire_mqtt_get_sign_content, &o).unwrap();
        let m = match method {
            IOTWIRE_SIGN_METHOD_HMACMD5 => iotwire::mac::SignMethod::HmacMd5,
            IOTWIRE_SIGN_METHOD_HMACSHA1 => iotwire::mac::SignMethod::HmacSha1,
            _ => iotwire::mac::SignMethod::HmacSha256,
        };
        let mac = iotwire::mac::mac(
            m,
            b"ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD",
            &[content.as_bytes()],
        )
        .unwrap();
        // Step 2 needs no secret.
        let mut no_secret = o;
        no_secret.device_secret = s("");
        let mut buf = [0u8; 65];
        let mut len = 0usize;
        let rc = unsafe {
            iotwire_mqtt_get_password_from_mac(
                &no_secret,
                mac.as_bytes().as_ptr(),
                mac.as_bytes().len(),
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut len,
            )
        };
        assert_eq!(rc, 0);
        assert_eq!(std::str::from_utf8(&buf[..len]).unwrap(), one_shot);
        let rc = unsafe {
            iotwire_mqtt_get_password_from_mac(
                &no_secret,
                mac.as_bytes().as_ptr(),
                mac.as_bytes().len() - 1,
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut len,
            )
        };
        assert_eq!(status_name(rc), "IOTWIRE_ERR_INVALID_MAC_LENGTH");
    }
}

#[test]
fn endpoint_needs_only_the_product_key() {
    let mut o = options();
    o.product_key = s("a1X2bEnP82z");
    assert_eq!(
        text(iotwire_mqtt_get_websocket_url, &o).unwrap(),
        "wss://a1X2bEnP82z.iot-as-mqtt.cn-shanghai.aliyuncs.com:443"
    );
    assert_eq!(
        text(iotwire_mqtt_get_host, &o).unwrap(),
        "a1X2bEnP82z.iot-as-mqtt.cn-shanghai.aliyuncs.com"
    );
    assert_eq!(port(&o), 1883);
    // Credentials still need the whole identity.
    assert_eq!(
        text(iotwire_mqtt_get_client_id, &o),
        Err("IOTWIRE_ERR_INVALID_DEVICE_NAME")
    );
    assert_eq!(
        text(iotwire_mqtt_get_password, &o),
        Err("IOTWIRE_ERR_INVALID_DEVICE_NAME")
    );
    let e = options();
    assert_eq!(
        text(iotwire_mqtt_get_host, &e),
        Err("IOTWIRE_ERR_INVALID_PRODUCT_KEY")
    );
    // A malformed DeviceName is refused even where it is not used.
    o.device_name = s("x y");
    assert_eq!(
        text(iotwire_mqtt_get_host, &o),
        Err("IOTWIRE_ERR_INVALID_DEVICE_NAME")
    );
}

/// The `*_MAX_SIZE` constants hold the longest output any valid input produces.
#[test]
fn max_size_constants_hold_the_worst_case() {
    let pk = "P".repeat(20);
    let dn = "d".repeat(32);
    let cid = "c".repeat(64);
    let secret = "s".repeat(256);
    let random = "r".repeat(64);
    let inst = "i".repeat(64);
    let extra = format!("k={}", "v".repeat(126));
    let token = "t".repeat(256);
    let host = format!("{}.example", "h".repeat(245));
    let ts = "9".repeat(20);
    let check = |o: &iotwire_mqtt_options_t| {
        for (f, max) in [
            (
                iotwire_mqtt_get_client_id as TextFn,
                IOTWIRE_MQTT_CLIENT_ID_MAX_SIZE,
            ),
            (iotwire_mqtt_get_username, IOTWIRE_MQTT_USERNAME_MAX_SIZE),
            (iotwire_mqtt_get_password, IOTWIRE_MQTT_PASSWORD_MAX_SIZE),
            (
                iotwire_mqtt_get_sign_content,
                IOTWIRE_MQTT_SIGN_CONTENT_MAX_SIZE,
            ),
            (iotwire_mqtt_get_host, IOTWIRE_MQTT_HOST_MAX_SIZE),
            (iotwire_mqtt_get_websocket_url, IOTWIRE_MQTT_HOST_MAX_SIZE),
            (
                iotwire_mqtt_get_tls_psk_identity,
                IOTWIRE_MQTT_TLS_PSK_IDENTITY_MAX_SIZE,
            ),
            (iotwire_mqtt_get_tls_psk, IOTWIRE_MQTT_TLS_PSK_MAX_SIZE),
        ] {
            if let Ok(t) = text(f, o) {
                assert!(t.len() < max, "{} bytes >= {max}", t.len());
            }
        }
    };
    for mode in [
        IOTWIRE_MQTT_MODE_DEVICE_SECRET,
        IOTWIRE_MQTT_MODE_X509,
        IOTWIRE_MQTT_MODE_ID2,
        IOTWIRE_MQTT_MODE_REGISTER,
        IOTWIRE_MQTT_MODE_REGNWL,
        IOTWIRE_MQTT_MODE_CONNWL,
    ] {
        for custom_host in [false, true] {
            let mut o = options();
            o.mode = mode;
            o.product_key = s(&pk);
            o.device_name = s(&dn);
            o.device_secret = s(&secret);
            o.product_secret = s(&secret);
            o.client_id = s(&cid);
            o.extra_params = s(&extra);
            o.sign_method = IOTWIRE_SIGN_METHOD_HMACSHA256;
            if matches!(mode, IOTWIRE_MQTT_MODE_REGISTER | IOTWIRE_MQTT_MODE_REGNWL) {
                o.random = s(&random);
            }
            if matches!(
                mode,
                IOTWIRE_MQTT_MODE_ID2 | IOTWIRE_MQTT_MODE_REGISTER | IOTWIRE_MQTT_MODE_REGNWL
            ) {
                o.instance_id = s(&inst);
            }
            if matches!(
                mode,
                IOTWIRE_MQTT_MODE_DEVICE_SECRET | IOTWIRE_MQTT_MODE_X509 | IOTWIRE_MQTT_MODE_ID2
            ) {
                o.timestamp = s(&ts);
            }
            if mode == IOTWIRE_MQTT_MODE_CONNWL {
                o.device_token = s(&token);
            }
            if custom_host {
                o.region = IOTWIRE_REGION_CUSTOM;
                o.host = s(&host);
            }
            assert!(text(iotwire_mqtt_get_client_id, &o).is_ok(), "mode {mode}");
            check(&o);
        }
    }
}
