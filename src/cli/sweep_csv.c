/* The sweep CSV's columns, its writer's formatting and its readers' checks. */
#include "sweep_csv.h"

#include "debounce/debounce.h"

#include <math.h>
#include <string.h>

char *sweep_csv_format_us(double us)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    gsize len;

    if (isnan(us)) {
        return g_strdup("");
    }
    /* fixed 3 decimals (ns resolution), C locale, then trailing zeros off */
    g_ascii_formatd(buf, sizeof buf, "%.3f", us);
    len = strlen(buf);
    while (len > 0 && buf[len - 1] == '0') {
        buf[--len] = '\0';
    }
    if (len > 0 && buf[len - 1] == '.') {
        buf[--len] = '\0';
    }
    return g_strdup(buf);
}

static char *ns_as_us(int64_t ns)
{
    return sweep_csv_format_us((double)ns / 1000.0);
}

static gboolean is_poll(const sweep_csv_source_t *s)
{
    return s->cfg->mode == SIM_MODE_POLL;
}

static char *trace_cell(const sweep_csv_source_t *s)
{
    return g_strdup(s->trace);
}

static char *algo_cell(const sweep_csv_source_t *s)
{
    return g_strdup(debounce_algo_name(s->cfg->algo));
}

static char *mode_cell(const sweep_csv_source_t *s)
{
    return g_strdup(sim_mode_name(s->cfg->mode));
}

static char *press_window(const sweep_csv_source_t *s)
{
    return ns_as_us(s->cfg->press_window_ns);
}

static char *release_window(const sweep_csv_source_t *s)
{
    return ns_as_us(s->cfg->release_window_ns);
}

static char *interval(const sweep_csv_source_t *s)
{
    return is_poll(s) ? ns_as_us(s->cfg->interval_ns) : g_strdup("");
}

static char *irq_latency(const sweep_csv_source_t *s)
{
    return is_poll(s) ? g_strdup("") : ns_as_us(s->cfg->irq_latency.base_ns);
}

static char *presses_true(const sweep_csv_source_t *s)
{
    return g_strdup_printf("%u", s->metrics->presses_true);
}

static char *presses_detected(const sweep_csv_source_t *s)
{
    return g_strdup_printf("%u", s->metrics->presses_detected);
}

static char *missed(const sweep_csv_source_t *s)
{
    return g_strdup_printf("%u", sim_metrics_missed(s->metrics));
}

static char *false_triggers(const sweep_csv_source_t *s)
{
    return g_strdup_printf("%u", sim_metrics_false(s->metrics));
}

static char *latency_min(const sweep_csv_source_t *s)
{
    return sweep_csv_format_us(s->metrics->press_latency_min_us);
}

static char *latency_median(const sweep_csv_source_t *s)
{
    return sweep_csv_format_us(s->metrics->press_latency_median_us);
}

static char *latency_p99(const sweep_csv_source_t *s)
{
    return sweep_csv_format_us(s->metrics->press_latency_p99_us);
}

static char *latency_max(const sweep_csv_source_t *s)
{
    return sweep_csv_format_us(s->metrics->press_latency_max_us);
}

static char *release_median(const sweep_csv_source_t *s)
{
    return sweep_csv_format_us(s->metrics->release_latency_median_us);
}

static char *cpu_entries(const sweep_csv_source_t *s)
{
    return g_strdup_printf("%" G_GUINT64_FORMAT, s->metrics->cpu_entries);
}

static char *cpu_per_press(const sweep_csv_source_t *s)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE] = "";

    if (!isnan(s->metrics->cpu_entries_per_press)) {
        g_ascii_formatd(buf, sizeof buf, "%.2f", s->metrics->cpu_entries_per_press);
    }
    return g_strdup(buf);
}

static char *runtime(const sweep_csv_source_t *s)
{
    return g_strdup(is_poll(s) ? "" : sim_runtime_name(s->cfg->runtime));
}

const sweep_csv_column_info_t sweep_csv_columns[SWEEP_CSV_N_COLUMNS] = {
    [SWEEP_CSV_TRACE] = {"trace", SWEEP_CSV_NAME, trace_cell},
    [SWEEP_CSV_ALGO] = {"algo", SWEEP_CSV_ALGO_CELL, algo_cell},
    [SWEEP_CSV_MODE] = {"mode", SWEEP_CSV_MODE_CELL, mode_cell},
    [SWEEP_CSV_PRESS_WINDOW_US] = {"press_window_us", SWEEP_CSV_NUMBER, press_window},
    [SWEEP_CSV_RELEASE_WINDOW_US] = {"release_window_us", SWEEP_CSV_NUMBER, release_window},
    [SWEEP_CSV_INTERVAL_US] = {"interval_us", SWEEP_CSV_POLL, interval},
    [SWEEP_CSV_IRQ_LATENCY_US] = {"irq_latency_us", SWEEP_CSV_IRQ, irq_latency},
    [SWEEP_CSV_PRESSES_TRUE] = {"presses_true", SWEEP_CSV_COUNT, presses_true},
    [SWEEP_CSV_PRESSES_DETECTED] = {"presses_detected", SWEEP_CSV_COUNT, presses_detected},
    [SWEEP_CSV_MISSED] = {"missed", SWEEP_CSV_COUNT, missed},
    [SWEEP_CSV_FALSE_TRIGGERS] = {"false_triggers", SWEEP_CSV_COUNT, false_triggers},
    [SWEEP_CSV_PRESS_LATENCY_MIN_US] = {"press_latency_min_us", SWEEP_CSV_LATENCY, latency_min},
    [SWEEP_CSV_PRESS_LATENCY_MEDIAN_US] = {"press_latency_median_us", SWEEP_CSV_LATENCY,
                                           latency_median},
    [SWEEP_CSV_PRESS_LATENCY_P99_US] = {"press_latency_p99_us", SWEEP_CSV_LATENCY, latency_p99},
    [SWEEP_CSV_PRESS_LATENCY_MAX_US] = {"press_latency_max_us", SWEEP_CSV_LATENCY, latency_max},
    [SWEEP_CSV_RELEASE_LATENCY_MEDIAN_US] = {"release_latency_median_us", SWEEP_CSV_LATENCY,
                                             release_median},
    [SWEEP_CSV_CPU_ENTRIES] = {"cpu_entries", SWEEP_CSV_COUNT, cpu_entries},
    [SWEEP_CSV_CPU_ENTRIES_PER_PRESS] = {"cpu_entries_per_press", SWEEP_CSV_LATENCY, cpu_per_press},
    [SWEEP_CSV_RUNTIME] = {"runtime", SWEEP_CSV_RUNTIME_CELL, runtime},
};

char *sweep_csv_header(void)
{
    GString *out = g_string_new(NULL);

    for (guint i = 0; i < SWEEP_CSV_N_COLUMNS; i++) {
        g_string_append_printf(out, "%s%c", sweep_csv_columns[i].name,
                               i + 1 < SWEEP_CSV_N_COLUMNS ? ',' : '\n');
    }
    return g_string_free(out, FALSE);
}

/* CSV cell: quoted when it holds a comma, quote or line break, quotes doubled. */
static void append_cell(GString *out, const char *s)
{
    if (strpbrk(s, ",\"\n\r") == NULL) {
        g_string_append(out, s);
        return;
    }
    g_string_append_c(out, '"');
    for (; *s; s++) {
        if (*s == '"') {
            g_string_append_c(out, '"');
        }
        g_string_append_c(out, *s);
    }
    g_string_append_c(out, '"');
}

char *sweep_csv_quote(const char *cell)
{
    GString *out = g_string_new(NULL);
    append_cell(out, cell);
    return g_string_free(out, FALSE);
}

char *sweep_csv_row(const char *trace, const sim_config_t *cfg, const sim_metrics_t *m)
{
    const sweep_csv_source_t src = {trace, cfg, m};
    GString *out = g_string_sized_new(160);

    for (guint i = 0; i < SWEEP_CSV_N_COLUMNS; i++) {
        g_autofree char *cell = sweep_csv_columns[i].format(&src);
        append_cell(out, cell);
        g_string_append_c(out, i + 1 < SWEEP_CSV_N_COLUMNS ? ',' : '\n');
    }
    return g_string_free(out, FALSE);
}

GStrv sweep_csv_split(const char *line, char **problem)
{
    g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func(g_free);
    const char *p = line;

    for (;;) {
        GString *cell = g_string_new(NULL);
        if (*p == '"') {
            for (p++;; p++) {
                if (*p == '\0') {
                    g_string_free(cell, TRUE);
                    *problem = g_strdup_printf("cell %u: a quote is not closed", cells->len + 1);
                    return NULL;
                }
                if (*p == '"') {
                    if (p[1] != '"') {
                        break;
                    }
                    p++; /* "" is one quote */
                }
                g_string_append_c(cell, *p);
            }
            p++;
            if (*p != ',' && *p != '\0') {
                g_string_free(cell, TRUE);
                *problem = g_strdup_printf("cell %u: text after its closing quote", cells->len + 1);
                return NULL;
            }
        } else {
            const char *end = p + strcspn(p, ",\"");
            if (*end == '"') {
                g_string_free(cell, TRUE);
                *problem = g_strdup_printf(
                    "cell %u: a quote inside an unquoted cell (quote the whole cell, doubling "
                    "the quotes in it)",
                    cells->len + 1);
                return NULL;
            }
            g_string_append_len(cell, p, end - p);
            p = end;
        }
        g_ptr_array_add(cells, g_string_free(cell, FALSE));
        if (*p == '\0') {
            break;
        }
        p++; /* the comma */
    }
    g_ptr_array_add(cells, NULL);
    return (GStrv)g_ptr_array_free(g_steal_pointer(&cells), FALSE);
}

static gboolean is_runtime(const char *text)
{
    for (int r = 0; r <= (int)SIM_RUNTIME_CUSTOM; r++) {
        if (strcmp(text, sim_runtime_name((sim_runtime_t)r)) == 0) {
            return TRUE;
        }
    }
    return FALSE;
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

char *sweep_csv_cell_problem(sweep_csv_column_t column_id, const char *cell, const char *mode)
{
    const sweep_csv_kind_t kind = sweep_csv_columns[column_id].kind;
    const char *column = sweep_csv_columns[column_id].name;
    gboolean poll = strcmp(mode, "poll") == 0;

    switch (kind) {
    case SWEEP_CSV_NAME:
        return *cell == '\0' ? g_strdup_printf("column '%s' is empty", column) : NULL;
    case SWEEP_CSV_ALGO_CELL:
        if (!is_algorithm(cell)) {
            g_autofree char *expected = algorithm_list();
            return g_strdup_printf("unknown algorithm '%s' (expected %s)", cell, expected);
        }
        return NULL;
    case SWEEP_CSV_MODE_CELL:
        return strcmp(cell, sim_mode_name(SIM_MODE_POLL)) == 0 ||
                       strcmp(cell, sim_mode_name(SIM_MODE_IRQ)) == 0
                   ? NULL
                   : g_strdup_printf("unknown mode '%s' (expected poll or irq)", cell);
    case SWEEP_CSV_RUNTIME_CELL:
        if (poll) {
            return *cell == '\0'
                       ? NULL
                       : g_strdup_printf("column '%s' must be empty in a poll row, got '%s'",
                                         column, cell);
        }
        if (*cell == '\0') {
            return g_strdup_printf("column '%s' is empty; irq rows need it", column);
        }
        return is_runtime(cell)
                   ? NULL
                   : g_strdup_printf("unknown runtime '%s' (expected c, mpy-hard, mpy-soft or "
                                     "custom)",
                                     cell);
    case SWEEP_CSV_POLL:
    case SWEEP_CSV_IRQ:
        if (poll != (kind == SWEEP_CSV_POLL)) {
            return *cell == '\0' ? NULL
                                 : g_strdup_printf("column '%s' must be empty in %s row, got '%s'",
                                                   column, poll ? "a poll" : "an irq", cell);
        }
        if (*cell == '\0') {
            return g_strdup_printf("column '%s' is empty; %s rows need it", column, mode);
        }
        break;
    case SWEEP_CSV_LATENCY:
        if (*cell == '\0') {
            return NULL;
        }
        break;
    case SWEEP_CSV_NUMBER:
    case SWEEP_CSV_COUNT:
        break;
    }
    if (!parse_number(cell, kind == SWEEP_CSV_COUNT)) {
        return g_strdup_printf("column '%s': expected a non-negative %s, got '%s'", column,
                               kind == SWEEP_CSV_COUNT ? "whole number" : "number", cell);
    }
    return NULL;
}
