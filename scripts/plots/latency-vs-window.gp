# Plot 1: press latency against debounce window, one line per algorithm;
# polling on the left, interrupts on the right, on the same latency axis.
# Points are the median press latency; the bar above each reaches the 99th
# percentile (the slow presses a user notices).
#
#   gnuplot -e "$(bouncelab algorithms --gnuplot); data='results.csv'" scripts/plots/latency-vs-window.gp
#
# Reads the CSV of `bouncelab sweep` as it is (columns found by name).
# Variables, all optional except data (-e "name='text'; name=number"):
#   data      the sweep CSV
#   out       output file (default latency-vs-window.png or .svg); '-' is stdout
#   term      pngcairo (default), png or svg
#   trace     the trace to draw (default: the trace of the first row)
#   trace_key the trace column's value of its rows, when not trace itself
#   interval  polling interval of the left panel, us (default: the smallest)
#   runtime   interrupt runtime of the right panel: c, mpy-hard, mpy-soft or
#             custom (default: c when present, else the first irq row's)
#   irq_latency  with several interrupt latencies for that runtime, which one,
#             us (default: the smallest)
#   marks     if set, a file that gets the rows chosen, one line per panel:
#             "poll INTERVAL_US ALGO..." and "irq RUNTIME IRQ_LATENCY_US ALGO...",
#             the algorithms drawn (the tests read it)
# Rows of other traces, intervals and runtimes are left out. Axes turn
# logarithmic when the values span more than LOG_SPAN.

if (!exists("data")) exit error "usage: gnuplot -e \"data='results.csv'\" latency-vs-window.gp"
if (!exists("term")) term = "pngcairo"
if (!exists("out")) out = "latency-vs-window." . (term eq "svg" ? "svg" : "png")
if (term eq "svg") {
    set terminal svg size 1200,560 font "sans,12" noenhanced background "white"
} else {
    set terminal @term size 1200,560 font "sans,11" noenhanced
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

set datafile separator comma
set datafile columnheaders
set datafile missing NaN  # filtered-out rows must not break the lines

# --- which rows: one trace, one polling interval, one interrupt runtime ----
if (!exists("trace")) {
    stats data using (exists("trace") ? 0 : (trace = strcol("trace"), 0)) nooutput
}
# the trace column's text as gnuplot reads it (bouncelab plot passes it when
# the name holds a comma or a quote, which gnuplot cannot read back)
if (!exists("trace_key")) trace_key = trace
of_trace = 'strcol("trace") eq trace_key'
is_poll = '@of_trace && strcol("mode") eq "poll"'
is_irq = '@of_trace && strcol("mode") eq "irq"'

stats data using (@is_poll ? 1 : 0) nooutput
n_poll = STATS_sum
if (n_poll > 0 && !exists("interval")) {
    stats data using (@is_poll ? column("interval_us") : NaN) nooutput
    interval = STATS_min
}
stats data using (@is_irq ? 1 : 0) nooutput
n_irq = STATS_sum
if (n_irq > 0 && !exists("runtime")) {
    stats data using (@is_irq && strcol("runtime") eq "c" ? 1 : 0) nooutput
    if (STATS_sum > 0) {
        runtime = "c"
    } else {
        stats data using (@is_irq ? (exists("runtime") ? 0 : (runtime = strcol("runtime"), 0)) : 0) nooutput
    }
}
if (n_irq > 0 && !exists("irq_latency")) {
    stats data using (@is_irq && strcol("runtime") eq runtime ? column("irq_latency_us") : NaN) nooutput
    irq_latency = STATS_min
}
in_poll(a) = @is_poll && strcol("algo") eq a && column("interval_us") == interval
in_irq(a) = @is_irq && strcol("algo") eq a && strcol("runtime") eq runtime && \
            column("irq_latency_us") == irq_latency
has_latency = 'column("press_latency_median_us") == column("press_latency_median_us")'

# algorithms with at least one latency in each panel (a plot of nothing is an error)
poll_algos = ""
irq_algos = ""
do for [a in ALGOS] {
    stats data using (in_poll(a) && @has_latency ? 1 : 0) nooutput
    if (STATS_sum > 0) { poll_algos = poll_algos . " " . a }
    stats data using (in_irq(a) && @has_latency ? 1 : 0) nooutput
    if (STATS_sum > 0) { irq_algos = irq_algos . " " . a }
}

if (exists("marks")) {
    set print marks
    if (n_poll > 0) { print sprintf("poll %g%s", interval, poll_algos) }
    if (n_irq > 0) { print sprintf("irq %s %g%s", runtime, irq_latency, irq_algos) }
    unset print
}

# --- axis ranges, shared by both panels so they compare at a glance -------
in_either(a) = (words(poll_algos) > 0 && in_poll(a)) || (words(irq_algos) > 0 && in_irq(a))
either = '(in_either(strcol("algo")) && @has_latency)'
have_any = words(poll_algos) + words(irq_algos) > 0
if (have_any) {
    stats data using (@either ? column("press_window_us") : NaN) nooutput
    x_min = STATS_min
    x_max = STATS_max
    stats data using (@either ? column("press_latency_median_us") : NaN) nooutput
    y_min = STATS_min
    stats data using (@either ? column("press_latency_p99_us") : NaN) nooutput
    y_max = STATS_max
} else {
    x_min = 0.0
    x_max = 1.0
    y_min = 0.0
    y_max = 1.0
}
log_x = x_min > 0 && x_max / x_min >= LOG_SPAN
log_y = y_min > 0 && y_max / y_min >= LOG_SPAN
if (x_max <= x_min) { x_max = x_min > 0 ? x_min * 1.5 : 1; x_min = x_min / 2.0 }  # one value: centre it
if (y_max <= y_min) { y_max = y_min > 0 ? y_min * 1.5 : 1; y_min = y_min / 2.0 }
if (log_x) {
    set logscale x
    lo = x_min / 1.5
    hi = x_max * 1.5
    set xrange [lo : hi]
    if (hi / lo < 1000) { @TICS_125; eval "set xtics (" . tics125 . ")" }
} else {
    pad = (x_max - x_min) * 0.05
    set xrange [x_min - pad : x_max + pad]
}
if (log_y) {
    set logscale y
    lo = y_min / 2.0
    hi = y_max * 2
    set yrange [lo : hi]
    if (hi / lo < 1000) { @TICS_125; eval "set ytics (" . tics125 . ")" }
} else {
    set yrange [0 : y_max * 1.1]
}
set format x "%g"
set format y "%g"
set xlabel "press debounce window (us)"
set ylabel "press latency (us): median, bar to p99"
set grid xtics ytics mxtics mytics lc rgb "#e0e0e0"
set key top left opaque box lc rgb "#c0c0c0" samplen 2 spacing 1.1
set bars 0.6
set style data yerrorlines
# Algorithms often share a latency (lockout and eager-defer both report a
# press at once), so each line is nudged sideways by DODGE (a factor on a log
# axis, a fraction of the range on a linear one) to keep every bar visible.
DODGE = 0.025
dodge(x, k, n) = log_x ? x * (1 + DODGE) ** (k - (n + 1) / 2.0) : \
                         x + (x_max - x_min) * DODGE / 2 * (k - (n + 1) / 2.0)

# --- the two panels -------------------------------------------------------
set multiplot layout 1,2 title sprintf("Press latency against debounce window, trace %s", trace) font ",13"

if (words(poll_algos) > 0) {
    set title sprintf("polling every %g us", interval)
    n = words(poll_algos)
    plot for [k = 1:n] data \
        using (in_poll(word(poll_algos, k)) ? dodge(column("press_window_us"), k, n) : NaN): \
              "press_latency_median_us":"press_latency_median_us":"press_latency_p99_us" \
        lc rgb algo_color(word(poll_algos, k)) pt algo_point(word(poll_algos, k)) ps 1 lw 1.5 \
        title word(poll_algos, k) . ", poll"
} else {
    set title "polling: no rows with a latency"
    unset key   # else an empty key box is drawn
    plot NaN notitle
    set key on
}

if (words(irq_algos) > 0) {
    set title sprintf("interrupt, runtime %s (entry latency %g us)", runtime, irq_latency)
    n = words(irq_algos)
    plot for [k = 1:n] data \
        using (in_irq(word(irq_algos, k)) ? dodge(column("press_window_us"), k, n) : NaN): \
              "press_latency_median_us":"press_latency_median_us":"press_latency_p99_us" \
        lc rgb algo_color(word(irq_algos, k)) pt algo_point(word(irq_algos, k)) ps 1 lw 1.5 \
        title word(irq_algos, k) . ", irq " . runtime
} else {
    set title "interrupt: no rows with a latency"
    unset key
    plot NaN notitle
}
unset multiplot
