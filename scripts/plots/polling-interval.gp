# Plot 3: polling interval against press latency (left) and against CPU
# entries per press (right), with interrupts as horizontal reference lines,
# one per runtime (C, MicroPython hard IRQ, MicroPython soft IRQ, custom).
#
# Each polling point is an algorithm's recommended setting at that interval:
# the smallest window with zero false triggers and zero missed presses or
# releases (bouncelab's rule, the verdict's, handed in as best). Each
# reference line is, for one interrupt runtime (and entry latency), the
# algorithm whose recommended setting has the lowest median press latency
# (best_irq); the legend names it.
# Bars reach from the median to the p99 latency. Algorithms and runtimes
# with no error-free row are named under the plot.
#
#   gnuplot -e "$(bouncelab algorithms --gnuplot); data='results.csv'" scripts/plots/polling-interval.gp
#
# Reads the CSV of `bouncelab sweep` as it is (columns found by name).
# Variables, all optional except data (-e "name='text'; name=number"):
#   data      the sweep CSV
#   out       output file (default polling-interval.png or .svg); '-' is stdout
#   term      pngcairo (default), png or svg
#   trace     the trace to draw (default: the trace of the first row)
#   trace_key the trace column's value of its rows, when not trace itself
#   best, best_irq  the recommended settings: bouncelab plot passes them; by
#             hand, $(bouncelab verdict --gnuplot --only TRACE results.csv)
#   marks     if set, a file that gets the chosen settings, one per line:
#             "MODE RUNTIME X_US ALGO WINDOW_US MEDIAN_US P99_US CPU_PER_PRESS",
#             X_US the polling interval or the interrupt entry latency,
#             RUNTIME "-" for polling (the tests read it)
# Axes are logarithmic when the values span more than LOG_SPAN.

if (!exists("data")) exit error "usage: gnuplot -e \"data='results.csv'\" polling-interval.gp"
if (!exists("term")) term = "pngcairo"
if (!exists("out")) out = "polling-interval." . (term eq "svg" ? "svg" : "png")
if (term eq "svg") {
    set terminal svg size 1200,720 font "sans,12" noenhanced background "white"
} else {
    set terminal @term size 1200,720 font "sans,11" noenhanced
}
if (out eq "-") { set output } else { set output out }

LOG_SPAN = 10    # one decade
# Log axes of less than three decades get 1-2-5 tics (decade tics alone leave
# them bare): set lo and hi, then @TICS_125 leaves the tic list in tics125.
TICS_125 = 'tics125 = ""; do for [d = floor(log10(lo)) : ceil(log10(hi))] { do for [m in "1 2 5"] { \
    v = m * 10.0 ** d; if (v >= lo && v <= hi) { \
    tics125 = tics125 . sprintf("%s\"%g\" %.17g", strlen(tics125) > 0 ? ", " : "", v, v) } } }'
# The algorithms, their colours and point types come from bouncelab (its
# core's list): `bouncelab plot` passes algos, algo_colors and algo_points;
# by hand, gnuplot -e "$(bouncelab algorithms --gnuplot); data='...'" ...
if (!exists("algos")) exit error "algos is not set: run gnuplot -e \"$(bouncelab algorithms --gnuplot); data='results.csv'\" SCRIPT"
ALGOS = algos
algo_index(a) = sum [k = 1:words(ALGOS)] (word(ALGOS, k) eq a ? k : 0)
algo_color(a) = word(algo_colors, algo_index(a))
algo_point(a) = word(algo_points, algo_index(a)) + 0
runtime_color(r) = r eq "c" ? "#000000" : r eq "mpy-hard" ? "#1f78b4" : r eq "mpy-soft" ? "#b15928" : "#6a3d9a"
runtime_dash(r) = r eq "c" ? 2 : r eq "mpy-hard" ? 4 : r eq "mpy-soft" ? 5 : 3
runtime_name(r) = r eq "c" ? "C" : r eq "mpy-hard" ? "MicroPython hard" : \
                  r eq "mpy-soft" ? "MicroPython soft" : "custom"

set datafile separator comma
set datafile columnheaders
set datafile missing NaN

if (!exists("trace")) {
    stats data using (exists("trace") ? 0 : (trace = strcol("trace"), 0)) nooutput
}
# the trace column's text as gnuplot reads it (bouncelab plot passes it when
# the name holds a comma or a quote, which gnuplot cannot read back)
if (!exists("trace_key")) trace_key = trace
is_mode(m) = strcol("trace") eq trace_key && strcol("mode") eq m

# --- the distinct values of a column, ascending, as a word list -----------
# gnuplot has no "distinct": take the smallest, then the smallest above it...
# (%.17g keeps every value exact, so it compares equal to the column again)
intervals = ""
stats data using (is_mode("poll") ? 1 : 0) nooutput
more = STATS_sum > 0
while (more) {
    stats data using (is_mode("poll") && (words(intervals) == 0 || column("interval_us") > last) ? \
                      column("interval_us") : NaN) nooutput
    last = STATS_min
    intervals = intervals . sprintf(" %.17g", last)
    stats data using (is_mode("poll") && column("interval_us") > last ? 1 : 0) nooutput
    more = STATS_sum > 0
}

# --- collect the chosen settings in $CHOSEN -------------------------------
# bouncelab computes them (its recommended setting, src/cli/sweep_best.c) and
# hands them in best (nine words per algorithm and interval or runtime:
# "MODE RUNTIME X_US ALGO WINDOW_US UPTO_US MEDIAN_US P99_US CPU_PER_PRESS")
# and best_irq (seven per runtime and entry latency: "RUNTIME X_US ALGO
# WINDOW_US MEDIAN_US P99_US CPU_PER_PRESS", ALGO "-" when none is error-free).
if (!exists("best") || !exists("best_irq")) exit error "best is not set: run gnuplot -e \"$(bouncelab verdict --gnuplot --only TRACE results.csv); ...\""
N_BEST = words(best) / 9
N_LINES = words(best_irq) / 7
# columns: mode runtime x_us algo window_us median_us p99_us cpu_per_press
stats data using (is_mode("irq") ? 1 : 0) nooutput
n_irq = STATS_sum
array REF_RT[N_LINES > 0 ? N_LINES : 1]     # the interrupt reference lines
array REF_MED[N_LINES > 0 ? N_LINES : 1]
array REF_CPU[N_LINES > 0 ? N_LINES : 1]
array REF_NAME[N_LINES > 0 ? N_LINES : 1]
REFS = 0
POLL_ALGOS = ""     # algorithms with at least one error-free polling setting
missing = ""        # algorithms and runtimes with none
set print $CHOSEN
do for [a in ALGOS] {
    stats data using (is_mode("poll") && strcol("algo") eq a ? 1 : 0) nooutput
    if (STATS_sum > 0) {
        any = 0
        if (N_BEST > 0) {
            do for [k = 1:N_BEST] {
                # a recommended window that detected nothing has no latency to draw
                if (word(best, 9 * k - 8) eq "poll" && word(best, 9 * k - 5) eq a && \
                    word(best, 9 * k - 4) ne "none" && word(best, 9 * k - 2) ne "NaN") {
                    any = 1
                    print sprintf("poll - %.15g %s %.15g %.15g %.15g %.15g", word(best, 9 * k - 6) + 0, a, \
                                  word(best, 9 * k - 4) + 0, word(best, 9 * k - 2) + 0, \
                                  word(best, 9 * k - 1) + 0, word(best, 9 * k) + 0)
                }
            }
        }
        if (any) { POLL_ALGOS = POLL_ALGOS . " " . a } else { missing = missing . " " . a . " (poll)," }
    }
}
if (N_LINES > 0) {
    do for [k = 1:N_LINES] {
        r = word(best_irq, 7 * k - 6)
        lat = word(best_irq, 7 * k - 5) + 0
        if (word(best_irq, 7 * k - 4) ne "-") {
            print sprintf("irq %s %.15g %s %.15g %.15g %.15g %.15g", r, lat, word(best_irq, 7 * k - 4), \
                          word(best_irq, 7 * k - 3) + 0, word(best_irq, 7 * k - 2) + 0, \
                          word(best_irq, 7 * k - 1) + 0, word(best_irq, 7 * k) + 0)
            REFS = REFS + 1
            REF_RT[REFS] = r
            REF_MED[REFS] = word(best_irq, 7 * k - 2) + 0
            REF_CPU[REFS] = word(best_irq, 7 * k) + 0
            REF_NAME[REFS] = sprintf("irq, %s (%g us entry)", runtime_name(r), lat)
            REF_NAME[REFS] = REF_NAME[REFS] . sprintf(": %s, %g us window", word(best_irq, 7 * k - 4), \
                                                      word(best_irq, 7 * k - 3) + 0)
        } else {
            missing = missing . sprintf(" irq %s (%g us entry),", runtime_name(r), lat)
        }
    }
}
unset print
N_POLL = words(POLL_ALGOS)
if (exists("marks")) {
    set print marks
    if (N_POLL + REFS > 0) { print $CHOSEN }
    unset print
}

# --- axis ranges -----------------------------------------------------------
set datafile separator whitespace    # $CHOSEN from here on
unset datafile columnheaders
if (N_POLL + REFS > 0) {
    stats $CHOSEN using 6 nooutput
    lat_min = STATS_min
    stats $CHOSEN using 7 nooutput
    lat_max = STATS_max
    stats $CHOSEN using 8 nooutput
    cpu_min = STATS_min
    cpu_max = STATS_max
} else {
    lat_min = 1.0
    lat_max = 10.0
    cpu_min = 1.0
    cpu_max = 10.0
}
iv_min = words(intervals) > 0 ? word(intervals, 1) + 0.0 : 1.0
iv_max = words(intervals) > 0 ? word(intervals, words(intervals)) + 0.0 : 10.0
log_iv = iv_min > 0 && iv_max / iv_min >= LOG_SPAN
if (iv_max <= iv_min) { iv_max = iv_min > 0 ? iv_min * 1.5 : 1; iv_min = iv_min / 2.0 }  # one value: centre it
if (log_iv) {
    set logscale x
    lo = iv_min / 1.5
    hi = iv_max * 1.5
    set xrange [lo : hi]
    if (hi / lo < 1000) { @TICS_125; eval "set xtics (" . tics125 . ")" }
} else {
    pad = (iv_max - iv_min) * 0.05
    set xrange [iv_min - pad : iv_max + pad]
}
set format x "%g"
set format y "%g"
set xlabel "polling interval (us)"
set grid xtics ytics lc rgb "#e0e0e0"
set bars 0.6
DODGE = 0.025
dodge(x, k, n) = log_iv ? x * (1 + DODGE) ** (k - (n + 1) / 2.0) : \
                          x + (iv_max - iv_min) * DODGE / 2 * (k - (n + 1) / 2.0)
poll_x(k) = strcol(1) eq "poll" && strcol(4) eq word(POLL_ALGOS, k) ? dodge($3, k, N_POLL) : NaN

# gnuplot evaluates a `for` clause once even when it iterates over nothing,
# so each plot command (run by eval) holds only the clauses with something.
PLOT_POLL_LATENCY = 'for [k = 1:N_POLL] $CHOSEN using (poll_x(k)):6:6:7 with yerrorlines \
    lc rgb algo_color(word(POLL_ALGOS, k)) pt algo_point(word(POLL_ALGOS, k)) lw 1.5 \
    title word(POLL_ALGOS, k) . ", poll (best window)"'
PLOT_REF_LATENCY = 'for [k = 1:REFS] REF_MED[k] with lines lc rgb runtime_color(REF_RT[k]) \
    dt runtime_dash(REF_RT[k]) lw 2 title REF_NAME[k]'
PLOT_POLL_CPU = 'for [k = 1:N_POLL] $CHOSEN using (poll_x(k)):8 with linespoints \
    lc rgb algo_color(word(POLL_ALGOS, k)) pt algo_point(word(POLL_ALGOS, k)) lw 1.5 \
    title word(POLL_ALGOS, k) . ", poll (best window)"'
PLOT_REF_CPU = 'for [k = 1:REFS] REF_CPU[k] with lines lc rgb runtime_color(REF_RT[k]) \
    dt runtime_dash(REF_RT[k]) lw 2 title REF_NAME[k]'
clauses(poll, refs) = N_POLL > 0 && REFS > 0 ? poll . ", " . refs : \
                      N_POLL > 0 ? poll : REFS > 0 ? refs : "NaN notitle"

# The two panels share one legend, drawn by the left one below both.
set multiplot layout 1,2 margins 0.07,0.97,0.33,0.88 spacing 0.09 \
    title sprintf("Polling against interrupts, trace %s\nEach point or line: the smallest error-free window (a line: of the fastest algorithm)", trace) font ",12"
note = words(intervals) == 0 ? "no polling rows in this sweep.  " : ""
note = note . (n_irq == 0 ? "no interrupt rows in this sweep.  " : "")
if (strlen(missing) > 0) { note = note . "no error-free setting for:" . missing[1:strlen(missing) - 1] }
if (strlen(note) > 0) {
    set label 99 note at screen 0.5, screen 0.025 center font ",10" tc rgb "#a00000"
}
if (N_POLL + REFS > 0) {
    set key at screen 0.5, screen 0.16 center center maxrows 4 box lc rgb "#c0c0c0" \
        samplen 3 spacing 1.2 width 2 font ",10"
} else {
    unset key
}

# left: latency
if (lat_min > 0 && lat_max / lat_min >= LOG_SPAN) {
    set logscale y
    lo = lat_min / 2.0
    hi = lat_max * 3
    set yrange [lo : hi]
    if (hi / lo < 1000) { @TICS_125; eval "set ytics (" . tics125 . ")" }
} else {
    set yrange [0 : lat_max * 1.2]
}
set ylabel "press latency (us): median, bar to p99"
set title "press latency"
eval "plot " . clauses(PLOT_POLL_LATENCY, PLOT_REF_LATENCY)
unset label 99

# right: CPU entries per press
unset logscale y
set ytics autofreq
if (cpu_min > 0 && cpu_max / cpu_min >= LOG_SPAN) {
    set logscale y
    lo = cpu_min / 2.0
    hi = cpu_max * 3
    set yrange [lo : hi]
    if (hi / lo < 1000) { @TICS_125; eval "set ytics (" . tics125 . ")" }
} else {
    set yrange [0 : cpu_max * 1.2]
}
set ylabel "CPU entries per press (polls, or handler + alarm entries)"
unset key
set title "CPU cost"
eval "plot " . clauses(PLOT_POLL_CPU, PLOT_REF_CPU)
unset multiplot
