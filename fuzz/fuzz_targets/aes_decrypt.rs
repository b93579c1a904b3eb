//! `iotwire_coap_aes_decrypt` on any ciphertext: never a panic, never a length outside the
//! input; strict padding means a successful decrypt re-encrypts to the same ciphertext (fixed
//! IV, deterministic CBC). And decrypt(encrypt(x)) == x for any x.
//! Input: 16 key bytes, then the data.
#![no_main]

use iotwire_ffi::coap_crypto::{iotwire_coap_aes_decrypt, iotwire_coap_aes_encrypt};
use iotwire_ffi::status::*;
use iotwire_fuzz::input::Input;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| run(data));

fn call(
    f: unsafe extern "C" fn(*const u8, usize, *const u8, usize, *mut u8, usize, *mut usize) -> i32,
    key: &[u8; 16],
    input: &[u8],
) -> Result<Vec<u8>, i32> {
    let mut need = usize::MAX;
    // SAFETY: valid pointers; size query.
    let rc = unsafe {
        f(
            key.as_ptr(),
            16,
            input.as_ptr(),
            input.len(),
            std::ptr::null_mut(),
            0,
            &mut need,
        )
    };
    if rc != IOTWIRE_OK {
        return Err(rc);
    }
    assert!(need <= input.len() + 16);
    let mut out = vec![0u8; need];
    let mut len = usize::MAX;
    // SAFETY: valid pointers, `need` bytes of room.
    let rc = unsafe {
        f(
            key.as_ptr(),
            16,
            input.as_ptr(),
            input.len(),
            out.as_mut_ptr(),
            need,
            &mut len,
        )
    };
    assert_eq!(rc, IOTWIRE_OK);
    assert_eq!(len, need);
    Ok(out)
}

fn run(data: &[u8]) {
    let mut inp = Input::new(data);
    let key: [u8; 16] = inp.array();
    let body = inp.rest();
    match call(iotwire_coap_aes_decrypt, &key, body) {
        Ok(pt) => {
            assert!(body.len().is_multiple_of(16) && !body.is_empty());
            assert!(pt.len() < body.len() && pt.len() + 16 >= body.len());
            assert_eq!(call(iotwire_coap_aes_encrypt, &key, &pt).unwrap(), body);
        }
        Err(rc) => assert_eq!(rc, IOTWIRE_ERR_COAP_BAD_PADDING),
    }
    let ct = call(iotwire_coap_aes_encrypt, &key, body).unwrap();
    assert_eq!(ct.len(), (body.len() & !15) + 16);
    assert_eq!(call(iotwire_coap_aes_decrypt, &key, &ct).unwrap(), body);
}
