# Example toolchain file: Cortex-M4F, hard-float ABI, GNU Arm toolchain (arm-none-eabi-gcc on
# PATH) with newlib-nano. iotwire derives thumbv7em-none-eabihf from these flags.
#   cmake -S <firmware> -B build --toolchain <iotwire>/cmake/toolchains/arm-none-eabi-cortex-m4f.cmake
# Copy and adapt: the -mcpu/-mfloat-abi/-mfpu flags are what selects the Rust target.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR cortex-m4)

set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_CXX_COMPILER arm-none-eabi-g++)
set(CMAKE_ASM_COMPILER arm-none-eabi-gcc)
# A test executable cannot link without the firmware's startup code and linker script, so
# CMake's compiler checks build a static library instead.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(_arm_cpu_flags "-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16")
# Sections per function and object plus --gc-sections: the image keeps only what is called.
set(CMAKE_C_FLAGS_INIT "${_arm_cpu_flags} -ffunction-sections -fdata-sections")
set(CMAKE_CXX_FLAGS_INIT "${_arm_cpu_flags} -ffunction-sections -fdata-sections")
set(CMAKE_ASM_FLAGS_INIT "${_arm_cpu_flags}")
set(CMAKE_EXE_LINKER_FLAGS_INIT "${_arm_cpu_flags} --specs=nano.specs -Wl,--gc-sections")

# find_program() looks for host tools (cargo, qemu-system-arm) also when a CMAKE_FIND_ROOT_PATH
# redirects library and header searches to a sysroot.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
