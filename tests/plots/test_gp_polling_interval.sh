#!/usr/bin/env bash
# scripts/plots/polling-interval.gp by hand: pictures, and the settings it
# draws ("MODE RUNTIME X_US ALGO WINDOW_US MEDIAN_US P99_US CPU_PER_PRESS").
. "$(dirname "$0")/lib_plots.sh"
plot=polling-interval
W=1200 H=720
small=$DATA/small.csv
edge=$DATA/edge.csv

draw_standard $plot $W $H

# Trace bench. For each algorithm and polling interval, the recommended
# setting bouncelab hands the script: the smallest clean window (zero false,
# zero missed):
#   lockout @100: clean at 1000 and 4000, both 60 us -> 1000 (60, p99 110, 1000 polls/press);
#   lockout @1000: 1000 (500, 1000, 100).
#   defer @100: clean 1000 (1050) and 2000 (2050) -> 1000 (1050, 1150, 1000);
#   defer @1000: 1000 (1500) and 2000 (2500) -> 1000 (1500, 2000, 100).
#   integrator @100: never clean -> no point; @1000: 2000 (2600, 3000, 100).
#   none: never clean.
# For each interrupt runtime and entry latency, of the algorithms' smallest
# clean windows the one with the lowest median latency:
#   c 1.5: lockout 1000 and eager-defer 1000 both 2.5 us -> the earlier
#     algorithm, lockout (2.5, 4, 12); defer's 1010 is slower.
#   mpy-hard 25: lockout 30 beats defer 1040 -> lockout (30, 80, 12).
#   mpy-soft 400: lockout 1000 is not clean; lockout 2000 (950) beats
#     defer 1000 (1500) -> lockout 2000 (950, 3000, 12).
#   custom 10: lockout (12, 20, 12); custom 50 misses 1 -> no line.
expect_marks $plot "$small" "" "poll - 100 lockout 1000 60 110 1000
poll - 1000 lockout 1000 500 1000 100
poll - 100 defer 1000 1050 1150 1000
poll - 1000 defer 1000 1500 2000 100
poll - 1000 integrator 2000 2600 3000 100
irq c 1.5 lockout 1000 2.5 4 12
irq mpy-hard 25 lockout 1000 30 80 12
irq mpy-soft 400 lockout 2000 950 3000 12
irq custom 10 lockout 1000 12 20 12"

# Trace other: lockout @100 clean (70, 120, 1000); defer @100 has 1 false;
# the one irq row, defer mpy-hard 25 at 2000, is clean (2040, 2100, 14).
expect_marks $plot "$small" "trace='other'" "poll - 100 lockout 1000 70 120 1000
irq mpy-hard 25 defer 2000 2040 2100 14"

# Trace deaf: nothing clean, nothing drawn.
expect_marks $plot "$edge" "trace='deaf'" ""

finish
