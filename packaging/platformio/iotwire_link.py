"""PlatformIO extra script of the iotwire library: links lib/<rust-target>/libiotwire.a for the
board's core.

The core is read from what the board's compiler predefines with the build flags in effect
(-mcpu, -mfloat-abi, -march...), as iotwire's CMake does, so a board definition or
build_flags that change the core or float ABI change the archive with it. rust_target() is a
plain function, so scripts/package-check.sh checks it against real compilers without
PlatformIO; the linking part runs only inside PlatformIO (SCons), where Import() exists.
"""
import os
import re
import shlex
import subprocess
import sys


def rust_target(macros, mcu=""):
    """The Rust target (archive directory) for a compiler's predefined macros, or None.

    macros: {name: value} from `cc -dM -E`; mcu: the board's build.mcu (names the Xtensa chip).
    """
    if macros.get("__ARM_ARCH_PROFILE") in ("77", "'M'"):
        hf = "__ARM_PCS_VFP" in macros
        if "__ARM_ARCH_6M__" in macros:
            return "thumbv6m-none-eabi"
        if "__ARM_ARCH_7M__" in macros:
            return "thumbv7m-none-eabi"
        if "__ARM_ARCH_7EM__" in macros:
            return "thumbv7em-none-eabihf" if hf else "thumbv7em-none-eabi"
        if "__ARM_ARCH_8M_MAIN__" in macros:
            return "thumbv8m.main-none-eabihf" if hf else "thumbv8m.main-none-eabi"
        if "__ARM_ARCH_8M_BASE__" in macros:
            return "thumbv8m.base-none-eabi"
        return None
    if "__riscv" in macros and macros.get("__riscv_xlen") == "32":
        if "__riscv_flen" in macros or "__riscv_float_abi_soft" not in macros:
            return None  # F/D cores (ESP32-P4) have no archive here
        if "__riscv_mul" not in macros or "__riscv_compressed" not in macros:
            return None
        return "riscv32imac-unknown-none-elf" if "__riscv_atomic" in macros \
            else "riscv32imc-unknown-none-elf"
    if "__XTENSA__" in macros and mcu in ("esp32", "esp32s2", "esp32s3"):
        return "xtensa-%s-none-elf" % mcu
    if "__linux__" in macros and "__x86_64__" in macros:
        return "x86_64-unknown-linux-gnu"
    return None


def predefined_macros(cc, flags):
    text = subprocess.run([cc] + flags + ["-dM", "-E", "-x", "c", os.devnull], check=True,
                          stdout=subprocess.PIPE, universal_newlines=True).stdout
    return dict(re.findall(r"^#define (\S+) ?(.*)$", text, re.M))


if "Import" in globals():
    Import("env")  # noqa: F821 (SCons)
    # pylint: disable=undefined-variable
    lib_dir = Dir(".").srcnode().abspath  # noqa: F821 (SCons: this script's directory)
    cc = env.subst("$CC")
    flags = shlex.split(env.subst("$CCFLAGS $CFLAGS"))
    mcu = env.BoardConfig().get("build.mcu", "")
    target = rust_target(predefined_macros(cc, flags), mcu)
    archive = os.path.join(lib_dir, "lib", target or "-", "libiotwire.a")
    if not target or not os.path.isfile(archive):
        sys.stderr.write("iotwire: no prebuilt libiotwire.a for this core (Rust target %s, "
                         "from %s %s); see docs/PACKAGES.md in the iotwire repository\n"
                         % (target, cc, " ".join(flags)))
        env.Exit(1)
    env.Append(LIBPATH=[os.path.dirname(archive)], LIBS=["iotwire"])
