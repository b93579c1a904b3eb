# Toolchain file: Linux on ARMv7-A hard-float gateways: i.MX6, AM335x, STM32MP1, Raspberry Pi 2/3
# with a 32-bit OS. Debian's cross compiler (gcc-arm-linux-gnueabihf); iotwire derives the Rust
# target armv7-unknown-linux-gnueabihf from it (cmake/iotwire_rust_target.cmake) and builds core
# for it with -Zbuild-std.
#   cmake -S <project> -B build --toolchain <iotwire>/cmake/toolchains/arm-linux-gnueabihf.cmake
# Test programs run under qemu-arm (Debian qemu-user) through CMAKE_CROSSCOMPILING_EMULATOR,
# so ctest works on an x86-64 machine. Copy and adapt for another sysroot or vendor toolchain.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR armv7)

set(CMAKE_C_COMPILER arm-linux-gnueabihf-gcc)

# Headers and libraries from the target's sysroot only; programs (cargo, python3) from the
# host.
set(CMAKE_FIND_ROOT_PATH /usr/arm-linux-gnueabihf)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
# Package files (find_package(iotwire) in an install prefix) from both.
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)

# C++ only with the matching cross g++ (g++-arm-linux-gnueabihf); without it, CMake's
# search would settle on the host's g++, so C++ is marked absent and iotwire's C++ checks
# are skipped.
find_program(IOTWIRE_CROSS_CXX arm-linux-gnueabihf-g++)
if(IOTWIRE_CROSS_CXX)
  set(CMAKE_CXX_COMPILER "${IOTWIRE_CROSS_CXX}")
else()
  set(CMAKE_CXX_COMPILER CMAKE_CXX_COMPILER-NOTFOUND)
endif()

# -L: where qemu-user finds the target's dynamic loader and C library.
find_program(IOTWIRE_QEMU_USER qemu-arm)
if(IOTWIRE_QEMU_USER)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${IOTWIRE_QEMU_USER};-L;/usr/arm-linux-gnueabihf")
endif()
