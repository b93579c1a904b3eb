# The firmware feature sets that scripts/panic-never-gate.sh proves panic-free, smallest first
# (the size table's rows are scripts/lib/size-sets.sh; both use the same feature combinations,
# so their builds share one cargo target dir). Sourced, not run.
#
# FEATURE_SETS: name|cargo features|program the set is linked into. The program calls every
# export the set has (cortex-m/panic_never.c, driven by IOTWIRE_HAS_*), except for
# iot-sign-only, which is firmware that calls nothing but the exported IOT_Sign_MQTT.
# "all" is the default feature set; the others build with --no-default-features.
FEATURE_SETS=(
  "iot-sign-only|legacy-sign|size_iot_sign.c"
  "legacy-v3|legacy-v3|panic_never.c"
  "mqtt|mqtt|panic_never.c"
  "mqtt-all-macs|mqtt,hmac-md5,hmac-sha1|panic_never.c"
  "coap|coap,coap-symmetric|panic_never.c"
  "http|http,hmac-sha1|panic_never.c"
  "codec|mqtt-codec|panic_never.c"
  "legacy-stack|legacy-v3,coap,coap-symmetric,http,hmac-sha1,mqtt-codec|panic_never.c"
  "all|default|panic_never.c"
  # Host-only and not a default feature (so in no size row), but its exports build for
  # Cortex-M too and must not reach a panic either.
  "diagnose|diagnose|panic_never.c"
  # The swap-in kit's crypto exports alone (legacy/iotkit-embedded-3: the SDK's infra
  # hashes and AES). In the default set too, so also in "all".
  "crypto|crypto|panic_never.c"
)

# Cargo feature -> the IOTWIRE_HAS_* macro a C program of that build is compiled with.
feature_macro() {
  case $1 in
    legacy-sign) echo IOTWIRE_HAS_LEGACY_SIGN ;;
    *) echo "IOTWIRE_HAS_$(echo "$1" | tr 'a-z-' 'A-Z_')" ;;
  esac
}

# Every feature of a set exists in the C library crate's Cargo.toml. The callers fail on a set
# that names a missing feature: a set that silently drops out of the size table or the
# panic-never proof would hide exactly what those checks are for.
features_exist() {  # root features
  local root=$1 f
  [ "$2" = default ] && return 0
  for f in ${2//,/ }; do
    grep -qE "^$f = " "$root/crates/iotwire-ffi/Cargo.toml" || return 1
  done
}

# cargo arguments and C defines of a set.
set_cargo_args() {  # features
  if [ "$1" = default ]; then echo ""; else echo "--no-default-features --features $1"; fi
}
# Every feature the set turns on, with what each implies in crates/iotwire-ffi/Cargo.toml
# (legacy-sign brings legacy-v3, legacy-profiles and mqtt): the C program must see each part the
# archive has, or scripts/panic-never-gate.sh finds exports it does not call.
implied_features() {  # features -> space-separated closure
  python3 - "$(dirname "${BASH_SOURCE[0]}")/../../crates/iotwire-ffi/Cargo.toml" "$1" <<'PY'
import sys, tomllib
table = tomllib.load(open(sys.argv[1], "rb"))["features"]
todo, seen = sys.argv[2].split(","), []
while todo:
    f = todo.pop(0)
    if f and "/" not in f and f not in seen:
        seen.append(f)
        todo += table.get(f, [])
print(" ".join(seen))
PY
}
set_c_defs() {  # features
  local f out=""
  [ "$1" = default ] && return 0
  out="-DIOTWIRE_CUSTOM_FEATURES"
  for f in $(implied_features "$1"); do
    case $f in hmac-*) continue ;; esac
    out="$out -D$(feature_macro "$f")"
  done
  echo "$out"
}
