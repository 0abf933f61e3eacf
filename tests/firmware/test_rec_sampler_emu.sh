#!/usr/bin/env bash
# The bounce recorder's core-1 loop, cycles per FIFO word by execution:
# builds the sampler and the queue (firmware/pico) with the firmware's flags
# and a copy of core1_sample()'s loop (rec_sampler_emu.c) into a Cortex-M0+
# image, then rec_sampler_emu.py runs it under unicorn and holds every word
# with up to SUSTAIN edges to the budget clk_sys / RECORDER_SAMPLE_HZ * 32.
# Skips (77) without arm-none-eabi-gcc or python3-unicorn.
# usage: test_rec_sampler_emu.sh SOURCE_DIR WORK_DIR CLK_HZ SUSTAIN WARNING_FLAGS...
set -euo pipefail

usage="usage: test_rec_sampler_emu.sh SOURCE_DIR WORK_DIR CLK_HZ SUSTAIN WARNING_FLAGS..."
src=${1:?$usage}
work=${2:?$usage}
clk=${3:?$usage}
sustain=${4:?$usage}
shift 4
here=$(cd "$(dirname "$0")" && pwd)

for tool in arm-none-eabi-gcc arm-none-eabi-nm arm-none-eabi-objdump; do
  command -v "$tool" >/dev/null || {
    echo "test_rec_sampler_emu: $tool not found (scripts/setup.sh installs it); skipped" >&2
    exit 77
  }
done
if ! /usr/bin/python3 -c 'import unicorn' 2>/dev/null; then
  echo "test_rec_sampler_emu: python3-unicorn is missing (scripts/setup.sh installs it); skipped" >&2
  exit 77
fi

fw="$src/firmware/pico"
# The pico-sdk's Release build (its default) compiles the firmware's
# libraries with these, and firmware/pico/CMakeLists.txt adds FW_IN_RAM=1
# (the per-word code in .time_critical sections); the warnings are the
# core's set (cmake/warnings.cmake), as there.
flags=(-mcpu=cortex-m0plus -mthumb -O3 -DNDEBUG -DFW_IN_RAM=1 -std=gnu11 "$@"
       -I"$fw/common" -I"$fw/bounce_recorder")
rm -rf "$work"
mkdir -p "$work"
for f in "$fw/bounce_recorder/rec_sampler.c" "$fw/common/fw_spsc.c" "$here/rec_sampler_emu.c"; do
  arm-none-eabi-gcc "${flags[@]}" -c "$f" -o "$work/$(basename "${f%.c}").o"
done
arm-none-eabi-gcc -mcpu=cortex-m0plus -mthumb -nostdlib -nostartfiles -Wl,--gc-sections \
  -T "$here/rec_sampler_emu.ld" "$work"/*.o -o "$work/rec_sampler_emu.elf"

/usr/bin/python3 "$here/rec_sampler_emu.py" "$work/rec_sampler_emu.elf" --clk-hz "$clk" \
  --sustain "$sustain" --table "$work/cycles.csv"
