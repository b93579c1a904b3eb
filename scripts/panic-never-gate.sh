#!/usr/bin/env bash
# Panic-never gate: proves that no export of the release firmware library can reach a panic.
#
# Builds the staticlib for each firmware target given (default: thumbv7em-none-eabihf and
# thumbv6m-none-eabi; scripts/firmware-gate.sh passes its family's) with
# `--cfg iotwire_panic_never`, where the panic handler (crates/iotwire-ffi/src/panic_handler.rs) calls
# `iotwire_panic_is_reachable`, a symbol nothing defines, and links cortex-m/panic_never.c,
# which calls every export, with --gc-sections. LTO and --gc-sections keep the handler only if
# some export can reach it, and then the link fails on the undefined symbol. Checked for the
# feature set of scripts/lib/feature-sets.sh (the same sets as the size table). On a failure,
# every export is linked alone to name the ones that reach a panic.
#
# A control run shows that the gate can fail: the same library with `-C opt-level=0` keeps
# bounds checks, so its link must fail on the symbol (else the cfg or the check is broken).
#
# Usage: scripts/panic-never-gate.sh [rust-target...]   (scripts/firmware-gate.sh runs it after
#        its own build; same prerequisites). Output in <family>/out/<target>/panic-never/.
# Env:   PANIC_NEVER_TARGET_DIR  cargo target dir (default: the firmware gate's, so only the
#        iotwire crates are recompiled)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CM=$ROOT/cortex-m
# shellcheck source=scripts/lib/firmware-targets.sh
. "$ROOT/scripts/lib/firmware-targets.sh"
TARGET_DIR=${PANIC_NEVER_TARGET_DIR:-$ROOT/$FW_CARGO_DIR_DEFAULT}
TARGETS=${*:-thumbv7em-none-eabihf thumbv6m-none-eabi}
MARKER=iotwire_panic_is_reachable
# Names a reachable panic leaves in an image (seen with deliberate ones: core::panicking::
# panic_fmt, core::slice::index::slice_index_fail, core::result::unwrap_failed, the handler).
PANIC_RE='core9panicking|rust_begin_unwind|panic_fmt|panic_bounds_check|slice_index_fail|unwrap_failed|expect_failed'

for t in $TARGETS; do
  for tool in /usr/bin/cargo /usr/bin/rustc "$(fw_prefix "$t")gcc" "$(fw_prefix "$t")readelf" \
    "$(fw_prefix "$t")nm"; do
    if ! command -v "$tool" >/dev/null; then
      echo "panic-never-gate: $tool missing (run scripts/install-deps.sh)" >&2
      exit 1
    fi
  done
done

# Same toolchain setup as scripts/firmware-gate.sh. The cfg goes after `cargo rustc --`, so it
# reaches only the iotwire crate and .cargo/config.toml's compact-backend rustflags still apply
# (an exported RUSTFLAGS would replace them).
fw_rust_env

# shellcheck source=scripts/lib/feature-sets.sh
. "$ROOT/scripts/lib/feature-sets.sh"

CWARN="-std=c99 -Wall -Wextra -Wpedantic -Werror -Wconversion -Wshadow -Wcast-qual -Wmissing-declarations"
FAIL=0
fail() { echo "FAIL: $*"; FAIL=1; }
pass() { echo "PASS: $*"; }

# Builds the panic-never library into dir. Args: target dir [cargo args...] [-- rustc args...]
build() {
  local t=$1 dir=$2
  shift 2
  local cargo_args=() rustc_args=(--cfg iotwire_panic_never)
  while [ $# -gt 0 ] && [ "$1" != -- ]; do cargo_args+=("$1"); shift; done
  [ $# -gt 0 ] && { shift; rustc_args+=("$@"); }
  mkdir -p "$dir"
  (cd "$ROOT" && /usr/bin/cargo rustc -p iotwire-ffi --quiet --release --lib --crate-type staticlib \
    --target "$t" --target-dir "$TARGET_DIR" "${cargo_args[@]}" \
    -Zbuild-std=core,compiler_builtins -Zbuild-std-features=compiler-builtins-mem \
    -- "${rustc_args[@]}")
  cp "$TARGET_DIR/$t/release/libiotwire_ffi.a" "$dir/libiotwire.a"
}

# Links an image of dir/libiotwire.a; the log keeps the linker's messages.
# Args: target dir out-name C-flags/sources...
link() {
  local t=$1 dir=$2 name=$3
  shift 3
  # shellcheck disable=SC2046,SC2086
  "$(fw_prefix "$t")gcc" $(fw_cpu_flags "$t") -Os $CWARN -ffunction-sections -fdata-sections \
    -I"$ROOT/include" -I"$ROOT/include/legacy" $(fw_libc_flags "$t") \
    -Wl,--gc-sections -Wl,--no-warn-execstack "$@" "$dir/libiotwire.a" -o "$dir/$name.elf" \
    >"$dir/$name.log" 2>&1
}

# The C API the archive defines: global functions of the iotwire_ffi member (not
# compiler_builtins). Args: target archive
exports_of() {
  "$(fw_prefix "$1")readelf" -sW "$2" | awk '
    /^File: / { own = ($2 ~ /\(iotwire_ffi-/) }
    own && NF >= 8 && $4 == "FUNC" && $5 == "GLOBAL" && $7 != "UND" { print $8 }' | sort -u
}

# On a failure: which exports reach the handler, each linked alone (-u keeps it through
# --gc-sections) into a program that calls nothing.
culprits() {
  local t=$1 dir=$2 sym found=()
  printf 'int main(void)\n{\n    return 0;\n}\n' >"$dir/empty_main.c"
  for sym in $(exports_of "$t" "$dir/libiotwire.a"); do
    if ! link "$t" "$dir" "alone" "-Wl,-u,$sym" "$dir/empty_main.c" &&
      grep -q "$MARKER" "$dir/alone.log"; then
      found+=("$sym")
    fi
  done
  echo "${found[*]:-(none alone: look at $dir/panic_never.log)}"
}

check() {  # target variant features
  local t=$1 variant=$2 dir defs
  dir="$ROOT/$(fw_family "$t")/out/$t/panic-never/$variant"
  # shellcheck disable=SC2207
  defs=($(set_c_defs "$3"))
  # shellcheck disable=SC2046
  build "$t" "$dir" $(set_cargo_args "$3")
  if link "$t" "$dir" panic_never "${defs[@]}" "$CM/panic_never.c"; then
    local exports missing leaked
    exports=$(exports_of "$t" "$dir/libiotwire.a")
    [ -n "$exports" ] || { fail "$t $variant: no exports found in $dir/libiotwire.a"; return; }
    missing=$(comm -23 <(echo "$exports") \
      <("$(fw_prefix "$t")nm" "$dir/panic_never.elf" | awk '$2 == "T" { print $3 }' | sort -u) |
      tr '\n' ' ')
    # Belt and braces: nothing of core::panicking or the handler itself in the image.
    leaked=$("$(fw_prefix "$t")nm" "$dir/panic_never.elf" | awk '{ print $NF }' |
      grep -E "$PANIC_RE" |
      tr '\n' ' ' || true)
    if [ -n "$missing" ]; then
      fail "$t $variant: panic_never.c does not call these exports: $missing"
    elif [ -n "$leaked" ]; then
      fail "$t $variant: panic machinery in the image: $leaked"
    else
      pass "$t $variant: no panic path from any of $(wc -l <<<"$exports") exports"
    fi
  elif grep -q "$MARKER" "$dir/panic_never.log"; then
    fail "$t $variant: a panic is reachable from: $(culprits "$t" "$dir")"
    grep -m 3 "$MARKER" "$dir/panic_never.log" | sed 's/^/    /'
  else
    cat "$dir/panic_never.log"
    fail "$t $variant: link failed for another reason (log: $dir/panic_never.log)"
  fi
}

control() {  # target
  local t=$1 dir
  dir="$ROOT/$(fw_family "$t")/out/$t/panic-never/control-O0"
  build "$t" "$dir" -- -C opt-level=0
  if link "$t" "$dir" panic_never "$CM/panic_never.c"; then
    fail "$t control: the opt-level=0 library linked; the panic-never cfg or check is broken"
  elif grep -q "$MARKER" "$dir/panic_never.log"; then
    pass "$t control: the opt-level=0 library fails the link on $MARKER, as it should"
  else
    cat "$dir/panic_never.log"
    fail "$t control: link failed for another reason (log: $dir/panic_never.log)"
  fi
}

for t in $TARGETS; do
  control "$t"
  for entry in "${FEATURE_SETS[@]}"; do
    IFS='|' read -r set features _ <<<"$entry"
    if features_exist "$ROOT" "$features"; then
      check "$t" "$set" "$features"
    else
      echo "FAIL: $set names features iotwire-ffi does not have: $features"
      FAIL=1
    fi
  done
done

if [ "$FAIL" = 0 ]; then echo "panic-never-gate: ALL OK"; else echo "panic-never-gate: FAILED"; exit 1; fi
