#!/usr/bin/env bash
# Instructions per IOT_Sign_MQTT call on the host, counted by callgrind (deterministic, unlike
# wall time). Two runs with different call counts; the difference divided by the extra calls
# removes start-up cost. Legacy reference (legacy-c-sdk.md section 6): about 26,100 Ir/call.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind missing (scripts/install-deps.sh)"; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The archive firmware links: staticlib only, so that LTO applies (see README).
cargo rustc --release --quiet --lib --crate-type staticlib --target-dir target/bench
cc -O2 -std=c99 -Iinclude -Iinclude/legacy bench/iot_sign_mqtt_bench.c target/bench/release/libiotwire.a \
   -Wl,--gc-sections -o "$out/bench"
count() { valgrind --tool=callgrind --callgrind-out-file="$out/cg.$1" "$out/bench" "$1" 2>&1 |
          sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
low=100 high=1100
a=$(count $low); b=$(count $high)
per_call=$(( (b - a) / (high - low) ))
echo "IOT_Sign_MQTT: $per_call instructions per call (callgrind, x86_64, release)"
callgrind_annotate "$out/cg.$high" 2>/dev/null | sed -n '/file:function/,$p' | sed -n '3,8p'
