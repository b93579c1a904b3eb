#!/usr/bin/env bash
# Release gates on the host staticlib and the CMake package:
#   symbols    the only unmangled names the archive exports are iotwire_* and IOT_Sign_MQTT
#              (plus the toolchain runtime's, counted and reported)
#   allocator  nothing in the archive references an allocator (no_std, no alloc)
#   unsafe     `unsafe` appears only in crates/iotwire-ffi/src and the documented exceptions (docs/SAFETY.md)
#   consumer   tests/cmake-consumer builds and runs via find_package() and add_subdirectory(),
#              and its outputs match the known answers in tests/vectors
# The library checked is the one customers get: libiotwire.a as `cmake --install` ships it
# (cmake/iotwire_cargo.cmake explains why that is not plain `cargo build --release` output).
# Usage: scripts/gates.sh [path/to/libiotwire.a]   (a path skips nothing, it only overrides
# which archive the symbol and allocator gates read)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failed=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failed=1; }

# --- install ----------------------------------------------------------------------------------
# A Release build of the library alone, installed into a private prefix: the archive to gate
# and the package the find_package() consumer uses.
installed=0
if cmake -S . -B "$work/lib" -DCMAKE_BUILD_TYPE=Release -DIOTWIRE_BUILD_EXAMPLES=OFF \
  >"$work/lib.log" 2>&1 &&
  cmake --build "$work/lib" -j2 >>"$work/lib.log" 2>&1 &&
  cmake --install "$work/lib" --prefix "$work/prefix" >>"$work/lib.log" 2>&1; then
  installed=1
  pass "install: cmake --install into a temporary prefix"
else
  cat "$work/lib.log"
  fail "install: building or installing iotwire failed"
fi
lib=${1:-$(find "$work/prefix" -name libiotwire.a 2>/dev/null | head -n1)}
if [ ! -f "$lib" ]; then
  echo "FAIL: no library to check"
  exit 1
fi

# nm -A prints "archive:member:[value] type name". The staticlib's objects carry LLVM bitcode
# (.llvmbc); given the default target, binutils hands them to an installed LLVMgold plugin,
# which may be too old to read them and then reports "no symbols". Naming the host's BFD
# target reads the ELF symbol table instead.
bfd_target=$(objdump -i 2>/dev/null | sed -n 2p)
symbols() { nm --target="$bfd_target" -A "$@" "$lib"; }

# --- symbol gate ------------------------------------------------------------------------------
# Members are named <crate>-<hash>...; compiler-rt's C objects are <hex>-<name>.o. Mangled Rust
# names (_ZN..17h<hash>E, _R...) carry crate hashes and cannot collide with C names, so the rule
# is about unmangled names: the iotwire objects may export only the C API, other crates nothing
# (compiler-generated anon.*.llvm.* / DW.ref.* aside). compiler_builtins and compiler-rt are the
# toolchain's runtime (__muldc3, weak libm fallbacks such as sqrt); they are counted, not judged:
# that two Rust staticlibs in one image can clash on them is a documented hazard.
exports=$(symbols -g --defined-only | awk '{n = split($1, p, ":"); print p[2], $(NF-1), $NF}')
unmangled() { awk '$3 !~ /^(_ZN|_R)/ && $3 !~ /^(anon\.[0-9a-f]+\.[0-9]+\.llvm\.[0-9]+|DW\.ref\..*)$/'; }
own=$(awk '$1 ~ /^iotwire_ffi-/' <<<"$exports" | unmangled | awk '{print $3}')
bad_own=$(grep -Ev '^(iotwire_[A-Za-z0-9_]+|IOT_Sign_MQTT)$' <<<"$own" || true)
runtime='^(compiler_builtins-|[0-9a-f]+-[A-Za-z0-9_]+\.o$)'
bad_dep=$(awk -v rt="$runtime" '$1 !~ /^iotwire_ffi-/ && $1 !~ rt' <<<"$exports" | unmangled |
  awk '{print $1 ": " $3}')
runtime_count=$(awk -v rt="$runtime" '$1 ~ rt' <<<"$exports" | unmangled | wc -l)
if ! grep -qx iotwire_abi_version <<<"$own"; then
  fail "symbols: no iotwire object exporting iotwire_abi_version in $lib"
elif [ -n "$bad_own$bad_dep" ]; then
  fail "symbols: unexpected unmangled exports:" $bad_own $bad_dep
else
  pass "symbols: $(wc -l <<<"$own") unmangled exports, all iotwire_* or IOT_Sign_MQTT;" \
    "$runtime_count more from the toolchain runtime (compiler_builtins/compiler-rt)"
fi

# --- allocator gate ---------------------------------------------------------------------------
# Substring match for the __rust_* names: recent rustc mangles the allocator shims
# (_RNv...___rust_alloc), so an exact match would miss them.
alloc=$(symbols | awk '{print $NF}' |
  grep -E '__rust_(alloc|dealloc|realloc|alloc_zeroed)|^(malloc|calloc|realloc|free|aligned_alloc|posix_memalign)$' |
  sort -u || true)
if [ -n "$alloc" ]; then
  fail "allocator: references to $(echo $alloc)"
else
  pass "allocator: no allocator symbol referenced or defined in $lib"
fi

# --- unsafe gate ------------------------------------------------------------------------------
# The iotwire crate denies unsafe by attribute; this catches a module anywhere that uses it.
# The exceptions are the ones docs/SAFETY.md lists and justifies: the C ABI crate, and the
# host-only CPU dispatch of the SHA-256 block.
unsafe_allowed='^crates/(iotwire-ffi/src/.*|iotwire/src/accel/sha256_x86_64\.rs)$'
unsafe_files=$(grep -rlE '\bunsafe\b' crates --include='*.rs' | grep -v '/tests/' | grep -vE "$unsafe_allowed" |
  while read -r f; do
    # Only code counts: lines whose `unsafe` sits in a comment or string are skipped.
    if grep -E '\bunsafe\b' "$f" | grep -vE '^\s*//|"[^"]*\bunsafe\b' | grep -q .; then echo "$f"; fi
  done)
if [ -n "$unsafe_files" ]; then
  fail "unsafe: used outside crates/iotwire-ffi/src and the documented exceptions:" $unsafe_files
else
  pass "unsafe: only in crates/iotwire-ffi/src (the C ABI) and crates/iotwire/src/accel (host CPU dispatch)"
fi

# --- cmake consumer ---------------------------------------------------------------------------
expected=$(python3 - "$root/tests/vectors/legacy-c-sdk.dev.json" <<'EOF'
import json, sys
vectors = {v["id"]: v for v in json.load(open(sys.argv[1]))["vectors"]}
print("password=" + vectors["doc-mqtt-tcp-hmacsha1"]["expected"]["hex_upper"])
print("legacy_password=" + vectors["v320-default-01"]["expected"]["password"])
EOF
)
# Compares the consumer's output with the vectors. The legacy line is required whenever the
# legacy header exists (the consumer only compiles that part when it finds the header).
[ -f include/legacy/dev_sign_api.h ] && need_legacy=1 || need_legacy=0
check_consumer() {
  local how=$1 out=$2 line ok=1
  while IFS= read -r line; do
    case $line in legacy_password=*) [ "$need_legacy" = 1 ] || continue ;; esac
    grep -qxF "$line" <<<"$out" || { ok=0; echo "  expected: $line"; }
  done <<<"$expected"
  if [ "$ok" = 1 ]; then pass "consumer ($how): $(echo $out)"; else fail "consumer ($how): got $(echo $out)"; fi
}

build_consumer() {
  local how=$1 dir=$2; shift 2
  cmake -S tests/cmake-consumer -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" >"$dir.log" 2>&1 &&
    cmake --build "$dir" -j2 >>"$dir.log" 2>&1 ||
    { cat "$dir.log"; fail "consumer ($how): build failed"; return 0; }
  local out
  if out=$("$dir/consumer"); then check_consumer "$how" "$out"; else fail "consumer ($how): exit $?"; fi
}

if [ "$installed" = 1 ]; then
  build_consumer find_package "$work/fp" -DCMAKE_PREFIX_PATH="$work/prefix"
else
  fail "consumer (find_package): nothing installed"
fi
build_consumer add_subdirectory "$work/sub" -DIOTWIRE_SOURCE_DIR="$root"

# --- pkg-config consumer ----------------------------------------------------------------------
# The same consumer built with plain gcc and `pkg-config --cflags --libs iotwire`, from a copy of
# the install moved elsewhere: iotwire.pc is relative to its own directory.
if [ "$installed" = 1 ]; then
  cp -R "$work/prefix" "$work/moved"
  pc=$(find "$work/moved" -name iotwire.pc | head -n1)
  if [ -z "$pc" ]; then
    fail "consumer (pkg-config): no iotwire.pc installed"
  elif ! pc_flags=$(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --cflags --libs iotwire); then
    fail "consumer (pkg-config): pkg-config --cflags --libs iotwire failed"
  # shellcheck disable=SC2086
  elif ! gcc -std=c99 -Wall -Wextra -Werror tests/cmake-consumer/main.c $pc_flags \
    -o "$work/pc-consumer"; then
    fail "consumer (pkg-config): gcc tests/cmake-consumer/main.c \$(pkg-config ...) failed"
  elif out=$("$work/pc-consumer"); then
    check_consumer "pkg-config, install moved elsewhere" "$out"
  else
    fail "consumer (pkg-config): exit $?"
  fi
else
  fail "consumer (pkg-config): nothing installed"
fi

exit "$failed"
