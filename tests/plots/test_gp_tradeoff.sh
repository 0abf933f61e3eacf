#!/usr/bin/env bash
# scripts/plots/tradeoff.gp by hand: pictures, and the Pareto front it draws
# (CSV: errors, median latency, then the setting).
. "$(dirname "$0")/lib_plots.sh"
plot=tradeoff
W=1000 H=720
small=$DATA/small.csv
edge=$DATA/edge.csv
header="errors,median_us,algo,mode,runtime,x_us,window_us"

draw_standard $plot $W $H

# Trace bench, every row with a latency as (false + missed, median us):
#   poll 100: none (30, 50) x2; lockout (4, 60) (0, 60) (1, 60) (0, 60);
#     defer (2, 560) (0, 1050) (0, 2050) (3, 4050); integrator (1, 600)
#     (1, 1100) (1, 2100)
#   poll 1000: lockout (0, 500); defer (0, 1500) (0, 2500); integrator
#     (2, 1600) (0, 2600)
#   irq c: none (25, 2); lockout (3, 2.5) (0, 2.5); eager-defer (1, 2.2)
#     (0, 2.5); defer (1, 510) (0, 1010)
#   irq mpy-hard: (0, 30) (0, 1040); mpy-soft: (4, 900) (0, 950) (0, 1500),
#     defer 8000 has no latency; custom: (0, 12) (1, 55)
# A point is on the front when no other has fewer-or-equal errors and lower
# latency. With 0 errors the fastest is 2.5 (lockout irq c 1000, the first of
# the two); faster than 2.5: (1, 2.2) and (25, 2), and 2.2 has fewer errors;
# faster than 2.2: only (25, 2); nothing is faster than 2.
expect_marks $plot "$small" "" "$header
0,2.5,lockout,irq,c,1.5,1000
1,2.2,eager-defer,irq,c,1.5,250
25,2,none,irq,c,1.5,500"

# Trace other: (0, 70) lockout poll, (1, 1060) defer poll, (0, 2040) defer
# irq: lockout at 70 beats both.
expect_marks $plot "$small" "trace='other'" "$header
0,70,lockout,poll,-,100,1000"

# Trace deaf has no latency to place: an empty front.
expect_marks $plot "$edge" "trace='deaf'" "$header"

finish
