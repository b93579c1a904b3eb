//! HMAC known answers: RFC 2202 (HMAC-MD5, HMAC-SHA1), RFC 4231 (HMAC-SHA256) and the legacy
//! primitive vectors. The long-key cases prove keys over the 64-byte block are hashed
//! (RFC 2104), where the legacy C helpers silently produced no output.
// Tests call the C ABI exactly as C does; the calls' contracts are met by construction.
#![allow(clippy::undocumented_unsafe_blocks)]

mod common;

use iotwire::mac::{SignMethod, mac};

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn check(method: SignMethod, key: &[u8], data: &[u8], expected: &str) {
    let d = mac(method, key, &[data]).expect("mac");
    assert_eq!(
        hex(d.as_bytes()),
        expected,
        "{method:?} key len {}",
        key.len()
    );
    // Streaming in pieces gives the same MAC as one piece.
    let (a, b) = data.split_at(data.len() / 2);
    assert_eq!(hex(mac(method, key, &[a, b]).unwrap().as_bytes()), expected);
}

const LONG_KEY_DATA: &[u8] = b"Test Using Larger Than Block-Size Key - Hash Key First";

#[test]
fn rfc4231_hmac_sha256() {
    let m = SignMethod::HmacSha256;
    check(
        m,
        &[0x0b; 20],
        b"Hi There",
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
    );
    check(
        m,
        b"Jefe",
        b"what do ya want for nothing?",
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
    check(
        m,
        &[0xaa; 131],
        LONG_KEY_DATA,
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
    );
    check(
        m,
        &[0xaa; 131],
        b"This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.",
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
    );
}

#[test]
fn rfc2202_hmac_md5() {
    let m = SignMethod::HmacMd5;
    check(
        m,
        &[0x0b; 16],
        b"Hi There",
        "9294727a3638bb1c13f48ef8158bfc9d",
    );
    check(
        m,
        b"Jefe",
        b"what do ya want for nothing?",
        "750c783e6ab0b503eaa86e310a5db738",
    );
    check(
        m,
        &[0xaa; 80],
        LONG_KEY_DATA,
        "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd",
    );
}

#[test]
fn rfc2202_hmac_sha1() {
    let m = SignMethod::HmacSha1;
    check(
        m,
        &[0x0b; 20],
        b"Hi There",
        "b617318655057264e28bc0b6fb378c8ef146be00",
    );
    check(
        m,
        b"Jefe",
        b"what do ya want for nothing?",
        "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
    );
    check(
        m,
        &[0xaa; 80],
        LONG_KEY_DATA,
        "aa4ae5e15272d00e95705637ce8a3b55ed402112",
    );
}

#[test]
fn legacy_primitive_vectors() {
    for v in common::vectors("hmac_primitive") {
        let i = &v["inputs"];
        let e = &v["expected"];
        let alg = common::jstr(i, "alg");
        let method = if alg.contains("sha256") {
            SignMethod::HmacSha256
        } else if alg.contains("sha1") {
            SignMethod::HmacSha1
        } else {
            SignMethod::HmacMd5
        };
        let expected = e["raw_hex"]
            .as_str()
            .or(e["hex"].as_str())
            .unwrap()
            .to_lowercase();
        check(
            method,
            common::jstr(i, "key").as_bytes(),
            common::jstr(i, "msg").as_bytes(),
            &expected,
        );
    }
}

#[test]
fn doc_example_hmac_sha1() {
    let v = &common::vectors("doc_example")[0];
    let i = &v["inputs"];
    let d = mac(
        SignMethod::HmacSha1,
        common::jstr(i, "key").as_bytes(),
        &[common::jstr(i, "content").as_bytes()],
    )
    .unwrap();
    assert_eq!(
        hex(d.as_bytes()).to_uppercase(),
        common::jstr(&v["expected"], "hex_upper")
    );
    assert!(
        common::jstr(&v["expected"], "hex_upper")
            .starts_with(common::jstr(&v["expected"], "doc_prefix"))
    );
}
