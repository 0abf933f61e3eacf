#!/usr/bin/env bash
# The whole test suite again, built with AddressSanitizer and
# UndefinedBehaviorSanitizer (gcc; -DBOUNCELAB_SANITIZE=ON) in build-asan/.
# Any report fails: the process aborts (halt_on_error, abort_on_error,
# -fno-sanitize-recover=all), leaks are reported at exit (detect_leaks), and
# every report is also written to build-asan/sanitizer/, which must stay
# empty, so a report in a command whose status a CLI test ignores still
# fails the run.
# Left out by label: "cross" (arm-none-eabi builds, nothing runs on the host:
# they would only repeat the normal run) and "valgrind" (bench/quick counts
# instructions with callgrind, which cannot run an ASan binary).
# usage: scripts/test-sanitizers.sh   (after scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

build=build-asan
jobs=$(nproc 2>/dev/null || echo 2)
reports="$(pwd)/$build/sanitizer"

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBOUNCELAB_SANITIZE=ON >/dev/null
cmake --build "$build" -j "$jobs"
rm -rf "$reports"
mkdir -p "$reports"
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:log_path=$reports/asan"
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1:log_path=$reports/ubsan"
status=0
ctest --test-dir "$build" --output-on-failure -j "$jobs" -LE "cross|valgrind" || status=1
if [ -n "$(ls -A "$reports")" ]; then
  for f in "$reports"/*; do
    echo "---- $f" >&2
    head -n 60 "$f" >&2
  done
  echo "test-sanitizers: sanitizer reports (above)" >&2
  status=1
fi
exit "$status"
