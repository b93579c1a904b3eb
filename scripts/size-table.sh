#!/usr/bin/env bash
# Size table: the flash and RAM that libiotwire adds to Cortex-M firmware, per feature set
# (scripts/lib/feature-sets.sh), on thumbv7em-none-eabihf (M4F) and thumbv6m-none-eabi (M0).
#
# For each set: build the release staticlib with those Cargo features (-Zbuild-std, compact
# SHA-256/AES backends from .cargo/config.toml), link the set's program with arm-none-eabi-gcc
# -Os --gc-sections (newlib-nano, nosys), and read the library's share from the -Map file
# (cortex-m/mapsize.py): iotwire's own .text + .rodata, plus compiler_builtins (memcpy/memset
# and EABI helpers, which also serve the rest of the firmware). Two variants of the smallest
# and the largest set show the alternatives: the fast (unrolled) crypto backends, and a
# firmware that brings its own memcpy/memmove/memset/memcmp (cortex-m/firmware_mem.c, linked
# first, so the archive's copies stay out).
#
# Writes cortex-m/out/size-table.txt (machine-readable rows) and the markdown table
# docs/generated/size-table.md, then checks every row against cortex-m/size-budgets.txt:
# a set that grew beyond its recorded budget fails (exit 1).
#
# Usage: scripts/size-table.sh   (prerequisites: scripts/install-deps.sh)
# Env:   SIZE_TABLE_UPDATE_BUDGETS=1  rewrite the budgets as the measured size + 2 % (review
#        the diff: a budget only grows with a reason in the commit message)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CM=$ROOT/cortex-m
OUT=$CM/out/size-table
BUDGETS=$CM/size-budgets.txt
TARGETS="thumbv7em-none-eabihf thumbv6m-none-eabi riscv32imc-unknown-none-elf riscv32imac-unknown-none-elf"
# shellcheck source=scripts/lib/feature-sets.sh
. "$ROOT/scripts/lib/feature-sets.sh"
# shellcheck source=scripts/lib/firmware-targets.sh
. "$ROOT/scripts/lib/firmware-targets.sh"

for tool in /usr/bin/cargo /usr/bin/rustc arm-none-eabi-gcc riscv64-unknown-elf-gcc python3; do
  command -v "$tool" >/dev/null || { echo "size-table: $tool missing (scripts/install-deps.sh)" >&2; exit 1; }
done

# Same toolchain setup as scripts/cortex-m-gate.sh (Debian rustc-web + rust-web-src).
export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1
unset RUSTFLAGS CARGO_BUILD_RUSTFLAGS CARGO_ENCODED_RUSTFLAGS CARGO_BUILD_TARGET
for v in $(compgen -e); do case $v in CARGO_TARGET_*_RUSTFLAGS) unset "$v" ;; esac; done

mkdir -p "$OUT"
ROWS=()

# build target features variant -> path of the archive. Variants: compact (what firmware
# gets; also the fw-mem rows), fast (no compact cfg: RUSTFLAGS replaces the config's
# rustflags). The fast variant has its own target dir, because a change of RUSTFLAGS
# recompiles core.
build() {
  local t=$1 features=$2 variant=$3 td="$CM/out/target" env=()
  case $variant in
    fast) td="$CM/out/target-fast"; env=(RUSTFLAGS="--cfg iotwire_size_table_fast") ;;
  esac
  local dir="$OUT/$t/$variant/${features//,/+}"
  mkdir -p "$dir"
  # shellcheck disable=SC2046
  (cd "$ROOT" && env "${env[@]}" /usr/bin/cargo rustc -p iotwire-ffi --quiet --release --lib \
    --crate-type staticlib --target "$t" --target-dir "$td" $(set_cargo_args "$features") \
    -Zbuild-std=core,compiler_builtins -Zbuild-std-features=compiler-builtins-mem)
  cp "$td/$t/release/libiotwire_ffi.a" "$dir/libiotwire.a"
  echo "$dir"
}

# measure target set features variant program -> appends a row
measure() {
  local t=$1 set=$2 features=$3 variant=$4 prog=$5 cpu dir
  cpu=$(fw_cpu_flags "$t")
  local extra=()
  if [ "$variant" = fw-mem ]; then
    dir=$(build "$t" "$features" compact)
    extra=("$CM/firmware_mem.c")
  else
    dir=$(build "$t" "$features" "$variant")
  fi
  # shellcheck disable=SC2046,SC2086
  "$(fw_prefix "$t")gcc" $cpu -Os -ffunction-sections -fdata-sections $(set_c_defs "$features") \
    -I"$ROOT/include" -I"$ROOT/include/legacy" $(fw_libc_flags "$t") \
    -Wl,--gc-sections -Wl,--no-warn-execstack -Wl,--cref -Wl,-Map="$dir/image-$variant.map" \
    "${extra[@]}" "$CM/$prog" "$dir/libiotwire.a" -o "$dir/image-$variant.elf"
  local -A s
  for kv in $(python3 "$CM/mapsize.py" "$dir/image-$variant.map"); do s[${kv%%=*}]=${kv#*=}; done
  local own=$((s[rust_text] + s[rust_rodata])) cb=$((s[cb_text] + s[cb_rodata]))
  local ram=$((s[rust_data] + s[rust_bss] + s[cb_data] + s[cb_bss]))
  ROWS+=("$t $set $variant $own $cb $((own + cb)) $ram")
  printf '  %-22s %-15s %-9s iotwire %6d  builtins %5d  flash %6d  ram %d\n' \
    "$t" "$set" "$variant" "$own" "$cb" "$((own + cb))" "$ram" >&2
}

for t in $TARGETS; do
  for entry in "${FEATURE_SETS[@]}"; do
    IFS='|' read -r set features prog <<<"$entry"
    if ! features_exist "$ROOT" "$features"; then
      echo "size-table: set $set names features iotwire-ffi does not have: $features" >&2
      exit 1
    fi
    measure "$t" "$set" "$features" compact "$prog"
  done
  for entry in "${FEATURE_SETS[0]}" "${FEATURE_SETS[-1]}"; do
    IFS='|' read -r set features prog <<<"$entry"
    measure "$t" "$set" "$features" fast "$prog"
    measure "$t" "$set" "$features" fw-mem "$prog"
  done
done

printf '%s\n' "${ROWS[@]}" >"$CM/out/size-table.txt"
python3 "$CM/size_table.py" "$CM/out/size-table.txt" "$BUDGETS" "$ROOT/docs/generated/size-table.md" \
  ${SIZE_TABLE_UPDATE_BUDGETS:+--update-budgets}
