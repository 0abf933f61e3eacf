#!/usr/bin/env bash
# Interrupting `bouncelab plot` the way Ctrl-C does (SIGINT to the whole
# process group, gnuplot included) leaves no half picture (*.tmp-*) and no
# temporary folder, says it was interrupted and exits 128 + 2; the pictures
# it listed before are whole. A sweep and a waveform, each stopped while
# gnuplot is drawing (a gnuplot on PATH that waits a little before each run).
# usage: test_cli_plot_interrupt.sh BOUNCELAB SCRATCH_DIR SOURCE_DIR
. "$(dirname "$0")/../cli/lib.sh"
SRC=${3:?usage: test_cli_plot_interrupt.sh BOUNCELAB SCRATCH_DIR SOURCE_DIR}
GNUPLOT=$(command -v gnuplot) || { echo "SKIP: gnuplot is not installed"; exit 77; }
export TMPDIR="$SCRATCH/tmp"
mkdir -p "$TMPDIR" "$SCRATCH/bin"
printf '#!/bin/sh\nsleep 0.3\nexec %q "$@"\n' "$GNUPLOT" >"$SCRATCH/bin/gnuplot"
chmod +x "$SCRATCH/bin/gnuplot"
"$BOUNCELAB" sweep "$SRC"/traces/{clean,keyswitch,tactile,worn}.csv -w 1ms,5ms,20ms -i 1ms -m poll \
  -o "$SCRATCH/sweep.csv" 2>/dev/null || fail "the sweep to plot"
set -m # each background job in a process group of its own, as a shell does for Ctrl-C

# whole_png FILE: whether FILE ends with PNG's IEND chunk.
whole_png() { [ "$(tail -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 49454e44ae426082 ]; }

# interrupt WHAT OUT_DIR READY ARGS...: runs plot ARGS in its own process
# group, waits (up to 60 s) until a file matching READY is in OUT_DIR, sends
# SIGINT to the group, and checks what is left.
interrupt() {
  local what=$1 dir=$2 ready=$3 pid left i
  shift 3
  PATH="$SCRATCH/bin:$PATH" "$BOUNCELAB" plot "$@" >"$OUT" 2>"$ERR" &
  pid=$!
  for ((i = 0; i < 600; i++)); do
    [ -n "$(find "$dir" -name "$ready" 2>/dev/null | head -n 1)" ] && break
    sleep 0.1
  done
  kill -INT -- -"$pid"
  wait "$pid"
  status=$?
  expect_status 130 "$what: 128 + SIGINT"
  expect_stderr "^bouncelab: plot interrupted \(Interrupt\)" "$what: says it was interrupted"
  left=$(find "$dir" -name '*.tmp-*' 2>/dev/null)
  [ -z "$left" ] || fail "$what: half pictures left: $left"
  left=$(ls -A "$TMPDIR")
  [ -z "$left" ] || fail "$what: temporary files left in TMPDIR: $left"
  while read -r picture; do
    whole_png "$picture" || fail "$what: listed picture $picture is not whole"
  done <"$OUT"
}

# once the first picture is whole: gnuplot then waits or draws the next one
interrupt "sweep plots" "$SCRATCH/out" '*.png' "$SCRATCH/sweep.csv" -o "$SCRATCH/out"
[ -s "$OUT" ] || fail "sweep plots: no picture drawn before the interrupt: too early to test"
[ "$(find "$SCRATCH/out" -name '*.png' | wc -l)" -lt 16 ] || fail "sweep plots: all 16 pictures drawn: the interrupt came too late to test anything"
# once the picture's temporary file exists: its gnuplot is waiting or drawing
interrupt "waveform" "$SCRATCH/wave" '*.tmp-*' --trace "$SRC/traces/tactile.csv" --at 1s -o "$SCRATCH/wave"
[ -z "$(ls -A "$SCRATCH/wave" 2>/dev/null)" ] || fail "waveform: a picture was left"

finish
