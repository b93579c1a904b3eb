# Which Rust target matches the C compiler of a cross build: a bare-metal Cortex-M core, or a
# Linux gateway (AArch64, ARMv7, MIPS, ...). Used when iotwire is built (iotwire_cargo.cmake)
# and again by the installed iotwireConfig.cmake, which rejects an install made for another
# core, float ABI or architecture.
#
# The compiler is asked rather than its flags parsed: its predefined macros already account for
# -mcpu and -march, the float ABI (default soft) and -mfpu, wherever the flags came from.
# Works under `cmake -P` too (tests/cmake-firmware/rust_target_test.cmake).

# iotwire_rust_target_for(<out-var> <c-compiler> <flags-string> <processor>)
# Sets <out-var> to the triple, or to "" when the compiler does not target an M-profile core.
# <processor> (CMAKE_SYSTEM_PROCESSOR) is only consulted when the flags select no M-profile
# core, for toolchain files that name the core there (cortex-m4) and not in the flags.
function(iotwire_rust_target_for out compiler flags processor)
  separate_arguments(_flags UNIX_COMMAND "${flags}")
  _iotwire_rust_target_from_macros(_triple "${compiler}" ${_flags})
  if(_triple STREQUAL "" AND processor MATCHES "^cortex-m")
    _iotwire_rust_target_from_macros(_triple "${compiler}" ${_flags} "-mcpu=${processor}" -mthumb)
  endif()
  set(${out} "${_triple}" PARENT_SCOPE)
endfunction()

# iotwire_rust_linux_target_for(<out-var> <c-compiler> <flags-string>)
# Sets <out-var> to the Rust triple of a Linux C compiler, or to "" for an architecture not
# listed here. The architecture, float ABI and endianness come from the predefined macros, the
# C library (glibc or musl) from -dumpmachine.
function(iotwire_rust_linux_target_for out compiler flags)
  separate_arguments(_flags UNIX_COMMAND "${flags}")
  _iotwire_predefined_macros(_macros "${compiler}" ${_flags})
  execute_process(COMMAND "${compiler}" ${_flags} -dumpmachine
    OUTPUT_VARIABLE _machine ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
  set(_libc gnu)
  if(_machine MATCHES "musl")
    set(_libc musl)
  endif()
  set(_triple "")
  if(NOT _macros MATCHES "#define __linux__ 1\n")
    # not a Linux compiler (arm-none-eabi-gcc, say)
  elseif(_macros MATCHES "#define __aarch64__ 1\n")
    set(_triple aarch64-unknown-linux-${_libc})
  elseif(_macros MATCHES "#define __x86_64__ 1\n")
    set(_triple x86_64-unknown-linux-${_libc})
  elseif(_macros MATCHES "#define __i386__ 1\n")
    set(_triple i686-unknown-linux-${_libc})
  elseif(_macros MATCHES "#define __riscv_xlen 64\n")
    set(_triple riscv64gc-unknown-linux-${_libc})
  elseif(_macros MATCHES "#define __arm__ 1\n" AND _macros MATCHES "#define __ARM_ARCH ([0-9]+)\n")
    # ARMv7 and later cores run the armv7 targets; ARMv6 (Raspberry Pi 1) is Rust's "arm".
    set(_arch armv7)
    if(CMAKE_MATCH_1 LESS 7)
      set(_arch arm)
    endif()
    set(_abi eabi)
    if(_macros MATCHES "#define __ARM_PCS_VFP 1\n")
      set(_abi eabihf)
    endif()
    set(_triple ${_arch}-unknown-linux-${_libc}${_abi})
  elseif(_macros MATCHES "#define __mips__ 1\n" AND _macros MATCHES "#define _MIPS_SIM _ABIO32\n")
    # 32-bit MIPS (OpenWrt routers): mipsel on the common little-endian SoCs.
    if(_macros MATCHES "#define __MIPSEL__ 1\n")
      set(_triple mipsel-unknown-linux-${_libc})
    else()
      set(_triple mips-unknown-linux-${_libc})
    endif()
  endif()
  set(${out} "${_triple}" PARENT_SCOPE)
endfunction()

# iotwire_rust_target(<out-var>)
# The Rust target for the current project: IOTWIRE_RUST_TARGET when set; for a bare-metal cross
# build (CMAKE_SYSTEM_NAME Generic) the Cortex-M target matching the C compiler, for a Linux
# cross build the Linux target (FATAL_ERROR if none matches); otherwise "" (the host).
function(iotwire_rust_target out)
  if(IOTWIRE_RUST_TARGET)
    set(${out} "${IOTWIRE_RUST_TARGET}" PARENT_SCOPE)
    return()
  endif()
  if(NOT CMAKE_CROSSCOMPILING)
    set(${out} "" PARENT_SCOPE)
    return()
  endif()
  if(NOT CMAKE_C_COMPILER)
    message(FATAL_ERROR "iotwire: enable the C language to derive the Rust target, "
      "or set IOTWIRE_RUST_TARGET")
  endif()
  if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    iotwire_rust_linux_target_for(_triple "${CMAKE_C_COMPILER}" "${CMAKE_C_FLAGS}")
    if(_triple STREQUAL "")
      message(FATAL_ERROR "iotwire: no Rust target known for the Linux compiler "
        "${CMAKE_C_COMPILER} (${CMAKE_C_FLAGS}); set IOTWIRE_RUST_TARGET to a Rust triple")
    endif()
    set(${out} "${_triple}" PARENT_SCOPE)
    return()
  endif()
  if(NOT CMAKE_SYSTEM_NAME STREQUAL "Generic")
    message(FATAL_ERROR "iotwire: cross build for ${CMAKE_SYSTEM_NAME}: set IOTWIRE_RUST_TARGET "
      "to the Rust triple of that system")
  endif()
  iotwire_rust_target_for(_triple "${CMAKE_C_COMPILER}" "${CMAKE_C_FLAGS}"
    "${CMAKE_SYSTEM_PROCESSOR}")
  if(_triple STREQUAL "")
    message(FATAL_ERROR "iotwire: CMAKE_C_FLAGS (\"${CMAKE_C_FLAGS}\") and "
      "CMAKE_SYSTEM_PROCESSOR (\"${CMAKE_SYSTEM_PROCESSOR}\") select no Cortex-M core; "
      "add -mcpu=cortex-mN to the flags or set IOTWIRE_RUST_TARGET to a Rust triple")
  endif()
  set(${out} "${_triple}" PARENT_SCOPE)
endfunction()

# The compiler's predefined macros for these arguments ("" if it fails).
function(_iotwire_predefined_macros out compiler)
  set(_empty "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/iotwire_empty.c")
  if(NOT EXISTS "${_empty}")
    file(WRITE "${_empty}" "")
  endif()
  execute_process(COMMAND "${compiler}" ${ARGN} -dM -E "${_empty}"
    OUTPUT_VARIABLE _macros ERROR_QUIET RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    set(_macros "")
  endif()
  set(${out} "${_macros}" PARENT_SCOPE)
endfunction()

function(_iotwire_rust_target_from_macros out compiler)
  _iotwire_predefined_macros(_macros "${compiler}" ${ARGN})
  set(_triple "")
  if(_macros MATCHES "#define __ARM_ARCH_PROFILE 77\n")
    if(_macros MATCHES "#define __ARM_ARCH_6M__ ")
      set(_triple thumbv6m-none-eabi)
    elseif(_macros MATCHES "#define __ARM_ARCH_7M__ ")
      set(_triple thumbv7m-none-eabi)
    elseif(_macros MATCHES "#define __ARM_ARCH_7EM__ ")
      set(_triple thumbv7em-none-eabi)
    elseif(_macros MATCHES "#define __ARM_ARCH_8M_BASE__ ")
      set(_triple thumbv8m.base-none-eabi)
    elseif(_macros MATCHES "#define __ARM_ARCH_8M_MAIN__ ")
      set(_triple thumbv8m.main-none-eabi)
    endif()
    # Hard-float ABI: floating-point arguments in VFP registers, the "hf" targets. v6-M,
    # v7-M and v8-M baseline have none (the compiler rejects -mfloat-abi=hard for them).
    if(_triple MATCHES "^thumbv(7em|8m\\.main)-" AND _macros MATCHES "#define __ARM_PCS_VFP ")
      string(APPEND _triple hf)
    endif()
  endif()
  set(${out} "${_triple}" PARENT_SCOPE)
endfunction()
