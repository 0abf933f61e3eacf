/*
 * `plot --trace MODEL --worst`: the worst of a model's simulated presses. A
 * batch of presses is generated from the model (a gen profile's name or a
 * model file), replayed through the configuration, and the press picked: of
 * the cycles that went wrong (a false trigger, or a missed press or
 * release), the one with the longest make bounce; if none went wrong, the
 * longest make bounce of all.
 */
#ifndef PLOT_WORST_H
#define PLOT_WORST_H

#include <glib.h>

#include "sim_config.h"

/** Presses generated to find the worst one. */
#define PLOT_WORST_PRESSES 10000u

/**
 * Generates the presses of `model` from `seed` into DIR/NAME.csv (with its
 * truth; DIR a new temporary directory, returned in *dir_out for the caller
 * to remove with plot_worst_cleanup()), finds the worst press for `cfg` and
 * returns the trace's path, with the instant to look at in *at_ns and
 * whether that press failed in *failed. NULL with the error (bad input:
 * CLI_ERROR_USAGE; I/O: a file error).
 */
char *plot_worst_press(const char *model, const sim_config_t *cfg, guint64 seed, char **dir_out,
                       int64_t *at_ns, gboolean *failed, GError **error);

/** Removes the files and directory plot_worst_press() made. */
void plot_worst_cleanup(const char *dir, const char *trace_path);

#endif
