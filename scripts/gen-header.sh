#!/usr/bin/env bash
# Regenerates include/iotwire.h from crates/iotwire-ffi/src with the pinned cbindgen.
# Usage: scripts/gen-header.sh [--check]   (--check: fail if the committed header is stale)
set -euo pipefail
cd "$(dirname "$0")/.."
want=0.29.4
if ! command -v cbindgen >/dev/null || [ "$(cbindgen --version | awk '{print $2}')" != "$want" ]; then
  cargo install --locked cbindgen --version "$want"
fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
cbindgen --quiet --config cbindgen.toml --crate iotwire-ffi --output "$tmp" crates/iotwire-ffi
if [ "${1:-}" = "--check" ]; then
  if ! diff -u include/iotwire.h "$tmp"; then
    echo "include/iotwire.h is stale: run scripts/gen-header.sh and commit it" >&2
    exit 1
  fi
  echo "header up to date"
else
  mkdir -p include
  cp "$tmp" include/iotwire.h
fi
