/* Checking a sweep CSV before it is plotted. */
#define _POSIX_C_SOURCE 200809L

#include "plot_results.h"
#include "plot_error.h"
#include "sweep_csv.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static char *header_problem(char **fields, guint n)
{
    for (guint i = 0; i < n && i < SWEEP_CSV_N_COLUMNS; i++) {
        if (strcmp(fields[i], sweep_csv_columns[i].name) != 0) {
            return g_strdup_printf("not a sweep CSV header: column %u is '%s', expected '%s'",
                                   i + 1, fields[i], sweep_csv_columns[i].name);
        }
    }
    if (n < SWEEP_CSV_N_COLUMNS) {
        return g_strdup_printf("missing column '%s' (a sweep CSV has %d columns, '%s' to '%s')",
                               sweep_csv_columns[n].name, SWEEP_CSV_N_COLUMNS,
                               sweep_csv_columns[0].name,
                               sweep_csv_columns[SWEEP_CSV_N_COLUMNS - 1].name);
    }
    if (n > SWEEP_CSV_N_COLUMNS) {
        return g_strdup_printf("unexpected column '%s' after '%s'", fields[SWEEP_CSV_N_COLUMNS],
                               sweep_csv_columns[SWEEP_CSV_N_COLUMNS - 1].name);
    }
    return NULL;
}

static char *row_problem(char **fields, guint n)
{
    char *problem;

    if (n != SWEEP_CSV_N_COLUMNS) {
        return g_strdup_printf("%u fields, expected %d", n, SWEEP_CSV_N_COLUMNS);
    }
    /* the mode decides which cells may be empty, so check it first */
    problem = sweep_csv_cell_problem(SWEEP_CSV_MODE, fields[SWEEP_CSV_MODE], "");
    for (guint i = 0; problem == NULL && i < n; i++) {
        problem = sweep_csv_cell_problem((sweep_csv_column_t)i, fields[i], fields[SWEEP_CSV_MODE]);
    }
    return problem;
}

static gboolean is_header(char **fields, guint n)
{
    g_autofree char *problem = n == SWEEP_CSV_N_COLUMNS ? header_problem(fields, n) : NULL;
    return n == SWEEP_CSV_N_COLUMNS && problem == NULL;
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
            fields = sweep_csv_split(line, &problem);
            n = fields != NULL ? g_strv_length(fields) : 0;
            if (fields == NULL) {
                /* problem says which quote is wrong */
            } else if (line_no == 1) {
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
