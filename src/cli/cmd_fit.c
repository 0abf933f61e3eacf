/*
 * `bouncelab fit`: a switch model from recordings (trace_fit.h), written as
 * a model file with a [fit] group saying how much the recordings support.
 */
#include "cli.h"
#include "cli_model.h"
#include "cli_replay.h"
#include "cli_sim_options.h"
#include "cli_trace_options.h"
#include "stats.h"
#include "stress_csv.h"
#include "trace_fit.h"
#include "trace_tail.h"
#include "util_atomic_file.h"
#include "util_duration.h"

#include <stdio.h>

/* What the fit supports, as a [fit] group; also printed on stderr. */
static char *fit_group(const trace_fit_report_t *r)
{
    GString *s = g_string_new("\n# What the recordings support (not read back: for people).\n"
                              "[fit]\n");
    const struct {
        const char *kind;
        const trace_fit_side_t *side;
    } sides[] = {{"make", &r->make}, {"break", &r->brk}};

    g_string_append_printf(s, "presses=%zu\nglitches=%zu\n", r->presses, r->glitches);
    for (gsize i = 0; i < G_N_ELEMENTS(sides); i++) {
        const trace_fit_side_t *f = sides[i].side;
        g_autofree char *longest = util_format_duration(f->longest_ns);
        g_autofree char *lo = util_format_duration(f->max_lo_ns);
        g_autofree char *hi = util_format_duration(f->max_hi_ns);
        g_autofree char *q = util_format_duration(f->one_in_million_ns);
        g_autofree char *qlo = util_format_duration(f->one_in_million_lo_ns);
        g_autofree char *qhi = util_format_duration(f->one_in_million_hi_ns);
        g_string_append_printf(s,
                               "%s-bounces=%zu\n%s-longest-seen=%s\n"
                               "%s-bounce-max-bootstrap-90=%s..%s\n",
                               sides[i].kind, f->n, sides[i].kind, longest, sides[i].kind, lo, hi);
        if (f->tail) {
            g_autofree char *u = util_format_duration(f->threshold_ns);
            g_autofree char *sigma = util_format_duration((int64_t)f->sigma_ns);
            g_string_append_printf(
                s, "%s-tail=generalized Pareto above %s (percentile %g): xi %.3f, sigma %s\n",
                sides[i].kind, u, 100.0 * f->tail_above, f->xi, sigma);
        } else {
            g_string_append_printf(s, "%s-tail=uniform (fewer than %d bounces for a fitted tail)\n",
                                   sides[i].kind, TRACE_TAIL_MIN_SAMPLE);
        }
        /* a modelled quantile always beside the longest seen: never extrapolate silently */
        g_string_append_printf(s,
                               "%s-one-in-a-million=%s (longest seen %s)\n"
                               "%s-one-in-a-million-bootstrap-90=%s..%s\n",
                               sides[i].kind, q, longest, sides[i].kind, qlo, qhi);
    }
    /* the recordings' own evidence: no failure in n presses bounds the rate at 1-0.05^(1/n) */
    {
        g_autofree char *bound = stress_csv_per_million(stats_rate_zero_upper95(r->presses));
        g_string_append_printf(s,
                               "clean-presses-bound-per-million=%s\n"
                               "presses-to-record-for-1-per-million=%" G_GUINT64_FORMAT "\n",
                               bound, stats_rate_trials_needed(1.0 / STATS_PER_MILLION));
    }
    return g_string_free(s, FALSE);
}

int cmd_fit(int argc, char **argv)
{
    g_autofree char *output = NULL;
    g_auto(cli_sim_options_t) so = {0};
    g_auto(cli_trace_args_t) ro = {0};
    trace_read_options_t read_opts;
    g_autoptr(GOptionContext) context =
        g_option_context_new("TRACE... - fit a switch model to recorded or generated traces");
    const GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
         "Write the model here, atomically ('-': standard output) [default: -]", "FILE"},
        {"settle", 0, 0, G_OPTION_ARG_STRING, &so.settle,
         "The oracle's settle time: a bounce ends when the level holds this long [default: 20ms]",
         "DUR"},
        G_OPTION_ENTRY_NULL};
    g_autoptr(GPtrArray) traces = g_ptr_array_new_with_free_func((GDestroyNotify)trace_free);
    g_autoptr(GError) error = NULL;
    g_autoptr(util_atomic_file_t) file = NULL;
    g_autofree char *extra = NULL;
    g_autofree char *text = NULL;
    g_autofree char *name = NULL;
    g_autoptr(GString) source = g_string_new("fit of");
    trace_gen_params_t model;
    trace_fit_report_t report;
    int64_t settle_ns = 0;

    cli_sim_options_init(&so);
    cli_trace_args_init(&ro);
    g_option_context_add_main_entries(context, entries, NULL);
    cli_trace_add_options(context, &ro);
    g_option_context_set_summary(
        context,
        "Measures every bounce the oracle finds (--settle) in the traces: make and break bounce "
        "durations (a uniform body around the typical value and a uniform tail up to a fitted "
        "end), rebounds per bounce, the shortest pulse, hold and gap times and the glitch rate, "
        "and writes them as a model file for 'bouncelab gen --model' and 'bouncelab stress'. "
        "A [fit] group says how much the recordings support: presses, the longest bounce seen, "
        "and a bootstrap band of the tail's end and of the model's 1-in-a-million bounce.");
    if (!cli_parse_options(context, &argc, &argv)) {
        return CLI_EXIT_USAGE;
    }
    if (argc < 2) {
        return cli_usage("fit needs at least one TRACE");
    }
    if (!cli_sim_options_settle(&so, &settle_ns, &error) ||
        !cli_trace_read_options(&ro, &read_opts, &error)) {
        return cli_fail(error);
    }
    for (int i = 1; i < argc; i++) {
        trace_t *trace = cli_replay_load(argv[i], &read_opts, settle_ns, NULL, &error);
        if (trace == NULL) {
            return cli_fail(error);
        }
        g_ptr_array_add(traces, trace);
        g_string_append_printf(source, " %s", trace->name);
    }
    if (!trace_fit((const trace_t *const *)traces->pdata, traces->len, settle_ns, &model, &report,
                   &error)) {
        cli_error_as_usage(error); /* the recordings do not support a model */
        return cli_fail(error);
    }
    extra = fit_group(&report);
    name = g_strdup(((trace_t *)g_ptr_array_index(traces, 0))->name);
    text = cli_model_format(&model, name, source->str, extra);
    fputs(extra + 1, stderr); /* what the fit supports, for the user too */
    file = util_atomic_file_open(output ? output : "-", &error);
    if (file == NULL) {
        return cli_fail(error);
    }
    fputs(text, util_atomic_file_stream(file));
    if (!util_atomic_file_commit(g_steal_pointer(&file), &error)) {
        return cli_fail(error);
    }
    return CLI_EXIT_OK;
}
