#!/usr/bin/env python3
"""Runs a program and compares its stdout with an expected file, byte for byte.

  run_compare.py EXPECTED_FILE PROGRAM [ARGS...]
"""
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    with open(sys.argv[1], "rb") as f:
        expected = f.read()
    proc = subprocess.run(sys.argv[2:], stdout=subprocess.PIPE, check=False)
    sys.stdout.write(proc.stdout.decode("utf-8", "replace"))
    if proc.returncode != 0:
        sys.stdout.write("FAIL: program exited with %d\n" % proc.returncode)
        return 1
    if proc.stdout != expected:
        sys.stdout.write("FAIL: output differs from %s; expected:\n%s"
                         % (sys.argv[1], expected.decode("utf-8", "replace")))
        return 1
    sys.stdout.write("ok: output matches %s\n" % sys.argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
