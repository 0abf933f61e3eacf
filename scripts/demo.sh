#!/usr/bin/env bash
# Sets up, builds, and runs bouncelab's main job on the bundled traces.
# usage: scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc 2>/dev/null || echo 2)"

./build/src/cli/bouncelab algorithms
echo
echo "demo: the simulator, sweep and plots are not yet built; this lists the algorithms only."
