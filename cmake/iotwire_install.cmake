# Installs libiotwire.a, the headers, a relocatable CMake package (find_package(iotwire)) and
# a relocatable pkg-config file (iotwire.pc).
# The library is a cargo artifact, not a CMake target, so iotwireConfig.cmake declares the
# imported target itself instead of using install(EXPORT).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(IOTWIRE_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/iotwire" CACHE STRING
  "Where iotwireConfig.cmake is installed, relative to the prefix")
# The legacy headers keep their SDK names (dev_sign_api.h, ...), so they get their own folder
# rather than landing directly in <prefix>/include.
set(IOTWIRE_INSTALL_LEGACY_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}/iotwire/legacy")

install(FILES "${IOTWIRE_LIBRARY}" DESTINATION "${CMAKE_INSTALL_LIBDIR}")
install(FILES "${PROJECT_SOURCE_DIR}/include/iotwire.h" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/legacy/"
  DESTINATION "${IOTWIRE_INSTALL_LEGACY_INCLUDEDIR}" FILES_MATCHING PATTERN "*.h")

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/iotwireConfig.cmake.in"
  "${CMAKE_CURRENT_BINARY_DIR}/iotwireConfig.cmake"
  INSTALL_DESTINATION "${IOTWIRE_INSTALL_CMAKEDIR}"
  PATH_VARS CMAKE_INSTALL_LIBDIR CMAKE_INSTALL_INCLUDEDIR IOTWIRE_INSTALL_LEGACY_INCLUDEDIR)
# 0.x minor releases may break the ABI, so a 0.1 request must not accept 0.2. The file also
# rejects a 64-bit (host) install for a 32-bit (Cortex-M) project; iotwireConfig.cmake checks
# the exact Rust target.
write_basic_package_version_file(
  "${CMAKE_CURRENT_BINARY_DIR}/iotwireConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
# pkg-config: the same library, headers and feature definitions for Makefile and Meson builds.
# No Libs.private: the library is no_std and needs nothing from the C library at link time.
file(RELATIVE_PATH IOTWIRE_PC_PREFIX_FROM_PCDIR "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" IOTWIRE_PC_PREFIX_FROM_PCDIR "${IOTWIRE_PC_PREFIX_FROM_PCDIR}")
set(IOTWIRE_PC_CFLAGS "")
foreach(_iotwire_def IN LISTS IOTWIRE_COMPILE_DEFINITIONS)
  string(APPEND IOTWIRE_PC_CFLAGS " -D${_iotwire_def}")
endforeach()
set(IOTWIRE_PC_RUST_TARGET "${IOTWIRE_BUILT_RUST_TARGET}")
if(IOTWIRE_PC_RUST_TARGET STREQUAL "")
  set(IOTWIRE_PC_RUST_TARGET host)
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/iotwire.pc.in" "${CMAKE_CURRENT_BINARY_DIR}/iotwire.pc" @ONLY)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/iotwire.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")

install(FILES
  "${CMAKE_CURRENT_BINARY_DIR}/iotwireConfig.cmake"
  "${CMAKE_CURRENT_BINARY_DIR}/iotwireConfigVersion.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/iotwire_rust_target.cmake"
  DESTINATION "${IOTWIRE_INSTALL_CMAKEDIR}")
