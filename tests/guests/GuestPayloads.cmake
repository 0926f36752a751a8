# Functions to build bare-metal arm64 payloads and register them as ctest tests.
# Included by tests/guests/CMakeLists.txt; other test folders may use
# vmd_add_guest_test() once it has been processed.

set(VMD_GUESTS_DIR ${CMAKE_CURRENT_LIST_DIR})
set(VMD_GUESTS_OUT ${CMAKE_BINARY_DIR}/tests/guests)

set(VMD_GUEST_RUNTIME_SOURCES
  ${VMD_GUESTS_DIR}/runtime/start.S
  ${VMD_GUESTS_DIR}/runtime/vectors.S
  ${VMD_GUESTS_DIR}/runtime/exceptions.c
  ${VMD_GUESTS_DIR}/runtime/fdt.c
  ${VMD_GUESTS_DIR}/runtime/gic.c
  ${VMD_GUESTS_DIR}/runtime/psci.c
  ${VMD_GUESTS_DIR}/runtime/string.c
  ${VMD_GUESTS_DIR}/runtime/test.c
  ${VMD_GUESTS_DIR}/runtime/uart.c)
file(GLOB VMD_GUEST_RUNTIME_HEADERS ${VMD_GUESTS_DIR}/runtime/*.h ${VMD_GUESTS_DIR}/payloads/*.h)

# Freestanding, general registers only (no FP state to manage), strict alignment
# (with the MMU off all data accesses are Device memory, where unaligned ones
# fault), no outline atomics (they live in libgcc's glibc-dependent part).
set(VMD_GUEST_FLAGS
  -ffreestanding -nostdlib -nostartfiles -mgeneral-regs-only -mstrict-align
  -mno-outline-atomics -fno-tree-loop-distribute-patterns -fno-stack-protector
  -O2 -g -fno-pic -fno-pie -no-pie -static -std=gnu11 -Wall -Wextra -Werror
  -I${VMD_GUESTS_DIR}/runtime
  -Wl,-T,${VMD_GUESTS_DIR}/runtime/guest.ld -Wl,--build-id=none
  -Wl,--no-warn-rwx-segments)

# vmd_guest_payload(NAME n SOURCES a.c [b.S ...])
# Builds <build>/tests/guests/n.elf and the flat Image n.bin, added to `guests`.
function(vmd_guest_payload)
  cmake_parse_arguments(P "" "NAME" "SOURCES" ${ARGN})
  set(elf ${VMD_GUESTS_OUT}/${P_NAME}.elf)
  set(bin ${VMD_GUESTS_OUT}/${P_NAME}.bin)
  list(TRANSFORM P_SOURCES PREPEND ${VMD_GUESTS_DIR}/payloads/)
  add_custom_command(
    OUTPUT ${elf} ${bin}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${VMD_GUESTS_OUT}
    COMMAND ${AARCH64_GCC} ${VMD_GUEST_FLAGS} -o ${elf}
            ${VMD_GUEST_RUNTIME_SOURCES} ${P_SOURCES} -lgcc
    COMMAND ${AARCH64_OBJCOPY} -O binary ${elf} ${bin}
    DEPENDS ${VMD_GUEST_RUNTIME_SOURCES} ${VMD_GUEST_RUNTIME_HEADERS} ${P_SOURCES}
            ${VMD_GUESTS_DIR}/runtime/guest.ld
    COMMENT "Building bare-metal guest payload ${P_NAME}"
    VERBATIM)
  add_custom_target(guest_${P_NAME} DEPENDS ${bin})
  add_dependencies(guests guest_${P_NAME})
endfunction()

# vmd_add_guest_test(NAME n PAYLOAD p RUNNER qemu|hvrun|vmm EXPECT pass|fail
#                    [LABELS guest ...] [TIMEOUT s] [ARGS run-payload.sh options...])
# Runs <build>/tests/guests/p.bin under the runner through run-payload.sh, which
# passes iff the console shows "EXIT: STATUS=1" and the machine powered off
# (EXPECT fail: iff it shows another status and powered off).
function(vmd_add_guest_test)
  cmake_parse_arguments(T "" "NAME;PAYLOAD;RUNNER;EXPECT;TIMEOUT" "LABELS;ARGS" ${ARGN})
  if(NOT T_LABELS)
    set(T_LABELS guest)
  endif()
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 60)
  endif()
  set(cmd ${VMD_GUESTS_DIR}/run-payload.sh --runner ${T_RUNNER}
          --payload ${VMD_GUESTS_OUT}/${T_PAYLOAD}.bin --timeout ${T_TIMEOUT})
  if(T_RUNNER STREQUAL "qemu")
    if(NOT QEMU_SYSTEM_AARCH64)
      message(STATUS "vmd: ${T_NAME} not registered: no qemu-system-aarch64")
      return()
    endif()
    list(APPEND cmd --qemu ${QEMU_SYSTEM_AARCH64})
  elseif(T_RUNNER STREQUAL "hvrun")
    if(NOT TARGET hvrun)
      return()
    endif()
    list(APPEND cmd --hvrun $<TARGET_FILE:hvrun>)
  elseif(T_RUNNER STREQUAL "vmm")
    if(NOT TARGET vmm)
      return()
    endif()
    list(APPEND cmd --vmm $<TARGET_FILE:vmm>)
  else()
    message(FATAL_ERROR "vmd_add_guest_test(${T_NAME}): unknown RUNNER '${T_RUNNER}'")
  endif()
  if(T_EXPECT STREQUAL "fail")
    list(APPEND cmd --expect-fail)
  elseif(NOT T_EXPECT STREQUAL "pass")
    message(FATAL_ERROR "vmd_add_guest_test(${T_NAME}): EXPECT must be pass or fail")
  endif()
  add_test(NAME ${T_NAME} COMMAND ${cmd} ${T_ARGS})
  math(EXPR ctest_timeout "${T_TIMEOUT} + 30")
  set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${ctest_timeout})
endfunction()
