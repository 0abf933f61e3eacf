# Plot 4: the trade-off. Every configuration of one trace as a point:
# median press latency against false triggers + missed presses, coloured by
# algorithm, filled for polling and open for interrupts. The Pareto front
# (the configurations no other beats on both counts) is drawn as a
# staircase and each of its points is labelled with its setting.
#
#   gnuplot -e "$(bouncelab algorithms --gnuplot); data='results.csv'" scripts/plots/tradeoff.gp
#
# Reads the CSV of `bouncelab sweep` as it is (columns found by name).
# Variables, all optional except data (-e "name='text'; name=number"):
#   data      the sweep CSV
#   out       output file (default tradeoff.png or .svg); '-' is stdout
#   term      pngcairo (default), png or svg
#   trace     the trace to draw (default: the trace of the first row)
#   trace_key the trace column's value of its rows, when not trace itself
#   marks     if set, a file that gets the front as CSV, fewest errors first:
#             a header, then "ERRORS,MEDIAN_US,ALGO,MODE,RUNTIME,X_US,WINDOW_US",
#             X_US the polling interval or interrupt entry latency, RUNTIME
#             "-" for polling (the tests read it)
# Rows without a latency (nothing detected) cannot be placed and are left out.
# The latency axis is logarithmic when it spans LOG_SPAN; the error axis is
# log(1 + n) when the counts reach LOG_SPAN, so zero stays on it.

if (!exists("data")) exit error "usage: gnuplot -e \"data='results.csv'\" tradeoff.gp"
if (!exists("term")) term = "pngcairo"
if (!exists("out")) out = "tradeoff." . (term eq "svg" ? "svg" : "png")
if (term eq "svg") {
    set terminal svg size 1000,720 font "sans,12" noenhanced background "white"
} else {
    set terminal @term size 1000,720 font "sans,11" noenhanced
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
MODES = "poll irq"
mode_point(m) = m eq "poll" ? 7 : 8   # filled circle, open triangle

set datafile separator comma
set datafile columnheaders
set datafile missing NaN

if (!exists("trace")) {
    stats data using (exists("trace") ? 0 : (trace = strcol("trace"), 0)) nooutput
}
# the trace column's text as gnuplot reads it (bouncelab plot passes it when
# the name holds a comma or a quote, which gnuplot cannot read back)
if (!exists("trace_key")) trace_key = trace
# the rows that can be placed: this trace, with a latency
placed(d) = strcol("trace") eq trace_key && \
            column("press_latency_median_us") == column("press_latency_median_us")
errors(d) = column("false_triggers") + column("missed")
latency(d) = column("press_latency_median_us")

stats data using (placed(0) ? 1 : 0) nooutput
n_placed = STATS_sum

# --- the Pareto front, walked from the fewest errors towards lower latency
# Among rows faster than the last front point, the fewest errors, and among
# those the fastest, is the next front point: nothing is both faster and
# has fewer errors, or it would have been picked instead.
# $FRONT is CSV with a header, like the data, so one plot command reads both
set print $FRONT
print "errors,median_us,algo,mode,runtime,x_us,window_us"
front_n = 0
more = n_placed > 0
bound = 0
pick(d) = !found ? (found = 1, f_algo = strcol("algo"), f_mode = strcol("mode"), \
                    f_rt = strcol("mode") eq "irq" ? strcol("runtime") : "-", \
                    f_x = strcol("mode") eq "irq" ? column("irq_latency_us") : column("interval_us"), \
                    f_win = column("press_window_us"), 0) : 0
faster(d) = placed(d) && (front_n == 0 || latency(d) < bound)
while (more) {
    stats data using (faster(0) ? errors(0) : NaN) nooutput
    f_err = STATS_min
    stats data using (faster(0) && errors(0) == f_err ? latency(0) : NaN) nooutput
    f_lat = STATS_min
    found = 0
    stats data using (placed(0) && errors(0) == f_err && latency(0) == f_lat ? pick(0) : 0) nooutput
    print sprintf("%.15g,%.15g,%s,%s,%s,%.15g,%.15g", f_err, f_lat, f_algo, f_mode, f_rt, f_x, f_win)
    front_n = front_n + 1
    bound = f_lat
    stats data using (placed(0) && latency(0) < bound ? 1 : 0) nooutput
    more = STATS_sum > 0
}
unset print
if (exists("marks")) {
    set print marks
    print $FRONT
    unset print
}

# --- which algorithm and mode pairs have points (a plot of nothing is an error)
PAIRS = ""
do for [a in ALGOS] {
    do for [m in MODES] {
        stats data using (placed(0) && strcol("algo") eq a && strcol("mode") eq m ? 1 : 0) nooutput
        if (STATS_sum > 0) { PAIRS = PAIRS . " " . a . "/" . m }
    }
}
pair_algo(p) = p[1:strstrt(p, "/") - 1]
pair_mode(p) = p[strstrt(p, "/") + 1:]

# --- axes ------------------------------------------------------------------
if (n_placed > 0) {
    stats data using (placed(0) ? errors(0) : NaN) nooutput
    e_max = STATS_max
    stats data using (placed(0) ? latency(0) : NaN) nooutput
    l_min = STATS_min
    l_max = STATS_max
} else {
    e_max = 1.0
    l_min = 1.0
    l_max = 10.0
}
if (e_max < 1) { e_max = 1 }
if (l_max <= l_min) { l_max = l_min > 0 ? l_min * 1.5 : 1; l_min = l_min / 2.0 }  # one value: centre it
if (e_max >= LOG_SPAN) {
    # log(1 + n): zero keeps its place at the left, decades to the right
    set nonlinear x via log10(x + 1) inverse 10 ** x - 1
    set xrange [-0.3 : e_max * 3]
    set xtics ("0" 0)
    do for [d = 0:ceil(log10(e_max))] { set xtics add (sprintf("%g", 10 ** d) 10 ** d) }
} else {
    set xrange [-e_max * 0.05 : e_max * 1.1]
    if (e_max < 10) { set xtics 1 }   # counts: whole numbers
}
if (l_min > 0 && l_max / l_min >= LOG_SPAN) {
    set logscale y
    lo = l_min / 2.0
    hi = l_max * 3
    set yrange [lo : hi]
    if (hi / lo < 1000) { @TICS_125; eval "set ytics (" . tics125 . ")" }
} else {
    set yrange [0 : l_max * 1.15]
}
set format y "%g"
set xlabel "false triggers + missed presses (count over the trace)"
set ylabel "median press latency (us)"
set grid xtics ytics lc rgb "#e0e0e0"
set key outside right top box lc rgb "#c0c0c0" samplen 1.5 spacing 1.15 font ",10"
set title sprintf("Latency against errors, every configuration, trace %s\nlower left is better; the line is the Pareto front", trace) font ",12"

front_label(d) = strcol(4) eq "irq" ? \
    sprintf("%s, irq %s (%g us entry), window %g us", strcol(3), strcol(5), $6, $7) : \
    sprintf("%s, poll every %g us, window %g us", strcol(3), $6, $7)
if (n_placed > 0) {
    plot for [p in PAIRS] data \
             using (placed(0) && strcol("algo") eq pair_algo(p) && strcol("mode") eq pair_mode(p) ? errors(0) : NaN): \
                   (latency(0)) \
             with points lc rgb algo_color(pair_algo(p)) pt mode_point(pair_mode(p)) ps 1.1 \
             title pair_algo(p) . ", " . pair_mode(p), \
         $FRONT using 1:2 with steps lc rgb "#000000" lw 2 title "Pareto front", \
         $FRONT using 1:2 with points lc rgb "#000000" pt 6 ps 2 notitle, \
         $FRONT using 1:2:(front_label(0)) with labels left offset 1.2, 0.6 font ",9" notitle
} else {
    set label 1 sprintf("no configuration of trace %s detected a press", trace) at graph 0.5, 0.5 center
    plot NaN notitle
}
