#!/usr/bin/env bash
# Runs every benchmark in bench/ and keeps their figures in bench/results/*.csv,
# each row with the date, the commit and the machine; then prints the table
# (scripts/bench-table.sh) and puts it in README.md between the bench markers.
# About 2 minutes on 2 quiet cores (3 on busy ones); it needs about 1 GB free in the temporary
# directory for the reader files (deleted after use).
#
# usage: scripts/bench.sh [--quick] [--only LIST] [--build DIR] [--out DIR] [--no-build]
#   --quick     tiny sizes, to check that everything runs (CI); the figures mean
#               nothing, so they go to BUILD/bench-quick, never to bench/results or
#               README.md. BENCH_QUICK=1 in the environment does the same.
#   --only      run only these suites (comma-separated: core,readers,sim,sweep,stress,pico),
#               e.g. again after other work on the machine disturbed them
#   --build     the build directory (default build/, configured RelWithDebInfo)
#   --out       where the CSV files go (default bench/results, or BUILD/bench-quick)
#   --no-build  use the binaries already built in the build directory
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(pwd)

quick=${BENCH_QUICK:-0}
build=build
out=""
do_build=1
only=core,readers,sim,sweep,stress,pico
while [ $# -gt 0 ]; do
  case $1 in
  --quick) quick=1 ;;
  --only) only=${2:?--only needs a list of suites}; shift ;;
  --build) build=${2:?--build needs a directory}; shift ;;
  --out) out=${2:?--out needs a directory}; shift ;;
  --no-build) do_build=0 ;;
  -h | --help) sed -n '2,18s/^# \{0,1\}//p' "$0"; exit 0 ;;
  *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ "$quick" = 0 ] || quick=1
if [ -z "$out" ]; then
  out=$([ $quick = 1 ] && echo "$build/bench-quick" || echo bench/results)
fi
work="$build/bench-work"
[ $quick = 1 ] && work="$out/work"
quick_flag=()
[ $quick = 1 ] && quick_flag=(--quick)

start=$(date +%s)
say() { echo "bench: $* ($(($(date +%s) - start)) s)" >&2; }

if [ $do_build = 1 ]; then
  if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  fi
  cmake --build "$build" -j 2 --target bouncelab bench_core bench_readers bench_sim bench_sweep \
    emu_reference >/dev/null
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
case $build_type in
Release | RelWithDebInfo) ;;
*)
  if [ $quick = 0 ]; then
    echo "bench: $build is a '${build_type:-no type}' build; timings need an optimised one:" >&2
    echo "  cmake -S . -B $build -DCMAKE_BUILD_TYPE=RelWithDebInfo   (or --build DIR)" >&2
    exit 2
  fi
  ;;
esac
compiler=$(sed -n 's/^set(CMAKE_C_COMPILER_\(ID\|VERSION\) "\(.*\)")$/\2/p' "$build"/CMakeFiles/*/CMakeCCompiler.cmake | tr '\n' ' ')

# The columns every row gets: when, which code, which machine, which build.
date=$(date -u +%Y-%m-%d)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
# results and the README section are this script's own output, not code
if [ "$commit" != unknown ] && ! git diff --quiet HEAD -- . ':(exclude)bench/results' ':(exclude)README.md'; then
  commit="$commit-dirty"
fi
nproc=$(nproc)
cpu=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -n 1 | tr -d ',')
build_desc="$build_type ${compiler% }"
meta="$date,$commit,$nproc,${cpu:-unknown},$build_desc"

mkdir -p "$out" "$work"
# run SUITE COMMAND...: the command prints rows; they are kept with the meta
# columns, and with the load average before and after (other work on the
# machine slows the timed figures, not the counted ones) and the duration.
run() {
  local suite=$1 load_start t0
  shift
  [[ ",$only," == *",$suite,"* ]] || return 0
  say "$suite"
  load_start=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(date +%s)
  "$@" >"$work/$suite.rows"
  {
    echo "$suite,machine,load_start,$load_start,processes,1,,"
    echo "$suite,machine,load_end,$(cut -d' ' -f1 /proc/loadavg),processes,1,,"
    echo "$suite,machine,duration,$(($(date +%s) - t0)),s,1,,"
  } >>"$work/$suite.rows"
  awk -v meta="$meta" -F, 'NR == 1 { print $0 ",date,commit,nproc,cpu,build"; next } { print $0 "," meta }' \
    "$work/$suite.rows" >"$work/$suite.csv"
  mv "$work/$suite.csv" "$out/$suite.csv"
}

bin="$build/bench"
# the sweep first: it needs both processors, and needs them free
run sweep "$bin/bench_sweep" "${quick_flag[@]}" --bouncelab "$build/src/cli/bouncelab" --traces "$src/traces"
run stress bash bench/stress.sh "${quick_flag[@]}" "$build/src/cli/bouncelab"
run core "$bin/bench_core" "${quick_flag[@]}"
run readers "$bin/bench_readers" "${quick_flag[@]}"
run sim "$bin/bench_sim" "${quick_flag[@]}"
if command -v arm-none-eabi-gcc >/dev/null; then
  run pico bash bench/pico.sh "$src" "$work/cross" "$build/tests/emu/emu_reference" "${quick_flag[@]}"
else
  say "arm-none-eabi-gcc not found (scripts/setup.sh installs it): no Pico figures"
fi

bash scripts/bench-table.sh "$out" >"$work/table.md"
cat "$work/table.md"
if [ $quick = 0 ] && [ "$out" = bench/results ]; then
  bash scripts/readme-section.sh bench "$work/table.md"
  say "README.md updated; results in $out"
else
  say "results in $out"
fi
