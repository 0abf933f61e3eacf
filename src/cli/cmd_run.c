/* `bouncelab run TRACE`: one configuration, its metrics, and optionally its events and waveforms.
 */
#include "cli.h"
#include "cli_results.h"
#include "cli_run_options.h"
#include "cli_sim_options.h"
#include "cli_replay.h"
#include "cli_trace_options.h"
#include "sim.h"
#include "util_atomic_file.h"

#include <stdio.h>

typedef struct {
    char *events;
    char *vcd;
    char *vcd_timescale;
} run_outputs_t;

static void run_outputs_clear(run_outputs_t *o)
{
    g_clear_pointer(&o->events, g_free);
    g_clear_pointer(&o->vcd, g_free);
    g_clear_pointer(&o->vcd_timescale, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(run_outputs_t, run_outputs_clear)

static gboolean write_events(const char *path, const sim_result_t *result, const GArray *matches,
                             GError **error)
{
    g_autoptr(util_atomic_file_t) file = util_atomic_file_open(path, error);

    if (file == NULL) {
        return FALSE;
    }
    cli_results_events_csv(util_atomic_file_stream(file), result, matches);
    return util_atomic_file_commit(g_steal_pointer(&file), error);
}

/* Reads, replays and scores the trace; prints the metrics. The exit status of the error, or 0. */
static int replay(const char *path, const sim_config_t *cfg, const trace_read_options_t *read_opts,
                  int64_t settle_ns, int64_t timescale_ns, const run_outputs_t *o)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *trace_desc = NULL;
    g_autoptr(trace_t) trace = cli_replay_load(path, read_opts, settle_ns, &trace_desc, &error);
    sim_record_t record = {.output = o->vcd != NULL,
                           .activity = o->vcd != NULL,
                           .from_ns = INT64_MIN,
                           .to_ns = INT64_MAX};
    g_autoptr(sim_result_t) result = NULL;
    g_autoptr(GArray) matches = g_array_new(FALSE, FALSE, sizeof(sim_match_t));
    sim_metrics_t m;

    if (trace == NULL ||
        !cli_sim_options_check_phase(cfg, trace->start_ns, trace->end_ns, path, &error)) {
        return cli_fail(error);
    }
    result = sim_run(trace, cfg, &record, &error);
    if (result == NULL) {
        return cli_fail(error);
    }
    sim_metrics_compute(trace, cfg, result, &m, matches);
    cli_replay_warn_active(path, trace, result, matches);
    if (o->events && !write_events(o->events, result, matches, &error)) {
        return cli_fail(error);
    }
    if (o->vcd &&
        !cli_replay_write_vcd(o->vcd, trace, cfg, result, matches, timescale_ns, &error)) {
        cli_error_as_failure(error); /* writing failed, whatever the domain says */
        return cli_fail(error);
    }
    cli_results_print_run(stdout, trace_desc, cfg, result, &m);
    return CLI_EXIT_OK;
}

int cmd_run(int argc, char **argv)
{
    g_auto(cli_run_options_t) config_opts = {0};
    g_auto(run_outputs_t) o = {0};
    g_auto(cli_sim_options_t) so = {0};
    g_auto(cli_trace_args_t) ro = {0};
    trace_read_options_t read_opts;
    sim_config_t cfg;
    int64_t settle_ns = 0, timescale_ns = 0;
    g_autoptr(GError) error = NULL;
    g_autoptr(GOptionContext) context = g_option_context_new("TRACE - replay a trace through one "
                                                             "debounce configuration");
    const GOptionEntry entries[] = {
        {"events", 'e', 0, G_OPTION_ARG_FILENAME, &o.events,
         "Write each reported event (t_ns,event,truth_index,latency_us) to FILE", "FILE"},
        {"vcd", 0, 0, G_OPTION_ARG_FILENAME, &o.vcd,
         "Write the pin, pressed, debounced, truth, activity, event, false and missed wires to "
         "FILE.vcd (GTKWave, PulseView, sigrok-cli)",
         "FILE"},
        {"vcd-timescale", 0, 0, G_OPTION_ARG_STRING, &o.vcd_timescale, CLI_VCD_TIMESCALE_HELP,
         "DURATION"},
        G_OPTION_ENTRY_NULL};

    cli_trace_args_init(&ro);
    /* the configuration's options first in --help, then this command's outputs */
    g_option_context_set_main_group(context, g_option_group_new(NULL, NULL, NULL, NULL, NULL));
    cli_run_options_add(g_option_context_get_main_group(context), &config_opts);
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
        return CLI_EXIT_USAGE;
    }
    if (argc != 2) {
        return cli_usage("run takes one TRACE (see 'bouncelab run --help')");
    }
    if (!cli_run_options_config(&config_opts, &so, &cfg, &error) ||
        !cli_sim_options_settle(&so, &settle_ns, &error) ||
        !cli_trace_read_options(&ro, &read_opts, &error) ||
        !cli_vcd_timescale(o.vcd_timescale, &timescale_ns, &error) ||
        !sim_config_validate(&cfg, &error)) {
        return cli_fail(error);
    }
    return replay(argv[1], &cfg, &read_opts, settle_ns, timescale_ns, &o);
}
