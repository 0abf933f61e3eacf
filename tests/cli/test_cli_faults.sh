#!/usr/bin/env bash
# Every command that writes, when the write fails: exit 1, a message naming
# what could not be written, and no partial result: an old file of that name
# is left as it was (a trace and its truth both), no temporary file remains.
# Three faults: /dev/full (a device, written in place), standard output on
# /dev/full, and a full disk for regular files, made by limiting the size a
# file may grow to (ulimit -f, with SIGXFSZ ignored: a write past it fails
# with "File too large" as one on a full disk fails with "No space left").
# The sweep's interruption and its /dev/full case are in test_cli_sweep.sh.
. "$(dirname "$0")/lib.sh"
SOURCE="$3"
DATA="$(dirname "$0")/data"
TRACE="$SOURCE/traces/tactile.csv" # 30 presses: each output of it is several KB

FULL="No space left on device"
TOO_BIG="File too large"

# full_disk KB ARGS...: runs bouncelab with every file it writes limited to KB kilobytes.
full_disk() {
  local kb=$1
  shift
  (
    trap '' XFSZ
    ulimit -f "$kb"
    exec "$BOUNCELAB" "$@"
  ) >"$OUT" 2>"$ERR"
  status=$?
}
# old FILE...: puts "old" in each file.
old() { for f in "$@"; do echo old >"$f"; done; }
# still_old FILE...: each file still holds "old".
still_old() {
  for f in "$@"; do
    [ "$(cat "$f" 2>/dev/null)" = old ] || fail "$f was changed: $(head -c 200 "$f" 2>/dev/null)"
  done
}
# no_temp DIR: no NAME.tmp-XXXXXX left in DIR.
no_temp() { ls -a "$1" | grep -q '\.tmp-' && fail "a temporary file was left in $1: $(ls -a "$1")"; }

# ---- /dev/full as the output file: written in place, fails at the flush
run gen --seed 1 -o /dev/full
expect_status 1 "gen -o /dev/full"
expect_stderr "^bouncelab: /dev/full: write failed: $FULL$" "gen says what failed"
run convert "$TRACE" /dev/full --to native
expect_status 1 "convert to /dev/full (native)"
expect_stderr "^bouncelab: /dev/full: write failed: $FULL$" "convert native says what failed"
run convert "$TRACE" /dev/full --to vcd
expect_status 1 "convert to /dev/full (vcd)"
expect_stderr "^bouncelab: /dev/full: write failed: $FULL$" "convert vcd says what failed"
run run "$TRACE" --events /dev/full
expect_status 1 "run --events /dev/full"
expect_stderr "^bouncelab: /dev/full: write failed: $FULL$" "run --events says what failed"
run run "$TRACE" --vcd /dev/full
expect_status 1 "run --vcd /dev/full"
expect_stderr "^bouncelab: /dev/full: write failed: $FULL$" "run --vcd says what failed"
[ -c /dev/full ] || fail "/dev/full is no longer a device"
ls /dev | grep -q '^full\.' && fail "something was left beside /dev/full: $(ls /dev | grep '^full\.')"

# ---- standard output on /dev/full: what a command prints is its result too
for cmd in "run $TRACE" "info $TRACE" "algorithms" "convert $TRACE - --to native" \
  "sweep $DATA/press.csv --algo defer --mode poll" "verdict $SOURCE/tests/plots/data/verdict.csv" \
  "verdict --csv $SOURCE/tests/plots/data/verdict.csv"; do
  # shellcheck disable=SC2086 # the words of $cmd are the arguments
  "$BOUNCELAB" $cmd >/dev/full 2>"$ERR"
  status=$?
  expect_status 1 "$cmd > /dev/full"
  expect_stderr "^bouncelab: standard output: write failed: $FULL$" "$cmd says stdout failed"
done

# ---- a full disk: files may grow to 1 KB, every output here is bigger
d="$SCRATCH/disk"
mkdir -p "$d"
old "$d/gen.csv" "$d/gen.truth.csv"
full_disk 1 gen --seed 1 -o "$d/gen.csv"
expect_status 1 "gen on a full disk"
expect_stderr "^bouncelab: $d/gen.csv: write failed, nothing written: $TOO_BIG$" "gen names its file"
still_old "$d/gen.csv" "$d/gen.truth.csv"

old "$d/conv.csv" "$d/conv.truth.csv" "$d/conv.vcd"
full_disk 1 convert "$TRACE" "$d/conv.csv"
expect_status 1 "convert to native CSV on a full disk"
expect_stderr "^bouncelab: $d/conv.csv: write failed, nothing written: $TOO_BIG$" "convert names its file"
full_disk 1 convert "$TRACE" "$d/conv.vcd"
expect_status 1 "convert to VCD on a full disk"
expect_stderr "^bouncelab: $d/conv.vcd: write failed, nothing written: $TOO_BIG$" "convert vcd names its file"
still_old "$d/conv.csv" "$d/conv.truth.csv" "$d/conv.vcd"

old "$d/events.csv" "$d/run.vcd"
full_disk 1 run "$TRACE" --events "$d/events.csv"
expect_status 1 "run --events on a full disk"
expect_stderr "^bouncelab: $d/events.csv: write failed, nothing written: $TOO_BIG$" "run names the events file"
full_disk 1 run "$TRACE" --vcd "$d/run.vcd"
expect_status 1 "run --vcd on a full disk"
expect_stderr "^bouncelab: $d/run.vcd: write failed, nothing written: $TOO_BIG$" "run names the VCD"
still_old "$d/events.csv" "$d/run.vcd"

old "$d/sweep.csv"
full_disk 1 sweep "$DATA/press.csv" --window 1ms:20ms:1ms -o "$d/sweep.csv"
expect_status 1 "sweep on a full disk"
expect_stderr "^bouncelab: $d/sweep.csv: write failed, nothing written: $TOO_BIG$" "sweep names its file"
still_old "$d/sweep.csv"
no_temp "$d"

# plot: gnuplot draws into the temporary file and says nothing when the disk
# fills; the picture is cut short and must not replace the old one. 8 KB
# holds gnuplot's data for the trace, not a picture (tens of KB).
if command -v gnuplot >/dev/null; then
  p="$SCRATCH/plots"
  mkdir -p "$p" "$SCRATCH/tmp"
  old "$p/bench-latency-vs-window.png"
  TMPDIR="$SCRATCH/tmp" full_disk 8 plot "$SOURCE/tests/plots/data/small.csv" --only bench -o "$p"
  expect_status 1 "plot on a full disk"
  expect_stderr "^bouncelab: $p/bench-latency-vs-window.png: write failed, nothing written: the picture gnuplot drew is cut short \(a full disk\?\)$" \
    "plot names the picture"
  still_old "$p/bench-latency-vs-window.png"
  [ "$(ls "$p")" = bench-latency-vs-window.png ] || fail "plot left pictures: $(ls "$p")"
  [ -z "$(ls -A "$SCRATCH/tmp")" ] || fail "plot left its data: $(ls -A "$SCRATCH/tmp")"
  no_temp "$p"
  # the waveform of one run: the same for its picture; its --data on /dev/full
  w="$p/press-waveform-defer-5ms-poll-at-1ms.png"
  old "$w"
  TMPDIR="$SCRATCH/tmp" full_disk 8 plot --trace "$DATA/press.csv" --at 1ms -o "$p"
  expect_status 1 "plot waveform on a full disk"
  expect_stderr "^bouncelab: $w: write failed, nothing written: the picture gnuplot drew is cut short" \
    "the waveform names its picture"
  still_old "$w"
  run plot --trace "$DATA/press.csv" --at 1ms -o "$p" --data /dev/full
  expect_status 1 "plot waveform --data /dev/full"
  expect_stderr "^bouncelab: /dev/full: write failed: $FULL$" "the waveform's data says what failed"
  [ -z "$(ls -A "$SCRATCH/tmp")" ] || fail "plot left its data: $(ls -A "$SCRATCH/tmp")"
  no_temp "$p"
else
  echo "SKIP the plot cases: no gnuplot (apt-get install gnuplot-nox)"
fi

finish
