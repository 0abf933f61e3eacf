/* `bouncelab run TRACE`: one configuration, its metrics, and optionally its events and waveforms.
 */
#include "cli.h"
#include "cli_results.h"
#include "cli_sim_options.h"
#include "cli_replay.h"
#include "cli_trace_options.h"
#include "sim.h"
#include "sim_algos.h"
#include "sim_presets.h"
#include "util_atomic_file.h"

#include <stdio.h>

typedef struct {
    char *preset;
    char *algo;
    char *window;
    char *mode;
    char *interval;
    char *runtime;
    char *irq_latency;
    char *events;
    char *vcd;
} run_options_t;

static void run_options_clear(run_options_t *o)
{
    g_free(o->preset);
    g_free(o->algo);
    g_free(o->window);
    g_free(o->mode);
    g_free(o->interval);
    g_free(o->runtime);
    g_free(o->irq_latency);
    g_free(o->events);
    g_free(o->vcd);
}

static gboolean fail_option(const char *option, GError *error)
{
    fprintf(stderr, "bouncelab: %s: %s\n", option, error->message);
    g_error_free(error);
    return FALSE;
}

/* Preset, then the chosen values, then runtime latencies, then overrides. */
static gboolean build_config(const run_options_t *o, const cli_sim_options_t *so, sim_config_t *cfg)
{
    GError *error = NULL;
    gboolean window_given = o->window != NULL;

    sim_config_init(cfg);
    if (o->preset && !sim_preset_apply(o->preset, cfg, &error)) {
        return fail_option("--preset", error);
    }
    if (o->algo && !sim_algo_from_name(o->algo, &cfg->algo, &error)) {
        return fail_option("--algo", error);
    }
    if (o->mode && !sim_mode_from_name(o->mode, &cfg->mode, &error)) {
        return fail_option("--mode", error);
    }
    if (window_given) {
        if (!cli_duration("--window", o->window, &cfg->press_window_ns)) {
            return FALSE;
        }
        cfg->release_window_ns = cfg->press_window_ns;
    }
    if (o->interval && !cli_duration("--interval", o->interval, &cfg->interval_ns)) {
        return FALSE;
    }
    if (o->runtime) {
        sim_runtime_t rt;
        if (!sim_runtime_from_name(o->runtime, &rt, &error)) {
            return fail_option("--runtime", error);
        }
        if (rt == SIM_RUNTIME_CUSTOM) {
            fprintf(stderr, "bouncelab: --runtime: 'custom' is what overriding a latency gives; "
                            "choose c, mpy-hard or mpy-soft\n");
            return FALSE;
        }
        sim_config_set_runtime(cfg, rt);
    }
    if (o->irq_latency) {
        if (!cli_duration("--irq-latency", o->irq_latency, &cfg->irq_latency.base_ns)) {
            return FALSE;
        }
        cfg->runtime = SIM_RUNTIME_CUSTOM;
    }
    return cli_sim_options_apply(so, cfg);
}

static gboolean write_events(const char *path, const sim_result_t *result, const GArray *matches)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(util_atomic_file_t) file = util_atomic_file_open(path, &error);

    if (file == NULL) {
        cli_print_error(error);
        return FALSE;
    }
    cli_results_events_csv(util_atomic_file_stream(file), result, matches);
    if (!util_atomic_file_commit(g_steal_pointer(&file), &error)) {
        cli_print_error(error);
        return FALSE;
    }
    return TRUE;
}

int cmd_run(int argc, char **argv)
{
    run_options_t o = {0};
    cli_sim_options_t so;
    cli_trace_args_t ro;
    trace_read_options_t read_opts;
    sim_config_t cfg;
    sim_metrics_t m;
    int64_t settle_ns = 0;
    g_autoptr(GError) error = NULL;
    g_autoptr(GOptionContext) context = g_option_context_new("TRACE - replay a trace through one "
                                                             "debounce configuration");
    const GOptionEntry entries[] = {
        {"preset", 'p', 0, G_OPTION_ARG_STRING, &o.preset,
         "Start from a preset: tutorial-poll-raw, tutorial-poll-300ms, tutorial-irq-raw, "
         "tutorial-irq-500ms (later options override it)",
         "NAME"},
        {"algo", 'a', 0, G_OPTION_ARG_STRING, &o.algo,
         "Debounce algorithm (see 'bouncelab algorithms') [default: defer]", "NAME"},
        {"window", 'w', 0, G_OPTION_ARG_STRING, &o.window,
         "Debounce window (press; release too unless --release-window) [default: 5ms]", "DUR"},
        {"mode", 'm', 0, G_OPTION_ARG_STRING, &o.mode,
         "poll (read every --interval) or irq (GPIO interrupt + alarms) [default: poll]", "MODE"},
        {"interval", 'i', 0, G_OPTION_ARG_STRING, &o.interval,
         "poll: time between reads [default: 1ms]", "DUR"},
        {"runtime", 'r', 0, G_OPTION_ARG_STRING, &o.runtime,
         "irq: latency defaults of c, mpy-hard or mpy-soft (see below) [default: c]", "RT"},
        {"irq-latency", 0, 0, G_OPTION_ARG_STRING, &o.irq_latency,
         "irq: base entry latency, from the edge (or the previous handler's end) "
         "[default: the runtime's]",
         "DUR"},
        {"events", 'e', 0, G_OPTION_ARG_FILENAME, &o.events,
         "Write each reported event (t_ns,event,truth_index,latency_us) to FILE.csv", "FILE"},
        {"vcd", 0, 0, G_OPTION_ARG_FILENAME, &o.vcd,
         "Write raw, debounced and handler-activity channels to FILE.vcd (GTKWave, PulseView)",
         "FILE"},
        G_OPTION_ENTRY_NULL};
    int status = CLI_EXIT_USAGE;

    cli_sim_options_init(&so);
    cli_trace_args_init(&ro);
    g_option_context_add_main_entries(context, entries, NULL);
    cli_sim_options_add(context, &so);
    cli_trace_add_options(context, &ro);
    g_option_context_set_summary(
        context, "Replays TRACE through the debounce core the way firmware would (polling, or a "
                 "GPIO interrupt with RP2040 semantics), scores the reported presses against the "
                 "trace's truth (or the oracle's, for a recording without it), and prints the "
                 "metrics.");
    g_option_context_set_description(context, cli_sim_options_help());

    if (!cli_parse_options(context, &argc, &argv)) {
        goto out;
    }
    if (argc != 2) {
        fprintf(stderr, "bouncelab: run takes one TRACE (see 'bouncelab run --help')\n");
        goto out;
    }
    if (!build_config(&o, &so, &cfg) || !cli_sim_options_settle(&so, &settle_ns) ||
        !cli_trace_read_options(&ro, &read_opts)) {
        goto out;
    }
    if (!sim_config_validate(&cfg, &error)) {
        cli_print_error(error);
        goto out;
    }
    {
        g_autofree char *trace_desc = NULL;
        g_autoptr(trace_t) trace =
            cli_replay_load(argv[1], &read_opts, settle_ns, &trace_desc, &status);
        sim_record_t record = {.output = o.vcd != NULL,
                               .activity = o.vcd != NULL,
                               .from_ns = INT64_MIN,
                               .to_ns = INT64_MAX};
        g_autoptr(sim_result_t) result = NULL;
        g_autoptr(GArray) matches = g_array_new(FALSE, FALSE, sizeof(sim_match_t));

        if (trace == NULL) {
            goto out; /* status says bad input or I/O */
        }
        status = CLI_EXIT_USAGE;
        result = sim_run(trace, &cfg, &record, &error);
        if (result == NULL) {
            cli_print_error(error);
            goto out;
        }
        sim_metrics_compute(trace, &cfg, result, &m, matches);
        status = CLI_EXIT_FAILURE;
        if (o.events && !write_events(o.events, result, matches)) {
            goto out;
        }
        if (o.vcd && !cli_replay_write_vcd(o.vcd, trace, &cfg, result)) {
            goto out;
        }
        cli_results_print_run(stdout, trace_desc, &cfg, result, &m);
        status = CLI_EXIT_OK;
    }
out:
    run_options_clear(&o);
    cli_sim_options_clear(&so);
    cli_trace_args_clear(&ro);
    return status;
}
