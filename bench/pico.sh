#!/usr/bin/env bash
# The Cortex-M0+ figures of the core, as benchmark CSV rows on stdout:
#  - the footprint table of tests/cross/check_footprint.sh (run here into
#    CROSS_DIR, its footprint.md read back, nothing measured twice);
#  - the instructions and cycles of every debounce_update() of the emulator
#    test's replay (tests/emu: traces polled at 1 ms and 100 us, random
#    inputs), measured by executing the cross build's image under unicorn and
#    costed with the Cortex-M0+ cycle table of tests/emu/m0plus_cycles.py (zero
#    wait states: code in SRAM or a warm XIP cache): the longest and shortest
#    over every input, the mean over the polled traces, per algorithm, and
#    their time at 125 MHz.
# usage: bench/pico.sh SOURCE_DIR CROSS_DIR EMU_REFERENCE [--quick]
set -euo pipefail

usage="usage: pico.sh SOURCE_DIR CROSS_DIR EMU_REFERENCE [--quick]"
src=${1:?$usage}
cross=${2:?$usage}
reference=${3:?$usage}
updates=100000 # per algorithm, as in the emulator test
[ "${4:-}" = --quick ] && updates=1000
clock_mhz=125 # the RP2040's default system clock in the pico-sdk

if ! bash "$src/tests/cross/check_footprint.sh" "$src" "$cross" >"$cross.log" 2>&1; then
  cat "$cross.log" >&2
  echo "pico: the footprint check failed" >&2
  exit 1
fi

echo "suite,case,metric,value,unit,runs,min,max"
row() { echo "pico,$1,$2,$3,$4,1,,"; }

# | algorithm | update code (B) | deadline code (B) | whole file (B) | update stack (B) | state (B) |
awk -F'|' 'NR > 2 && NF >= 8 {
  for (i = 2; i <= 7; i++) gsub(/^ +| +$/, "", $i)
  print $2, $3, $4, $5, $6, $7
}' "$cross/footprint.md" | while read -r algo code deadline file stack state; do
  row "$algo" update_code "$code" B
  row "$algo" deadline_code "$deadline" B
  row "$algo" file_code "$file" B
  row "$algo" update_stack "$stack" B
  row "$algo" state "$state" B
done
# "Shared by all: dispatcher `debounce_update` 36 B of code and 16 B of stack ..."
read -r dispatch_code dispatch_stack < <(sed -n 's/.*dispatcher `debounce_update` \([0-9]*\) B of code and \([0-9]*\) B of stack.*/\1 \2/p' "$cross/footprint.md")
row dispatcher code "${dispatch_code:?no dispatcher line in footprint.md}" B
row dispatcher stack "$dispatch_stack" B

mkdir -p "$cross/emu"
"$reference" "$cross/emu" "$updates" >"$cross/emu/reference.log"
/usr/bin/python3 "$src/tests/emu/core_emu.py" "$cross/tests/cross/core_emu.elf" \
  "$cross/emu/inputs.bin" "$cross/emu/expected.bin" --cycles --table "$cross/emu/cycles.csv" \
  >"$cross/emu/core_emu.log" || { cat "$cross/emu/core_emu.log" >&2; exit 1; }
ns() { awk -v c="$1" -v f="$clock_mhz" 'BEGIN { printf "%.6g", c * 1000 / f }'; }
# algorithm,updates,traced_updates,max_instructions,mean_instructions_traced,min_instructions,
# max_cycles,mean_cycles_traced,min_cycles,max_cycles_traced
tail -n +2 "$cross/emu/cycles.csv" | while IFS=, read -r name n n_traced max_i mean_i min_i max_c mean_c min_c max_c_traced; do
  row "$name" measured_updates "$n" count
  row "$name" traced_updates "$n_traced" count
  row "$name" longest_traced_cycles "$max_c_traced" cycles
  row "$name" longest_path_instructions "$max_i" count
  row "$name" longest_path_cycles "$max_c" cycles
  row "$name" longest_path_ns "$(ns "$max_c")" ns
  row "$name" mean_instructions "$mean_i" count
  row "$name" mean_cycles "$mean_c" cycles
  row "$name" mean_ns "$(ns "$mean_c")" ns
  row "$name" shortest_path_instructions "$min_i" count
  row "$name" shortest_path_cycles "$min_c" cycles
  row "$name" shortest_path_ns "$(ns "$min_c")" ns
done
row clock frequency "$clock_mhz" MHz
