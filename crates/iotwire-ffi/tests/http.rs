//! HTTPS auth/publish through the C ABI: the v3.2.0 vectors (kind http_auth_and_publish,
//! wire order of iotkit-embedded's `src/http/iotx_http_api.c`), the documented form (seed 004) and the
//! response codes. Expected bytes come from the vectors or the documentation, never from
//! the library.
#![allow(clippy::undocumented_unsafe_blocks)]

mod common;

use common::{s, vectors};
use iotwire_ffi::http::*;
use iotwire_ffi::selectors::*;
use iotwire_ffi::status::*;
use std::ffi::c_char;

fn auth_options() -> iotwire_http_auth_options_t {
    let mut o = std::mem::MaybeUninit::<iotwire_http_auth_options_t>::uninit();
    assert_eq!(
        unsafe { iotwire_http_auth_options_init(o.as_mut_ptr()) },
        IOTWIRE_OK
    );
    unsafe { o.assume_init() }
}

/// Size query, then an exact-fit buffer.
fn auth_part(o: &iotwire_http_auth_options_t, part: u32) -> Result<String, i32> {
    let mut need = 0usize;
    let rc = unsafe { iotwire_http_get_auth(o, part, std::ptr::null_mut(), 0, &mut need) };
    if rc != IOTWIRE_OK {
        return Err(rc);
    }
    let mut buf = vec![0xA5u8; need];
    let mut len = usize::MAX;
    let rc = unsafe { iotwire_http_get_auth(o, part, buf.as_mut_ptr().cast(), need, &mut len) };
    assert_eq!(rc, IOTWIRE_OK, "second call disagrees with the size query");
    assert_eq!(len + 1, need);
    assert_eq!(buf[len], 0);
    Ok(String::from_utf8(buf[..len].to_vec()).unwrap())
}

fn publish_head(profile: u32, topic: &str, token: &str, n: usize) -> Result<String, i32> {
    let mut buf = vec![0u8; 2048];
    let mut len = 0usize;
    let rc = unsafe {
        iotwire_http_publish_head(
            profile,
            s(""),
            s(topic),
            s(token),
            n,
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut len,
        )
    };
    if rc != IOTWIRE_OK {
        return Err(rc);
    }
    Ok(String::from_utf8(buf[..len].to_vec()).unwrap())
}

fn publish_request(topic: &str, token: &str, payload: &[u8]) -> Result<Vec<u8>, i32> {
    let mut need = 0usize;
    let rc = unsafe {
        iotwire_http_publish_request(
            IOTWIRE_HTTP_PROFILE_V3_2_0,
            s(""),
            s(topic),
            s(token),
            payload.as_ptr(),
            payload.len(),
            std::ptr::null_mut(),
            0,
            &mut need,
        )
    };
    if rc != IOTWIRE_OK {
        return Err(rc);
    }
    let mut buf = vec![0u8; need];
    let mut len = 0usize;
    let rc = unsafe {
        iotwire_http_publish_request(
            IOTWIRE_HTTP_PROFILE_V3_2_0,
            s(""),
            s(topic),
            s(token),
            payload.as_ptr(),
            payload.len(),
            buf.as_mut_ptr(),
            need,
            &mut len,
        )
    };
    assert_eq!(rc, IOTWIRE_OK);
    assert_eq!(
        len, need,
        "byte outputs: the size query is the exact length"
    );
    Ok(buf)
}

struct Parsed {
    rc: i32,
    resp: iotwire_http_response_t,
    token: String,
}

fn parse(kind: u32, body: &str) -> Parsed {
    let mut resp: iotwire_http_response_t = unsafe { std::mem::zeroed() };
    resp.struct_size = std::mem::size_of::<iotwire_http_response_t>() as u32;
    let mut tok = [0 as c_char; IOTWIRE_HTTP_TOKEN_MAX_SIZE];
    let mut len = 0usize;
    let rc = unsafe {
        iotwire_http_parse_response(
            kind,
            body.as_ptr(),
            body.len(),
            &mut resp,
            tok.as_mut_ptr(),
            tok.len(),
            &mut len,
        )
    };
    let token = if rc == IOTWIRE_OK {
        String::from_utf8(tok[..len].iter().map(|&c| c as u8).collect()).unwrap()
    } else {
        String::new()
    };
    Parsed { rc, resp, token }
}

/// The v3.2.0 wire order: request line, Host, the user header, Content-Length, blank line.
fn legacy_request(path: &str, header: &str, body: &str) -> String {
    format!(
        "POST {path} HTTP/1.1\r\nHost: iot-as-http.cn-shanghai.aliyuncs.com\r\n{header}Content-Length: {}\r\n\r\n{body}",
        body.len()
    )
}

#[test]
fn v320_auth_publish_and_replies() {
    for v in vectors("http_auth_and_publish") {
        let (i, e) = (&v["inputs"], &v["expected"]);
        let id = v["id"].as_str().unwrap();
        let mut o = auth_options();
        o.profile = IOTWIRE_HTTP_PROFILE_V3_2_0;
        o.product_key = s(i["product_key"].as_str().unwrap());
        o.device_name = s(i["device_name"].as_str().unwrap());
        o.device_secret = s(i["device_secret"].as_str().unwrap());
        let ar = &e["auth_request"];
        let body = ar["body"].as_str().unwrap();
        assert_eq!(auth_part(&o, IOTWIRE_HTTP_PART_BODY).unwrap(), body, "{id}");
        assert_eq!(body.len() as u64, ar["body_len"].as_u64().unwrap());
        assert_eq!(
            auth_part(&o, IOTWIRE_HTTP_PART_SIGN_CONTENT).unwrap(),
            e["sign_content"].as_str().unwrap(),
            "{id}"
        );
        assert!(body.contains(&auth_part(&o, IOTWIRE_HTTP_PART_SIGN).unwrap()));
        let url = ar["url"].as_str().unwrap();
        assert_eq!(url, "https://iot-as-http.cn-shanghai.aliyuncs.com/auth");
        assert_eq!(
            auth_part(&o, IOTWIRE_HTTP_PART_REQUEST).unwrap(),
            legacy_request("/auth", ar["header"].as_str().unwrap(), body),
            "{id}"
        );

        let p = parse(
            IOTWIRE_HTTP_RESPONSE_AUTH,
            i["auth_response"].as_str().unwrap(),
        );
        assert_eq!(p.rc, IOTWIRE_OK);
        assert_eq!(p.resp.platform_status, IOTWIRE_OK);
        assert_eq!(p.token, e["token"].as_str().unwrap(), "{id}");
        assert_eq!(p.resp.has_token, 1);

        let sr = &e["send_request"];
        let topic_path = i["topic_path"].as_str().unwrap();
        let topic = topic_path.strip_prefix("/topic").unwrap();
        let payload = i["payload"].as_str().unwrap();
        let want = legacy_request(
            topic_path,
            sr["header"].as_str().unwrap(),
            sr["body"].as_str().unwrap(),
        );
        assert_eq!(
            sr["url"].as_str().unwrap(),
            format!("https://iot-as-http.cn-shanghai.aliyuncs.com{topic_path}")
        );
        let got = publish_request(topic, &p.token, payload.as_bytes()).unwrap();
        assert_eq!(String::from_utf8(got).unwrap(), want, "{id}");
        let head = publish_head(IOTWIRE_HTTP_PROFILE_V3_2_0, topic, &p.token, payload.len());
        assert_eq!(head.unwrap() + payload, want);

        let body = i["publish_response"].as_str().unwrap();
        let p = parse(IOTWIRE_HTTP_RESPONSE_PUBLISH, body);
        assert_eq!(p.rc, IOTWIRE_OK);
        assert_eq!(p.resp.has_message_id, 1);
        assert_eq!(p.resp.message_id, 892687627916247040);
        assert_eq!(p.resp.has_data, 0, "data is null");
        assert_eq!(p.token, "");
        let m = &body[p.resp.message_offset..p.resp.message_offset + p.resp.message_len];
        assert_eq!(m, "success");
    }
}

#[test]
fn documented_form_with_timestamp_and_doc_sign_example() {
    // Seed 004: clientId=12345, deviceName=device, productKey=pk, timestamp=789,
    // hmacsha1, secret "secret" -> HMAC-SHA1 = FAFD82A3D602B37FB0FA8B7892F24A477F851A14
    // (Python hmac; the vector doc-mqtt-tcp-hmacsha1 in tests/vectors has the same MAC).
    let mut o = auth_options();
    o.client_id = s("12345");
    o.device_name = s("device");
    o.product_key = s("pk");
    o.timestamp = s("789");
    o.device_secret = s("secret");
    o.sign_method = IOTWIRE_SIGN_METHOD_HMACSHA1;
    let sign = "FAFD82A3D602B37FB0FA8B7892F24A477F851A14";
    assert_eq!(auth_part(&o, IOTWIRE_HTTP_PART_SIGN).unwrap(), sign);
    let body = format!(
        "{{\"version\":\"default\",\"clientId\":\"12345\",\"signmethod\":\"hmacsha1\",\"sign\":\"{sign}\",\"productKey\":\"pk\",\"deviceName\":\"device\",\"timestamp\":\"789\"}}"
    );
    assert_eq!(auth_part(&o, IOTWIRE_HTTP_PART_BODY).unwrap(), body);
    let want = format!(
        "POST /auth HTTP/1.1\r\nHost: iot-as-http.cn-shanghai.aliyuncs.com\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    assert_eq!(auth_part(&o, IOTWIRE_HTTP_PART_REQUEST).unwrap(), want);
    // The body is valid JSON with the documented members.
    let j: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(j["sign"], sign);

    // The instance endpoint replaces Host.
    o.region = IOTWIRE_REGION_CUSTOM;
    o.host = s("iot-cn-abc.http.iothub.aliyuncs.com");
    let req = auth_part(&o, IOTWIRE_HTTP_PART_REQUEST).unwrap();
    assert!(req.contains("\r\nHost: iot-cn-abc.http.iothub.aliyuncs.com\r\n"));
}

#[test]
fn auth_selectors_and_validation() {
    let mut o = auth_options();
    o.product_key = s("a1X2bEnP82z");
    o.device_name = s("example1");
    assert_eq!(
        auth_part(&o, IOTWIRE_HTTP_PART_REQUEST),
        Err(IOTWIRE_ERR_MISSING_FIELD),
        "documented form needs a secret"
    );
    o.device_secret = s("secret");
    assert_eq!(auth_part(&o, 4), Err(IOTWIRE_ERR_INVALID_SELECTOR));
    o.sign_method = IOTWIRE_SIGN_METHOD_HMACSHA256;
    assert_eq!(
        auth_part(&o, IOTWIRE_HTTP_PART_SIGN),
        Err(IOTWIRE_ERR_INVALID_SELECTOR)
    );
    o.sign_method = IOTWIRE_SIGN_METHOD_HMACMD5;
    assert_eq!(auth_part(&o, IOTWIRE_HTTP_PART_SIGN).unwrap().len(), 32);
    o.profile = IOTWIRE_HTTP_PROFILE_V3_2_0;
    assert_eq!(
        auth_part(&o, IOTWIRE_HTTP_PART_SIGN),
        Err(IOTWIRE_ERR_INVALID_SELECTOR),
        "v3.2.0 only signed with hmacsha1"
    );
    o.profile = IOTWIRE_HTTP_PROFILE_DOC;
    o.sign_method = IOTWIRE_SIGN_METHOD_DEFAULT;
    o.region = IOTWIRE_REGION_GERMANY;
    assert_eq!(
        auth_part(&o, IOTWIRE_HTTP_PART_SIGN),
        Err(IOTWIRE_ERR_INVALID_SELECTOR)
    );
    o.region = IOTWIRE_REGION_SHANGHAI;
    o.client_id = s("a\"b");
    assert_eq!(
        auth_part(&o, IOTWIRE_HTTP_PART_BODY),
        Err(IOTWIRE_ERR_INVALID_CLIENT_ID),
        "a quote would break the JSON body"
    );
    o.client_id = s("");
    o.timestamp = s("12a");
    assert_eq!(
        auth_part(&o, IOTWIRE_HTTP_PART_BODY),
        Err(IOTWIRE_ERR_INVALID_TIMESTAMP)
    );
}

#[test]
fn worst_case_auth_request_fits_the_max_size() {
    let pk = "a".repeat(20);
    let dn = "d".repeat(32);
    let cid = "c".repeat(64);
    let host = "h".repeat(253);
    let ts = "1".repeat(20);
    for profile in [IOTWIRE_HTTP_PROFILE_DOC, IOTWIRE_HTTP_PROFILE_V3_2_0] {
        let mut o = auth_options();
        o.profile = profile;
        o.product_key = s(&pk);
        o.device_name = s(&dn);
        o.device_secret = s("x");
        o.client_id = s(&cid);
        o.timestamp = s(&ts);
        o.region = IOTWIRE_REGION_CUSTOM;
        o.host = s(&host);
        let req = auth_part(&o, IOTWIRE_HTTP_PART_REQUEST).unwrap();
        assert!(
            req.len() < IOTWIRE_HTTP_AUTH_REQUEST_MAX_SIZE,
            "{}",
            req.len()
        );
    }
    let topic = format!("/{}", "t".repeat(299));
    let mut buf = vec![0u8; IOTWIRE_HTTP_PUBLISH_HEAD_MAX_SIZE];
    let mut len = 0usize;
    let rc = unsafe {
        iotwire_http_publish_head(
            IOTWIRE_HTTP_PROFILE_V3_2_0,
            s(&host),
            s(&topic),
            s(&"k".repeat(256)),
            131072,
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut len,
        )
    };
    assert_eq!(rc, IOTWIRE_OK, "worst-case publish head fits");
}

#[test]
fn publish_limits() {
    let t = "/a1X2bEnP82z/example1/user/update";
    assert!(publish_head(IOTWIRE_HTTP_PROFILE_DOC, t, "tok", 128 * 1024).is_ok());
    assert_eq!(
        publish_head(IOTWIRE_HTTP_PROFILE_DOC, t, "tok", 128 * 1024 + 1),
        Err(IOTWIRE_ERR_HTTP_PAYLOAD_TOO_LARGE)
    );
    let doc = publish_head(IOTWIRE_HTTP_PROFILE_DOC, t, "tok", 3).unwrap();
    assert_eq!(
        doc,
        format!(
            "POST /topic{t} HTTP/1.1\r\nHost: iot-as-http.cn-shanghai.aliyuncs.com\r\npassword:tok\r\nContent-Type: application/octet-stream\r\nContent-Length: 3\r\n\r\n"
        )
    );
    for bad in [
        "", "a/b", "/a/+/b", "/a/#", "/a?x=1", "/a b", "/a//b", "/a/", "/%20",
    ] {
        assert_eq!(
            publish_head(IOTWIRE_HTTP_PROFILE_DOC, bad, "tok", 1),
            Err(IOTWIRE_ERR_HTTP_INVALID_TOPIC),
            "{bad:?}"
        );
    }
    assert_eq!(
        publish_head(IOTWIRE_HTTP_PROFILE_DOC, t, "", 1),
        Err(IOTWIRE_ERR_MISSING_FIELD)
    );
    assert_eq!(
        publish_head(IOTWIRE_HTTP_PROFILE_DOC, t, "a\r\nX: y", 1),
        Err(IOTWIRE_ERR_INVALID_ARGUMENT),
        "no header injection through the token"
    );
    assert_eq!(
        publish_head(IOTWIRE_HTTP_PROFILE_DOC, t, &"k".repeat(257), 1),
        Err(IOTWIRE_ERR_INVALID_ARGUMENT)
    );
    assert_eq!(
        publish_head(7, t, "tok", 1),
        Err(IOTWIRE_ERR_INVALID_SELECTOR)
    );
}

#[test]
fn every_documented_code_is_a_typed_status() {
    let table = [
        (0, IOTWIRE_OK, false),
        (10000, IOTWIRE_ERR_HTTP_COMMON_ERROR, false),
        (10001, IOTWIRE_ERR_HTTP_PARAM_ERROR, false),
        (20000, IOTWIRE_ERR_HTTP_AUTH_CHECK_ERROR, false),
        (20001, IOTWIRE_ERR_HTTP_TOKEN_EXPIRED, true),
        (20002, IOTWIRE_ERR_HTTP_TOKEN_NULL, false),
        (20003, IOTWIRE_ERR_HTTP_TOKEN_CHECK_ERROR, true),
        (20004, IOTWIRE_ERR_HTTP_UPDATE_SESSION_ERROR, false),
        (30001, IOTWIRE_ERR_HTTP_PUBLISH_ERROR, false),
        (40000, IOTWIRE_ERR_HTTP_TOO_MANY_REQUESTS, false),
        (12345, IOTWIRE_ERR_HTTP_UNKNOWN_CODE, false),
        (-1, IOTWIRE_ERR_HTTP_UNKNOWN_CODE, false),
    ];
    for (code, status, reauth) in table {
        let body = format!("{{\"code\":{code},\"message\":\"m\",\"info\":{{}}}}");
        let p = parse(IOTWIRE_HTTP_RESPONSE_ANY, &body);
        assert_eq!(
            p.rc, IOTWIRE_OK,
            "{code}: the body parses whatever its code"
        );
        assert_eq!(p.resp.code, code);
        assert_eq!(p.resp.platform_status, status, "{code}");
        assert_eq!(p.resp.reauth, u32::from(reauth), "{code}");
    }
    // Error codes need no payload even for a specific kind.
    let p = parse(
        IOTWIRE_HTTP_RESPONSE_PUBLISH,
        r#"{"code":20001,"message":"token is expired"}"#,
    );
    assert_eq!(p.rc, IOTWIRE_OK);
    assert_eq!(p.resp.reauth, 1);
}

#[test]
fn malformed_or_incomplete_replies() {
    for (kind, body, want) in [
        (IOTWIRE_HTTP_RESPONSE_ANY, "", IOTWIRE_ERR_INVALID_JSON),
        (
            IOTWIRE_HTTP_RESPONSE_ANY,
            "{\"code\":0",
            IOTWIRE_ERR_INVALID_JSON,
        ),
        (
            IOTWIRE_HTTP_RESPONSE_ANY,
            "{\"message\":\"x\"}",
            IOTWIRE_ERR_MISSING_FIELD,
        ),
        (
            IOTWIRE_HTTP_RESPONSE_ANY,
            "{\"code\":\"0\"}",
            IOTWIRE_ERR_INVALID_JSON,
        ),
        (
            IOTWIRE_HTTP_RESPONSE_ANY,
            "{\"code\":0,\"code\":1}",
            IOTWIRE_ERR_INVALID_JSON,
        ),
        (
            IOTWIRE_HTTP_RESPONSE_ANY,
            "{\"code\":0,\"info\":[]}",
            IOTWIRE_ERR_INVALID_JSON,
        ),
        (
            IOTWIRE_HTTP_RESPONSE_AUTH,
            "{\"code\":0,\"info\":{}}",
            IOTWIRE_ERR_MISSING_FIELD,
        ),
        (
            IOTWIRE_HTTP_RESPONSE_PUBLISH,
            "{\"code\":0}",
            IOTWIRE_ERR_MISSING_FIELD,
        ),
        (
            IOTWIRE_HTTP_RESPONSE_AUTH,
            "{\"code\":0,\"info\":{\"token\":\"a\\r\\nb\"}}",
            IOTWIRE_ERR_REPLY_FIELD_INVALID,
        ),
        (
            IOTWIRE_HTTP_RESPONSE_PUBLISH,
            "{\"code\":0,\"info\":{\"messageId\":-1}}",
            IOTWIRE_ERR_INVALID_JSON,
        ),
        (9, "{\"code\":0}", IOTWIRE_ERR_INVALID_SELECTOR),
    ] {
        assert_eq!(parse(kind, body).rc, want, "{body:?}");
    }
    let long = format!(
        "{{\"code\":0,\"info\":{{\"token\":\"{}\"}}}}",
        "t".repeat(257)
    );
    assert_eq!(
        parse(IOTWIRE_HTTP_RESPONSE_AUTH, &long).rc,
        IOTWIRE_ERR_REPLY_FIELD_INVALID,
        "the legacy token strcpy overflowed here"
    );
    // Every kind of data points into the body (a boolean pointed at a static string before).
    for data in ["true", "false", "12.5e1", "[1,2]", "{}"] {
        let body = format!("{{\"code\":0,\"info\":{{\"data\":{data},\"messageId\":1}}}}");
        let p = parse(IOTWIRE_HTTP_RESPONSE_PUBLISH, &body);
        assert_eq!(p.rc, IOTWIRE_OK);
        assert_eq!(p.resp.has_data, 1);
        assert_eq!(
            &body[p.resp.data_offset..p.resp.data_offset + p.resp.data_len],
            data
        );
    }
    // messageId as a string, data as an object.
    let body = r#"{"code":0,"info":{"messageId":"18446744073709551615","data":{"a":1}}}"#;
    let p = parse(IOTWIRE_HTTP_RESPONSE_PUBLISH, body);
    assert_eq!(p.rc, IOTWIRE_OK);
    assert_eq!(p.resp.message_id, u64::MAX);
    assert_eq!(
        &body[p.resp.data_offset..p.resp.data_offset + p.resp.data_len],
        "{\"a\":1}"
    );
}
