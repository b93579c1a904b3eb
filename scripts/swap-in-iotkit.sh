#!/usr/bin/env bash
# Swaps iotwire into an iotkit-embedded 3.x source tree (3.0.1, 3.1.0 or 3.2.0), in place:
# after it, the SDK's own `make` builds the SDK with libiotwire inside, and the SDK files
# listed below are no longer compiled. Only build files change (makefile, *.mk); no SDK .c or
# .h is edited or deleted. Idempotent: a second run changes nothing more (it rebuilds
# libiotwire and refreshes the kit's files).
#
#   scripts/swap-in-iotkit.sh SDK_DIR
#
# What it does:
#   1. recognises the tree (IOTX_SDK_VERSION, the dev_sign file's shape) and reads what the
#      tree's make.settings enables, as the SDK's own makefile computes it;
#   2. builds libiotwire for the SDK's target (the host for the Linux board) with only the
#      Cargo features those switches need, opt-level "s", and keeps of it only what the kit's
#      C files call (a partial link, `ld -r --gc-sections`): SDK_DIR/src/iotwire/lib/libiotwire.a;
#   3. copies the kit (legacy/iotkit-embedded-3/: C files with the SDK's prototypes on top of
#      libiotwire) into SDK_DIR/src/iotwire, an SDK component of libiot_sdk.a;
#   4. edits build files: the top makefile lists the component, the iot.mk of each replaced
#      file's component excludes that file, and every component that links programs against
#      libiot_sdk links libiotwire after it.
#
# Replaced files (when present in the tree), by kit files of legacy/iotkit-embedded-3/:
#   src/dev_sign/dev_sign_mqtt.c     -> kit_dev_sign*.c   (always)
#   src/infra/infra_sha256.c         -> kit_sha256*.c     (INFRA_SHA256)
#   src/infra/infra_md5.c            -> kit_md5*.c        (INFRA_MD5)
#   src/infra/infra_sha1.c           -> kit_sha1*.c       (INFRA_SHA1)
#   src/infra/infra_aes.c            -> kit_aes.c         (INFRA_AES)
#   src/coap/client/iotx_coap_api.c  -> kit_coap_api.c    (COAP_CLIENT)
#   src/http/iotx_http_api.c         -> kit_http_api.c    (HTTP_COMM_ENABLED)
#   src/dynamic_register/dynreg.c    -> kit_dynreg.c      (DYNAMIC_REGISTER)
# A replaced infra file whose switch is off compiles to nothing in the SDK too; it is left
# out all the same, so the library never holds one.
#
# Environment:
#   IOTWIRE_KIT_CARGO_DIR   cargo target directory (default: <repo>/target/iotkit-kit)
#   IOTWIRE_RUST_TARGET     Rust target for a cross board (CROSS_PREFIX set in the board
#                           config); cross builds also need IOTWIRE_CROSS_CARGO/_RUSTC for
#                           bare-metal targets (see cmake/iotwire_cargo.cmake)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kit_src="$repo/legacy/iotkit-embedded-3"
comp=src/iotwire
marker="# iotwire swap-in kit"

die() { echo "swap-in-iotkit: $*" >&2; exit 1; }
say() { echo "swap-in-iotkit: $*"; }
changed=()
note() { changed+=("$1"); }

[ $# -eq 1 ] || die "usage: scripts/swap-in-iotkit.sh SDK_DIR"
[ -d "$1" ] || die "$1 is not a directory"
sdk="$(cd "$1" && pwd)"

# --- 1. The tree -------------------------------------------------------------------------
[ -f "$sdk/makefile" ] && grep -q '^COMP_LIB_COMPONENTS' "$sdk/makefile" ||
  die "$sdk: no makefile with COMP_LIB_COMPONENTS: not an iotkit-embedded 3.x tree"
defs="$sdk/src/infra/infra_defs.h"
[ -f "$defs" ] || die "$sdk: no src/infra/infra_defs.h: not an iotkit-embedded 3.x tree"
version="$(sed -n 's/^#define[[:space:]]*IOTX_SDK_VERSION[[:space:]]*"\([0-9.]*\)".*/\1/p' "$defs" | head -n1)"
case "$version" in
  3.2.0) sdk_sel=IOTWIRE_LEGACY_SDK_V3_2_0 ;;
  3.1.0) sdk_sel=IOTWIRE_LEGACY_SDK_V3_1_0 ;;
  3.0.1) sdk_sel=IOTWIRE_LEGACY_SDK_V3_0_1 ;;
  *) die "$sdk: IOTX_SDK_VERSION '$version': the kit reproduces 3.0.1, 3.1.0 and 3.2.0 only" ;;
esac
dev_sign="$sdk/src/dev_sign/dev_sign_mqtt.c"
[ -f "$dev_sign" ] || die "$sdk: no src/dev_sign/dev_sign_mqtt.c"
# The client-id table the profiles reproduce: refuse a modified file rather than send other
# bytes than it did.
for want in '"2524608000000"' '"hmacsha256"' '"sdk-c-"IOTX_SDK_VERSION' '"gw", "0"' '"ext", "0"'; do
  grep -qF "$want" "$dev_sign" || die "$dev_sign has no $want: modified SDK, refusing to swap"
done
# 3.2.0 moved the region/domain IOT_Ioctl handlers into dev_sign_mqtt.c (3.0.1/3.1.0 keep
# them in infra_compat.c): the kit defines them exactly when the replaced file did.
ioctls=0
grep -q 'IOCTL_FUNC(IOTX_IOCTL_SET_MQTT_DOMAIN' "$dev_sign" && ioctls=1
# Likewise 3.2.0's dynreg.c defines the dynamic-register IOT_Ioctl handlers.
dynreg_ioctls=0
grep -qs 'IOCTL_FUNC(IOTX_IOCTL_SET_DYNAMIC_REGISTER' "$sdk/src/dynamic_register/dynreg.c" && dynreg_ioctls=1

# 3.0.1 named the CoAP device info type iotx_deviceinfo_t.
coap_devinfo=iotx_coap_device_info_t
if [ -f "$sdk/src/coap/coap_api.h" ] && ! grep -q 'iotx_coap_device_info_t' "$sdk/src/coap/coap_api.h"; then
  coap_devinfo=iotx_deviceinfo_t
fi

# The switches exactly as the SDK's makefile computes them: its first four includes turn
# every FEATURE_X=y of make.settings into -DX.
cflags="$(make -s --no-print-directory -C "$sdk" -f - kit-print-cflags <<'EOF'
include tools/project.mk
include make.settings
include tools/default_settings.mk
include tools/parse_make_settings.mk
kit-print-cflags: ; @echo $(CFLAGS)
EOF
)"
has() { [[ " $cflags " == *" -D$1 "* ]]; }

# --- the board: host or cross --------------------------------------------------------------
board="$(grep -m1 '^# *VENDOR *:' "$sdk/.config" 2>/dev/null | awk '{print $NF}' || true)"
board_file="$sdk/tools/board/config.ubuntu.x86"
if [ -n "$board" ]; then
  model="$(grep -m1 '^# *MODEL *:' "$sdk/.config" | awk '{print $NF}')"
  board_file="$sdk/tools/board/config.$board.$model"
fi
cross=""
[ -f "$board_file" ] && cross="$(sed -n 's/^CROSS_PREFIX[[:space:]]*:*=[[:space:]]*\([^[:space:]]*\).*/\1/p' "$board_file" | head -n1)"

# --- 2. libiotwire -----------------------------------------------------------------------
# switch that enables the kit files ("" = always) | replaced SDK file | text the replaced file
# must contain for the kit to match it | kit files | Cargo features. Each kit file is one
# object: a program links only the ones it calls. A file whose text differs (3.0.1's HTTP and
# dynamic registration call httpclient_* directly) is left in the tree, with a note.
table=(
  "|src/dev_sign/dev_sign_mqtt.c|_sign_get_clientid|kit_dev_sign.c kit_dev_sign_string.c kit_dev_sign_ioctl.c|legacy-v3,crypto"
  "INFRA_SHA256|src/infra/infra_sha256.c|utils_hmac_sha256|kit_sha256.c kit_sha256_once.c|crypto"
  "INFRA_MD5|src/infra/infra_md5.c|utils_hmac_md5|kit_md5.c kit_md5_once.c kit_md5_hmac.c|crypto"
  "INFRA_SHA1|src/infra/infra_sha1.c|utils_hmac_sha1_hex|kit_sha1.c kit_sha1_once.c kit_sha1_hmac.c|crypto"
  "INFRA_AES|src/infra/infra_aes.c|infra_aes128_init|kit_aes.c|crypto"
  "COAP_CLIENT|src/coap/client/iotx_coap_api.c|Cloud_CoAPContext_create|kit_coap_api.c|coap,coap-symmetric,crypto"
  "HTTP_COMM_ENABLED|src/http/iotx_http_api.c|wrapper_http_init|kit_http_api.c|http,crypto"
  "DYNAMIC_REGISTER|src/dynamic_register/dynreg.c|wrapper_http_init|kit_dynreg.c|http,legacy-v3,crypto"
)
features=""
active=()
replaced_files=()
for row in "${table[@]}"; do
  IFS='|' read -r switch replaced needle kits feats <<<"$row"
  [ -f "$sdk/$replaced" ] || continue
  if ! grep -q "$needle" "$sdk/$replaced"; then
    say "note: $replaced kept: it has no $needle, which the kit's ${kits%% *} replaces"
    continue
  fi
  replaced_files+=("$replaced|${kits%% *}")
  if [ -z "$switch" ] || has "$switch"; then
    for kit in $kits; do
      [ -f "$kit_src/$kit" ] || die "kit file $kit missing from $kit_src"
      active+=("$kit")
    done
    features="$features,$feats"
  fi
done
features="$(echo "${features#,}" | tr ',' '\n' | sort -u | paste -sd, -)"
# A feature this checkout's library does not have (yet) is dropped with a note: the kit
# files that need it then fail to link, loudly.
have=""
for f in ${features//,/ }; do
  if grep -qE "^$f = " "$repo/crates/iotwire-ffi/Cargo.toml"; then have="$have,$f"; else say "note: libiotwire has no feature '$f'"; fi
done
features="${have#,}"

cargo_dir="${IOTWIRE_KIT_CARGO_DIR:-$repo/target/iotkit-kit}"
cargo_args=(rustc -p iotwire-ffi --release --lib --crate-type staticlib --no-default-features
  --features "$features" --manifest-path "$repo/Cargo.toml" --target-dir "$cargo_dir")
if [ -z "$cross" ]; then
  # Host build for the Linux board: size matters more than speed here, as in firmware: no
  # CPU-dispatched SHA-256 fast path (the rolled block of firmware builds instead).
  rustflags='-C force-unwind-tables=no --cfg iotwire_small'
  archive="$cargo_dir/release/libiotwire_ffi.a"
  ld_cmd=ld
  objcopy_cmd=objcopy
  say "building libiotwire for the host ($features)"
  RUSTFLAGS="$rustflags" cargo "${cargo_args[@]}" --quiet
else
  target="${IOTWIRE_RUST_TARGET:-}"
  [ -n "$target" ] || die "board $board_file cross-compiles with '$cross': set IOTWIRE_RUST_TARGET (e.g. thumbv7em-none-eabihf)"
  archive="$cargo_dir/$target/release/libiotwire_ffi.a"
  ld_cmd="${cross}ld"
  objcopy_cmd="${cross}objcopy"
  say "building libiotwire for $target ($features)"
  if [[ "$target" == *-none* ]]; then
    RUSTC="${IOTWIRE_CROSS_RUSTC:-/usr/bin/rustc}" RUSTC_BOOTSTRAP=1 "${IOTWIRE_CROSS_CARGO:-/usr/bin/cargo}" \
      "${cargo_args[@]}" --quiet --target "$target" \
      -Zbuild-std=core,compiler_builtins -Zbuild-std-features=compiler-builtins-mem
  else
    cargo "${cargo_args[@]}" --quiet --target "$target"
  fi
fi

# --- 3. the kit component ------------------------------------------------------------------
dst="$sdk/$comp"
mkdir -p "$dst/lib"
for f in "$kit_src"/*.c "$kit_src"/*.h "$kit_src"/iot.mk; do
  if ! cmp -s "$f" "$dst/$(basename "$f")"; then
    cp -f "$f" "$dst/"
    note "$comp/$(basename "$f") (kit)"
  fi
done
if ! cmp -s "$repo/include/iotwire.h" "$dst/iotwire.h"; then
  cp -f "$repo/include/iotwire.h" "$dst/"
  note "$comp/iotwire.h (libiotwire's header)"
fi
config="$dst/iotwire_kit_config.h"
{
  echo "/* Generated by iotwire's scripts/swap-in-iotkit.sh for this tree; do not edit. */"
  echo "#ifndef IOTWIRE_KIT_CONFIG_H"
  echo "#define IOTWIRE_KIT_CONFIG_H"
  echo "/* IOTX_SDK_VERSION \"$version\" */"
  echo "#define IOTWIRE_KIT_SDK $sdk_sel"
  echo "/* the device info type of src/coap/coap_api.h */"
  echo "#define IOTWIRE_KIT_COAP_DEVINFO $coap_devinfo"
  if [ "$dynreg_ioctls" = 1 ]; then
    echo "/* src/dynamic_register/dynreg.c defines the dynamic-register IOT_Ioctl handlers */"
    echo "#define IOTWIRE_KIT_DYNREG_IOCTLS 1"
  fi
  if [ "$ioctls" = 1 ]; then
    echo "/* src/dev_sign/dev_sign_mqtt.c defines the region/domain IOT_Ioctl handlers */"
    echo "#define IOTWIRE_KIT_DEV_SIGN_IOCTLS 1"
  fi
  echo "#endif"
} >"$config.new"
if cmp -s "$config.new" "$config"; then rm -f "$config.new"; else mv -f "$config.new" "$config"; note "$comp/iotwire_kit_config.h (SDK $version)"; fi

# Only what the active kit files call survives the partial link: a build without CoAP carries
# no CoAP code, even without --gc-sections in the final link (the SDK's Linux board links with
# -rdynamic, which keeps every global function of every object linked). Two archive members:
# "core" holds what every MQTT program calls (IOT_Sign_MQTT, _sign_get_clientid, utils_sha256),
# "rest" everything else, so that mqtt-example links only the first. Each has its own copy of
# the internals it needs; the exported functions are defined once.
core_kits=(kit_dev_sign.c kit_sha256_once.c)
# Roots: the iotwire_* calls of the kit files. kit_dev_sign.c names both IOT_Sign_MQTT
# exports in #if branches (3.2.0's own, the 3.x family's): only this tree's SDK's is kept.
if [ "$sdk_sel" = IOTWIRE_LEGACY_SDK_V3_2_0 ]; then other_sdk='iotwire_legacy_v3_(sign_mqtt|client_id)'
else other_sdk='iotwire_legacy_v3_2_0_(sign_mqtt|client_id)'; fi
roots_of() {
  (cd "$kit_src" && grep -ohE '\biotwire_[a-z0-9_]+ *\(' "$@" | tr -d ' (' | { grep -vxE "$other_sdk" || true; } | sort -u)
}
member="$(ar t "$archive" | awk '/^iotwire_ffi/ && !m { print; m = 1 }')"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && ar x "$archive" "$member")
exported="$(nm -g --defined-only "$work/$member" | awk '{print $3}')"
core_active=()
rest_active=()
for k in "${active[@]}"; do
  if [[ " ${core_kits[*]} " == *" $k "* ]]; then core_active+=("$k"); else rest_active+=("$k"); fi
done
core_roots="$(roots_of "${core_active[@]}")"
rest_roots="$( [ ${#rest_active[@]} -eq 0 ] || roots_of "${rest_active[@]}")"
kept=0
# prelink NAME ROOTS EXCLUDED: one member, keeping the functions ROOTS reach; any of
# EXCLUDED it reaches becomes a local copy, so no function is defined twice.
prelink() {
  local name=$1 roots=$2 excluded=$3 undef=() r
  for r in $roots; do
    grep -qx "$r" <<<"$exported" || continue  # header helpers such as iotwire_str()
    grep -qx "$r" <<<"$excluded" && continue
    undef+=(-u "$r")
  done
  [ ${#undef[@]} -gt 0 ] || return 0
  kept=$((kept + ${#undef[@]} / 2))
  "$ld_cmd" -r --gc-sections "${undef[@]}" -o "$work/$name.o" "$work/$member" "$archive"
  for r in $excluded; do "$objcopy_cmd" --localize-symbol="$r" "$work/$name.o"; done
  # Nothing unwinds through the library (built with panic = "abort"): its unwind tables are
  # dead weight. Its symbols link the program but the program does not export them.
  "$objcopy_cmd" -R .eh_frame "$work/$name.o"
  python3 "$repo/scripts/lib/elf_hide_globals.py" "$work/$name.o" >/dev/null
  members+=("$work/$name.o")
}
members=()
prelink iotwire_core "$core_roots" ""
prelink iotwire_rest "$rest_roots" "$core_roots"
rm -f "$work/lib.a"
ar rcsD "$work/lib.a" "${members[@]}"
if ! cmp -s "$work/lib.a" "$dst/lib/libiotwire.a"; then
  cp -f "$work/lib.a" "$dst/lib/libiotwire.a"
  note "$comp/lib/libiotwire.a ($kept exports kept)"
fi

# --- 4. build files ------------------------------------------------------------------------
# Appends `line` (with the marker) to a build file unless it is there already.
append() {  # file line what
  local file="$sdk/$1" line="$2"
  grep -qxF "$line" "$file" 2>/dev/null && return 0
  chmod u+w "$file"
  printf '\n%s: %s\n%s\n' "$marker" "$3" "$line" >>"$file"
  note "$1: $3"
}

# The component joins libiot_sdk.a. Inserted before the rules include: the SDK's rules read
# COMP_LIB_COMPONENTS when they are included.
if ! grep -qF "$marker" "$sdk/makefile"; then
  chmod u+w "$sdk/makefile"
  awk -v m="$marker: the kit component joins libiot_sdk.a" -v line="COMP_LIB_COMPONENTS += $comp" '
    !done && /^include[[:space:]]+\$\(RULE_DIR\)\/rules\.mk/ { print m; print line; print ""; done = 1 }
    { print }' "$sdk/makefile" >"$work/makefile"
  grep -qF "$marker" "$work/makefile" || die "$sdk/makefile: no 'include \$(RULE_DIR)/rules.mk' line"
  cat "$work/makefile" >"$sdk/makefile"
  note "makefile: COMP_LIB_COMPONENTS += $comp"
fi

for entry in "${replaced_files[@]}"; do
  replaced="${entry%|*}"
  kit="${entry#*|}"
  module="${replaced%/*}"
  rel="${replaced#"$module"/}"
  # The component is the closest directory with an iot.mk (src/coap for client/...).
  while [ ! -f "$sdk/$module/iot.mk" ]; do
    rel="${module##*/}/$rel"
    module="${module%/*}"
  done
  append "$module/iot.mk" "LIB_SRCS_EXCLUDE += $rel" "$rel no longer compiled (replaced by $comp/$kit)"
done

# Programs link libiotwire after libiot_sdk (whose kit objects call it), with --gc-sections:
# the library's functions are hidden and in sections of their own, so a program keeps only
# those it calls (the SDK's objects, one section each and exported by -rdynamic, all stay).
while IFS= read -r mk; do
  rel="${mk#"$sdk"/}"
  append "$rel" "LDFLAGS += -L\$(TOP_DIR)/$comp/lib -liotwire -Wl,--gc-sections" "programs link libiotwire"
done < <(grep -l -- '-liot_sdk' $(find "$sdk/src" "$sdk/wrappers" -name iot.mk 2>/dev/null) 2>/dev/null | grep -v "/$comp/" | sort)

# A previous build keeps objects of the replaced files in .O, and the SDK cannot rebuild .O
# under an existing .config: reset with its own targets, keeping the configured board.
if [ ${#changed[@]} -gt 0 ] && [ -d "$sdk/.O" ]; then
  make -s --no-print-directory -C "$sdk" distclean >/dev/null
  if [ -n "$board" ]; then
    make -s --no-print-directory -C "$sdk" config DEFAULT_BLD="$board_file" >/dev/null
  fi
  note "previous build removed (make distclean${board:+; make config DEFAULT_BLD=${board_file#"$sdk"/}})"
fi

say "SDK $version at $sdk, libiotwire features: $features"
if [ ${#changed[@]} -eq 0 ]; then
  say "nothing to change: the tree is already swapped"
else
  say "changed:"
  printf '  %s\n' "${changed[@]}"
fi
say "now run: make -C $sdk"
