#!/usr/bin/env bash
# Builds iotwire-cli (sanitizers off, so it runs like a shipped binary) and prints the MQTT
# CONNECT credentials of the documentation's sample device, in the documented form and as the
# legacy iotkit-embedded 3.2.0 SDK sends them.
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
