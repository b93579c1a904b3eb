#!/usr/bin/env bash
# The iotkit-embedded swap-in proof (scripts/test.sh runs it): builds the unmodified legacy
# 3.2.0 tree and a copy passed through scripts/swap-in-iotkit.sh with the SDK's own make, runs
# the SDK's examples against loopback simulators, compares their bytes, shows the legacy
# defects of the replaced files on one and gone on the other, and measures mqtt-example
# (tests/legacy-swap/run.py says how). Needs the legacy tree, which is a test fixture outside
# the repository: SKIPs with a message where it is absent.
#
#   IOTWIRE_LEGACY_SDK=DIR        the iotkit-embedded-3.2.0 tree (default: the fixture beside
#                                 the repository, ../shared/legacy-sdk/iotkit-embedded-3.2.0)
#   IOTWIRE_LEGACY_SWAP_DIR=DIR   work directory, reused between runs (default build/legacy-swap)
#   IOTWIRE_CLI=PATH              iotwire-cli, to check the CONNECT encoder against the SDK's
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sdk="${IOTWIRE_LEGACY_SDK:-$root/../shared/legacy-sdk/iotkit-embedded-3.2.0}"
if [ ! -f "$sdk/makefile" ]; then
  echo "legacy-swap: SKIP: no iotkit-embedded 3.2.0 tree at $sdk (set IOTWIRE_LEGACY_SDK)"
  exit 0
fi
for tool in make gcc ar python3 mosquitto; do
  command -v "$tool" >/dev/null || { echo "legacy-swap: $tool is missing (scripts/install-deps.sh)" >&2; exit 1; }
done
cli_args=()
if [ -n "${IOTWIRE_CLI:-}" ]; then cli_args=(--cli "$IOTWIRE_CLI"); fi
exec python3 "$root/tests/legacy-swap/run.py" --sdk "$(cd "$sdk" && pwd)" \
  --work "${IOTWIRE_LEGACY_SWAP_DIR:-$root/build/legacy-swap}" --repo "$root" "${cli_args[@]}"
