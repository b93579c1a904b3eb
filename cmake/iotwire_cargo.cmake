# Builds libiotwire.a with cargo and defines the iotwire::iotwire target. Sets IOTWIRE_LIBRARY
# (path of the .a in the build tree), IOTWIRE_COMPILE_DEFINITIONS and IOTWIRE_BUILT_RUST_TARGET
# ("" = host) for iotwire_install.cmake.

iotwire_rust_target(IOTWIRE_BUILT_RUST_TARGET)
if(IOTWIRE_CARGO_TARGET_DIR)
  set(_iotwire_cargo_dir "${IOTWIRE_CARGO_TARGET_DIR}")
else()
  set(_iotwire_cargo_dir "${CMAKE_CURRENT_BINARY_DIR}/cargo")
endif()
# `cargo rustc --crate-type staticlib` rather than `cargo build`: Cargo skips LTO for a crate that
# is also an rlib (iotwire-ffi is, for its Rust tests and fuzz targets). Built alone, the
# staticlib gets the release profile's LTO: one small object, only the C API exported. Cargo
# names it after the crate (libiotwire_ffi.a); the build tree and installs call it libiotwire.a.
set(_iotwire_cargo_args rustc -p iotwire-ffi --release --lib --crate-type staticlib
  --manifest-path "${PROJECT_SOURCE_DIR}/Cargo.toml"
  --target-dir "${_iotwire_cargo_dir}")

# Checks at configure time what a cross build needs, so a missing package is named here rather
# than in a cargo error halfway through the build.
function(_iotwire_check_cross_toolchain target)
  set(_hint "(Debian: apt-get install cargo-web rustc-web rust-web-src, or point "
    "IOTWIRE_CROSS_CARGO/IOTWIRE_CROSS_RUSTC at a nightly toolchain with rust-src)")
  if(NOT EXISTS "${IOTWIRE_CROSS_CARGO}" OR NOT EXISTS "${IOTWIRE_CROSS_RUSTC}")
    message(FATAL_ERROR "iotwire: building for ${target} needs IOTWIRE_CROSS_CARGO "
      "(${IOTWIRE_CROSS_CARGO}) and IOTWIRE_CROSS_RUSTC (${IOTWIRE_CROSS_RUSTC}) " ${_hint})
  endif()
  execute_process(COMMAND "${IOTWIRE_CROSS_RUSTC}" --print sysroot
    OUTPUT_VARIABLE _sysroot OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(NOT EXISTS "${_sysroot}/lib/rustlib/src/rust/library/Cargo.lock")
    message(FATAL_ERROR "iotwire: ${IOTWIRE_CROSS_RUSTC} has no Rust sources in "
      "${_sysroot}/lib/rustlib/src/rust for -Zbuild-std " ${_hint})
  endif()
endfunction()

if(IOTWIRE_BUILT_RUST_TARGET STREQUAL "")
  # PATH comes first, so a rustup toolchain wins over the distribution's cargo.
  find_program(IOTWIRE_CARGO cargo REQUIRED)
  set(_iotwire_cargo "${IOTWIRE_CARGO}")
  set(_iotwire_cargo_output "${_iotwire_cargo_dir}/release/libiotwire_ffi.a")
  # Hosted builds optimise for speed (opt-level 3, like the legacy SDK's -O2 host builds);
  # the release profile's "s" is for firmware, where flash is what counts.
  list(APPEND _iotwire_cargo_args --config profile.release.opt-level=3)
else()
  # Every other target, bare-metal or a Linux gateway, gets its core compiled from source with
  # -Zbuild-std: the library is no_std, so core is all it needs, and no prebuilt standard
  # library (rustup target add) is required.
  set(_iotwire_t "${IOTWIRE_BUILT_RUST_TARGET}")
  list(APPEND _iotwire_cargo_args --target "${_iotwire_t}")
  set(_iotwire_cargo_output "${_iotwire_cargo_dir}/${_iotwire_t}/release/libiotwire_ffi.a")
  _iotwire_check_cross_toolchain("${_iotwire_t}")
  message(STATUS "iotwire: Rust target ${_iotwire_t}, core built with -Zbuild-std by ${IOTWIRE_CROSS_CARGO}")
  # RUSTC (and RUSTDOC) make cargo, build scripts and -Zbuild-std use the compiler that
  # matches the sources; RUSTC_BOOTSTRAP allows -Z on a stable compiler. A host's RUSTFLAGS
  # (e.g. -C target-cpu=native) do not apply to a cross target, hence the unsets.
  string(TOUPPER "${_iotwire_t}" _iotwire_t_env)
  string(REGEX REPLACE "[-.]" "_" _iotwire_t_env "${_iotwire_t_env}")
  set(_iotwire_cargo "${CMAKE_COMMAND}" -E env
    --unset=RUSTFLAGS --unset=CARGO_BUILD_RUSTFLAGS --unset=CARGO_ENCODED_RUSTFLAGS
    --unset=CARGO_TARGET_${_iotwire_t_env}_RUSTFLAGS
    "RUSTC=${IOTWIRE_CROSS_RUSTC}" RUSTC_BOOTSTRAP=1)
  get_filename_component(_iotwire_rust_bin "${IOTWIRE_CROSS_RUSTC}" DIRECTORY)
  if(EXISTS "${_iotwire_rust_bin}/rustdoc")
    list(APPEND _iotwire_cargo "RUSTDOC=${_iotwire_rust_bin}/rustdoc")
  endif()
  list(APPEND _iotwire_cargo "${IOTWIRE_CROSS_CARGO}")
  list(APPEND _iotwire_cargo_args -Zbuild-std=core,compiler_builtins)
  if(_iotwire_t MATCHES "-none(-|$)")
    # compiler-builtins-mem gives the archive memcpy/memset (weak, see cortex-m/README.md).
    list(APPEND _iotwire_cargo_args -Zbuild-std-features=compiler-builtins-mem)
  else()
    # A hosted target: the C library has memcpy/memset, and speed counts as on the host.
    list(APPEND _iotwire_cargo_args --config profile.release.opt-level=3)
  endif()
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
  # legacy-sign implies legacy-profiles, which implies mqtt (Cargo.toml).
  if("mqtt" IN_LIST _iotwire_features OR "legacy-sign" IN_LIST _iotwire_features
     OR "legacy-profiles" IN_LIST _iotwire_features)
    list(APPEND IOTWIRE_COMPILE_DEFINITIONS IOTWIRE_HAS_MQTT)
  endif()
  if("legacy-sign" IN_LIST _iotwire_features)
    list(APPEND IOTWIRE_COMPILE_DEFINITIONS IOTWIRE_HAS_LEGACY_SIGN)
  endif()
  # legacy-sign and legacy-profiles imply legacy-v3 (Cargo.toml), so they announce it too.
  if("legacy-v3" IN_LIST _iotwire_features OR "legacy-sign" IN_LIST _iotwire_features
     OR "legacy-profiles" IN_LIST _iotwire_features)
    list(APPEND IOTWIRE_COMPILE_DEFINITIONS IOTWIRE_HAS_LEGACY_V3)
  endif()
  if("enos" IN_LIST _iotwire_features)
    list(APPEND IOTWIRE_COMPILE_DEFINITIONS IOTWIRE_HAS_ENOS)
  endif()
  # coap-symmetric and enos imply coap (Cargo.toml), so they announce it too.
  if("coap" IN_LIST _iotwire_features OR "coap-symmetric" IN_LIST _iotwire_features
     OR "enos" IN_LIST _iotwire_features)
    list(APPEND IOTWIRE_COMPILE_DEFINITIONS IOTWIRE_HAS_COAP)
  endif()
  if("coap-symmetric" IN_LIST _iotwire_features)
    list(APPEND IOTWIRE_COMPILE_DEFINITIONS IOTWIRE_HAS_COAP_SYMMETRIC)
  endif()
  if("http" IN_LIST _iotwire_features)
    list(APPEND IOTWIRE_COMPILE_DEFINITIONS IOTWIRE_HAS_HTTP)
  endif()
  if("mqtt-codec" IN_LIST _iotwire_features)
    list(APPEND IOTWIRE_COMPILE_DEFINITIONS IOTWIRE_HAS_MQTT_CODEC)
  endif()
  if("topics" IN_LIST _iotwire_features)
    list(APPEND IOTWIRE_COMPILE_DEFINITIONS IOTWIRE_HAS_TOPICS)
  endif()
  if("crypto" IN_LIST _iotwire_features)
    list(APPEND IOTWIRE_COMPILE_DEFINITIONS IOTWIRE_HAS_CRYPTO)
  endif()
endif()

# diagnose is host-only and not a default feature: IOTWIRE_DIAGNOSE (ON for hosted builds) adds
# it to whatever set was chosen, and defines the macro the header never defines by itself. It
# implies mqtt, legacy-profiles (so legacy-v3), mqtt-codec, coap, coap-symmetric and http, which a
# reduced set then announces too.
if(IOTWIRE_DIAGNOSE)
  list(APPEND _iotwire_cargo_args --features diagnose)
  list(APPEND IOTWIRE_COMPILE_DEFINITIONS IOTWIRE_HAS_DIAGNOSE)
  if(NOT IOTWIRE_CARGO_FEATURES STREQUAL "")
    list(APPEND IOTWIRE_COMPILE_DEFINITIONS IOTWIRE_HAS_MQTT IOTWIRE_HAS_LEGACY_V3
      IOTWIRE_HAS_MQTT_CODEC IOTWIRE_HAS_COAP IOTWIRE_HAS_COAP_SYMMETRIC IOTWIRE_HAS_HTTP)
    list(REMOVE_DUPLICATES IOTWIRE_COMPILE_DEFINITIONS)
  endif()
endif()

# cargo runs on every build and decides itself what is stale: it tracks sources, features,
# toolchain and environment, which CMake cannot see, and its no-op check takes a fraction of a
# second. An OUTPUT rule would skip it whenever the .a already exists, e.g. in a cargo dir that
# a build with other features shares. The copy in the build tree changes (and relinks
# dependents) only when cargo's archive has different bytes.
# The working directory matters: cargo reads .cargo/config.toml from there, not from the manifest.
set(IOTWIRE_LIBRARY "${CMAKE_CURRENT_BINARY_DIR}/libiotwire.a")
# The single LTO object never references rust_eh_personality, so it does not need the stub that
# the non-LTO `cargo build` archive carries (crates/iotwire-ffi/src/panic_handler.rs). Last:
# what follows `--` goes to rustc for this crate only.
list(APPEND _iotwire_cargo_args -- --cfg iotwire_lto_archive)
# ALL so that `cmake --install` finds the library even when nothing in the tree links it.
add_custom_target(iotwire_cargo ALL
  COMMAND ${_iotwire_cargo} ${_iotwire_cargo_args}
  COMMAND "${CMAKE_COMMAND}" -E copy_if_different "${_iotwire_cargo_output}" "${IOTWIRE_LIBRARY}"
  BYPRODUCTS "${IOTWIRE_LIBRARY}"
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
  COMMENT "cargo rustc --release --crate-type staticlib: libiotwire.a ${IOTWIRE_BUILT_RUST_TARGET}"
  USES_TERMINAL VERBATIM)

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
# For firmware projects that pick a board or check what they link ("" = host).
set_target_properties(iotwire PROPERTIES IOTWIRE_RUST_TARGET "${IOTWIRE_BUILT_RUST_TARGET}")
add_library(iotwire::iotwire ALIAS iotwire)
