#!/usr/bin/env bash
# scripts/plots/latency-vs-window.gp by hand: pictures, and the rows it picks.
. "$(dirname "$0")/lib_plots.sh"
plot=latency-vs-window
W=1200 H=560
small=$DATA/small.csv
edge=$DATA/edge.csv

draw_standard $plot $W $H "interval=1000; runtime='mpy-soft'"

# Default slice of trace bench (the first row's): the smallest polling
# interval, 100 us (bench has 100 and 1000); runtime c, present, at its
# smallest entry latency, 1.5 us. Algorithms listed are those with a median
# latency in that slice, in the scripts' order (none lockout defer
# eager-defer integrator): poll 100 has none, lockout, defer, integrator
# rows; the c rows are none, lockout, eager-defer and defer.
expect_marks $plot "$small" "" "poll 100 none lockout defer integrator
irq c 1.5 none lockout defer eager-defer"

# Chosen slice: poll 1000 has lockout, defer, integrator; mpy-soft (400 us)
# has lockout and defer (defer's 8000 us row has no latency, its 1000 us row has).
expect_marks $plot "$small" "interval=1000; runtime='mpy-soft'" "poll 1000 lockout defer integrator
irq mpy-soft 400 lockout defer"

# custom runtime: its smallest entry latency is 10 us; at 50 us only lockout too.
expect_marks $plot "$small" "runtime='custom'" "poll 100 none lockout defer integrator
irq custom 10 lockout"
expect_marks $plot "$small" "runtime='custom'; irq_latency=50" "poll 100 none lockout defer integrator
irq custom 50 lockout"

# trace other has no runtime c: the first irq row's runtime, mpy-hard, 25 us.
expect_marks $plot "$small" "trace='other'" "poll 100 lockout defer
irq mpy-hard 25 defer"

# trace deaf detected nothing: both panels are empty (and say so).
expect_marks $plot "$edge" "trace='deaf'" "poll 100
irq c 1.5"

finish
