/* The grid options of `sweep` and `stress`, parsed into a sweep spec. */
#include "cli.h"
#include "cli_grid_options.h"
#include "cli_sweep_grid.h"
#include "sim_algos.h"

#include <stdio.h>

/* A range START:STOP:STEP may not expand to more than this many windows. */
#define MAX_WINDOWS 100000

char *cli_grid_default_algos(void)
{
    GString *list = g_string_new(NULL);

    for (int a = 0; a < DEBOUNCE_ALGO_COUNT; a++) {
        if (debounce_algo_uses_windows((debounce_algo_t)a)) {
            g_string_append_printf(list, "%s%s", list->len > 0 ? "," : "",
                                   debounce_algo_name((debounce_algo_t)a));
        }
    }
    return g_string_free(list, FALSE);
}

void cli_grid_options_add(GOptionContext *context, cli_grid_options_t *o)
{
    g_autofree char *algos = cli_grid_default_algos();

    g_free(o->algo_help);
    o->algo_help = g_strdup_printf("Algorithms, comma-separated [default: %s]", algos);
    const GOptionEntry entries[] = {
        {"algo", 'a', 0, G_OPTION_ARG_STRING, &o->algos, o->algo_help, "LIST"},
        {"window", 'w', 0, G_OPTION_ARG_STRING, &o->windows,
         "Windows (whole us): a list (1ms,2ms) or a range START:STOP:STEP (1ms:20ms:1ms) "
         "[default: " DEFAULT_WINDOWS "]",
         "LIST"},
        {"mode", 'm', 0, G_OPTION_ARG_STRING, &o->modes,
         "Modes, comma-separated [default: " DEFAULT_MODES "]", "LIST"},
        {"interval", 'i', 0, G_OPTION_ARG_STRING, &o->intervals,
         "poll: intervals [default: " DEFAULT_INTERVALS "]", "LIST"},
        {"runtime", 'r', 0, G_OPTION_ARG_STRING, &o->runtimes,
         "irq: runtimes [default: " DEFAULT_RUNTIMES ", unless --irq-latency is given]", "LIST"},
        {"irq-latency", 0, 0, G_OPTION_ARG_STRING, &o->irq_latencies,
         "irq: custom base latencies (no jitter), instead of or besides --runtime", "LIST"},
        G_OPTION_ENTRY_NULL};

    g_option_context_add_main_entries(context, entries, NULL);
}

void cli_grid_options_clear(cli_grid_options_t *o)
{
    g_free(o->algos);
    g_free(o->windows);
    g_free(o->modes);
    g_free(o->intervals);
    g_free(o->runtimes);
    g_free(o->irq_latencies);
    g_free(o->algo_help);
}

/* What a swept duration must be: a window the core counts, a poll interval, or any. */
typedef enum { DURATION_WINDOW, DURATION_INTERVAL, DURATION_ANY } duration_kind_t;

static gboolean check_duration(const char *option, duration_kind_t kind, int64_t ns, GError **error)
{
    switch (kind) {
    case DURATION_WINDOW:
        return cli_check_ticks(option, ns, DEBOUNCE_TICK_MAX_SPAN, TRUE, error);
    case DURATION_INTERVAL:
        return cli_check_ticks(option, ns, G_MAXINT64 / 1000, FALSE, error);
    case DURATION_ANY:
        break;
    }
    return TRUE;
}

static gboolean parse_durations(const char *option, const char *text, duration_kind_t kind,
                                GArray *out, GError **error)
{
    g_auto(GStrv) parts = g_strsplit(text, ",", -1);

    for (char **p = parts; *p; p++) {
        g_auto(GStrv) range = g_strsplit(g_strstrip(*p), ":", -1);
        int64_t ns = 0;
        if (g_strv_length(range) == 3) {
            int64_t start, stop, step;
            if (!cli_duration(option, range[0], &start, error) ||
                !cli_duration(option, range[1], &stop, error) ||
                !cli_duration(option, range[2], &step, error)) {
                return FALSE;
            }
            if (step <= 0 || stop < start || (stop - start) / step >= MAX_WINDOWS) {
                g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                            "%s: '%s' is not a range START:STOP:STEP with START <= STOP, STEP > "
                            "0 and at most %d values",
                            option, *p, MAX_WINDOWS);
                return FALSE;
            }
            for (int64_t v = start; v <= stop; v += step) {
                if (!check_duration(option, kind, v, error)) {
                    return FALSE;
                }
                g_array_append_val(out, v);
            }
            continue;
        }
        if (!cli_duration(option, *p, &ns, error) || !check_duration(option, kind, ns, error)) {
            return FALSE;
        }
        g_array_append_val(out, ns);
    }
    return TRUE;
}

static gboolean parse_names(const char *option, const char *text, GArray *out,
                            gboolean (*parse)(const char *, gpointer, GError **), GError **error)
{
    g_auto(GStrv) parts = g_strsplit(text, ",", -1);

    for (char **p = parts; *p; p++) {
        g_autoptr(GError) local = NULL;
        int value = 0;
        if (!parse(g_strstrip(*p), &value, &local)) {
            g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "%s: %s", option, local->message);
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

gboolean cli_parse_shard(const char *text, guint *index, guint *count, GError **error)
{
    guint64 i = 0, n = 0;
    g_auto(GStrv) parts = g_strsplit(text, "/", -1);

    if (g_strv_length(parts) != 2 ||
        !g_ascii_string_to_unsigned(parts[0], 10, 1, G_MAXUINT, &i, NULL) ||
        !g_ascii_string_to_unsigned(parts[1], 10, 1, G_MAXUINT, &n, NULL) || i > n) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                    "--shard: '%s' is not I/N with 1 <= I <= N (e.g. 2/4)", text);
        return FALSE;
    }
    *index = (guint)(i - 1);
    *count = (guint)n;
    return TRUE;
}

gboolean cli_grid_has_mode(const GArray *modes, sim_mode_t mode)
{
    for (guint i = 0; i < modes->len; i++) {
        if (g_array_index(modes, sim_mode_t, i) == mode) {
            return TRUE;
        }
    }
    return FALSE;
}

/* Each option applies to its mode: one for a mode the grid lacks is a mistake. */
static gboolean check_modes(const cli_grid_options_t *o, const cli_sim_options_t *so,
                            const sim_sweep_spec_t *spec, GError **error)
{
    gboolean polling_algo = FALSE;

    if (!cli_grid_has_mode(spec->modes, SIM_MODE_POLL)) {
        const char *poll_only = o->intervals ? "--interval" : cli_sim_options_poll_only(so);
        if (!cli_refuse_with(poll_only, "--mode irq", "it only applies to polling", error)) {
            return FALSE;
        }
    }
    if (!cli_grid_has_mode(spec->modes, SIM_MODE_IRQ)) {
        const char *irq_only = o->runtimes        ? "--runtime"
                               : o->irq_latencies ? "--irq-latency"
                                                  : cli_sim_options_irq_only(so);
        return cli_refuse_with(irq_only, "--mode poll", "it only applies to interrupts", error);
    }
    if (cli_grid_has_mode(spec->modes, SIM_MODE_POLL)) {
        return TRUE;
    }
    for (guint i = 0; i < spec->algos->len; i++) {
        polling_algo = polling_algo || !debounce_algo_counts_samples(
                                           g_array_index(spec->algos, debounce_algo_t, i));
    }
    return polling_algo ||
           cli_refuse_with("--algo", "--mode irq",
                           "every algorithm asked for counts evenly spaced samples, so it needs "
                           "--mode poll (nothing to run)",
                           error);
}

gboolean cli_grid_options_build(const cli_grid_options_t *o, cli_sim_options_t *so,
                                sim_sweep_spec_t *spec, GError **error)
{
    g_autoptr(GArray) runtimes = g_array_new(FALSE, FALSE, sizeof(sim_runtime_t));
    g_autoptr(GArray) latencies = g_array_new(FALSE, FALSE, sizeof(int64_t));
    g_autofree char *algos_default = cli_grid_default_algos();

    if (!parse_names("--algo", o->algos ? o->algos : algos_default, spec->algos, algo_parser,
                     error) ||
        !parse_names("--mode", o->modes ? o->modes : DEFAULT_MODES, spec->modes, mode_parser,
                     error) ||
        !parse_durations("--window", o->windows ? o->windows : DEFAULT_WINDOWS, DURATION_WINDOW,
                         spec->windows_ns, error) ||
        !parse_durations("--interval", o->intervals ? o->intervals : DEFAULT_INTERVALS,
                         DURATION_INTERVAL, spec->intervals_ns, error) ||
        !check_modes(o, so, spec, error)) {
        return FALSE;
    }
    /* custom latencies replace the runtimes, unless both are asked for */
    if (o->irq_latencies != NULL &&
        !parse_durations("--irq-latency", o->irq_latencies, DURATION_ANY, latencies, error)) {
        return FALSE;
    }
    if ((o->runtimes != NULL || o->irq_latencies == NULL) &&
        !parse_names("--runtime", o->runtimes ? o->runtimes : DEFAULT_RUNTIMES, runtimes,
                     runtime_parser, error)) {
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
        (!cli_duration("--release-window", so->release_window, &spec->release_window_ns, error) ||
         !check_duration("--release-window", DURATION_WINDOW, spec->release_window_ns, error))) {
        return FALSE;
    }
    return cli_sim_options_apply(so, &spec->base, error);
}
