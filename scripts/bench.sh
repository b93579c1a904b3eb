#!/usr/bin/env bash
# Instructions per call on the host, counted by callgrind (deterministic, unlike wall time),
# for every case of bench/bench_main.c: signing (through the legacy header's macro, as legacy
# firmware calls it, and through the exported symbol), the CoAP encrypted publish, AES and the
# parsers; side by side with the legacy iotkit-embedded 3.2.0 SDK's same cases, measured in the
# same run by its footprint tool (tools/legacy-footprint/build_x86.sh beside the repository, in
# ../shared; the column says so where it is absent). Each case runs twice with different call
# counts; the difference divided by the extra calls removes start-up cost. Writes
# docs/generated/speed-table.md.
#
# Usage: scripts/bench.sh            (needs valgrind: scripts/install-deps.sh)
# Env:   LEGACY_FOOTPRINT_TOOL  the legacy footprint tool (default ../shared/tools/legacy-footprint)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind missing (scripts/install-deps.sh)"; exit 1; }
LEGACY_TOOL=${LEGACY_FOOTPRINT_TOOL:-$PWD/../shared/tools/legacy-footprint}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The archive a hosted C project links (what CMake builds for the host): staticlib only, so
# that LTO applies (see README), and opt-level 3, as cmake/iotwire_cargo.cmake sets for hosted
# targets (the release profile's "s" is for firmware). The legacy figures are gcc -O2 builds.
cargo rustc -p iotwire-ffi --release --quiet --lib --crate-type staticlib --target-dir target/bench \
  --config profile.release.opt-level=3 -- --cfg iotwire_lto_archive
# The 3.2.0 default build's switches, for the calls through dev_sign_api.h's macro.
cc -O2 -std=c99 -DSUPPORT_TLS -DMQTT_AUTO_SUBSCRIBE -Iinclude -Iinclude/legacy bench/bench_main.c \
  target/bench/release/libiotwire_ffi.a -Wl,--gc-sections -o "$out/bench"
count() {  # case calls
  valgrind --tool=callgrind --callgrind-out-file="$out/cg.$1.$2" "$out/bench" "$1" "$2" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

# The legacy SDK's figures, from its own bench in the same run.
legacy_speed=""
if [ -f "$LEGACY_TOOL/build_x86.sh" ] && [ -d "$LEGACY_TOOL/../../legacy-sdk/iotkit-embedded-3.2.0" ]; then
  if LEGACY_FOOTPRINT_OUT="$out/legacy" bash "$LEGACY_TOOL/build_x86.sh" >"$out/legacy.log" 2>&1; then
    legacy_speed="$out/legacy/results/x86-speed.txt"
  else
    echo "bench: the legacy footprint tool failed:" >&2
    tail -5 "$out/legacy.log" >&2
  fi
else
  echo "bench: no legacy SDK tree or footprint tool beside the repository ($LEGACY_TOOL):" \
    "legacy column left empty" >&2
fi
legacy() {  # case -> legacy instructions per call, or "-"
  local c=$1
  [ "$c" = iot_sign_mqtt_header ] && c=iot_sign_mqtt
  if [ -n "$legacy_speed" ]; then
    awk -v c="$c" '$1 == "bench_legacy_nolog" && $2 == c { print $3; found = 1 }
      END { if (!found) print "-" }' "$legacy_speed"
  else
    echo "-"
  fi
}

low=100 high=1100
rows=()
for c in $("$out/bench" list); do
  a=$(count "$c" $low)
  b=$(count "$c" $high)
  per_call=$(( (b - a) / (high - low) ))
  l=$(legacy "$c")
  printf '%-26s %8d instructions per call   legacy %s\n' "$c" "$per_call" "$l"
  [ "$c" = iot_sign_mqtt_header ] && cp "$out/cg.$c.$high" "$out/profile.iot_sign"
  rows+=("$c $per_call $l")
done
mkdir -p docs/generated
printf '%s\n' "${rows[@]}" >"$out/rows.txt"
python3 bench/speed_table.py "$out/rows.txt" docs/generated/speed-table.md
echo "wrote docs/generated/speed-table.md"
# Where IOT_Sign_MQTT's instructions go (the largest functions of its 1,100-call run).
callgrind_annotate "$out/profile.iot_sign" 2>/dev/null | sed -n '/file:function/,$p' | sed -n '3,10p'
