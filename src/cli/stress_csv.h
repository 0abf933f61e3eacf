/*
 * The stress CSV: the sweep's columns (same names, same meaning; counts are
 * 64-bit) plus the rates, their exact 95 % bounds and the state a merge
 * needs (latency histograms, importance-sampling class counts, the run's
 * identity and shard). One writer for stress and merge, so a merged run is
 * the unsharded run byte for byte.
 */
#ifndef STRESS_CSV_H
#define STRESS_CSV_H

#include <glib.h>

#include "sim_config.h"
#include "stress_tally.h"

/** Most presses a row may hold: 10^12 per run (stress's limit), with room for
 * --resample's rounding up to whole recordings. */
#define STRESS_CSV_PRESSES_MAX G_GUINT64_CONSTANT(10000000000000)

/** The header line, with its newline: the sweep CSV's columns, then stress's own (g_free it). */
char *stress_csv_header(void);

/** One row: a configuration's identity columns (as text) and its tally. */
typedef struct {
    char *trace;
    char *algo;
    char *mode;
    char *press_window_us;
    char *release_window_us;
    char *interval_us;
    char *irq_latency_us;
    char *runtime;
    char *bounce_longest_us; /**< the input's longest make bounce recorded, or "" (a model) */
    char *bounce_1e6_us;     /**< its model's 1-in-10^6 make bounce, or "" (resampled) */
    stress_tally_t tally;
    gboolean rare;                       /**< the rare columns and counts apply */
    double weights[STRESS_RARE_CLASSES]; /**< class weights f/g, when rare */
    guint64 seed;
    char *run_id;
    char *shard; /**< "I/N", or "" for a whole run */
} stress_row_t;

/** Fills the identity columns of `row` from a trace name and a configuration. */
void stress_row_set_config(stress_row_t *row, const char *trace, const sim_config_t *cfg);

/** Frees the strings of a row (not the row). */
void stress_row_clear(stress_row_t *row);

/** The CSV line of a row, with its newline. */
char *stress_csv_format(const stress_row_t *row);

/**
 * Parses one line (no newline) into `row` (cleared first by the caller);
 * FALSE with a TRACE_ERROR_PARSE error saying which column is wrong.
 */
gboolean stress_csv_parse(const char *line, stress_row_t *row, GError **error);

/** Per million from a fraction, as the CSV writes it (6 significant digits, no exponent from 10^5
 * up). */
char *stress_csv_per_million(double fraction);

/**
 * Reads a whole stress CSV (it has a row per configuration: small) into an
 * array of stress_row_t, cleared with it; NULL with a G_FILE_ERROR or a
 * TRACE_ERROR_PARSE ("FILE:LINE: what") error.
 */
GArray *stress_csv_read(const char *path, GError **error);

/** TRUE when `text` (a file's start) begins with the stress header. */
gboolean stress_csv_is_stress(const char *text);

/** TRUE when the file at `path` starts with the stress header (FALSE if unreadable). */
gboolean stress_csv_file_is_stress(const char *path);

#endif
