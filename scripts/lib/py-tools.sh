# shellcheck shell=bash
# The Python tools the packaging checks run, in one virtual environment outside the checkout
# (scripts/install-deps.sh creates it): idf-component-manager (compote) for the ESP-IDF
# component, platformio (pio) for the PlatformIO library, spdx-tools (pyspdxtools) for the
# SBOM. Pinned, like cbindgen: their validation rules change between releases. Sourced.
# shellcheck disable=SC2034  # used by the scripts that source this file
PY_TOOLS=${IOTWIRE_PY_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/iotwire/py-tools}
# shellcheck disable=SC2034
PY_TOOLS_PACKAGES=(idf-component-manager==3.1.2 platformio==6.2.0 spdx-tools==0.8.5)
