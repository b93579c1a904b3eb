#!/usr/bin/env bash
# Cortex-M gate: scripts/firmware-gate.sh for the M4F (thumbv7em-none-eabihf) and the M0
# (thumbv6m-none-eabi) under QEMU. Output in cortex-m/out/.
exec "$(dirname "$0")/firmware-gate.sh" cortex-m
