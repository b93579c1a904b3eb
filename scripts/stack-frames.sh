#!/usr/bin/env bash
# Per-function stack frames of an IOT_Sign_MQTT-only Cortex-M4F link, from rustc's
# -Zemit-stack-sizes (complements the stack painting in scripts/cortex-m-gate.sh, which gives
# the worst case of a whole call but not where it goes). Needs what the Cortex-M gate needs
# plus llvm-readobj. Usage: scripts/stack-frames.sh [N rows]
set -euo pipefail
cd "$(dirname "$0")/.."
readobj=$(command -v llvm-readobj-22 || command -v llvm-readobj || true)
[ -n "$readobj" ] || { echo "llvm-readobj missing (apt-get install llvm)"; exit 1; }
out=cortex-m/out/frames
mkdir -p "$out"
python3 cortex-m/gen_expected.py tests/vectors/legacy-c-sdk.dev.json "$out/gen" >/dev/null
export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1
RUSTFLAGS='-Zemit-stack-sizes' /usr/bin/cargo rustc -p iotwire-ffi --quiet \
  --release --lib --crate-type staticlib --target thumbv7em-none-eabihf --target-dir "$out/target" \
  -Zbuild-std=core,compiler_builtins -Zbuild-std-features=compiler-builtins-mem
arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16 -Os \
  -ffunction-sections -fdata-sections -Iinclude -Iinclude/legacy -I"$out/gen" \
  --specs=nano.specs --specs=rdimon.specs -nostartfiles -Lcortex-m -T cortex-m/mps2.ld \
  -Wl,--gc-sections -Wl,--no-warn-execstack cortex-m/startup.c -DCM_EXPORTED_SYMBOL \
  cortex-m/sign_only.c "$out/target/thumbv7em-none-eabihf/release/libiotwire_ffi.a" -o "$out/sign_only.elf"
"$readobj" --stack-sizes "$out/sign_only.elf" | python3 -c '
import re, sys
rows = re.findall(r"Functions: \[(.*?)\]\s*Size: (0x[0-9A-Fa-f]+|\d+)", sys.stdin.read(), re.S)
for size, name in sorted(((int(s, 0), f.strip()) for f, s in rows), reverse=True)[:int(sys.argv[1])]:
    print(f"{size:6d}  {name[:110]}")
' "${1:-12}"
