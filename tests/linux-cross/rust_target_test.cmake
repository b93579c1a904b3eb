# Checks cmake/iotwire_rust_target.cmake's Linux mapping with Debian's cross compilers: the
# architecture, float ABI and endianness from the predefined macros, glibc/musl from
# -dumpmachine. A compiler that is not installed is reported and its cases skipped.
# Usage: cmake -P tests/linux-cross/rust_target_test.cmake
# (writes a scratch file under the working directory's CMakeFiles/)
cmake_minimum_required(VERSION 3.19)
include("${CMAKE_CURRENT_LIST_DIR}/../../cmake/iotwire_rust_target.cmake")

# compiler | flags | expected triple ("" = none iotwire knows)
set(cases
  "aarch64-linux-gnu-gcc||aarch64-unknown-linux-gnu"
  "arm-linux-gnueabihf-gcc||armv7-unknown-linux-gnueabihf"
  # the soft-float calling convention on the same compiler, and an ARMv6 (Raspberry Pi 1) core
  "arm-linux-gnueabihf-gcc|-mfloat-abi=softfp|armv7-unknown-linux-gnueabi"
  "arm-linux-gnueabihf-gcc|-marm -march=armv6 -mfpu=vfp|arm-unknown-linux-gnueabihf"
  "mipsel-linux-gnu-gcc||mipsel-unknown-linux-gnu"
  "mipsel-linux-gnu-gcc|-EB|mips-unknown-linux-gnu"
  # 64-bit MIPS is not mapped
  "mipsel-linux-gnu-gcc|-mabi=64|"
  "gcc||x86_64-unknown-linux-gnu"
  "gcc|-m32|i686-unknown-linux-gnu"
  # a bare-metal compiler is no Linux target
  "arm-none-eabi-gcc|-mcpu=cortex-m4|")

set(failed 0)
set(checked 0)
foreach(case IN LISTS cases)
  string(REPLACE "|" ";" parts "${case}")
  list(GET parts 0 cc)
  list(GET parts 1 flags)
  list(LENGTH parts n)
  set(want "")
  if(n GREATER 2)
    list(GET parts 2 want)
  endif()
  unset(_cc_path)
  find_program(_cc_path "${cc}" NO_CACHE)
  if(NOT _cc_path)
    message(STATUS "rust_target_test: ${cc} not installed, case '${flags}' skipped")
    continue()
  endif()
  iotwire_rust_linux_target_for(got "${_cc_path}" "${flags}")
  math(EXPR checked "${checked} + 1")
  if(NOT got STREQUAL want)
    message(SEND_ERROR "${cc} '${flags}': got '${got}', want '${want}'")
    math(EXPR failed "${failed} + 1")
  endif()
endforeach()
if(checked EQUAL 0)
  message(FATAL_ERROR "rust_target_test: no compiler of the cases is installed")
endif()
if(failed EQUAL 0)
  message(STATUS "rust_target_test: all ${checked} Linux cases map as expected")
endif()
