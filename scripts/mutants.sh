#!/usr/bin/env bash
# Mutation testing of the Rust library (crates/iotwire) with cargo-mutants: every mutant of the
# core is built and run against the whole workspace's tests (the C ABI crate's contract and
# vector tests exercise the core too). Not part of CI (hours of CPU for the whole core); run it
# in shards, each well under an hour, then render the report.
#
# Usage: scripts/mutants.sh SHARD COUNT     e.g. scripts/mutants.sh 3 12   (shard 3 of 12)
#        scripts/mutants.sh --report         docs/generated/mutants-report.md from every shard
#                                            found in target/mutants/ (and the reasons file)
# Env:   MUTANTS_JOBS  parallel build/test jobs (default 1; each job needs its own build dir)
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/mutants
if [ "${1:-}" = --report ]; then
  exec python3 scripts/mutants_report.py "$out" docs/mutants-reasons.txt docs/generated/mutants-report.md
fi
[ $# -eq 2 ] || { sed -n '2,12p' "$0" >&2; exit 2; }
shard=$1 count=$2
if ! cargo mutants --version >/dev/null 2>&1; then
  cargo install --locked cargo-mutants
fi
mkdir -p "$out/shard-$shard-of-$count"
# --baseline=skip: the tests are known to pass (CI); each shard would otherwise rebuild and
# rerun them first. Without a baseline the test timeout is explicit: the workspace's tests take
# seconds, so a mutant still running after five minutes loops.
cargo mutants --package iotwire --test-workspace=true --shard "$((shard - 1))/$count" \
  --baseline=skip --timeout 300 --jobs "${MUTANTS_JOBS:-1}" \
  --output "$out/shard-$shard-of-$count" || true
echo "mutants: shard $shard/$count done ($out/shard-$shard-of-$count/mutants.out)"
