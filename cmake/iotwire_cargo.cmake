# Builds libiotwire.a with cargo and defines the iotwire::iotwire target.
# Sets IOTWIRE_LIBRARY (path of the .a) and IOTWIRE_COMPILE_DEFINITIONS for iotwire_install.cmake.

set(_iotwire_cargo_dir "${CMAKE_CURRENT_BINARY_DIR}/cargo")
# `cargo rustc --crate-type staticlib` rather than `cargo build`: Cargo skips LTO for a crate that
# is also an rlib, and without LTO the archive keeps libcore's reference to rust_eh_personality,
# which a no_std library never defines, so every C link fails. Built alone, the staticlib gets
# the release profile's LTO: one object, only the C API exported.
set(_iotwire_cargo_args rustc --release --lib --crate-type staticlib
  --manifest-path "${PROJECT_SOURCE_DIR}/Cargo.toml"
  --target-dir "${_iotwire_cargo_dir}")

if(IOTWIRE_CARGO_TARGET)
  list(APPEND _iotwire_cargo_args --target "${IOTWIRE_CARGO_TARGET}")
  set(IOTWIRE_LIBRARY "${_iotwire_cargo_dir}/${IOTWIRE_CARGO_TARGET}/release/libiotwire.a")
else()
  set(IOTWIRE_LIBRARY "${_iotwire_cargo_dir}/release/libiotwire.a")
endif()

# The header hides what a reduced build lacks only when told which features it has; with
# default features it assumes the full library and needs no definitions.
set(IOTWIRE_COMPILE_DEFINITIONS "")
if(NOT IOTWIRE_CARGO_FEATURES STREQUAL "")
  string(REGEX REPLACE "[ ,;]+" ";" _iotwire_features "${IOTWIRE_CARGO_FEATURES}")
  list(REMOVE_ITEM _iotwire_features "")
  list(JOIN _iotwire_features "," _iotwire_feature_csv)
  list(APPEND _iotwire_cargo_args --no-default-features --features "${_iotwire_feature_csv}")
  list(APPEND IOTWIRE_COMPILE_DEFINITIONS IOTWIRE_CUSTOM_FEATURES)
  if("mqtt" IN_LIST _iotwire_features)
    list(APPEND IOTWIRE_COMPILE_DEFINITIONS IOTWIRE_HAS_MQTT)
  endif()
  if("legacy-sign" IN_LIST _iotwire_features)
    list(APPEND IOTWIRE_COMPILE_DEFINITIONS IOTWIRE_HAS_LEGACY_SIGN)
  endif()
endif()

# CONFIGURE_DEPENDS re-globs on every build, so a new .rs file is picked up without re-running
# cmake by hand.
file(GLOB_RECURSE _iotwire_rust_sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/*.rs")
set(_iotwire_cargo_inputs ${_iotwire_rust_sources}
  "${PROJECT_SOURCE_DIR}/Cargo.toml" "${PROJECT_SOURCE_DIR}/Cargo.lock")
if(EXISTS "${PROJECT_SOURCE_DIR}/build.rs")
  list(APPEND _iotwire_cargo_inputs "${PROJECT_SOURCE_DIR}/build.rs")
endif()

# cargo leaves the .a untouched when nothing it tracks changed; the touch keeps the output newer
# than its inputs so the rule does not re-run on every build.
add_custom_command(
  OUTPUT "${IOTWIRE_LIBRARY}"
  COMMAND "${IOTWIRE_CARGO}" ${_iotwire_cargo_args}
  COMMAND "${CMAKE_COMMAND}" -E touch "${IOTWIRE_LIBRARY}"
  DEPENDS ${_iotwire_cargo_inputs}
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
  COMMENT "cargo rustc --release --crate-type staticlib: libiotwire.a"
  USES_TERMINAL VERBATIM)
# ALL so that `cmake --install` finds the library even when nothing in the tree links it.
add_custom_target(iotwire_cargo ALL DEPENDS "${IOTWIRE_LIBRARY}")

add_library(iotwire_rust STATIC IMPORTED GLOBAL)
set_target_properties(iotwire_rust PROPERTIES IMPORTED_LOCATION "${IOTWIRE_LIBRARY}")
add_dependencies(iotwire_rust iotwire_cargo)

# The INTERFACE wrapper carries include paths and definitions; the ALIAS gives add_subdirectory()
# users the name find_package() users get from iotwireConfig.cmake.
add_library(iotwire INTERFACE)
target_link_libraries(iotwire INTERFACE iotwire_rust)
target_include_directories(iotwire INTERFACE
  "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>"
  "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include/legacy>")
target_compile_definitions(iotwire INTERFACE ${IOTWIRE_COMPILE_DEFINITIONS})
add_library(iotwire::iotwire ALIAS iotwire)
