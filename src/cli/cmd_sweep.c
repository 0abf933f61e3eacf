/* `bouncelab sweep`: the cross product of settings over traces, one CSV row each. */
#include "cli.h"
#include "cli_results.h"
#include "cli_sim_options.h"
#include "cli_replay.h"
#include "cli_trace_options.h"
#include "sim_algos.h"
#include "sim_sweep.h"
#include "cli_interrupt.h"
#include "util_atomic_file.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The default grid answers the headline question for the bundled profiles,
 * whose bounce runs from tens of us (keyswitch) to hundreds of ms (industrial). */
#define DEFAULT_ALGOS "lockout,defer,eager-defer,integrator"
#define DEFAULT_WINDOWS                                                                            \
    "250us,500us,1ms,2ms,3ms,5ms,8ms,10ms,15ms,20ms,30ms,50ms,80ms,100ms,150ms,200ms,300ms,500ms"
#define DEFAULT_MODES     "poll,irq"
#define DEFAULT_INTERVALS "100us,1ms,5ms,10ms"
#define DEFAULT_RUNTIMES  "c,mpy-hard,mpy-soft"
/* A range START:STOP:STEP may not expand to more than this many windows. */
#define MAX_WINDOWS        100000
#define PROGRESS_PERIOD_US (G_USEC_PER_SEC / 10)

typedef struct {
    char *output;
    char *algos;
    char *windows;
    char *modes;
    char *intervals;
    char *runtimes;
    char *irq_latencies;
    char *shard;
    gint jobs;
} sweep_options_t;

static void sweep_options_clear(sweep_options_t *o)
{
    g_free(o->output);
    g_free(o->algos);
    g_free(o->windows);
    g_free(o->modes);
    g_free(o->intervals);
    g_free(o->runtimes);
    g_free(o->irq_latencies);
    g_free(o->shard);
}

static gboolean parse_durations(const char *option, const char *text, GArray *out)
{
    g_auto(GStrv) parts = g_strsplit(text, ",", -1);

    for (char **p = parts; *p; p++) {
        g_auto(GStrv) range = g_strsplit(g_strstrip(*p), ":", -1);
        int64_t ns = 0;
        if (g_strv_length(range) == 3) {
            int64_t start, stop, step;
            if (!cli_duration(option, range[0], &start) || !cli_duration(option, range[1], &stop) ||
                !cli_duration(option, range[2], &step)) {
                return FALSE;
            }
            if (step <= 0 || stop < start || (stop - start) / step >= MAX_WINDOWS) {
                fprintf(stderr,
                        "bouncelab: %s: '%s' is not a range START:STOP:STEP with START <= STOP, "
                        "STEP > 0 and at most %d values\n",
                        option, *p, MAX_WINDOWS);
                return FALSE;
            }
            for (int64_t v = start; v <= stop; v += step) {
                g_array_append_val(out, v);
            }
            continue;
        }
        if (!cli_duration(option, *p, &ns)) {
            return FALSE;
        }
        g_array_append_val(out, ns);
    }
    return TRUE;
}

static gboolean parse_names(const char *option, const char *text, GArray *out,
                            gboolean (*parse)(const char *, gpointer, GError **))
{
    g_auto(GStrv) parts = g_strsplit(text, ",", -1);

    for (char **p = parts; *p; p++) {
        g_autoptr(GError) error = NULL;
        int value = 0;
        if (!parse(g_strstrip(*p), &value, &error)) {
            fprintf(stderr, "bouncelab: %s: %s\n", option, error->message);
            return FALSE;
        }
        g_array_append_val(out, value);
    }
    return TRUE;
}

static gboolean algo_parser(const char *name, gpointer out, GError **error)
{
    return sim_algo_from_name(name, out, error);
}

static gboolean mode_parser(const char *name, gpointer out, GError **error)
{
    return sim_mode_from_name(name, out, error);
}

static gboolean runtime_parser(const char *name, gpointer out, GError **error)
{
    if (!sim_runtime_from_name(name, out, error)) {
        return FALSE;
    }
    if (*(sim_runtime_t *)out == SIM_RUNTIME_CUSTOM) {
        g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                    "use --irq-latency for custom latencies");
        return FALSE;
    }
    return TRUE;
}

static gboolean parse_shard(const char *text, sim_sweep_spec_t *spec)
{
    guint64 i = 0, n = 0;
    g_auto(GStrv) parts = g_strsplit(text, "/", -1);

    if (g_strv_length(parts) != 2 ||
        !g_ascii_string_to_unsigned(parts[0], 10, 1, G_MAXUINT, &i, NULL) ||
        !g_ascii_string_to_unsigned(parts[1], 10, 1, G_MAXUINT, &n, NULL) || i > n) {
        fprintf(stderr, "bouncelab: --shard: '%s' is not I/N with 1 <= I <= N (e.g. 2/4)\n", text);
        return FALSE;
    }
    spec->shard_index = (guint)(i - 1);
    spec->shard_count = (guint)n;
    return TRUE;
}

static gboolean build_spec(const sweep_options_t *o, cli_sim_options_t *so, sim_sweep_spec_t *spec)
{
    g_autoptr(GArray) runtimes = g_array_new(FALSE, FALSE, sizeof(sim_runtime_t));
    g_autoptr(GArray) latencies = g_array_new(FALSE, FALSE, sizeof(int64_t));

    if (!parse_names("--algo", o->algos ? o->algos : DEFAULT_ALGOS, spec->algos, algo_parser) ||
        !parse_names("--mode", o->modes ? o->modes : DEFAULT_MODES, spec->modes, mode_parser) ||
        !parse_durations("--window", o->windows ? o->windows : DEFAULT_WINDOWS, spec->windows_ns) ||
        !parse_durations("--interval", o->intervals ? o->intervals : DEFAULT_INTERVALS,
                         spec->intervals_ns)) {
        return FALSE;
    }
    /* custom latencies replace the runtimes, unless both are asked for */
    if (o->irq_latencies != NULL &&
        !parse_durations("--irq-latency", o->irq_latencies, latencies)) {
        return FALSE;
    }
    if ((o->runtimes != NULL || o->irq_latencies == NULL) &&
        !parse_names("--runtime", o->runtimes ? o->runtimes : DEFAULT_RUNTIMES, runtimes,
                     runtime_parser)) {
        return FALSE;
    }
    for (guint i = 0; i < runtimes->len; i++) {
        sim_sweep_irq_t irq = {g_array_index(runtimes, sim_runtime_t, i), 0};
        g_array_append_val(spec->irqs, irq);
    }
    for (guint i = 0; i < latencies->len; i++) {
        sim_sweep_irq_t irq = {SIM_RUNTIME_CUSTOM, g_array_index(latencies, int64_t, i)};
        g_array_append_val(spec->irqs, irq);
    }
    if (so->release_window != NULL &&
        !cli_duration("--release-window", so->release_window, &spec->release_window_ns)) {
        return FALSE;
    }
    if (o->shard != NULL && !parse_shard(o->shard, spec)) {
        return FALSE;
    }
    return cli_sim_options_apply(so, &spec->base);
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
    return cli_results_csv_row(trace->name, &row->cfg, &row->metrics);
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

int cmd_sweep(int argc, char **argv)
{
    sweep_options_t o = {.jobs = 0};
    cli_sim_options_t so;
    cli_trace_args_t ro;
    trace_read_options_t read_opts;
    g_autoptr(GOptionContext) context =
        g_option_context_new("[TRACE...] - sweep debounce settings over traces into a CSV");
    const GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
         "Write the CSV here, atomically ('-': standard output) [default: -]", "FILE"},
        {"algo", 'a', 0, G_OPTION_ARG_STRING, &o.algos,
         "Algorithms, comma-separated [default: " DEFAULT_ALGOS "]", "LIST"},
        {"window", 'w', 0, G_OPTION_ARG_STRING, &o.windows,
         "Windows: a list (1ms,2ms) or a range START:STOP:STEP (1ms:20ms:1ms) "
         "[default: " DEFAULT_WINDOWS "]",
         "LIST"},
        {"mode", 'm', 0, G_OPTION_ARG_STRING, &o.modes,
         "Modes, comma-separated [default: " DEFAULT_MODES "]", "LIST"},
        {"interval", 'i', 0, G_OPTION_ARG_STRING, &o.intervals,
         "poll: intervals [default: " DEFAULT_INTERVALS "]", "LIST"},
        {"runtime", 'r', 0, G_OPTION_ARG_STRING, &o.runtimes,
         "irq: runtimes [default: " DEFAULT_RUNTIMES ", unless --irq-latency is given]", "LIST"},
        {"irq-latency", 0, 0, G_OPTION_ARG_STRING, &o.irq_latencies,
         "irq: custom base latencies (no jitter), instead of or besides --runtime", "LIST"},
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
            fputs(cli_results_csv_header, s.out);
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
