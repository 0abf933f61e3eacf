/*
 * The sweep CSV, one row per configuration of `bouncelab sweep`: its columns
 * (name, kind of cell, how the cell is formatted) in one table that the
 * writer (`sweep`) and every reader (`plot`, `verdict`) use. A new metric is
 * one enum entry and one table row here (and its README line).
 */
#ifndef SWEEP_CSV_H
#define SWEEP_CSV_H

#include <glib.h>

#include "sim_config.h"
#include "sim_metrics.h"

typedef enum {
    SWEEP_CSV_TRACE,
    SWEEP_CSV_ALGO,
    SWEEP_CSV_MODE,
    SWEEP_CSV_PRESS_WINDOW_US,
    SWEEP_CSV_RELEASE_WINDOW_US,
    SWEEP_CSV_INTERVAL_US,
    SWEEP_CSV_IRQ_LATENCY_US,
    SWEEP_CSV_PRESSES_TRUE,
    SWEEP_CSV_PRESSES_DETECTED,
    SWEEP_CSV_MISSED,
    SWEEP_CSV_FALSE_TRIGGERS,
    SWEEP_CSV_PRESS_LATENCY_MIN_US,
    SWEEP_CSV_PRESS_LATENCY_MEDIAN_US,
    SWEEP_CSV_PRESS_LATENCY_P99_US,
    SWEEP_CSV_PRESS_LATENCY_MAX_US,
    SWEEP_CSV_RELEASE_LATENCY_MEDIAN_US,
    SWEEP_CSV_CPU_ENTRIES,
    SWEEP_CSV_CPU_ENTRIES_PER_PRESS,
    SWEEP_CSV_RUNTIME,
    SWEEP_CSV_N_COLUMNS
} sweep_csv_column_t;

/** What a cell may hold; the readers check every cell against its column's kind. */
typedef enum {
    SWEEP_CSV_NAME,         /**< any text but empty */
    SWEEP_CSV_ALGO_CELL,    /**< an algorithm of the core */
    SWEEP_CSV_MODE_CELL,    /**< poll or irq */
    SWEEP_CSV_NUMBER,       /**< a non-negative number */
    SWEEP_CSV_COUNT,        /**< a non-negative whole number */
    SWEEP_CSV_LATENCY,      /**< a non-negative number, or empty when nothing was detected */
    SWEEP_CSV_POLL,         /**< a non-negative number in poll rows, empty in irq rows */
    SWEEP_CSV_IRQ,          /**< a non-negative number in irq rows, empty in poll rows */
    SWEEP_CSV_RUNTIME_CELL, /**< a runtime name in irq rows, empty in poll rows */
} sweep_csv_kind_t;

/** What a row is made from. */
typedef struct {
    const char *trace; /**< the trace's label */
    const sim_config_t *cfg;
    const sim_metrics_t *metrics;
} sweep_csv_source_t;

typedef struct {
    const char *name;
    sweep_csv_kind_t kind;
    /** The cell's text, newly allocated and not yet quoted ("" for an empty cell). */
    char *(*format)(const sweep_csv_source_t *src);
} sweep_csv_column_info_t;

/** The columns, in file order. */
extern const sweep_csv_column_info_t sweep_csv_columns[SWEEP_CSV_N_COLUMNS];

/** The header line, with its newline. */
char *sweep_csv_header(void);

/** One row with its newline, cells quoted where they hold a comma, quote or line break. */
char *sweep_csv_row(const char *trace, const sim_config_t *cfg, const sim_metrics_t *m);

/** CELL as a CSV cell: as it is, or quoted when it holds a comma, quote or line break. */
char *sweep_csv_quote(const char *cell);

/** A us value as the CSV writes it: up to 3 decimals, no trailing zeros, "" for NAN. */
char *sweep_csv_format_us(double us);

/**
 * Splits one line (without its line end) into cells, undoing the writer's
 * quoting ("a,b" and "say ""hi"""). NULL with *problem set (free it) when a
 * quote is unbalanced or a quoted cell is followed by more text.
 */
GStrv sweep_csv_split(const char *line, char **problem);

/**
 * NULL when CELL fits its column's kind in a row of MODE ("poll" or "irq"),
 * else what is wrong with it (free it).
 */
char *sweep_csv_cell_problem(sweep_csv_column_t column, const char *cell, const char *mode);

#endif
