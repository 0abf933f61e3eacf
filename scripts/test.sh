#!/usr/bin/env bash
# Sets up a Debian machine, builds bouncelab and runs every test (ctest):
# unit tests, CLI end-to-end tests and the Cortex-M0+ cross build.
# usage: scripts/test.sh            (build directory: build/)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"
