/* The recommended setting of a sweep (see sweep_best.h). */
#include "sweep_best.h"
#include "plot_results.h"
#include "sweep_csv.h"

#include "debounce/debounce.h"
#include "sim_config.h"

#include <math.h>
#include <string.h>

static void row_free(gpointer data)
{
    sweep_row_t *r = data;
    g_free(r->trace);
    g_free(r->algo);
    g_free(r->mode);
    g_free(r->runtime);
    g_free(r->irq_latency);
    g_free(r->interval);
    g_free(r->window);
    g_free(r->latency);
    g_free(r->p99);
    g_free(r->cpu_per_press);
    g_free(r);
}

static double number(const char *text)
{
    return *text == '\0' ? INFINITY : g_ascii_strtod(text, NULL);
}

/* plot_results_row_fn: keeps the row (the reader has checked every cell). */
static gboolean keep_row(const char *line, char **fields, gpointer user_data, GError **error)
{
    GPtrArray *rows = user_data;
    sweep_row_t *r = g_new0(sweep_row_t, 1);
    (void)line;
    (void)error;

    r->trace = g_strdup(fields[SWEEP_CSV_TRACE]);
    r->algo = g_strdup(fields[SWEEP_CSV_ALGO]);
    r->mode = g_strdup(fields[SWEEP_CSV_MODE]);
    r->runtime = g_strdup(fields[SWEEP_CSV_RUNTIME]);
    r->irq_latency = g_strdup(fields[SWEEP_CSV_IRQ_LATENCY_US]);
    r->interval = g_strdup(fields[SWEEP_CSV_INTERVAL_US]);
    r->window = g_strdup(fields[SWEEP_CSV_PRESS_WINDOW_US]);
    r->latency = g_strdup(fields[SWEEP_CSV_PRESS_LATENCY_MEDIAN_US]);
    r->p99 = g_strdup(fields[SWEEP_CSV_PRESS_LATENCY_P99_US]);
    r->cpu_per_press = g_strdup(fields[SWEEP_CSV_CPU_ENTRIES_PER_PRESS]);
    r->interval_us = number(r->interval);
    r->irq_latency_us = number(r->irq_latency);
    r->window_us = number(r->window);
    r->latency_us = number(r->latency);
    r->presses_true = (guint)number(fields[SWEEP_CSV_PRESSES_TRUE]);
    r->error_free =
        number(fields[SWEEP_CSV_MISSED]) == 0 && number(fields[SWEEP_CSV_FALSE_TRIGGERS]) == 0;
    g_ptr_array_add(rows, r);
    return TRUE;
}

GPtrArray *sweep_rows_read(const char *path, GPtrArray **traces_out, GError **error)
{
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func(row_free);
    GPtrArray *traces = plot_results_read(path, keep_row, rows, error);

    if (traces == NULL) {
        return NULL;
    }
    *traces_out = traces;
    return g_steal_pointer(&rows);
}

const sweep_row_t *sweep_best_window(const GPtrArray *group)
{
    const sweep_row_t *best = NULL;

    for (guint i = 0; i < group->len; i++) {
        const sweep_row_t *r = g_ptr_array_index(group, i);
        if (r->error_free && (best == NULL || r->window_us < best->window_us)) {
            best = r;
        }
    }
    return best;
}

const sweep_row_t *sweep_best_run_end(const GPtrArray *group, const sweep_row_t *best)
{
    const sweep_row_t *end = best;
    double bad = INFINITY; /* the first window past BEST with an error */

    for (guint i = 0; i < group->len; i++) {
        const sweep_row_t *r = g_ptr_array_index(group, i);
        if (!r->error_free && r->window_us > best->window_us && r->window_us < bad) {
            bad = r->window_us;
        }
    }
    for (guint i = 0; i < group->len; i++) {
        const sweep_row_t *r = g_ptr_array_index(group, i);
        if (r->error_free && r->window_us < bad && r->window_us > end->window_us) {
            end = r;
        }
    }
    return end;
}

/* TRUE when a interval's recommended row beats b's: a lower latency, then a longer interval. */
static gboolean better_interval(const sweep_row_t *a, const sweep_row_t *b)
{
    if (b == NULL || a->latency_us < b->latency_us) {
        return TRUE;
    }
    return a->latency_us == b->latency_us && a->interval_us > b->interval_us;
}

const sweep_row_t *sweep_best_setting(const GPtrArray *group)
{
    g_autoptr(GHashTable) per_interval =
        g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
    g_autoptr(GPtrArray) intervals = g_ptr_array_new();
    const sweep_row_t *best = NULL;

    for (guint i = 0; i < group->len; i++) {
        const sweep_row_t *r = g_ptr_array_index(group, i);
        GPtrArray *rows = g_hash_table_lookup(per_interval, r->interval);
        if (rows == NULL) {
            rows = g_ptr_array_new();
            g_hash_table_insert(per_interval, r->interval, rows);
            g_ptr_array_add(intervals, r->interval);
        }
        g_ptr_array_add(rows, (gpointer)r);
    }
    for (guint i = 0; i < intervals->len; i++) {
        const sweep_row_t *r =
            sweep_best_window(g_hash_table_lookup(per_interval, g_ptr_array_index(intervals, i)));
        if (r != NULL && better_interval(r, best)) {
            best = r;
        }
    }
    return best;
}

/* ---- what the plots get ---------------------------------------------------- */

static int compare_numbers(gconstpointer a, gconstpointer b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The distinct values of X (interval or entry latency) among ROWS, ascending. */
static GArray *distinct(const GPtrArray *rows, gboolean irq_latency)
{
    GArray *values = g_array_new(FALSE, FALSE, sizeof(double));

    for (guint i = 0; i < rows->len; i++) {
        const sweep_row_t *r = g_ptr_array_index(rows, i);
        double v = irq_latency ? r->irq_latency_us : r->interval_us;
        gboolean seen = FALSE;
        for (guint j = 0; j < values->len && !seen; j++) {
            seen = g_array_index(values, double, j) == v;
        }
        if (!seen) {
            g_array_append_val(values, v);
        }
    }
    g_array_sort(values, compare_numbers);
    return values;
}

/* The rows of one group: ALGO (NULL: any) in MODE at X, with RUNTIME for irq. */
static GPtrArray *group_of(const GPtrArray *rows, const char *algo, gboolean irq,
                           const char *runtime, double x)
{
    GPtrArray *group = g_ptr_array_new();

    for (guint i = 0; i < rows->len; i++) {
        const sweep_row_t *r = g_ptr_array_index(rows, i);
        gboolean same =
            (strcmp(r->mode, "irq") == 0) == irq && (algo == NULL || strcmp(r->algo, algo) == 0) &&
            (irq ? runtime != NULL && strcmp(r->runtime, runtime) == 0 && r->irq_latency_us == x
                 : r->interval_us == x);
        if (same) {
            g_ptr_array_add(group, (gpointer)r);
        }
    }
    return group;
}

static const char *or_nan(const char *cell)
{
    return *cell == '\0' ? "NaN" : cell;
}

/* Appends one "best" record for GROUP (nothing when it is empty). */
static void add_record(GString *best, const GPtrArray *group, const char *mode, const char *runtime,
                       const char *x, const char *algo)
{
    const sweep_row_t *zero = sweep_best_window(group);

    if (group->len == 0) {
        return;
    }
    g_string_append_printf(best, "%s%s %s %s %s ", best->len > 0 ? " " : "", mode, runtime, x,
                           algo);
    if (zero == NULL) {
        g_string_append(best, "none none none none none");
        return;
    }
    g_string_append_printf(best, "%s %s %s %s %s", zero->window,
                           sweep_best_run_end(group, zero)->window, or_nan(zero->latency),
                           or_nan(zero->p99), or_nan(zero->cpu_per_press));
}

/* The text of X as the CSV has it, from the first row of GROUP. */
static const char *x_text(const GPtrArray *group, gboolean irq)
{
    const sweep_row_t *r = g_ptr_array_index(group, 0);
    return irq ? r->irq_latency : r->interval;
}

void sweep_best_plot_vars(const GPtrArray *all, const char *trace, char **best_out,
                          char **best_irq_out)
{
    g_autoptr(GPtrArray) rows = g_ptr_array_new();
    g_autoptr(GString) best = g_string_new(NULL);
    g_autoptr(GString) best_irq = g_string_new(NULL);

    for (guint i = 0; i < all->len; i++) {
        const sweep_row_t *r = g_ptr_array_index(all, i);
        if (strcmp(r->trace, trace) == 0) {
            g_ptr_array_add(rows, (gpointer)r);
        }
    }
    for (int a = 0; a < DEBOUNCE_ALGO_COUNT; a++) {
        const char *algo = debounce_algo_name((debounce_algo_t)a);
        g_autoptr(GPtrArray) mine = g_ptr_array_new();
        g_autoptr(GArray) xs = NULL;

        for (guint i = 0; i < rows->len; i++) {
            const sweep_row_t *r = g_ptr_array_index(rows, i);
            if (strcmp(r->mode, "poll") == 0 && strcmp(r->algo, algo) == 0) {
                g_ptr_array_add(mine, (gpointer)r);
            }
        }
        xs = distinct(mine, FALSE);
        for (guint k = 0; k < xs->len; k++) {
            g_autoptr(GPtrArray) group =
                group_of(rows, algo, FALSE, NULL, g_array_index(xs, double, k));
            add_record(best, group, "poll", "-", x_text(group, FALSE), algo);
        }
    }
    for (int rt = 0; rt <= (int)SIM_RUNTIME_CUSTOM; rt++) {
        const char *runtime = sim_runtime_name((sim_runtime_t)rt);
        g_autoptr(GPtrArray) mine = g_ptr_array_new();
        g_autoptr(GArray) xs = NULL;

        for (guint i = 0; i < rows->len; i++) {
            const sweep_row_t *r = g_ptr_array_index(rows, i);
            if (strcmp(r->mode, "irq") == 0 && strcmp(r->runtime, runtime) == 0) {
                g_ptr_array_add(mine, (gpointer)r);
            }
        }
        xs = distinct(mine, TRUE);
        for (guint k = 0; k < xs->len; k++) {
            double x = g_array_index(xs, double, k);
            const sweep_row_t *line = NULL;
            g_autoptr(GPtrArray) any = group_of(rows, NULL, TRUE, runtime, x);
            const char *xt = x_text(any, TRUE);

            for (int a = 0; a < DEBOUNCE_ALGO_COUNT; a++) {
                const char *algo = debounce_algo_name((debounce_algo_t)a);
                g_autoptr(GPtrArray) group = group_of(rows, algo, TRUE, runtime, x);
                const sweep_row_t *zero = sweep_best_window(group);
                add_record(best, group, "irq", runtime, xt, algo);
                /* the line: the lowest latency of the algorithms' recommended settings */
                if (zero != NULL && isfinite(zero->latency_us) &&
                    (line == NULL || zero->latency_us < line->latency_us)) {
                    line = zero;
                }
            }
            g_string_append_printf(best_irq, "%s%s %s ", best_irq->len > 0 ? " " : "", runtime, xt);
            if (line == NULL) {
                g_string_append(best_irq, "- none NaN NaN NaN");
            } else {
                g_string_append_printf(best_irq, "%s %s %s %s %s", line->algo, line->window,
                                       line->latency, or_nan(line->p99),
                                       or_nan(line->cpu_per_press));
            }
        }
    }
    *best_out = g_string_free(g_steal_pointer(&best), FALSE);
    *best_irq_out = g_string_free(g_steal_pointer(&best_irq), FALSE);
}

char *sweep_best_gnuplot(const GPtrArray *rows, const char *trace)
{
    g_autofree char *best = NULL;
    g_autofree char *best_irq = NULL;

    sweep_best_plot_vars(rows, trace, &best, &best_irq);
    return g_strdup_printf("best='%s'; best_irq='%s'", best, best_irq);
}
