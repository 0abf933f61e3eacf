#!/usr/bin/env bash
# The 10^8-edge limit check, too long for every test run (tests/limits has
# the fast ones): writes a native trace of N edges (default 10^8, a pulse
# every 1 us: 100 s, about 2 GB) to a scratch directory, then times
# `bouncelab info` and `bouncelab run` in both modes on it, with the peak
# resident memory of each (peak_rss). Prints a Markdown table; fails if a
# command fails or needs more than BYTES_PER_EDGE_MAX bytes per edge.
# Needs a built tree (cmake --build build) and N x 22 bytes of disk.
# usage: bench/huge-trace.sh [BUILD_DIR] [N]
set -euo pipefail
cd "$(dirname "$0")/.."

build=${1:-build}
n=${2:-100000000}
# What a trace may cost: 8 bytes per edge is the model (trace.h); the GArray
# rounds its allocation up to a power of two, so up to 16 before a bug.
BYTES_PER_EDGE_MAX=16
bouncelab="$build/src/cli/bouncelab"
peak_rss="$build/tests/limits/peak_rss"
gen_edges="$build/tests/limits/gen_edges"
for tool in "$bouncelab" "$peak_rss" "$gen_edges"; do
  [ -x "$tool" ] || { echo "huge-trace: $tool missing; build first (cmake --build $build)" >&2; exit 2; }
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/huge-trace-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
trace="$scratch/huge.csv"

start=$(date +%s.%N)
"$gen_edges" "$n" 1000 >"$trace"
gen_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
size_mb=$(($(stat -c %s "$trace") / 1000000))

echo "| command | seconds | peak RSS (MB) | bytes per edge | result |"
echo "|---|---:|---:|---:|---|"
echo "| gen_edges $n (the file: $size_mb MB) | $(printf '%.1f' "$gen_s") | | | |"
status=0
for cmd in "info" "run --mode poll --interval 1ms" "run --mode irq --runtime c"; do
  start=$(date +%s.%N)
  # shellcheck disable=SC2086 # the words of $cmd are arguments
  if "$peak_rss" "$scratch/rss" "$bouncelab" $cmd "$trace" >"$scratch/out" 2>"$scratch/err"; then
    result="ok"
  else
    result="FAILED ($(head -c 200 "$scratch/err"))"
    status=1
  fi
  secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
  kb=$(cat "$scratch/rss")
  per_edge=$(awk -v kb="$kb" -v n="$n" 'BEGIN { printf "%.1f", kb * 1024 / n }')
  if awk -v p="$per_edge" -v m="$BYTES_PER_EDGE_MAX" 'BEGIN { exit !(p > m) }'; then
    result="$result; over $BYTES_PER_EDGE_MAX bytes per edge"
    status=1
  fi
  [ "$cmd" = info ] && ! grep -q "^edges: *$n\$" "$scratch/out" && result="$result; edges miscounted" && status=1
  echo "| bouncelab $cmd | $(printf '%.1f' "$secs") | $((kb / 1024)) | $per_edge | $result |"
done
exit "$status"
