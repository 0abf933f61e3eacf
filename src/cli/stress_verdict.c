/* The verdict of a stress CSV (the rule is in stress_verdict.h). */
#include "stress_verdict.h"
#include "cli.h"
#include "stats.h"
#include "stress_csv.h"
#include "trace_error.h"
#include "util_duration.h"

#include <math.h>
#include <string.h>

gboolean stress_verdict_parse_target(const char *text, double *out, GError **error)
{
    char *end = NULL;
    double v = g_ascii_strtod(text, &end);

    if (end == text || *end != '\0' || !(v > 0.0 && v < 1.0)) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                    "--target: '%s' is not a rate per press strictly between 0 and 1 (1 per "
                    "million is 1e-6)",
                    text);
        return FALSE;
    }
    *out = v;
    return TRUE;
}

/* What a row's setting is, without the window: "poll 1ms", "irq c". */
static char *setting_of(const stress_row_t *r)
{
    g_autofree char *point = NULL;

    if (strcmp(r->mode, "poll") == 0) {
        int64_t ns = (int64_t)llround(g_ascii_strtod(r->interval_us, NULL) * 1000.0);
        point = util_format_duration(ns);
        return g_strdup_printf("poll %s", point);
    }
    if (strcmp(r->runtime, "custom") == 0) {
        int64_t ns = (int64_t)llround(g_ascii_strtod(r->irq_latency_us, NULL) * 1000.0);
        point = util_format_duration(ns);
        return g_strdup_printf("irq %s", point);
    }
    return g_strdup_printf("irq %s", r->runtime);
}

static double window_us(const stress_row_t *r)
{
    return g_ascii_strtod(r->press_window_us, NULL);
}

static double hi95(const stress_row_t *r)
{
    return stats_rate_upper95(r->tally.failed_cycles, r->tally.presses);
}

static char *per_million(double fraction)
{
    return stress_csv_per_million(fraction);
}

static char *duration_us(double us)
{
    return util_format_duration((int64_t)llround(us * 1000.0));
}

/* A latency for people: 3 significant digits in us or ms. */
static char *latency_text(double us)
{
    if (isnan(us)) {
        return g_strdup("-");
    }
    return us >= 1000.0 ? g_strdup_printf("%.3g ms", us / 1000.0) : g_strdup_printf("%.3g us", us);
}

static char *margin(double window, const char *bounce_us)
{
    double b = *bounce_us ? g_ascii_strtod(bounce_us, NULL) : NAN;
    return b > 0.0 ? g_strdup_printf("%.2fx", window / b) : g_strdup("-");
}

/* The smallest window of (trace, setting) meeting the target, or NULL. */
static const stress_row_t *smallest(const GArray *rows, const char *trace, const char *algo,
                                    const char *setting, double target)
{
    const stress_row_t *best = NULL;

    for (guint i = 0; i < rows->len; i++) {
        const stress_row_t *r = &g_array_index(rows, stress_row_t, i);
        g_autofree char *s = NULL;
        if (strcmp(r->trace, trace) != 0 || strcmp(r->algo, algo) != 0) {
            continue;
        }
        s = setting_of(r);
        if (strcmp(s, setting) == 0 && hi95(r) <= target &&
            (best == NULL || window_us(r) < window_us(best))) {
            best = r;
        }
    }
    return best;
}

/* The row of (trace, algo, setting, window), or NULL. */
static const stress_row_t *row_at(const GArray *rows, const char *trace, const char *algo,
                                  const char *setting, double window)
{
    for (guint i = 0; i < rows->len; i++) {
        const stress_row_t *r = &g_array_index(rows, stress_row_t, i);
        g_autofree char *s = setting_of(r);
        if (strcmp(r->trace, trace) == 0 && strcmp(r->algo, algo) == 0 && strcmp(s, setting) == 0 &&
            window_us(r) == window) {
            return r;
        }
    }
    return NULL;
}

static void add_once(GPtrArray *list, const char *s)
{
    for (guint i = 0; i < list->len; i++) {
        if (strcmp(g_ptr_array_index(list, i), s) == 0) {
            return;
        }
    }
    g_ptr_array_add(list, g_strdup(s));
}

gboolean stress_verdict_print(FILE *out, const char *path, double target, GError **error)
{
    g_autoptr(GArray) rows = stress_csv_read(path, error);
    g_autoptr(GPtrArray) traces = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GPtrArray) settings = g_ptr_array_new_with_free_func(g_free); /* "algo|setting" */
    g_autofree char *target_text = NULL;
    const char *best_algo = NULL;
    g_autofree char *best_setting = NULL;
    double best_window = 0.0, best_latency = INFINITY;
    guint64 min_presses = G_MAXUINT64;

    if (rows == NULL) {
        return FALSE;
    }
    for (guint i = 0; i < rows->len; i++) {
        const stress_row_t *r = &g_array_index(rows, stress_row_t, i);
        g_autofree char *s = setting_of(r);
        g_autofree char *key = g_strdup_printf("%s|%s", r->algo, s);
        if (*r->shard != '\0') {
            g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                        "%s is shard %s of a run: merge the parts first ('bouncelab merge')", path,
                        r->shard);
            return FALSE;
        }
        add_once(traces, r->trace);
        add_once(settings, key);
        min_presses = MIN(min_presses, r->tally.presses);
    }
    target_text = per_million(target);
    fprintf(out,
            "Target: at most %s failed press cycles per million (exact one-sided 95 %% upper "
            "bound; a cycle fails on any false trigger or missed press or release).\n",
            target_text);
    for (guint t = 0; t < traces->len; t++) {
        const char *trace = g_ptr_array_index(traces, t);
        fprintf(out, "\n%s\n  %-12s %-14s %-9s %-10s %-10s %-9s %-9s %s\n", trace, "algorithm",
                "setting", "window", "failed/M", "hi95/M", "/longest", "/1e-6", "median latency");
        for (guint k = 0; k < settings->len; k++) {
            g_auto(GStrv) parts = g_strsplit(g_ptr_array_index(settings, k), "|", 2);
            const stress_row_t *r = smallest(rows, trace, parts[0], parts[1], target);
            if (r == NULL) {
                fprintf(out, "  %-12s %-14s never (no window swept meets the target)\n", parts[0],
                        parts[1]);
                continue;
            }
            {
                g_autofree char *w = duration_us(window_us(r));
                g_autofree char *rate =
                    per_million((double)r->tally.failed_cycles / (double)r->tally.presses);
                g_autofree char *hi = per_million(hi95(r));
                g_autofree char *m1 = margin(window_us(r), r->bounce_longest_us);
                g_autofree char *m2 = margin(window_us(r), r->bounce_1e6_us);
                double lat = stress_hist_quantile_us(&r->tally.press_latency, 0.5);
                g_autofree char *l = latency_text(lat);
                fprintf(out, "  %-12s %-14s %-9s %-10s %-10s %-9s %-9s %s\n", parts[0], parts[1], w,
                        rate, hi, m1, m2, l);
            }
        }
    }
    /* one setting for every input: the smallest window that meets the target
     * on all of them (not the largest of the per-input ones: a longer window
     * can fail where a shorter one did not), lowest worst median latency */
    for (guint k = 0; k < settings->len; k++) {
        g_auto(GStrv) parts = g_strsplit(g_ptr_array_index(settings, k), "|", 2);
        const char *first_trace = g_ptr_array_index(traces, 0);
        for (guint i = 0; i < rows->len; i++) {
            const stress_row_t *r = &g_array_index(rows, stress_row_t, i);
            g_autofree char *s = setting_of(r);
            double worst = 0.0;
            gboolean all = TRUE;
            if (strcmp(r->trace, first_trace) != 0 || strcmp(r->algo, parts[0]) != 0 ||
                strcmp(s, parts[1]) != 0) {
                continue;
            }
            for (guint t = 0; t < traces->len && all; t++) {
                const stress_row_t *o =
                    row_at(rows, g_ptr_array_index(traces, t), parts[0], parts[1], window_us(r));
                double lat = o ? stress_hist_quantile_us(&o->tally.press_latency, 0.5) : NAN;
                all = o != NULL && hi95(o) <= target && !isnan(lat);
                worst = all ? MAX(worst, lat) : worst;
            }
            if (all &&
                (worst < best_latency || (worst == best_latency && window_us(r) > best_window))) {
                best_latency = worst;
                best_window = window_us(r);
                best_algo = r->algo;
                g_free(best_setting);
                best_setting = g_strdup(parts[1]);
            }
        }
    }
    fputc('\n', out);
    if (best_algo != NULL) {
        g_autofree char *w = duration_us(best_window);
        g_autofree char *l = latency_text(best_latency);
        fprintf(out,
                "Recommendation for all %u input%s: %s %s, %s: meets the target on every one; "
                "median press latency at most %s.\n",
                traces->len, traces->len == 1 ? "" : "s", best_algo, w, best_setting, l);
    } else {
        fprintf(out, "Recommendation: none; no setting swept meets the target on every input.\n");
    }
    if (min_presses != G_MAXUINT64 && stats_rate_zero_upper95(min_presses) > target) {
        g_autofree char *best_case = per_million(stats_rate_zero_upper95(min_presses));
        fprintf(out,
                "Too few presses to show it: %" G_GUINT64_FORMAT
                " clean presses bound the rate at %s per million at best; simulate at least "
                "%" G_GUINT64_FORMAT ".\n",
                min_presses, best_case, stats_rate_trials_needed(target));
    }
    fprintf(out,
            "From recordings alone (no model): %" G_GUINT64_FORMAT
            " presses without a single failure are needed to support %s per million at 95 %% "
            "(1 - 0.05^(1/n), about 3/n).\n",
            stats_rate_trials_needed(target), target_text);
    return TRUE;
}
