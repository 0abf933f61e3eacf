/* `bouncelab sweep`: the cross product of settings over traces, one CSV row each. */
#include "cli.h"
#include "cli_grid_options.h"
#include "cli_labels.h"
#include "cli_results.h"
#include "cli_sim_options.h"
#include "cli_replay.h"
#include "cli_trace_options.h"
#include "sim_sweep.h"
#include "sweep_csv.h"
#include "cli_interrupt.h"
#include "util_atomic_file.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define PROGRESS_PERIOD_US (G_USEC_PER_SEC / 10)

typedef struct {
    char *output;
    cli_grid_options_t grid;
    char *shard;
    /* read through a g_auto() variable, which cppcheck does not follow */
    // cppcheck-suppress unusedStructMember
    gint jobs;
} sweep_options_t;

static void sweep_options_clear(sweep_options_t *o)
{
    g_clear_pointer(&o->output, g_free);
    cli_grid_options_clear(&o->grid);
    g_clear_pointer(&o->shard, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(sweep_options_t, sweep_options_clear)

static gboolean build_spec(const sweep_options_t *o, cli_sim_options_t *so, sim_sweep_spec_t *spec,
                           GError **error)
{
    return cli_grid_options_build(&o->grid, so, spec, error) &&
           (o->shard == NULL ||
            cli_parse_shard(o->shard, &spec->shard_index, &spec->shard_count, error));
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

/* Loads the traces into spec (owned by traces); checks --phase against each. */
static gboolean load_traces(char **paths, const trace_read_options_t *read_opts, int64_t settle_ns,
                            sim_sweep_spec_t *spec, GPtrArray *traces, GError **error)
{
    for (char **p = paths; *p; p++) {
        trace_t *trace = cli_replay_load(*p, read_opts, settle_ns, NULL, error);
        if (trace == NULL) {
            return FALSE;
        }
        g_ptr_array_add(traces, trace);
        g_ptr_array_add(spec->traces, trace);
        if (cli_grid_has_mode(spec->modes, SIM_MODE_POLL) &&
            !cli_sim_options_check_phase(
                &(sim_config_t){.mode = SIM_MODE_POLL, .phase_ns = spec->base.phase_ns},
                trace->start_ns, trace->end_ns, *p, error)) {
            return FALSE;
        }
    }
    return TRUE;
}

/* Runs the plan into the output; the exit status. */
static int run_plan(const sweep_options_t *o, sim_sweep_spec_t *spec, sim_sweep_plan_t *plan,
                    guint threads, cli_interrupt_t *watch)
{
    g_autoptr(GError) error = NULL;
    const char *output = o->output ? o->output : "-";
    gboolean to_stdout = strcmp(output, "-") == 0;
    g_autoptr(util_atomic_file_t) file = util_atomic_file_open(output, &error);
    gsize done;
    int interrupted;

    if (file == NULL) {
        return cli_fail(error);
    }
    sweep_output_t s = {util_atomic_file_stream(file), spec,
                        isatty(STDERR_FILENO) && sim_sweep_plan_rows(plan) > 0, 0, watch};

    if (spec->shard_index == 0) {
        g_autofree char *header = sweep_csv_header();
        fputs(header, s.out);
    }
    done = sim_sweep_run(plan, threads, format_row, on_row, stop_requested, &s);
    /* a signal after the last row still means "do not write": the user
     * asked to stop, and exit 0 would say the opposite */
    interrupted = cli_interrupt_caught(watch);
    if (interrupted != 0) {
        /* the rows already on standard output: say what they are, not that nothing was written */
        g_autofree char *rest =
            g_strdup_printf(" after %zu of %zu rows; %s%s", done, sim_sweep_plan_rows(plan),
                            to_stdout ? "standard output holds only those rows" : output,
                            to_stdout ? "" : " not written");
        if (s.progress) {
            fputc('\n', stderr); /* off the progress line */
        }
        return cli_interrupted("sweep", interrupted, rest); /* the autoptr aborts the file */
    }
    if (!util_atomic_file_commit(g_steal_pointer(&file), &error)) {
        return cli_fail(error);
    }
    return CLI_EXIT_OK;
}

int cmd_sweep(int argc, char **argv)
{
    g_auto(sweep_options_t) o = {.jobs = 0};
    g_auto(cli_sim_options_t) so = {0};
    g_auto(cli_trace_args_t) ro = {0};
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
    g_autoptr(sim_sweep_spec_t) spec = sim_sweep_spec_new();
    g_autoptr(GPtrArray) traces = g_ptr_array_new_with_free_func((GDestroyNotify)trace_free);
    g_autoptr(sim_sweep_plan_t) plan = NULL;
    g_autoptr(GError) error = NULL;
    /* declared before the output file (in run_plan), so cleanup drops the
     * temporary file while signals are still blocked */
    g_autoptr(cli_interrupt_t) watch = NULL;
    g_auto(GStrv) paths = NULL;
    int64_t settle_ns = 0;
    guint threads = 0;

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
        "sense (the integrator in irq mode) are skipped with one line saying so; an option for "
        "a mode the grid does not hold is an error.");
    g_option_context_set_description(context, cli_sim_options_help());

    if (!cli_parse_options(context, &argc, &argv)) {
        return CLI_EXIT_USAGE;
    }
    /* from here on a SIGINT or SIGTERM is noted, not fatal: one that comes
     * while traces load stops the sweep before its first row, cleanly */
    watch = cli_interrupt_watch();
    if (!build_spec(&o, &so, spec, &error) || !cli_sim_options_settle(&so, &settle_ns, &error) ||
        !cli_trace_read_options(&ro, &read_opts, &error)) {
        return cli_fail(error);
    }
    if (!cli_jobs_threads(o.jobs, &threads, &error)) {
        return cli_fail(error);
    }
    paths = argc > 1 ? g_strdupv(argv + 1) : cli_replay_bundled_traces(&error);
    if (paths == NULL || !load_traces(paths, &read_opts, settle_ns, spec, traces, &error)) {
        return cli_fail(error);
    }
    label_traces(traces, paths);
    plan = sim_sweep_plan_new(spec, &error);
    if (plan == NULL) {
        return cli_fail(error);
    }
    if (sim_sweep_plan_skipped(plan) > 0) {
        fprintf(stderr, "sweep: skipped %zu combinations: %s\n", sim_sweep_plan_skipped(plan),
                sim_sweep_plan_skip_reason(plan));
    }
    return run_plan(&o, spec, plan, threads, watch);
}
