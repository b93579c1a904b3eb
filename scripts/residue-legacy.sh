#!/usr/bin/env bash
# Secret residue of the legacy iotkit-embedded 3.2.0 SDK, measured the way c-examples/residue
# measures libiotwire (same probe, same secrets, same patterns; cases in
# c-examples/residue/cases_legacy.c): on the host (gcc -O2, as the legacy speed figures) and
# on a Cortex-M4F under QEMU (arm-none-eabi-gcc -Os, as the legacy size figures). The SDK's
# unmodified sources are compiled in a temporary directory with the flags, defines and HAL
# shim of the legacy footprint tool (its common.sh and hal/), whose harness/wrap_coap.c runs
# the SDK's CoAP auth request and reply without a socket. Nothing is copied into the
# repository. Informational (the legacy SDK is expected to leave residue): prints one line per
# case and exits 0; SKIPs when the tool or the SDK tree is absent.
#
# Usage: scripts/residue-legacy.sh
# Env:   LEGACY_FOOTPRINT_TOOL  the legacy footprint tool (default ../shared/tools/legacy-footprint
#                               beside the repository); its common.sh honours LEGACY_SDK.
#        RESIDUE_LEGACY_TARGETS "host m4f" (default) or a subset.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOL=${LEGACY_FOOTPRINT_TOOL:-$ROOT/../shared/tools/legacy-footprint}
if [ ! -f "$TOOL/common.sh" ]; then
  echo "SKIP: no legacy footprint tool at $TOOL (set LEGACY_FOOTPRINT_TOOL)"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# common.sh sets S (SDK tree), INC, DEFS, LEGACY_SRCS, ARM_CPU; TOP is where it may write.
# shellcheck disable=SC1091
LEGACY_FOOTPRINT_OUT=$work/tool . "$TOOL/common.sh"
if [ ! -d "$S/src" ]; then
  echo "SKIP: no iotkit-embedded 3.2.0 sources at $S (set LEGACY_SDK)"
  exit 0
fi
R=$ROOT/c-examples/residue
CM=$ROOT/cortex-m

# build DIR CC "CFLAGS": the SDK's objects (the CoAP API through wrap_coap.c, which includes
# it; the HTTP API is not needed), the HAL shim, and the residue program with legacy cases.
build() {
  local dir=$1 cc=$2 cflags=$3 f
  mkdir -p "$dir/obj"
  for f in $LEGACY_SRCS; do
    case $f in *iotx_coap_api.c|*iotx_http_api.c) continue ;; esac
    # shellcheck disable=SC2086
    $cc $cflags $INC $DEFS -c "$S/$f" -o "$dir/obj/$(basename "$f" .c).o"
  done
  # shellcheck disable=SC2086
  $cc $cflags $INC $DEFS -c "$TOOL/harness/wrap_coap.c" -o "$dir/obj/wrap_coap.o"
  for f in hal_os hal_ids hal_net_stub; do
    # shellcheck disable=SC2086
    $cc $cflags -c "$TOOL/hal/$f.c" -o "$dir/obj/hal_$f.o"
  done
  for f in main probe patterns cases_legacy; do
    # shellcheck disable=SC2086
    $cc $cflags -I"$R" $INC $DEFS -c "$R/$f.c" -o "$dir/$f.o"
  done
}

targets=${RESIDUE_LEGACY_TARGETS:-host m4f}
for t in $targets; do
  case $t in
    host)
      build "$work/host" gcc "-O2 -w"
      gcc -O2 "$work"/host/{main,probe,patterns,cases_legacy}.o "$work"/host/obj/*.o -Wl,-z,now \
        -o "$work/host/residue_legacy"
      echo "== legacy iotkit-embedded 3.2.0, x86-64 (gcc -O2)"
      "$work/host/residue_legacy" || true
      ;;
    m4f)
      cpu="-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16"
      # The SDK's CoAP code keeps large buffers on the stack: a 16 KiB window (the board has 4 MiB).
      build "$work/m4f" arm-none-eabi-gcc "$cpu -Os -ffunction-sections -fdata-sections -w -DRS_STACK_WINDOW=16384u"
      # shellcheck disable=SC2086
      arm-none-eabi-gcc $cpu -Os -w --specs=nano.specs --specs=rdimon.specs -nostartfiles \
        -L"$CM" -T "$CM/mps2.ld" -Wl,--gc-sections -Wl,--no-warn-execstack "$CM/startup.c" \
        "$work"/m4f/{main,probe,patterns,cases_legacy}.o "$work"/m4f/obj/*.o -o "$work/m4f/residue_legacy.elf"
      echo "== legacy iotkit-embedded 3.2.0, Cortex-M4F (arm-none-eabi-gcc -Os, QEMU mps2-an386)"
      timeout 120 qemu-system-arm -M mps2-an386 -cpu cortex-m4 -nographic -monitor none -serial null \
        -semihosting-config enable=on,target=native -kernel "$work/m4f/residue_legacy.elf" || true
      ;;
    *) echo "residue-legacy: unknown target $t" >&2; exit 2 ;;
  esac
done
