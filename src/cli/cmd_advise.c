/*
 * `bouncelab advise TRACE...`: one setting that meets every constraint on
 * every trace, with its evidence, and optionally the program that runs it
 * (--emit c|micropython FILE).
 */
#include "cli.h"
#include "cli_advise.h"
#include "cli_advise_report.h"
#include "cli_replay.h"
#include "cli_sweep_grid.h"
#include "cli_trace_options.h"
#include "cli_model.h"
#include "emit.h"
#include "sim_algos.h"
#include "trace_fit.h"
#include "trace_oracle.h"
#include "util_atomic_file.h"
#include "util_duration.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    char *platform;
    char *algos;
    char *mode;
    char *interval;
    char *runtime;
    char *max_latency;
    double target_ppm;
    double max_cpu;
    gint gpio;
    char *pull;
    /* cppcheck-suppress unusedStructMember ; read through g_auto(), which cppcheck misses */
    gint jobs;
    char *presses;
    /* cppcheck-suppress unusedStructMember ; read through g_auto(), which cppcheck misses */
    gint64 seed;
    char *emit_lang; /* taken out of argv before parsing: --emit LANG FILE */
    char *emit_path;
} advise_options_t;

static void advise_options_clear(advise_options_t *o)
{
    g_free(o->platform);
    g_free(o->algos);
    g_free(o->mode);
    g_free(o->interval);
    g_free(o->runtime);
    g_free(o->max_latency);
    g_free(o->pull);
    g_free(o->presses);
    g_free(o->emit_lang);
    g_free(o->emit_path);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(advise_options_t, advise_options_clear)

/* The command line as typed, for the generated program's comment. */
static char *command_line(int argc, char **argv)
{
    g_autoptr(GString) s = g_string_new("bouncelab");

    for (int i = 0; i < argc; i++) {
        g_autofree char *q = g_shell_quote(argv[i]);
        const gboolean plain =
            strpbrk(argv[i], " \t\n'\"\\$`*?[]{}()<>|&;#~") == NULL && argv[i][0] != '\0';
        g_string_append_printf(s, " %s", plain ? argv[i] : q);
    }
    return g_string_free(g_steal_pointer(&s), FALSE);
}

/* GOption takes one value per option: "--emit LANG FILE" is taken out first. */
static gboolean take_emit(int *argc, char **argv, advise_options_t *o, GError **error)
{
    for (int i = 1; i < *argc; i++) {
        int used;
        if (strcmp(argv[i], "--") == 0) {
            break;
        }
        if (strcmp(argv[i], "--emit") == 0 && i + 2 < *argc) {
            o->emit_lang = g_strdup(argv[i + 1]);
            o->emit_path = g_strdup(argv[i + 2]);
            used = 3;
        } else if (g_str_has_prefix(argv[i], "--emit=") && i + 1 < *argc) {
            o->emit_lang = g_strdup(argv[i] + strlen("--emit="));
            o->emit_path = g_strdup(argv[i + 1]);
            used = 2;
        } else if (strcmp(argv[i], "--emit") == 0 || g_str_has_prefix(argv[i], "--emit=")) {
            g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                        "--emit takes a language and a file: --emit c main.c or --emit "
                        "micropython main.py");
            return FALSE;
        } else {
            continue;
        }
        if (o->emit_path[0] == '\0' || o->emit_lang[0] == '\0') {
            g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "--emit: empty language or file name");
            return FALSE;
        }
        memmove(argv + i, argv + i + used, (size_t)(*argc - i - used + 1) * sizeof *argv);
        *argc -= used;
        i--;
    }
    return TRUE;
}

/* A usage error (exit 2) with TEXT; FALSE, for the return. */
static gboolean refuse(GError **error, const char *text)
{
    g_set_error_literal(error, CLI_ERROR, CLI_ERROR_USAGE, text);
    return FALSE;
}

/* Turns the options into a request; FALSE with why not (CLI_ERROR_USAGE). */
static gboolean make_request(const advise_options_t *o, cli_advise_request_t *req,
                             emit_lang_t *lang, GError **error)
{
    g_autoptr(GError) local = NULL;

    memset(req, 0, sizeof *req);
    req->target_ppm = o->target_ppm;
    req->max_cpu_per_s = o->max_cpu;
    if (o->emit_lang != NULL && !emit_lang_from_name(o->emit_lang, lang, &local)) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "--emit: %s", local->message);
        return FALSE;
    }
    if (o->platform == NULL) {
        req->platform = o->emit_lang != NULL && *lang == EMIT_MICROPYTHON
                            ? ADVISE_PLATFORM_MICROPYTHON
                            : ADVISE_PLATFORM_C;
    } else if (strcmp(o->platform, "c") == 0) {
        req->platform = ADVISE_PLATFORM_C;
    } else if (strcmp(o->platform, "micropython") == 0) {
        req->platform = ADVISE_PLATFORM_MICROPYTHON;
    } else {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                    "--platform: unknown platform '%s' (expected c or micropython)", o->platform);
        return FALSE;
    }
    if (o->emit_lang != NULL &&
        (*lang == EMIT_MICROPYTHON) != (req->platform == ADVISE_PLATFORM_MICROPYTHON)) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "--emit %s does not run on --platform %s",
                    o->emit_lang, o->platform);
        return FALSE;
    }
    if (o->algos != NULL) {
        g_auto(GStrv) names = g_strsplit(o->algos, ",", -1);
        for (char **n = names; *n != NULL; n++) {
            debounce_algo_t algo;
            if (!sim_algo_from_name(g_strstrip(*n), &algo, &local)) {
                g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "--algo: %s", local->message);
                return FALSE;
            }
            req->algo_mask |= 1u << (unsigned)algo;
        }
    }
    if (o->mode == NULL || strcmp(o->mode, "any") == 0) {
        req->poll = req->irq = TRUE;
    } else if (strcmp(o->mode, "poll") == 0) {
        req->poll = TRUE;
    } else if (strcmp(o->mode, "irq") == 0) {
        req->irq = TRUE;
    } else {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                    "--mode: unknown mode '%s' (expected poll, irq or any)", o->mode);
        return FALSE;
    }
    if (o->interval != NULL) {
        if (!cli_duration("--interval", o->interval, &req->interval_ns, error)) {
            return FALSE;
        }
        if (req->interval_ns <= 0) {
            return refuse(error, "--interval: the poll interval must be positive");
        }
        if (req->platform == ADVISE_PLATFORM_MICROPYTHON &&
            req->interval_ns < ADVISE_MPY_MIN_INTERVAL_NS) {
            return refuse(error, "--interval: MicroPython polls no faster than every 1ms");
        }
    }
    if (o->runtime != NULL) {
        if (!sim_runtime_from_name(o->runtime, &req->runtime, &local) ||
            req->runtime == SIM_RUNTIME_CUSTOM) {
            g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "--runtime: %s",
                        local != NULL ? local->message : "expected c, mpy-hard or mpy-soft");
            return FALSE;
        }
        if ((req->runtime == SIM_RUNTIME_C) != (req->platform == ADVISE_PLATFORM_C)) {
            g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                        "--runtime %s does not run on platform %s", o->runtime,
                        req->platform == ADVISE_PLATFORM_C ? "c" : "micropython");
            return FALSE;
        }
        req->runtime_given = TRUE;
    }
    if (o->max_latency != NULL) {
        int64_t fastest;
        if (!cli_duration("--max-latency", o->max_latency, &req->max_latency_ns, error)) {
            return FALSE;
        }
        fastest = cli_advise_fastest_latency_ns(req);
        if (req->max_latency_ns < fastest) {
            g_autofree char *limit = util_format_duration(req->max_latency_ns);
            g_autofree char *floor = util_format_duration(fastest);
            g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                        "--max-latency %s is below the fastest runtime's entry latency (%s): no "
                        "setting can meet it",
                        limit, floor);
            return FALSE;
        }
    }
    if (!(req->target_ppm >= 0) || !isfinite(req->target_ppm)) {
        return refuse(error,
                      "--target: the rate must be a number of events per million, at least 0");
    }
    if (!isnan(o->max_cpu) && !(o->max_cpu >= 0)) {
        return refuse(error, "--max-cpu: entries per second must be at least 0");
    }
    req->max_cpu_per_s = isnan(o->max_cpu) ? -1.0 : o->max_cpu;
    if (o->gpio < 0 || o->gpio > 29) {
        return refuse(error, "--gpio: the RP2040 has GPIO 0 to 29");
    }
    return TRUE;
}

/*
 * One input: a trace file (its model fitted when `want_model`), a model file
 * (`bouncelab fit`) or a gen profile's name, both stood in by a trace of
 * ADVISE_MODEL_TRACE_PRESSES presses for the search. NULL with why not.
 */
static trace_t *load_input(const char *arg, const trace_read_options_t *read_opts,
                           gboolean want_model, trace_gen_params_t *model, GError **error)
{
    const trace_gen_profile_t *profile = trace_gen_profile_find(arg);
    g_autoptr(GError) local = NULL;
    trace_t *trace;

    memset(model, 0, sizeof *model);
    if (g_file_test(arg, G_FILE_TEST_EXISTS) && !cli_model_sniff(arg)) {
        const trace_t *one[1];
        trace = cli_replay_load(arg, read_opts, TRACE_ORACLE_SETTLE_NS_DEFAULT, NULL, error);
        if (trace == NULL) {
            return NULL;
        }
        if (!want_model) {
            return trace;
        }
        one[0] = trace;
        if (!trace_fit(one, 1, TRACE_ORACLE_SETTLE_NS_DEFAULT, model, NULL, &local)) {
            g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                        "%s: %s (--presses needs a model of it; without --presses, advise uses "
                        "the recording alone)",
                        arg, local->message);
            trace_free(trace);
            return NULL;
        }
        return trace;
    }
    if (g_file_test(arg, G_FILE_TEST_EXISTS)) {
        if (!cli_model_load(arg, model, NULL, error)) {
            return NULL;
        }
    } else if (profile != NULL) {
        *model = profile->params;
    } else {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                    "%s: no such file, and no gen profile of that name (see 'bouncelab gen "
                    "--help')",
                    arg);
        return NULL;
    }
    trace = trace_gen(model, 1, ADVISE_MODEL_TRACE_PRESSES, TRUE, arg, &local);
    if (trace == NULL) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "%s: %s", arg, local->message);
    }
    return trace;
}

int cmd_advise(int argc, char **argv)
{
    g_auto(advise_options_t) o = {.target_ppm = ADVISE_DEFAULT_TARGET_PPM,
                                  .max_cpu = NAN,
                                  .seed = ADVISE_DEFAULT_SEED,
                                  .gpio = (gint)EMIT_DEFAULT_GPIO};
    g_auto(cli_trace_args_t) ro = {0};
    trace_read_options_t read_opts;
    cli_advise_request_t req;
    emit_lang_t lang = EMIT_C;
    g_autofree char *command = command_line(argc, argv);
    g_autoptr(GPtrArray) traces = g_ptr_array_new_with_free_func((GDestroyNotify)trace_free);
    g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(cli_advise_result_t) result = NULL;
    g_autoptr(GArray) models = NULL;
    guint64 presses = 0;
    guint threads = 0;
    g_autoptr(util_atomic_file_t) emit_file = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GOptionContext) context =
        g_option_context_new("TRACE|MODEL|PROFILE... - the setting to build, with its evidence");
    const GOptionEntry entries[] = {
        {"platform", 0, 0, G_OPTION_ARG_STRING, &o.platform,
         "c (pico-sdk) or micropython [default: c, or --emit's language]", "P"},
        {"algo", 'a', 0, G_OPTION_ARG_STRING, &o.algos,
         "Only these algorithms, comma-separated [default: all of 'bouncelab algorithms']", "LIST"},
        {"mode", 'm', 0, G_OPTION_ARG_STRING, &o.mode, "poll, irq or any [default: any]", "MODE"},
        {"interval", 'i', 0, G_OPTION_ARG_STRING, &o.interval,
         "poll: only this interval [default: " DEFAULT_INTERVALS ", MicroPython from 1ms]", "DUR"},
        {"runtime", 'r', 0, G_OPTION_ARG_STRING, &o.runtime,
         "irq: only this runtime (c; mpy-hard or mpy-soft) [default: the platform's]", "RT"},
        {"max-latency", 0, 0, G_OPTION_ARG_STRING, &o.max_latency,
         "p99 press latency limit on every trace [default: none]", "DUR"},
        {"target", 0, 0, G_OPTION_ARG_DOUBLE, &o.target_ppm,
         "false + missed events per million presses, at most [default: " G_STRINGIFY(
             ADVISE_DEFAULT_TARGET_PPM) "]",
         "RATE"},
        {"max-cpu", 0, 0, G_OPTION_ARG_DOUBLE, &o.max_cpu,
         "CPU entries (polls, handlers) per idle second, at most [default: none]", "N"},
        {"gpio", 0, 0, G_OPTION_ARG_INT, &o.gpio,
         "--emit: the button's GPIO [default: " G_STRINGIFY(EMIT_DEFAULT_GPIO) "]", "N"},
        {"pull", 0, 0, G_OPTION_ARG_STRING, &o.pull,
         "--emit: up, down or none [default: up when active low, else down]", "PULL"},
        {"presses", 'n', 0, G_OPTION_ARG_STRING, &o.presses,
         "Also simulate N press cycles per input from its model (bouncelab stress) and judge "
         "--target on their 95 % bound [default: 0, the recordings only]",
         "N"},
        {"seed", 0, 0, G_OPTION_ARG_INT64, &o.seed,
         "--presses: the simulation's seed [default: " G_STRINGIFY(ADVISE_DEFAULT_SEED) "]", "N"},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &o.jobs, "Threads [default: the number of processors]",
         "N"},
        G_OPTION_ENTRY_NULL};

    cli_trace_args_init(&ro);
    g_option_context_add_main_entries(context, entries, NULL);
    cli_trace_add_options(context, &ro);
    g_option_context_set_summary(
        context,
        "Searches every algorithm, window, mode, poll interval and interrupt runtime the platform "
        "can run\n(MicroPython: polling no faster than 1ms, the mpy runtimes; the integrator only "
        "polled) over the traces,\nand prints one setting that meets every constraint on every "
        "trace, with its evidence.\n\n"
        "--emit c FILE writes a pico-sdk main.c for it; --emit micropython FILE a MicroPython "
        "main.py\n(with bouncelab's micropython/debounce.py and button.py).");
    g_option_context_set_description(
        context,
        "A family (algorithm, mode, interval or runtime) gets the smallest window that stays "
        "within --target on\nevery input together with the next " G_STRINGIFY(
            ADVISE_CLEAN_ABOVE) " larger windows searched; the families that meet every "
                                "constraint\nare ranked by p99 press latency (the worst "
                                "input's), then CPU entries per idle second and per press.\n"
                                "With --presses, --target is judged on the 95 % bound of failed "
                                "simulated cycles.\n\n"
                                "--emit LANG FILE: c (a pico-sdk main.c) or micropython (a "
                                "main.py); written whole, and "
                                "only "
                                "with a\nrecommendation.\n\n"
                                "Exit status: 0 a recommendation, 1 nothing meets the constraints "
                                "(the closest setting "
                                "and what it\nbreaks are printed), 2 bad options or input.");

    if (!take_emit(&argc, argv, &o, &error)) {
        return cli_fail(error);
    }
    if (!cli_parse_options(context, &argc, &argv)) {
        return CLI_EXIT_USAGE;
    }
    if (argc < 2) {
        return cli_usage("advise takes at least one TRACE (see 'bouncelab advise --help')");
    }
    if (!make_request(&o, &req, &lang, &error) ||
        !cli_trace_read_options(&ro, &read_opts, &error)) {
        return cli_fail(error);
    }
    if (!cli_jobs_threads(o.jobs, &threads, &error)) {
        return cli_fail(error);
    }
    {
        emit_pull_t pull;
        g_autoptr(GError) local = NULL;
        if (o.pull != NULL && !emit_pull_from_name(o.pull, &pull, &local)) {
            return cli_usage("--pull: %s", local->message);
        }
    }
    if (o.emit_path != NULL) {
        /* before the search: an unwritable place is bad input, found at once */
        if (strcmp(o.emit_path, "-") == 0) {
            return cli_usage("--emit needs a file name, not '-' (the recommendation goes to "
                             "standard output)");
        }
        emit_file = util_atomic_file_open(o.emit_path, &error);
        if (emit_file == NULL) {
            return cli_usage("--emit: %s", error->message);
        }
    }
    /* 0: the recordings only (the default) */
    if (o.presses != NULL && strcmp(o.presses, "0") != 0 &&
        !cli_parse_presses("--presses", o.presses, &presses, &error)) {
        return cli_fail(error);
    }
    models = g_array_new(FALSE, FALSE, sizeof(trace_gen_params_t));
    for (int i = 1; i < argc; i++) {
        trace_gen_params_t model;
        trace_t *trace = load_input(argv[i], &read_opts, presses > 0, &model, &error);
        if (trace == NULL) {
            return cli_fail(error);
        }
        g_ptr_array_add(traces, trace);
        g_ptr_array_add(paths, g_strdup(argv[i]));
        g_array_append_val(models, model);
    }
    {
        gsize presses_in = 0;
        for (guint i = 0; i < traces->len; i++) {
            presses_in += trace_n_truth(g_ptr_array_index(traces, i));
        }
        if (presses_in == 0) {
            return cli_usage("no presses in the inputs to advise on (record some, or check "
                             "--active)");
        }
    }
    result = cli_advise_search(&req, traces, TRACE_ORACLE_SETTLE_NS_DEFAULT, threads, &error);
    if (result == NULL) {
        cli_error_as_usage(error);
        return cli_fail(error);
    }
    if (result->candidates->len == 0) {
        /* only the integrator with interrupts was asked for */
        return cli_usage("nothing to search: the integrator counts samples, so it needs --mode "
                         "poll (or any)");
    }
    if (presses > 0 && !cli_advise_stress(result, &req, (const trace_gen_params_t *)models->data,
                                          models->len, presses, (guint64)o.seed, threads, &error)) {
        cli_error_as_usage(error);
        return cli_fail(error);
    }
    if (result->n_ok == 0) {
        const cli_advise_candidate_t *c =
            &g_array_index(result->candidates, cli_advise_candidate_t, 0);
        g_autofree char *setting = cli_advise_setting_text(c);
        g_autofree char *broken = cli_advise_broken_text(c, &req, paths);
        printf("no setting meets every constraint on every trace\n"
               "  closest       %s\n  breaks        %s\n",
               setting, broken);
        return CLI_EXIT_FAILURE; /* emit_file is removed, never half-written */
    }
    cli_advise_print(stdout, result, &req, paths);
    if (emit_file != NULL) {
        const cli_advise_candidate_t *c =
            &g_array_index(result->candidates, cli_advise_candidate_t, 0);
        const trace_t *first = g_ptr_array_index(traces, 0);
        g_autofree char *setting = cli_advise_setting_text(c);
        g_autofree char *p99 = cli_advise_latency_text(c->press_p99_us);
        g_autofree char *summary =
            g_strdup_printf("Advised on %u trace%s: %u false and %u missed in %u presses, p99 "
                            "press latency %s.",
                            paths->len, paths->len == 1 ? "" : "s", c->false_events,
                            c->missed_events, c->presses, p99);
        emit_request_t er = {.cfg = &c->cfg,
                             .active_low = first->active_low,
                             .gpio = (guint)o.gpio,
                             .pull = first->active_low ? EMIT_PULL_UP : EMIT_PULL_DOWN,
                             .command = command,
                             .summary = summary};
        if (o.pull != NULL) {
            emit_pull_from_name(o.pull, &er.pull, NULL);
        }
        if (lang == EMIT_C) {
            emit_c(util_atomic_file_stream(emit_file), &er);
        } else {
            emit_micropython(util_atomic_file_stream(emit_file), &er);
        }
        if (!util_atomic_file_commit(g_steal_pointer(&emit_file), &error)) {
            return cli_fail(error);
        }
        printf("wrote %s (%s)\n", o.emit_path, setting);
    }
    return CLI_EXIT_OK;
}
