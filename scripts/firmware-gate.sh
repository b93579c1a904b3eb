#!/usr/bin/env bash
# Firmware gate: libiotwire as firmware links it, run under QEMU on the cores of one family.
#
#   cortex-m  Cortex-M4F (thumbv7em-none-eabihf, mps2-an386) and Cortex-M0 (thumbv6m-none-eabi,
#             microbit): arm-none-eabi-gcc + newlib-nano/rdimon, cortex-m/startup.c
#   riscv     ESP32-C3's rv32imc (riscv32imc-unknown-none-elf) and ESP32-C6/H2's rv32imac
#             (riscv32imac-unknown-none-elf), QEMU virt with exactly those extensions:
#             riscv64-unknown-elf-gcc -march=rv32imc/rv32imac + picolibc, riscv/startup.S
# (per-target details: scripts/lib/firmware-targets.sh). For each target it
#   1. builds the crate as a staticlib with Debian's rustc-web/cargo-web and -Zbuild-std (the
#      compact sha2 backend comes from .cargo/config.toml);
#   2. links the portable programs of cortex-m/ with the family's startup code:
#        vectors_main         known answers from tests/vectors through the C ABI
#        coap_vectors         CoAP known answers: key, AES-CBC (the compact bare-metal AES),
#                             every legacy auth + publish flow
#        sign_only            one IOT_Sign_MQTT call via dev_sign_api.h's macro (size probe)
#        sign_only_exported   the same through the exported IOT_Sign_MQTT symbol
#        baseline             C only, no library
#        stack_probe          worst-case stack per export (stack painting)
#        residue_probe        no secret left on the dead stack (c-examples/residue)
#   3. runs each under QEMU and compares what it prints;
#   4. fails if the library references an allocator (in the archive or in any linked image),
#      puts .data/.bss into an image, or lost the compact SHA-256 backend;
#   5. runs scripts/panic-never-gate.sh for the same targets: no export can reach a panic;
#   6. prints the flash and stack table, also written to <family>/out/sizes.txt.
#
# Usage: scripts/firmware-gate.sh cortex-m|riscv   (or scripts/cortex-m-gate.sh,
#        scripts/riscv-gate.sh; prerequisites: scripts/install-deps.sh)
# Env:   CM_QEMU_TIMEOUT seconds per QEMU run (default 60)
# Takes ~1-2 min per target the first time (build-std compiles core); output in <family>/out/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CM=$ROOT/cortex-m
# shellcheck source=scripts/lib/firmware-targets.sh
. "$ROOT/scripts/lib/firmware-targets.sh"
FAMILY=${1:?usage: scripts/firmware-gate.sh cortex-m|riscv}
TARGETS=$(fw_family_targets "$FAMILY")
OUT=$ROOT/$FAMILY/out
CARGO_DIR=$ROOT/$FW_CARGO_DIR_DEFAULT
TIMEOUT=${CM_QEMU_TIMEOUT:-60}

# ---- prerequisites: report everything missing at once ---------------------------------------
missing=()
need() { local what=$1; shift; "$@" >/dev/null 2>&1 || missing+=("$what"); }
need "/usr/bin/cargo (cargo-web)" test -x /usr/bin/cargo
need "/usr/bin/rustc, /usr/bin/rustdoc (rustc-web)" test -x /usr/bin/rustc -a -x /usr/bin/rustdoc
case $FAMILY in
  cortex-m)
    for t in gcc size readelf nm; do
      need "arm-none-eabi-$t (gcc-arm-none-eabi, binutils-arm-none-eabi)" command -v "arm-none-eabi-$t"
    done
    need "qemu-system-arm (qemu-system-arm)" command -v qemu-system-arm
    if command -v arm-none-eabi-gcc >/dev/null; then
      for s in nano.specs rdimon.specs; do
        need "newlib $s (libnewlib-arm-none-eabi)" test -f "$(arm-none-eabi-gcc -print-file-name=$s)"
      done
    fi
    ;;
  riscv)
    for t in gcc size readelf nm; do
      need "riscv64-unknown-elf-$t (gcc-riscv64-unknown-elf)" command -v "riscv64-unknown-elf-$t"
    done
    need "qemu-system-riscv32 (qemu-system-misc)" command -v qemu-system-riscv32
    if command -v riscv64-unknown-elf-gcc >/dev/null; then
      need "picolibc.specs (picolibc-riscv64-unknown-elf)" \
        test -f "$(riscv64-unknown-elf-gcc -print-file-name=picolibc.specs)"
    fi
    ;;
esac
need "python3" command -v python3
need "timeout (coreutils)" command -v timeout
if [ -x /usr/bin/rustc ]; then
  need "Rust std sources for -Zbuild-std (rust-web-src)" \
    test -f "$(/usr/bin/rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.lock"
fi
need "include/legacy/dev_sign_api.h" test -f "$ROOT/include/legacy/dev_sign_api.h"
if [ ${#missing[@]} -gt 0 ]; then
  echo "firmware-gate: missing prerequisites (run scripts/install-deps.sh):" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi

fw_rust_env

CWARN="-std=c99 -Wall -Wextra -Wpedantic -Werror -Wconversion -Wshadow -Wcast-qual -Wmissing-declarations"
ALLOC_RE='__rust_(alloc|dealloc|realloc|alloc_zeroed)|__rg_|^_?(malloc|free|calloc|realloc|memalign|aligned_alloc|posix_memalign)(_r)?$'
FAIL=0
fail() { echo "FAIL: $*"; FAIL=1; }
pass() { echo "PASS: $*"; }

mkdir -p "$OUT"
python3 "$CM/gen_expected.py" "$ROOT/tests/vectors/legacy-c-sdk.dev.json" "$OUT/gen"
python3 "$ROOT/c-examples/residue/gen_long_keys.py" "$OUT/gen/residue_long_keys.h"
RESIDUE_SRC=$ROOT/c-examples/residue
expected() { sed -n "s/^$1=//p" "$OUT/gen/expected.txt"; }

# ---- 1. staticlib ---------------------------------------------------------------------------
# `cargo rustc --crate-type staticlib`, not `cargo build`: with Cargo.toml's extra rlib crate
# type rustc skips LTO for the archive, and firmware then links every dependency's object
# file unoptimised across crates (~9 KB more flash for IOT_Sign_MQTT on M4F).
build_lib() {
  local t=$1
  echo "== cargo rustc --crate-type staticlib --target $t (build-std)"
  (cd "$ROOT" && /usr/bin/cargo rustc -p iotwire-ffi --quiet --release --lib --crate-type staticlib \
      --target "$t" --target-dir "$CARGO_DIR" \
      -Zbuild-std=core,compiler_builtins -Zbuild-std-features=compiler-builtins-mem)
  mkdir -p "$OUT/$t"
  cp "$CARGO_DIR/$t/release/libiotwire_ffi.a" "$OUT/$t/libiotwire.a"
}

# Every symbol in every member, defined or not (readelf, because binutils' LTO plugin makes
# nm skip the compiler_builtins member, which carries LLVM bitcode).
lib_alloc_gate() {
  local t=$1 lib=$2 hits
  hits=$("$(fw_prefix "$t")readelf" -sW "$lib" | awk 'NF >= 8 {print $8}' | grep -E "$ALLOC_RE" |
    sort -u | tr '\n' ' ' || true)
  if [ -n "$hits" ]; then fail "allocator symbols in $lib: $hits"; else pass "no allocator symbol in $lib"; fi
}

# ---- 2. link --------------------------------------------------------------------------------
link() {  # target name sources/flags...
  local t=$1 name=$2 o="$OUT/$1/$2"
  shift 2
  # shellcheck disable=SC2046,SC2086
  "$(fw_prefix "$t")gcc" $(fw_cpu_flags "$t") -Os -g $CWARN -ffunction-sections -fdata-sections \
    -I"$ROOT/include" -I"$ROOT/include/legacy" -I"$OUT/gen" \
    -Wl,--gc-sections -Wl,--no-warn-execstack -Wl,--cref -Wl,-Map="$o.map" \
    $(fw_image_flags "$t" "$ROOT") "$@" -o "$o.elf"
}

# ---- 3. run ---------------------------------------------------------------------------------
run() {  # target name expected-last-line
  local t=$1 name=$2 want=$3 o="$OUT/$1/$2" status=0 last
  # shellcheck disable=SC2046
  timeout "$TIMEOUT" $(fw_qemu "$t") -kernel "$o.elf" >"$o.log" 2>&1 || status=$?
  last=$(grep -v '^[[:space:]]*$' "$o.log" | tail -n 1 | tr -d '\r')
  grep -E '^(FAIL|  )' "$o.log" | sed 's/^/    /' || true
  if [ "$status" = 124 ]; then
    fail "$t $name: QEMU timed out after ${TIMEOUT}s (log: $o.log)"
  elif [ "$status" != 0 ] || [ "$last" != "$want" ]; then
    fail "$t $name: exit $status, printed '$last', expected '$want' (log: $o.log)"
  else
    pass "$t $name: $last"
  fi
}

# ---- 4./6. per-image gates and sizes --------------------------------------------------------
ROWS=()
measure() {  # target name
  local t=$1 name=$2 o="$OUT/$1/$2" text data bss m
  read -r text data bss _ < <("$(fw_prefix "$t")size" "$o.elf" | tail -n 1)
  m=$(python3 "$CM/mapsize.py" "$o.map")
  local -A s
  for kv in $m; do s[${kv%%=*}]=${kv#*=}; done
  local lib=$((s[rust_text] + s[rust_rodata] + s[cb_text] + s[cb_rodata]))
  local cb=$((s[cb_text] + s[cb_rodata]))
  local ram=$((s[rust_data] + s[rust_bss] + s[cb_data] + s[cb_bss]))
  [ "${s[alloc_refs]}" = "-" ] || fail "$t $name: libiotwire.a objects reference ${s[alloc_refs]}"
  [ "$ram" = 0 ] || fail "$t $name: libiotwire.a puts $ram bytes of .data/.bss into the image"
  ROWS+=("$(printf '%-28s %-19s %7d %5d %5d %8d %8d %8d' "$t" "$name" "$text" "$data" "$bss" \
    "$lib" "$((lib - cb))" "$cb")")
}

# Unrolled SHA-256 rounds are ~7 KB; the rolled block is well under 1 KB. It is iotwire's
# never-inlined Sha256::rounds.
compact_gate() {
  local t=$1 hex
  hex=$("$(fw_prefix "$t")nm" -S "$OUT/$t/sign_only.elf" | awk '/6Sha256.*9Algorithm6rounds/ && !n {print $2; n = 1}')
  if [ -z "$hex" ]; then
    fail "$t: no SHA-256 block function (Sha256::rounds) in sign_only.elf"
  elif [ $((16#$hex)) -gt 1024 ]; then
    fail "$t: the SHA-256 block is $((16#$hex)) bytes: not the rolled one"
  else
    pass "$t: rolled SHA-256 block (Sha256::rounds = $((16#$hex)) bytes)"
  fi
}

# Worst-case stack per export (stack painting, cortex-m/stack_probe.c), in the size table:
# at most 2 KiB for any export and 1 KiB for IOT_Sign_MQTT (legacy: about 1.0 KiB).
STACK_LIMIT=2048
STACK_LIMIT_IOT_SIGN=1024
stack_gate() {
  local t=$1 name used
  while IFS='=' read -r name used; do
    name=${name#STACK }
    STACKS+=("$(printf '%-28s %-28s %6d' "$t" "$name" "$used")")
    local limit=$STACK_LIMIT
    case $name in IOT_Sign_MQTT*) limit=$STACK_LIMIT_IOT_SIGN ;; esac
    if [ "$used" -gt "$limit" ]; then fail "$t: $name uses $used bytes of stack (> $limit)"; fi
  done < <(grep '^STACK ' "$OUT/$t/stack_probe.log" | tr -d '\r')
}
STACKS=()

for t in $TARGETS; do
  build_lib "$t"
  lib="$OUT/$t/libiotwire.a"
  lib_alloc_gate "$t" "$lib"
  link "$t" vectors_main "$CM/vectors_main.c" "$lib"
  link "$t" coap_vectors "$CM/coap_vectors.c" "$lib"
  link "$t" sign_only "$CM/sign_only.c" "$lib"
  link "$t" sign_only_exported -DCM_EXPORTED_SYMBOL "$CM/sign_only.c" "$lib"
  link "$t" baseline "$CM/baseline.c"
  link "$t" stack_probe "$CM/stack_probe.c" "$lib"
  link "$t" residue_probe -I"$RESIDUE_SRC" "$RESIDUE_SRC"/{main,probe,patterns,cases_iotwire}.c "$lib"
  run "$t" vectors_main "$(expected vectors)"
  run "$t" coap_vectors "$(expected coap_vectors)"
  run "$t" sign_only "$(expected sign_only)"
  run "$t" sign_only_exported "$(expected sign_only)"
  run "$t" baseline "$(expected baseline)"
  run "$t" stack_probe DONE
  run "$t" residue_probe DONE
  stack_gate "$t"
  compact_gate "$t"
  for p in baseline sign_only sign_only_exported vectors_main; do measure "$t" "$p"; done
done

# ---- 5. no panic path (same target dir: only the iotwire crates are rebuilt) ----------------
# shellcheck disable=SC2086
"$ROOT/scripts/panic-never-gate.sh" $TARGETS || fail "panic-never gate (scripts/panic-never-gate.sh)"

{
  echo "Flash/RAM of the QEMU images (bytes; size of the whole image, C library included)"
  echo "and what libiotwire.a contributes to them (.text + .rodata, from the -Map file)."
  printf '%-28s %-19s %7s %5s %5s %8s %8s %8s\n' target image text data bss "lib" \
    "iotwire" "builtins"
  printf '%s\n' "${ROWS[@]}"
  echo "lib = iotwire + builtins; builtins = compiler_builtins (memcpy/memset, 64-bit division),"
  echo "which also replace the C library's copies for the whole image. The library adds no .data/.bss."
  echo
  echo "Worst-case stack per export (bytes, stack painting under QEMU, -Os release library):"
  printf '%s\n' "${STACKS[@]}"
} | tee "$OUT/sizes.txt"

if [ "$FAIL" = 0 ]; then echo "firmware-gate $FAMILY: ALL OK"; else echo "firmware-gate $FAMILY: FAILED"; exit 1; fi
