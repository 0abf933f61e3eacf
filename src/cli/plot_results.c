/* Checking a sweep CSV before it is plotted. */
#define _POSIX_C_SOURCE 200809L

#include "plot_results.h"
#include "plot_error.h"

#include "debounce/debounce.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

const char *const plot_results_columns[PLOT_RESULTS_N_COLUMNS] = {
    "trace",
    "algo",
    "mode",
    "press_window_us",
    "release_window_us",
    "interval_us",
    "irq_latency_us",
    "presses_true",
    "presses_detected",
    "missed",
    "false_triggers",
    "press_latency_min_us",
    "press_latency_median_us",
    "press_latency_p99_us",
    "press_latency_max_us",
    "release_latency_median_us",
    "cpu_entries",
    "cpu_entries_per_press",
    "runtime",
};

typedef enum {
    CELL_NAME,    /* any text but empty */
    CELL_ALGO,    /* an algorithm of the core */
    CELL_MODE,    /* poll or irq */
    CELL_NUMBER,  /* a non-negative number */
    CELL_COUNT,   /* a non-negative whole number */
    CELL_LATENCY, /* a non-negative number, or empty when no press was detected (or none was true)
                   */
    CELL_POLL,    /* a non-negative number in poll rows, empty in irq rows */
    CELL_IRQ,     /* a non-negative number in irq rows, empty in poll rows */
    CELL_RUNTIME, /* one of RUNTIMES in irq rows, empty in poll rows */
} cell_kind_t;

static const cell_kind_t column_kinds[PLOT_RESULTS_N_COLUMNS] = {
    CELL_NAME,    CELL_ALGO,    CELL_MODE,  CELL_NUMBER,  CELL_NUMBER,  CELL_POLL,    CELL_IRQ,
    CELL_COUNT,   CELL_COUNT,   CELL_COUNT, CELL_COUNT,   CELL_LATENCY, CELL_LATENCY, CELL_LATENCY,
    CELL_LATENCY, CELL_LATENCY, CELL_COUNT, CELL_LATENCY, CELL_RUNTIME,
};

enum { COLUMN_MODE = 2 };

/* The names the gnuplot scripts know (the core's algorithms, passed to them,
 * and their RUNTIMES): a row with another name would silently vanish from
 * every picture, so it is an error. */
static const char *const RUNTIMES[] = {"c", "mpy-hard", "mpy-soft", "custom", NULL};
static const char *const MODES[] = {"poll", "irq", NULL};

static gboolean is_one_of(const char *text, const char *const *names)
{
    return g_strv_contains(names, text);
}

static gboolean is_algorithm(const char *text)
{
    for (int a = 0; a < DEBOUNCE_ALGO_COUNT; a++) {
        if (strcmp(text, debounce_algo_name((debounce_algo_t)a)) == 0) {
            return TRUE;
        }
    }
    return FALSE;
}

/* "none, lockout, ... or integrator", for messages. */
static char *algorithm_list(void)
{
    GString *list = g_string_new(NULL);

    for (int a = 0; a < DEBOUNCE_ALGO_COUNT; a++) {
        g_string_append_printf(list, "%s%s",
                               a == 0                         ? ""
                               : a + 1 == DEBOUNCE_ALGO_COUNT ? " or "
                                                              : ", ",
                               debounce_algo_name((debounce_algo_t)a));
    }
    return g_string_free(list, FALSE);
}

static gboolean parse_number(const char *text, gboolean whole)
{
    char *end = NULL;
    double value;

    if (*text == '\0' || g_ascii_isspace(*text)) {
        return FALSE;
    }
    value = g_ascii_strtod(text, &end);
    return *end == '\0' && isfinite(value) && value >= 0 && (!whole || value == floor(value));
}

static char *header_problem(char **fields, guint n)
{
    for (guint i = 0; i < n && i < PLOT_RESULTS_N_COLUMNS; i++) {
        if (strcmp(fields[i], plot_results_columns[i]) != 0) {
            return g_strdup_printf("not a sweep CSV header: column %u is '%s', expected '%s'",
                                   i + 1, fields[i], plot_results_columns[i]);
        }
    }
    if (n < PLOT_RESULTS_N_COLUMNS) {
        return g_strdup_printf("missing column '%s' (a sweep CSV has %d columns, '%s' to '%s')",
                               plot_results_columns[n], PLOT_RESULTS_N_COLUMNS,
                               plot_results_columns[0],
                               plot_results_columns[PLOT_RESULTS_N_COLUMNS - 1]);
    }
    if (n > PLOT_RESULTS_N_COLUMNS) {
        return g_strdup_printf("unexpected column '%s' after '%s'", fields[PLOT_RESULTS_N_COLUMNS],
                               plot_results_columns[PLOT_RESULTS_N_COLUMNS - 1]);
    }
    return NULL;
}

/* NULL when the cell is fine, else what is wrong with it. */
static char *cell_problem(cell_kind_t kind, const char *cell, const char *mode, const char *column)
{
    gboolean is_poll = strcmp(mode, "poll") == 0;

    switch (kind) {
    case CELL_NAME:
        return *cell == '\0' ? g_strdup_printf("column '%s' is empty", column) : NULL;
    case CELL_ALGO:
        if (!is_algorithm(cell)) {
            g_autofree char *expected = algorithm_list();
            return g_strdup_printf("unknown algorithm '%s' (expected %s)", cell, expected);
        }
        return NULL;
    case CELL_MODE:
        return is_one_of(cell, MODES)
                   ? NULL
                   : g_strdup_printf("unknown mode '%s' (expected poll or irq)", cell);
    case CELL_RUNTIME:
        if (is_poll) {
            return *cell == '\0'
                       ? NULL
                       : g_strdup_printf("column '%s' must be empty in a poll row, got '%s'",
                                         column, cell);
        }
        if (*cell == '\0') {
            return g_strdup_printf("column '%s' is empty; irq rows need it", column);
        }
        return is_one_of(cell, RUNTIMES) ? NULL
                                         : g_strdup_printf("unknown runtime '%s' (expected c, "
                                                           "mpy-hard, mpy-soft or custom)",
                                                           cell);
    case CELL_POLL:
    case CELL_IRQ:
        if (is_poll != (kind == CELL_POLL)) {
            return *cell == '\0' ? NULL
                                 : g_strdup_printf("column '%s' must be empty in %s row, got '%s'",
                                                   column, is_poll ? "a poll" : "an irq", cell);
        }
        if (*cell == '\0') {
            return g_strdup_printf("column '%s' is empty; %s rows need it", column, mode);
        }
        break;
    case CELL_LATENCY:
        if (*cell == '\0') {
            return NULL;
        }
        break;
    case CELL_NUMBER:
    case CELL_COUNT:
        break;
    }
    if (!parse_number(cell, kind == CELL_COUNT)) {
        return g_strdup_printf("column '%s': expected a non-negative %s, got '%s'", column,
                               kind == CELL_COUNT ? "whole number" : "number", cell);
    }
    return NULL;
}

static char *row_problem(char **fields, guint n)
{
    if (n != PLOT_RESULTS_N_COLUMNS) {
        return g_strdup_printf("%u fields, expected %d", n, PLOT_RESULTS_N_COLUMNS);
    }
    for (guint i = 0; i < n; i++) {
        /* the sweep never quotes, and gnuplot would read a quote as the start of a string */
        if (strchr(fields[i], '"') != NULL) {
            return g_strdup_printf("column '%s': double quotes are not supported",
                                   plot_results_columns[i]);
        }
    }
    /* the mode decides which cells may be empty, so check it first */
    char *problem =
        cell_problem(CELL_MODE, fields[COLUMN_MODE], "", plot_results_columns[COLUMN_MODE]);
    for (guint i = 0; problem == NULL && i < n; i++) {
        problem =
            cell_problem(column_kinds[i], fields[i], fields[COLUMN_MODE], plot_results_columns[i]);
    }
    return problem;
}

static gboolean is_header(char **fields, guint n)
{
    g_autofree char *problem = n == PLOT_RESULTS_N_COLUMNS ? header_problem(fields, n) : NULL;
    return n == PLOT_RESULTS_N_COLUMNS && problem == NULL;
}

GPtrArray *plot_results_read(const char *path, plot_results_row_fn row, gpointer user_data,
                             GError **error)
{
    g_autoptr(GPtrArray) traces = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    g_autofree char *line = NULL;
    size_t capacity = 0;
    ssize_t length;
    guint line_no = 0;
    guint rows = 0;
    FILE *in = fopen(path, "r");

    if (in == NULL) {
        int err = errno;
        g_set_error(error, PLOT_ERROR, PLOT_ERROR_INVALID, "%s: cannot read: %s", path,
                    g_strerror(err));
        return NULL;
    }
    while ((length = getline(&line, &capacity, in)) >= 0) {
        g_auto(GStrv) fields = NULL;
        g_autofree char *problem = NULL;
        g_autoptr(GError) row_error = NULL;

        line_no++;
        while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r')) {
            line[--length] = '\0';
        }
        if ((size_t)length != strlen(line)) {
            problem = g_strdup("a NUL byte: not a text file");
        } else if (length == 0) {
            problem = g_strdup("empty line");
        } else {
            guint n;
            fields = g_strsplit(line, ",", -1);
            n = g_strv_length(fields);
            if (line_no == 1) {
                problem = header_problem(fields, n);
            } else if (!is_header(fields, n)) {
                problem = row_problem(fields, n);
                if (problem == NULL) {
                    rows++;
                    if (!g_hash_table_contains(seen, fields[0])) {
                        char *name = g_strdup(fields[0]);
                        g_ptr_array_add(traces, name);
                        g_hash_table_add(seen, name);
                    }
                    if (row != NULL && !row(line, fields, user_data, &row_error)) {
                        g_propagate_error(error, g_steal_pointer(&row_error));
                        fclose(in);
                        return NULL;
                    }
                }
            }
        }
        if (problem != NULL) {
            g_set_error(error, PLOT_ERROR, PLOT_ERROR_PARSE, "%s:%u: %s", path, line_no, problem);
            fclose(in);
            return NULL;
        }
    }
    if (ferror(in)) {
        int err = errno;
        g_set_error(error, PLOT_ERROR, PLOT_ERROR_INVALID, "%s: cannot read: %s", path,
                    g_strerror(err));
        fclose(in);
        return NULL;
    }
    fclose(in);
    if (line_no == 0) {
        g_set_error(error, PLOT_ERROR, PLOT_ERROR_PARSE,
                    "%s:1: empty file, expected a sweep CSV header", path);
        return NULL;
    }
    if (rows == 0) {
        g_set_error(error, PLOT_ERROR, PLOT_ERROR_INVALID, "%s: no rows after the header", path);
        return NULL;
    }
    return g_steal_pointer(&traces);
}
