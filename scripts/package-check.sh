#!/usr/bin/env bash
# Checks what scripts/package.sh OUT wrote, each package with its own tool:
#   bundle      every file in SHA256SUMS and matching it (sha256sum -c); the SBOM valid SPDX
#               (pyspdxtools) and naming every crate whose code the archives' symbols show;
#               the RISC-V archives built for exactly their extensions (ELF attributes);
#   bundle use  the known-answer program (cortex-m/vectors_main.c) compiled and linked against
#               the bundle alone, as a Keil/IAR or Makefile project would (the C compiler, the
#               bundle's include/ and lib/<target>/libiotwire.a, no cargo), and run: every MCU
#               archive under QEMU (M0, M3, M4 soft-float, M4F, M33, ESP32-C3, ESP32-C6), the
#               Linux ones natively (x86-64) or under qemu-user (AArch64, ARMv7, MIPS);
#   ESP-IDF     the manifest (compote manifest lint) and the packed component's files; the
#               component's CMakeLists.txt choosing the archive per chip, run against a
#               stand-in for ESP-IDF's build functions (tests/esp-idf-component/);
#   PlatformIO  the packed library's files (pio pkg pack validated library.json); its
#               iotwire_link.py choosing the archive for real compilers' macros.
#
# Usage: scripts/package-check.sh OUT   (after scripts/package.sh OUT)
# Env:   CM_QEMU_TIMEOUT seconds per QEMU run (default 60)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(cd "${1:?usage: scripts/package-check.sh OUT}" && pwd)
# shellcheck source=scripts/lib/firmware-targets.sh
. "$ROOT/scripts/lib/firmware-targets.sh"
# shellcheck source=scripts/lib/py-tools.sh
. "$ROOT/scripts/lib/py-tools.sh"
VERSION=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml")
BUNDLE=$OUT/iotwire-$VERSION
TIMEOUT=${CM_QEMU_TIMEOUT:-60}
WORK=$OUT/check
rm -rf "$WORK"
mkdir -p "$WORK"

failed=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failed=1; }

BARE_METAL=(thumbv6m-none-eabi thumbv7m-none-eabi thumbv7em-none-eabi thumbv7em-none-eabihf
  thumbv8m.main-none-eabihf riscv32imc-unknown-none-elf riscv32imac-unknown-none-elf)
# Rust target | C compiler | how to run (empty = natively)
HOSTED=(
  "x86_64-unknown-linux-gnu|gcc|"
  "aarch64-unknown-linux-gnu|aarch64-linux-gnu-gcc|qemu-aarch64 -L /usr/aarch64-linux-gnu"
  "armv7-unknown-linux-gnueabihf|arm-linux-gnueabihf-gcc|qemu-arm -L /usr/arm-linux-gnueabihf"
  "mipsel-unknown-linux-gnu|mipsel-linux-gnu-gcc|qemu-mipsel -L /usr/mipsel-linux-gnu"
)

# ---- bundle ---------------------------------------------------------------------------------
if [ ! -d "$BUNDLE" ]; then
  echo "FAIL: no bundle $BUNDLE (run scripts/package.sh $OUT)"
  exit 1
fi
for f in include/iotwire.h include/legacy/dev_sign_api.h include/legacy/sign_api.h \
  docs/PACKAGES.md docs/size-table.md docs/stack-table.md README.md \
  "iotwire-$VERSION.spdx.json" SHA256SUMS; do
  [ -f "$BUNDLE/$f" ] || fail "bundle: $f missing"
done
for t in "${BARE_METAL[@]}" "${HOSTED[@]%%|*}"; do
  [ -f "$BUNDLE/lib/$t/libiotwire.a" ] || fail "bundle: lib/$t/libiotwire.a missing"
done

listed=$(wc -l <"$BUNDLE/SHA256SUMS")
present=$(cd "$BUNDLE" && find . -type f ! -name SHA256SUMS | wc -l)
if (cd "$BUNDLE" && sha256sum --quiet --strict -c SHA256SUMS) && [ "$listed" = "$present" ]; then
  pass "SHA256SUMS: all $listed files match"
else
  fail "SHA256SUMS: $listed listed, $present present, or a checksum differs"
fi

sbom=$BUNDLE/iotwire-$VERSION.spdx.json
if "$PY_TOOLS/bin/pyspdxtools" -i "$sbom" >"$WORK/spdx.log" 2>&1; then
  pass "SBOM: valid SPDX (pyspdxtools $("$PY_TOOLS/bin/pip" show spdx-tools 2>/dev/null |
    sed -n 's/^Version: //p'))"
else
  cat "$WORK/spdx.log"
  fail "SBOM: pyspdxtools rejects $sbom"
fi
# Crates whose code is in an archive, from its (demangled) symbols: each must be in the SBOM.
# This reads the archives, not cargo, so an SBOM that misses what was linked fails here.
unlisted=$(python3 - "$sbom" "$BUNDLE"/lib/*/libiotwire.a <<'PY'
import json, re, subprocess, sys
listed = {p["name"].replace("-", "_") for p in json.load(open(sys.argv[1]))["packages"]}
listed.add("__rustc")  # rustc's namespace for its own symbols (__rust_probestack), not a crate
missing = set()
for archive in sys.argv[2:]:
    names = subprocess.run(["readelf", "-sW", "-C", archive], check=True, stdout=subprocess.PIPE,
                           universal_newlines=True).stdout
    for crate in set(re.findall(r"(?:^|[\s<&*(])([a-z_][a-z0-9_]*)::", names, re.M)):
        if crate not in listed:
            missing.add(crate + " (" + archive.split("/lib/")[-1].split("/")[0] + ")")
print(" ".join(sorted(missing)))
PY
)
if [ -z "$unlisted" ]; then
  pass "SBOM: lists every crate the archives' symbols name"
else
  fail "SBOM: crates in the archives but not in the SBOM: $unlisted"
fi

riscv_arch() { readelf -A "$1" | sed -n 's/.*Tag_RISCV_arch: "\(.*\)"/\1/p' | sort -u | tr '\n' ' '; }
imc=$(riscv_arch "$BUNDLE/lib/riscv32imc-unknown-none-elf/libiotwire.a")
imac=$(riscv_arch "$BUNDLE/lib/riscv32imac-unknown-none-elf/libiotwire.a")
if [[ $imc != *_a[0-9]* ]] && [[ $imac == *_a[0-9]* ]]; then
  pass "RISC-V: riscv32imc archive without A ($imc), riscv32imac with it ($imac)"
else
  fail "RISC-V: extensions do not match the targets (imc: $imc; imac: $imac)"
fi

# ---- the bundle alone: compile, link, run ---------------------------------------------------
CWARN="-std=c99 -Wall -Wextra -Wpedantic -Werror -Wconversion -Wshadow -Wcast-qual -Wmissing-declarations"
python3 "$ROOT/cortex-m/gen_expected.py" "$ROOT/tests/vectors/legacy-c-sdk.dev.json" "$WORK/gen" >/dev/null
want=$(sed -n 's/^vectors=//p' "$WORK/gen/expected.txt")
bundle_flags=(-I"$BUNDLE/include" -I"$BUNDLE/include/legacy" -I"$WORK/gen")
run_vectors() {  # target how-to-run...
  local t=$1 status=0 last
  shift
  timeout "$TIMEOUT" "$@" >"$WORK/$t.log" 2>&1 || status=$?
  last=$(grep -v '^[[:space:]]*$' "$WORK/$t.log" | tail -n 1 | tr -d '\r')
  if [ "$status" = 0 ] && [ "$last" = "$want" ]; then
    pass "bundle $t: $last"
  else
    fail "bundle $t: exit $status, printed '$last', expected '$want' (log: $WORK/$t.log)"
  fi
}
for t in "${BARE_METAL[@]}"; do
  # shellcheck disable=SC2046,SC2086
  if "$(fw_prefix "$t")gcc" $(fw_cpu_flags "$t") -Os $CWARN -ffunction-sections -fdata-sections \
    "${bundle_flags[@]}" -Wl,--gc-sections -Wl,--no-warn-execstack $(fw_image_flags "$t" "$ROOT") \
    "$ROOT/cortex-m/vectors_main.c" -L"$BUNDLE/lib/$t" -liotwire -o "$WORK/$t.elf" \
    >"$WORK/$t.link.log" 2>&1; then
    # shellcheck disable=SC2046
    run_vectors "$t" $(fw_qemu "$t") -kernel "$WORK/$t.elf"
  else
    cat "$WORK/$t.link.log"
    fail "bundle $t: compiling or linking against the bundle failed"
  fi
done
for entry in "${HOSTED[@]}"; do
  IFS='|' read -r t cc how <<<"$entry"
  # shellcheck disable=SC2086
  if "$cc" -O2 $CWARN "${bundle_flags[@]}" "$ROOT/cortex-m/vectors_main.c" \
    -L"$BUNDLE/lib/$t" -liotwire -o "$WORK/$t" >"$WORK/$t.link.log" 2>&1; then
    # shellcheck disable=SC2086
    run_vectors "$t" $how "$WORK/$t"
  else
    cat "$WORK/$t.link.log"
    fail "bundle $t: compiling or linking against the bundle failed"
  fi
done

# ---- ESP-IDF component ----------------------------------------------------------------------
component=$OUT/esp-idf/iotwire
if (cd "$component" && "$PY_TOOLS/bin/compote" manifest lint >"$WORK/compote-lint.log" 2>&1); then
  pass "ESP-IDF: compote manifest lint accepts idf_component.yml"
else
  cat "$WORK/compote-lint.log"
  fail "ESP-IDF: compote manifest lint rejects idf_component.yml"
fi
tgz=$OUT/dist/iotwire_$VERSION.tgz
if [ -f "$tgz" ]; then
  files=$(tar tzf "$tgz" | sed 's|^\./||')
  absent=""
  for f in idf_component.yml CMakeLists.txt include/iotwire.h include/legacy/dev_sign_api.h \
    lib/riscv32imc-unknown-none-elf/libiotwire.a lib/riscv32imac-unknown-none-elf/libiotwire.a; do
    grep -qx "$f" <<<"$files" || absent="$absent $f"
  done
  if [ -z "$absent" ]; then pass "ESP-IDF: $(basename "$tgz") (compote component pack) holds the archives and headers"
  else fail "ESP-IDF: $(basename "$tgz") lacks$absent"; fi
else
  fail "ESP-IDF: no $tgz (compote component pack)"
fi
# chip | archive the component must pick ("" = the configure must fail)
for entry in "esp32c3|riscv32imc-unknown-none-elf" "esp32c2|riscv32imc-unknown-none-elf" \
  "esp32c6|riscv32imac-unknown-none-elf" "esp32h2|riscv32imac-unknown-none-elf" \
  "esp32s3|" "esp32p4|"; do
  IFS='|' read -r chip t <<<"$entry"
  dir=$WORK/idf-$chip
  if cmake -S "$ROOT/tests/esp-idf-component" -B "$dir" -DIDF_TARGET="$chip" \
    -DCOMPONENT_DIR="$component" >"$dir.log" 2>&1; then
    got=$(sed -n 's/^archive=//p' "$dir/component.txt")
    incs=$(sed -n 's/^include_dirs=//p' "$dir/component.txt")
    if [ -n "$t" ] && [ "$got" = "$component/lib/$t/libiotwire.a" ] && [ "$incs" = "include;include/legacy" ]; then
      pass "ESP-IDF $chip: links lib/$t/libiotwire.a, includes $incs"
    else
      fail "ESP-IDF $chip: picked '$got' (includes '$incs'), expected lib/${t:-nothing}"
    fi
  elif [ -z "$t" ] && grep -q "no prebuilt library for $chip" "$dir.log"; then
    pass "ESP-IDF $chip: refused with a message (no archive shipped)"
  else
    cat "$dir.log"
    fail "ESP-IDF $chip: configure failed"
  fi
done

# ---- PlatformIO library ---------------------------------------------------------------------
piolib=$OUT/platformio/iotwire
tarball=$OUT/dist/iotwire-$VERSION.tar.gz
if [ -f "$tarball" ]; then
  files=$(tar tzf "$tarball" | sed 's|^\./||')
  absent=""
  for f in library.json iotwire_link.py include/iotwire.h include/legacy/dev_sign_api.h; do
    grep -qx "$f" <<<"$files" || absent="$absent $f"
  done
  for t in "${BARE_METAL[@]}" x86_64-unknown-linux-gnu; do
    grep -qx "lib/$t/libiotwire.a" <<<"$files" || absent="$absent lib/$t"
  done
  if [ -z "$absent" ]; then pass "PlatformIO: $(basename "$tarball") (pio pkg pack) holds every MCU archive and the headers"
  else fail "PlatformIO: $(basename "$tarball") lacks$absent"; fi
else
  fail "PlatformIO: no $tarball (pio pkg pack)"
fi
# compiler, flags -> the archive iotwire_link.py must choose ("-" = none), and whether the
# library ships it (if not, the script stops the build with a message)
selection=$(python3 - "$piolib" <<'PY'
import os, sys
sys.path.insert(0, sys.argv[1])
import iotwire_link
ARM, RV = "arm-none-eabi-gcc", "riscv64-unknown-elf-gcc"
cases = [
    (ARM, "-mcpu=cortex-m0plus -mthumb", "thumbv6m-none-eabi", True),
    (ARM, "-mcpu=cortex-m3 -mthumb", "thumbv7m-none-eabi", True),
    (ARM, "-mcpu=cortex-m4 -mthumb", "thumbv7em-none-eabi", True),
    (ARM, "-mcpu=cortex-m4 -mthumb -mfloat-abi=softfp -mfpu=fpv4-sp-d16", "thumbv7em-none-eabi", True),
    (ARM, "-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16", "thumbv7em-none-eabihf", True),
    (ARM, "-mcpu=cortex-m7 -mthumb -mfloat-abi=hard -mfpu=fpv5-d16", "thumbv7em-none-eabihf", True),
    (ARM, "-mcpu=cortex-m33 -mthumb -mfloat-abi=hard -mfpu=fpv5-sp-d16", "thumbv8m.main-none-eabihf", True),
    (ARM, "-mcpu=cortex-m33 -mthumb", "thumbv8m.main-none-eabi", False),
    (ARM, "-mcpu=cortex-m23 -mthumb", "thumbv8m.base-none-eabi", False),
    (ARM, "-mcpu=cortex-a7", "-", False),
    (RV, "-march=rv32imc -mabi=ilp32", "riscv32imc-unknown-none-elf", True),
    (RV, "-march=rv32imac -mabi=ilp32", "riscv32imac-unknown-none-elf", True),
    (RV, "-march=rv32imafc -mabi=ilp32f", "-", False),
    (RV, "-march=rv64imac -mabi=lp64", "-", False),
    ("gcc", "", "x86_64-unknown-linux-gnu", True),
]
bad = []
for cc, flags, want, ships in cases:
    got = iotwire_link.rust_target(iotwire_link.predefined_macros(cc, flags.split())) or "-"
    shipped = os.path.isfile(os.path.join(sys.argv[1], "lib", got, "libiotwire.a"))
    if got != want or shipped != ships:
        bad.append(f"{cc} {flags}: {got} ({'shipped' if shipped else 'not shipped'}), "
                   f"expected {want}")
print("ok %d" % len(cases) if not bad else "; ".join(bad))
PY
)
if [[ $selection == ok* ]]; then
  pass "PlatformIO: iotwire_link.py picks the shipped archive for ${selection#ok } compiler/flag sets"
else
  fail "PlatformIO: iotwire_link.py: $selection"
fi

if [ "$failed" = 0 ]; then echo "package-check: ALL OK"; else echo "package-check: FAILED"; fi
exit "$failed"
