#!/usr/bin/env bash
# The Cortex-M0+ figures of the core, as benchmark CSV rows on stdout:
#  - the footprint table of tests/cross/check_footprint.sh (run here into
#    CROSS_DIR, its footprint.md read back, nothing measured twice);
#  - the cycles of one debounce_update() per algorithm, from the Thumb
#    instructions of its longest and shortest path through the dispatcher and
#    the algorithm in that build's image (bench/pico_cycles.awk), at zero wait
#    states (code in SRAM or a warm XIP cache), and the time at 125 MHz.
# usage: bench/pico.sh SOURCE_DIR CROSS_DIR
set -euo pipefail

src=${1:?usage: pico.sh SOURCE_DIR CROSS_DIR}
cross=${2:?usage: pico.sh SOURCE_DIR CROSS_DIR}
here=$(cd "$(dirname "$0")" && pwd)
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

listing="$cross/core_image.lst"
arm-none-eabi-objdump -d --no-show-raw-insn "$cross/tests/cross/core_image.elf" >"$listing"
# the algorithms: the footprint table's rows (the core's registry, as linked)
mapfile -t names < <(awk -F'|' 'NR > 2 && NF >= 8 { gsub(/^ +| +$/, "", $2); print $2 }' "$cross/footprint.md")
for name in "${names[@]}"; do
  algo=${name//-/_}
  read -r hi hi_n lo lo_n < <(awk -v callee="${algo}_update" -f "$here/pico_cycles.awk" "$listing")
  row "$name" longest_path_instructions "$hi_n" count
  row "$name" longest_path_cycles "$hi" cycles
  row "$name" longest_path_ns "$(awk -v c="$hi" -v f="$clock_mhz" 'BEGIN { printf "%.6g", c * 1000 / f }')" ns
  row "$name" shortest_path_instructions "$lo_n" count
  row "$name" shortest_path_cycles "$lo" cycles
  row "$name" shortest_path_ns "$(awk -v c="$lo" -v f="$clock_mhz" 'BEGIN { printf "%.6g", c * 1000 / f }')" ns
done
row clock frequency "$clock_mhz" MHz
