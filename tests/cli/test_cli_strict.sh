#!/usr/bin/env bash
# A strict command line (issue 12): bad values, options that cannot apply,
# durations the core cannot express, files in no known format, a truth file
# given as a trace, the active-level warning, BBB <invalid/> sections, one
# spelling per idea, attached short values.
# usage: test_cli_strict.sh BOUNCELAB SCRATCH_DIR SOURCE_DIR
. "$(dirname "$0")/lib.sh"
SRC=${3:?usage: test_cli_strict.sh BOUNCELAB SCRATCH_DIR SOURCE_DIR}
DATA="$SRC/tests/cli/data"
T="$DATA/press.csv"
TACTILE="$SRC/traces/tactile.csv"
REAL="$SRC/../shared/real-traces/bbb-uno-session.log"

# usage_error CMD... -- PATTERN WHAT: exit 2 and the message.
usage_error() {
  local args=()
  while [ "$1" != -- ]; do
    args+=("$1")
    shift
  done
  run "${args[@]}"
  expect_status 2 "$3"
  expect_stderr "$2" "$3"
}

# --- a bad name is an error, not a crash (the error was passed by value) ----
for cmd in run sweep plot; do
  case $cmd in
  run) where=("$T") ;;
  sweep) where=("$T" -o "$SCRATCH/s.csv") ;;
  plot) where=(--trace "$T" --at 1ms -o "$SCRATCH/p") ;;
  esac
  usage_error $cmd "${where[@]}" --mode irq --trigger edge -- "^bouncelab: --trigger: unknown trigger 'edge'" "$cmd --trigger edge"
  usage_error $cmd "${where[@]}" --mode irq --trigger fall -- "^bouncelab: --trigger: unknown trigger 'fall'" "$cmd --trigger fall"
  usage_error $cmd "${where[@]}" --count foo -- "^bouncelab: --count: unknown count 'foo'" "$cmd --count foo"
done

# --- an option that cannot apply names both options --------------------------
usage_error run "$T" --mode irq --interval 2ms -- "--interval cannot apply with --mode irq" "run --interval in irq"
usage_error run "$T" --mode irq --phase 1ms -- "--phase cannot apply with --mode irq" "run --phase in irq"
usage_error run "$T" --mode irq --jitter 10us -- "--jitter cannot apply with --mode irq" "run --jitter in irq"
usage_error run "$T" --trigger both -- "--trigger cannot apply with --mode poll" "run --trigger in poll"
usage_error run "$T" --mode poll --runtime mpy-soft -- "--runtime cannot apply with --mode poll" "run --runtime in poll"
usage_error run "$T" --irq-latency 5us -- "--irq-latency cannot apply with --mode poll" "run --irq-latency in poll"
usage_error run "$T" --irq-tail-prob 1% -- "--irq-tail-prob cannot apply with --mode poll" "run --irq-tail-prob in poll"
usage_error run "$T" --preset tutorial-irq-raw --interval 1ms -- "--interval cannot apply with the preset's irq mode" "preset irq + --interval"
usage_error run "$T" --channel D0 -- "--channel cannot apply with --format native" "--channel on a one-channel format"
usage_error sweep "$T" --mode irq --interval 1ms -- "--interval cannot apply with --mode irq" "sweep --interval, irq only"
usage_error sweep "$T" --mode poll --runtime c -- "--runtime cannot apply with --mode poll" "sweep --runtime, poll only"
usage_error sweep "$T" --mode poll --trigger falling -- "--trigger cannot apply with --mode poll" "sweep --trigger, poll only"
usage_error sweep "$T" --algo integrator --mode irq -- "--algo cannot apply with --mode irq: .*nothing to run" "sweep integrator in irq"
# a grid of both modes takes both kinds of option: each applies to its mode
run sweep "$T" --mode poll,irq --interval 1ms --trigger falling --irq-latency 5us -w 1ms -o "$SCRATCH/both.csv"
expect_status 0 "a grid of both modes"
[ "$(grep -c ',poll,' "$SCRATCH/both.csv")" -eq 4 ] || fail "both.csv: 4 poll rows expected"
[ "$(grep -c ',irq,' "$SCRATCH/both.csv")" -eq 3 ] || fail "both.csv: 3 irq rows expected (integrator skipped)"

# --- durations the core cannot express --------------------------------------
usage_error run "$T" --window 500ns -- "--window: must be at least 1us" "a window below 1 us"
usage_error run "$T" --window 0s -- "--window: must be at least 1us" "a zero window"
usage_error run "$T" --window 1.5us -- "--window: 1.5us is not a whole number of microseconds" "a fractional window"
# DEBOUNCE_TICK_MAX_SPAN = 0x7fffffff us = 2147.483647 s
run run "$T" --window 2147483647us
expect_status 0 "the longest window the core takes"
usage_error run "$T" --window 2147483648us -- "--window: at most 2147483647us" "a window past the core's limit"
usage_error run "$T" --release-window 0s -- "--release-window: must be at least 1us" "a zero release window"
usage_error run "$T" --interval 0s -- "--interval: must be at least 1us" "a zero interval"
usage_error run "$T" --interval 999ns -- "--interval: must be at least 1us" "an interval below 1 us"
usage_error sweep "$T" --window 0s,1ms -- "--window: must be at least 1us" "sweep: a zero window"
usage_error sweep "$T" --window 1us:3us:500ns -- "--window: 1.5us is not a whole number" "sweep: a range off the us grid"
usage_error sweep "$T" --interval 100ns -- "--interval: must be at least 1us" "sweep: an interval below 1 us"
# press.csv lasts 20 ms (end_ns 20000000)
usage_error run "$T" --phase 20ms -- "--phase: 20ms is past the end of .*press.csv" "--phase at the trace's end"
run run "$T" --phase 19ms
expect_status 0 "--phase inside the trace"
usage_error sweep "$T" --mode poll --phase 1s -- "--phase: 1s is past the end" "sweep --phase past the end"
usage_error run "$T" --seed -1 -- "--seed: '-1' is not a whole number" "a negative seed"
usage_error sweep "$T" --seed -7 -- "--seed: '-7' is not a whole number" "sweep: a negative seed"
usage_error run "$T" --tick-start -1 -- "--tick-start: '-1' is not a whole number" "a negative tick start"

# --irq-tail-prob: a share the way gen takes one; the run reports it in percent
run run "$T" --mode irq --irq-tail-prob 2%
expect_status 0 "--irq-tail-prob 2%"
expect_stdout '\(2%: up to' "2% shows as 2%"
cp "$OUT" "$SCRATCH/pct.out"
run run "$T" --mode irq --irq-tail-prob 0.02
expect_status 0 "--irq-tail-prob 0.02"
cmp -s "$OUT" "$SCRATCH/pct.out" || fail "0.02 and 2% differ"
usage_error run "$T" --mode irq --irq-tail-prob 101% -- "--irq-tail-prob: '101%' is over 100%" "a share over 100 %"
usage_error run "$T" --mode irq --irq-tail-prob 2 -- "--irq-tail-prob: '2' is over 100%" "2 (= 200 %)"
usage_error run "$T" --mode irq --irq-tail-prob -1% -- "--irq-tail-prob: '-1%' is not a non-negative number" "a negative share"

# --- files in no known format, and a truth file given as a trace -------------
printf 'hello world\nfoo,bar\n1,2\n' >"$SCRATCH/hello.csv"
for cmd in info run; do
  usage_error $cmd "$SCRATCH/hello.csv" -- "hello.csv:1: not a trace format bouncelab knows" "$cmd: no known format"
  usage_error $cmd "$DATA/press.truth.csv" -- "press.truth.csv:1: this looks like a truth file .*give its trace \(.*press.csv\)" "$cmd: a truth file"
done
usage_error sweep "$DATA/press.truth.csv" -- "this looks like a truth file" "sweep: a truth file"
usage_error info --format native "$DATA/press.truth.csv" -- "this looks like a truth file" "--format native: a truth file"
# a scope CSV names its time column: that one still reads as analog
printf 'Time,CH1\n0,3.3\n0.001,0.1\n0.002,3.3\n' >"$SCRATCH/scope.csv"
run info "$SCRATCH/scope.csv"
expect_status 0 "an analog CSV with a time header"
expect_stdout "^format: +analog scope CSV" "detected as analog"
expect_stdout "^edges: +2$" "two edges"

# --- the active level ----------------------------------------------------------
# tactile.csv: 30 presses, active low. Read as active high, the core reports each
# release as a press: a press matched at or after its true release.
run run "$TACTILE" --active high
expect_status 0 "run with the active level inverted"
expect_stderr "warning: .*tactile.csv: 30 of 30 presses were reported at or after their true release: --active may be inverted" "the inverted-level warning"
run run "$TACTILE"
expect_status 0 "run with the right active level"
grep -q "may be inverted" "$ERR" && fail "a warning at the right active level"

# --- BBB <invalid/> sections -----------------------------------------------------
# bbb_test FROM TO RISING NSEC: one logged test, the pin FROM at 0, then TO at
# NSEC with RISING rising edges counted between
bbb_test() {
  printf '<test>\n<buffered_events>\n'
  printf 'pin: %s, rising_edges: 0, nsec: 0, log: 1, event: 1\n' "$1"
  printf 'pin: %s, rising_edges: %s, nsec: %s, log: 2, event: 2\n' "$2" "$3" "$4"
  printf '</buffered_events>\n</test>\n'
}
{
  bbb_test 1 0 0 1000
  bbb_test 0 1 1 1000
  printf '<section_start>\n  <id>_s</id>\n  <invalid/>\n</section_start>\n'
  bbb_test 1 0 3 17000000
  bbb_test 0 1 1 1000
} >"$SCRATCH/inv.log"
# valid: 2 tests, 1 edge each; the invalid section adds 2 tests: 7 edges (1 to 0 with 3
# rising edges counted: 2 * 3 + 1) and 1
run info "$SCRATCH/inv.log"
expect_status 0 "a log with an invalid section"
expect_stderr "note: .*inv.log: skipped 2 tests of a section its recorder marked <invalid/> \(--bbb-include-invalid keeps them\)" "the note"
expect_stdout "^edges: +2$" "the invalid section skipped"
run info --bbb-include-invalid "$SCRATCH/inv.log"
expect_status 0 "--bbb-include-invalid"
expect_stdout "^edges: +10$" "the invalid section kept"
grep -q "skipped" "$ERR" && fail "a skip note with --bbb-include-invalid"
if [ -f "$REAL" ]; then
  # the real session: one 17 ms pulse in its invalid section made lockout need 150 ms
  run sweep "$REAL" --algo lockout --mode poll --interval 100us -o "$SCRATCH/real.csv"
  expect_status 0 "sweep the real session"
  run verdict "$SCRATCH/real.csv"
  expect_stdout "^  lockout +1ms@100us" "lockout needs 1 ms without the invalid section"
  run sweep "$REAL" --bbb-include-invalid --algo lockout --mode poll --interval 100us -o "$SCRATCH/real-all.csv"
  run verdict "$SCRATCH/real-all.csv"
  expect_stdout "^  lockout +150ms@100us" "and 150 ms with it"
else
  echo "skipped the real session: $REAL is absent"
fi

# --- one spelling per idea ---------------------------------------------------------
run info --press-table "$T"
expect_status 0 "info --press-table"
expect_stdout "^press,press_ns," "the press table"
cp "$OUT" "$SCRATCH/table.out"
run info --presses "$T"
expect_status 0 "info --presses, the old name"
cmp -s "$OUT" "$SCRATCH/table.out" || fail "--presses and --press-table differ"
expect_stderr "note: info --presses is now --press-table" "the old name gets a note"
run run "$T" --events "$SCRATCH/ev"
expect_status 0 "--events FILE"
[ -f "$SCRATCH/ev" ] || fail "--events FILE did not write FILE"
head -1 "$SCRATCH/ev" | grep -q '^t_ns,event,truth_index,latency_us$' || fail "--events FILE: not the events CSV"
run convert "$T" -
expect_status 0 "convert IN - without --to"
expect_stdout "^t_ns,level$" "native CSV on standard output"
"$BOUNCELAB" sweep "$T" -m poll -w 1ms -i 1ms 2>/dev/null >"$SCRATCH/v.csv"
"$BOUNCELAB" verdict - <"$SCRATCH/v.csv" >"$OUT" 2>"$ERR"
status=$?
expect_status 0 "verdict - reads standard input"
expect_stdout "^press \(1 press\)" "the verdict of standard input"
# defaults in --help, written one way, from the code's values
for cmd in gen info convert run sweep plot; do
  "$BOUNCELAB" $cmd --help-all >"$OUT" 2>&1
  grep -E '^ +-.*\(default[ :]' "$OUT" && fail "$cmd --help has a default not written [default: X]"
done
"$BOUNCELAB" run --help >"$OUT"
expect_stdout "--window=DUR .*\[default: 5ms\]" "run --help: the window's default"
expect_stdout "--seed=N .*\[default: 1\]" "run --help: the seed's default"
expect_stdout "--settle=DUR .*\[default: 20ms\]" "run --help: the settle default"
expect_stdout "--vil=VOLTS .*\[default: 0.8 V\]" "run --help: VIL"

# attached short values work as if apart
run run "$T" -w5ms -adefer -mpoll -i1ms
expect_status 0 "-w5ms -adefer"
cp "$OUT" "$SCRATCH/attached.out"
run run "$T" -w 5ms -a defer -m poll -i 1ms
cmp -s "$OUT" "$SCRATCH/attached.out" || fail "-w5ms differs from -w 5ms"
run sweep "$T" -j2 -w1ms -mpoll -i1ms -o "$SCRATCH/j2.csv"
expect_status 0 "sweep -j2"
[ "$(wc -l <"$SCRATCH/j2.csv")" -eq 5 ] || fail "sweep -j2: header and 4 rows expected"

finish
