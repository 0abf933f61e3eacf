/*
 * `bouncelab merge`: adds the shards of one stress run back together. Every
 * part must come from the same run (its run_id), the shards 1..N must each
 * be there once, and the rows must list the same configurations; the counts
 * are summed and the rates and bounds recomputed by the writer stress uses,
 * so the result is the unsharded run byte for byte.
 */
#include "cli.h"
#include "stress_csv.h"
#include "trace_error.h"
#include "util_atomic_file.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    char *output;
} merge_options_t;

static void merge_options_clear(merge_options_t *o)
{
    g_clear_pointer(&o->output, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(merge_options_t, merge_options_clear)

static gboolean same_weights(const stress_row_t *a, const stress_row_t *b)
{
    for (guint c = 0; c < STRESS_RARE_CLASSES; c++) {
        if (a->weights[c] != b->weights[c]) {
            return FALSE;
        }
    }
    return TRUE;
}

static gboolean same_config(const stress_row_t *a, const stress_row_t *b)
{
    return strcmp(a->trace, b->trace) == 0 && strcmp(a->algo, b->algo) == 0 &&
           strcmp(a->mode, b->mode) == 0 && strcmp(a->press_window_us, b->press_window_us) == 0 &&
           strcmp(a->release_window_us, b->release_window_us) == 0 &&
           strcmp(a->interval_us, b->interval_us) == 0 &&
           strcmp(a->irq_latency_us, b->irq_latency_us) == 0 &&
           strcmp(a->runtime, b->runtime) == 0 &&
           strcmp(a->bounce_longest_us, b->bounce_longest_us) == 0 &&
           strcmp(a->bounce_1e6_us, b->bounce_1e6_us) == 0 && a->seed == b->seed &&
           a->rare == b->rare && (!a->rare || same_weights(a, b));
}

/* The shard "I/N" of a part: every row must say the same. */
static gboolean part_shard(const char *path, GArray *rows, guint *index, guint *count,
                           GError **error)
{
    const stress_row_t *first = &g_array_index(rows, stress_row_t, 0);
    guint64 i = 0, n = 0;
    g_auto(GStrv) parts = g_strsplit(first->shard, "/", -1);

    if (g_strv_length(parts) != 2 ||
        !g_ascii_string_to_unsigned(parts[0], 10, 1, G_MAXUINT, &i, NULL) ||
        !g_ascii_string_to_unsigned(parts[1], 10, 1, G_MAXUINT, &n, NULL) || i > n) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE,
                    "%s: not a shard (its shard column is '%s'; write parts with --shard I/N)",
                    path, first->shard);
        return FALSE;
    }
    for (guint r = 0; r < rows->len; r++) {
        const stress_row_t *row = &g_array_index(rows, stress_row_t, r);
        if (strcmp(row->shard, first->shard) != 0 || strcmp(row->run_id, first->run_id) != 0) {
            g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE,
                        "%s: row %u belongs to another shard or run than the first", path, r + 2);
            return FALSE;
        }
    }
    *index = (guint)i - 1;
    *count = (guint)n;
    return TRUE;
}

static gboolean merge(char **paths, FILE *out_stream, GPtrArray *parts, GError **error)
{
    guint n_parts = g_strv_length(paths), count = 0;
    g_autofree gboolean *seen = NULL;
    GArray *total;

    for (guint p = 0; p < n_parts; p++) {
        GArray *rows = stress_csv_read(paths[p], error);
        guint index, n;
        if (rows == NULL) {
            return FALSE;
        }
        g_ptr_array_add(parts, rows);
        if (rows->len == 0) {
            g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE, "%s: no rows", paths[p]);
            return FALSE;
        }
        if (!part_shard(paths[p], rows, &index, &n, error)) {
            return FALSE;
        }
        if (p == 0) {
            count = n;
            seen = g_new0(gboolean, n);
        }
        if (n != count) {
            g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE,
                        "%s is a shard of %u, %s of %u: not one run", paths[p], n, paths[0], count);
            return FALSE;
        }
        if (seen[index]) {
            g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE, "shard %u/%u is given twice",
                        index + 1, n);
            return FALSE;
        }
        seen[index] = TRUE;
        if (p > 0) {
            GArray *first = g_ptr_array_index(parts, 0);
            const stress_row_t *a = &g_array_index(first, stress_row_t, 0);
            const stress_row_t *b = &g_array_index(rows, stress_row_t, 0);
            if (strcmp(a->run_id, b->run_id) != 0) {
                g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE,
                            "%s and %s come from different runs (run_id %s and %s): same "
                            "inputs, options and seed are needed",
                            paths[0], paths[p], a->run_id, b->run_id);
                return FALSE;
            }
            if (rows->len != first->len) {
                g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE,
                            "%s has %u rows, %s %u: not one run", paths[p], rows->len, paths[0],
                            first->len);
                return FALSE;
            }
        }
    }
    for (guint i = 0; i < count; i++) {
        if (!seen[i]) {
            g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE, "shard %u/%u is missing", i + 1,
                        count);
            return FALSE;
        }
    }
    total = g_ptr_array_index(parts, 0);
    g_autofree char *header = stress_csv_header();
    fputs(header, out_stream);
    for (guint r = 0; r < total->len; r++) {
        stress_row_t *row = &g_array_index(total, stress_row_t, r);
        g_autofree char *line = NULL;
        for (guint p = 1; p < parts->len; p++) {
            const stress_row_t *other =
                &g_array_index((GArray *)g_ptr_array_index(parts, p), stress_row_t, r);
            if (!same_config(row, other)) {
                g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE,
                            "%s:%u and %s:%u describe different configurations", paths[0], r + 2,
                            paths[p], r + 2);
                return FALSE;
            }
            stress_tally_merge(&row->tally, &other->tally);
        }
        g_free(row->shard);
        row->shard = g_strdup("");
        line = stress_csv_format(row);
        fputs(line, out_stream);
    }
    return TRUE;
}

int cmd_merge(int argc, char **argv)
{
    g_auto(merge_options_t) o = {0};
    g_autoptr(GOptionContext) context =
        g_option_context_new("PART.csv... - add the shards of one stress run together");
    const GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
         "Write the merged CSV here, atomically ('-': standard output) [default: -]", "FILE"},
        G_OPTION_ENTRY_NULL};
    g_autoptr(GError) error = NULL;
    g_autoptr(util_atomic_file_t) file = NULL;
    g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);

    g_option_context_add_main_entries(context, entries, NULL);
    g_option_context_set_summary(
        context, "Sums the counts of the parts written by 'bouncelab stress --shard I/N' (all N of "
                 "them, in any order, from one run: same inputs, options and seed) and recomputes "
                 "the rates and bounds. The result equals the unsharded run byte for byte.");
    if (!cli_parse_options(context, &argc, &argv)) {
        return CLI_EXIT_USAGE;
    }
    if (argc < 2) {
        return cli_usage("merge needs the part files (e.g. 'bouncelab merge part*.csv')");
    }
    file = util_atomic_file_open(o.output ? o.output : "-", &error);
    if (file == NULL) {
        return cli_fail(error);
    }
    if (!merge(argv + 1, util_atomic_file_stream(file), parts, &error)) {
        cli_error_as_usage(error); /* a part that will not read is bad input */
        return cli_fail(error);    /* the autoptr drops the temporary file */
    }
    if (!util_atomic_file_commit(g_steal_pointer(&file), &error)) {
        return cli_fail(error);
    }
    return CLI_EXIT_OK;
}
