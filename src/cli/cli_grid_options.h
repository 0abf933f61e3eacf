/*
 * The grid options `sweep` and `stress` share (--algo, --window, --mode,
 * --interval, --runtime, --irq-latency), their defaults, and --shard's I/N.
 */
#ifndef CLI_GRID_OPTIONS_H
#define CLI_GRID_OPTIONS_H

#include <glib.h>

#include "cli_sim_options.h"
#include "sim_sweep.h"

typedef struct {
    char *algos;
    char *windows;
    char *modes;
    char *intervals;
    char *runtimes;
    char *irq_latencies;
    char *algo_help; /* --algo's help, naming the default list (owned) */
} cli_grid_options_t;

/** The default --algo list: every algorithm of the core's that uses its windows (g_free it). */
char *cli_grid_default_algos(void);

/** Adds the grid entries to a context's main group (arg_data point into `o`). */
void cli_grid_options_add(GOptionContext *context, cli_grid_options_t *o);

/** Frees the option strings. */
void cli_grid_options_clear(cli_grid_options_t *o);

/**
 * Fills spec's lists from the grid options (defaults where not given) and
 * its base configuration from the shared simulation options; FALSE with a
 * usage error on a bad value, a duration the core cannot count, or an option
 * for a mode the grid does not hold.
 */
gboolean cli_grid_options_build(const cli_grid_options_t *o, cli_sim_options_t *so,
                                sim_sweep_spec_t *spec, GError **error);

/** Whether a list of sim_mode_t holds `mode`. */
gboolean cli_grid_has_mode(const GArray *modes, sim_mode_t mode);

/** Parses --shard I/N (1 <= I <= N) into a 0-based index and a count; a usage error if not. */
gboolean cli_parse_shard(const char *text, guint *index, guint *count, GError **error);

#endif
