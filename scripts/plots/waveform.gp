# Plot 5: the waveform around one press, the picture that explains why a
# setting fails. Four lanes over a time window: the raw pin and the core's
# debounced output (up: pressed), the CPU work (poll reads as ticks, or GPIO
# handler and alarm runs as bars), and the events the program reported
# (press and release markers: green with their latency when they match a true
# press or release, red when false). Dashed lines mark the true press and
# release starts; one that nothing matched is marked "missed".
#
#   bouncelab plot --trace traces/worn.csv --at 1.0789s --algo lockout --window 5ms \
#       --data wave.csv
#   gnuplot -e "data='wave.csv'" scripts/plots/waveform.gp
#
# Reads the CSV that `bouncelab plot --at TIME --data FILE` writes (and hands
# gnuplot): one row per thing drawn, columns
# series,t_ns,end_ns,level,truth_index,latency_us,missed, where series is
# view (the window, t_ns to end_ns), at (the time the axis counts from),
# true_press, true_release, raw, debounced (level 1 = pressed from t_ns on),
# read, handler, alarm (running from t_ns to end_ns), press, release
# (truth_index -1: a false trigger); src/cli/plot_waveform.h has the details.
# Variables, all optional except data (-e "name='text'"):
#   data      that CSV
#   out       output file (default waveform.png or .svg); '-' is stdout
#   term      pngcairo (default), png or svg
#   title     first title line (default "Waveform")
#   config    second title line, the configuration (default none)
#   summary   third title line (default none)
#   marks     if set, a file that gets what the script computed from the
#             data: "UNIT FROM TO" (the axis unit and range) and one line per
#             label it writes, "X TEXT" (the tests read it)
# The time axis counts from the at row, in us when the window is shorter
# than UNIT_SPAN ms, in ms when it is shorter than UNIT_SPAN s, else in s.
# Labels (latencies, "false") are written only when at most LABEL_MAX events
# are in view, so a storm of events stays readable; the configuration line
# wraps at TITLE_WRAP characters.

if (!exists("data")) exit error "usage: gnuplot -e \"data='waveform.csv'\" waveform.gp"
if (!exists("term")) term = "pngcairo"
if (!exists("out")) out = "waveform." . (term eq "svg" ? "svg" : "png")
if (!exists("title")) title = "Waveform"
if (!exists("config")) config = ""
if (!exists("summary")) summary = ""
if (term eq "svg") {
    set terminal svg size 1200,600 font "sans,12" noenhanced background "white"
} else {
    set terminal @term size 1200,600 font "sans,11" noenhanced
}
if (out eq "-") { set output } else { set output out }

UNIT_SPAN = 2
LABEL_MAX = 12
TITLE_WRAP = 130   # characters per title line
C_RAW = "#303030"
C_DEBOUNCED = "#1f5fbf"
C_READ = "#8c8c8c"
C_HANDLER = "#d95f02"
C_ALARM = "#7570b3"
C_OK = "#1b9e77"
C_BAD = "#d62728"
C_TRUTH = "#1f5fbf"
# lanes, bottom to top; each signal runs from its lane (low) to lane + HIGH
LANE_EVENTS = 0
LANE_CPU = 1
LANE_DEBOUNCED = 2
LANE_RAW = 3
HIGH = 0.7
Y_MIN = -0.45
Y_MAX = 4.0
MARK_Y = LANE_EVENTS + 0.3

set datafile separator comma
set datafile columnheaders
set datafile missing NaN

# --- what the file holds: one pass counts each series and reads the window
is(s) = strcol("series") eq s
n_true_press = 0; n_true_release = 0; n_read = 0; n_handler = 0; n_alarm = 0
n_ok_press = 0; n_ok_release = 0; n_false_press = 0; n_false_release = 0; n_view = 0; n_at = 0
stats data using ( \
    is("view") ? (from = column("t_ns"), to = column("end_ns"), n_view = n_view + 1) : \
    is("at") ? (at = column("t_ns"), n_at = n_at + 1) : \
    is("true_press") ? (n_true_press = n_true_press + 1) : \
    is("true_release") ? (n_true_release = n_true_release + 1) : \
    is("read") ? (n_read = n_read + 1) : \
    is("handler") ? (n_handler = n_handler + 1) : \
    is("alarm") ? (n_alarm = n_alarm + 1) : \
    is("press") ? (column("truth_index") < 0 ? (n_false_press = n_false_press + 1) : \
                                               (n_ok_press = n_ok_press + 1)) : \
    is("release") ? (column("truth_index") < 0 ? (n_false_release = n_false_release + 1) : \
                                                 (n_ok_release = n_ok_release + 1)) : 0, 0) nooutput
if (n_view != 1 || n_at != 1) exit error sprintf("%s: expected one view row and one at row", data)
stats data using ((is("true_press") || is("true_release")) && strcol("missed") eq "1" ? 1 : 0) \
    nooutput
n_missed = STATS_sum
n_ok = n_ok_press + n_ok_release
n_false = n_false_press + n_false_release
n_events = n_ok + n_false

span = to - from
unit = span < UNIT_SPAN * 1e6 ? "us" : span < UNIT_SPAN * 1e9 ? "ms" : "s"
scale = unit eq "us" ? 1e3 : unit eq "ms" ? 1e6 : 1e9
X(t) = (t - at) / scale
at_text = at >= 1e9 ? sprintf("%.10g s", at / 1e9) : at >= 1e6 ? sprintf("%.10g ms", at / 1e6) : \
          sprintf("%.10g us", at / 1e3)
# a latency in the largest unit it reaches (us, ms, s), three digits
latency_text(us) = us < 1e3 ? sprintf("+%.3g us", us) : us < 1e6 ? sprintf("+%.3g ms", us / 1e3) : \
                   sprintf("+%.3g s", us / 1e6)
labels = n_events <= LABEL_MAX

event_label(d) = column("truth_index") >= 0 ? latency_text(column("latency_us")) : "false"
is_event(d) = is("press") || is("release")
is_missed(d) = (is("true_press") || is("true_release")) && strcol("missed") eq "1"
if (exists("marks")) {
    set table $MARKS
    plot data using (sprintf("%.10g %s", X(column("t_ns")), event_label(0))) \
        with table if (labels && is_event(0)), \
        data using (sprintf("%.10g missed", X(column("t_ns")))) with table if (is_missed(0))
    unset table
    set print marks
    print sprintf("%s %.10g %.10g", unit, X(from), X(to))
    print $MARKS
    unset print
}

# --- axes ----------------------------------------------------------------
set xrange [X(from) : X(to)]
set yrange [Y_MIN : Y_MAX]
set xlabel sprintf("time from %s (%s)", at_text, unit)
cpu_lane = n_read > 0 ? "reads" : "handler runs"
set ytics (cpu_lane LANE_CPU + HIGH / 2, "reported" MARK_Y, "debounced" LANE_DEBOUNCED + HIGH / 2, \
           "raw pin" LANE_RAW + HIGH / 2) scale 0
set xtics nomirror
set grid xtics lc rgb "#e8e8e8"
set border 3
# a long configuration (an interrupt runtime's latencies) wraps at spaces
text = config
config_lines = ""
while (strlen(text) > TITLE_WRAP) {
    cut = 0
    do for [i = TITLE_WRAP:2:-1] { if (cut == 0 && substr(text, i, i) eq " ") { cut = i } }
    if (cut == 0) { cut = TITLE_WRAP + 1 }
    config_lines = config_lines . substr(text, 1, cut - 1) . "\n"
    text = substr(text, cut + 1, strlen(text))
}
config_lines = config_lines . text
full_title = title . (strlen(config) > 0 ? "\n" . config_lines : "") . \
             (strlen(summary) > 0 ? "\n" . summary : "")
set title full_title font ",11"
# the legend in rows under the time axis, which keeps the whole width for time
set bmargin 7
set key at screen 0.5, screen 0.01 center bottom horizontal maxrows 2 samplen 2 width 1
set style fill solid 0.7 noborder

# --- the plot: clauses join only when they have data (an empty one warns) -----
sig(s) = 'data using (is("' . s . '") ? X(column("t_ns")) : NaN)'
P = sig("raw") . ':(LANE_RAW + HIGH * column("level")) with steps lw 2 lc rgb C_RAW title "raw pin (up: pressed)"'
P = P . ', ' . sig("debounced") . ':(LANE_DEBOUNCED + HIGH * column("level")) with steps lw 2 lc rgb C_DEBOUNCED title "debounced output"'
if (n_true_press + n_true_release > 0) {
    P = P . ', data using ((is("true_press") || is("true_release")) ? X(column("t_ns")) : NaN):(Y_MIN):(0):(Y_MAX - Y_MIN) with vectors nohead dt 2 lw 1 lc rgb C_TRUTH title "true press / release start"'
}
if (n_read > 0) {
    P = P . ', ' . sig("read") . sprintf(':(LANE_CPU):(0):(HIGH) with vectors nohead lw 1 lc rgb C_READ title "poll reads (%d)"', n_read)
}
BAR = ':(LANE_CPU):(X(column("t_ns"))):(X(column("end_ns"))):(LANE_CPU):(LANE_CPU + HIGH) with boxxyerror'
TICK = ':(LANE_CPU):(0):(HIGH) with vectors nohead lw 1'
if (n_handler > 0) {
    P = P . ', ' . sig("handler") . BAR . sprintf(' lc rgb C_HANDLER title "GPIO handler runs (%d)"', n_handler)
    P = P . ', ' . sig("handler") . TICK . ' lc rgb C_HANDLER notitle'
}
if (n_alarm > 0) {
    P = P . ', ' . sig("alarm") . BAR . sprintf(' lc rgb C_ALARM title "alarm runs (%d)"', n_alarm)
    P = P . ', ' . sig("alarm") . TICK . ' lc rgb C_ALARM notitle'
}
ev(s, ok) = 'data using (is("' . s . '") && (column("truth_index") >= 0) == ' . ok . ' ? X(column("t_ns")) : NaN):(MARK_Y)'
if (n_ok_press > 0) {
    P = P . ', ' . ev("press", 1) . ' with points pt 9 ps 1.8 lc rgb C_OK title "reported press"'
}
if (n_ok_release > 0) {
    P = P . ', ' . ev("release", 1) . ' with points pt 11 ps 1.8 lc rgb C_OK title "reported release"'
}
if (n_ok > 0) {
    if (labels) {
        P = P . ', data using ((is("press") || is("release")) && column("truth_index") >= 0 ? X(column("t_ns")) : NaN):(MARK_Y):(latency_text(column("latency_us"))) with labels offset 0,1.3 font ",9" tc rgb C_OK notitle'
    }
}
if (n_false_press > 0) {
    P = P . ', ' . ev("press", 0) . ' with points pt 9 ps 1.8 lc rgb C_BAD title "false press"'
}
if (n_false_release > 0) {
    P = P . ', ' . ev("release", 0) . ' with points pt 11 ps 1.8 lc rgb C_BAD title "false release"'
}
if (n_false > 0) {
    if (labels) {
        P = P . ', data using ((is("press") || is("release")) && column("truth_index") < 0 ? X(column("t_ns")) : NaN):(MARK_Y):("false") with labels offset 0,1.3 font ",9" tc rgb C_BAD notitle'
    }
}
if (n_missed > 0) {
    P = P . ', data using ((is("true_press") || is("true_release")) && strcol("missed") eq "1" ? X(column("t_ns")) : NaN):(MARK_Y) with points pt 2 ps 2.2 lw 2 lc rgb C_BAD title "missed"'
    P = P . ', data using ((is("true_press") || is("true_release")) && strcol("missed") eq "1" ? X(column("t_ns")) : NaN):(MARK_Y):("missed") with labels offset 0,-1.3 font ",9" tc rgb C_BAD notitle'
}
eval "plot " . P
