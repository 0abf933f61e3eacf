# Instrumented host builds, one option each (never on the cross build):
#
# BOUNCELAB_SANITIZE: AddressSanitizer + UndefinedBehaviorSanitizer on every
#   host target, so the whole test suite runs instrumented (scripts/test.sh
#   does that in build-asan/). Any report aborts the process
#   (-fno-sanitize-recover=all), so a test that triggers one fails.
#   float-cast-overflow is added because the readers turn parsed doubles
#   (seconds, volts) into int64_t ns, where an out-of-range value is undefined.
# BOUNCELAB_FUZZ: the same, plus libFuzzer coverage on every target and the
#   harnesses of tests/fuzz linked with -fsanitize=fuzzer (clang only;
#   scripts/fuzz.sh builds it in build-fuzz/).
option(BOUNCELAB_SANITIZE "Build host code with ASan and UBSan" OFF)
option(BOUNCELAB_FUZZ "Build the libFuzzer harnesses (clang; implies BOUNCELAB_SANITIZE)" OFF)

if(NOT CMAKE_CROSSCOMPILING AND (BOUNCELAB_SANITIZE OR BOUNCELAB_FUZZ))
  set(BOUNCELAB_SANITIZER_FLAGS
      -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all
      -fno-omit-frame-pointer)
  add_compile_options(${BOUNCELAB_SANITIZER_FLAGS})
  add_link_options(${BOUNCELAB_SANITIZER_FLAGS})
endif()

if(NOT CMAKE_CROSSCOMPILING AND BOUNCELAB_FUZZ)
  if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "BOUNCELAB_FUZZ needs clang (libFuzzer): cmake -DCMAKE_C_COMPILER=clang")
  endif()
  # coverage feedback from every library; only the harnesses link the fuzzer's main
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
