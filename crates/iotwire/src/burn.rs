//! Stack burning: overwrite the stack memory a finished function used.
//!
//! Rust cannot reach a dead frame. When a function that handled a secret returns, its frame
//! keeps what the compiler put there (a hash block function's message schedule and working
//! variables, register spills, moved and returned copies) until something else happens to
//! overwrite it; `zeroize` only wipes values that are still owned. So right after such a
//! function returns, its caller calls [`stack`] from the same frame depth: the scratch array
//! lies where that function's frame was and is overwritten with volatile writes. It must be at
//! least as large as that function's stack use, which is measured per target (the sizes are
//! next to each call). `c-examples/residue` checks that nothing is left, on the host and on
//! Cortex-M0/M4F under QEMU.

use zeroize::Zeroize;

/// Bytes of one machine word, the unit [`stack`] writes.
const WORD: usize = core::mem::size_of::<usize>();

/// Overwrites `WORDS` machine words of stack just below the caller's frame. Never inlined:
/// the array must be a frame of its own, where the previous callee's was.
#[inline(never)]
pub fn stack<const WORDS: usize>() {
    let mut scratch = [0usize; WORDS];
    scratch.zeroize();
}

/// Runs `f` in a frame of its own, then overwrites at least `bytes` (at most [`MAX`]) bytes of
/// stack below the caller: for work that leaves copies it cannot wipe itself, such as a
/// crate's constructor that builds a key schedule and returns it by value. `bytes` must cover
/// the frame of `f` and the secret-holding frames below it.
#[inline(always)]
pub fn after<R>(bytes: usize, f: impl FnOnce() -> R) -> R {
    let r = own_frame(f);
    self::bytes(bytes);
    r
}

#[inline(never)]
fn own_frame<R>(f: impl FnOnce() -> R) -> R {
    f()
}

/// The largest size [`bytes`] burns.
pub const MAX: usize = 4096;

// Every hash block function's stack fits one burn (checked at compile time).
const _: () = assert!(<crate::hash::sha256::Sha256 as crate::hash::Algorithm>::STACK <= MAX);
#[cfg(any(feature = "hmac-md5", test))]
const _: () = assert!(<crate::hash::md5::Md5 as crate::hash::Algorithm>::STACK <= MAX);
#[cfg(any(feature = "hmac-sha1", test))]
const _: () = assert!(<crate::hash::sha1::Sha1 as crate::hash::Algorithm>::STACK <= MAX);

/// Overwrites at least `bytes` (at most [`MAX`]) bytes of stack just below the caller's frame,
/// rounded up to a multiple of 64 (of 512 above 1 KiB) so that the few sizes in use share
/// instances. Meant for a constant `bytes`: the choice is then made at compile time.
#[inline(always)]
pub fn bytes(bytes: usize) {
    match bytes {
        0 => {}
        1..=128 => stack::<{ 128 / WORD }>(),
        129..=192 => stack::<{ 192 / WORD }>(),
        193..=256 => stack::<{ 256 / WORD }>(),
        257..=320 => stack::<{ 320 / WORD }>(),
        321..=384 => stack::<{ 384 / WORD }>(),
        385..=448 => stack::<{ 448 / WORD }>(),
        449..=512 => stack::<{ 512 / WORD }>(),
        513..=576 => stack::<{ 576 / WORD }>(),
        577..=640 => stack::<{ 640 / WORD }>(),
        641..=704 => stack::<{ 704 / WORD }>(),
        705..=768 => stack::<{ 768 / WORD }>(),
        769..=832 => stack::<{ 832 / WORD }>(),
        833..=896 => stack::<{ 896 / WORD }>(),
        897..=960 => stack::<{ 960 / WORD }>(),
        961..=1024 => stack::<{ 1024 / WORD }>(),
        1025..=1536 => stack::<{ 1536 / WORD }>(),
        1537..=2048 => stack::<{ 2048 / WORD }>(),
        2049..=3072 => stack::<{ 3072 / WORD }>(),
        _ => stack::<{ MAX / WORD }>(),
    }
}
