# Plot: failure rates of `bouncelab stress` against debounce window, per
# million press cycles, log scales: false triggers on the left, missed
# presses or releases on the right, one colour per algorithm. The line is
# the rate seen; the shaded band runs from it up to its exact one-sided 95 %
# upper bound (Clopper-Pearson; with no failure seen the rate is drawn at the
# floor and the band is 0 .. about 3/n). The dashed line is the target.
#
#   gnuplot -e "data='stress.csv'" scripts/plots/rates-vs-window.gp
#
# Reads the CSV of `bouncelab stress` as it is (columns found by name).
# Variables, all optional except data (-e "name='text'"):
#   data      the stress CSV
#   out       output file (default rates-vs-window.png or .svg); '-' is stdout
#   term      pngcairo (default), png or svg
#   trace     the input to draw (default: the trace of the first row)
#   target    the target line, failures per million (default 1)
# Rows drawn: the trace's first row's mode and interval (poll) or runtime and
# latency (irq); `bouncelab stress` writes a grid in that order.

if (!exists("data")) exit error "usage: gnuplot -e \"data='stress.csv'\" rates-vs-window.gp"
if (!exists("term")) term = "pngcairo"
if (!exists("out")) out = "rates-vs-window." . (term eq "svg" ? "svg" : "png")
if (!exists("target")) target = "1"
if (term eq "svg") {
    set terminal svg size 1200,560 font "sans,12" noenhanced background "white"
} else {
    set terminal @term size 1200,560 font "sans,11" noenhanced
}
if (out eq "-") { set output } else { set output out }

ALGOS = "none lockout defer eager-defer integrator"
algo_color(a) = a eq "none" ? "#7f7f7f" : a eq "lockout" ? "#d95f02" : a eq "defer" ? "#1b9e77" : \
                a eq "eager-defer" ? "#7570b3" : "#e7298a"

set datafile separator comma
set datafile columnheaders
set datafile missing NaN

# the trace, and the setting of its first row
if (!exists("trace")) {
    stats data using (exists("trace") ? 0 : (trace = strcol("trace"), 0)) nooutput
}
first = 1
stats data using (strcol("trace") eq trace && first ? \
    (mode = strcol("mode"), interval = strcol("interval_us"), runtime = strcol("runtime"), \
     latency = strcol("irq_latency_us"), first = 0, 0) : 0) nooutput
if (first) exit error "rates-vs-window.gp: no rows of trace " . trace
setting = mode eq "poll" ? sprintf("poll every %s us", interval) : \
          sprintf("irq, %s runtime, %s us", runtime, latency)
of_setting(a) = strcol("trace") eq trace && strcol("algo") eq a && strcol("mode") eq mode && \
    strcol("interval_us") eq interval && strcol("runtime") eq runtime && \
    strcol("irq_latency_us") eq latency

# the algorithms present (an empty plot would be a warning)
present = ""
do for [a in ALGOS] {
    n = 0
    stats data using (of_setting(a) ? (n = n + 1, 0) : 0) nooutput
    if (n > 0) { present = present . " " . a }
}
# the floor of the log axis: a tenth of the least bound or the target
stats data using (strcol("trace") eq trace ? column("failed_per_million_hi95") : NaN) nooutput
floor = (STATS_min < target + 0.0 ? STATS_min : target + 0.0) / 10.0
# and its top: 2.5 decades over the highest bound, room for the key (a rate
# is at most 10^6 per million, so never far above that)
top = STATS_max * 300.0 < 3e7 ? STATS_max * 300.0 : 3e7
presses = 0
stats data using (strcol("trace") eq trace ? column("presses_simulated") : NaN) nooutput
presses = STATS_max
rate(c) = column(c) > floor ? column(c) : floor

set logscale xy
set grid xtics ytics mxtics mytics lc "#dddddd"
set xlabel "debounce window (us)"
set ylabel "press cycles per million"
set key top right box opaque
set style fill transparent solid 0.18 noborder
set multiplot layout 1,2 title sprintf("%s: %s, %.0f presses per setting (band: up to the 95 %% upper bound)", \
    trace, setting, presses)
do for [k = 1 : 2] {
    what = k == 1 ? "false" : "missed"
    set title (k == 1 ? "false triggers" : "missed presses or releases")
    set yrange [floor : top]
    plot for [a in present] data using (of_setting(a) ? column("press_window_us") : NaN) : \
             (rate(what . "_per_million")) : (column(what . "_per_million_hi95")) \
             with filledcurves lc rgb algo_color(a) notitle, \
         for [a in present] data using (of_setting(a) ? column("press_window_us") : NaN) : \
             (rate(what . "_per_million")) with linespoints lw 2 pt 7 ps 0.8 \
             lc rgb algo_color(a) title a, \
         (target + 0.0) with lines dt 2 lw 2 lc "black" title sprintf("target %s per million", target)
}
unset multiplot
