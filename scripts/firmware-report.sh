#!/usr/bin/env bash
# One command for the published firmware figures: runs the Cortex-M and RISC-V gates (QEMU
# vectors, stack painting, panic-never and allocation gates), the size table with its budgets
# and the callgrind benchmarks, and writes docs/generated/{stack,size,speed}-table.md.
#
# Usage: scripts/firmware-report.sh   (prerequisites: scripts/install-deps.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/cortex-m-gate.sh
scripts/riscv-gate.sh
python3 cortex-m/stack_table.py docs/generated/stack-table.md cortex-m/out/sizes.txt riscv/out/sizes.txt
scripts/size-table.sh
scripts/bench.sh
echo "firmware-report: docs/generated/{stack,size,speed}-table.md updated"
