# shellcheck shell=bash
# Bare-metal (firmware) Rust targets: how a C program for each is compiled, linked and run.
# Sourced, not run, by scripts/firmware-gate.sh, scripts/panic-never-gate.sh,
# scripts/size-table.sh, scripts/package.sh and scripts/package-check.sh, so a core is
# described once. The gates run two cores per family; the release bundle has archives for more
# (M3, soft-float M4, M33), which scripts/package-check.sh also runs under QEMU.
#
# Every firmware script shares one cargo target directory (one subdirectory per Rust target),
# so core is compiled once per target by -Zbuild-std and each script reuses the others' builds.
# shellcheck disable=SC2034  # used by the scripts that source this file
FW_CARGO_DIR_DEFAULT=cortex-m/out/target

# The Rust targets a family's QEMU gate runs.
fw_family_targets() {  # family
  case $1 in
    cortex-m) echo "thumbv7em-none-eabihf thumbv6m-none-eabi" ;;
    riscv) echo "riscv32imc-unknown-none-elf riscv32imac-unknown-none-elf" ;;
    *) echo "firmware-targets: unknown family '$1'" >&2; return 1 ;;
  esac
}

fw_family() {  # target
  case $1 in
    thumb*) echo cortex-m ;;
    riscv32*) echo riscv ;;
    *) echo "firmware-targets: no firmware family for '$1'" >&2; return 1 ;;
  esac
}

# GNU toolchain prefix: <prefix>gcc, <prefix>readelf, <prefix>nm, <prefix>size.
# Debian's riscv64-unknown-elf toolchain is multilib and builds rv32 with -march/-mabi.
fw_prefix() {  # target
  case $1 in
    thumb*) echo arm-none-eabi- ;;
    riscv32*) echo riscv64-unknown-elf- ;;
    *) return 1 ;;
  esac
}

# C compiler flags selecting the core and ABI the Rust target was built for.
fw_cpu_flags() {  # target
  case $1 in
    thumbv6m-none-eabi) echo "-mcpu=cortex-m0 -mthumb -mfloat-abi=soft" ;;
    thumbv7m-none-eabi) echo "-mcpu=cortex-m3 -mthumb -mfloat-abi=soft" ;;
    thumbv7em-none-eabi) echo "-mcpu=cortex-m4 -mthumb -mfloat-abi=soft" ;;
    thumbv7em-none-eabihf) echo "-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16" ;;
    thumbv8m.main-none-eabihf) echo "-mcpu=cortex-m33 -mthumb -mfloat-abi=hard -mfpu=fpv5-sp-d16" ;;
    # ESP32-C3 (imc); ESP32-C6/H2 (imac). Debian's picolibc has no rv32imc multilib and
    # links rv32im's, which runs on either.
    riscv32imc-unknown-none-elf) echo "-march=rv32imc -mabi=ilp32" ;;
    riscv32imac-unknown-none-elf) echo "-march=rv32imac -mabi=ilp32" ;;
    *) echo "firmware-targets: no C flags for '$1'" >&2; return 1 ;;
  esac
}

# C library of a program that is linked but needs no console (size table, panic-never link):
# newlib-nano with stubbed syscalls, or picolibc with its dummy host. picolibc's default
# linker script has placeholder regions (64 KiB of flash): these are QEMU virt's, as riscv/virt.ld.
fw_libc_flags() {  # target
  case $1 in
    thumb*) echo "--specs=nano.specs --specs=nosys.specs" ;;
    riscv32*) echo "--specs=picolibc.specs --oslib=dummyhost -Wl,--defsym=__flash=0x80000000" \
      "-Wl,--defsym=__flash_size=0x400000 -Wl,--defsym=__ram=0x80400000 -Wl,--defsym=__ram_size=0x40000" ;;
    *) return 1 ;;
  esac
}

# Startup, linker script and C library of a QEMU test image (stdout and exit status through
# semihosting). root = repository root.
fw_image_flags() {  # target root
  local r=$2
  case $1 in
    thumbv6m-none-eabi)
      echo "--specs=nano.specs --specs=rdimon.specs -nostartfiles -L$r/cortex-m -T $r/cortex-m/microbit.ld $r/cortex-m/startup.c" ;;
    thumbv7m-none-eabi | thumbv7em-none-eabi | thumbv7em-none-eabihf)
      echo "--specs=nano.specs --specs=rdimon.specs -nostartfiles -L$r/cortex-m -T $r/cortex-m/mps2.ld $r/cortex-m/startup.c" ;;
    thumbv8m.main-none-eabihf)
      echo "--specs=nano.specs --specs=rdimon.specs -nostartfiles -L$r/cortex-m -T $r/cortex-m/mps2-an505.ld $r/cortex-m/startup.c" ;;
    riscv32*)
      echo "--specs=picolibc.specs --oslib=semihost -nostartfiles -T $r/riscv/virt.ld $r/riscv/startup.S $r/riscv/startup.c" ;;
    *) echo "firmware-targets: no QEMU image for '$1'" >&2; return 1 ;;
  esac
}

# The QEMU command that boots a test image (append -kernel image.elf).
# The RISC-V CPU is given exactly the target's extensions, so an instruction the library
# should not use (atomics on imc, floating point anywhere) traps instead of passing.
fw_qemu() {  # target
  local common="-nographic -monitor none -serial null -semihosting-config enable=on,target=native"
  case $1 in
    thumbv6m-none-eabi) echo "qemu-system-arm -M microbit $common" ;;
    thumbv7m-none-eabi) echo "qemu-system-arm -M mps2-an385 -cpu cortex-m3 $common" ;;
    thumbv7em-none-eabi | thumbv7em-none-eabihf) echo "qemu-system-arm -M mps2-an386 -cpu cortex-m4 $common" ;;
    thumbv8m.main-none-eabihf) echo "qemu-system-arm -M mps2-an505 -cpu cortex-m33 $common" ;;
    riscv32imc-unknown-none-elf) echo "qemu-system-riscv32 -M virt -bios none -cpu rv32,a=off,f=off,d=off $common" ;;
    riscv32imac-unknown-none-elf) echo "qemu-system-riscv32 -M virt -bios none -cpu rv32,f=off,d=off $common" ;;
    *) echo "firmware-targets: no QEMU machine for '$1'" >&2; return 1 ;;
  esac
}

# The toolchain environment every firmware cargo build uses: Debian's rustc-web 1.96 (whose
# sources -Zbuild-std compiles), never rustup's proxies. RUSTC/RUSTDOC make build scripts and
# -Zbuild-std use the compiler that matches rust-web-src; RUSTC_BOOTSTRAP allows -Z on a
# stable compiler; any RUSTFLAGS would replace .cargo/config.toml's compact-backend cfgs.
fw_rust_env() {
  export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1
  unset RUSTFLAGS CARGO_BUILD_RUSTFLAGS CARGO_ENCODED_RUSTFLAGS CARGO_BUILD_TARGET
  local v
  for v in $(compgen -e); do case $v in CARGO_TARGET_*_RUSTFLAGS) unset "$v" ;; esac; done
}
