#!/usr/bin/env bash
# Read schedules on the command line (issue 16): --reads, --stall-every and
# --stall-for in run, sweep and plot, and their refusals (exit 2, a message).
# data/press.csv: pull-up, press at 1.000 ms with a bounce 1.200..1.250 ms,
# release at 10.000 ms, 20 ms long; truth (1 ms, 10 ms).
. "$(dirname "$0")/lib.sh"
DATA="$(dirname "$0")/data"

# Three reads at 2 ms: the integrator (3 samples) counts all three and
# reports the press there; two reads at 11 ms and one at 12 ms report the
# release at 12 ms. 7 reads.
printf '# a keyboard-style scan\n0\n2000000\n2000000\n2000000\n11000000\n11000000\n12000000\n' \
  >"$SCRATCH/reads.txt"
run run "$DATA/press.csv" --algo integrator --window 3ms --interval 1ms \
  --reads "$SCRATCH/reads.txt" --events "$SCRATCH/events.csv"
expect_status 0 "run --reads"
printf 't_ns,event,truth_index,latency_us\n2000000,press,0,1000\n12000000,release,0,2000\n' >"$SCRATCH/want.csv"
cmp -s "$SCRATCH/events.csv" "$SCRATCH/want.csv" || fail "events CSV differs: $(cat "$SCRATCH/events.csv")"
expect_stdout '7 polls' "seven reads"

# the same schedule in a sweep and a waveform plot
run sweep "$DATA/press.csv" --algo integrator --window 3ms --interval 1ms --mode poll \
  --reads "$SCRATCH/reads.txt" -o "$SCRATCH/sweep.csv"
expect_status 0 "sweep --reads"
grep -q ',integrator,' "$SCRATCH/sweep.csv" || fail "sweep row: $(cat "$SCRATCH/sweep.csv")"
run plot --trace "$DATA/press.csv" --at 1ms --algo integrator --window 3ms --interval 1ms \
  --reads "$SCRATCH/reads.txt" --format svg -o "$SCRATCH/plots" --data "$SCRATCH/wave.csv"
[ "$status" -eq 0 ] || grep -q 'gnuplot is not installed' "$ERR" || fail "plot --reads: status $status"

# refusals
printf '0\n2000000\n1999999\n' >"$SCRATCH/backwards.txt"
run run "$DATA/press.csv" --reads "$SCRATCH/backwards.txt"
expect_status 2 "backwards read times"
expect_stderr 'backwards.txt:3: 1999999 ns is before the previous read \(2000000 ns\)' "names the line"
printf '# nothing\n\n' >"$SCRATCH/empty.txt"
run run "$DATA/press.csv" --reads "$SCRATCH/empty.txt"
expect_status 2 "empty reads file"
expect_stderr 'empty.txt: no read times' "says it is empty"
printf '0\n1ms\n' >"$SCRATCH/unit.txt"
run run "$DATA/press.csv" --reads "$SCRATCH/unit.txt"
expect_status 2 "a time with a unit"
expect_stderr "unit.txt:2: '1ms' is not a read time" "names the line"
run run "$DATA/press.csv" --reads "$SCRATCH/reads.txt" --jitter 10us
expect_status 2 "--reads with --jitter"
expect_stderr 'cannot take --phase, --jitter' "says why"
run run "$DATA/press.csv" --stall-every 300ms --stall-for 30ms
expect_status 2 "a stall longer than the 20 ms trace"
expect_stderr 'longer than the trace' "says why"
run sweep "$DATA/press.csv" --stall-every 300ms --stall-for 30ms -o "$SCRATCH/s.csv"
expect_status 2 "sweep: a stall longer than the trace"
expect_stderr 'longer than the trace' "says why (sweep)"
[ ! -e "$SCRATCH/s.csv" ] || fail "sweep left an output file behind"
run run "$DATA/press.csv" --stall-every 5ms
expect_status 2 "--stall-every alone"
expect_stderr '--stall-every and --stall-for go together' "says why"
run run "$DATA/press.csv" --stall-every 5ms --stall-for 5ms
expect_status 2 "a stall as long as its period"
expect_stderr 'less than --stall-every' "says why"

# a 2 ms stall every 10 ms: the run works and says nothing odd
run run "$DATA/press.csv" --algo defer --window 2ms --stall-every 10ms --stall-for 2ms
expect_status 0 "run with stalls"

finish
