#!/usr/bin/env bash
# Fuzz smoke run: builds every cargo-fuzz target in fuzz/ and runs each for FUZZ_SECONDS
# (default 30) from a temporary copy of its seed corpus, with fuzz/dictionary.txt. Fails if
# any target crashes (the input is kept in fuzz/artifacts/<target>/); prints the executions
# per target at the end. New corpus entries stay in the temporary copy, never in the repo.
#
#   FUZZ_SECONDS=30   seconds per target
#   FUZZ_TARGETS=...  space-separated subset (default: every target `cargo fuzz list` shows)
#   FUZZ_JOBS=1       libFuzzer -fork jobs per target (1 = plain in-process run)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fuzz_dir="$root/fuzz"
seconds="${FUZZ_SECONDS:-30}"
jobs="${FUZZ_JOBS:-1}"

# cargo fuzz passes -Zsanitizer=address and sancov -C/-Z flags; rustup stable accepts them
# only with RUSTC_BOOTSTRAP (no nightly toolchain needed).
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz-smoke: installing cargo-fuzz"
  cargo install --locked cargo-fuzz
fi

cd "$fuzz_dir"
targets="${FUZZ_TARGETS:-$(cargo fuzz list)}"

echo "fuzz-smoke: building $(echo $targets)"
cargo fuzz build

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

failed=()
summary=()
for t in $targets; do
  corpus="$work/corpus/$t"
  mkdir -p "$corpus"
  cp "corpus/$t"/seed-* "$corpus"/
  log="$work/$t.log"
  fork=()
  if [ "$jobs" -gt 1 ]; then fork=("-fork=$jobs"); fi
  echo "fuzz-smoke: $t for ${seconds}s"
  status=ok
  if ! cargo fuzz run "$t" "$corpus" -- \
      -max_total_time="$seconds" -dict=dictionary.txt -print_final_stats=1 -timeout=20 \
      "${fork[@]}" >"$log" 2>&1; then
    status=FAILED
    failed+=("$t")
    # The panic message / sanitizer report and the artifact path are what a reader needs.
    grep -E "panicked at|^ERROR: |^SUMMARY: |assertion|Failing input:|artifacts/" -A2 "$log" | head -40 || true
  fi
  # libFuzzer's final stats (-print_final_stats=1); fork mode has none, only "#N: cov: ..."
  # progress lines, whose last one counts every job's executions.
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)"
  if [ -z "$execs" ]; then
    execs="$(sed -n 's/^#\([0-9]*\): cov:.*/\1/p' "$log" | tail -n1)"
  fi
  cov="$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n1 || true)"
  summary+=("$(printf '%-12s %-7s executions: %-10s %s' "$t" "$status" "${execs:-?}" "$cov")")
done

echo
echo "fuzz-smoke summary (${seconds}s per target):"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz-smoke: FAILED: ${failed[*]} (inputs in fuzz/artifacts/<target>/)" >&2
  exit 1
fi
