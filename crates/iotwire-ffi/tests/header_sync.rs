//! Version and ABI identity must agree in Cargo.toml, crates/iotwire/src/version.rs, the C header's macros and
//! the exported functions, including the packed IOTWIRE_VERSION_NUMBER.
// Tests call the C ABI exactly as C does; the calls' contracts are met by construction.
#![allow(clippy::undocumented_unsafe_blocks)]

use iotwire::version::*;
use std::ffi::CStr;

fn header() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../include/iotwire.h"
    ))
    .expect("header")
}

fn define(h: &str, name: &str) -> String {
    let prefix = format!("#define {name} ");
    h.lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("{name} missing"))
        .trim()
        .to_string()
}

#[test]
fn versions_agree_everywhere() {
    let cargo: Vec<u32> = env!("CARGO_PKG_VERSION")
        .split('.')
        .map(|p| p.parse().unwrap())
        .collect();
    assert_eq!(cargo, [VERSION_MAJOR, VERSION_MINOR, VERSION_PATCH]);
    let h = header();
    assert_eq!(
        define(&h, "IOTWIRE_VERSION_MAJOR"),
        VERSION_MAJOR.to_string()
    );
    assert_eq!(
        define(&h, "IOTWIRE_VERSION_MINOR"),
        VERSION_MINOR.to_string()
    );
    assert_eq!(
        define(&h, "IOTWIRE_VERSION_PATCH"),
        VERSION_PATCH.to_string()
    );
    let packed = VERSION_MAJOR * 1_000_000 + VERSION_MINOR * 1_000 + VERSION_PATCH;
    assert_eq!(define(&h, "IOTWIRE_VERSION_NUMBER"), packed.to_string());
    assert_eq!(VERSION_NUMBER, packed);
    assert_eq!(
        define(&h, "IOTWIRE_VERSION_STRING"),
        format!("\"{}\"", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(define(&h, "IOTWIRE_ABI_VERSION"), ABI_VERSION.to_string());
    assert_eq!(iotwire_ffi::version::iotwire_abi_version(), ABI_VERSION);
    // SAFETY: static NUL-terminated string.
    let s = unsafe { CStr::from_ptr(iotwire_ffi::version::iotwire_version_string()) };
    assert_eq!(s.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
}

#[test]
fn header_is_plain_c() {
    let h = header();
    let includes: Vec<&str> = h.lines().filter(|l| l.starts_with("#include")).collect();
    assert_eq!(includes, ["#include <stddef.h>", "#include <stdint.h>"]);
    assert!(h.starts_with("#ifndef IOTWIRE_H"));
    assert!(!h.contains("bool"), "no bool in the ABI");
}
