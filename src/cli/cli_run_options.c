/* The options that choose one configuration (run, plot --at). */
#include "cli_run_options.h"
#include "cli.h"
#include "sim_algos.h"
#include "sim_presets.h"

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
}

void cli_run_options_add(GOptionGroup *group, cli_run_options_t *o)
{
    const GOptionEntry entries[] = {
        {"preset", 'p', 0, G_OPTION_ARG_STRING, &o->preset,
         "Start from a preset: tutorial-poll-raw, tutorial-poll-300ms, tutorial-irq-raw, "
         "tutorial-irq-500ms (later options override it)",
         "NAME"},
        {"algo", 'a', 0, G_OPTION_ARG_STRING, &o->algo,
         "Debounce algorithm (see 'bouncelab algorithms') [default: defer]", "NAME"},
        {"window", 'w', 0, G_OPTION_ARG_STRING, &o->window,
         "Debounce window (press; release too unless --release-window) [default: 5ms]", "DUR"},
        {"mode", 'm', 0, G_OPTION_ARG_STRING, &o->mode,
         "poll (read every --interval) or irq (GPIO interrupt + alarms) [default: poll]", "MODE"},
        {"interval", 'i', 0, G_OPTION_ARG_STRING, &o->interval,
         "poll: time between reads [default: 1ms]", "DUR"},
        {"runtime", 'r', 0, G_OPTION_ARG_STRING, &o->runtime,
         "irq: latency defaults of c, mpy-hard or mpy-soft (see below) [default: c]", "RT"},
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

static gboolean fail_option(const char *option, GError *error)
{
    fprintf(stderr, "bouncelab: %s: %s\n", option, error->message);
    g_error_free(error);
    return FALSE;
}

/* Preset, then the chosen values, then runtime latencies, then overrides. */
gboolean cli_run_options_config(const cli_run_options_t *o, cli_sim_options_t *so,
                                sim_config_t *cfg)
{
    GError *error = NULL;

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
    if (o->window != NULL) {
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
