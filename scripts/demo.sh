#!/usr/bin/env bash
# Builds iotwire-cli (sanitizers off, so it runs like a shipped binary) and prints what the
# documentation's sample device sends: its MQTT credentials (documented form and as the legacy
# iotkit-embedded 3.2.0 SDK sends them), the MQTT CONNECT packet, the CoAP auth datagram and an
# encrypted CoAP property post, and the HTTPS auth request.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f c-examples/cli/CMakeLists.txt ]; then
  echo "demo: no iotwire-cli in this checkout (c-examples/cli/ is missing)" >&2
  exit 1
fi
scripts/install-deps.sh >/dev/null

# Build output goes to a log so the demo prints only JSON; the log is shown if the build fails.
build=build/demo
mkdir -p "$build"
if ! { cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DIOTWIRE_SANITIZE=OFF &&
  cmake --build "$build" --target iotwire-cli -j2; } >"$build/demo-build.log" 2>&1; then
  cat "$build/demo-build.log" >&2
  echo "demo: building iotwire-cli failed" >&2
  exit 1
fi
cli="$build/c-examples/cli/iotwire-cli"

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
