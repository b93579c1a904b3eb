# Which Rust target matches the C compiler of a bare-metal Cortex-M build. Used when iotwire is
# built (iotwire_cargo.cmake) and again by the installed iotwireConfig.cmake, which rejects an
# install made for another core or float ABI.
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

# iotwire_rust_target(<out-var>)
# The Rust target for the current project: IOTWIRE_RUST_TARGET when set; for a bare-metal cross
# build (CMAKE_SYSTEM_NAME Generic) the one matching the C compiler (FATAL_ERROR if none does);
# otherwise "" (the host).
function(iotwire_rust_target out)
  if(IOTWIRE_RUST_TARGET)
    set(${out} "${IOTWIRE_RUST_TARGET}" PARENT_SCOPE)
    return()
  endif()
  if(NOT (CMAKE_CROSSCOMPILING AND CMAKE_SYSTEM_NAME STREQUAL "Generic"))
    set(${out} "" PARENT_SCOPE)
    return()
  endif()
  if(NOT CMAKE_C_COMPILER)
    message(FATAL_ERROR "iotwire: enable the C language to derive the Rust target, "
      "or set IOTWIRE_RUST_TARGET")
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

function(_iotwire_rust_target_from_macros out compiler)
  set(_empty "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/iotwire_empty.c")
  if(NOT EXISTS "${_empty}")
    file(WRITE "${_empty}" "")
  endif()
  execute_process(COMMAND "${compiler}" ${ARGN} -dM -E "${_empty}"
    OUTPUT_VARIABLE _macros ERROR_QUIET RESULT_VARIABLE _rc)
  set(_triple "")
  if(_rc EQUAL 0 AND _macros MATCHES "#define __ARM_ARCH_PROFILE 77\n")
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
