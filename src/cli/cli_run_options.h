/*
 * The options that choose one configuration, shared by `run` and the
 * waveform of `plot --at`: --preset, --algo, --window, --mode, --interval,
 * --runtime and --irq-latency, turned (with the shared simulation options of
 * cli_sim_options.h) into a sim_config_t.
 */
#ifndef CLI_RUN_OPTIONS_H
#define CLI_RUN_OPTIONS_H

#include <glib.h>

#include "cli_sim_options.h"
#include "sim_config.h"

typedef struct {
    char *preset;
    char *algo;
    char *window;
    char *mode;
    char *interval;
    char *runtime;
    char *irq_latency;
    GPtrArray *help_texts; /* --help lines built from the defaults, alive as long as the options */
} cli_run_options_t;

/** Resets the options to "not given". */
void cli_run_options_init(cli_run_options_t *o);

/** Frees the option strings. */
void cli_run_options_clear(cli_run_options_t *o);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(cli_run_options_t, cli_run_options_clear)

/** Adds the entries to GROUP (their arg_data point into `o`). */
void cli_run_options_add(GOptionGroup *group, cli_run_options_t *o);

/** TRUE when any of these options was given. */
gboolean cli_run_options_given(const cli_run_options_t *o);

/**
 * Builds the configuration: the defaults, then the preset, then the chosen
 * values, then the runtime's latencies, then the shared options `so`
 * (cli_sim_options_apply). FALSE with "--OPTION: why" (CLI_ERROR_USAGE) on a
 * bad value or an option that cannot apply to the mode chosen; the result is
 * not validated (sim_config_validate).
 */
gboolean cli_run_options_config(const cli_run_options_t *o, cli_sim_options_t *so,
                                sim_config_t *cfg, GError **error);

#endif
