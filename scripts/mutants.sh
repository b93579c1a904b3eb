#!/usr/bin/env bash
# Mutation testing of the Rust library (crates/iotwire) with cargo-mutants: every mutant of the
# core is built and run against the whole workspace's tests (the C ABI crate's contract and
# vector tests exercise the core too). Not part of CI (hours of CPU for the whole core); run it
# in shards, each well under an hour, then render the report.
#
# Usage: scripts/mutants.sh SHARD COUNT [FILE...]
#            shard SHARD (1-based) of COUNT of the core's mutants, or of FILE... only (paths or
#            globs relative to crates/iotwire/src, e.g. mqtt/validate.rs 'coap/*.rs')
#        scripts/mutants.sh --list [FILE...]   mutants per file, nothing built
#        scripts/mutants.sh --report           docs/generated/mutants-report.md from the runs
#                                              in target/mutants-out/ and docs/mutants-reasons.txt
# Env:   MUTANTS_JOBS  parallel build/test jobs (default 1; each job has its own build dir)
#        MUTANTS_RE    only the mutants whose names match this regex (cargo-mutants --re), e.g.
#                      to rerun the missed ones a new test targets; the report keeps the
#                      other results of those files
#        MUTANTS_RUN   name of the run (default: "core", or the FILE... names)
#        MUTANTS_OUT   where runs go (default target/mutants-out)
#
# The whole core: for k in $(seq 16); do scripts/mutants.sh "$k" 16; done   (~180 mutants,
# 20-40 min each on one core). Results land in target/mutants-out/RUN/shard-K-of-N/; the report
# takes each source file's results from the newest run that covered it, so rerunning one file
# after adding tests replaces that file's figures only.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${MUTANTS_OUT:-target/mutants-out}
src=crates/iotwire/src
if [ "${1:-}" = --report ]; then
  exec python3 scripts/mutants_report.py "$out" docs/mutants-reasons.txt \
    docs/generated/mutants-report.md
fi
if ! cargo mutants --version >/dev/null 2>&1; then
  cargo install --locked cargo-mutants@27.1.0
fi
list=0
if [ "${1:-}" = --list ]; then
  list=1
  shift
else
  [ $# -ge 2 ] || { sed -n '2,20p' "$0" >&2; exit 2; }
  shard=$1 count=$2
  shift 2
fi
files=()
if [ -n "${MUTANTS_RE:-}" ]; then
  files+=(--re "$MUTANTS_RE")
fi
for f in "$@"; do
  files+=(--file "$src/${f#"$src/"}")
done
if [ "$list" = 1 ]; then
  cargo mutants --list --package iotwire "${files[@]}" | cut -d: -f1 | sort | uniq -c
  exit 0
fi
if [ $# -eq 0 ]; then
  run=${MUTANTS_RUN:-core}
else
  run=${MUTANTS_RUN:-$(printf '%s+' "$@" | tr -c 'A-Za-z0-9_.+\n-' '_' | sed 's/+$//' | cut -c1-80)}
fi
dir=$out/$run/shard-$shard-of-$count
mkdir -p "$dir"
echo "mutants: run $run, shard $shard/$count -> $dir" >&2
# The baseline (the unmutated tree's build and tests in the copy) proves the tests pass there
# and costs one test run: the first build is a full one either way. The test timeout is 5x the
# baseline's, at least 60 s: a full test run takes a few seconds, the machine is shared.
# --profile mutants: the test profile without debug info (Cargo.toml), a cheaper relink.
# Features: the workspace's test build (default features; the dev-dependencies add std and
# diagnose), as `cargo test --workspace` builds it.
status=0
/usr/bin/time -f '%e %U %S' -o "$dir/time.txt" \
  cargo mutants --package iotwire --test-workspace=true --shard "$((shard - 1))/$count" \
  --profile mutants --minimum-test-timeout 60 --build-timeout 1200 \
  --jobs "${MUTANTS_JOBS:-1}" --output "$dir" "${files[@]}" \
  >"$dir/log.txt" 2>&1 || status=$?
# cargo-mutants exits 2 when it missed a mutant and 3 on a timeout: results, not failures.
case $status in
  0 | 2 | 3) echo "mutants: shard $shard/$count of $run done ($dir/mutants.out)" >&2 ;;
  *) echo "mutants: cargo-mutants failed ($status), see $dir/log.txt" >&2; exit "$status" ;;
esac
