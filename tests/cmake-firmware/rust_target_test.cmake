# Checks cmake/iotwire_rust_target.cmake with arm-none-eabi-gcc against the usual core -> Rust
# target table: M0/M0+/M1 thumbv6m, M3 thumbv7m, M4/M7 thumbv7em (hf only with the hard-float
# ABI), M23 thumbv8m.base, M33/M55 thumbv8m.main (hf likewise).
# Usage: cmake [-DCC=arm-none-eabi-gcc] -P tests/cmake-firmware/rust_target_test.cmake
# (writes a scratch file under the working directory's CMakeFiles/)
cmake_minimum_required(VERSION 3.19)
include("${CMAKE_CURRENT_LIST_DIR}/../../cmake/iotwire_rust_target.cmake")
if(NOT CC)
  set(CC arm-none-eabi-gcc)
endif()

# flags | CMAKE_SYSTEM_PROCESSOR | expected triple ("" = no Cortex-M core)
set(cases
  "-mcpu=cortex-m0 -mthumb|arm|thumbv6m-none-eabi"
  "-mcpu=cortex-m0plus -mthumb|arm|thumbv6m-none-eabi"
  "-mcpu=cortex-m1 -mthumb|arm|thumbv6m-none-eabi"
  "-mcpu=cortex-m3 -mthumb|arm|thumbv7m-none-eabi"
  "-mcpu=cortex-m4 -mthumb|arm|thumbv7em-none-eabi"
  "-mcpu=cortex-m4 -mthumb -mfloat-abi=soft|arm|thumbv7em-none-eabi"
  "-mcpu=cortex-m4 -mthumb -mfloat-abi=softfp -mfpu=fpv4-sp-d16|arm|thumbv7em-none-eabi"
  "-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16|arm|thumbv7em-none-eabihf"
  "-mcpu=cortex-m7 -mthumb -mfloat-abi=hard -mfpu=fpv5-d16|arm|thumbv7em-none-eabihf"
  "-mcpu=cortex-m7 -mthumb -mfloat-abi=softfp -mfpu=fpv5-d16|arm|thumbv7em-none-eabi"
  "-mcpu=cortex-m23 -mthumb|arm|thumbv8m.base-none-eabi"
  "-mcpu=cortex-m33 -mthumb|arm|thumbv8m.main-none-eabi"
  "-mcpu=cortex-m33 -mthumb -mfloat-abi=hard -mfpu=fpv5-sp-d16|arm|thumbv8m.main-none-eabihf"
  "-mcpu=cortex-m55 -mthumb -mfloat-abi=hard|arm|thumbv8m.main-none-eabihf"
  "-march=armv7e-m -mfloat-abi=hard -mfpu=fpv4-sp-d16|arm|thumbv7em-none-eabihf"
  # the core named only in CMAKE_SYSTEM_PROCESSOR; the flags still choose the float ABI
  "-mfloat-abi=hard -mfpu=fpv4-sp-d16|cortex-m4|thumbv7em-none-eabihf"
  "|cortex-m0plus|thumbv6m-none-eabi"
  # the flags win over CMAKE_SYSTEM_PROCESSOR
  "-mcpu=cortex-m3|cortex-m0|thumbv7m-none-eabi"
  # not Cortex-M: the default ARM core, an A-profile core, a lone -mthumb
  "|arm|"
  "-mcpu=cortex-a7|arm|"
  "-mthumb|arm|")

set(failed 0)
list(LENGTH cases total)
foreach(case IN LISTS cases)
  string(REPLACE "|" ";" parts "${case}")
  list(GET parts 0 flags)
  list(GET parts 1 processor)
  list(LENGTH parts n)
  set(want "")
  if(n GREATER 2)
    list(GET parts 2 want)
  endif()
  iotwire_rust_target_for(got "${CC}" "${flags}" "${processor}")
  if(NOT got STREQUAL want)
    message(SEND_ERROR "flags '${flags}', processor '${processor}': got '${got}', want '${want}'")
    math(EXPR failed "${failed} + 1")
  endif()
endforeach()
if(failed EQUAL 0)
  message(STATUS "rust_target_test: all ${total} cases map as expected")
endif()
