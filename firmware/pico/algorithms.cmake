# The core's algorithm names, read from its names table (src/core/names.c),
# so that a new algorithm needs no edit to the firmware build.
# bouncelab_algorithm_names(OUT): OUT gets the names in registry order.
function(bouncelab_algorithm_names out)
  file(STRINGS ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../../src/core/names.c lines
       REGEX "^ *\\[DEBOUNCE_[A-Z_]+\\] = \"[a-z-]+\",$")
  set(names "")
  foreach(line IN LISTS lines)
    if(NOT line MATCHES "DEBOUNCE_CONFIG_")
      string(REGEX REPLACE "^ *\\[DEBOUNCE_[A-Z_]+\\] = \"([a-z-]+)\",$" "\\1" name "${line}")
      list(APPEND names ${name})
    endif()
  endforeach()
  set(${out} ${names} PARENT_SCOPE)
endfunction()

# cmake -P firmware/pico/algorithms.cmake prints them, one per line (the test reads it)
if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  bouncelab_algorithm_names(names)
  foreach(name IN LISTS names)
    message(STATUS "${name}")
  endforeach()
endif()
