/*
 * The sweep CSV that `bouncelab plot` draws, checked before gnuplot sees it:
 * a wrong file gets "FILE:LINE: what is wrong" rather than an empty picture
 * or a gnuplot message about column 13.
 */
#ifndef PLOT_RESULTS_H
#define PLOT_RESULTS_H

#include <glib.h>

/** Number of columns of a sweep CSV. */
#define PLOT_RESULTS_N_COLUMNS 19

/** The header of a sweep CSV, column by column, as `bouncelab sweep` writes it. */
extern const char *const plot_results_columns[PLOT_RESULTS_N_COLUMNS];

/**
 * Reads the sweep CSV at PATH, checks the header and every row (field count,
 * known algorithm, mode and runtime, numbers where numbers belong, the
 * poll-only and irq-only cells filled or empty as the mode says) and returns
 * the distinct trace names (strings) in the order they first appear. A header
 * line repeated further down (concatenated shards) is accepted. Fails with
 * PLOT_ERROR_PARSE ("PATH:LINE: what is wrong") on bad input, and
 * PLOT_ERROR_INVALID when the file cannot be read or holds no rows.
 */
GPtrArray *plot_results_traces(const char *path, GError **error);

#endif
