/* Drawing the four sweep plots for each trace of a results CSV. */
#include "plot_sweep.h"
#include "plot_error.h"
#include "plot_results.h"
#include "plot_style.h"
#include "sweep_best.h"
#include "sweep_csv.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

/* Keep in step with scripts/plots/ (each script's header says what it shows). */
static const plot_sweep_plot_t plots[] = {
    {"latency-vs-window", "press latency (median, p99 bar) against window, per algorithm"},
    {"errors-vs-window", "false and missed presses against window; error-free windows marked"},
    {"polling-interval", "latency and CPU per press against poll interval; irq as lines"},
    {"tradeoff", "latency against false + missed, every configuration; Pareto front"},
};

const plot_sweep_plot_t *plot_sweep_plots(gsize *n_out)
{
    *n_out = G_N_ELEMENTS(plots);
    return plots;
}

static char *stem_of(const char *trace)
{
    g_autofree char *base = g_path_get_basename(trace);
    char *dot = strrchr(base, '.');

    if (dot != NULL && dot != base) {
        *dot = '\0';
    }
    if (*base == '\0' || strcmp(base, ".") == 0 || strcmp(base, "..") == 0 ||
        strcmp(base, G_DIR_SEPARATOR_S) == 0) {
        return g_strdup("trace");
    }
    for (char *c = base; *c != '\0'; c++) {
        if (!g_ascii_isalnum(*c) && *c != '.' && *c != '_' && *c != '-') {
            *c = '_';
        }
    }
    return g_steal_pointer(&base);
}

GPtrArray *plot_sweep_stems(const GPtrArray *traces)
{
    GPtrArray *stems = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GHashTable) taken = g_hash_table_new(g_str_hash, g_str_equal);

    for (guint i = 0; i < traces->len; i++) {
        g_autofree char *stem = stem_of(g_ptr_array_index(traces, i));
        char *unique = g_strdup(stem);

        for (guint n = 2; g_hash_table_contains(taken, unique); n++) {
            g_free(unique);
            unique = g_strdup_printf("%s-%u", stem, n);
        }
        g_ptr_array_add(stems, unique);
        g_hash_table_add(taken, unique);
    }
    return stems;
}

/* The index in TRACES of the trace named WANTED (as in the column, or its stem), or -1. */
static gint find_trace(const GPtrArray *traces, const GPtrArray *stems, const char *wanted)
{
    for (guint i = 0; i < traces->len; i++) {
        if (strcmp(g_ptr_array_index(traces, i), wanted) == 0) {
            return (gint)i;
        }
    }
    for (guint i = 0; i < stems->len; i++) {
        if (strcmp(g_ptr_array_index(stems, i), wanted) == 0) {
            return (gint)i;
        }
    }
    return -1;
}

static gboolean check_scripts(const char *dir, GError **error)
{
    for (gsize i = 0; i < G_N_ELEMENTS(plots); i++) {
        g_autofree char *file = g_strdup_printf("%s.gp", plots[i].name);
        g_autofree char *path = g_build_filename(dir, file, NULL);

        if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
            g_set_error(error, PLOT_ERROR, PLOT_ERROR_INVALID,
                        "%s: no such plot script (--scripts names the directory of the "
                        "gnuplot scripts, scripts/plots in the source tree)",
                        path);
            return FALSE;
        }
    }
    return TRUE;
}

/*
 * The trace's cell in the per-trace files gnuplot reads, and the trace_key
 * the scripts select rows by: gnuplot splits a CSV at every comma, quoted or
 * not, and would keep a quote, so both become '_' (the title still shows the
 * name as it is, from the trace variable).
 */
static char *gnuplot_key(const char *trace)
{
    char *key = g_strdup(trace);

    for (char *c = key; *c != '\0'; c++) {
        if (*c == ',' || *c == '"') {
            *c = '_';
        }
    }
    return key;
}

static gboolean draw_trace(const plot_gnuplot_t *gnuplot, const plot_sweep_options_t *options,
                           const GPtrArray *rows, const char *data, const char *trace,
                           const char *stem, GPtrArray *written, GPtrArray *warnings,
                           GError **error)
{
    g_autofree char *key = gnuplot_key(trace);
    g_autofree char *best = NULL;
    g_autofree char *best_irq = NULL;
    plot_style_t style;
    gboolean ok = TRUE;

    plot_style_init(&style);
    sweep_best_plot_vars(rows, trace, &best, &best_irq);
    const char *vars[] = {"data",        data,         "trace",     trace,         "trace_key",
                          key,           "algos",      style.algos, "algo_colors", style.colors,
                          "algo_points", style.points, "best",      best,          "best_irq",
                          best_irq,      NULL};

    for (gsize i = 0; i < G_N_ELEMENTS(plots); i++) {
        g_autofree char *script_file = g_strdup_printf("%s.gp", plots[i].name);
        g_autofree char *script = g_build_filename(options->scripts_dir, script_file, NULL);
        g_autofree char *file =
            g_strdup_printf("%s-%s.%s", stem, plots[i].name, gnuplot->extension);
        g_autofree char *path = g_build_filename(options->out_dir, file, NULL);
        g_autofree char *warning = NULL;

        if (!plot_gnuplot_render(gnuplot, script, vars, path, &warning, error)) {
            ok = FALSE;
            break;
        }
        g_ptr_array_add(written, g_steal_pointer(&path));
        if (warning != NULL) {
            g_ptr_array_add(warnings,
                            g_strdup_printf("%s, trace %s: %s", script_file, trace, warning));
        }
    }
    plot_style_clear(&style);
    return ok;
}

/*
 * gnuplot reads the CSV a dozen times per picture (it has no "group by"), so
 * each trace's rows go to a file of their own, under the header, and a sweep
 * of many traces costs each picture only its own rows.
 */
typedef struct {
    char *dir;         /* temporary directory, removed by plot_sweep_free() */
    GPtrArray *paths;  /* one CSV per trace, in the order of the traces */
    GHashTable *files; /* trace name -> FILE * open on its CSV, while reading */
} split_t;

struct plot_sweep {
    plot_sweep_options_t options;
    GPtrArray *traces; /* the trace column's distinct values */
    GPtrArray *stems;  /* their file-name stems */
    GPtrArray *rows;   /* every row, for the recommended settings (sweep_best.h) */
    split_t split;     /* their rows, one file each */
    gint only;         /* index of the one trace to draw, or -1 for all */
};

/* Closes every per-trace file; 0, or the errno of the first close that failed. */
static int split_close(split_t *split)
{
    GHashTableIter iter;
    gpointer file;
    int err = 0;

    if (split->files == NULL) {
        return 0;
    }
    g_hash_table_iter_init(&iter, split->files);
    while (g_hash_table_iter_next(&iter, NULL, &file)) {
        if (fclose(file) != 0 && err == 0) {
            err = errno;
        }
    }
    g_clear_pointer(&split->files, g_hash_table_unref);
    return err;
}

static void split_clear(split_t *split)
{
    split_close(split);
    for (guint i = 0; split->paths != NULL && i < split->paths->len; i++) {
        g_unlink(g_ptr_array_index(split->paths, i));
    }
    g_clear_pointer(&split->paths, g_ptr_array_unref);
    if (split->dir != NULL) {
        g_rmdir(split->dir);
    }
    g_clear_pointer(&split->dir, g_free);
}

static gboolean split_failed(const split_t *split, int err, GError **error)
{
    g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(err),
                "%s: cannot write the per-trace data for gnuplot: %s", split->dir, g_strerror(err));
    return FALSE;
}

/* plot_results_row_fn: appends the row to its trace's CSV, opened at its first row. */
static gboolean split_row(const char *line, char **fields, gpointer user_data, GError **error)
{
    split_t *split = user_data;
    FILE *file = g_hash_table_lookup(split->files, fields[SWEEP_CSV_TRACE]);
    g_autofree char *key = gnuplot_key(fields[SWEEP_CSV_TRACE]);
    (void)line;

    if (file == NULL) {
        g_autofree char *name = g_strdup_printf("%u.csv", split->paths->len);
        g_autofree char *header = sweep_csv_header();
        char *path = g_build_filename(split->dir, name, NULL);

        g_ptr_array_add(split->paths, path);
        file = fopen(path, "w");
        if (file == NULL) {
            return split_failed(split, errno, error);
        }
        g_hash_table_insert(split->files, g_strdup(fields[SWEEP_CSV_TRACE]), file);
        if (fputs(header, file) < 0) {
            return split_failed(split, errno, error);
        }
    }
    /* every other cell is a name or a number: no comma, no quote */
    for (guint i = 0; i < SWEEP_CSV_N_COLUMNS; i++) {
        if (fprintf(file, "%s%c", i == SWEEP_CSV_TRACE ? key : fields[i],
                    i + 1 < SWEEP_CSV_N_COLUMNS ? ',' : '\n') < 0) {
            return split_failed(split, errno, error);
        }
    }
    return TRUE;
}

/* Reads and checks the results CSV into SWEEP's traces and per-trace files. */
static gboolean split_results(plot_sweep_t *sweep, GError **error)
{
    split_t *split = &sweep->split;
    int err;

    split->dir = g_dir_make_tmp("bouncelab-plot-XXXXXX", error);
    if (split->dir == NULL) {
        return FALSE;
    }
    split->paths = g_ptr_array_new_with_free_func(g_free);
    split->files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    sweep->traces = plot_results_read(sweep->options.results, split_row, split, error);
    if (sweep->traces == NULL) {
        return FALSE;
    }
    err = split_close(split);
    return err == 0 || split_failed(split, err, error);
}

void plot_sweep_free(plot_sweep_t *sweep)
{
    if (sweep == NULL) {
        return;
    }
    if (sweep->traces != NULL) {
        g_ptr_array_unref(sweep->traces);
    }
    if (sweep->stems != NULL) {
        g_ptr_array_unref(sweep->stems);
    }
    if (sweep->rows != NULL) {
        g_ptr_array_unref(sweep->rows);
    }
    split_clear(&sweep->split);
    g_free(sweep);
}

static char *join(const GPtrArray *names)
{
    GString *text = g_string_new(NULL);

    for (guint i = 0; i < names->len; i++) {
        g_string_append_printf(text, "%s%s", i > 0 ? ", " : "",
                               (const char *)g_ptr_array_index(names, i));
    }
    return g_string_free(text, FALSE);
}

plot_sweep_t *plot_sweep_new(const plot_sweep_options_t *options, GError **error)
{
    g_autoptr(plot_sweep_t) sweep = g_new0(plot_sweep_t, 1);

    sweep->options = *options;
    sweep->only = -1;
    if (!check_scripts(options->scripts_dir, error) || !split_results(sweep, error)) {
        return NULL;
    }
    {
        g_autoptr(GPtrArray) traces = NULL;
        sweep->rows = sweep_rows_read(options->results, &traces, error);
        if (sweep->rows == NULL) {
            return NULL;
        }
    }
    sweep->stems = plot_sweep_stems(sweep->traces);
    if (options->only != NULL) {
        sweep->only = find_trace(sweep->traces, sweep->stems, options->only);
        if (sweep->only < 0) {
            g_autofree char *names = join(sweep->traces);
            g_set_error(error, PLOT_ERROR, PLOT_ERROR_INVALID, "%s has no trace '%s' (it has: %s)",
                        options->results, options->only, names);
            return NULL;
        }
    }
    return g_steal_pointer(&sweep);
}

gboolean plot_sweep_draw(const plot_sweep_t *sweep, const plot_gnuplot_t *gnuplot,
                         GPtrArray *written, GPtrArray *warnings, GError **error)
{
    const plot_sweep_options_t *options = &sweep->options;

    if (g_mkdir_with_parents(options->out_dir, PLOT_DIR_MODE) != 0) {
        int err = errno;
        g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(err),
                    "%s: cannot create the output directory: %s", options->out_dir,
                    g_strerror(err));
        return FALSE;
    }
    for (guint i = 0; i < sweep->traces->len; i++) {
        if (sweep->only >= 0 && (guint)sweep->only != i) {
            continue;
        }
        if (!draw_trace(gnuplot, options, sweep->rows, g_ptr_array_index(sweep->split.paths, i),
                        g_ptr_array_index(sweep->traces, i), g_ptr_array_index(sweep->stems, i),
                        written, warnings, error)) {
            return FALSE;
        }
    }
    return TRUE;
}
