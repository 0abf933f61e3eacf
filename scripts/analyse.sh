#!/usr/bin/env bash
# Static analysis, clean or failing: cppcheck and clang-tidy (.clang-tidy says
# which checks and why) over the code that ships or runs on the Pico (src/,
# include/, firmware/pico/) and the fuzz harnesses with the replay loops they
# share (tests/fuzz/, tests/core/core_replay.c). The unit tests are left out:
# cmocka's fail_msg() is not marked noreturn, so the analyzer walks on past
# every failed expectation into impossible null dereferences.
# A finding is fixed, or suppressed on its line with a one-line reason
# ("cppcheck-suppress ID" or "NOLINTNEXTLINE(check)").
#
# usage: scripts/analyse.sh [BUILD_DIR]
#   BUILD_DIR: a host build whose compile_commands.json clang-tidy reads
#   (default build/, configured here if it is not yet)
set -euo pipefail
cd "$(dirname "$0")/.."

build=${1:-build}
jobs=$(nproc 2>/dev/null || echo 1)
[ -f "$build/compile_commands.json" ] || cmake -S . -B "$build" >/dev/null

sources=(src include firmware/pico tests/fuzz tests/core/core_replay.c)
status=0

echo "analyse: cppcheck $(cppcheck --version | sed 's/Cppcheck //')"
# gtk and posix: cppcheck's knowledge of GLib's macros (g_autoptr...) and POSIX calls
if ! cppcheck --quiet --error-exitcode=1 --inline-suppr --std=c11 \
  --enable=warning,style,performance,portability --library=gtk --library=posix \
  -I include -I src/trace -I src/sim -I src/stats -I src/util -I src/cli -I tests/core -I firmware/pico/common \
  "${sources[@]}"; then
  echo "analyse: cppcheck found something (above)" >&2
  status=1
fi

tidy=$(command -v run-clang-tidy-14 || command -v run-clang-tidy)
echo "analyse: $(clang-tidy --version | grep -o 'LLVM version [0-9.]*' | sed 's/LLVM/clang-tidy/')"
# the files of the compile database under the sources above
regex="$(pwd)/(src|firmware/pico|tests/fuzz)/.*\\.c$|$(pwd)/tests/core/core_replay\\.c$"
if ! "$tidy" -p "$build" -j "$jobs" -quiet "$regex" >"$build/clang-tidy.log" 2>&1; then
  grep -E -A6 'warning:|error:' "$build/clang-tidy.log" | sed 's/\x1b\[[0-9;]*m//g' | head -200 >&2
  echo "analyse: clang-tidy found something (above; all of it in $build/clang-tidy.log)" >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "analyse: cppcheck and clang-tidy clean"
exit "$status"
