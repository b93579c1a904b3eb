# Toolchain file: Linux on AArch64 (ARMv8-A) gateways: Raspberry Pi 3/4/5 with a 64-bit OS, i.MX8,
# RK3399. Debian's cross compiler (gcc-aarch64-linux-gnu); iotwire derives the Rust target
# aarch64-unknown-linux-gnu from it (cmake/iotwire_rust_target.cmake) and builds core for it with
# -Zbuild-std.
#   cmake -S <project> -B build --toolchain <iotwire>/cmake/toolchains/aarch64-linux-gnu.cmake
# Test programs run under qemu-aarch64 (Debian qemu-user) through CMAKE_CROSSCOMPILING_EMULATOR,
# so ctest works on an x86-64 machine. Copy and adapt for another sysroot or vendor toolchain.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)

# Headers and libraries from the target's sysroot only; programs (cargo, python3) from the
# host.
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
# Package files (find_package(iotwire) in an install prefix) from both.
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)

# C++ only with the matching cross g++ (g++-aarch64-linux-gnu); without it, CMake's
# search would settle on the host's g++, so C++ is marked absent and iotwire's C++ checks
# are skipped.
find_program(IOTWIRE_CROSS_CXX aarch64-linux-gnu-g++)
if(IOTWIRE_CROSS_CXX)
  set(CMAKE_CXX_COMPILER "${IOTWIRE_CROSS_CXX}")
else()
  set(CMAKE_CXX_COMPILER CMAKE_CXX_COMPILER-NOTFOUND)
endif()

# -L: where qemu-user finds the target's dynamic loader and C library.
find_program(IOTWIRE_QEMU_USER qemu-aarch64)
if(IOTWIRE_QEMU_USER)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${IOTWIRE_QEMU_USER};-L;/usr/aarch64-linux-gnu")
endif()
