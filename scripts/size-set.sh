#!/usr/bin/env bash
# Flash of one link set, for working on size: builds libiotwire for a firmware target with the
# given Cargo features (release profile, -Zbuild-std, compact backends, as the size table does),
# links the given C program(s) with arm-none-eabi-gcc -Os --gc-sections (newlib-nano), and prints
# what the library put into the image: its own .text+.rodata, compiler_builtins', RAM, and
# with --symbols N the N largest library symbols. The size table (scripts/size-table.sh) is the
# reference; this is the quick loop.
#
# Usage: scripts/size-set.sh [--target T] [--symbols N] FEATURES PROGRAM.c [more.c ...] [-DX ...]
#   FEATURES: comma-separated Cargo features of iotwire-ffi, or "default".
#   e.g. scripts/size-set.sh --symbols 20 mqtt,legacy-v3 cortex-m/legacy_sets/set_mqtt.c
# Env: SIZE_SET_TARGET_DIR (default cortex-m/out/size-set; one cargo dir per target is reused).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/lib/feature-sets.sh
. "$ROOT/scripts/lib/feature-sets.sh"
target=thumbv7em-none-eabihf symbols=0
while [ $# -gt 0 ]; do
  case $1 in
    --target) target=$2; shift 2 ;;
    --symbols) symbols=$2; shift 2 ;;
    *) break ;;
  esac
done
[ $# -ge 2 ] || { sed -n '2,12p' "$0" >&2; exit 2; }
features=$1; shift
case $target in
  thumbv7em-none-eabihf) cpu="-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16" ;;
  thumbv6m-none-eabi) cpu="-mcpu=cortex-m0 -mthumb -mfloat-abi=soft" ;;
  thumbv7m-none-eabi) cpu="-mcpu=cortex-m3 -mthumb -mfloat-abi=soft" ;;
  *) echo "size-set: no compiler flags for $target" >&2; exit 2 ;;
esac
export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1
unset RUSTFLAGS CARGO_BUILD_RUSTFLAGS CARGO_ENCODED_RUSTFLAGS
td=${SIZE_SET_TARGET_DIR:-$ROOT/cortex-m/out/size-set}
out=$td/img/$target/${features//,/+}
mkdir -p "$out"
# shellcheck disable=SC2046
(cd "$ROOT" && /usr/bin/cargo rustc -p iotwire-ffi --quiet --release --lib --crate-type staticlib \
  --target "$target" --target-dir "$td" $(set_cargo_args "$features") \
  -Zbuild-std=core,compiler_builtins -Zbuild-std-features=compiler-builtins-mem)
cp "$td/$target/release/libiotwire_ffi.a" "$out/libiotwire.a"
srcs=() defs=()
for a in "$@"; do case $a in -*) defs+=("$a") ;; *) srcs+=("$a") ;; esac; done
# shellcheck disable=SC2046,SC2086
arm-none-eabi-gcc $cpu -Os -ffunction-sections -fdata-sections $(set_c_defs "$features") \
  "${defs[@]}" -I"$ROOT/include" -I"$ROOT/include/legacy" --specs=nano.specs --specs=nosys.specs \
  -Wl,--gc-sections -Wl,--no-warn-execstack -Wl,--cref -Wl,-Map="$out/image.map" \
  "${srcs[@]}" "$out/libiotwire.a" -o "$out/image.elf"
declare -A s
for kv in $(python3 "$ROOT/cortex-m/mapsize.py" "$out/image.map"); do s[${kv%%=*}]=${kv#*=}; done
own=$((s[rust_text] + s[rust_rodata])) cb=$((s[cb_text] + s[cb_rodata]))
echo "$target $features: iotwire $own (text ${s[rust_text]}, rodata ${s[rust_rodata]})" \
  "+ builtins $cb = $((own + cb)) B flash; RAM $((s[rust_data] + s[rust_bss])) B"
if [ "$symbols" -gt 0 ]; then
  arm-none-eabi-nm --size-sort -S -C "$out/image.elf" | awk '$3 !~ /^[bBdD]$/' |
    python3 -c '
import sys
rows = []
for line in sys.stdin:
    parts = line.split(None, 3)
    if len(parts) == 4:
        rows.append((int(parts[1], 16), parts[3].strip()))
for size, name in sorted(rows)[-int(sys.argv[1]):]:
    print(f"{size:6d}  {name[:140]}")' "$symbols"
fi
