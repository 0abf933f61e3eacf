#!/usr/bin/env bash
# `bouncelab plot --trace TRACE --at TIME`, the waveform (plot 5), end to end
# on tests/cli/data/press.csv: pull-up, a press at 1.000 ms with a bounce
# 1.200..1.250 ms, the release at 10.000 ms, 20 ms long; truth (1 ms, 10 ms).
# The CSV handed to gnuplot (--data) and what waveform.gp computes from it
# (its marks file) are checked against values worked out by hand; each
# picture must be whole, with nothing on stderr.
# usage: test_cli_waveform.sh BOUNCELAB SCRATCH_DIR PRESS_CSV CHECK_IMAGE SCRIPTS_DIR
. "$(dirname "$0")/../cli/lib.sh"
PRESS=${3:?usage: test_cli_waveform.sh BOUNCELAB SCRATCH_DIR PRESS_CSV CHECK_IMAGE SCRIPTS_DIR}
CHECK_IMAGE=${4:?usage: test_cli_waveform.sh BOUNCELAB SCRATCH_DIR PRESS_CSV CHECK_IMAGE SCRIPTS_DIR}
SCRIPTS=${5:?usage: test_cli_waveform.sh BOUNCELAB SCRATCH_DIR PRESS_CSV CHECK_IMAGE SCRIPTS_DIR}
SCRIPTS=$(cd "$SCRIPTS" && pwd)
GNUPLOT=$(command -v gnuplot) || { echo "SKIP: gnuplot is not installed"; exit 77; }
# the temporary CSV for gnuplot must go away after every run
export TMPDIR="$SCRATCH/tmp"
mkdir -p "$TMPDIR"
WIDTH=1200
HEIGHT=600

# a gnuplot that logs the variables bouncelab gives it, then draws
mkdir -p "$SCRATCH/bin"
cat >"$SCRATCH/bin/gnuplot" <<LOG
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a"; done >>"$SCRATCH/gnuplot-args"
exec "$GNUPLOT" "\$@"
LOG
chmod +x "$SCRATCH/bin/gnuplot"

# expect_data FILE: FILE equals the expected CSV given on stdin
expect_data() {
  if ! diff -u - "$1" >"$SCRATCH/diff"; then
    fail "$1 differs from the hand-made expectation: $(cat "$SCRATCH/diff")"
  fi
}

# expect_marks DATA EXPECTED: waveform.gp on DATA computes EXPECTED
expect_marks() {
  rm -f "$SCRATCH/marks"
  gnuplot -d -e "data='$1'; out='$SCRATCH/marks.png'; marks='$SCRATCH/marks'" \
    "$SCRIPTS/waveform.gp" 2>"$SCRATCH/gp-stderr" || fail "waveform.gp on $1: $(cat "$SCRATCH/gp-stderr")"
  [ "$(grep -v '^$' "$SCRATCH/marks")" = "$2" ] ||
    fail "waveform.gp on $1 computed:
$(cat "$SCRATCH/marks")
expected:
$2"
}

# picture PATH [FORMAT]: stdout names PATH alone, PATH is a whole picture, stderr is empty
picture() {
  expect_stdout_lines 1 "one picture"
  [ "$(cat "$OUT")" = "$1" ] || fail "stdout: $(cat "$OUT"), expected $1"
  "$CHECK_IMAGE" "$1" $WIDTH $HEIGHT || fail "$1 is not a whole picture"
  [ -s "$ERR" ] && fail "stderr is not empty"
}

# --- defer 2 ms, polling every 1 ms from 0.5 ms, the default window ------------
# Window from 1 ms before --at 1 ms: 0. Its end is the latest of --at + 2
# windows = 5 ms; the last bounce (1.25 ms: the next edge, 10 ms, is the
# release) + 2 ms = 3.25 ms; the report of the press: reads at 1.5 and 2.5
# see pressed, the read at 3.5 sees 2 ms held and reports (2500 us late);
# so 5 ms, plus 5 % of 5 ms: 5.25 ms. Reads in view: 0.5 ... 4.5 ms.
PATH="$SCRATCH/bin:$PATH" run plot --trace "$PRESS" --at 1ms --algo defer --window 2ms \
  --interval 1ms --phase 500us --data "$SCRATCH/poll.csv" -o "$SCRATCH/out"
expect_status 0 "waveform, poll"
picture "$SCRATCH/out/press-waveform-defer-2ms-poll-at-1ms.png"
expect_data "$SCRATCH/poll.csv" <<'CSV'
series,t_ns,end_ns,level,truth_index,latency_us,missed
view,0,5250000,,,,
at,1000000,,,,,
true_press,1000000,,,0,,0
raw,0,,0,,,
raw,1000000,,1,,,
raw,1200000,,0,,,
raw,1250000,,1,,,
raw,5250000,,1,,,
debounced,0,,0,,,
debounced,3500000,,1,,,
debounced,5250000,,1,,,
read,500000,500000,,,,
read,1500000,1500000,,,,
read,2500000,2500000,,,,
read,3500000,3500000,,,,
read,4500000,4500000,,,,
press,3500000,,,0,2500,
CSV
# 5.25 ms of view: the axis is in ms from 1 ms, -1 to 4.25; the label says 2.5 ms late
expect_marks "$SCRATCH/poll.csv" "ms -1 4.25
2.5 +2.5 ms"
# the titles gnuplot got: the trace and time, the configuration, what the view holds
grep -qF "title='Waveform of press around 1ms'" "$SCRATCH/gnuplot-args" ||
  fail "title: $(grep -o "title='[^']*'" "$SCRATCH/gnuplot-args")"
grep -qF "config='defer 2ms/2ms (press/release window), poll every 1ms (phase 500us, jitter up to 0s)'" \
  "$SCRATCH/gnuplot-args" || fail "config: $(grep -o "config='[^']*'" "$SCRATCH/gnuplot-args")"
grep -qF "summary='in view: 1 true press, 1 event reported, 0 false, 0 missed; whole trace: 1 true press, 0 false, 0 missed'" \
  "$SCRATCH/gnuplot-args" || fail "summary: $(grep -o "summary='[^']*'" "$SCRATCH/gnuplot-args")"

# --- interrupts on both edges, fixed timing (entry 2 us, handler 3 us, alarm 1 us)
# As in test_cli_run.sh: handlers 1002-1005, 1202-1205, 1252-1255 us; the
# core waits until tick 6252, the alarm runs 6253-6256 us and reports the
# press (5253 us late); the release edge at 10 ms enters 10002-10005 us.
# Window: 0 to max(1 + 2 x 5, 1.25 + 5, 6.253) = 11 ms, + 5 %: 11.55 ms; it
# holds the true release (its report, at 15.003 ms, is outside: not missed).
run plot --trace "$PRESS" --at 1ms --mode irq --trigger both --algo defer --window 5ms \
  --irq-latency 2us --irq-jitter 0s --handler-time 3us --alarm-latency 1us \
  --data "$SCRATCH/irq.csv" -o "$SCRATCH/out"
expect_status 0 "waveform, irq"
picture "$SCRATCH/out/press-waveform-defer-5ms-irq-at-1ms.png"
expect_data "$SCRATCH/irq.csv" <<'CSV'
series,t_ns,end_ns,level,truth_index,latency_us,missed
view,0,11550000,,,,
at,1000000,,,,,
true_press,1000000,,,0,,0
true_release,10000000,,,0,,0
raw,0,,0,,,
raw,1000000,,1,,,
raw,1200000,,0,,,
raw,1250000,,1,,,
raw,10000000,,0,,,
raw,11550000,,0,,,
debounced,0,,0,,,
debounced,6253000,,1,,,
debounced,11550000,,1,,,
handler,1002000,1005000,,,,
handler,1202000,1205000,,,,
handler,1252000,1255000,,,,
alarm,6253000,6256000,,,,
handler,10002000,10005000,,,,
press,6253000,,,0,5253,
CSV
expect_marks "$SCRATCH/irq.csv" "ms -1 10.55
5.253 +5.25 ms"

# --- lockout 100 us polled every 10 us, a 1 ms span, as SVG -----------------
# Span 1 ms: the lead is a tenth, 100 us: 0.9 to 1.9 ms, in us. The read at
# 1.000 ms sees the press and reports it at once (0 us late), locks to 1.1;
# the read at 1.200 ms sees the bounce's release: a false release, lock to
# 1.3; the read at 1.300 ms sees pressed again: a false press.
run plot --trace "$PRESS" --at 1ms --span 1ms --algo lockout --window 100us --interval 10us \
  --data "$SCRATCH/lockout.csv" -o "$SCRATCH/out" --image-format svg
expect_status 0 "waveform, svg"
picture "$SCRATCH/out/press-waveform-lockout-100us-poll-at-1ms.svg"
{
  echo "series,t_ns,end_ns,level,truth_index,latency_us,missed"
  echo "view,900000,1900000,,,,"
  echo "at,1000000,,,,,"
  echo "true_press,1000000,,,0,,0"
  echo "raw,900000,,0,,,"
  echo "raw,1000000,,1,,,"
  echo "raw,1200000,,0,,,"
  echo "raw,1250000,,1,,,"
  echo "raw,1900000,,1,,,"
  echo "debounced,900000,,0,,,"
  echo "debounced,1000000,,1,,,"
  echo "debounced,1200000,,0,,,"
  echo "debounced,1300000,,1,,,"
  echo "debounced,1900000,,1,,,"
  for t in $(seq 900000 10000 1900000); do echo "read,$t,$t,,,,"; done
  echo "press,1000000,,,0,0,"
  echo "release,1200000,,,-1,,"
  echo "press,1300000,,,-1,,"
} >"$SCRATCH/lockout-want.csv"
expect_data "$SCRATCH/lockout.csv" <"$SCRATCH/lockout-want.csv"
expect_marks "$SCRATCH/lockout.csv" "us -100 900
0 +0 us
200 false
300 false"

# --- defer 10 ms: longer than the 9 ms press, so the press and the release are missed
# Window: 0 to max(1 + 2 x 10, 1.25 + 10) = 21 ms, + 5 %: 22.05 ms; the raw pin
# stops at the trace's end, 20 ms.
run plot --trace "$PRESS" --at 1ms --algo defer --window 10ms --data "$SCRATCH/missed.csv" \
  -o "$SCRATCH/out"
expect_status 0 "waveform, missed"
picture "$SCRATCH/out/press-waveform-defer-10ms-poll-at-1ms.png"
grep -v '^read,' "$SCRATCH/missed.csv" >"$SCRATCH/missed-no-reads.csv"
expect_data "$SCRATCH/missed-no-reads.csv" <<'CSV'
series,t_ns,end_ns,level,truth_index,latency_us,missed
view,0,22050000,,,,
at,1000000,,,,,
true_press,1000000,,,0,,1
true_release,10000000,,,0,,1
raw,0,,0,,,
raw,1000000,,1,,,
raw,1200000,,0,,,
raw,1250000,,1,,,
raw,10000000,,0,,,
raw,20000000,,0,,,
debounced,0,,0,,,
debounced,22050000,,0,,,
CSV
[ "$(grep -c '^read,' "$SCRATCH/missed.csv")" -eq 21 ] || fail "reads every 1 ms from 0 to 20 ms: 21"
expect_marks "$SCRATCH/missed.csv" "ms -1 21.05
0 missed
9 missed"

# --- the script by hand: its defaults, and its usage line ---------------------
(cd "$SCRATCH" && gnuplot -d -e "data='$SCRATCH/irq.csv'" "$SCRIPTS/waveform.gp" 2>"$SCRATCH/gp-stderr") ||
  fail "waveform.gp with data only: $(cat "$SCRATCH/gp-stderr")"
"$CHECK_IMAGE" "$SCRATCH/waveform.png" $WIDTH $HEIGHT || fail "waveform.gp by hand: waveform.png"
[ -s "$SCRATCH/gp-stderr" ] && fail "waveform.gp by hand warned: $(cat "$SCRATCH/gp-stderr")"
gnuplot -d "$SCRIPTS/waveform.gp" 2>"$SCRATCH/gp-stderr" && fail "waveform.gp without data succeeded"
grep -q "usage: gnuplot -e \"data='waveform.csv'\"" "$SCRATCH/gp-stderr" ||
  fail "waveform.gp without data does not say how to run it: $(cat "$SCRATCH/gp-stderr")"

# --- bad options and input: exit 2, a message, no picture ---------------------
run plot --trace "$PRESS" --at 30ms -o "$SCRATCH/bad"
expect_status 2 "--at after the trace"
expect_stderr "--at 30ms is outside the trace press, which runs from 0s to 20ms" "the range is given"
run plot --trace "$PRESS" --at 5 -o "$SCRATCH/bad"
expect_status 2 "--at without a unit"
expect_stderr "--at: '5' has no unit" "the option is named"
run plot --trace "$PRESS" --at 1ms --span 0s -o "$SCRATCH/bad"
expect_status 2 "--span 0s"
expect_stderr "--span: the window must be longer than 0s" "an empty span is refused"
run plot --trace "$PRESS" --at 1ms --algo bogus -o "$SCRATCH/bad"
expect_status 2 "unknown algorithm"
expect_stderr "--algo" "the run option is named"
run plot --trace "$PRESS" --at 1ms --mode irq --algo integrator -o "$SCRATCH/bad"
expect_status 2 "an invalid configuration"
run plot --trace "$PRESS" --at 1ms --format bogus -o "$SCRATCH/bad"
expect_status 2 "unknown trace format"
expect_stderr "--format: unknown format 'bogus'" "the reader's format option is --format, as in every command"
run plot --trace "$PRESS" --at 1ms --format native --image-format svg -o "$SCRATCH/fmt"
expect_status 0 "--format names the trace's format, --image-format the picture's"
[ -s "$ERR" ] && fail "--format native --image-format svg wrote on stderr"
[ -f "$SCRATCH/fmt/press-waveform-defer-5ms-poll-at-1ms.svg" ] || fail "no svg waveform"
run plot --trace "$SCRATCH/nowhere.csv" --at 1ms -o "$SCRATCH/bad"
expect_status 2 "no such trace"
run plot --trace "$PRESS" -o "$SCRATCH/bad"
expect_status 2 "--trace without --at"
expect_stderr "to draw one trace of a sweep CSV, use --only NAME" "the renamed filter is pointed to"
run plot --at 1ms -o "$SCRATCH/bad"
expect_status 2 "--at without --trace"
run plot "$PRESS" --trace "$PRESS" --at 1ms -o "$SCRATCH/bad"
expect_status 2 "--at with a results CSV too"
run plot --trace "$PRESS" --at 1ms --only x -o "$SCRATCH/bad"
expect_status 2 "--only with --at"
run plot "$PRESS" --algo lockout -o "$SCRATCH/bad"
expect_status 2 "a run option without --at"
expect_stderr "only for a waveform" "the run options need --at"
[ -e "$SCRATCH/bad" ] && fail "bad input made an output directory"
mkdir -p "$SCRATCH/empty-bin"
PATH="$SCRATCH/empty-bin" run plot --trace "$PRESS" --at 1ms -o "$SCRATCH/bad"
expect_status 2 "no gnuplot on PATH"
expect_stderr "gnuplot is not installed.*apt-get install gnuplot-nox" "how to install it is said"
[ -e "$SCRATCH/bad" ] && fail "bad input made an output directory"
run plot --help-run
expect_status 0 "--help-run"
expect_stdout "--window=DUR" "--help-run lists the run options"

[ -z "$(ls -A "$TMPDIR")" ] || fail "temporary files left behind: $(ls -A "$TMPDIR")"
finish
