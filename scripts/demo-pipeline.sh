#!/usr/bin/env bash
# The demo's work once bouncelab is built (scripts/demo.sh runs it; the
# plots/demo_pipeline test runs it on a small grid): sweep, every plot, the
# verdict, and one waveform of a failure.
# usage: scripts/demo-pipeline.sh BOUNCELAB OUT_DIR [TRACE... and sweep options]
#   With no sweep arguments: the bundled traces and the default grid.
# Writes OUT_DIR/sweep.csv, OUT_DIR/TRACE-PLOT.png (every trace and plot),
# OUT_DIR/verdict.txt (and prints it), and OUT_DIR/worn-waveform-*.png: the
# bundled worn button's first press through a lockout of 5 ms polled every
# 1 ms, a window shorter than its bounce (tens of ms), so it reports false
# releases and presses; the path of that picture goes to OUT_DIR/waveform.txt.
set -euo pipefail

bouncelab=${1:?usage: demo-pipeline.sh BOUNCELAB OUT_DIR [TRACE... and sweep options]}
out=${2:?usage: demo-pipeline.sh BOUNCELAB OUT_DIR [TRACE... and sweep options]}
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
worn=$root/traces/worn.csv

mkdir -p "$out"
"$bouncelab" sweep "$@" -o "$out/sweep.csv"
"$bouncelab" plot "$out/sweep.csv" -o "$out" >"$out/plots.txt"
"$bouncelab" verdict "$out/sweep.csv" >"$out/verdict.txt"
cat "$out/verdict.txt"

# --at: the first true press, rounded down to 0.1 ms (the view starts 1 ms before it)
first_press_ns=$(sed -n 2p "${worn%.csv}.truth.csv" | cut -d, -f1)
tenths=$((first_press_ns / 100000))
at="$((tenths / 10)).$((tenths % 10))ms"
"$bouncelab" plot --trace "$worn" --at "$at" --algo lockout --window 5ms --mode poll \
  --interval 1ms -o "$out" >"$out/waveform.txt"
echo
echo "Why lockout 5ms fails on the worn button: $(cat "$out/waveform.txt")"
echo "Plots: $(wc -l <"$out/plots.txt") pictures in $out/ (TRACE-PLOT.png); the sweep: $out/sweep.csv"
