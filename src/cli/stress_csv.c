/* Stress CSV rows: formatting from tallies, and parsing back for merge. */
#include "stress_csv.h"
#include "cli_results.h"
#include "sweep_csv.h"
#include "sim_algos.h"
#include "stats.h"
#include "trace_error.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Column positions, in the header's order. */
enum {
    COL_TRACE,
    COL_ALGO,
    COL_MODE,
    COL_PRESS_WINDOW,
    COL_RELEASE_WINDOW,
    COL_INTERVAL,
    COL_IRQ_LATENCY,
    COL_PRESSES,
    COL_DETECTED,
    COL_MISSED,
    COL_FALSE,
    COL_LAT_MIN,
    COL_LAT_MEDIAN,
    COL_LAT_P99,
    COL_LAT_MAX,
    COL_RELEASE_MEDIAN,
    COL_CPU,
    COL_CPU_PER_PRESS,
    COL_RUNTIME,
    COL_SIMULATED,
    COL_FALSE_CYCLES,
    COL_MISSED_CYCLES,
    COL_FAILED_CYCLES,
    COL_FALSE_PM,
    COL_FALSE_PM_HI,
    COL_MISSED_PM,
    COL_MISSED_PM_HI,
    COL_FAILED_PM,
    COL_FAILED_PM_HI,
    COL_LAT_P999,
    COL_RARE_PM,
    COL_RARE_SE_PM,
    COL_RARE_ESS,
    COL_BOUNCE_LONGEST,
    COL_BOUNCE_1E6,
    COL_SEED,
    COL_RUN_ID,
    COL_SHARD,
    COL_PRESS_HIST,
    COL_RELEASE_HIST,
    COL_RARE_COUNTS,
    N_COLS
};

/* The sweep's columns come first, in the sweep's order (sweep_csv.h); then these. */
G_STATIC_ASSERT((int)COL_RUNTIME == (int)SWEEP_CSV_RUNTIME &&
                (int)COL_SIMULATED == (int)SWEEP_CSV_N_COLUMNS);
static const char *const stress_columns[] = {
    "presses_simulated",
    "false_cycles",
    "missed_cycles",
    "failed_cycles",
    "false_per_million",
    "false_per_million_hi95",
    "missed_per_million",
    "missed_per_million_hi95",
    "failed_per_million",
    "failed_per_million_hi95",
    "press_latency_p999_us",
    "rare_per_million",
    "rare_se_per_million",
    "rare_ess",
    "make_bounce_longest_us",
    "make_bounce_one_in_million_us",
    "seed",
    "run_id",
    "shard",
    "press_latency_hist",
    "release_latency_hist",
    "rare_counts",
};
G_STATIC_ASSERT(G_N_ELEMENTS(stress_columns) == N_COLS - COL_SIMULATED);

char *stress_csv_header(void)
{
    GString *header = g_string_new(NULL);

    for (guint i = 0; i < SWEEP_CSV_N_COLUMNS; i++) {
        g_string_append_printf(header, "%s,", sweep_csv_columns[i].name);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(stress_columns); i++) {
        g_string_append_printf(header, "%s%c", stress_columns[i],
                               i + 1 < G_N_ELEMENTS(stress_columns) ? ',' : '\n');
    }
    return g_string_free(header, FALSE);
}

void stress_row_set_config(stress_row_t *row, const char *trace, const sim_config_t *cfg)
{
    gboolean poll = cfg->mode == SIM_MODE_POLL;

    row->trace = g_strdup(trace);
    row->algo = g_strdup(debounce_algo_name(cfg->algo));
    row->mode = g_strdup(sim_mode_name(cfg->mode));
    row->press_window_us = cli_results_format_us((double)cfg->press_window_ns / 1000.0);
    row->release_window_us = cli_results_format_us((double)cfg->release_window_ns / 1000.0);
    row->interval_us =
        poll ? cli_results_format_us((double)cfg->interval_ns / 1000.0) : g_strdup("");
    row->irq_latency_us =
        poll ? g_strdup("") : cli_results_format_us((double)cfg->irq_latency.base_ns / 1000.0);
    row->runtime = g_strdup(poll ? "" : sim_runtime_name(cfg->runtime));
}

void stress_row_clear(stress_row_t *row)
{
    g_free(row->trace);
    g_free(row->algo);
    g_free(row->mode);
    g_free(row->press_window_us);
    g_free(row->release_window_us);
    g_free(row->interval_us);
    g_free(row->irq_latency_us);
    g_free(row->runtime);
    g_free(row->bounce_longest_us);
    g_free(row->bounce_1e6_us);
    g_free(row->run_id);
    g_free(row->shard);
}

char *stress_csv_per_million(double fraction)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    if (isnan(fraction)) {
        return g_strdup("");
    }
    /* 6 significant digits, but never an exponent on a count-sized number */
    fraction *= STATS_PER_MILLION;
    return g_strdup(g_ascii_formatd(buf, sizeof buf, fraction >= 1e5 ? "%.0f" : "%.6g", fraction));
}

static void append_field(GString *out, const char *s)
{
    if (out->len > 0) {
        g_string_append_c(out, ',');
    }
    g_autofree char *cell = sweep_csv_quote(s);
    g_string_append(out, cell);
}

static void append_take(GString *out, char *s)
{
    append_field(out, s);
    g_free(s);
}

static void append_u64(GString *out, guint64 v)
{
    append_take(out, g_strdup_printf("%" G_GUINT64_FORMAT, v));
}

static char *ns_text(int64_t ns, gboolean valid)
{
    return valid ? cli_results_format_us((double)ns / 1000.0) : g_strdup("");
}

/* "bin:count;..." over the non-empty bins. */
static char *hist_text(const stress_hist_t *h)
{
    GString *s = g_string_new(NULL);

    for (guint i = 0; i < STRESS_HIST_BINS; i++) {
        if (h->bins[i] > 0) {
            g_string_append_printf(s, "%s%u:%" G_GUINT64_FORMAT, s->len ? ";" : "", i, h->bins[i]);
        }
    }
    return g_string_free(s, FALSE);
}

/* The importance-sampling sums of a row, class by class in a fixed order. */
static stats_weighted_t rare_sums(const stress_row_t *row)
{
    stats_weighted_t w = {0};

    for (guint c = 0; c < STRESS_RARE_CLASSES; c++) {
        double wc = row->weights[c];
        double n = (double)row->tally.rare_n[c], k = (double)row->tally.rare_k[c];
        w.n += row->tally.rare_n[c];
        w.sum_w += n * wc;
        w.sum_w2 += n * wc * wc;
        w.sum_wf += k * wc;
        w.sum_wf2 += k * wc * wc;
    }
    return w;
}

static void append_rate(GString *out, guint64 k, guint64 n)
{
    append_take(out, stress_csv_per_million(n > 0 ? (double)k / (double)n : NAN));
    append_take(out, stress_csv_per_million(stats_rate_upper95(k, n)));
}

char *stress_csv_format(const stress_row_t *row)
{
    const stress_tally_t *t = &row->tally;
    GString *out = g_string_sized_new(512);
    gboolean any = t->press_latency.n > 0;
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    append_field(out, row->trace);
    /* the first field may have been empty: keep the column count right */
    if (out->len == 0) {
        g_string_append(out, "\"\"");
    }
    append_field(out, row->algo);
    append_field(out, row->mode);
    append_field(out, row->press_window_us);
    append_field(out, row->release_window_us);
    append_field(out, row->interval_us);
    append_field(out, row->irq_latency_us);
    append_u64(out, t->presses);
    append_u64(out, t->presses_detected);
    append_u64(out, t->missed);
    append_u64(out, t->false_triggers);
    append_take(out, ns_text(t->press_latency_min_ns, any));
    append_take(out, cli_results_format_us(stress_hist_quantile_us(&t->press_latency, 0.5)));
    append_take(out, cli_results_format_us(stress_hist_quantile_us(&t->press_latency, 0.99)));
    append_take(out, ns_text(t->press_latency_max_ns, any));
    append_take(out, cli_results_format_us(stress_hist_quantile_us(&t->release_latency, 0.5)));
    append_u64(out, t->cpu_entries);
    append_field(out, t->presses > 0 ? g_ascii_formatd(buf, sizeof buf, "%.2f",
                                                       (double)t->cpu_entries / (double)t->presses)
                                     : "");
    append_field(out, row->runtime);
    append_u64(out, t->presses);
    append_u64(out, t->false_cycles);
    append_u64(out, t->missed_cycles);
    append_u64(out, t->failed_cycles);
    append_rate(out, t->false_cycles, t->presses);
    append_rate(out, t->missed_cycles, t->presses);
    append_rate(out, t->failed_cycles, t->presses);
    append_take(out, cli_results_format_us(stress_hist_quantile_us(&t->press_latency, 0.999)));
    if (row->rare) {
        stats_weighted_t w = rare_sums(row);
        append_take(out, stress_csv_per_million(stats_weighted_mean(&w)));
        append_take(out, stress_csv_per_million(stats_weighted_se(&w)));
        append_field(out, g_ascii_formatd(buf, sizeof buf, "%.6g", stats_weighted_ess(&w)));
    } else {
        append_field(out, "");
        append_field(out, "");
        append_field(out, "");
    }
    append_field(out, row->bounce_longest_us ? row->bounce_longest_us : "");
    append_field(out, row->bounce_1e6_us ? row->bounce_1e6_us : "");
    append_u64(out, row->seed);
    append_field(out, row->run_id);
    append_field(out, row->shard);
    append_take(out, hist_text(&t->press_latency));
    append_take(out, hist_text(&t->release_latency));
    if (row->rare) {
        GString *r = g_string_new(NULL);
        for (guint c = 0; c < STRESS_RARE_CLASSES; c++) {
            g_string_append_printf(r, "%s%s:%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT, c ? ";" : "",
                                   g_ascii_formatd(buf, sizeof buf, "%.17g", row->weights[c]),
                                   t->rare_n[c], t->rare_k[c]);
        }
        append_take(out, g_string_free(r, FALSE));
    } else {
        append_field(out, "");
    }
    g_string_append_c(out, '\n');
    return g_string_free(out, FALSE);
}

/* ---- parsing ------------------------------------------------------------- */

/* Splits a CSV line (RFC 4180 quotes) into fields. */
static GPtrArray *split_csv(const char *line)
{
    GPtrArray *fields = g_ptr_array_new_with_free_func(g_free);
    GString *f = g_string_new(NULL);
    const char *p = line;
    gboolean quoted = FALSE;

    for (;; p++) {
        if (quoted) {
            if (*p == '\0') {
                break;
            }
            if (*p == '"' && p[1] == '"') {
                g_string_append_c(f, '"');
                p++;
            } else if (*p == '"') {
                quoted = FALSE;
            } else {
                g_string_append_c(f, *p);
            }
            continue;
        }
        if (*p == '"') {
            quoted = TRUE;
        } else if (*p == ',' || *p == '\0') {
            g_ptr_array_add(fields, g_string_free(f, FALSE));
            f = g_string_new(NULL);
            if (*p == '\0') {
                break;
            }
        } else {
            g_string_append_c(f, *p);
        }
    }
    g_string_free(f, TRUE);
    return fields;
}

static gboolean bad(GError **error, const char *column, const char *text)
{
    g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE, "column %s: '%s' is not valid", column,
                text);
    return FALSE;
}

static gboolean parse_u64(const char *text, const char *column, guint64 *out, GError **error)
{
    if (!g_ascii_string_to_unsigned(text, 10, 0, G_MAXUINT64, out, NULL)) {
        return bad(error, column, text);
    }
    return TRUE;
}

/* A us value with at most 3 decimals back to its exact ns. */
static gboolean parse_ns(const char *text, const char *column, int64_t *out, GError **error)
{
    char *end = NULL;
    double us = g_ascii_strtod(text, &end);

    if (*text == '\0' || end == NULL || *end != '\0' || !(us >= 0.0 && us < 9e12)) {
        return bad(error, column, text);
    }
    *out = (int64_t)llround(us * 1000.0);
    return TRUE;
}

static gboolean parse_hist(const char *text, const char *column, stress_hist_t *h, GError **error)
{
    g_auto(GStrv) parts = *text ? g_strsplit(text, ";", -1) : g_new0(char *, 1);

    for (char **p = parts; *p; p++) {
        guint64 bin, count;
        g_auto(GStrv) kv = g_strsplit(*p, ":", -1);
        if (g_strv_length(kv) != 2 ||
            !g_ascii_string_to_unsigned(kv[0], 10, 0, STRESS_HIST_BINS - 1, &bin, NULL) ||
            !g_ascii_string_to_unsigned(kv[1], 10, 1, G_MAXUINT64, &count, NULL)) {
            return bad(error, column, *p);
        }
        h->bins[bin] += count;
        h->n += count;
    }
    return TRUE;
}

static gboolean parse_rare(const char *text, stress_row_t *row, GError **error)
{
    g_auto(GStrv) parts = NULL;

    row->rare = *text != '\0';
    if (!row->rare) {
        return TRUE;
    }
    parts = g_strsplit(text, ";", -1);
    if (g_strv_length(parts) != STRESS_RARE_CLASSES) {
        return bad(error, "rare_counts", text);
    }
    for (guint c = 0; c < STRESS_RARE_CLASSES; c++) {
        g_auto(GStrv) f = g_strsplit(parts[c], ":", -1);
        char *end = NULL;
        if (g_strv_length(f) != 3) {
            return bad(error, "rare_counts", parts[c]);
        }
        row->weights[c] = g_ascii_strtod(f[0], &end);
        if (*end != '\0' || !(row->weights[c] >= 0.0) ||
            !g_ascii_string_to_unsigned(f[1], 10, 0, G_MAXUINT64, &row->tally.rare_n[c], NULL) ||
            !g_ascii_string_to_unsigned(f[2], 10, 0, G_MAXUINT64, &row->tally.rare_k[c], NULL)) {
            return bad(error, "rare_counts", parts[c]);
        }
    }
    return TRUE;
}

gboolean stress_csv_parse(const char *line, stress_row_t *row, GError **error)
{
    g_autoptr(GPtrArray) f = split_csv(line);
    stress_tally_t *t = &row->tally;
    const char *const *v;
    guint64 simulated = 0;

    if (f->len != N_COLS) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE, "%u columns, expected %d", f->len,
                    N_COLS);
        return FALSE;
    }
    v = (const char *const *)f->pdata;
    stress_tally_init(t);
    row->trace = g_strdup(v[COL_TRACE]);
    row->algo = g_strdup(v[COL_ALGO]);
    row->mode = g_strdup(v[COL_MODE]);
    row->press_window_us = g_strdup(v[COL_PRESS_WINDOW]);
    row->release_window_us = g_strdup(v[COL_RELEASE_WINDOW]);
    row->interval_us = g_strdup(v[COL_INTERVAL]);
    row->irq_latency_us = g_strdup(v[COL_IRQ_LATENCY]);
    row->runtime = g_strdup(v[COL_RUNTIME]);
    row->bounce_longest_us = g_strdup(v[COL_BOUNCE_LONGEST]);
    row->bounce_1e6_us = g_strdup(v[COL_BOUNCE_1E6]);
    row->run_id = g_strdup(v[COL_RUN_ID]);
    row->shard = g_strdup(v[COL_SHARD]);
    if (!parse_u64(v[COL_PRESSES], "presses_true", &t->presses, error) ||
        !parse_u64(v[COL_DETECTED], "presses_detected", &t->presses_detected, error) ||
        !parse_u64(v[COL_MISSED], "missed", &t->missed, error) ||
        !parse_u64(v[COL_FALSE], "false_triggers", &t->false_triggers, error) ||
        !parse_u64(v[COL_CPU], "cpu_entries", &t->cpu_entries, error) ||
        !parse_u64(v[COL_SIMULATED], "presses_simulated", &simulated, error) ||
        !parse_u64(v[COL_FALSE_CYCLES], "false_cycles", &t->false_cycles, error) ||
        !parse_u64(v[COL_MISSED_CYCLES], "missed_cycles", &t->missed_cycles, error) ||
        !parse_u64(v[COL_FAILED_CYCLES], "failed_cycles", &t->failed_cycles, error) ||
        !parse_u64(v[COL_SEED], "seed", &row->seed, error) ||
        !parse_hist(v[COL_PRESS_HIST], "press_latency_hist", &t->press_latency, error) ||
        !parse_hist(v[COL_RELEASE_HIST], "release_latency_hist", &t->release_latency, error) ||
        !parse_rare(v[COL_RARE_COUNTS], row, error)) {
        return FALSE;
    }
    if (t->presses > STRESS_CSV_PRESSES_MAX) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE,
                    "%" G_GUINT64_FORMAT " presses: more than a run can simulate", t->presses);
        return FALSE;
    }
    if (simulated != t->presses || t->failed_cycles > t->presses ||
        t->false_cycles > t->failed_cycles || t->missed_cycles > t->failed_cycles) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE,
                    "the press and cycle counts do not add up");
        return FALSE;
    }
    if (t->press_latency.n > 0 &&
        (!parse_ns(v[COL_LAT_MIN], "press_latency_min_us", &t->press_latency_min_ns, error) ||
         !parse_ns(v[COL_LAT_MAX], "press_latency_max_us", &t->press_latency_max_ns, error))) {
        return FALSE;
    }
    return TRUE;
}

GArray *stress_csv_read(const char *path, GError **error)
{
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    GArray *rows = g_array_new(FALSE, TRUE, sizeof(stress_row_t));
    gsize len = 0;

    g_array_set_clear_func(rows, (GDestroyNotify)stress_row_clear);
    if (!g_file_get_contents(path, &text, &len, error)) {
        g_array_unref(rows);
        return NULL;
    }
    if (!stress_csv_is_stress(text)) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE,
                    "%s: not a stress CSV (its first line is not stress's header)", path);
        g_array_unref(rows);
        return NULL;
    }
    lines = g_strsplit(text, "\n", -1);
    for (guint i = 1; lines[i] != NULL; i++) {
        stress_row_t row = {0};
        if (lines[i][0] == '\0' && lines[i + 1] == NULL) {
            break; /* the final newline */
        }
        if (!stress_csv_parse(lines[i], &row, error)) {
            g_prefix_error(error, "%s:%u: ", path, i + 1);
            stress_row_clear(&row);
            g_array_unref(rows);
            return NULL;
        }
        g_array_append_val(rows, row);
    }
    return rows;
}

gboolean stress_csv_is_stress(const char *text)
{
    g_autofree char *header = stress_csv_header();
    return strncmp(text, header, strlen(header)) == 0;
}

gboolean stress_csv_file_is_stress(const char *path)
{
    g_autofree char *header = stress_csv_header();
    g_autofree char *head = g_malloc(strlen(header) + 1);
    FILE *f = fopen(path, "r");
    gsize n;

    if (f == NULL) {
        return FALSE;
    }
    n = fread(head, 1, strlen(header), f);
    fclose(f);
    head[n] = '\0';
    return strcmp(head, header) == 0;
}
