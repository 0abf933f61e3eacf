/* `bouncelab info TRACE`: what a trace holds, and how its contacts bounce. */
#include "cli.h"
#include "cli_trace_options.h"
#include "trace_oracle.h"
#include "trace_stats.h"
#include "util_duration.h"

#include <inttypes.h>
#include <stdio.h>

/* A duration for people: three significant digits and the unit that fits ("1.23 ms"). */
static char *human_duration(int64_t ns)
{
    static const struct {
        int64_t ns;
        const char *unit;
    } units[] = {{1000000000, "s"}, {1000000, "ms"}, {1000, "us"}};
    int64_t mag = ns < 0 ? -ns : ns;

    for (gsize i = 0; i < G_N_ELEMENTS(units); i++) {
        if (mag >= units[i].ns) {
            double v = (double)ns / (double)units[i].ns;
            return g_strdup_printf("%.*f %s",
                                   mag >= 100 * units[i].ns  ? 0
                                   : mag >= 10 * units[i].ns ? 1
                                                             : 2,
                                   v, units[i].unit);
        }
    }
    return g_strdup_printf("%" PRId64 " ns", ns);
}

static void print_bounce(const char *label, const char *what, const trace_bounce_stats_t *s)
{
    g_autofree char *med = human_duration(s->median_ns);
    g_autofree char *min = human_duration(s->min_ns);
    g_autofree char *max = human_duration(s->max_ns);

    if (s->n == 0) {
        printf("%s none\n", label);
        return;
    }
    printf("%s %" G_GSIZE_FORMAT " %s: median %s (min %s, max %s); edges median %" G_GSIZE_FORMAT
           " (min %" G_GSIZE_FORMAT ", max %" G_GSIZE_FORMAT ")\n",
           label, s->n, what, med, min, max, s->edges_median, s->edges_min, s->edges_max);
}

/* One CSV row per press: the oracle's press and the release after it. */
static void print_presses(const trace_t *trace, int64_t settle_ns)
{
    g_autoptr(GArray) changes = trace_oracle_changes(trace, settle_ns);
    gsize n = 0;

    printf("press,press_ns,make_bounce_ns,make_edges,release_ns,break_bounce_ns,break_edges\n");
    for (guint k = 0; k < changes->len; k++) {
        const trace_change_t *p = &g_array_index(changes, trace_change_t, k);
        const trace_change_t *r =
            k + 1 < changes->len ? &g_array_index(changes, trace_change_t, k + 1) : NULL;
        if (!p->to_pressed) {
            continue;
        }
        printf("%" G_GSIZE_FORMAT ",%" PRId64 ",%" PRId64 ",%" G_GSIZE_FORMAT, ++n,
               trace_edge_ns(trace, p->first_edge),
               trace_edge_ns(trace, p->last_edge) - trace_edge_ns(trace, p->first_edge),
               p->last_edge - p->first_edge + 1);
        if (r != NULL && !r->to_pressed) {
            printf(",%" PRId64 ",%" PRId64 ",%" G_GSIZE_FORMAT "\n",
                   trace_edge_ns(trace, r->first_edge),
                   trace_edge_ns(trace, r->last_edge) - trace_edge_ns(trace, r->first_edge),
                   r->last_edge - r->first_edge + 1);
        } else {
            printf(",,,\n");
        }
    }
}

static void print_summary(const char *path, const trace_t *trace, trace_format_t format,
                          int64_t settle_ns)
{
    g_autofree char *duration = human_duration(trace->end_ns - trace->start_ns);
    g_autofree char *settle = util_format_duration(settle_ns);
    trace_stats_t stats;
    gsize oracle_presses;

    trace_stats_compute(trace, settle_ns, &stats);
    oracle_presses = stats.presses;
    printf("file:      %s\n", path);
    printf("format:    %s\n", trace_file_description(trace, format));
    printf("duration:  %s (%" PRId64 " ns to %" PRId64 " ns)\n", duration, trace->start_ns,
           trace->end_ns);
    printf("edges:     %" G_GSIZE_FORMAT "\n", trace_n_edges(trace));
    printf("levels:    starts %s (%s); pressed reads %s\n", trace->initial_level ? "high" : "low",
           trace->initial_level == trace_pressed_level(trace) ? "pressed" : "released",
           trace->active_low ? "low" : "high");
    if (trace->truth != NULL) {
        printf("presses:   %" G_GSIZE_FORMAT " (truth); the oracle finds %" G_GSIZE_FORMAT
               " with settle %s\n",
               trace_n_truth(trace), oracle_presses, settle);
    } else {
        printf("presses:   %" G_GSIZE_FORMAT " (oracle, settle %s; no truth)\n", oracle_presses,
               settle);
    }
    print_bounce("bounce on make: ", "presses", &stats.make);
    print_bounce("bounce on break:", "releases", &stats.brk);
    if (stats.has_pulse) {
        g_autofree char *w = human_duration(stats.shortest_pulse_ns);
        printf("shortest pulse: %s (%s, from %" PRId64 " ns)\n", w,
               stats.shortest_pulse_level ? "high" : "low", stats.shortest_pulse_at_ns);
    } else {
        printf("shortest pulse: none (fewer than two edges)\n");
    }
}

int cmd_info(int argc, char **argv)
{
    g_autoptr(GOptionContext) context = g_option_context_new("TRACE - describe a trace");
    g_auto(cli_trace_args_t) args = {0};
    g_autofree char *settle_text = NULL;
    g_autofree char *settle_default = util_format_duration(TRACE_ORACLE_SETTLE_NS_DEFAULT);
    g_autofree char *settle_help =
        g_strdup_printf("Oracle: a change is real once the new level holds this long [default: %s]",
                        settle_default);
    gboolean presses = FALSE, old_presses = FALSE;
    const GOptionEntry entries[] = {
        {"settle", 0, 0, G_OPTION_ARG_STRING, &settle_text, settle_help, "DUR"},
        {"press-table", 0, 0, G_OPTION_ARG_NONE, &presses,
         "Print one CSV row per press instead (times and bounce durations in ns)", NULL},
        /* the old name, hidden: it read like gen's --presses N */
        {"presses", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &old_presses, NULL, NULL},
        G_OPTION_ENTRY_NULL,
    };
    trace_read_options_t opts;
    int64_t settle_ns = TRACE_ORACLE_SETTLE_NS_DEFAULT;
    trace_format_t format = TRACE_FORMAT_AUTO;
    g_autoptr(trace_t) trace = NULL;
    g_autoptr(GError) error = NULL;

    cli_trace_args_init(&args);
    g_option_context_set_summary(
        context,
        "Prints the format detected, the duration, the edges, the presses (from the truth when\n"
        "the trace has it, else from the look-ahead oracle), how long the contacts bounce on\n"
        "make (press) and on break (release) as median, min and max over the presses, in time\n"
        "and in edges, and the shortest pulse. Bounces are the oracle's: from the first edge\n"
        "leaving the settled level to the last edge before the new level holds --settle.\n\n"
        "Formats read: native CSV (with NAME.truth.csv), VCD (sigrok/PulseView, HDL\n"
        "simulators), sigrok CSV, Saleae Logic 2 CSV, analog scope CSV (Rigol too) and Big\n"
        "Bouncy Button Benchmark logs. Analog defaults are the RP2040 datasheet's GPIO input\n"
        "thresholds at IOVDD = 3.3 V. '-' reads standard input.");
    g_option_context_add_main_entries(context, entries, NULL);
    cli_trace_add_options(context, &args);
    if (!cli_parse_options(context, &argc, &argv)) {
        return CLI_EXIT_USAGE;
    }
    if (old_presses) {
        fprintf(stderr, "bouncelab: note: info --presses is now --press-table (the old name "
                        "goes in a later release)\n");
        presses = TRUE;
    }
    if (argc != 2) {
        return cli_usage("info takes one TRACE (see 'bouncelab info --help')");
    }
    if (!cli_trace_read_options(&args, &opts, &error) ||
        (settle_text != NULL && !cli_duration("--settle", settle_text, &settle_ns, &error))) {
        return cli_fail(error);
    }
    trace = cli_read_trace(argv[1], &opts, &format, &error);
    if (trace == NULL) {
        return cli_fail(error);
    }
    if (presses) {
        print_presses(trace, settle_ns);
    } else {
        print_summary(argv[1], trace, format, settle_ns);
    }
    return CLI_EXIT_OK;
}
