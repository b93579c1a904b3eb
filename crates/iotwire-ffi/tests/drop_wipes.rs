//! Every core type that holds a secret wipes it when dropped, checked in the value's own
//! memory right after `drop_in_place`. Safe Rust cannot read a value after its drop, so the
//! core's tests cannot see a missing wipe; the residue probe (`c-examples/residue`) sees it
//! only through the exports' dead stack. Here each type is dropped in a slot the test owns,
//! and the slot's bytes are scanned for any 8-byte window of what the value held (the
//! residue probe's rule).

use core::mem::{MaybeUninit, size_of};
use core::ptr;
use iotwire::aes128::Aes128;
use iotwire::coap::session::{KEY_LEN, Session};
use iotwire::coap_auth::reply::{Reply as CoapReply, parse_payload};
use iotwire::coap_auth::sign::{SignMac, compute_into};
use iotwire::coap_auth::{AuthParams, Format, Profile as CoapProfile};
use iotwire::enos::activate::{Field, Reply as EnosReply, parse as parse_activation};
use iotwire::enos::device::{Device, SecureMode};
use iotwire::enos::psk::{PskKey, key as psk_key};
use iotwire::hash::Hash;
use iotwire::hash::sha256::Sha256;
use iotwire::http::Profile as HttpProfile;
use iotwire::http::auth::{AuthParams as HttpAuthParams, resolve as resolve_http_auth};
use iotwire::http::signed::SignHex;
use iotwire::mac::{Digest, SignMethod, mac};

const WINDOW: usize = 8;

/// The `size_of::<T>()` bytes at `value`, read one by one with volatile reads (so that the
/// compiler cannot skip a read of a dropped value).
///
/// # Safety
/// `value` must point to `size_of::<T>()` readable bytes; the types here hold integers and byte
/// arrays, initialised by their constructor and their drop.
unsafe fn bytes_at<T>(value: *const T) -> Vec<u8> {
    let base = value.cast::<u8>();
    (0..size_of::<T>())
        // SAFETY: `base + i` is inside the value (i < size_of::<T>()), readable (caller).
        .map(|i| unsafe { ptr::read_volatile(base.add(i)) })
        .collect()
}

/// Drops `value` in a slot owned by the test, then returns the slot's bytes as the drop left
/// them.
fn bytes_after_drop<T>(value: T) -> Vec<u8> {
    let mut slot = MaybeUninit::new(value);
    // SAFETY: `slot` holds an initialised `T`, dropped exactly once here; it is never used as
    // a `T` again (MaybeUninit does not drop its content).
    unsafe { ptr::drop_in_place(slot.as_mut_ptr()) };
    // SAFETY: the slot is still owned here, `size_of::<T>()` bytes long.
    unsafe { bytes_at(slot.as_ptr()) }
}

/// Fails when `memory` still holds an 8-byte window of `secret`.
#[track_caller]
fn assert_no_window(what: &str, memory: &[u8], secret: &[u8]) {
    assert!(
        secret.len() >= WINDOW,
        "{what}: secret shorter than a window"
    );
    for w in secret.windows(WINDOW) {
        assert!(
            !memory.windows(WINDOW).any(|m| m == w),
            "{what}: {w:02x?} of the secret is still in the dropped value"
        );
    }
}

/// Checks `value` (holding `secret`) first holds it, so the scan can see it, then drops it.
#[track_caller]
fn assert_wiped<T>(what: &str, value: T, secret: &[u8]) {
    // SAFETY: `value` is alive; read to check that the secret is in it before the drop (a scan
    // that cannot see it proves nothing).
    let live = unsafe { bytes_at(&raw const value) };
    assert!(
        live.windows(WINDOW)
            .any(|m| secret.windows(WINDOW).any(|w| w == m)),
        "{what}: the live value does not hold the secret"
    );
    assert_no_window(what, &bytes_after_drop(value), secret);
}

const KEY: [u8; KEY_LEN] = *b"k3y-0f-a-sess!0n";

#[test]
fn aes_round_keys() {
    // Round key 0 is the key itself.
    assert_wiped("Aes128", Aes128::new(&KEY), &KEY);
}

#[test]
fn coap_session_key_and_token() {
    let mut s = Session::new(7);
    s.set_key(&KEY);
    assert_wiped("Session (key)", s, &KEY);
    let token = b"T0KEN-0f-the-session-abcdef";
    let mut s = Session::new(7);
    s.set_auth_token(token).unwrap();
    assert_wiped("Session (token)", s, token);
}

#[test]
fn coap_auth_reply() {
    let token = "t0ken-g1ven-by-the-server";
    let random = "r4nd0m-from-the-server";
    let payload = format!(r#"{{"token":"{token}","random":"{random}","seqOffset":3}}"#);
    let mut r = CoapReply::default();
    parse_payload(payload.as_bytes(), Format::Json, &mut r).unwrap();
    assert_eq!(r.token(), token.as_bytes());
    // Either part left behind fails: one reply per part.
    let mut again = CoapReply::default();
    parse_payload(payload.as_bytes(), Format::Json, &mut again).unwrap();
    assert_wiped("CoAP auth reply (token)", r, token.as_bytes());
    assert_wiped("CoAP auth reply (random)", again, random.as_bytes());
}

#[test]
fn coap_auth_sign_mac() {
    let p = AuthParams {
        profile: CoapProfile::Doc,
        format: Format::Json,
        sign_method: Some(SignMethod::HmacSha256),
        product_key: b"a1NUjcVkHZS",
        device_name: b"ff1a11e7c08d4b3d",
        device_secret: b"d3v1ce-s3cret-0123456789",
        client_id: b"",
        timestamp: b"",
        ack_mode: None,
        seq: None,
    };
    let mut sign = SignMac::new();
    compute_into(&p, &mut sign).unwrap();
    let mac_bytes = sign.as_bytes().to_vec();
    assert_eq!(mac_bytes.len(), 32);
    assert_wiped("SignMac", sign, &mac_bytes);
}

fn enos_device() -> Device<'static> {
    Device {
        product_key: b"pk",
        device_key: b"dk",
        device_secret: b"enos-d3v1ce-s3cret",
        product_secret: b"enos-pr0duct-s3cret",
        secure_mode: SecureMode::ProductSecret,
        lifetime_s: 3600,
        host: b"",
        plaintext_mqtt: false,
        port: None,
    }
}

#[test]
fn enos_activation_reply() {
    let secret = "act1vated-d3v1ce-s3cret";
    let payload = format!(
        r#"{{"id":"42","method":"thing.activate.info","params":{{"assetId":"a1b2","productKey":"pk","deviceKey":"dk","deviceSecret":"{secret}"}}}}"#
    );
    let mut r = EnosReply::default();
    parse_activation(payload.as_bytes(), &enos_device(), &mut r).unwrap();
    assert_eq!(r.field(Field::DeviceSecret), secret.as_bytes());
    assert_wiped("EnOS activation reply", r, secret.as_bytes());
}

#[test]
fn enos_psk() {
    let mut k = PskKey::default();
    psk_key(&enos_device(), &mut k).unwrap();
    let bytes = *k.as_bytes();
    assert_ne!(bytes, [0; 16]);
    assert_wiped("PskKey", k, &bytes);
}

#[test]
fn running_hash_and_key_block() {
    // The HMAC inner pad in the chaining value's partial block: `key ^ 0x36` per byte.
    let key = b"an-hmac-key-0f-32-bytes-exactly!";
    let pad: Vec<u8> = key.iter().map(|b| b ^ 0x36).collect();
    let mut h = Hash::<Sha256>::new();
    h.update(b"0123");
    h.update_key_block(key, 0x36);
    h.update(b"message after the pad, long enough to fill");
    assert_wiped(
        "Hash<Sha256> (buffered data)",
        h,
        b"message after the pad, long enough",
    );
    // The key block compressed, then 20 bytes of pad buffered in the block.
    let mut h = Hash::<Sha256>::new();
    h.update_key_block(key, 0x36);
    h.update(&pad[..20]);
    assert_wiped("Hash<Sha256> (partial block)", h, &pad[..20]);
}

#[test]
fn http_sign_hex() {
    let p = HttpAuthParams {
        profile: HttpProfile::Doc,
        sign_method: None,
        host: None,
        lax_names: false,
        product_key: b"a1NUjcVkHZS",
        device_name: b"device-0001",
        device_secret: b"http-d3v1ce-s3cret",
        client_id: b"",
        timestamp: b"",
    };
    let req = resolve_http_auth(&p).unwrap();
    let mut sign = SignHex::new();
    req.sign_into(&mut sign).unwrap();
    let text = sign.text().to_vec();
    assert_eq!(text.len(), 40, "hmacsha1, the default");
    assert_wiped("SignHex", sign, &text);
}

#[test]
fn mac_digest() {
    let d: Digest = mac(SignMethod::HmacSha256, b"mac-key", &[b"content"]).unwrap();
    let bytes = d.as_bytes().to_vec();
    assert_wiped("Digest", d, &bytes);
}
