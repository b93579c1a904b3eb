#!/usr/bin/env bash
# Installs what scripts/test.sh needs on a fresh Debian 12 machine that has only rustup stable,
# gcc and python3. Idempotent: a rerun with everything present touches no package manager.
set -euo pipefail

sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi

# Debian packages: cmake/g++/valgrind/binutils/pkg-config for the C side; the arm-none-eabi
# toolchain, newlib, QEMU and Debian's rustc-web (+ its std sources) for the Cortex-M gate;
# the riscv64-unknown-elf toolchain (multilib, builds rv32), picolibc and qemu-system-riscv32
# (qemu-system-misc) for the RISC-V gate; the Linux cross compilers with their C libraries
# (not pulled in without recommends) and qemu-user for the gateway gate; doxygen for the
# header docs check; mosquitto for the MQTT broker interop test; make for CMake and for
# building the legacy SDK whose CONNECT the diagnose CLI test captures; python3-venv for the
# packaging tools below.
apt_packages=(cmake make g++ valgrind binutils pkg-config gcc-arm-none-eabi libnewlib-arm-none-eabi
  qemu-system-arm rustc-web cargo-web rust-web-src doxygen mosquitto
  gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf qemu-system-misc
  gcc-aarch64-linux-gnu libc6-dev-arm64-cross gcc-arm-linux-gnueabihf libc6-dev-armhf-cross
  gcc-mipsel-linux-gnu libc6-dev-mipsel-cross qemu-user python3-venv)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: apt-get install ${missing[*]}"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# rustup cannot download here, so a missing component is only fatal if it is really absent.
for c in clippy rustfmt; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$c"; then
    rustup component add "$c" || { echo "install-deps: rustup component $c unavailable" >&2; exit 1; }
  fi
done

# The header is diffed against cbindgen's output, and point releases reorder it: pin exactly.
cbindgen_version=0.29.4
if [ "$(cbindgen --version 2>/dev/null | awk '{print $2}')" != "$cbindgen_version" ]; then
  cargo install --locked cbindgen --version "$cbindgen_version"
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install --locked cargo-fuzz
fi
# Packaging checks (scripts/package-check.sh): pinned Python tools in their own venv.
# shellcheck source=scripts/lib/py-tools.sh
. "$(dirname "$0")/lib/py-tools.sh"
if [ "$(cat "$PY_TOOLS/installed" 2>/dev/null)" != "${PY_TOOLS_PACKAGES[*]}" ]; then
  echo "install-deps: python3 -m venv $PY_TOOLS; pip install ${PY_TOOLS_PACKAGES[*]}"
  python3 -m venv "$PY_TOOLS"
  "$PY_TOOLS/bin/pip" install --quiet --disable-pip-version-check "${PY_TOOLS_PACKAGES[@]}"
  echo "${PY_TOOLS_PACKAGES[*]}" >"$PY_TOOLS/installed"
fi
echo "install-deps: all present"
