#!/usr/bin/env bash
# The CI test of the benchmarks: runs scripts/bench.sh --quick on the binaries
# already built in BUILD_DIR, then checks that each suite wrote well-formed
# CSV with the figures the README table needs, and that the table is made.
# No timing is checked: CI machines are noisy, and --quick sizes mean nothing.
# usage: test_bench_quick.sh SOURCE_DIR BUILD_DIR OUT_DIR
set -uo pipefail

src=${1:?usage: test_bench_quick.sh SOURCE_DIR BUILD_DIR OUT_DIR}
build=${2:?usage: test_bench_quick.sh SOURCE_DIR BUILD_DIR OUT_DIR}
out=${3:?usage: test_bench_quick.sh SOURCE_DIR BUILD_DIR OUT_DIR}
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

rm -rf "$out"
if ! bash "$src/scripts/bench.sh" --quick --no-build --build "$build" --out "$out" >"$out.table.md" 2>"$out.log"; then
  cat "$out.log" >&2
  echo "FAIL: scripts/bench.sh --quick failed" >&2
  exit 1
fi

header="suite,case,metric,value,unit,runs,min,max,date,commit,nproc,cpu,build"
suites=(core readers sim sweep)
command -v arm-none-eabi-gcc >/dev/null && suites+=(pico)
for suite in "${suites[@]}"; do
  csv="$out/$suite.csv"
  [ -s "$csv" ] || { fail "$suite: no $csv"; continue; }
  [ "$(head -n 1 "$csv")" = "$header" ] || fail "$suite: header is '$(head -n 1 "$csv")'"
  # every row: 13 fields, its own suite, a finite number, runs >= 1, min/max numbers or both empty
  bad=$(awk -F, -v suite="$suite" '
    function num(x) { return x ~ /^-?[0-9]+(\.[0-9]+)?(e[-+][0-9]+)?$/ }
    NR > 1 && (NF != 13 || $1 != suite || $2 == "" || $3 == "" || !num($4) || $5 == "" ||
               $6 !~ /^[1-9][0-9]*$/ || !((num($7) && num($8)) || ($7 == "" && $8 == "")) ||
               $9 !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/ || $10 == "" || $11 !~ /^[1-9][0-9]*$/) {
      print FILENAME ":" NR ": " $0; exit
    }
    END { if (NR < 2) print FILENAME ": no rows" }' "$csv")
  [ -z "$bad" ] || fail "$suite: malformed row: $bad"
done

# the figures the README table is made of
need() { # suite case metric
  grep -q "^$1,$2,$3," "$out/$1.csv" 2>/dev/null || fail "$1.csv lacks $2 $3"
}
mapfile -t algos < <("$build/src/cli/bouncelab" algorithms --names)
[ ${#algos[@]} -gt 0 ] || fail "bouncelab algorithms --names listed nothing"
for algo in "${algos[@]}"; do
  need core "$algo" ns_per_update
  command -v valgrind >/dev/null && need core "$algo" instructions_per_update
done
for format in native vcd sigrok saleae; do
  for metric in read_speed edge_rate time_vs_wc peak_bytes_per_edge; do
    need readers "$format" "$metric"
  done
done
for interval in 10us 10ms; do
  need sim "$interval" time_100x_vs_1x
done
need sim 10us jump_speedup
need sweep scaling speedup_j2_vs_j1
need sweep default wall
for suite in "${suites[@]}"; do
  need "$suite" machine load_start
done
if [[ " ${suites[*]} " == *" pico "* ]]; then
  for algo in "${algos[@]}"; do
    need pico "$algo" update_code
    need pico "$algo" longest_path_cycles
  done
fi

grep -q '^| lockout |' "$out.table.md" || fail "the table has no lockout row"
grep -q '^| native CSV |' "$out.table.md" || fail "the table has no native CSV row"

if [ $failures -ne 0 ]; then
  echo "$failures check(s) failed; bench.sh said:" >&2
  cat "$out.log" >&2
  exit 1
fi
echo "bench quick: every suite ran and wrote well-formed CSV"
