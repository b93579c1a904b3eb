#!/usr/bin/env bash
# Documentation check of the public C headers (include/iotwire.h, include/legacy/*.h):
#   - doxygen with docs/Doxyfile fails on any warning: an undocumented function, macro, type or
#     struct field, a parameter without @param, a missing @return/@retval, a doc-comment error;
#   - every function's documentation has a @brief (doxygen does not check that).
# include/iotwire.h is generated: fix its comments in crates/iotwire-ffi/src/*.rs or cbindgen.toml, then run
# scripts/gen-header.sh. Output (HTML to browse, XML) in docs/Doxyfile's OUTPUT_DIRECTORY,
# under build/, which git ignores.
# Usage: scripts/doc-check.sh   (prerequisites: doxygen, python3; see scripts/install-deps.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v doxygen >/dev/null; then
  echo "doc-check: doxygen missing (run scripts/install-deps.sh)" >&2
  exit 1
fi

out=$(sed -n 's/^OUTPUT_DIRECTORY *= *//p' docs/Doxyfile)
rm -rf "$out"
mkdir -p "$out"
# WARN_AS_ERROR = FAIL_ON_WARNINGS: doxygen prints every warning, then exits non-zero.
if ! doxygen docs/Doxyfile; then
  echo "doc-check: FAIL: doxygen warnings above" >&2
  exit 1
fi

python3 - "$out/xml" <<'PY'
import glob, sys
import xml.etree.ElementTree as ET

functions, missing = 0, []
for path in sorted(glob.glob(sys.argv[1] + "/*_8h.xml")):
    for member in ET.parse(path).getroot().iter("memberdef"):
        if member.get("kind") != "function":
            continue
        functions += 1
        if not "".join(member.find("briefdescription").itertext()).strip():
            where = member.find("location").get("file")
            missing.append(f"{where}: {member.findtext('name')}")
if functions == 0:
    sys.exit("doc-check: FAIL: doxygen documented no function (wrong INPUT?)")
if missing:
    sys.exit("doc-check: FAIL: functions without @brief:\n  " + "\n  ".join(missing))
print(f"doc-check: OK: {functions} function declarations, every one with @brief, @param and @return")
PY
