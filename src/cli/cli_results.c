/* Sweep CSV rows, event CSV rows and the run table. */
#include "cli_results.h"
#include "sim_algos.h"
#include "sweep_csv.h"
#include "util_duration.h"

#include <math.h>
#include <string.h>

char *cli_results_format_us(double us)
{
    return sweep_csv_format_us(us);
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

    g_string_append_printf(s, "%s", debounce_algo_name(cfg->algo));
    if (debounce_algo_uses_windows(cfg->algo)) {
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
