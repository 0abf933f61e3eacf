#!/usr/bin/env bash
# `bouncelab run` end to end on data/press.csv: pull-up, press at 1.000 ms with
# a bounce 1.200..1.250 ms, release at 10.000 ms, 20 ms long; truth (1 ms, 10 ms).
. "$(dirname "$0")/lib.sh"
DATA="$(dirname "$0")/data"

# defer 2 ms, reads every 1 ms from 0.5 ms: 1.5 sees pressed, 3.5 reports
# (2500 us late); 10.5 sees released, 12.5 reports. 20 reads.
run run "$DATA/press.csv" --algo defer --window 2ms --interval 1ms --phase 500us \
  --events "$SCRATCH/events.csv"
expect_status 0 "run poll"
expect_stdout 'true +1 +1' "one true press and release"
expect_stdout 'median +2500 +2500' "median latencies"
expect_stdout '20 polls, 20.0 per press' "cpu entries"
printf 't_ns,event,truth_index,latency_us\n3500000,press,0,2500\n12500000,release,0,2500\n' >"$SCRATCH/want.csv"
cmp -s "$SCRATCH/events.csv" "$SCRATCH/want.csv" || fail "events CSV differs: $(cat "$SCRATCH/events.csv")"

# irq on both edges, fixed timing (entry 2 us, handler 3 us, alarm 1 us):
# 1000 -> entry 1002 reads low, waits; 1200 -> entry 1202 reads high, cancels;
# 1250 -> entry 1252 reads low, waits until tick 6252, alarm enters 6253 and
# reports; the release enters 10002, its alarm 15003 reports. 4 + 2 entries.
run run "$DATA/press.csv" --mode irq --trigger both --algo defer --window 5ms \
  --irq-latency 2us --irq-jitter 0s --handler-time 3us --alarm-latency 1us \
  --events "$SCRATCH/irq.csv" --vcd "$SCRATCH/irq.vcd"
expect_status 0 "run irq"
expect_stdout '4 handler \+ 2 alarm entries' "entries"
printf 't_ns,event,truth_index,latency_us\n6253000,press,0,5253\n15003000,release,0,5003\n' >"$SCRATCH/want.csv"
cmp -s "$SCRATCH/irq.csv" "$SCRATCH/want.csv" || fail "irq events CSV differs: $(cat "$SCRATCH/irq.csv")"
# the VCD's debounced wire reads back with edges where the core reported
run convert "$SCRATCH/irq.vcd" "$SCRATCH/debounced.csv" --channel debounced --active high
expect_status 0 "the run's VCD reads back"
grep -qx '6253000,1' "$SCRATCH/debounced.csv" && grep -qx '15003000,0' "$SCRATCH/debounced.csv" ||
  fail "debounced wire: $(cat "$SCRATCH/debounced.csv")"
run convert "$SCRATCH/irq.vcd" "$SCRATCH/handler.csv" --channel handler --active high
grep -qx '1252000,1' "$SCRATCH/handler.csv" && grep -qx '1255000,0' "$SCRATCH/handler.csv" ||
  fail "handler wire: $(cat "$SCRATCH/handler.csv")"

# poll from phase 0: the first read is at the trace start, where the VCD
# gives initial levels, so the reads wire starts high (toggled by that read)
# and toggles at each later read: 1 ms, 2 ms, ... (20 ms: 21 reads)
run run "$DATA/press.csv" --algo defer --window 2ms --interval 1ms --vcd "$SCRATCH/poll.vcd"
expect_status 0 "run poll --vcd with a read at the start"
run convert "$SCRATCH/poll.vcd" "$SCRATCH/reads.csv" --channel reads --active high
expect_status 0 "the poll VCD reads back"
sed -n '/^t_ns,level$/,$p' "$SCRATCH/reads.csv" | sed -n '2,4p' | tr '\n' ' ' | grep -qx '0,1 1000000,0 2000000,1 ' ||
  fail "reads wire: $(head -n 12 "$SCRATCH/reads.csv")"

# the run's VCD names its wires by meaning and reads back as the trace itself:
# pin first (the default channel), with its truth (1 ms..10 ms) and active low
expect_file_has() { grep -q "$2" "$1" || fail "$3: no '$2' in $1"; }
for w in pin pressed debounced truth reads press_events release_events false missed \
  bouncelab_active_low; do
  expect_file_has "$SCRATCH/poll.vcd" "^\$var wire 1 . $w \$end$" "wire $w"
done
run convert "$SCRATCH/poll.vcd" "$SCRATCH/pin.csv"
expect_status 0 "the run's VCD reads back as the trace"
sed -n '/^t_ns,level$/,$p' "$SCRATCH/pin.csv" | tr '\n' ' ' |
  grep -qx 't_ns,level 0,1 1000000,0 1200000,1 1250000,0 10000000,1 ' ||
  fail "pin wire: $(cat "$SCRATCH/pin.csv")"
grep -q '^# active: low$' "$SCRATCH/pin.csv" || fail "active level lost: $(head -3 "$SCRATCH/pin.csv")"
tr '\n' ' ' <"$SCRATCH/pin.truth.csv" | grep -qx 'press_ns,release_ns 1000000,10000000 ' ||
  fail "truth wire: $(cat "$SCRATCH/pin.truth.csv")"
# 20 ms in steps of whole ms and 50 us (1.25 ms): the coarsest exact timescale is 10 us
expect_file_has "$SCRATCH/poll.vcd" '^\$timescale 10 us \$end$' "timescale"

# a window longer than the press (9 ms): the press and the release are both
# missed, so the missed wire toggles at the true press (1 ms) and release (10 ms)
run run "$DATA/press.csv" --algo defer --window 15ms --interval 1ms --vcd "$SCRATCH/missed.vcd"
expect_stdout 'missed +1 +1' "one missed press and release"
run convert "$SCRATCH/missed.vcd" "$SCRATCH/missed.csv" --channel missed --active high
sed -n '/^t_ns,level$/,$p' "$SCRATCH/missed.csv" | tr '\n' ' ' |
  grep -qx 't_ns,level 0,0 1000000,1 10000000,0 ' || fail "missed wire: $(cat "$SCRATCH/missed.csv")"
run run "$DATA/press.csv" --preset tutorial-poll-raw --print-time 0s --vcd "$SCRATCH/false.vcd" \
  --vcd-timescale 1ms
expect_status 0 "--vcd-timescale 1ms"
expect_file_has "$SCRATCH/false.vcd" '^\$timescale 1 ms \$end$' "timescale given"
# without its print the preset counts at 1, 2, ... 9 ms (below): the 8 false
# counts toggle the false wire 8 times
run convert "$SCRATCH/false.vcd" "$SCRATCH/false.csv" --channel false --active high
[ "$(sed -n '/^t_ns,level$/,$p' "$SCRATCH/false.csv" | tail -n +3 | wc -l)" = 8 ] ||
  fail "false wire: $(cat "$SCRATCH/false.csv")"
run run "$DATA/press.csv" --vcd "$SCRATCH/x.vcd" --vcd-timescale 20us
expect_status 2 "--vcd-timescale not a power of ten"
expect_stderr "--vcd-timescale: '20us' is not a power of ten" "says why"

# a preset: the tutorial's first loop counts every pass that reads low and
# prints each count (20 characters at 115200 baud: 1.736111 ms), so while low
# it reads every 2.736111 ms: 1, 3.736, 6.472, 9.208 ms count, 11.944 reads
# released: 4 counts. Without the print, passes at 1,2,...,9 ms: 9 counts.
run run "$DATA/press.csv" --preset tutorial-poll-raw
expect_status 0 "preset"
expect_stdout 'detected +4 +0' "four counts for one press"
expect_stdout 'false +3 +-' "three of them false, releases not scored"
expect_stdout '1736111ns print per count' "the print is in the config line"
run run "$DATA/press.csv" --preset tutorial-poll-raw --print-time 0s
expect_stdout 'detected +9 +0' "nine counts without the print"
run run "$DATA/press.csv" --reads "$DATA/../data/press.csv" --preset tutorial-poll-raw
expect_status 2 "--reads with a printing preset"
expect_stderr 'add --print-time 0s' "says how"

# bad input and bad options: exit 2 and a message that says what to do
run run "$DATA/press.csv" --window 5
expect_status 2 "bare number"
expect_stderr "--window: '5' has no unit" "names the option and the problem"
run run "$DATA/press.csv" --algo bogus
expect_status 2 "unknown algorithm"
expect_stderr "unknown algorithm 'bogus'.*eager-defer" "lists the algorithms"
run run "$DATA/press.csv" --algo integrator --mode irq
expect_status 2 "integrator in irq mode"
expect_stderr "needs --mode poll" "says what to change"
run run "$SCRATCH/missing.csv"
expect_status 2 "missing file"
expect_stderr "missing.csv" "names the file"
run run
expect_status 2 "no trace"
run run "$DATA/press.csv" --mode poll --jitter 2ms
expect_status 2 "jitter above the interval"
expect_stderr "less than the interval" "explains the limit"
run run "$DATA/press.csv" --events /nonexistent-dir/e.csv
expect_status 1 "unwritable output"
expect_stderr "/nonexistent-dir/e.csv" "names the output"

finish
