#!/usr/bin/env bash
# Release packages, for projects that do not run cargo (Keil MDK, IAR EWARM, Makefiles, ESP-IDF,
# PlatformIO). Writes into OUT:
#   iotwire-<version>/            the release bundle
#     include/                    iotwire.h and include/legacy/ (iotkit-embedded drop-in headers)
#     lib/<rust-target>/libiotwire.a   one LTO archive per target (the library as one object,
#                                 plus compiler_builtins), built as CMake builds it
#     docs/                       PACKAGES.md (how to use the bundle), the size and stack tables
#     iotwire-<version>.spdx.json SPDX 2.3 SBOM: the crates and Rust runtime in the archives
#     SHA256SUMS                  of every other file (sha256sum -c SHA256SUMS)
#   esp-idf/iotwire/              ESP-IDF component (RISC-V archives), packaging/esp-idf/
#   platformio/iotwire/           PlatformIO library (every MCU archive + x86-64 Linux)
#   dist/                         the component and library packed by their own tools
#                                 (idf-component-manager, platformio), when installed
#
# Archives reuse the test suite's cargo target directories, so after scripts/test.sh's gates
# only thumbv7m-none-eabi, thumbv7em-none-eabi and thumbv8m.main-none-eabihf compile:
#   bare-metal       cortex-m/out/target  (the firmware gates'; core via -Zbuild-std)
#   Linux gateways   build/cross/cargo    (scripts/linux-cross.sh's CMake builds)
#   x86-64 host      build/ci/cargo       (scripts/test.sh's CMake build)
#
# Usage: scripts/package.sh OUT   (prerequisites: scripts/install-deps.sh; check the result
#        with scripts/package-check.sh OUT)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(mkdir -p "${1:?usage: scripts/package.sh OUT}" && cd "$1" && pwd)
# shellcheck source=scripts/lib/firmware-targets.sh
. "$ROOT/scripts/lib/firmware-targets.sh"
# shellcheck source=scripts/lib/py-tools.sh
. "$ROOT/scripts/lib/py-tools.sh"

VERSION=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml")
[ -n "$VERSION" ] || { echo "package: no [workspace.package] version in Cargo.toml" >&2; exit 1; }
BUNDLE=$OUT/iotwire-$VERSION
FW_DIR=$ROOT/$FW_CARGO_DIR_DEFAULT
CROSS_DIR=$ROOT/build/cross/cargo
HOST_DIR=$ROOT/build/ci/cargo

BARE_METAL=(thumbv6m-none-eabi thumbv7m-none-eabi thumbv7em-none-eabi thumbv7em-none-eabihf
  thumbv8m.main-none-eabihf riscv32imc-unknown-none-elf riscv32imac-unknown-none-elf)
LINUX_CROSS=(aarch64-unknown-linux-gnu armv7-unknown-linux-gnueabihf mipsel-unknown-linux-gnu)
HOST=x86_64-unknown-linux-gnu
if [ "$(rustc -vV | sed -n 's/^host: //p')" != "$HOST" ]; then
  echo "package: the $HOST archive is built by the host toolchain; this host is not $HOST" >&2
  exit 1
fi

# ---- archives -------------------------------------------------------------------------------
# The same cargo invocations as cmake/iotwire_cargo.cmake (bare-metal: as the firmware gates,
# whose archives differ from CMake's only by --cfg iotwire_lto_archive, which has no effect
# there), so cargo finds them up to date where the test suite built them.
build_bare_metal() (
  fw_rust_env
  cd "$ROOT"
  /usr/bin/cargo rustc -p iotwire-ffi --quiet --release --lib --crate-type staticlib \
    --target "$1" --target-dir "$FW_DIR" \
    -Zbuild-std=core,compiler_builtins -Zbuild-std-features=compiler-builtins-mem
  echo "$FW_DIR/$1/release/libiotwire_ffi.a"
)
build_linux_cross() (
  fw_rust_env
  cd "$ROOT"
  /usr/bin/cargo rustc -p iotwire-ffi --quiet --release --lib --crate-type staticlib \
    --manifest-path "$ROOT/Cargo.toml" --target-dir "$CROSS_DIR" --target "$1" \
    -Zbuild-std=core,compiler_builtins --config profile.release.opt-level=3 \
    -- --cfg iotwire_lto_archive
  echo "$CROSS_DIR/$1/release/libiotwire_ffi.a"
)
build_host() (
  unset RUSTFLAGS CARGO_BUILD_RUSTFLAGS CARGO_ENCODED_RUSTFLAGS CARGO_BUILD_TARGET
  cd "$ROOT"
  cargo rustc -p iotwire-ffi --quiet --release --lib --crate-type staticlib \
    --manifest-path "$ROOT/Cargo.toml" --target-dir "$HOST_DIR" \
    --config profile.release.opt-level=3 -- --cfg iotwire_lto_archive
  echo "$HOST_DIR/release/libiotwire_ffi.a"
)

rm -rf "$BUNDLE" "$OUT/esp-idf" "$OUT/platformio" "$OUT/dist"
mkdir -p "$BUNDLE/lib" "$BUNDLE/include" "$BUNDLE/docs"
add_archive() {  # target path
  local t=$1 a=$2 own
  # One object of the library's own code (LTO) next to compiler_builtins' member(s).
  own=$(ar t "$a" | grep -c '^iotwire_ffi-' || true)
  if [ "$own" != 1 ]; then
    echo "package: $a has $own iotwire_ffi objects, expected 1 (not an LTO archive)" >&2
    exit 1
  fi
  mkdir -p "$BUNDLE/lib/$t"
  cp "$a" "$BUNDLE/lib/$t/libiotwire.a"
  echo "package: lib/$t/libiotwire.a ($(stat -c %s "$a") bytes)"
}
for t in "${BARE_METAL[@]}"; do add_archive "$t" "$(build_bare_metal "$t")"; done
for t in "${LINUX_CROSS[@]}"; do add_archive "$t" "$(build_linux_cross "$t")"; done
add_archive "$HOST" "$(build_host)"

# ---- headers, docs, SBOM, checksums ---------------------------------------------------------
cp "$ROOT/include/iotwire.h" "$BUNDLE/include/"
mkdir -p "$BUNDLE/include/legacy"
cp "$ROOT"/include/legacy/*.h "$BUNDLE/include/legacy/"
cp "$ROOT/docs/PACKAGES.md" "$ROOT/docs/generated/size-table.md" \
  "$ROOT/docs/generated/stack-table.md" "$BUNDLE/docs/"
sed "s/@VERSION@/$VERSION/g" "$ROOT/packaging/bundle-README.md" >"$BUNDLE/README.md"

sbom_targets=()
for t in "${BARE_METAL[@]}" "${LINUX_CROSS[@]}"; do sbom_targets+=(--target "$t:build-std"); done
sbom_targets+=(--target "$HOST:prebuilt")
# The commit date, so a rebuild of the same commit gives the same SBOM.
created=$(TZ=UTC git -C "$ROOT" log -1 --format=%cd --date=format-local:%Y-%m-%dT%H:%M:%SZ \
  2>/dev/null || true)
SBOM_CREATED=$created python3 "$ROOT/packaging/sbom.py" --root "$ROOT" --version "$VERSION" \
  --out "$BUNDLE/iotwire-$VERSION.spdx.json" "${sbom_targets[@]}"

(cd "$BUNDLE" && find . -type f | LC_ALL=C sort | sed 's|^\./||' | xargs sha256sum \
  >"$OUT/SHA256SUMS.tmp")
mv "$OUT/SHA256SUMS.tmp" "$BUNDLE/SHA256SUMS"
echo "package: $BUNDLE"

# ---- ESP-IDF component and PlatformIO library -----------------------------------------------
# Both carry the bundle's headers and the archives their platforms can use.
component() {  # dir template-dir targets...
  local dir=$1 tpl=$2 t f
  shift 2
  mkdir -p "$dir/lib"
  cp -R "$BUNDLE/include" "$dir/"
  for f in "$tpl"/*; do sed "s/@VERSION@/$VERSION/g" "$f" >"$dir/$(basename "$f")"; done
  for t in "$@"; do cp -R "$BUNDLE/lib/$t" "$dir/lib/"; done
}
component "$OUT/esp-idf/iotwire" "$ROOT/packaging/esp-idf" \
  riscv32imc-unknown-none-elf riscv32imac-unknown-none-elf
component "$OUT/platformio/iotwire" "$ROOT/packaging/platformio" "${BARE_METAL[@]}" "$HOST"

mkdir -p "$OUT/dist"
if [ -x "$PY_TOOLS/bin/compote" ]; then
  (cd "$OUT/esp-idf/iotwire" && "$PY_TOOLS/bin/compote" component pack --name iotwire \
    --dest-dir "$OUT/dist" >"$OUT/dist/compote.log" 2>&1) ||
    { cat "$OUT/dist/compote.log"; echo "package: compote component pack failed" >&2; exit 1; }
  echo "package: $(ls "$OUT"/dist/iotwire_*.tgz) (ESP-IDF component)"
else
  echo "package: idf-component-manager not installed ($PY_TOOLS): ESP-IDF component not packed"
fi
if [ -x "$PY_TOOLS/bin/pio" ]; then
  # pio pkg pack, with the SPDX license list from a local package (see the script).
  (cd "$OUT/dist" && PLATFORMIO_CORE_DIR="$OUT/dist/.platformio" "$PY_TOOLS/bin/python" \
    "$ROOT/packaging/pio_pack_offline.py" "$OUT/platformio/iotwire" >"$OUT/dist/pio.log" 2>&1) ||
    { cat "$OUT/dist/pio.log"; echo "package: pio pkg pack failed" >&2; exit 1; }
  echo "package: $(ls "$OUT"/dist/iotwire-*.tar.gz) (PlatformIO library)"
else
  echo "package: platformio not installed ($PY_TOOLS): PlatformIO library not packed"
fi
