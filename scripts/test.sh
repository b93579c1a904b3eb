#!/usr/bin/env bash
# The project's test command: every check CI runs, in order, stopping at the first failure.
# Closes with 'N passed, M failed', counting steps.
set -euo pipefail
cd "$(dirname "$0")/.."

passed=0
declare -a timings=()
summary() {
  echo
  echo "=== step times"
  printf '%s\n' "${timings[@]}"
  echo "$passed passed, $1 failed"
}
# Runs one step under a header line; its time goes into the closing summary.
step() {
  local name=$1 start=$SECONDS
  shift
  echo
  echo "=== $name: $*"
  if ! "$@"; then
    timings+=("$(printf '%4ds  %s (FAILED)' $((SECONDS - start)) "$name")")
    echo "FAIL: $name ($*)"
    summary 1
    exit 1
  fi
  timings+=("$(printf '%4ds  %s' $((SECONDS - start)) "$name")")
  passed=$((passed + 1))
}
build_dir=build/ci

step "deps" scripts/install-deps.sh
step "fmt" cargo fmt --all -- --check
step "clippy" cargo clippy --all-targets -- -D warnings
step "cargo test" cargo test
step "rust crates (plain cargo build + gcc, cargo package)" scripts/rust-crates-check.sh
step "build legacy-sign only" cargo build -p iotwire-ffi --no-default-features --features legacy-sign
step "build mqtt only" cargo build -p iotwire-ffi --no-default-features --features mqtt
step "build enos only" cargo build -p iotwire-ffi --no-default-features --features enos
step "build coap only" cargo build -p iotwire-ffi --no-default-features --features coap
step "build coap-symmetric only" cargo build -p iotwire-ffi --no-default-features --features coap-symmetric
step "build http only" cargo build -p iotwire-ffi --no-default-features --features http
step "build mqtt-codec only" cargo build -p iotwire-ffi --no-default-features --features mqtt-codec
step "build topics only" cargo build -p iotwire-ffi --no-default-features --features topics
step "build crypto only" cargo build -p iotwire-ffi --no-default-features --features crypto
step "header" scripts/gen-header.sh --check
step "docs" scripts/doc-check.sh
step "cmake configure" cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Debug -DIOTWIRE_SANITIZE=ON
step "cmake build" cmake --build "$build_dir" -j2
step "ctest" ctest --test-dir "$build_dir" --output-on-failure
step "legacy swap-in (iotkit-embedded 3.2.0)" env IOTWIRE_CLI="$build_dir/c-examples/cli/iotwire-cli" \
  scripts/legacy-swap-test.sh
step "gates" scripts/gates.sh
step "cortex-m" scripts/cortex-m-gate.sh
step "risc-v" scripts/riscv-gate.sh
step "size table (budgets)" scripts/size-table.sh
# After the gate: it leaves the default-feature Cortex-M archives in the cargo dir this reuses.
step "cmake firmware" scripts/cmake-firmware.sh
step "linux gateways (cross, qemu-user)" scripts/linux-cross.sh
# After the gates, the cmake build and linux-cross: it reuses their cargo target directories.
step "packages (bundle, ESP-IDF, PlatformIO)" scripts/package.sh build/package
step "packages check" scripts/package-check.sh build/package
step "fuzz smoke" scripts/fuzz-smoke.sh

summary 0
