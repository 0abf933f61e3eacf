#!/usr/bin/env bash
# The core's list of algorithms as scripts get it: `algorithms --names` (shell,
# CMake) and `algorithms --gnuplot` (scripts/plots), and the same list in the
# checks of a sweep CSV.
. "$(dirname "$0")/lib.sh"

run algorithms --names
expect_status 0 "algorithms --names"
[ "$(cat "$OUT")" = "none
lockout
defer
eager-defer
integrator" ] || fail "--names prints the five names in the registry's order"

# the long listing starts each algorithm's two lines with its name, in the same order
run algorithms
names_long=$(grep -v '^ ' "$OUT" | awk '{ print $1 }')
run algorithms --names
[ "$names_long" = "$(cat "$OUT")" ] || fail "algorithms and algorithms --names disagree"

# colours and point types: the plots' palette by registry position (none grey)
run algorithms --gnuplot
expect_status 0 "algorithms --gnuplot"
[ "$(cat "$OUT")" = "algos='none lockout defer eager-defer integrator'; algo_colors='#7f7f7f #d95f02 #1b9e77 #7570b3 #e7298a'; algo_points='1 7 5 9 11'" ] ||
  fail "--gnuplot gives the algorithms, colours and points as gnuplot assignments"

run algorithms --names --gnuplot
expect_status 2 "--names with --gnuplot"
expect_stderr "^bouncelab: algorithms: --names and --gnuplot exclude each other" "says which options clash"

# a sweep CSV with an algorithm the core does not have: the message lists the core's
header=trace,algo,mode,press_window_us,release_window_us,interval_us,irq_latency_us,presses_true,presses_detected,missed,false_triggers,press_latency_min_us,press_latency_median_us,press_latency_p99_us,press_latency_max_us,release_latency_median_us,cpu_entries,cpu_entries_per_press,runtime
printf '%s\n%s\n' "$header" "t,bogus,poll,1000,1000,100,,1,1,0,0,1,1,1,1,1,10,10," >"$SCRATCH/bogus.csv"
run verdict "$SCRATCH/bogus.csv"
expect_status 2 "verdict on an unknown algorithm"
expect_stderr "bogus.csv:2: unknown algorithm 'bogus' \(expected none, lockout, defer, eager-defer or integrator\)" \
  "the expected names come from the registry"

# the recommended settings the plots get, for one trace of a sweep
printf '%s\n%s\n%s\n' "$header" "t,defer,poll,1000,1000,100,,1,1,0,0,1,2,3,4,5,10,10.00," \
  "u,defer,irq,500,500,,1,1,1,0,0,1,2,3,4,5,10,10.00,c" >"$SCRATCH/two.csv"
run verdict --gnuplot "$SCRATCH/two.csv"
expect_status 0 "verdict --gnuplot"
[ "$(cat "$OUT")" = "best='poll - 100 defer 1000 1000 2 3 10.00'; best_irq=''" ] ||
  fail "verdict --gnuplot gives the first trace's recommended settings"
run verdict --gnuplot --only u "$SCRATCH/two.csv"
[ "$(cat "$OUT")" = "best='irq c 1 defer 500 500 2 3 10.00'; best_irq='c 1 defer 500 2 3 10.00'" ] ||
  fail "verdict --gnuplot --only u gives u's"
run verdict --gnuplot --only v "$SCRATCH/two.csv"
expect_status 2 "--only an unknown trace"
expect_stderr "two.csv has no trace 'v'" "names the missing trace"
run verdict --gnuplot --csv "$SCRATCH/two.csv"
expect_status 2 "--gnuplot with --csv"
run verdict --only u "$SCRATCH/two.csv"
expect_status 2 "--only without --gnuplot"

finish
