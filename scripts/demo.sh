#!/usr/bin/env bash
# Builds iotwire-cli and prints what the documentation's sample device sends: its MQTT
# credentials (documented form and as the legacy iotkit-embedded 3.2.0 SDK sends them), the
# MQTT CONNECT packet, the CoAP auth datagram and an encrypted CoAP property post, and the
# HTTPS auth request.
#
# Needs only what a fresh machine has: rustup's cargo and gcc. The library is the plain
# `cargo build --release` archive (README, "Without CMake"; scripts/rust-crates-check.sh links
# it the same way) with the host-only diagnose feature, as CMake's host build has it, so the
# CLI's explain and check-connect work too; the CLI is c-examples/cli/src/*.c compiled by gcc.
# Nothing is installed: no CMake, QEMU or cross toolchains (scripts/test.sh installs those, and
# builds the same CLI with CMake and sanitizers for its tests).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f c-examples/cli/src/main.c ]; then
  echo "demo: no iotwire-cli in this checkout (c-examples/cli/src/ is missing)" >&2
  exit 1
fi
for tool in cargo gcc; do
  if ! command -v "$tool" >/dev/null; then
    echo "demo: $tool not found (cargo: https://rustup.rs; gcc: apt-get install gcc)" >&2
    exit 1
  fi
done

# Build output goes to a log so the demo prints only JSON; the log is shown if the build fails.
build=build/demo
mkdir -p "$build"
cli="$build/iotwire-cli"
if ! { cargo build --release -p iotwire-ffi --features diagnose &&
  gcc -std=c99 -O2 -DIOTWIRE_HAS_DIAGNOSE -Iinclude -Iinclude/legacy c-examples/cli/src/*.c \
    target/release/libiotwire_ffi.a -o "$cli"; } >"$build/demo-build.log" 2>&1; then
  cat "$build/demo-build.log" >&2
  echo "demo: building iotwire-cli failed" >&2
  exit 1
fi

device=(--product-key a1X2bEnP82z --device-name example1
  --device-secret ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD)
echo "# documented form"
"$cli" mqtt-sign "${device[@]}"
echo "# as iotkit-embedded 3.2.0 sends it"
"$cli" mqtt-sign "${device[@]}" --profile v3.2.0
echo "# the MQTT CONNECT packet carrying them"
"$cli" mqtt-connect-packet "${device[@]}" --keepalive 60
echo "# CoAP symmetric mode: the auth datagram (POST /auth, port 5682)"
"$cli" coap-auth "${device[@]}" --seq 1000 --message-id 1 --token 04030201
topic=$("$cli" topic --kind property-post --product-key a1X2bEnP82z --device-name example1 |
  sed 's/.*"topic":"\([^"]*\)".*/\1/')
echo "# an encrypted property post to $topic (key and token as the platform would return them)"
"$cli" coap-publish --topic "$topic" --auth-token TOKEN00.abc --payload '{"id":"1","params":{"Temp":25}}' \
  --key 03d67b8294a6647314cc376ab61d090a --seq 1001
echo "# HTTPS: the POST /auth request"
"$cli" http-auth "${device[@]}"
