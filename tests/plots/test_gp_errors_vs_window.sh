#!/usr/bin/env bash
# scripts/plots/errors-vs-window.gp by hand: pictures, and the error-free
# windows it marks ("MODE ALGO FROM_US TO_US").
. "$(dirname "$0")/lib_plots.sh"
plot=errors-vs-window
W=1200 H=820
small=$DATA/small.csv
edge=$DATA/edge.csv

draw_standard $plot $W $H "interval=1000; runtime='mpy-soft'"

# Trace bench, polling every 100 us (the smallest interval), runtime c:
#   none: 30 false at 500 and 1000 -> never error-free.
#   lockout: 500 has 4 false, 1000 is clean, 2000 misses 1, 4000 is clean
#     again -> smallest clean 1000; the run stops at 2000 -> 1000 to 1000.
#   defer: 500 has 2 false, 1000 and 2000 clean, 4000 misses 3 -> 1000 to 2000.
#   integrator: 1 false at 500, 1000, 2000 -> never.
#   irq c: none 25 false at 500 -> never; lockout 500 has 3 false, 1000
#     clean -> 1000 to 1000; defer 500 has 1 false, 1000 clean -> 1000 to
#     1000; eager-defer 250 has 1 false, 1000 clean -> 1000 to 1000.
expect_marks $plot "$small" "" "poll none none none
poll lockout 1000 1000
poll defer 1000 2000
poll integrator none none
irq none none none
irq lockout 1000 1000
irq defer 1000 1000
irq eager-defer 1000 1000"

# Polling every 1000 us: lockout clean at its only window 1000; defer clean
# at 1000 and 2000; integrator 2 false at 1000, clean at 2000. mpy-soft
# (400 us): lockout misses 2 and has 2 false at 1000, clean at 2000; defer
# clean at 1000, misses all 10 at 8000 -> the run is 1000 to 1000.
expect_marks $plot "$small" "interval=1000; runtime='mpy-soft'" "poll lockout 1000 1000
poll defer 1000 2000
poll integrator 2000 2000
irq lockout 2000 2000
irq defer 1000 1000"

# Trace deaf misses every press in both modes.
expect_marks $plot "$edge" "trace='deaf'" "poll defer none none
irq defer none none"

finish
