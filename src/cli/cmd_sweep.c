/* `bouncelab sweep`: the cross product of settings over traces, one CSV row each. */
#include "cli.h"
#include "cli_grid_options.h"
#include "cli_results.h"
#include "cli_sim_options.h"
#include "cli_replay.h"
#include "cli_trace_options.h"
#include "sim_algos.h"
#include "sweep_csv.h"
#include "cli_labels.h"
#include "sim_sweep.h"
#include "cli_interrupt.h"
#include "util_atomic_file.h"

#include <stdio.h>
#include <unistd.h>

#define PROGRESS_PERIOD_US (G_USEC_PER_SEC / 10)

typedef struct {
    char *output;
    cli_grid_options_t grid;
    char *shard;
    gint jobs;
} sweep_options_t;

static void sweep_options_clear(sweep_options_t *o)
{
    g_free(o->output);
    cli_grid_options_clear(&o->grid);
    g_free(o->shard);
}

static gboolean build_spec(const sweep_options_t *o, const cli_sim_options_t *so,
                           sim_sweep_spec_t *spec)
{
    if (!cli_grid_options_build(&o->grid, so, spec)) {
        return FALSE;
    }
    return o->shard == NULL || cli_parse_shard(o->shard, &spec->shard_index, &spec->shard_count);
}

typedef struct {
    FILE *out;
    const sim_sweep_spec_t *spec;
    gboolean progress;
    gint64 last_progress_us;
    cli_interrupt_t *watch; /* polled between rows for SIGINT/SIGTERM */
} sweep_output_t;

/* On the worker thread: formatting is a fair share of a short row's cost. */
static gpointer format_row(const sim_sweep_row_t *row, gpointer data)
{
    const sweep_output_t *s = data;
    const trace_t *trace = g_ptr_array_index(s->spec->traces, row->trace_index);
    return sweep_csv_row(trace->name, &row->cfg, &row->metrics);
}

static void on_row(const sim_sweep_row_t *row, gsize index, gsize total, gpointer data)
{
    sweep_output_t *s = data;
    gint64 now;

    fputs(row->prepared, s->out);
    g_free(row->prepared);
    if (!s->progress) {
        return;
    }
    now = g_get_monotonic_time();
    if (index + 1 == total || now - s->last_progress_us >= PROGRESS_PERIOD_US) {
        s->last_progress_us = now;
        fprintf(stderr, "\rsweep: %zu/%zu rows (%zu%%)%s", index + 1, total,
                (index + 1) * 100 / total, index + 1 == total ? "\n" : "");
    }
}

static gboolean stop_requested(gpointer data)
{
    sweep_output_t *s = data;
    return cli_interrupt_caught(s->watch) != 0;
}

/* Two traces with the same name must not merge into one in the CSV: see cli_labels.h. */
static void label_traces(GPtrArray *traces, char **paths)
{
    g_autofree const char **names = g_new0(const char *, traces->len + 1);
    g_autoptr(GPtrArray) labels = NULL;

    for (guint i = 0; i < traces->len; i++) {
        names[i] = ((trace_t *)g_ptr_array_index(traces, i))->name;
    }
    labels = cli_trace_labels((const char *const *)paths, names, traces->len);
    for (guint i = 0; i < traces->len; i++) {
        trace_t *trace = g_ptr_array_index(traces, i);
        g_free(trace->name);
        trace->name = g_strdup(g_ptr_array_index(labels, i));
    }
}

int cmd_sweep(int argc, char **argv)
{
    sweep_options_t o = {.jobs = 0};
    cli_sim_options_t so;
    cli_trace_args_t ro;
    trace_read_options_t read_opts;
    g_autoptr(GOptionContext) context =
        g_option_context_new("[TRACE...] - sweep debounce settings over traces into a CSV");
    const GOptionEntry output_entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
         "Write the CSV here, atomically ('-': standard output) [default: -]", "FILE"},
        G_OPTION_ENTRY_NULL};
    const GOptionEntry entries[] = {
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &o.jobs, "Threads [default: the number of processors]",
         "N"},
        {"shard", 0, 0, G_OPTION_ARG_STRING, &o.shard,
         "Run only every N-th combination, starting at the I-th (1-based); shard 1 writes the "
         "header, so the parts concatenate",
         "I/N"},
        G_OPTION_ENTRY_NULL};
    int status = CLI_EXIT_USAGE;
    g_autoptr(sim_sweep_spec_t) spec = sim_sweep_spec_new();
    g_autoptr(GPtrArray) traces = g_ptr_array_new_with_free_func((GDestroyNotify)trace_free);
    g_autoptr(sim_sweep_plan_t) plan = NULL;
    g_autoptr(GError) error = NULL;
    /* declared before the file, so cleanup drops the temporary file while
     * signals are still blocked */
    g_autoptr(cli_interrupt_t) watch = NULL;
    g_autoptr(util_atomic_file_t) file = NULL;
    g_auto(GStrv) paths = NULL;
    int64_t settle_ns = 0;
    gsize done;

    cli_sim_options_init(&so);
    cli_trace_args_init(&ro);
    g_option_context_add_main_entries(context, output_entries, NULL);
    cli_grid_options_add(context, &o.grid);
    g_option_context_add_main_entries(context, entries, NULL);
    cli_sim_options_add(context, &so);
    cli_trace_add_options(context, &ro);
    g_option_context_set_summary(
        context,
        "Runs every combination of --algo, --window, --mode and --interval (poll) or "
        "--runtime/--irq-latency (irq) over the traces (default: the bundled ones) and writes "
        "one CSV row per combination, in the same order whatever -j. Combinations that make no "
        "sense (the integrator in irq mode) are skipped with one line saying so.");
    g_option_context_set_description(context, cli_sim_options_help());

    if (!cli_parse_options(context, &argc, &argv)) {
        goto out;
    }
    /* from here on a SIGINT or SIGTERM is noted, not fatal: one that comes
     * while traces load stops the sweep before its first row, cleanly */
    watch = cli_interrupt_watch();
    if (!build_spec(&o, &so, spec) || !cli_sim_options_settle(&so, &settle_ns) ||
        !cli_trace_read_options(&ro, &read_opts)) {
        goto out;
    }
    if (o.jobs < 0 || o.jobs > 1024) {
        fprintf(stderr, "bouncelab: --jobs: %d is not between 1 and 1024\n", o.jobs);
        goto out;
    }
    paths = argc > 1 ? g_strdupv(argv + 1) : cli_replay_bundled_traces(&error);
    if (paths == NULL) {
        cli_print_error(error);
        goto out;
    }
    for (char **p = paths; *p; p++) {
        trace_t *trace = cli_replay_load(*p, &read_opts, settle_ns, NULL, &status);
        if (trace == NULL) {
            goto out;
        }
        g_ptr_array_add(traces, trace);
        g_ptr_array_add(spec->traces, trace);
    }
    label_traces(traces, paths);
    plan = sim_sweep_plan_new(spec, &error);
    if (plan == NULL) {
        cli_print_error(error);
        goto out;
    }
    if (sim_sweep_plan_skipped(plan) > 0) {
        fprintf(stderr, "sweep: skipped %zu combinations: %s\n", sim_sweep_plan_skipped(plan),
                sim_sweep_plan_skip_reason(plan));
    }

    status = CLI_EXIT_FAILURE;
    file = util_atomic_file_open(o.output ? o.output : "-", &error);
    if (file == NULL) {
        cli_print_error(error);
        goto out;
    }
    {
        sweep_output_t s = {util_atomic_file_stream(file), spec,
                            isatty(STDERR_FILENO) && sim_sweep_plan_rows(plan) > 0, 0, watch};
        guint threads = o.jobs > 0 ? (guint)o.jobs : g_get_num_processors();
        int interrupted;

        if (spec->shard_index == 0) {
            g_autofree char *header = sweep_csv_header();
            fputs(header, s.out);
        }
        done = sim_sweep_run(plan, threads, format_row, on_row, stop_requested, &s);
        /* a signal after the last row still means "do not write": the user
         * asked to stop, and exit 0 would say the opposite */
        interrupted = cli_interrupt_caught(watch);
        if (interrupted != 0) {
            fprintf(stderr,
                    "%sbouncelab: sweep interrupted (%s) after %zu of %zu rows; %s not "
                    "written\n",
                    s.progress ? "\n" : "", g_strsignal(interrupted), done,
                    sim_sweep_plan_rows(plan), o.output ? o.output : "output");
            status = 128 + interrupted;
            goto out; /* the autoptr aborts the temporary file */
        }
    }
    if (!util_atomic_file_commit(g_steal_pointer(&file), &error)) {
        cli_print_error(error);
        goto out;
    }
    status = CLI_EXIT_OK;
out:
    sweep_options_clear(&o);
    cli_sim_options_clear(&so);
    cli_trace_args_clear(&ro);
    return status;
}
