#!/usr/bin/env bash
# Linux gateway gate: iotwire cross-built through the toolchain files in cmake/toolchains/ and
# its C tests run under qemu-user (the toolchain file's CMAKE_CROSSCOMPILING_EMULATOR):
#   rust-target   the Linux compiler -> Rust target mapping (tests/linux-cross/rust_target_test.cmake)
#   per target    configure with the toolchain file (the Rust target is derived from the
#                 compiler, core built with Debian's rustc-web + -Zbuild-std), build the
#                 library, the C contract tests (c-examples/contract) and the legacy vector
#                 replays (c-examples/legacy), check that the programs are the target's ELF,
#                 and run them with ctest under qemu-user:
#     aarch64-unknown-linux-gnu      ASan + UBSan (LeakSanitizer cannot run under qemu-user)
#     armv7-unknown-linux-gnueabihf  ASan + UBSan (likewise)
#     mipsel-unknown-linux-gnu       UBSan in trap mode only: Debian has no MIPS sanitizer
#                                    runtimes, so no ASan there
#
# Usage: scripts/linux-cross.sh [toolchain-name...]   (default: all three; prerequisites:
#        scripts/install-deps.sh). Build trees in build/cross/<toolchain>/; one cargo target
#        directory for all of them, build/cross/cargo (scripts/package.sh reuses it).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/build/cross
mkdir -p "$out"

# toolchain file name | Rust target | ELF machine (readelf -h) | qemu-user | sanitizer mode
all=(
  "aarch64-linux-gnu|aarch64-unknown-linux-gnu|AArch64|qemu-aarch64|asan"
  "arm-linux-gnueabihf|armv7-unknown-linux-gnueabihf|ARM|qemu-arm|asan"
  "mipsel-linux-gnu|mipsel-unknown-linux-gnu|MIPS R3000|qemu-mipsel|ubsan-trap"
)
wanted=("$@")

failed=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failed=1; }
# Runs a command with its output appended to $out/<log>.log, which is shown if it fails.
quiet() {
  local log=$out/$1.log
  shift
  "$@" >>"$log" 2>&1 || { tail -n 60 "$log"; return 1; }
}

missing=()
for tc in aarch64-linux-gnu arm-linux-gnueabihf mipsel-linux-gnu; do
  command -v "$tc-gcc" >/dev/null || missing+=("$tc-gcc (gcc-$tc)")
done
for q in qemu-aarch64 qemu-arm qemu-mipsel; do
  command -v "$q" >/dev/null || missing+=("$q (qemu-user)")
done
command -v cmake >/dev/null || missing+=("cmake")
if [ ${#missing[@]} -gt 0 ]; then
  echo "linux-cross: missing prerequisites (run scripts/install-deps.sh):" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi

start=$SECONDS
rm -f "$out/rust-target.log"
mkdir -p "$out/rt"
if (cd "$out/rt" && quiet rust-target cmake -P "$root/tests/linux-cross/rust_target_test.cmake"); then
  pass "rust-target: $(sed -n 's/^-- rust_target_test: //p' "$out/rust-target.log" | tail -n 1)"
else
  fail "rust-target: Linux compilers map to the wrong Rust target"
fi

for entry in "${all[@]}"; do
  IFS='|' read -r tc triple machine qemu sanitize <<<"$entry"
  if [ ${#wanted[@]} -gt 0 ] && [[ " ${wanted[*]} " != *" $tc "* ]]; then continue; fi
  start=$SECONDS
  dir=$out/$tc
  rm -f "$out/$tc.log" "$out/$tc-ctest.log"
  san=(-DIOTWIRE_SANITIZE=ON)
  if [ "$sanitize" = ubsan-trap ]; then
    san=(-DIOTWIRE_SANITIZE=OFF
      "-DCMAKE_C_FLAGS=-fsanitize=undefined -fsanitize-undefined-trap-on-error")
  fi
  if ! quiet "$tc" cmake -S . -B "$dir" --toolchain "$root/cmake/toolchains/$tc.cmake" \
    -DCMAKE_BUILD_TYPE=Debug -DIOTWIRE_BUILD_EXAMPLES=ON -DIOTWIRE_INSTALL=OFF "${san[@]}" \
    -DIOTWIRE_CARGO_TARGET_DIR="$out/cargo"; then
    fail "$tc: configure failed"
    continue
  fi
  got=$(sed -n 's/^-- iotwire: Rust target \([^,]*\),.*/\1/p' "$out/$tc.log" | tail -n 1)
  if [ "$got" != "$triple" ]; then
    fail "$tc: the toolchain file gave Rust target '$got', expected '$triple'"
    continue
  fi
  if ! quiet "$tc" cmake --build "$dir" -j2; then
    fail "$tc: build failed"
    continue
  fi
  elf=$(readelf -h "$dir/c-examples/contract/iotwire_contract" | sed -n 's/^ *Machine: *//p')
  if [ "$elf" != "$machine" ]; then
    fail "$tc: iotwire_contract is a '$elf' program, expected '$machine'"
    continue
  fi
  # LeakSanitizer needs ptrace-like control that qemu-user does not give; ASan itself works.
  if ASAN_OPTIONS=detect_leaks=0 quiet "$tc-ctest" ctest --test-dir "$dir" --output-on-failure -j2; then
    pass "$tc: $triple, $(grep -Eo '[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+' \
      "$out/$tc-ctest.log" | tail -n 1) under $qemu ($sanitize, $((SECONDS - start))s)"
  else
    fail "$tc: ctest under qemu-user failed (log: $out/$tc-ctest.log)"
  fi
done

exit "$failed"
