#!/usr/bin/env bash
# Sets up a Debian machine, builds bouncelab and runs every test (ctest):
# unit tests, CLI end-to-end tests and the Cortex-M0+ cross build; then the
# same tests under ASan + UBSan (build-asan/), cppcheck and clang-tidy, and,
# on CI (CI=true) or when BOUNCELAB_FUZZ_SECONDS is set, every fuzz harness
# for that many seconds (default 30; build-fuzz/).
# usage: scripts/test.sh            (build directory: build/)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

bash scripts/test-sanitizers.sh
bash scripts/analyse.sh build
if [ "${CI:-}" = true ] || [ -n "${BOUNCELAB_FUZZ_SECONDS:-}" ]; then
  bash scripts/fuzz.sh --time "${BOUNCELAB_FUZZ_SECONDS:-30}"
else
  echo "test: fuzzing skipped here (CI=true or BOUNCELAB_FUZZ_SECONDS=N runs it)"
fi
