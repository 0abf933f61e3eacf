/* Checking a sweep CSV before it is plotted. */
#define _POSIX_C_SOURCE 200809L

#include "plot_results.h"
#include "plot_error.h"
#include "sweep_csv.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/*
 * The header names the columns: each known one is found by its name, in any
 * order, and columns a later version adds are ignored (formats only gain).
 * AT[c] is where known column c sits in a row.
 */
static char *header_problem(char **fields, guint n, guint at[SWEEP_CSV_N_COLUMNS])
{
    for (guint c = 0; c < SWEEP_CSV_N_COLUMNS; c++) {
        at[c] = G_MAXUINT;
        for (guint i = 0; i < n; i++) {
            if (strcmp(fields[i], sweep_csv_columns[c].name) != 0) {
                continue;
            }
            if (at[c] != G_MAXUINT) {
                return g_strdup_printf("not a sweep CSV header: column '%s' is there twice "
                                       "(columns %u and %u)",
                                       sweep_csv_columns[c].name, at[c] + 1, i + 1);
            }
            at[c] = i;
        }
        if (at[c] == G_MAXUINT) {
            return g_strdup_printf("missing column '%s' (a sweep CSV has %d columns, '%s' to "
                                   "'%s', in any order; others are ignored)",
                                   sweep_csv_columns[c].name, SWEEP_CSV_N_COLUMNS,
                                   sweep_csv_columns[0].name,
                                   sweep_csv_columns[SWEEP_CSV_N_COLUMNS - 1].name);
        }
    }
    return NULL;
}

/* Checks a row of N cells against the header's width and its known cells, and
 * gathers those into KNOWN in the columns' order (sweep_csv.h). */
static char *row_problem(char **fields, guint n, guint width, const guint at[SWEEP_CSV_N_COLUMNS],
                         char *known[SWEEP_CSV_N_COLUMNS + 1])
{
    char *problem;

    if (n != width) {
        return g_strdup_printf("%u fields, expected %u", n, width);
    }
    for (guint c = 0; c < SWEEP_CSV_N_COLUMNS; c++) {
        known[c] = fields[at[c]];
    }
    known[SWEEP_CSV_N_COLUMNS] = NULL;
    /* the mode decides which cells may be empty, so check it first */
    problem = sweep_csv_cell_problem(SWEEP_CSV_MODE, known[SWEEP_CSV_MODE], "");
    for (guint c = 0; problem == NULL && c < SWEEP_CSV_N_COLUMNS; c++) {
        problem = sweep_csv_cell_problem((sweep_csv_column_t)c, known[c], known[SWEEP_CSV_MODE]);
    }
    return problem;
}

/* A header line repeated further down (concatenated shards): the first one again. */
static gboolean is_header(char **fields, char *const *header)
{
    return header != NULL && g_strv_equal((const char *const *)fields, (const char *const *)header);
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
    guint at[SWEEP_CSV_N_COLUMNS] = {0};
    guint width = 0;
    g_auto(GStrv) header = NULL;
    FILE *in = fopen(path, "r");

    if (in == NULL) {
        int err = errno;
        g_set_error(error, PLOT_ERROR, PLOT_ERROR_INVALID, "%s: cannot read: %s", path,
                    g_strerror(err));
        return NULL;
    }
    while ((length = getline(&line, &capacity, in)) >= 0) {
        g_auto(GStrv) fields = NULL;
        char *known[SWEEP_CSV_N_COLUMNS + 1] = {NULL};
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
            fields = sweep_csv_split(line, &problem);
            n = fields != NULL ? g_strv_length(fields) : 0;
            if (fields == NULL) {
                /* problem says which quote is wrong */
            } else if (line_no == 1) {
                problem = header_problem(fields, n, at);
                width = n;
                header = g_steal_pointer(&fields);
            } else if (!is_header(fields, header)) {
                problem = row_problem(fields, n, width, at, known);
                if (problem == NULL) {
                    const char *trace = known[SWEEP_CSV_TRACE];
                    rows++;
                    if (!g_hash_table_contains(seen, trace)) {
                        char *name = g_strdup(trace);
                        g_ptr_array_add(traces, name);
                        g_hash_table_add(seen, name);
                    }
                    if (row != NULL && !row(line, known, user_data, &row_error)) {
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
