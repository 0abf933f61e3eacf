/*
 * `bouncelab stress`: Monte-Carlo over presses. Every configuration of the
 * sweep grid replays the same presses, generated from a switch model (a
 * gen profile, a model file, or a model fitted to traces) or resampled from
 * recordings, and the CSV gives rates per million press cycles with exact
 * 95 % bounds.
 */
#include "cli.h"
#include "cli_grid_options.h"
#include "cli_interrupt.h"
#include "cli_model.h"
#include "cli_replay.h"
#include "cli_sim_options.h"
#include "cli_trace_options.h"
#include "stress.h"
#include "stress_csv.h"
#include "trace_fit.h"
#include "trace_stats.h"
#include "cli_results.h"
#include "stats.h"
#include "util_atomic_file.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define PRESSES_DEFAULT "1000000"
#define SEED_DEFAULT    1
/* The proposal of --rare (trace_gen.h): half the draws from the tail, half
 * of those from its top sixteenth. */
#define RARE_TAIL_PROB    0.5
#define RARE_TOP_PROB     0.5
#define RARE_TOP_FRACTION 16

typedef struct {
    char *output;
    cli_grid_options_t grid;
    char *presses;
    char *shard;
    /* cppcheck-suppress unusedStructMember ; read through g_auto(), which cppcheck misses */
    gint jobs;
    gboolean resample;
    /* cppcheck-suppress unusedStructMember ; read through g_auto(), which cppcheck misses */
    gboolean rare;
    /* cppcheck-suppress unusedStructMember ; read through g_auto(), which cppcheck misses */
    gint rare_top_fraction;
} stress_options_t;

static void stress_options_clear(stress_options_t *o)
{
    g_free(o->output);
    cli_grid_options_clear(&o->grid);
    g_free(o->presses);
    g_free(o->shard);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(stress_options_t, stress_options_clear)

gboolean cli_parse_presses(const char *option, const char *text, guint64 *out, GError **error)
{
    char *end = NULL;
    double v = g_ascii_strtod(text, &end);

    if (end == text || *end != '\0' || !(v >= 1.0 && v <= (double)STRESS_PRESSES_MAX) ||
        v != floor(v)) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                    "%s: '%s' is not a whole number of presses from 1 to 10^12 (e.g. 1000000 or "
                    "1e6)",
                    option, text);
        return FALSE;
    }
    *out = (guint64)v;
    return TRUE;
}

/* The run's identity: everything that decides its numbers, but not how it
 * is split (--shard, --jobs) or where it goes (-o). Shards of one run share
 * it; merge refuses parts that do not. */
static char *run_identity(char **argv_copy, const stress_spec_t *spec)
{
    g_autoptr(GString) s = g_string_new("bouncelab stress " BOUNCELAB_VERSION "\n");
    g_autoptr(GChecksum) sum = g_checksum_new(G_CHECKSUM_SHA256);

    for (char **a = argv_copy + 1; *a; a++) {
        if (strcmp(*a, "--shard") == 0 || strcmp(*a, "-j") == 0 || strcmp(*a, "--jobs") == 0 ||
            strcmp(*a, "-o") == 0 || strcmp(*a, "--output") == 0) {
            a += a[1] != NULL;
            continue;
        }
        if (g_str_has_prefix(*a, "--shard=") || g_str_has_prefix(*a, "--jobs=") ||
            g_str_has_prefix(*a, "--output=") || (g_str_has_prefix(*a, "-j") && (*a)[2] != '\0') ||
            (g_str_has_prefix(*a, "-o") && (*a)[2] != '\0')) {
            continue;
        }
        g_string_append_printf(s, "%s\n", *a);
    }
    /* and what the inputs held, in case a file changed between shards */
    for (guint i = 0; i < spec->inputs->len; i++) {
        const stress_input_t *in = g_ptr_array_index(spec->inputs, i);
        if (in->recorded != NULL) {
            g_autoptr(GChecksum) edges = g_checksum_new(G_CHECKSUM_SHA256);
            g_checksum_update(edges, (const guchar *)in->recorded->edges->data,
                              (gssize)(in->recorded->edges->len * sizeof(int64_t)));
            g_string_append_printf(s, "recorded %s\n", g_checksum_get_string(edges));
        } else {
            g_autofree char *text = cli_model_format(&in->model, in->name, "", NULL);
            g_string_append(s, text);
        }
    }
    g_checksum_update(sum, (const guchar *)s->str, (gssize)s->len);
    return g_strndup(g_checksum_get_string(sum), 16);
}

/* Turns each argument into an input: a model file, a trace (fitted, or
 * resampled), or a gen profile's name. */
static gboolean add_inputs(char **paths, const stress_options_t *o, const cli_trace_args_t *ro,
                           int64_t settle_ns, stress_spec_t *spec, GPtrArray *traces,
                           GError **error)
{
    trace_read_options_t read_opts;

    if (!cli_trace_read_options(ro, &read_opts, error)) {
        return FALSE;
    }
    for (char **p = paths; *p; p++) {
        const trace_gen_profile_t *profile = trace_gen_profile_find(*p);
        trace_gen_params_t model;
        g_autofree char *name = NULL;
        trace_t *trace;

        if (!g_file_test(*p, G_FILE_TEST_EXISTS)) {
            if (profile == NULL) {
                g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                            "%s: no such file, and no gen profile of that name (see 'bouncelab "
                            "gen --help')",
                            *p);
                return FALSE;
            }
            if (o->resample) {
                g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                            "--resample replays recordings; '%s' is a profile", *p);
                return FALSE;
            }
            stress_spec_add_model(spec, profile->name, &profile->params, -1);
            continue;
        }
        if (cli_model_sniff(*p)) {
            if (o->resample) {
                g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                            "--resample replays recordings; '%s' is a model", *p);
                return FALSE;
            }
            if (!cli_model_load(*p, &model, &name, error)) {
                return FALSE;
            }
            stress_spec_add_model(spec, name, &model, -1);
            continue;
        }
        trace = cli_replay_load(*p, &read_opts, settle_ns, NULL, error);
        if (trace == NULL) {
            return FALSE;
        }
        g_ptr_array_add(traces, trace);
        if (trace_n_truth(trace) == 0) {
            g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "%s: no presses to replay or fit", *p);
            return FALSE;
        }
        /* what the recording alone supports, before any model extrapolates it */
        {
            g_autofree char *bound =
                stress_csv_per_million(stats_rate_zero_upper95(trace_n_truth(trace)));
            fprintf(stderr,
                    "stress: %s: %zu recorded presses; with no failure among them they bound the "
                    "rate at %s per million at best (95 %%); 1 per million from recordings alone "
                    "needs %" G_GUINT64_FORMAT " clean presses\n",
                    *p, trace_n_truth(trace), bound,
                    stats_rate_trials_needed(1.0 / STATS_PER_MILLION));
        }
        if (o->resample) {
            trace_stats_t stats;
            trace_stats_compute(trace, settle_ns, &stats);
            stress_spec_add_recorded(spec, trace->name, trace, stats.make.max_ns);
            continue;
        }
        {
            const trace_t *one[] = {trace};
            trace_fit_report_t report;
            g_autoptr(GError) local = NULL;
            if (!trace_fit(one, 1, settle_ns, &model, &report, &local)) {
                g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                            "%s: %s (try --resample, or more presses)", *p, local->message);
                return FALSE;
            }
            stress_spec_add_model(spec, trace->name, &model, report.make.longest_ns);
        }
    }
    return TRUE;
}

/* The configurations of the grid, in sweep's order. */
static gboolean plan_configs(const stress_options_t *o, cli_sim_options_t *so, GArray *configs,
                             GError **error)
{
    g_autoptr(sim_sweep_spec_t) grid = sim_sweep_spec_new();
    g_autoptr(sim_sweep_plan_t) plan = NULL;
    g_autoptr(trace_t) stand_in = trace_new("grid", TRUE, TRUE, 0);

    if (!cli_grid_options_build(&o->grid, so, grid, error)) {
        return FALSE;
    }
    g_ptr_array_add(grid->traces, stand_in);
    plan = sim_sweep_plan_new(grid, error);
    if (plan == NULL) {
        return FALSE;
    }
    if (sim_sweep_plan_skipped(plan) > 0) {
        fprintf(stderr, "stress: skipped %zu combinations: %s\n", sim_sweep_plan_skipped(plan),
                sim_sweep_plan_skip_reason(plan));
    }
    for (gsize n = 0; n < sim_sweep_plan_rows(plan); n++) {
        sim_sweep_row_t row;
        sim_sweep_plan_row(plan, n, &row);
        g_array_append_val(configs, row.cfg);
    }
    return TRUE;
}

static gboolean stop_requested(gpointer data)
{
    return cli_interrupt_caught(data) != 0;
}

static void write_rows(FILE *out, const stress_spec_t *spec, const stress_tally_t *tallies,
                       const char *run_id, const char *shard)
{
    g_autofree char *header = stress_csv_header();
    fputs(header, out);
    for (guint i = 0; i < spec->inputs->len; i++) {
        const stress_input_t *in = g_ptr_array_index(spec->inputs, i);
        for (guint c = 0; c < spec->configs->len; c++) {
            stress_row_t row = {0};
            g_autofree char *line = NULL;

            stress_row_set_config(&row, in->name, &g_array_index(spec->configs, sim_config_t, c));
            row.tally = tallies[i * spec->configs->len + c];
            row.rare = spec->rare && in->recorded == NULL;
            if (row.rare) {
                stress_rare_weights(spec, i, row.weights);
            }
            row.bounce_longest_us = in->longest_ns >= 0
                                        ? cli_results_format_us((double)in->longest_ns / 1000.0)
                                        : g_strdup("");
            row.bounce_1e6_us =
                in->recorded == NULL
                    ? cli_results_format_us(
                          (double)trace_fit_quantile_ns(&in->model.make, STATS_PER_MILLION) /
                          1000.0)
                    : g_strdup("");
            row.seed = spec->seed;
            row.run_id = g_strdup(run_id);
            row.shard = g_strdup(shard);
            line = stress_csv_format(&row);
            fputs(line, out);
            stress_row_clear(&row);
        }
    }
}

int cmd_stress(int argc, char **argv)
{
    g_auto(stress_options_t) o = {.rare_top_fraction = RARE_TOP_FRACTION};
    g_auto(cli_sim_options_t) so = {0};
    g_auto(cli_trace_args_t) ro = {0};
    g_autoptr(GOptionContext) context = g_option_context_new(
        "TRACE|MODEL|PROFILE... - Monte-Carlo over presses: rates per million with 95 % bounds");
    const GOptionEntry head[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
         "Write the CSV here, atomically ('-': standard output) [default: -]", "FILE"},
        G_OPTION_ENTRY_NULL};
    const GOptionEntry entries[] = {
        {"presses", 'n', 0, G_OPTION_ARG_STRING, &o.presses,
         "Press cycles per input, 1 to 10^12 (1e6 works) [default: " PRESSES_DEFAULT "]", "N"},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &o.jobs, "Threads [default: the number of processors]",
         "N"},
        {"shard", 0, 0, G_OPTION_ARG_STRING, &o.shard,
         "Run only shard I of N (every N-th batch of presses); 'bouncelab merge' adds the parts",
         "I/N"},
        {"resample", 0, 0, G_OPTION_ARG_NONE, &o.resample,
         "Replay the recorded presses themselves, each time at a fresh random polling phase and "
         "latency draws, instead of fitting a model",
         NULL},
        {"rare", 0, 0, G_OPTION_ARG_NONE, &o.rare,
         "Also estimate the failure rate by importance sampling of the bounce tail (the rare_* "
         "columns, with a standard error)",
         NULL},
        {"rare-top", 0, 0, G_OPTION_ARG_INT, &o.rare_top_fraction,
         "--rare: favour the top 1/N of each bounce tail [default: 16]", "N"},
        G_OPTION_ENTRY_NULL};
    g_autoptr(stress_spec_t) spec = stress_spec_new();
    g_autoptr(GPtrArray) traces = g_ptr_array_new_with_free_func((GDestroyNotify)trace_free);
    g_autoptr(GError) error = NULL;
    g_autoptr(cli_interrupt_t) watch = NULL;
    g_autoptr(util_atomic_file_t) file = NULL;
    g_auto(GStrv) argv_copy = g_strdupv(argv);
    g_autofree stress_tally_t *tallies = NULL;
    g_autofree char *run_id = NULL;
    g_autofree char *shard_text = NULL;
    int64_t settle_ns = 0;
    gboolean stopped = FALSE;
    guint threads;

    cli_sim_options_init(&so);
    cli_trace_args_init(&ro);
    g_option_context_add_main_entries(context, head, NULL);
    cli_grid_options_add(context, &o.grid);
    g_option_context_add_main_entries(context, entries, NULL);
    cli_sim_options_add(context, &so);
    cli_trace_add_options(context, &ro);
    g_option_context_set_summary(
        context,
        "Generates --presses press cycles from each input's switch model (a gen profile name, a "
        "model file from 'bouncelab fit', or a trace, which is fitted first), replays every "
        "combination of the grid options on the same presses, and writes one row per input and "
        "combination: the sweep's columns plus false, missed and failed press cycles per million "
        "with exact one-sided 95 % (Clopper-Pearson) upper bounds. A cycle is a press and its "
        "release; one with any false trigger counts once. Same --seed, same bytes, whatever -j "
        "or --shard.");
    g_option_context_set_description(context, cli_sim_options_help());

    if (!cli_parse_options(context, &argc, &argv)) {
        return CLI_EXIT_USAGE;
    }
    watch = cli_interrupt_watch();
    if (argc < 2) {
        return cli_usage("stress needs at least one TRACE, MODEL or PROFILE (e.g. 'bouncelab "
                         "stress worn')");
    }
    if (!cli_parse_presses("--presses", o.presses ? o.presses : PRESSES_DEFAULT, &spec->presses,
                           &error)) {
        return cli_fail(error);
    }
    /* --seed (a shared simulation option) seeds the presses too; each batch
     * then draws its own jitter and latency seed from it */
    spec->seed = SEED_DEFAULT;
    if (so.seed != NULL && !cli_unsigned("--seed", so.seed, G_MAXUINT32, &spec->seed, &error)) {
        return cli_fail(error);
    }
    if (!cli_jobs_threads(o.jobs, &threads, &error)) {
        return cli_fail(error);
    }
    if (o.rare_top_fraction < 1 || o.rare_top_fraction > 1000000) {
        return cli_usage("--rare-top: %d is not between 1 and 1000000", o.rare_top_fraction);
    }
    /* reject what cannot apply rather than ignore it */
    if (o.rare_top_fraction != RARE_TOP_FRACTION && !o.rare) {
        return cli_usage("--rare-top shapes --rare's proposal; give --rare too");
    }
    if (o.rare && o.resample) {
        return cli_usage("--rare draws bounces from a model's tail; --resample replays "
                         "recordings and has none");
    }
    if (o.resample && so.phase != NULL) {
        return cli_usage("--phase: --resample draws a fresh polling phase for every replay");
    }
    spec->rare = o.rare;
    spec->tilt = (trace_gen_tilt_t){RARE_TAIL_PROB, RARE_TOP_PROB, (guint)o.rare_top_fraction};
    if ((o.shard != NULL &&
         !cli_parse_shard(o.shard, &spec->shard_index, &spec->shard_count, &error)) ||
        !cli_sim_options_settle(&so, &settle_ns, &error) ||
        !plan_configs(&o, &so, spec->configs, &error) ||
        !add_inputs(argv + 1, &o, &ro, settle_ns, spec, traces, &error)) {
        return cli_fail(error);
    }
    run_id = run_identity(argv_copy, spec);
    shard_text = o.shard != NULL
                     ? g_strdup_printf("%u/%u", spec->shard_index + 1, spec->shard_count)
                     : g_strdup("");
    file = util_atomic_file_open(o.output ? o.output : "-", &error);
    if (file == NULL) {
        return cli_fail(error);
    }
    tallies = stress_run(spec, threads, stop_requested, watch, &stopped, &error);
    if (tallies == NULL && stopped) {
        int sig = cli_interrupt_caught(watch);
        g_autoptr(GError) stop =
            g_error_new(CLI_ERROR, CLI_ERROR_FAILURE, "stress interrupted; %s not written",
                        o.output ? o.output : "output");
        cli_print_error(stop);
        return 128 + (sig != 0 ? sig : 2); /* the shell's status for the signal */
    }
    if (tallies == NULL) {
        cli_error_as_usage(error); /* a configuration or model the simulator refuses */
        return cli_fail(error);
    }
    write_rows(util_atomic_file_stream(file), spec, tallies, run_id, shard_text);
    if (!util_atomic_file_commit(g_steal_pointer(&file), &error)) {
        return cli_fail(error);
    }
    return CLI_EXIT_OK;
}
