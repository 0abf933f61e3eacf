/*
 * The picture of a stress CSV: scripts/plots/rates-vs-window.gp drawn once
 * per input into DIR/STEM-rates-vs-window.EXT (stems as plot_sweep_stems()).
 */
#ifndef PLOT_STRESS_H
#define PLOT_STRESS_H

#include "plot_gnuplot.h"

#include <glib.h>

/** The script's name, without .gp. */
#define PLOT_STRESS_SCRIPT "rates-vs-window"

/**
 * Draws the rates of `results` for each input (or only the one named
 * `only`, a trace column value or its stem; NULL: all) into out_dir
 * (created if missing), with the target line at `target_per_million`.
 * Appends each file written to `written`. FALSE with the reader's,
 * PLOT_ERROR_INVALID (no such input) or gnuplot's error.
 */
gboolean plot_stress_draw(const char *results, const char *out_dir, const char *scripts_dir,
                          const char *only, double target_per_million,
                          const plot_gnuplot_t *gnuplot, GPtrArray *written, GError **error);

#endif
