#!/usr/bin/env bash
# `bouncelab verdict` on data/verdict.csv, a hand-made sweep whose answers
# are worked out below, row by row (presses_true 10 for trace a, 5 for b, 3
# for c; "bad" = a false trigger or a missed event).
#
# trace a, defer, poll: at 100 us, 1 ms is bad, 2 ms (2150 us) and 5 ms are
#   fine; at 1 ms, 1 ms misses, 2 ms (2600 us) is fine: 2 ms at both, and
#   100 us has the lower latency -> 2ms@100us 2.15ms.
# a, lockout, poll: at 100 us only 5 ms is fine (80 us); at 1 ms, 5 ms comes
#   before 2 ms in the file but 2 ms (600 us) is the smaller; 80 < 600 ->
#   5ms@100us 80us (the smallest window at the best interval, not overall).
# a, lockout, irq: mpy-soft (its first irq row: first irq column) 1 ms is
#   fine (120.25 us -> 120us); c: 1 ms is bad, 2 ms fine (1.5 us).
# a, eager-defer, poll: 1 ms at 100 us and 2 ms at 1 ms, both 500 us: a tie,
#   the longer interval wins -> 2ms@1ms 500us.
# a, integrator: 1 ms misses, 5 ms false -> never; none: false -> never.
# a, defer, irq at a custom 30 us latency: 500 us is fine, 812.4 us -> 812us.
# trace b: irq mpy-hard only; lockout 3 ms fine (25.4 us -> 25us); defer
#   misses -> never. Columns differ per trace.
# trace c: the latency units: 999.6 us -> 1.00ms, 31234 -> 31.2ms,
#   187000 -> 187ms, 1234567 -> 1.23s.
# Algorithms come in the order of `bouncelab algorithms`, whatever the file's.
# usage: test_cli_verdict.sh BOUNCELAB SCRATCH_DIR DATA_DIR
. "$(dirname "$0")/../cli/lib.sh"
DATA=${3:?usage: test_cli_verdict.sh BOUNCELAB SCRATCH_DIR DATA_DIR}

run verdict "$DATA/verdict.csv"
expect_status 0 "verdict"
cat >"$SCRATCH/want.txt" <<'EOF'
Smallest debounce window with no false and no missed press or release, and its
median press latency (poll: WINDOW@INTERVAL, at the interval where that latency
is lowest; 'never': no window swept was error-free; '-': not swept).

a (10 presses)
  algorithm    poll              irq mpy-soft  irq c      irq 30us
  none         never             -             -          -
  lockout      5ms@100us 80us    1ms 120us     2ms 1.5us  -
  defer        2ms@100us 2.15ms  -             -          500us 812us
  eager-defer  2ms@1ms 500us     -             -          -
  integrator   never             -             -          -

b (5 presses)
  algorithm  irq mpy-hard
  lockout    3ms 25us
  defer      never

c (3 presses)
  algorithm    irq c
  none         250us 1.00ms
  lockout      10ms 31.2ms
  defer        100ms 187ms
  eager-defer  500ms 1.23s
EOF
diff -u "$SCRATCH/want.txt" "$OUT" >"$SCRATCH/diff" || fail "table differs: $(cat "$SCRATCH/diff")"

# output formats only gain: a column a later sweep adds, at the end or in the
# middle, is ignored (no cell of verdict.csv is quoted, so awk may split on ,)
awk -F, -v OFS=, '{ $(NF + 1) = (NR == 1 ? "energy_uj" : NR * 1.5) } 1' "$DATA/verdict.csv" \
  >"$SCRATCH/wider-end.csv"
awk -F, -v OFS=, '{ $3 = (NR == 1 ? "bounce_class,mode" : "worn," $3) } 1' "$DATA/verdict.csv" \
  >"$SCRATCH/wider-middle.csv"
for wider in wider-end wider-middle; do
  run verdict "$SCRATCH/$wider.csv"
  expect_status 0 "verdict on $wider.csv"
  diff -u "$SCRATCH/want.txt" "$OUT" >"$SCRATCH/diff" || fail "$wider: $(cat "$SCRATCH/diff")"
done
# a known column missing is bad input that names it
awk -F, -v OFS=, '{ $10 = ""; sub(/,,/, ","); print }' "$DATA/verdict.csv" \
  >"$SCRATCH/no-missed.csv"
head -1 "$SCRATCH/no-missed.csv" | grep -q ',missed,' && fail "the test's awk kept missed"
run verdict "$SCRATCH/no-missed.csv"
expect_status 2 "a known column missing"
expect_stderr "^bouncelab: $SCRATCH/no-missed.csv:1: missing column 'missed' " "names the column"

run verdict --csv "$DATA/verdict.csv"
expect_status 0 "verdict --csv"
cat >"$SCRATCH/want.csv" <<'EOF'
trace,algo,mode,runtime,irq_latency_us,interval_us,press_window_us,press_latency_median_us
a,none,poll,,,,,
a,lockout,poll,,,100,5000,80
a,lockout,irq,mpy-soft,50,,1000,120.25
a,lockout,irq,c,1,,2000,1.5
a,defer,poll,,,100,2000,2150
a,defer,irq,custom,30,,500,812.4
a,eager-defer,poll,,,1000,2000,500
a,integrator,poll,,,,,
b,lockout,irq,mpy-hard,20,,3000,25.4
b,defer,irq,mpy-hard,20,,,
c,none,irq,c,1,,250,999.6
c,lockout,irq,c,1,,10000,31234
c,defer,irq,c,1,,100000,187000
c,eager-defer,irq,c,1,,500000,1234567
EOF
diff -u "$SCRATCH/want.csv" "$OUT" >"$SCRATCH/diff" || fail "CSV differs: $(cat "$SCRATCH/diff")"

# concatenated shards (a header line again) read as one sweep
{ cat "$DATA/verdict.csv"; cat "$DATA/verdict.csv"; } >"$SCRATCH/twice.csv"
run verdict --csv "$SCRATCH/twice.csv"
expect_status 0 "verdict on concatenated shards"
diff -u "$SCRATCH/want.csv" "$OUT" >"$SCRATCH/diff" || fail "shards: $(cat "$SCRATCH/diff")"

# bad input: the reader's messages, exit 2
sed '2s/,0,3,/,x,3,/' "$DATA/verdict.csv" >"$SCRATCH/bad.csv"
run verdict "$SCRATCH/bad.csv"
expect_status 2 "a bad cell"
expect_stderr "bad.csv:2: column 'missed': expected a non-negative whole number, got 'x'" "file and line"
[ -s "$OUT" ] && fail "a bad file printed a verdict"
run verdict "$SCRATCH/nowhere.csv"
expect_status 2 "no such file"
expect_stderr "nowhere.csv: cannot read" "the file is named"
run verdict
expect_status 2 "no file"
run verdict --help
expect_status 0 "--help"
expect_stdout "WINDOW@INTERVAL" "--help says what a cell means"
run --help
expect_stdout '^  verdict ' "bouncelab --help lists verdict"
finish
