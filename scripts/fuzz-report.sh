#!/usr/bin/env bash
# Deep fuzzing run and its report: runs scripts/fuzz-smoke.sh with a longer time per target and
# libFuzzer fork jobs, then renders docs/generated/fuzz-report.md (executions and coverage per
# target, what each target drives, from the first paragraph of its `//!` comment). Not in CI
# (tens of minutes); CI runs the 30 s smoke of every target.
#
#   FUZZ_SECONDS=120  seconds per target      FUZZ_JOBS=2  fork jobs per target
#   FUZZ_TARGETS=...  subset (default: every target); the report then lists only those
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export FUZZ_SECONDS="${FUZZ_SECONDS:-120}" FUZZ_JOBS="${FUZZ_JOBS:-2}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
"$root/scripts/fuzz-smoke.sh" 2>&1 | tee "$log" || status=$?
python3 "$root/scripts/fuzz_report.py" "$log" "$root/fuzz/fuzz_targets" \
  "$root/docs/generated/fuzz-report.md" "$FUZZ_SECONDS" "$FUZZ_JOBS" "$status"
exit "$status"
