#!/usr/bin/env bash
# Size table: the flash and RAM that libiotwire adds to Cortex-M firmware, side by side with the
# legacy iotkit-embedded 3.2.0 SDK measured in the same run, on thumbv7em-none-eabihf (M4F) and
# thumbv6m-none-eabi (M0); and on the RISC-V cores of ESP32-C3 (riscv32imc-unknown-none-elf)
# and ESP32-C6/H2 (riscv32imac-unknown-none-elf), with picolibc and no legacy columns.
#
# iotwire side: for each set of scripts/lib/size-sets.sh, build the release staticlib with the
# set's Cargo features (-Zbuild-std, the rolled SHA-256 and compact AES of firmware builds), link
# the set's program with arm-none-eabi-gcc -Os --gc-sections (newlib-nano, nosys), and read from
# the -Map file (cortex-m/mapsize.py) the library's own .text + .rodata, compiler_builtins'
# share, its .data/.bss, and the C runtime the image pulls in beyond an empty program.
#
# Legacy side: the legacy SDK's footprint tool (tools/legacy-footprint/build_arm.sh beside the
# repository, in ../shared) rebuilds the unmodified SDK for the same sets with the same
# compiler and flags; for M0 a copy of the tool is run with the M0 flags. Where the tool or the
# SDK tree is absent the legacy columns say so and the iotwire columns are still measured.
#
# Writes cortex-m/out/size-table.txt (machine-readable rows) and docs/generated/size-table.md,
# then checks every row against cortex-m/size-budgets.txt: a set that grew beyond its recorded
# budget, or puts .data/.bss into an image, fails (exit 1).
#
# Usage: scripts/size-table.sh   (prerequisites: scripts/install-deps.sh)
# Env:   SIZE_TABLE_UPDATE_BUDGETS=1  rewrite the budgets as the measured size + 2 % (review
#        the diff: a budget only grows with a reason in the commit message)
#        LEGACY_FOOTPRINT_TOOL  the legacy footprint tool (default ../shared/tools/legacy-footprint)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CM=$ROOT/cortex-m
OUT=$CM/out/size-table
BUDGETS=$CM/size-budgets.txt
TARGETS="thumbv7em-none-eabihf thumbv6m-none-eabi riscv32imc-unknown-none-elf riscv32imac-unknown-none-elf"
LEGACY_TOOL=${LEGACY_FOOTPRINT_TOOL:-$ROOT/../shared/tools/legacy-footprint}
# shellcheck source=scripts/lib/feature-sets.sh
. "$ROOT/scripts/lib/feature-sets.sh"
# shellcheck source=scripts/lib/size-sets.sh
. "$ROOT/scripts/lib/size-sets.sh"
# shellcheck source=scripts/lib/firmware-targets.sh
. "$ROOT/scripts/lib/firmware-targets.sh"

for tool in /usr/bin/cargo /usr/bin/rustc arm-none-eabi-gcc qemu-system-arm riscv64-unknown-elf-gcc \
  qemu-system-riscv32 python3; do
  command -v "$tool" >/dev/null || { echo "size-table: $tool missing (scripts/install-deps.sh)" >&2; exit 1; }
done

# Same toolchain setup as scripts/cortex-m-gate.sh (Debian rustc-web + rust-web-src).
export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1
unset RUSTFLAGS CARGO_BUILD_RUSTFLAGS CARGO_ENCODED_RUSTFLAGS CARGO_BUILD_TARGET
for v in $(compgen -e); do case $v in CARGO_TARGET_*_RUSTFLAGS) unset "$v" ;; esac; done

mkdir -p "$OUT"
ROWS=()

cpu_flags() { fw_cpu_flags "$1"; }

# build target features -> path of a directory holding that build's libiotwire.a. One cargo
# target dir serves every set (and the Cortex-M gate's builds): only the iotwire crates rebuild
# per feature set, and cargo's no-op check (a second or so) decides what is stale.
build() {
  local t=$1 features=$2 td="$CM/out/target"
  local dir="$OUT/$t/${features//,/+}"
  mkdir -p "$dir"
  # shellcheck disable=SC2046
  (cd "$ROOT" && /usr/bin/cargo rustc -p iotwire-ffi --quiet --release --lib \
    --crate-type staticlib --target "$t" --target-dir "$td" $(set_cargo_args "$features") \
    -Zbuild-std=core,compiler_builtins -Zbuild-std-features=compiler-builtins-mem)
  cp "$td/$t/release/libiotwire_ffi.a" "$dir/libiotwire.a"
  echo "$dir"
}

# link target name features "programs and -D flags" -> prints the mapsize.py key=value line
link() {
  local t=$1 name=$2 features=$3 progs=$4 dir srcs=()
  dir=$(build "$t" "$features")
  for p in $progs; do case $p in -*) srcs+=("$p") ;; *) srcs+=("$CM/$p") ;; esac; done
  # shellcheck disable=SC2046,SC2086
  "$(fw_prefix "$t")gcc" $(cpu_flags "$t") -Os -ffunction-sections -fdata-sections \
    $(set_c_defs "$features") -I"$ROOT/include" -I"$ROOT/include/legacy" \
    $(fw_libc_flags "$t") -Wl,--gc-sections -Wl,--no-warn-execstack \
    -Wl,--cref -Wl,-Map="$dir/$name.map" "${srcs[@]}" "$dir/libiotwire.a" -o "$dir/$name.elf"
  python3 "$CM/mapsize.py" "$dir/$name.map"
}

# runs target name -> checks the set's image has no status names, and links the set's program
# again with the QEMU startup and runs it: a row only
# counts if every call it measures succeeded (the legacy-set programs fold their statuses into
# main's exit status). A feature set too small for the job would otherwise measure an image
# whose calls return IOTWIRE_ERR_UNSUPPORTED.
RUN_FAIL=0
runs() {
  local t=$1 name=$2 features=$3 progs=$4 dir srcs=() status=0
  dir="$OUT/$t/${features//,/+}"
  for p in $progs; do case $p in -*) srcs+=("$p") ;; *) srcs+=("$CM/$p") ;; esac; done
  # shellcheck disable=SC2046,SC2086
  "$(fw_prefix "$t")gcc" $(cpu_flags "$t") -Os -ffunction-sections -fdata-sections \
    $(set_c_defs "$features") -I"$ROOT/include" -I"$ROOT/include/legacy" \
    -Wl,--gc-sections -Wl,--no-warn-execstack $(fw_image_flags "$t" "$ROOT") "${srcs[@]}" \
    "$dir/libiotwire.a" -o "$dir/$name.run.elf"
  # shellcheck disable=SC2046
  timeout 60 $(fw_qemu "$t") -kernel "$dir/$name.run.elf" >"$dir/$name.run.log" 2>&1 ||
    status=$?
  # None of the set programs calls iotwire_status_str: its 2 KB of names must not be in the
  # image (one zero-ended constant merged into their string section once kept them all).
  if grep -q IOTWIRE_ERR_ "$dir/$name.elf"; then
    echo "size-table: FAIL: $t $name: the status names are linked into an image that never" \
      "asks for them ($dir/$name.elf)" >&2
    RUN_FAIL=1
  fi
  if [ "$status" != 0 ]; then
    echo "size-table: FAIL: $t $name: the set's program exits $status under QEMU (a call it" \
      "measures failed; features '$features'; log $dir/$name.run.log)" >&2
    RUN_FAIL=1
  fi
}

# ---- the legacy SDK, same compiler and flags ------------------------------------------------
legacy_results() {  # target -> path of arm-sizes.txt, or "" when the tool cannot run
  local t=$1 out="$OUT/legacy-$1" tool=$LEGACY_TOOL
  [ -f "$LEGACY_TOOL/build_arm.sh" ] || { echo ""; return; }
  # The tool builds with arm-none-eabi-gcc: no legacy columns for the RISC-V targets.
  case $t in thumb*) ;; *) echo ""; return ;; esac
  local sdk
  sdk=$(cd "$LEGACY_TOOL/../../legacy-sdk/iotkit-embedded-3.2.0" 2>/dev/null && pwd) || { echo ""; return; }
  if [ "$t" != thumbv7em-none-eabihf ]; then
    # The tool measures M4F; a copy with this target's CPU flags measures the others.
    tool="$OUT/legacy-tool-$t"
    rm -rf "$tool"
    cp -r "$LEGACY_TOOL" "$tool"
    sed -i "s|^ARM_CPU=.*|ARM_CPU=\"$(cpu_flags "$t")\"|" "$tool/common.sh"
  fi
  if LEGACY_SDK="$sdk" LEGACY_FOOTPRINT_OUT="$out" bash "$tool/build_arm.sh" >"$OUT/legacy-$t.log" 2>&1; then
    echo "$out/results/arm-sizes.txt"
  else
    echo "size-table: the legacy footprint tool failed for $t (log: $OUT/legacy-$t.log)" >&2
    echo ""
  fi
}

for t in $TARGETS; do
  legacy=$(legacy_results "$t")
  if [ -z "$legacy" ] && [ "$(fw_family "$t")" = cortex-m ]; then
    echo "size-table: no legacy SDK tree or footprint tool beside the repository" \
      "($LEGACY_TOOL): legacy columns of $t left empty" >&2
  fi
  declare -A base=()
  for kv in $(link "$t" empty legacy-v3 "legacy_sets/empty.c"); do base[${kv%%=*}]=${kv#*=}; done
  base_libc=$((base[libc_text] + base[libc_rodata] + base[libc_data]))
  for entry in "${SIZE_SETS[@]}"; do
    IFS='|' read -r set features progs legacy_row <<<"$entry"
    declare -A s=()
    for kv in $(link "$t" "$set" "$features" "$progs"); do s[${kv%%=*}]=${kv#*=}; done
    case $progs in legacy_sets/*) runs "$t" "$set" "$features" "$progs" ;; esac
    own=$((s[rust_text] + s[rust_rodata])) cb=$((s[cb_text] + s[cb_rodata]))
    ram=$((s[rust_data] + s[rust_bss] + s[cb_data] + s[cb_bss]))
    libc=$((s[libc_text] + s[libc_rodata] + s[libc_data] - base_libc))
    lg="- - - -"
    if [ -n "$legacy" ] && [ "$legacy_row" != - ]; then
      # "name legacy=N hal=N libc_delta=N total=N harness=N legacy_bss=N image_delta=N"
      lg=$(awk -v r="$legacy_row" '$1 == r { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        print v["legacy"] + v["hal"], v["total"], v["legacy_bss"], v["libc_delta"] }' "$legacy")
      [ -n "$lg" ] || lg="- - - -"
    fi
    ROWS+=("$t $set $own $cb $((own + cb)) $libc $ram $lg")
    printf '  %-22s %-16s iotwire %6d + builtins %4d = %6d  (+libc %5d)  ram %d   legacy %s\n' \
      "$t" "$set" "$own" "$cb" "$((own + cb))" "$libc" "$ram" "$lg" >&2
  done
done

printf '%s\n' "${ROWS[@]}" >"$CM/out/size-table.txt"
python3 "$CM/size_table.py" "$CM/out/size-table.txt" "$BUDGETS" "$ROOT/docs/generated/size-table.md" \
  ${SIZE_TABLE_UPDATE_BUDGETS:+--update-budgets}
[ "$RUN_FAIL" = 0 ] || { echo "size-table: a set's program failed under QEMU (above)" >&2; exit 1; }
