#!/usr/bin/env python3
"""Renders docs/generated/mutants-report.md from the runs of scripts/mutants.sh.

usage: mutants_report.py OUT_DIR REASONS_FILE REPORT.md

OUT_DIR holds RUN/shard-K-of-N/mutants.out/ (cargo-mutants' caught/missed/unviable/timeout.txt,
one mutant per line, "path:line:col: description", and outcomes.json with each mutant's build
and test times) and RUN/shard-K-of-N/time.txt (wall, user, sys seconds of the shard).

Each mutant's result comes from the newest run (by its shards' outcomes.json) that tested it,
so a rerun of a file, or of only the mutants a new test targets (MUTANTS_RE of
scripts/mutants.sh), replaces those results only. The results are checked against `cargo mutants --list` of the current source: a mutant
without a result, or a result for a mutant the source no longer has, is reported (rerun those
files).

REASONS_FILE: one missed mutant per line, "MUTANT<TAB>reason", '#' starts a comment. MUTANT is
cargo-mutants' name ("path:line:col: description") or the name without ":line:col"
("path: description"), which matches every mutant of that description in that file and
survives edits that move lines. A missed mutant without a reason is listed as needing one.
"""
import collections
import glob
import json
import os
import re
import subprocess
import sys

KINDS = ("caught", "missed", "unviable", "timeout")
SRC = "crates/iotwire/src/"
TARGET = 95.0


def file_of(name):
    return name.split(":", 1)[0]


def module_of(path):
    rel = path[len(SRC):] if path.startswith(SRC) else path
    return rel.split("/", 1)[0]


def without_position(name):
    """'path:12:5: replace x' -> 'path: replace x'."""
    return re.sub(r"^([^:]+):\d+:\d+: ", r"\1: ", name)


def read_lines(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def load_shard(shard_dir):
    """{mutant name: (kind, seconds)} of one shard, and the shard's (wall, cpu) seconds."""
    out = os.path.join(shard_dir, "mutants.out")
    seconds = {}
    outcomes = os.path.join(out, "outcomes.json")
    if os.path.exists(outcomes):
        with open(outcomes) as f:
            for o in json.load(f).get("outcomes", []):
                scenario = o.get("scenario")
                if isinstance(scenario, dict) and "Mutant" in scenario:
                    seconds[scenario["Mutant"]["name"]] = sum(
                        p.get("duration", 0.0) for p in o.get("phase_results", []))
    results = {}
    for kind in KINDS:
        for name in read_lines(os.path.join(out, kind + ".txt")):
            results[name] = (kind, seconds.get(name, 0.0))
    wall = cpu = 0.0
    times = read_lines(os.path.join(shard_dir, "time.txt"))
    if times:
        fields = times[-1].split()
        if len(fields) == 3:
            wall, cpu = float(fields[0]), float(fields[1]) + float(fields[2])
    return results, wall, cpu


def load_runs(out_dir):
    """[(run name, newest mtime, {mutant: (kind, seconds)}, wall, cpu)], oldest first."""
    runs = []
    for run_dir in sorted(glob.glob(os.path.join(out_dir, "*"))):
        shards = sorted(glob.glob(os.path.join(run_dir, "shard-*")))
        results, wall, cpu, mtime = {}, 0.0, 0.0, 0.0
        for shard in shards:
            outcomes = os.path.join(shard, "mutants.out", "outcomes.json")
            if not os.path.exists(outcomes):
                continue
            mtime = max(mtime, os.path.getmtime(outcomes))
            r, w, c = load_shard(shard)
            results.update(r)
            wall, cpu = wall + w, cpu + c
        if results:
            runs.append((os.path.basename(run_dir), mtime, results, wall, cpu))
    runs.sort(key=lambda r: r[1])
    return runs


def current_mutants():
    listing = subprocess.run(["cargo", "mutants", "--list", "--package", "iotwire"],
                             check=True, capture_output=True, text=True).stdout
    return {line for line in listing.splitlines() if line.strip()}


def load_reasons(path):
    reasons = {}
    for line in read_lines(path):
        if line.startswith("#") or "\t" not in line:
            continue
        mutant, reason = line.split("\t", 1)
        reasons[mutant.strip()] = reason.strip()
    return reasons


def rate(c):
    viable = c["caught"] + c["missed"] + c["timeout"]
    return (100.0 * (c["caught"] + c["timeout"]) / viable) if viable else None


def hours(seconds):
    return f"{seconds / 3600:.1f} h"


def main():
    out_dir, reasons_path, report_path = sys.argv[1:4]
    runs = load_runs(out_dir)
    if not runs:
        sys.exit(f"mutants_report: no runs under {out_dir} (run scripts/mutants.sh first)")
    # Newest run per mutant wins: a later run (a whole file, or only the mutants a new test
    # targets, scripts/mutants.sh with MUTANTS_RE) overwrites those mutants' earlier results.
    # A mutant's name holds its line and column, so results of code that moved since are
    # stale and left out.
    current = current_mutants()
    latest, run_of = {}, {}
    for name, _, results, _, _ in runs:
        for mutant, outcome in results.items():
            latest[mutant] = outcome
            run_of[mutant] = name
    found = {m: o for m, o in latest.items() if m in current}
    used_runs = sorted({run_of[m] for m in found})
    not_run = sorted(current - set(found))
    stale = sorted(set(latest) - current)

    per = collections.defaultdict(collections.Counter)
    total = collections.Counter()
    seconds = 0.0
    for mutant, (kind, secs) in found.items():
        per[module_of(file_of(mutant))][kind] += 1
        total[kind] += 1
        seconds += secs

    reasons = load_reasons(reasons_path)
    missed = sorted((m for m, (k, _) in found.items() if k == "missed"),
                    key=lambda m: (file_of(m), int(m.split(":")[1]), m))
    used_reasons, unexplained = set(), []
    # Missed mutants whose reason says they are equivalent to the original: no test can catch
    # them. The usual mutation score leaves them out of the denominator; both figures are shown.
    equivalent = collections.Counter()
    lines = []
    for mutant in missed:
        key = mutant if mutant in reasons else without_position(mutant)
        if key not in reasons:
            # "path: *": one reason for every mutant of a file (code whose effect no Rust
            # test can observe, such as burning the dead stack).
            key = file_of(mutant) + ": *"
        reason = reasons.get(key)
        if reason is None:
            unexplained.append(mutant)
            reason = "**no reason given: needs a test**"
        else:
            used_reasons.add(key)
            if reason.lower().startswith("equivalent"):
                equivalent[module_of(file_of(mutant))] += 1
        lines.append(f"- `{mutant}`: {reason}")
    unused_reasons = sorted(set(reasons) - used_reasons)

    core_rate = rate(total) or 0.0

    def score(c, eq):
        """Caught of viable, the equivalent missed mutants left out."""
        viable = c["caught"] + c["missed"] + c["timeout"] - eq
        return (100.0 * (c["caught"] + c["timeout"]) / viable) if viable else None

    n_equivalent = sum(equivalent.values())
    core_score = score(total, n_equivalent) or 0.0
    out = ["<!-- Generated by scripts/mutants.sh --report; do not edit. -->", "",
           "# Mutation testing of the core", "",
           "cargo-mutants 27.1.0 over the Rust library (`crates/iotwire`): each mutant of the",
           "core is built and run against every test of the workspace (`cargo test --workspace`:",
           "the core's unit tests and the C ABI crate's contract and vector tests; the C tests",
           "under `c-examples/` are not run). *caught*: a test failed; *missed*: every test",
           "passed; *unviable*: the mutant does not compile; *timeout*: the tests hung (counted",
           "as caught). *equivalent*: missed mutants whose reason shows they behave exactly as",
           "the original (no test can tell them apart); the last column leaves them out, as the",
           "usual mutation score does. Rerun: `scripts/mutants.sh` (see its header), then",
           "`scripts/mutants.sh --report`.", "",
           "| module | caught | missed | of which equivalent | unviable | timeout | caught of viable "
           "| caught of viable, equivalent left out |",
           "|---|--:|--:|--:|--:|--:|--:|--:|"]
    pct = lambda r: "-" if r is None else f"{r:.1f} %"
    for module in sorted(per):
        c = per[module]
        out.append(f"| `{module}` | {c['caught']} | {c['missed']} | {equivalent[module]} | "
                   f"{c['unviable']} | {c['timeout']} | {pct(rate(c))} | "
                   f"{pct(score(c, equivalent[module]))} |")
    out.append(f"| **core** | {total['caught']} | {total['missed']} | {n_equivalent} | "
               f"{total['unviable']} | {total['timeout']} | **{core_rate:.1f} %** | "
               f"**{core_score:.1f} %** |")
    explained = len(missed) - len(unexplained)
    verdict = ("met" if core_rate >= TARGET and not unexplained
               else "met with the equivalent mutants left out, NOT met on the raw count"
               if core_score >= TARGET and not unexplained else "NOT met")
    out += ["",
            f"Target (at least {TARGET:.0f} % of viable mutants caught, every missed mutant with "
            f"a test or a reason): {verdict} ({core_rate:.1f} % of viable; {core_score:.1f} % with "
            f"the {n_equivalent} equivalent ones left out; {explained} of {len(missed)} missed "
            "mutants have a reason).", "",
            f"Mutants of the current source: {len(current)}; with a result: "
            f"{len(current) - len(not_run)}"
            + (f"; **{len(not_run)} not run on the current source** (rerun their files)"
               if not_run else "")
            + (f"; {len(stale)} older results for code that has moved since, left out"
               if stale else "")
            + ".", "",
            f"Time: the {len(found)} mutants took {hours(seconds)} of build and test (wall, one "
            "job, summed per mutant). Runs used: "
            + ", ".join(f"`{r}`" for r in used_runs) + ".", ""]
    all_runs = [(n, w, c) for n, _, _, w, c in runs if n in used_runs and w]
    if all_runs:
        out.append("CPU (user + sys) of those runs, whole shards incl. baselines: "
                   + ", ".join(f"`{n}` {hours(c)} in {hours(w)} wall" for n, w, c in all_runs)
                   + ".")
        out.append("")
    out += ["## Missed mutants", "",
            "Each is equivalent to the original, or not worth a test, for the reason given "
            "(docs/mutants-reasons.txt).", ""]
    out += lines or ["None."]
    out.append("")
    if not_run:
        out += ["## Not run on the current source", ""]
        out += [f"- `{m}`" for m in not_run]
        out.append("")
    with open(report_path, "w") as f:
        f.write("\n".join(out))
    print("\n".join(out[13:15 + len(per) + 8]))
    for mutant in unexplained:
        print(f"mutants_report: no reason: {mutant}", file=sys.stderr)
    for mutant in unused_reasons:
        print(f"mutants_report: reason for a mutant not missed: {mutant}", file=sys.stderr)
    if not_run or stale:
        print(f"mutants_report: {len(not_run)} mutants not run, {len(stale)} stale results",
              file=sys.stderr)


if __name__ == "__main__":
    main()
