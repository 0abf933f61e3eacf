/*
 * The pictures of a sweep: one gnuplot script per plot (scripts/plots/NAME.gp),
 * drawn once per trace of the results CSV into DIR/STEM-NAME.EXT, where STEM
 * is the trace's short name (plot_sweep_stems()).
 */
#ifndef PLOT_SWEEP_H
#define PLOT_SWEEP_H

#include "plot_gnuplot.h"

#include <glib.h>

typedef struct {
    const char *name;    /* script scripts/plots/NAME.gp, file STEM-NAME.EXT */
    const char *summary; /* one line for --help */
} plot_sweep_plot_t;

/** The sweep plots in the order they are drawn; *n_out gets how many. */
const plot_sweep_plot_t *plot_sweep_plots(gsize *n_out);

/**
 * File-name stems for TRACES (strings, as in the trace column): the base
 * name without its extension, with anything but letters, digits, '.', '_'
 * and '-' replaced by '_', made unique by appending -2, -3, ... in order.
 * Returns a new array of strings, one per trace, in the same order.
 */
GPtrArray *plot_sweep_stems(const GPtrArray *traces);

typedef struct {
    const char *results;     /* the sweep CSV */
    const char *out_dir;     /* created if missing */
    const char *scripts_dir; /* where NAME.gp live */
    const char *only;        /* draw only this trace (trace column or its stem); NULL: all */
} plot_sweep_options_t;

typedef struct plot_sweep plot_sweep_t;

/**
 * Checks everything a drawing needs but gnuplot: every script exists, the
 * results CSV is well formed (plot_results_read()), and options->only
 * names one of its traces. PLOT_ERROR_PARSE or PLOT_ERROR_INVALID on failure.
 * OPTIONS' strings must outlive the result.
 */
plot_sweep_t *plot_sweep_new(const plot_sweep_options_t *options, GError **error);

/** Frees what plot_sweep_new() returned; NULL is fine. */
void plot_sweep_free(plot_sweep_t *sweep);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(plot_sweep_t, plot_sweep_free)

/**
 * Draws every plot for each selected trace into the output directory
 * (created if missing). Appends each file written to WRITTEN and each gnuplot
 * warning ("NAME.gp, trace T: message") to WARNINGS (arrays of strings).
 * PLOT_ERROR_GNUPLOT or G_FILE_ERROR on failure; files written before a
 * failure stay, each whole.
 */
gboolean plot_sweep_draw(const plot_sweep_t *sweep, const plot_gnuplot_t *gnuplot,
                         GPtrArray *written, GPtrArray *warnings, GError **error);

#endif
