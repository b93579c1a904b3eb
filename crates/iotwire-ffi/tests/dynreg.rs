//! Dynamic registration through the C ABI: the HTTPS request (vectors dynreg_https, v3.2.0
//! wire order of iotkit-embedded's `iotx_http_api.c` and `dynreg.c`) and every reply parser (`/ext/register`
//! from the dynreg_mqtt vectors, `/ext/regnwl` and the identity response from the documented
//! payload formats, the HTTPS reply from dynreg_https).
#![allow(clippy::undocumented_unsafe_blocks)]

mod common;

use common::{s, vectors};
use iotwire_ffi::dynreg::*;
use iotwire_ffi::http::*;
use iotwire_ffi::selectors::*;
use iotwire_ffi::status::*;

fn options() -> iotwire_dynreg_https_options_t {
    let mut o = std::mem::MaybeUninit::<iotwire_dynreg_https_options_t>::uninit();
    assert_eq!(
        unsafe { iotwire_dynreg_https_options_init(o.as_mut_ptr()) },
        IOTWIRE_OK
    );
    unsafe { o.assume_init() }
}

fn part(o: &iotwire_dynreg_https_options_t, part: u32) -> Result<String, i32> {
    let mut need = 0usize;
    let rc = unsafe { iotwire_dynreg_https_get(o, part, std::ptr::null_mut(), 0, &mut need) };
    if rc != IOTWIRE_OK {
        return Err(rc);
    }
    let mut buf = vec![0xA5u8; need];
    let mut len = 0usize;
    let rc = unsafe { iotwire_dynreg_https_get(o, part, buf.as_mut_ptr().cast(), need, &mut len) };
    assert_eq!(rc, IOTWIRE_OK);
    assert_eq!(buf[len], 0);
    Ok(String::from_utf8(buf[..len].to_vec()).unwrap())
}

fn reply(kind: u32, payload: &str, field: u32) -> Result<String, i32> {
    let mut buf = vec![0xA5u8; IOTWIRE_REPLY_FIELD_MAX_SIZE];
    let mut len = usize::MAX;
    let rc = unsafe {
        iotwire_register_reply_get(
            kind,
            payload.as_ptr(),
            payload.len(),
            field,
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut len,
        )
    };
    if rc != IOTWIRE_OK {
        assert_eq!(len, usize::MAX, "out_len written on failure");
        assert!(buf.iter().all(|&b| b == 0xA5), "out written on failure");
        return Err(rc);
    }
    Ok(String::from_utf8(buf[..len].to_vec()).unwrap())
}

const REGIONS: [&str; 5] = [
    "cn-shanghai",
    "ap-southeast-1",
    "ap-northeast-1",
    "us-west-1",
    "eu-central-1",
];

#[test]
fn https_v320_vectors() {
    for v in vectors("dynreg_https") {
        let (i, e) = (&v["inputs"], &v["expected"]);
        let id = v["id"].as_str().unwrap();
        let mut o = options();
        o.profile = IOTWIRE_HTTP_PROFILE_V3_2_0;
        o.region = i["region"].as_u64().unwrap() as u32;
        o.product_key = s(i["product_key"].as_str().unwrap());
        o.device_name = s(i["device_name"].as_str().unwrap());
        o.product_secret = s(i["product_secret"].as_str().unwrap());
        o.random = s(e["random"].as_str().unwrap());
        let r = &e["request"];
        let body = r["body"].as_str().unwrap();
        assert_eq!(part(&o, IOTWIRE_HTTP_PART_SIGN).unwrap(), e["sign"], "{id}");
        assert_eq!(
            part(&o, IOTWIRE_HTTP_PART_SIGN_CONTENT).unwrap(),
            e["sign_content"],
            "{id}"
        );
        assert_eq!(part(&o, IOTWIRE_HTTP_PART_BODY).unwrap(), body, "{id}");
        // The url names the host and path; v3.2.0 wrote Host, its header, Content-Length.
        let url = r["url"].as_str().unwrap();
        let rest = url.strip_prefix("http://").unwrap();
        let (host, path) = rest.split_at(rest.find('/').unwrap());
        assert_eq!(
            host,
            format!("iot-auth.{}.aliyuncs.com", REGIONS[o.region as usize])
        );
        let want = format!(
            "POST {path} HTTP/1.1\r\nHost: {host}\r\n{}Content-Length: {}\r\n\r\n{body}",
            r["header"].as_str().unwrap(),
            r["body_len"]
        );
        assert_eq!(part(&o, IOTWIRE_HTTP_PART_REQUEST).unwrap(), want, "{id}");

        let resp = i["response"].as_str().unwrap();
        assert_eq!(
            reply(
                IOTWIRE_REPLY_HTTPS_REGISTER,
                resp,
                IOTWIRE_REPLY_FIELD_DEVICE_SECRET
            )
            .unwrap(),
            e["device_secret"],
            "{id}"
        );
        assert_eq!(
            reply(
                IOTWIRE_REPLY_HTTPS_REGISTER,
                resp,
                IOTWIRE_REPLY_FIELD_DEVICE_NAME
            )
            .unwrap(),
            i["device_name"]
        );
    }
}

#[test]
fn https_documented_profile_and_custom_host() {
    let mut o = options();
    o.product_key = s("a1B2c3D4e5F");
    o.device_name = s("device01");
    o.product_secret = s("psecret0123456789");
    o.random = s("8Ygb7ULYh53B6OA");
    // Same bytes as v3.2.0 for the same inputs (dynreg-https-01).
    let v = &vectors("dynreg_https")[0]["expected"];
    assert_eq!(
        part(&o, IOTWIRE_HTTP_PART_BODY).unwrap(),
        v["request"]["body"]
    );
    o.region = IOTWIRE_REGION_CUSTOM;
    o.host = s("iot-cn-abc.auth.iothub.aliyuncs.com");
    assert!(
        part(&o, IOTWIRE_HTTP_PART_REQUEST)
            .unwrap()
            .contains("\r\nHost: iot-cn-abc.auth.iothub.aliyuncs.com\r\n")
    );
    o.sign_method = IOTWIRE_SIGN_METHOD_HMACSHA1;
    let body = part(&o, IOTWIRE_HTTP_PART_BODY).unwrap();
    assert!(body.ends_with("&signMethod=hmacsha1"));
    assert_eq!(part(&o, IOTWIRE_HTTP_PART_SIGN).unwrap().len(), 40);
    // The documented profile wants real names, a random and a secret.
    o.device_name = s("dn");
    assert_eq!(
        part(&o, IOTWIRE_HTTP_PART_BODY),
        Err(IOTWIRE_ERR_INVALID_DEVICE_NAME)
    );
    o.device_name = s("device01");
    o.random = s("");
    assert_eq!(
        part(&o, IOTWIRE_HTTP_PART_BODY),
        Err(IOTWIRE_ERR_MISSING_FIELD)
    );
    o.random = s("a&b");
    assert_eq!(
        part(&o, IOTWIRE_HTTP_PART_BODY),
        Err(IOTWIRE_ERR_INVALID_ARGUMENT)
    );
    o.random = s("r1");
    o.product_secret = s("");
    assert_eq!(
        part(&o, IOTWIRE_HTTP_PART_BODY),
        Err(IOTWIRE_ERR_MISSING_FIELD)
    );
    o.product_secret = s("ps");
    o.profile = IOTWIRE_HTTP_PROFILE_V3_2_0;
    assert_eq!(
        part(&o, IOTWIRE_HTTP_PART_BODY),
        Err(IOTWIRE_ERR_INVALID_SELECTOR),
        "v3.2.0 signed with hmacsha256 only"
    );
    o.sign_method = IOTWIRE_SIGN_METHOD_DEFAULT;
    o.region = 6;
    o.host = s("");
    assert_eq!(
        part(&o, IOTWIRE_HTTP_PART_BODY),
        Err(IOTWIRE_ERR_INVALID_SELECTOR)
    );
}

#[test]
fn mqtt_register_reply_from_vectors() {
    for v in vectors("dynreg_mqtt") {
        let payload = v["inputs"]["ext_register_payload"].as_str().unwrap();
        assert_eq!(
            reply(
                IOTWIRE_REPLY_EXT_REGISTER,
                payload,
                IOTWIRE_REPLY_FIELD_DEVICE_SECRET
            )
            .unwrap(),
            v["expected"]["device_secret"]
        );
        assert_eq!(
            reply(
                IOTWIRE_REPLY_EXT_REGISTER,
                payload,
                IOTWIRE_REPLY_FIELD_PRODUCT_KEY
            )
            .unwrap(),
            v["inputs"]["product_key"]
        );
    }
}

#[test]
fn regnwl_and_identity_replies() {
    // Documented payloads (seed 003 §7.1.3 and the X.509 identity push).
    let regnwl = r#"{"productKey":"a1B2c3D4e5F","deviceName":"device01","clientId":"a1B2c3D4e5F.device01|c1","deviceToken":"8b5fa5c1e0b14d3c"}"#;
    assert_eq!(
        reply(
            IOTWIRE_REPLY_EXT_REGNWL,
            regnwl,
            IOTWIRE_REPLY_FIELD_CLIENT_ID
        ),
        Err(IOTWIRE_ERR_REPLY_FIELD_INVALID),
        "a client id with '|' would break the connwl client id"
    );
    let regnwl = regnwl.replace("|c1", "");
    assert_eq!(
        reply(
            IOTWIRE_REPLY_EXT_REGNWL,
            &regnwl,
            IOTWIRE_REPLY_FIELD_CLIENT_ID
        )
        .unwrap(),
        "a1B2c3D4e5F.device01"
    );
    assert_eq!(
        reply(
            IOTWIRE_REPLY_EXT_REGNWL,
            &regnwl,
            IOTWIRE_REPLY_FIELD_DEVICE_TOKEN
        )
        .unwrap(),
        "8b5fa5c1e0b14d3c"
    );
    assert_eq!(
        reply(
            IOTWIRE_REPLY_EXT_REGNWL,
            &regnwl,
            IOTWIRE_REPLY_FIELD_DEVICE_SECRET
        ),
        Err(IOTWIRE_ERR_MISSING_FIELD)
    );
    let identity = "{\n  \"productKey\":\"a1B2c3D4e5F\",\n  \"deviceName\":\"dev\\/01\"\n}";
    assert_eq!(
        reply(
            IOTWIRE_REPLY_IDENTITY,
            identity,
            IOTWIRE_REPLY_FIELD_PRODUCT_KEY
        ),
        Err(IOTWIRE_ERR_REPLY_FIELD_INVALID),
        "'/' (an escaped one too) is no DeviceName character"
    );
    let identity = identity.replace("dev\\/01", "dev_01");
    assert_eq!(
        reply(
            IOTWIRE_REPLY_IDENTITY,
            &identity,
            IOTWIRE_REPLY_FIELD_DEVICE_NAME
        )
        .unwrap(),
        "dev_01"
    );
}

#[test]
fn hostile_replies_are_refused() {
    let secret = |v: &str| format!("{{\"deviceSecret\":{v}}}");
    let get = |p: &str| {
        reply(
            IOTWIRE_REPLY_EXT_REGISTER,
            p,
            IOTWIRE_REPLY_FIELD_DEVICE_SECRET,
        )
    };
    // The legacy handler's memset(ds + 6, '*', len - 7) underflowed on short secrets.
    assert_eq!(get(&secret("\"\"")), Err(IOTWIRE_ERR_REPLY_FIELD_INVALID));
    assert_eq!(get(&secret("\"abc\"")).unwrap(), "abc");
    assert_eq!(
        get(&secret(&format!("\"{}\"", "s".repeat(64)))).unwrap(),
        "s".repeat(64)
    );
    assert_eq!(
        get(&secret(&format!("\"{}\"", "s".repeat(65)))),
        Err(IOTWIRE_ERR_REPLY_FIELD_INVALID)
    );
    assert_eq!(get(&secret("12")), Err(IOTWIRE_ERR_INVALID_JSON));
    assert_eq!(
        get(&secret("\"a\\u0000b\"")),
        Err(IOTWIRE_ERR_REPLY_FIELD_INVALID)
    );
    assert_eq!(
        get("{\"deviceSecret\":\"abc\""),
        Err(IOTWIRE_ERR_INVALID_JSON)
    );
    assert_eq!(
        get("{\"deviceSecret\":\"a\",\"deviceSecret\":\"b\"}"),
        Err(IOTWIRE_ERR_INVALID_JSON)
    );
    assert_eq!(get("{}"), Err(IOTWIRE_ERR_MISSING_FIELD));
    let https = |b: &str| {
        reply(
            IOTWIRE_REPLY_HTTPS_REGISTER,
            b,
            IOTWIRE_REPLY_FIELD_DEVICE_SECRET,
        )
    };
    assert_eq!(
        https(r#"{"code":6289,"message":"device already registered"}"#),
        Err(IOTWIRE_ERR_DYNREG_REJECTED)
    );
    assert_eq!(https(r#"{"code":200}"#), Err(IOTWIRE_ERR_MISSING_FIELD));
    assert_eq!(
        https(r#"{"code":200,"data":"x"}"#),
        Err(IOTWIRE_ERR_INVALID_JSON)
    );
    assert_eq!(
        reply(9, "{}", IOTWIRE_REPLY_FIELD_DEVICE_SECRET),
        Err(IOTWIRE_ERR_INVALID_SELECTOR)
    );
    assert_eq!(
        reply(IOTWIRE_REPLY_EXT_REGISTER, "{}", 9),
        Err(IOTWIRE_ERR_INVALID_SELECTOR)
    );
}
