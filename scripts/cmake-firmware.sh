#!/usr/bin/env bash
# CMake firmware gate: iotwire cross-compiled through CMake toolchain files and linked into
# tests/cmake-firmware, whose ctest runs the image under QEMU.
#   rust-target       the compiler-flags -> Rust target mapping (tests/cmake-firmware/rust_target_test.cmake)
#   per core          M4F: cmake/toolchains/arm-none-eabi-cortex-m4f.cmake, default features
#                     M0:  cmake/toolchains/arm-none-eabi-cortex-m0.cmake, legacy-v3 only
#     install           iotwire alone, configured with the toolchain file, `cmake --install`ed
#     find_package      the firmware against that prefix: build, ctest
#     add_subdirectory  the firmware with this checkout as a subproject: build, ctest
#   mismatch          find_package() refuses the M4F install to the M0 firmware
# The host consumer is scripts/gates.sh's.
#
# Usage: scripts/cmake-firmware.sh          (prerequisites: scripts/install-deps.sh)
# Env:   FIRMWARE_CARGO_DIR  cargo target directory every build shares (IOTWIRE_CARGO_TARGET_DIR).
#        Default cortex-m/out/target: scripts/cortex-m-gate.sh builds the same default-feature
#        archives there with the same toolchain, so after the gate only the M0 legacy-v3
#        variant compiles (~10 s); cold, -Zbuild-std costs ~30-60 s per core.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
cargo_dir=${FIRMWARE_CARGO_DIR:-$root/cortex-m/out/target}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failed=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failed=1; }
# Runs a command with its output appended to $work/<log>.log, which is shown if it fails.
quiet() {
  local log=$work/$1.log
  shift
  "$@" >>"$log" 2>&1 || { cat "$log"; return 1; }
}

rt_start=$SECONDS
mkdir -p "$work/rt"
if (cd "$work/rt" && quiet rust-target cmake -P "$root/tests/cmake-firmware/rust_target_test.cmake"); then
  pass "rust-target: $(sed -n 's/^-- rust_target_test: //p' "$work/rust-target.log") ($((SECONDS - rt_start))s)"
else
  fail "rust-target: compiler flags map to the wrong Rust target"
fi

# core toolchain-file features expected-features
firmware() {
  local core=$1 features=$3 expect=$4 start=$SECONDS
  local tc=$root/cmake/toolchains/$2 prefix=$work/prefix-$1 how
  local common=(--toolchain "$tc" -DIOTWIRE_CARGO_FEATURES="$features"
    -DIOTWIRE_CARGO_TARGET_DIR="$cargo_dir")
  if quiet "$core-install" cmake -S . -B "$work/lib-$core" -DCMAKE_BUILD_TYPE=Release "${common[@]}" &&
    quiet "$core-install" cmake --build "$work/lib-$core" -j2 &&
    quiet "$core-install" cmake --install "$work/lib-$core" --prefix "$prefix"; then
    pass "$core install: $(sed -n 's/^-- iotwire: Rust target \([^,]*\),.*/\1/p' "$work/$core-install.log" |
      head -n1), features '${features:-default}' ($((SECONDS - start))s)"
  else
    fail "$core install: building or installing iotwire with $2 failed"
    return 0
  fi
  for how in find_package add_subdirectory; do
    local dir=$work/fw-$core-$how args=(-DCMAKE_PREFIX_PATH="$prefix")
    start=$SECONDS
    [ "$how" = add_subdirectory ] && args=(-DIOTWIRE_SOURCE_DIR="$root")
    if quiet "$core-$how" cmake -S tests/cmake-firmware -B "$dir" -DCMAKE_BUILD_TYPE=MinSizeRel \
      "${common[@]}" -DFIRMWARE_EXPECT_FEATURES="$expect" "${args[@]}" &&
      quiet "$core-$how" cmake --build "$dir" -j2; then
      if quiet "$core-$how-ctest" ctest --test-dir "$dir" --output-on-failure -V; then
        pass "$core $how: $(grep -Eo 'DONE .*' "$work/$core-$how-ctest.log" | tr -d '\r')" \
          "($((SECONDS - start))s)"
      else
        fail "$core $how: ctest (QEMU) failed"
      fi
    else
      fail "$core $how: configuring or building the firmware failed"
    fi
  done
}

firmware m4f arm-none-eabi-cortex-m4f.cmake "" "mqtt;legacy-sign"
# The smallest build a legacy firmware takes: IOT_Sign_MQTT through dev_sign_api.h, with neither
# the exported symbol nor the documented API.
firmware m0 arm-none-eabi-cortex-m0.cmake legacy-v3 legacy-v3

# A core/ABI mismatch must stop at configure time with the reason, not at link or run time.
if [ -d "$work/prefix-m4f" ]; then
  if cmake -S tests/cmake-firmware -B "$work/mismatch" \
    --toolchain "$root/cmake/toolchains/arm-none-eabi-cortex-m0.cmake" \
    -DCMAKE_PREFIX_PATH="$work/prefix-m4f" >"$work/mismatch.log" 2>&1; then
    fail "mismatch: the M0 firmware accepted the thumbv7em-none-eabihf install"
  # CMake wraps the message; joined again before matching.
  elif tr '\n' ' ' <"$work/mismatch.log" | tr -s ' ' | grep -q "needs 'thumbv6m-none-eabi'"; then
    pass "mismatch: find_package(iotwire) refuses a thumbv7em-none-eabihf install for thumbv6m-none-eabi"
  else
    cat "$work/mismatch.log"
    fail "mismatch: configure failed for another reason"
  fi
fi

exit "$failed"
