#!/usr/bin/env bash
# `bouncelab sweep` end to end: order, thread independence, sharding, skips,
# one row checked by hand, the default grid, and interruption.
. "$(dirname "$0")/lib.sh"
DATA="$(dirname "$0")/data"
SOURCE="$3"

grid=(--algo lockout,integrator --window 1ms,2ms --mode poll,irq --interval 1ms --irq-latency 2us)

# 2 algos x 2 windows poll (1 interval) + lockout x 2 windows irq (1 latency)
# = 6 rows after the header; the integrator's 2 irq combinations are skipped
run sweep "$DATA/press.csv" "${grid[@]}" -j 1 -o "$SCRATCH/one.csv"
expect_status 0 "sweep -j 1"
expect_stderr "skipped 2 combinations: integrator in irq mode" "one line about the skips"
[ "$(wc -l <"$SCRATCH/one.csv")" -eq 7 ] || fail "expected 7 lines: $(cat "$SCRATCH/one.csv")"
head -n 1 "$SCRATCH/one.csv" | grep -qx 'trace,algo,mode,press_window_us,release_window_us,interval_us,irq_latency_us,presses_true,presses_detected,missed,false_triggers,press_latency_min_us,press_latency_median_us,press_latency_p99_us,press_latency_max_us,release_latency_median_us,cpu_entries,cpu_entries_per_press,runtime' ||
  fail "header: $(head -n 1 "$SCRATCH/one.csv")"
# lockout 1 ms, reads at 0, 1, ..., 20 ms: the read at 1.000 sees the press
# (0 us late) and locks to 2; the read at 10 sees the release. 21 reads.
sed -n 2p "$SCRATCH/one.csv" | grep -qx 'press,lockout,poll,1000,1000,1000,,1,1,0,0,0,0,0,0,0,21,21.00,' ||
  fail "first row: $(sed -n 2p "$SCRATCH/one.csv")"
# irq, lockout 1 ms, entry 2 us: 1000 -> 1002 press (2 us); 1200 rises during
# the lock, 1250 falls, both before the lock ends at 2002, whose alarm (2 us)
# at 2004 finds the pin low = pressed; release 10000 -> 10002 (2 us), alarm
# 11004. 4 entries (2 handler, 2 alarm)... plus the entries for 1200 and 1250:
# 1200 pends, entry 1202 (during the lock: ignored); 1250 pends, entry 1252.
grep -qx 'press,lockout,irq,1000,1000,,2,1,1,0,0,2,2,2,2,2,6,6.00,custom' "$SCRATCH/one.csv" ||
  fail "irq row: $(grep ',irq,1000,' "$SCRATCH/one.csv")"

# the same bytes with two threads
run sweep "$DATA/press.csv" "${grid[@]}" -j 2 -o "$SCRATCH/two.csv"
expect_status 0 "sweep -j 2"
cmp -s "$SCRATCH/one.csv" "$SCRATCH/two.csv" || fail "-j 1 and -j 2 differ"

# shards: the header once, and together the same rows
run sweep "$DATA/press.csv" "${grid[@]}" --shard 1/2 -o "$SCRATCH/s1.csv"
run sweep "$DATA/press.csv" "${grid[@]}" --shard 2/2 -o "$SCRATCH/s2.csv"
[ "$(grep -c '^trace,' "$SCRATCH/s2.csv")" -eq 0 ] || fail "shard 2 has a header"
cat "$SCRATCH/s1.csv" "$SCRATCH/s2.csv" | sort >"$SCRATCH/shards.sorted"
sort "$SCRATCH/one.csv" >"$SCRATCH/one.sorted"
cmp -s "$SCRATCH/shards.sorted" "$SCRATCH/one.sorted" || fail "shards do not add up to the whole"
run sweep "$DATA/press.csv" --shard 3/2
expect_status 2 "shard out of range"

# a range of windows: 1ms:3ms:1ms is 1, 2, 3 ms
run sweep "$DATA/press.csv" --algo defer --mode poll --interval 1ms --window 1ms:3ms:1ms -o "$SCRATCH/range.csv"
expect_status 0 "window range"
[ "$(cut -d, -f4 "$SCRATCH/range.csv" | tail -n +2 | tr '\n' ' ')" = "1000 2000 3000 " ] ||
  fail "range windows: $(cut -d, -f4 "$SCRATCH/range.csv")"

# the default grid over the bundled traces: per trace 4 algos x 18 windows x
# 4 intervals (poll) + 3 algos x 18 windows x 3 runtimes (irq) = 450 rows
n_traces=$(ls "$SOURCE"/traces/*.csv | grep -vc '\.truth\.csv$')
run sweep -o "$SCRATCH/default.csv"
expect_status 0 "default sweep"
[ "$(wc -l <"$SCRATCH/default.csv")" -eq $((n_traces * 450 + 1)) ] ||
  fail "default sweep has $(wc -l <"$SCRATCH/default.csv") lines for $n_traces traces"

# a trace without presses: its rows have no latency and no entries per
# press, and the sweep still plots and gets a verdict
printf '# bouncelab trace v1\n# active: low\n# end_ns: 1000000000\nt_ns,level\n0,1\n' >"$SCRATCH/quiet.csv"
printf 'press_ns,release_ns\n' >"$SCRATCH/quiet.truth.csv"
run sweep "$SCRATCH/quiet.csv" --algo defer --window 1ms,5ms --interval 1ms -o "$SCRATCH/quiet-sweep.csv"
expect_status 0 "sweep a trace without presses"
grep -q '^quiet,defer,poll,1000,1000,1000,,0,0,0,0,,,,,,1001,,$' "$SCRATCH/quiet-sweep.csv" ||
  fail "quiet row: $(sed -n 2p "$SCRATCH/quiet-sweep.csv")"
run plot "$SCRATCH/quiet-sweep.csv" -o "$SCRATCH/quiet-plots"
expect_status 0 "plot a sweep of a trace without presses"
[ "$(ls "$SCRATCH/quiet-plots" | grep -c '\.png$')" -eq 4 ] || fail "quiet plots: $(ls "$SCRATCH/quiet-plots")"
run verdict "$SCRATCH/quiet-sweep.csv"
expect_status 0 "verdict on it"
expect_stdout 'quiet \(0 presses\)' "says there were no presses"

# interrupted: exit 128 + the signal, says how far it got, leaves no file
# behind. `timeout` (not `&` + kill: a script's background jobs ignore
# SIGINT) sends the signal after a second of a sweep that takes minutes.
# --foreground: otherwise timeout follows the signal with a SIGCONT to the
# whole group, which can cancel the SIGSTOP LeakSanitizer's exit-time check
# sends to each thread, and the ASan run then hangs for good.
for sig in INT TERM; do
  timeout --foreground -s "$sig" --preserve-status 1 "$BOUNCELAB" sweep --window 10us:1s:10us -j 2 \
    -o "$SCRATCH/big.csv" >"$OUT" 2>"$ERR"
  status=$?
  want=$([ "$sig" = INT ] && echo 130 || echo 143)
  expect_status "$want" "sweep interrupted by SIG$sig"
  expect_stderr "sweep interrupted \((Interrupt|Terminated)\) after [0-9]+ of [0-9]+ rows; .*big.csv not written" \
    "says how many rows were done"
  [ ! -e "$SCRATCH/big.csv" ] || fail "a partial big.csv was left"
  ls "$SCRATCH" | grep -q 'tmp-' && fail "a temporary file was left: $(ls "$SCRATCH")"
done

# to standard output the rows went out as they came: the message says what
# standard output holds, not that nothing was written
timeout --foreground -s INT --preserve-status 1 "$BOUNCELAB" sweep --window 10us:1s:10us -j 2 \
  >"$OUT" 2>"$ERR"
status=$?
expect_status 130 "sweep to standard output interrupted"
expect_stderr "sweep interrupted \(Interrupt\) after [0-9]+ of [0-9]+ rows; standard output holds only those rows" \
  "says standard output holds the rows done"
grep -q "not written" "$ERR" && fail "claims 'not written' after rows went to standard output"
done_rows=$(sed -nE 's/.* after ([0-9]+) of .*/\1/p' "$ERR")
[ "$(wc -l <"$OUT")" -eq $((done_rows + 1)) ] || fail "standard output: $(wc -l <"$OUT") lines, expected the header and $done_rows rows"

# a signal while the traces are still loading stops the sweep before its
# first row, with the same message and no file. The trace is a FIFO: the
# helper's open for writing returns only once bouncelab has opened it to
# read, which it does after it started watching for signals, so the signal
# cannot come too early; bouncelab is the foreground job (a script's
# background jobs ignore SIGINT) and tells the helper its pid through a file.
for sig in INT TERM; do
  fifo="$SCRATCH/early-$sig.csv"
  mkfifo "$fifo"
  (
    exec 3>"$fifo"
    kill -s "$sig" "$(cat "$SCRATCH/early.pid")"
    cat "$DATA/press.csv" >&3
  ) &
  helper=$!
  sh -c 'echo $$ >"$1"; shift; exec "$@"' sh "$SCRATCH/early.pid" "$BOUNCELAB" sweep "$fifo" \
    --algo defer --mode poll -o "$SCRATCH/early.csv" >"$OUT" 2>"$ERR"
  status=$?
  wait "$helper"
  want=$([ "$sig" = INT ] && echo 130 || echo 143)
  expect_status "$want" "sweep interrupted by SIG$sig while loading"
  expect_stderr "sweep interrupted \((Interrupt|Terminated)\) after 0 of [0-9]+ rows; .*early.csv not written" \
    "stopped before the first row"
  [ ! -e "$SCRATCH/early.csv" ] || fail "early.csv was written"
  ls "$SCRATCH" | grep -q 'tmp-' && fail "a temporary file was left: $(ls "$SCRATCH")"
  rm -f "$fifo"
done

# a full disk: a clear message naming the file, exit 1 (/dev/full is written
# in place: a device is never renamed over)
run sweep "$DATA/press.csv" --algo defer --mode poll -o /dev/full
expect_status 1 "writing to a full disk"
expect_stderr "/dev/full: write failed: No space left on device" "says what failed"
[ -c /dev/full ] || fail "/dev/full is no longer a device"

finish
