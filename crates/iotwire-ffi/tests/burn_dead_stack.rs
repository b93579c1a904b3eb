//! `iotwire::burn` checked where it acts: the dead stack below the caller. Safe Rust cannot
//! read that memory, so the core's own tests cannot see whether a burn happened; here an
//! x86-64 `rep movsb` copies it out right after the burn returns (no call in between, whose
//! frame would land there). The C residue probe (`c-examples/residue`) checks the exports'
//! secrets the same way; this checks the mechanism itself: every size class of
//! [`burn::bytes`] zeroes at least what was asked, and not much more (a burn that clears
//! kilobytes for a 128-byte request costs every call that makes it).
#![cfg(all(target_arch = "x86_64", target_os = "linux"))]

use core::arch::asm;
use iotwire::burn;

/// Paint and window size: above `burn::MAX` plus the frames around it.
const SPAN: usize = 12 * 1024;
const PAINT: u8 = 0xA5;

/// Fills `SPAN` bytes of stack below the caller's frame with `PAINT`.
#[inline(never)]
fn paint() {
    let mut area = [PAINT; SPAN];
    core::hint::black_box(&mut area);
}

/// Copies the `SPAN` bytes just below the current stack pointer to `out` (ending at the stack
/// pointer: `out[SPAN - 1]` is the byte right below it). `out` is a pointer taken before the
/// burn: in a debug build even `as_mut_ptr` is a call, whose frame would land in the window.
#[inline(always)]
fn dead_stack(out: *mut u8) {
    // SAFETY: reads the thread's own stack below its stack pointer (mapped: the test thread's
    // stack is 2 MiB and `paint` used this range a moment ago) and writes `out`, which every
    // caller takes from a `[u8; SPAN]`; `rep movsb` with the direction flag clear (the ABI's state at any call
    // boundary and never changed by Rust code); rdi, rsi and rcx are declared clobbered.
    unsafe {
        asm!(
            "mov rsi, rsp",
            "sub rsi, {span}",
            "rep movsb",
            span = const SPAN,
            inout("rdi") out => _,
            inout("rcx") SPAN => _,
            out("rsi") _,
            options(nostack),
        );
    }
}

/// Paints, burns `n` bytes, and returns the dead stack right after the burn.
#[inline(never)]
fn after_burn(n: usize, out: &mut [u8; SPAN]) {
    let out = out.as_mut_ptr();
    paint();
    burn::bytes(n);
    dead_stack(out);
}

/// The same without the burn: what the window holds when nothing clears it.
#[inline(never)]
fn without_burn(out: &mut [u8; SPAN]) {
    let out = out.as_mut_ptr();
    paint();
    dead_stack(out);
}

/// Zero bytes in the 64..=`upto` bytes below the stack pointer (the few bytes right below it
/// hold the burn's return address and saved registers).
fn zeros_below(window: &[u8; SPAN], upto: usize) -> usize {
    window[SPAN - upto..SPAN - 64]
        .iter()
        .filter(|&&b| b == 0)
        .count()
}

/// The size class `burn::bytes(n)` rounds to.
fn class(n: usize) -> usize {
    match n {
        0 => 0,
        1..=1024 => n.div_ceil(64).max(2) * 64,
        1025..=2048 => n.div_ceil(512) * 512,
        2049..=3072 => 3072,
        _ => burn::MAX,
    }
}

#[test]
fn the_window_keeps_the_paint_when_nothing_burns() {
    // The check below can fail: with no burn, the paint is still there.
    let mut w = Box::new([0u8; SPAN]);
    without_burn(&mut w);
    let painted = w[SPAN - 4096..SPAN - 64]
        .iter()
        .filter(|&&b| b == PAINT)
        .count();
    assert!(
        painted > 3 * 1024,
        "only {painted} painted bytes: the paint did not reach the window"
    );
}

#[test]
fn every_size_class_zeroes_what_was_asked_and_little_more() {
    let mut w = Box::new([0u8; SPAN]);
    // One request inside every size class, and each class's upper edge.
    let sizes = [
        1, 100, 128, 129, 192, 200, 256, 300, 320, 384, 400, 448, 500, 512, 576, 600, 640, 704,
        768, 800, 832, 896, 960, 1000, 1024, 1025, 1536, 2000, 2048, 3000, 3072, 3073, 4096,
    ];
    for n in sizes {
        after_burn(n, &mut w);
        let c = class(n);
        // Asked for `n`: all of the class's scratch array is zero (its frame sits just below
        // the stack pointer, after the return address and alignment).
        let asked = zeros_below(&w, c);
        assert!(
            asked + 8 >= c - 64,
            "burn::bytes({n}): {asked} zero bytes in the {} bytes below the caller",
            c - 64
        );
        // Not much more: from 512 bytes below the class on (what the burn's own calls use
        // in a debug build), 1 KiB keeps the paint.
        let below = &w[SPAN - c - 1536..SPAN - c - 512];
        let painted = below.iter().filter(|&&b| b == PAINT).count();
        assert!(
            painted >= 1000,
            "burn::bytes({n}): only {painted} of 1024 bytes below its class kept the paint"
        );
    }
}

#[test]
fn zero_bytes_burn_nothing() {
    let mut w = Box::new([0u8; SPAN]);
    after_burn(0, &mut w);
    let painted = w[SPAN - 4096..SPAN - 64]
        .iter()
        .filter(|&&b| b == PAINT)
        .count();
    assert!(
        painted > 3 * 1024,
        "burn::bytes(0) cleared {} bytes",
        4032 - painted
    );
}

#[test]
fn stack_clears_its_own_size() {
    let mut w = Box::new([0u8; SPAN]);
    #[inline(never)]
    fn run(out: &mut [u8; SPAN]) {
        let out = out.as_mut_ptr();
        paint();
        burn::stack::<64>();
        dead_stack(out);
    }
    run(&mut w);
    let asked = zeros_below(&w, 512);
    assert!(
        asked >= 512 - 128,
        "burn::stack::<64>() left {asked} zero bytes of 448"
    );
}

#[test]
fn after_returns_the_result_and_burns_below() {
    let mut w = Box::new([0u8; SPAN]);
    #[inline(never)]
    fn run(out: &mut [u8; SPAN]) -> u32 {
        let out = out.as_mut_ptr();
        paint();
        let r = burn::after(300, || core::hint::black_box(7u32));
        dead_stack(out);
        r
    }
    assert_eq!(run(&mut w), 7);
    let asked = zeros_below(&w, class(300));
    assert!(
        asked >= class(300) - 128,
        "burn::after(300, ..) left {asked} zero bytes of 256"
    );
}
