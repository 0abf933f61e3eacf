/* The options that choose one configuration (run, plot --at). */
#include "cli_run_options.h"
#include "cli.h"
#include "sim_algos.h"
#include "sim_presets.h"
#include "util_duration.h"

#include <stdio.h>

void cli_run_options_init(cli_run_options_t *o)
{
    *o = (cli_run_options_t){0};
}

void cli_run_options_clear(cli_run_options_t *o)
{
    char **strings[] = {&o->preset,   &o->algo,    &o->window,     &o->mode,
                        &o->interval, &o->runtime, &o->irq_latency};
    for (gsize i = 0; i < G_N_ELEMENTS(strings); i++) {
        g_clear_pointer(strings[i], g_free);
    }
    g_clear_pointer(&o->help_texts, g_ptr_array_unref);
}

void cli_run_options_add(GOptionGroup *group, cli_run_options_t *o)
{
    sim_config_t d;
    g_autofree char *window = NULL;
    g_autofree char *interval = NULL;

    sim_config_init(&d);
    window = util_format_duration(d.press_window_ns);
    interval = util_format_duration(d.interval_ns);
    if (o->help_texts == NULL) {
        o->help_texts = g_ptr_array_new_with_free_func(g_free);
    }
    const GOptionEntry entries[] = {
        {"preset", 'p', 0, G_OPTION_ARG_STRING, &o->preset,
         "Start from a preset: tutorial-poll-raw, tutorial-poll-300ms, tutorial-irq-raw, "
         "tutorial-irq-500ms (later options override it)",
         "NAME"},
        {"algo", 'a', 0, G_OPTION_ARG_STRING, &o->algo,
         cli_help_text(o->help_texts,
                       "Debounce algorithm (see 'bouncelab algorithms') [default: %s]",
                       debounce_algo_name(d.algo)),
         "NAME"},
        {"window", 'w', 0, G_OPTION_ARG_STRING, &o->window,
         cli_help_text(o->help_texts,
                       "Debounce window (press; release too unless --release-window), whole us "
                       "[default: %s]",
                       window),
         "DUR"},
        {"mode", 'm', 0, G_OPTION_ARG_STRING, &o->mode,
         cli_help_text(o->help_texts,
                       "poll (read every --interval) or irq (GPIO interrupt + alarms) "
                       "[default: %s]",
                       sim_mode_name(d.mode)),
         "MODE"},
        {"interval", 'i', 0, G_OPTION_ARG_STRING, &o->interval,
         cli_help_text(o->help_texts, "poll: time between reads [default: %s]", interval), "DUR"},
        {"runtime", 'r', 0, G_OPTION_ARG_STRING, &o->runtime,
         cli_help_text(o->help_texts,
                       "irq: latency defaults of c, mpy-hard or mpy-soft (see below) "
                       "[default: %s]",
                       sim_runtime_name(d.runtime)),
         "RT"},
        {"irq-latency", 0, 0, G_OPTION_ARG_STRING, &o->irq_latency,
         "irq: base entry latency, from the edge (or the previous handler's end) "
         "[default: the runtime's]",
         "DUR"},
        G_OPTION_ENTRY_NULL};
    /* g_option_group_add_entries copies the table, not the pointers it holds */
    g_option_group_add_entries(group, entries);
}

gboolean cli_run_options_given(const cli_run_options_t *o)
{
    return o->preset || o->algo || o->window || o->mode || o->interval || o->runtime ||
           o->irq_latency;
}

static gboolean fail_option(const char *option, const GError *local, GError **error)
{
    g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "%s: %s", option, local->message);
    return FALSE;
}

/* An option given for the other mode is a mistake worth stopping for. */
static gboolean check_mode(const cli_run_options_t *o, const cli_sim_options_t *so,
                           const sim_config_t *cfg, GError **error)
{
    const char *mode = o->mode != NULL ? "--mode irq" : "the preset's irq mode";

    if (cfg->mode == SIM_MODE_IRQ) {
        const char *poll_only = o->interval ? "--interval" : cli_sim_options_poll_only(so);
        return cli_refuse_with(poll_only, mode, "it only applies to --mode poll", error);
    }
    mode = o->mode != NULL || o->preset == NULL ? "--mode poll" : "the preset's poll mode";
    const char *irq_only = o->runtime       ? "--runtime"
                           : o->irq_latency ? "--irq-latency"
                                            : cli_sim_options_irq_only(so);
    return cli_refuse_with(irq_only, mode, "it only applies to --mode irq", error);
}

/* Preset, then the chosen values, then runtime latencies, then overrides. */
gboolean cli_run_options_config(const cli_run_options_t *o, cli_sim_options_t *so,
                                sim_config_t *cfg, GError **error)
{
    g_autoptr(GError) local = NULL;

    sim_config_init(cfg);
    if (o->preset && !sim_preset_apply(o->preset, cfg, &local)) {
        return fail_option("--preset", local, error);
    }
    if (o->algo && !sim_algo_from_name(o->algo, &cfg->algo, &local)) {
        return fail_option("--algo", local, error);
    }
    if (o->mode && !sim_mode_from_name(o->mode, &cfg->mode, &local)) {
        return fail_option("--mode", local, error);
    }
    if (o->window != NULL) {
        if (!cli_duration("--window", o->window, &cfg->press_window_ns, error) ||
            !cli_check_ticks("--window", cfg->press_window_ns, DEBOUNCE_TICK_MAX_SPAN, TRUE,
                             error)) {
            return FALSE;
        }
        cfg->release_window_ns = cfg->press_window_ns;
    }
    if (o->interval &&
        (!cli_duration("--interval", o->interval, &cfg->interval_ns, error) ||
         !cli_check_ticks("--interval", cfg->interval_ns, G_MAXINT64 / 1000, FALSE, error))) {
        return FALSE;
    }
    if (o->runtime) {
        sim_runtime_t rt;
        if (!sim_runtime_from_name(o->runtime, &rt, &local)) {
            return fail_option("--runtime", local, error);
        }
        if (rt == SIM_RUNTIME_CUSTOM) {
            g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                        "--runtime: 'custom' is what overriding a latency gives; choose c, "
                        "mpy-hard or mpy-soft");
            return FALSE;
        }
        sim_config_set_runtime(cfg, rt);
    }
    if (o->irq_latency) {
        if (!cli_duration("--irq-latency", o->irq_latency, &cfg->irq_latency.base_ns, error)) {
            return FALSE;
        }
        cfg->runtime = SIM_RUNTIME_CUSTOM;
    }
    return check_mode(o, so, cfg, error) && cli_sim_options_apply(so, cfg, error);
}
