/* Sweep CSV rows, event CSV rows and the run table. */
#include "cli_results.h"
#include "sim_algos.h"
#include "util_duration.h"

#include <math.h>
#include <string.h>

const char cli_results_csv_header[] =
    "trace,algo,mode,press_window_us,release_window_us,interval_us,irq_latency_us,presses_true,"
    "presses_detected,missed,false_triggers,press_latency_min_us,press_latency_median_us,"
    "press_latency_p99_us,press_latency_max_us,release_latency_median_us,cpu_entries,"
    "cpu_entries_per_press,runtime\n";

char *cli_results_format_us(double us)
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
    return cli_results_format_us((double)ns / 1000.0);
}

/* CSV field: quoted when it holds a comma, quote or newline. */
static void csv_field(GString *out, const char *s)
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

char *cli_results_csv_row(const char *trace_name, const sim_config_t *cfg, const sim_metrics_t *m)
{
    GString *out = g_string_sized_new(160);
    gboolean poll = cfg->mode == SIM_MODE_POLL;
    g_autofree char *pw = ns_as_us(cfg->press_window_ns);
    g_autofree char *rw = ns_as_us(cfg->release_window_ns);
    g_autofree char *interval = poll ? ns_as_us(cfg->interval_ns) : g_strdup("");
    g_autofree char *latency = poll ? g_strdup("") : ns_as_us(cfg->irq_latency.base_ns);
    g_autofree char *lmin = cli_results_format_us(m->press_latency_min_us);
    g_autofree char *lmed = cli_results_format_us(m->press_latency_median_us);
    g_autofree char *lp99 = cli_results_format_us(m->press_latency_p99_us);
    g_autofree char *lmax = cli_results_format_us(m->press_latency_max_us);
    g_autofree char *rmed = cli_results_format_us(m->release_latency_median_us);
    char per_press[G_ASCII_DTOSTR_BUF_SIZE] = "";

    if (!isnan(m->cpu_entries_per_press)) {
        g_ascii_formatd(per_press, sizeof per_press, "%.2f", m->cpu_entries_per_press);
    }
    csv_field(out, trace_name);
    g_string_append_printf(
        out, ",%s,%s,%s,%s,%s,%s,%u,%u,%u,%u,%s,%s,%s,%s,%s,%" G_GUINT64_FORMAT ",%s,%s\n",
        sim_algo_info(cfg->algo)->name, sim_mode_name(cfg->mode), pw, rw, interval, latency,
        m->presses_true, m->presses_detected, sim_metrics_missed(m), sim_metrics_false(m), lmin,
        lmed, lp99, lmax, rmed, m->cpu_entries, per_press,
        poll ? "" : sim_runtime_name(cfg->runtime));
    return g_string_free(out, FALSE);
}

void cli_results_events_csv(FILE *out, const sim_result_t *result, const GArray *matches)
{
    fputs("t_ns,event,truth_index,latency_us\n", out);
    for (guint i = 0; i < result->events->len; i++) {
        const sim_event_t *ev = &g_array_index(result->events, sim_event_t, i);
        const sim_match_t *m = &g_array_index(matches, sim_match_t, i);
        g_autofree char *latency = cli_results_format_us(m->latency_us);
        fprintf(out, "%" G_GINT64_FORMAT ",%s,%d,%s\n", ev->t_ns,
                ev->kind == DEBOUNCE_EVENT_PRESS ? "press" : "release", m->truth_index, latency);
    }
}

static char *latency_text(const sim_latency_t *l)
{
    g_autofree char *base = util_format_duration(l->base_ns);
    g_autofree char *jitter = util_format_duration(l->jitter_ns);
    g_autofree char *tail = util_format_duration(l->tail_ns);

    if (l->jitter_ns == 0 && l->tail_ppm == 0) {
        return g_strdup(base);
    }
    if (l->tail_ppm == 0) {
        return g_strdup_printf("%s + up to %s", base, jitter);
    }
    return g_strdup_printf("%s + up to %s (%.4g%%: up to %s more)", base, jitter,
                           l->tail_ppm / 10000.0, tail);
}

char *cli_results_describe(const sim_config_t *cfg)
{
    g_autofree char *pw = util_format_duration(cfg->press_window_ns);
    g_autofree char *rw = util_format_duration(cfg->release_window_ns);
    g_autoptr(GString) s = g_string_new(NULL);

    g_string_append_printf(s, "%s", sim_algo_info(cfg->algo)->name);
    if (sim_algo_info(cfg->algo)->uses_window) {
        g_string_append_printf(s, " %s/%s (press/release window)", pw, rw);
    }
    if (cfg->mode == SIM_MODE_POLL && cfg->reads_ns != NULL) {
        g_string_append_printf(s, ", poll at %zu given read times", cfg->n_reads);
    } else if (cfg->mode == SIM_MODE_POLL) {
        g_autofree char *iv = util_format_duration(cfg->interval_ns);
        g_string_append_printf(s, ", poll every %s", iv);
        if (cfg->stall_for_ns > 0) {
            g_autofree char *sf = util_format_duration(cfg->stall_for_ns);
            g_autofree char *se = util_format_duration(cfg->stall_every_ns);
            g_string_append_printf(s, ", stalled %s every %s", sf, se);
        }
        if (cfg->print_ns > 0) {
            g_autofree char *pr = util_format_duration(cfg->print_ns);
            g_string_append_printf(s, ", %s print per count", pr);
        }
        if (cfg->phase_ns || cfg->jitter_ns) {
            g_autofree char *ph = util_format_duration(cfg->phase_ns);
            g_autofree char *ji = util_format_duration(cfg->jitter_ns);
            g_string_append_printf(s, " (phase %s, jitter up to %s)", ph, ji);
        }
    } else {
        g_autofree char *irq = latency_text(&cfg->irq_latency);
        g_autofree char *alarm = latency_text(&cfg->alarm_latency);
        g_autofree char *handler = util_format_duration(cfg->handler_ns);
        g_string_append_printf(s, ", irq on %s (%s: entry %s, handler %s, alarm %s)",
                               sim_trigger_name(cfg->trigger), sim_runtime_name(cfg->runtime), irq,
                               handler, alarm);
    }
    return g_string_free(g_steal_pointer(&s), FALSE);
}

char *cli_results_describe_program(const sim_config_t *cfg)
{
    g_autoptr(GString) s = NULL;

    if (cfg->count == SIM_COUNT_EVENTS && cfg->holdoff_ns == 0 && cfg->main_loop_ns == 0) {
        return NULL;
    }
    s = g_string_new(NULL);
    g_string_append_printf(s, "counts %s", sim_count_name(cfg->count));
    if (cfg->holdoff_ns > 0) {
        g_autofree char *holdoff = util_format_duration(cfg->holdoff_ns);
        g_string_append_printf(s, ", hold-off %s (%s)", holdoff,
                               cfg->holdoff_compare == SIM_HOLDOFF_PLAIN ? "plain subtraction"
                                                                         : "ticks_diff");
    }
    if (cfg->main_loop_ns > 0) {
        g_autofree char *loop = util_format_duration(cfg->main_loop_ns);
        g_string_append_printf(s, ", main loop every %s", loop);
    }
    return g_string_free(g_steal_pointer(&s), FALSE);
}

static void row2(FILE *out, const char *label, const char *a, const char *b)
{
    fprintf(out, "  %-10s %12s %12s\n", label, a, b);
}

static void row_counts(FILE *out, const char *label, guint a, guint b, gboolean b_scored)
{
    char x[32], y[32];
    g_snprintf(x, sizeof x, "%u", a);
    g_snprintf(y, sizeof y, "%u", b);
    row2(out, label, x, b_scored ? y : "-");
}

static void row_us(FILE *out, const char *label, double a, double b)
{
    g_autofree char *x = cli_results_format_us(a);
    g_autofree char *y = cli_results_format_us(b);
    row2(out, label, *x ? x : "-", *y ? y : "-");
}

void cli_results_print_run(FILE *out, const char *trace_desc, const sim_config_t *cfg,
                           const sim_result_t *result, const sim_metrics_t *m)
{
    g_autofree char *desc = cli_results_describe(cfg);
    g_autofree char *program = cli_results_describe_program(cfg);
    gboolean rel = m->releases_scored;

    fprintf(out, "trace    %s\n", trace_desc);
    fprintf(out, "config   %s\n", desc);
    if (program != NULL) {
        fprintf(out, "program  %s\n", program);
    }
    fputc('\n', out);
    row2(out, "", "presses", "releases");
    row_counts(out, "true", m->presses_true, m->releases_true, TRUE);
    row_counts(out, "detected", m->presses_detected, m->releases_detected, TRUE);
    row_counts(out, "missed", m->missed_presses, m->missed_releases, rel);
    row_counts(out, "false", m->false_presses, m->false_releases, rel);
    fputc('\n', out);
    row2(out, "latency us", "press", "release");
    row_us(out, "min", m->press_latency_min_us, m->release_latency_min_us);
    row_us(out, "median", m->press_latency_median_us, m->release_latency_median_us);
    row_us(out, "p99", m->press_latency_p99_us, m->release_latency_p99_us);
    row_us(out, "max", m->press_latency_max_us, m->release_latency_max_us);
    fputc('\n', out);
    if (cfg->mode == SIM_MODE_POLL) {
        fprintf(out, "cpu      %" G_GUINT64_FORMAT " polls", result->polls);
    } else {
        fprintf(out, "cpu      %" G_GUINT64_FORMAT " handler + %" G_GUINT64_FORMAT " alarm entries",
                result->gpio_entries, result->alarm_entries);
    }
    if (!isnan(m->cpu_entries_per_press)) {
        fprintf(out, ", %.1f per press", m->cpu_entries_per_press);
    }
    fputc('\n', out);
}
