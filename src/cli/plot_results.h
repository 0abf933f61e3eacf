/*
 * The sweep CSV that `bouncelab plot` draws, checked before gnuplot sees it:
 * a wrong file gets "FILE:LINE: what is wrong" rather than an empty picture
 * or a gnuplot message about column 13.
 */
#ifndef PLOT_RESULTS_H
#define PLOT_RESULTS_H

#include <glib.h>

/**
 * Called by plot_results_read() for each row that passed the checks: LINE is
 * the row as read (without its line end), FIELDS its known cells (unquoted),
 * in the columns' order of sweep_csv.h whatever the file's order. Returning FALSE with an error
 * stops the reading with that error.
 */
typedef gboolean (*plot_results_row_fn)(const char *line, char **fields, gpointer user_data,
                                        GError **error);

/**
 * Reads the sweep CSV at PATH (quoted cells as sweep_csv_split() reads them),
 * finds the known columns by their names in the header (in any order; every
 * one must be there, others are ignored: a later version may add columns),
 * checks every row (field count as the header's,
 * known algorithm, mode and runtime, numbers where numbers belong, the
 * poll-only and irq-only cells filled or empty as the mode says), calls ROW
 * (unless NULL) for every row, and returns the distinct trace names (strings)
 * in the order they first appear. A header line repeated further down
 * (concatenated shards) is skipped. Fails with PLOT_ERROR_PARSE
 * ("PATH:LINE: what is wrong") on bad input, and PLOT_ERROR_INVALID when the
 * file cannot be read or holds no rows.
 */
GPtrArray *plot_results_read(const char *path, plot_results_row_fn row, gpointer user_data,
                             GError **error);

#endif
