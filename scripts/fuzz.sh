#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, ASan + UBSan; build-fuzz/) and runs
# each for a bounded time, a few at a time. Fails if any harness finds
# anything (a crash, a sanitizer report, a broken invariant, a timeout or
# running out of memory); the input that did it is kept in
# build-fuzz/findings/. Seeds: tests/fuzz/corpus/HARNESS (plus the reader
# tests' fixtures for the readers); what a run learns accumulates in
# build-fuzz/corpus/HARNESS, so a later run starts from there.
#
# usage: scripts/fuzz.sh [--time SECONDS] [--jobs N] [--build DIR] [HARNESS...]
#   --time   seconds per harness (default 30: the CI run)
#   --jobs   harnesses run at once (default: the number of cores, at most 2)
#   --build  build directory (default build-fuzz)
# A long run: scripts/fuzz.sh --time 600
# A summary table is written to build-fuzz/fuzz-summary.md.
set -euo pipefail
cd "$(dirname "$0")/.."

all=(read_native read_truth native_parallel vcd_parallel read_vcd read_sigrok read_saleae
  read_analog read_bbb core_equivalence sim_equivalence stress_csv irq_equivalence)
# A run gets this many seconds on one input before it counts as a hang.
TIMEOUT_S=10
# Memory one run may use before it counts as a finding (MB).
RSS_LIMIT_MB=2048

seconds=30
build=build-fuzz
jobs=$(nproc 2>/dev/null || echo 1)
[ "$jobs" -gt 2 ] && jobs=2
harnesses=()
while [ $# -gt 0 ]; do
  case "$1" in
  --time) seconds=${2:?--time needs seconds}; shift 2 ;;
  --jobs) jobs=${2:?--jobs needs a number}; shift 2 ;;
  --build) build=${2:?--build needs a directory}; shift 2 ;;
  -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
  -*) echo "fuzz: unknown option $1" >&2; exit 2 ;;
  *) harnesses+=("$1"); shift ;;
  esac
done
[ ${#harnesses[@]} -gt 0 ] || harnesses=("${all[@]}")

cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBOUNCELAB_FUZZ=ON >/dev/null
cmake --build "$build" -j "$jobs" --target fuzz_harnesses >/dev/null

mkdir -p "$build/findings" "$build/logs"
# halt_on_error and abort_on_error make every report a crash libFuzzer saves
export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1

run_one() {
  local h=$1 seeds=(tests/fuzz/corpus/"$1") dict=() extra
  if [[ $h == read_* && $h != read_truth ]]; then
    for extra in tests/trace/data tests/cli/fixtures/bad; do
      [ -d "$extra" ] && seeds+=("$extra")
    done
  fi
  [ -f "tests/fuzz/dict/$h.dict" ] && dict=(-dict="tests/fuzz/dict/$h.dict")
  mkdir -p "$build/corpus/$h"
  "$build/tests/fuzz/fuzz_$h" -max_total_time="$seconds" -timeout="$TIMEOUT_S" \
    -rss_limit_mb="$RSS_LIMIT_MB" -print_final_stats=1 "${dict[@]}" \
    -artifact_prefix="$build/findings/$h-" "$build/corpus/$h" "${seeds[@]}" \
    >"$build/logs/$h.log" 2>&1
}

echo "fuzz: ${#harnesses[@]} harnesses, ${seconds} s each, $jobs at a time"
start=$(date +%s)
marker="$build/logs/.started"
touch "$marker"
pids=()
names=()
status=0
wait_first() {
  if ! wait "${pids[0]}"; then
    echo "fuzz: ${names[0]}: FINDING (log: $build/logs/${names[0]}.log)" >&2
    status=1
  fi
  pids=("${pids[@]:1}")
  names=("${names[@]:1}")
}
for h in "${harnesses[@]}"; do
  [ -x "$build/tests/fuzz/fuzz_$h" ] || { echo "fuzz: no harness $h" >&2; exit 2; }
  [ ${#pids[@]} -ge "$jobs" ] && wait_first
  run_one "$h" &
  pids+=($!)
  names+=("$h")
done
while [ ${#pids[@]} -gt 0 ]; do wait_first; done
elapsed=$(($(date +%s) - start))

summary="$build/fuzz-summary.md"
{
  echo "| harness | seconds | executions | exec/s | corpus (files) | findings |"
  echo "|---|---:|---:|---:|---:|---:|"
  for h in "${harnesses[@]}"; do
    log="$build/logs/$h.log"
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    execs=${execs:-0}
    found=$(find "$build/findings" -name "$h-*" -newer "$marker" | wc -l)
    grep -qE '^==[0-9]+==ERROR|^SUMMARY: |fuzz: finding' "$log" && [ "$found" -eq 0 ] && found=1
    echo "| $h | $seconds | $execs | $((execs / (seconds > 0 ? seconds : 1))) | $(ls "$build/corpus/$h" | wc -l) | $found |"
  done
} >"$summary"
cat "$summary"
echo "fuzz: done in ${elapsed} s"

if [ "$status" -ne 0 ]; then
  for h in "${harnesses[@]}"; do
    if grep -qE '^==[0-9]+==ERROR|^SUMMARY: |fuzz: finding|Test unit written' "$build/logs/$h.log"; then
      echo "---- $h" >&2
      grep -E -A40 '^==[0-9]+==ERROR|fuzz: finding|runtime error' "$build/logs/$h.log" | head -60 >&2
      grep -E 'Test unit written|^Base64' "$build/logs/$h.log" >&2 || true
    fi
  done
  echo "fuzz: a harness found something; add the input from $build/findings/ to" \
    "tests/fuzz/corpus/HARNESS/ as a regression test once fixed" >&2
fi
exit "$status"
