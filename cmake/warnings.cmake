# Warning sets, applied per target.
#
# The core gets everything, including sign conversion: it must compile
# cleanly for cortex-m0plus, where int is 32 bits and every implicit widening
# or sign change is worth a look. Host code keeps -Wconversion but drops
# -Wsign-conversion: GLib's API mixes gsize, guint and int lengths, and
# casting at every call would hide real conversions among the noise.
set(BOUNCELAB_CORE_WARNINGS
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wstrict-prototypes -Wmissing-prototypes -Wundef -Wcast-align -Werror)
set(BOUNCELAB_HOST_WARNINGS
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
    -Wstrict-prototypes -Wmissing-prototypes -Werror)

function(bouncelab_core_warnings target)
  target_compile_options(${target} PRIVATE ${BOUNCELAB_CORE_WARNINGS})
endfunction()

function(bouncelab_host_warnings target)
  target_compile_options(${target} PRIVATE ${BOUNCELAB_HOST_WARNINGS})
endfunction()
