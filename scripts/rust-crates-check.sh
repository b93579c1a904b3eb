#!/usr/bin/env bash
# The two crates as their users meet them, in a checkout as fresh as this one:
#  1. `cargo build --release` (nothing else) gives target/release/libiotwire_ffi.a, and a C
#     program links against it with plain gcc, no flags, and prints the documented example's
#     credentials;
#  2. the Rust crate `iotwire` packages for crates.io (`cargo package`: manifest, file list, and
#     a build of the packaged sources against crates.io dependencies), and its doc examples
#     compile and pass.
set -euo pipefail
cd "$(dirname "$0")/.."

out=build/rust-crates-check
mkdir -p "$out"
cargo build --release
gcc -Iinclude c-examples/examples/mqtt_connect_credentials.c target/release/libiotwire_ffi.a \
  -o "$out/plain-gcc-example"
"$out/plain-gcc-example" | tee "$out/plain-gcc-example.txt"
grep -q 'password' "$out/plain-gcc-example.txt"
echo "plain gcc: linked target/release/libiotwire_ffi.a and ran"

# --allow-dirty: this checks that the crate packages, not that the tree is committed.
cargo package -p iotwire --allow-dirty --quiet
cargo test -p iotwire --doc --quiet
echo "cargo package: iotwire packages and builds from its package; doc examples pass"
