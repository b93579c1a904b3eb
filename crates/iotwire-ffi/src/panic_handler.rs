//! Firmware builds (`no_std`) need a panic handler. The core is panic-free by construction
//! (clippy denies every panicking construct) and the release Cortex-M link gate proves that
//! no panic path survives, so this handler is unreachable. It deliberately ignores the
//! `PanicInfo`, which lets LTO drop all of `core::fmt`.
//!
//! The proof: `scripts/panic-never-gate.sh` builds the library with `--cfg iotwire_panic_never`,
//! where the handler calls a symbol that nothing defines. LTO keeps the handler only if some
//! export can reach it, and then the link of a program calling every export fails.

#[cfg(not(iotwire_panic_never))]
#[panic_handler]
fn panic(_info: &core::panic::PanicInfo) -> ! {
    loop {
        core::hint::spin_loop();
    }
}

#[cfg(iotwire_panic_never)]
#[panic_handler]
fn panic(_info: &core::panic::PanicInfo) -> ! {
    unsafe extern "C" {
        /// Deliberately defined nowhere: an undefined reference to it is the gate's failure.
        fn iotwire_panic_is_reachable() -> !;
    }
    // SAFETY: only the gate builds this variant and only links it; it never runs, and a link
    // that keeps this call fails on the undefined symbol.
    unsafe { iotwire_panic_is_reachable() }
}

/// `cargo build --release` makes the archive without LTO (this crate is also an rlib), and on
/// hosted targets such an archive carries rustup's prebuilt `core`, which was compiled for
/// unwinding and names `rust_eh_personality` in its unwind tables. A no_std library has no
/// runtime to define it, so without this symbol a plain `gcc main.c libiotwire_ffi.a` fails to
/// link. With `panic = "abort"` nothing ever unwinds, so the personality routine is never called.
/// Firmware targets (`target_os = "none"`) build `core` with abort and need no such symbol, and
/// the single-object LTO archive that CMake builds (`--cfg iotwire_lto_archive`) has no
/// reference to it, so neither exports it (it could clash with another Rust library's).
#[cfg(all(
    not(target_os = "none"),
    panic = "abort",
    not(iotwire_panic_never),
    not(iotwire_lto_archive)
))]
#[unsafe(no_mangle)]
pub extern "C" fn rust_eh_personality() {}
