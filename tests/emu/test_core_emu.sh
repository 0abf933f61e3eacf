#!/usr/bin/env bash
# The core's Cortex-M0+ build run under unicorn against the host build
# (issue 16): builds the cross image (as tests/cross does, into a directory of
# its own), makes the inputs and the host's outputs with emu_reference, and
# has core_emu.py compare every record, measure each update's instructions
# and cycles, and hold them to cycle_budget.csv.
# usage: test_core_emu.sh SOURCE_DIR EMU_REFERENCE WORK_DIR
set -euo pipefail

src=${1:?usage: test_core_emu.sh SOURCE_DIR EMU_REFERENCE WORK_DIR}
reference=${2:?usage: test_core_emu.sh SOURCE_DIR EMU_REFERENCE WORK_DIR}
work=${3:?usage: test_core_emu.sh SOURCE_DIR EMU_REFERENCE WORK_DIR}
here=$(cd "$(dirname "$0")" && pwd)

if ! /usr/bin/python3 -c 'import unicorn' 2>/dev/null; then
  echo "SKIP: python3-unicorn is missing (scripts/setup.sh installs it)" >&2
  exit 77
fi
mkdir -p "$work"
cmake -S "$src" -B "$work/cross" -DCMAKE_TOOLCHAIN_FILE="$src/cmake/arm-none-eabi.cmake" \
  -DCMAKE_BUILD_TYPE=MinSizeRel >"$work/configure.log" 2>&1 || { cat "$work/configure.log"; exit 1; }
cmake --build "$work/cross" --target core_emu -- -j2 >"$work/build.log" 2>&1 ||
  { cat "$work/build.log"; exit 1; }

"$reference" "$work"
/usr/bin/python3 "$here/core_emu.py" "$work/cross/tests/cross/core_emu.elf" \
  "$work/inputs.bin" "$work/expected.bin" --min-updates 100000 \
  --cycles --budget "$here/cycle_budget.csv" --table "$work/cycles.csv"
