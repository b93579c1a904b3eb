#!/usr/bin/env bash
# RISC-V gate: scripts/firmware-gate.sh for ESP32-C3's rv32imc (riscv32imc-unknown-none-elf)
# and ESP32-C6/H2's rv32imac (riscv32imac-unknown-none-elf) under qemu-system-riscv32 -M virt.
# Output in riscv/out/.
exec "$(dirname "$0")/firmware-gate.sh" riscv
