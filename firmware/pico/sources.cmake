# The firmware's source lists, shared by the Pico SDK build (CMakeLists.txt
# here) and the host build against the SDK stub (tests/firmware/), so both
# compile exactly the same files.
#
# Portable: pure C11 with no SDK call, built for the host and the RP2040.
# Glue: the thin SDK layer (a main.c per program, the board LED).
set(FW_DIR ${CMAKE_CURRENT_LIST_DIR})

set(FW_COMMON_SOURCES ${FW_DIR}/common/fw_spsc.c ${FW_DIR}/common/fw_text.c)
set(FW_DEMO_SOURCES ${FW_DIR}/button_demo/demo_button.c ${FW_DIR}/button_demo/demo_report.c)
set(FW_REC_SOURCES ${FW_DIR}/bounce_recorder/rec_sampler.c ${FW_DIR}/bounce_recorder/rec_csv.c)
set(FW_PORTABLE_SOURCES ${FW_COMMON_SOURCES} ${FW_DEMO_SOURCES} ${FW_REC_SOURCES})

set(FW_LED_SOURCES ${FW_DIR}/common/board_led.c)
set(FW_DEMO_MAIN ${FW_DIR}/button_demo/main.c)
set(FW_REC_MAIN ${FW_DIR}/bounce_recorder/main.c)

# The portable parts as three libraries on top of debounce_core; the caller
# applies its warning set.
function(bouncelab_firmware_portable_libraries)
  add_library(fw_common STATIC ${FW_COMMON_SOURCES})
  target_include_directories(fw_common PUBLIC ${FW_DIR}/common)
  add_library(fw_demo STATIC ${FW_DEMO_SOURCES})
  target_include_directories(fw_demo PUBLIC ${FW_DIR}/button_demo)
  target_link_libraries(fw_demo PUBLIC fw_common debounce_core)
  add_library(fw_rec STATIC ${FW_REC_SOURCES})
  target_include_directories(fw_rec PUBLIC ${FW_DIR}/bounce_recorder)
  target_link_libraries(fw_rec PUBLIC fw_common)
  foreach(lib fw_common fw_demo fw_rec)
    bouncelab_core_warnings(${lib})
  endforeach()
endfunction()
