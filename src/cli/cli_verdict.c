/* The verdict of a sweep: the smallest error-free window per trace, algorithm and mode. */
#include "cli_verdict.h"
#include "sweep_best.h"
#include "sweep_csv.h"
#include "util_duration.h"

#include "debounce/debounce.h"

#include <math.h>
#include <string.h>

static void verdict_free(gpointer data)
{
    cli_verdict_t *v = data;
    g_free(v->trace);
    g_free(v->algo);
    g_free(v->mode);
    g_free(v->runtime);
    g_free(v->irq_latency_us);
    g_free(v->column);
    g_free(v->interval_us);
    g_free(v->press_window_us);
    g_free(v->press_latency_us);
    g_free(v);
}

/* The column a row belongs to: "poll", "irq RUNTIME", or "irq LATENCY" for custom latencies. */
static char *column_of(const sweep_row_t *r)
{
    if (strcmp(r->mode, "poll") == 0) {
        return g_strdup("poll");
    }
    if (strcmp(r->runtime, "custom") == 0) {
        int64_t ns = (int64_t)llround(g_ascii_strtod(r->irq_latency, NULL) * 1000.0);
        g_autofree char *latency = util_format_duration(ns);
        return g_strdup_printf("irq %s", latency);
    }
    return g_strdup_printf("irq %s", r->runtime);
}

/* Appends NAME to ORDER unless it is there already. */
static void add_once(GPtrArray *order, const char *name)
{
    for (guint i = 0; i < order->len; i++) {
        if (strcmp(g_ptr_array_index(order, i), name) == 0) {
            return;
        }
    }
    g_ptr_array_add(order, g_strdup(name));
}

static void add_verdicts(GPtrArray *verdicts, const GPtrArray *rows, const char *trace)
{
    g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func(g_free);
    gboolean has_poll = FALSE;

    for (guint i = 0; i < rows->len; i++) {
        const sweep_row_t *r = g_ptr_array_index(rows, i);
        if (strcmp(r->trace, trace) == 0) {
            g_autofree char *column = column_of(r);
            has_poll = has_poll || strcmp(column, "poll") == 0;
            if (strcmp(column, "poll") != 0) {
                add_once(columns, column);
            }
        }
    }
    if (has_poll) {
        g_ptr_array_insert(columns, 0, g_strdup("poll"));
    }
    /* rows in the order of the core's registry (`bouncelab algorithms`) */
    for (int a = 0; a < DEBOUNCE_ALGO_COUNT; a++) {
        const char *algo = debounce_algo_name((debounce_algo_t)a);
        for (guint c = 0; c < columns->len; c++) {
            const char *column = g_ptr_array_index(columns, c);
            g_autoptr(GPtrArray) group = g_ptr_array_new();
            const sweep_row_t *first = NULL, *best;
            cli_verdict_t *v;

            for (guint i = 0; i < rows->len; i++) {
                const sweep_row_t *r = g_ptr_array_index(rows, i);
                g_autofree char *row_column = NULL;
                if (strcmp(r->trace, trace) != 0 || strcmp(r->algo, algo) != 0) {
                    continue;
                }
                row_column = column_of(r);
                if (strcmp(row_column, column) == 0) {
                    g_ptr_array_add(group, (gpointer)r);
                }
            }
            if (group->len == 0) {
                continue;
            }
            first = g_ptr_array_index(group, 0);
            best = sweep_best_setting(group);
            v = g_new0(cli_verdict_t, 1);
            v->trace = g_strdup(trace);
            v->algo = g_strdup(algo);
            v->mode = g_strdup(first->mode);
            v->runtime = g_strdup(first->runtime);
            v->irq_latency_us = g_strdup(first->irq_latency);
            v->column = g_strdup(column);
            v->presses_true = first->presses_true;
            v->found = best != NULL;
            v->interval_us = g_strdup(best != NULL ? best->interval : "");
            v->press_window_us = g_strdup(best != NULL ? best->window : "");
            v->press_latency_us = g_strdup(best != NULL ? best->latency : "");
            g_ptr_array_add(verdicts, v);
        }
    }
}

GPtrArray *cli_verdict_read(const char *path, GError **error)
{
    g_autoptr(GPtrArray) traces = NULL;
    g_autoptr(GPtrArray) rows = sweep_rows_read(path, &traces, error);
    GPtrArray *verdicts;

    if (rows == NULL) {
        return NULL;
    }
    verdicts = g_ptr_array_new_with_free_func(verdict_free);
    for (guint t = 0; t < traces->len; t++) {
        add_verdicts(verdicts, rows, g_ptr_array_index(traces, t));
    }
    return verdicts;
}

/* A duration given in us in the CSV, written as on the command line ("250us", "5ms"). */
static char *us_as_duration(const char *us)
{
    return util_format_duration((int64_t)llround(g_ascii_strtod(us, NULL) * 1000.0));
}

/* A latency in us in a unit that fits, 2-3 digits: 2.1us, 870us, 3.35ms, 31.2ms, 187ms. */
static char *latency_text(const char *us_text)
{
    double us;

    if (*us_text == '\0') {
        return g_strdup("(no presses)");
    }
    us = g_ascii_strtod(us_text, NULL);
    /* the bounds are where rounding would carry into another digit */
    if (us < 9.95) {
        return g_strdup_printf("%.1fus", us);
    }
    if (us < 999.5) {
        return g_strdup_printf("%.0fus", us);
    }
    if (us < 9995.0) {
        return g_strdup_printf("%.2fms", us / 1000.0);
    }
    if (us < 99950.0) {
        return g_strdup_printf("%.1fms", us / 1000.0);
    }
    if (us < 999500.0) {
        return g_strdup_printf("%.0fms", us / 1000.0);
    }
    return g_strdup_printf("%.2fs", us / 1e6);
}

static char *cell_text(const cli_verdict_t *v)
{
    g_autofree char *window = NULL;
    g_autofree char *latency = NULL;

    if (!v->found) {
        return g_strdup("never");
    }
    window = us_as_duration(v->press_window_us);
    latency = latency_text(v->press_latency_us);
    if (strcmp(v->mode, "poll") == 0) {
        g_autofree char *interval = us_as_duration(v->interval_us);
        return g_strdup_printf("%s@%s %s", window, interval, latency);
    }
    return g_strdup_printf("%s %s", window, latency);
}

/* One trace's table: VERDICTS[from, to) all belong to it. */
static void print_trace(FILE *out, const GPtrArray *verdicts, guint from, guint to)
{
    const cli_verdict_t *first = g_ptr_array_index(verdicts, from);
    g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GPtrArray) algos = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GHashTable) cells = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    g_autoptr(GArray) widths = g_array_new(FALSE, TRUE, sizeof(int));
    int algo_width = (int)strlen("algorithm");

    for (guint i = from; i < to; i++) {
        const cli_verdict_t *v = g_ptr_array_index(verdicts, i);
        add_once(columns, v->column);
        add_once(algos, v->algo);
        algo_width = MAX(algo_width, (int)strlen(v->algo));
        g_hash_table_insert(cells, g_strdup_printf("%s|%s", v->algo, v->column), cell_text(v));
    }
    g_array_set_size(widths, columns->len);
    for (guint c = 0; c < columns->len; c++) {
        int width = (int)strlen(g_ptr_array_index(columns, c));
        for (guint a = 0; a < algos->len; a++) {
            g_autofree char *key = g_strdup_printf("%s|%s", (char *)g_ptr_array_index(algos, a),
                                                   (char *)g_ptr_array_index(columns, c));
            const char *cell = g_hash_table_lookup(cells, key);
            width = MAX(width, cell != NULL ? (int)strlen(cell) : 1);
        }
        g_array_index(widths, int, c) = width;
    }

    fprintf(out, "%s (%u %s)\n", first->trace, first->presses_true,
            first->presses_true == 1 ? "press" : "presses");
    fprintf(out, "  %-*s", algo_width, "algorithm");
    for (guint c = 0; c < columns->len; c++) {
        fprintf(out, "  %-*s", c + 1 < columns->len ? g_array_index(widths, int, c) : 0,
                (const char *)g_ptr_array_index(columns, c));
    }
    fputc('\n', out);
    for (guint a = 0; a < algos->len; a++) {
        const char *algo = g_ptr_array_index(algos, a);
        fprintf(out, "  %-*s", algo_width, algo);
        for (guint c = 0; c < columns->len; c++) {
            g_autofree char *key =
                g_strdup_printf("%s|%s", algo, (char *)g_ptr_array_index(columns, c));
            const char *cell = g_hash_table_lookup(cells, key);
            /* the last column is not padded: no trailing blanks */
            fprintf(out, "  %-*s", c + 1 < columns->len ? g_array_index(widths, int, c) : 0,
                    cell != NULL ? cell : "-");
        }
        fputc('\n', out);
    }
}

void cli_verdict_print_table(FILE *out, const GPtrArray *verdicts)
{
    guint from = 0;

    fputs("Smallest debounce window with no false and no missed press or release, and its\n"
          "median press latency (poll: WINDOW@INTERVAL, at the interval where that latency\n"
          "is lowest; 'never': no window swept was error-free; '-': not swept).\n",
          out);
    while (from < verdicts->len) {
        const cli_verdict_t *first = g_ptr_array_index(verdicts, from);
        guint to = from + 1;
        while (to < verdicts->len &&
               strcmp(((const cli_verdict_t *)g_ptr_array_index(verdicts, to))->trace,
                      first->trace) == 0) {
            to++;
        }
        fputc('\n', out);
        print_trace(out, verdicts, from, to);
        from = to;
    }
}

void cli_verdict_print_csv(FILE *out, const GPtrArray *verdicts)
{
    fputs("trace,algo,mode,runtime,irq_latency_us,interval_us,press_window_us,"
          "press_latency_median_us\n",
          out);
    for (guint i = 0; i < verdicts->len; i++) {
        const cli_verdict_t *v = g_ptr_array_index(verdicts, i);
        g_autofree char *trace = sweep_csv_quote(v->trace);
        fprintf(out, "%s,%s,%s,%s,%s,%s,%s,%s\n", trace, v->algo, v->mode, v->runtime,
                v->irq_latency_us, v->interval_us, v->press_window_us, v->press_latency_us);
    }
}
