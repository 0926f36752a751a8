# Finds vmd's dependencies. Debian 12 ships no usable CMake config for gRPC 1.51,
# so gRPC and protobuf come from pkg-config, as do libslirp and zlib.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

pkg_check_modules(GRPCPP REQUIRED IMPORTED_TARGET grpc++)
pkg_check_modules(PROTOBUF REQUIRED IMPORTED_TARGET protobuf)
pkg_check_modules(ZLIB REQUIRED IMPORTED_TARGET zlib)
pkg_check_modules(SLIRP IMPORTED_TARGET slirp)

find_package(absl REQUIRED)
find_package(spdlog REQUIRED)
find_package(GTest REQUIRED)
find_package(benchmark)

find_library(FDT_LIBRARY NAMES fdt REQUIRED)
find_path(FDT_INCLUDE_DIR NAMES libfdt.h REQUIRED)
add_library(vmd::fdt UNKNOWN IMPORTED)
set_target_properties(vmd::fdt PROPERTIES
  IMPORTED_LOCATION ${FDT_LIBRARY}
  INTERFACE_INCLUDE_DIRECTORIES ${FDT_INCLUDE_DIR})

find_path(CLI11_INCLUDE_DIR NAMES CLI/CLI.hpp REQUIRED)
add_library(vmd::cli11 INTERFACE IMPORTED)
set_target_properties(vmd::cli11 PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${CLI11_INCLUDE_DIR})

find_program(PROTOC protoc REQUIRED)
find_program(GRPC_CPP_PLUGIN grpc_cpp_plugin REQUIRED)
find_program(GRPC_PYTHON_PLUGIN grpc_python_plugin)

find_program(AARCH64_GCC aarch64-linux-gnu-gcc)
find_program(AARCH64_OBJCOPY aarch64-linux-gnu-objcopy)
find_program(QEMU_SYSTEM_AARCH64 qemu-system-aarch64)
find_program(QEMU_AARCH64 qemu-aarch64)
