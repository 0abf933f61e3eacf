# Plot 2: false triggers and missed presses against debounce window, one line
# per algorithm; polling on the left, interrupts on the right. The answer a
# user wants is the smallest window with no false trigger and no missed
# press: each algorithm's is marked with a large open symbol on the zero line
# and named in the legend with the run of error-free windows that starts
# there ("zero from 2000 to 5000 us", or "never zero").
#
#   gnuplot -e "$(bouncelab algorithms --gnuplot); data='results.csv'" scripts/plots/errors-vs-window.gp
#
# Reads the CSV of `bouncelab sweep` as it is (columns found by name).
# Variables, all optional except data (-e "name='text'; name=number"):
#   data      the sweep CSV
#   out       output file (default errors-vs-window.png or .svg); '-' is stdout
#   term      pngcairo (default), png or svg
#   trace     the trace to draw (default: the trace of the first row)
#   trace_key the trace column's value of its rows, when not trace itself
#   interval  polling interval of the left panels, us (default: the smallest)
#   runtime   interrupt runtime of the right panels: c, mpy-hard, mpy-soft or
#             custom (default: c when present, else the first irq row's)
#   irq_latency  with several interrupt latencies for that runtime, which one,
#             us (default: the smallest)
#   best      the recommended settings: bouncelab plot passes them; by hand,
#             $(bouncelab verdict --gnuplot --only TRACE results.csv)
#   marks     if set, a file that gets one line per algorithm and mode:
#             "MODE ALGO FROM_US TO_US": the smallest window with zero false
#             and zero missed, and the last window of the error-free run that
#             starts there; "none none" when there is none (the tests read it)
# Count axes are log(1 + n) when the counts exceed LOG_SPAN, so zero stays
# on the axis; the window axis is logarithmic when it spans LOG_SPAN.

if (!exists("data")) exit error "usage: gnuplot -e \"data='results.csv'\" errors-vs-window.gp"
if (!exists("term")) term = "pngcairo"
if (!exists("out")) out = "errors-vs-window." . (term eq "svg" ? "svg" : "png")
if (term eq "svg") {
    set terminal svg size 1200,820 font "sans,12" noenhanced background "white"
} else {
    set terminal @term size 1200,820 font "sans,11" noenhanced
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
# the open version of each filled point type, for the zero marks
algo_open(a) = algo_point(a) == 1 ? 6 : algo_point(a) - 1

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
in_mode(m, a) = m eq "poll" ? in_poll(a) : in_irq(a)

# --- per mode: the algorithms present, and where each one is error-free ---
# ZERO_<mode> and UPTO_<mode> hold one word per algorithm of ALGOS_<mode>:
# the smallest window with zero false and zero missed (the answer), and the
# largest window of the run of error-free windows that starts there (longer
# windows start to miss presses); "none" when no window is error-free.
# bouncelab computes both (its recommended setting, src/cli/sweep_best.c) and
# hands them in best: nine words per algorithm and interval or runtime,
# "MODE RUNTIME X_US ALGO WINDOW_US UPTO_US MEDIAN_US P99_US CPU_PER_PRESS".
if (!exists("best")) exit error "best is not set: run gnuplot -e \"$(bouncelab verdict --gnuplot --only TRACE results.csv); ...\""
N_BEST = words(best) / 9
MODES = "poll irq"
ALGOS_poll = ""
ALGOS_irq = ""
ZERO_poll = ""
ZERO_irq = ""
UPTO_poll = ""
UPTO_irq = ""
MARKED_poll = ""   # positions in ALGOS_<mode> of the algorithms that reach zero
MARKED_irq = ""
if (exists("marks")) { set print marks }
do for [m in MODES] {
    do for [a in ALGOS] {
        stats data using (in_mode(m, a) ? 1 : 0) nooutput
        if (STATS_sum > 0) {
            eval sprintf('ALGOS_%s = ALGOS_%s . " %s"', m, m, a)
            # bouncelab's recommended setting for this panel (best, see the header)
            bk = 0
            if (N_BEST > 0) {
                do for [k = 1:N_BEST] {
                    if (word(best, 9 * k - 8) eq m && word(best, 9 * k - 5) eq a && \
                        (m eq "poll" ? word(best, 9 * k - 6) + 0 == interval : \
                         word(best, 9 * k - 7) eq runtime && word(best, 9 * k - 6) + 0 == irq_latency)) {
                        bk = k
                    }
                }
            }
            if (bk > 0 && word(best, 9 * bk - 4) ne "none") {
                zero = sprintf("%.10g", word(best, 9 * bk - 4) + 0)
                upto = sprintf("%.10g", word(best, 9 * bk - 3) + 0)
                eval sprintf('MARKED_%s = MARKED_%s . " %d"', m, m, words(value("ALGOS_" . m)))
            } else {
                zero = "none"
                upto = "none"
            }
            eval sprintf('ZERO_%s = ZERO_%s . " %s"', m, m, zero)
            eval sprintf('UPTO_%s = UPTO_%s . " %s"', m, m, upto)
            if (exists("marks")) { print sprintf("%s %s %s %s", m, a, zero, upto) }
        }
    }
}
if (exists("marks")) { unset print }
algos_of(m) = m eq "poll" ? ALGOS_poll : ALGOS_irq
marked_of(m) = m eq "poll" ? MARKED_poll : MARKED_irq
zero_of(m, k) = word(m eq "poll" ? ZERO_poll : ZERO_irq, k)
upto_of(m, k) = word(m eq "poll" ? UPTO_poll : UPTO_irq, k)
zero_title(m, k) = zero_of(m, k) eq "none" ? "never zero" : \
                   zero_of(m, k) eq upto_of(m, k) ? "zero at " . zero_of(m, k) . " us only" : \
                   "zero from " . zero_of(m, k) . " to " . upto_of(m, k) . " us"

# --- axis ranges, shared by all panels ------------------------------------
in_any = '(in_mode("poll", strcol("algo")) || in_mode("irq", strcol("algo")))'
have_any = words(ALGOS_poll) + words(ALGOS_irq) > 0
if (have_any) {
    stats data using (@in_any ? column("press_window_us") : NaN) nooutput
    x_min = STATS_min
    x_max = STATS_max
    stats data using (@in_any ? column("false_triggers") : NaN) nooutput
    y_max = STATS_max
    stats data using (@in_any ? column("missed") : NaN) nooutput
    y_max = STATS_max > y_max ? STATS_max : y_max
} else {
    x_min = 0.0
    x_max = 1.0
    y_max = 1.0
}
log_x = x_min > 0 && x_max / x_min >= LOG_SPAN
log_y = y_max >= LOG_SPAN
if (x_max <= x_min) { x_max = x_min > 0 ? x_min * 1.5 : 1; x_min = x_min / 2.0 }  # one value: centre it
if (y_max < 1) { y_max = 1 }
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
    # log(1 + n): zero keeps its place at the bottom, decades above it
    set nonlinear y via log10(y + 1) inverse 10 ** y - 1
    set yrange [-0.25 : y_max * 2]
    set ytics ("0" 0)
    do for [d = 0:ceil(log10(y_max))] { set ytics add (sprintf("%g", 10 ** d) 10 ** d) }
} else {
    set yrange [-y_max * 0.06 : y_max * 1.15]
    if (y_max < 10) { set ytics 1 } else { set ytics autofreq }   # counts: whole numbers
}
set format x "%g"
set xlabel "press debounce window (us)"
set grid xtics ytics lc rgb "#e0e0e0"
DODGE = 0.025
dodge(x, k, n) = log_x ? x * (1 + DODGE) ** (k - (n + 1) / 2.0) : \
                         x + (x_max - x_min) * DODGE / 2 * (k - (n + 1) / 2.0)
panel_title(m) = m eq "poll" ? sprintf("polling every %g us", interval) : \
                 sprintf("interrupt, runtime %s (entry latency %g us)", runtime, irq_latency)
mode_name(m) = m eq "poll" ? "poll" : "irq " . runtime

# --- four panels: false triggers on top, missed presses below -------------
# gnuplot evaluates a `for` clause once even when it iterates over nothing,
# so the zero marks join the plot command (run by eval) only when there are some.
LINES = 'for [k = 1:n] data \
    using (in_mode(m, word(algos_of(m), k)) ? dodge(column("press_window_us"), k, n) : NaN):row \
    with linespoints lc rgb algo_color(word(algos_of(m), k)) pt algo_point(word(algos_of(m), k)) \
    ps 0.9 lw 1.5 title sprintf("%s, %s: %s", word(algos_of(m), k), mode_name(m), zero_title(m, k))'
MARKS = 'for [k in marked_of(m)] ''+'' using (dodge(zero_of(m, k + 0) + 0, k + 0, n)):(0) every ::0::0 \
    with points lc rgb algo_color(word(algos_of(m), k + 0)) pt algo_open(word(algos_of(m), k + 0)) \
    ps 2.6 lw 2 notitle'

# One legend per column, in the missed panel's top left: false triggers
# crowd small windows and missed presses large ones, so that corner is free.
set multiplot layout 2,2 title sprintf("False triggers and missed presses against debounce window, trace %s", trace) font ",13"
do for [row in "false_triggers missed"] {
    set ylabel (row eq "missed" ? "missed presses" : "false triggers")
    set xlabel (row eq "missed" ? "press debounce window (us)" : "")
    do for [m in MODES] {
        n = words(algos_of(m))
        if (row eq "missed" && n > 0) {
            set key top left opaque box lc rgb "#c0c0c0" samplen 2 spacing 1.1
        } else {
            unset key
        }
        if (n > 0) {
            set title (row eq "missed" ? "" : panel_title(m))
            eval "plot " . LINES . (words(marked_of(m)) > 0 ? ", " . MARKS : "")
        } else {
            set title (row eq "missed" ? "" : m eq "poll" ? "polling: no rows" : "interrupt: no rows")
            plot NaN notitle
        }
    }
}
unset multiplot
