/* Matching detected events to the truth, and the latency statistics. */
#include "sim_metrics.h"

#include <math.h>

/* The start times a kind of event is matched against, in time order. */
static GArray *truth_starts(const trace_t *trace, debounce_event_t kind)
{
    GArray *starts = g_array_new(FALSE, FALSE, sizeof(int64_t));

    for (gsize i = 0; i < trace_n_truth(trace); i++) {
        const trace_interval_t *iv = trace_truth_at(trace, i);
        int64_t t = kind == DEBOUNCE_EVENT_PRESS ? iv->press_ns : iv->release_ns;
        if (t != TRACE_NO_RELEASE) {
            g_array_append_val(starts, t);
        }
    }
    return starts;
}

static int compare_double(gconstpointer a, gconstpointer b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median_of_sorted(const GArray *v)
{
    gsize n = v->len;
    if (n == 0) {
        return NAN;
    }
    return n % 2 ? g_array_index(v, double, n / 2)
                 : (g_array_index(v, double, n / 2 - 1) + g_array_index(v, double, n / 2)) / 2.0;
}

static double nearest_rank(const GArray *v, guint percent)
{
    gsize n = v->len, rank;
    if (n == 0) {
        return NAN;
    }
    rank = (n * percent + 99) / 100; /* ceil(n * percent / 100), at least 1: 0 gives the min */
    return g_array_index(v, double, MAX(rank, 1u) - 1);
}

typedef struct {
    guint n_true, detected, missed, false_count;
    GArray *latencies_us; /* sorted */
} side_score_t;

/* Matches the events of one kind to the truth (the rule in sim_metrics.h),
 * writing each event's match at its index; counts detected and false ones. */
static void match_side(const trace_t *trace, const sim_result_t *result, debounce_event_t kind,
                       GArray *matches, guint *n_true, guint *detected, guint *false_count)
{
    g_autoptr(GArray) starts = truth_starts(trace, kind);
    g_autofree gboolean *matched = g_new0(gboolean, starts->len + 1);
    gsize span = 0; /* truth starts at or before the current event */

    *n_true = starts->len;
    for (gsize e = 0; e < result->events->len; e++) {
        const sim_event_t *ev = &g_array_index(result->events, sim_event_t, e);
        sim_match_t m = {-1, NAN};
        if (ev->kind != kind) {
            continue;
        }
        (*detected)++;
        while (span < starts->len && g_array_index(starts, int64_t, span) <= ev->t_ns) {
            span++;
        }
        if (span > 0 && !matched[span - 1]) {
            matched[span - 1] = TRUE;
            m.truth_index = (gint)(span - 1);
            m.latency_us = (double)(ev->t_ns - g_array_index(starts, int64_t, span - 1)) / 1000.0;
        } else {
            (*false_count)++;
        }
        g_array_index(matches, sim_match_t, e) = m;
    }
}

void sim_metrics_match(const trace_t *trace, const sim_result_t *result, GArray *matches)
{
    guint n_true, detected, false_count;

    g_array_set_size(matches, result->events->len);
    match_side(trace, result, DEBOUNCE_EVENT_PRESS, matches, &n_true, &detected, &false_count);
    match_side(trace, result, DEBOUNCE_EVENT_RELEASE, matches, &n_true, &detected, &false_count);
}

/* Scores the events of one kind; writes each event's match at its index. */
static void score_side(const trace_t *trace, const sim_result_t *result, debounce_event_t kind,
                       side_score_t *score, GArray *matches)
{
    guint matched = 0;

    match_side(trace, result, kind, matches, &score->n_true, &score->detected, &score->false_count);
    score->latencies_us = g_array_new(FALSE, FALSE, sizeof(double));
    for (gsize e = 0; e < result->events->len; e++) {
        const sim_match_t *m = &g_array_index(matches, sim_match_t, e);
        if (g_array_index(result->events, sim_event_t, e).kind == kind && m->truth_index >= 0) {
            g_array_append_val(score->latencies_us, m->latency_us);
            matched++;
        }
    }
    score->missed = score->n_true - matched;
    g_array_sort(score->latencies_us, compare_double);
}

void sim_metrics_compute(const trace_t *trace, const sim_config_t *cfg, const sim_result_t *result,
                         sim_metrics_t *out, GArray *matches)
{
    side_score_t press = {0}, release = {0};
    g_autoptr(GArray) own = matches == NULL ? g_array_new(FALSE, FALSE, sizeof(sim_match_t)) : NULL;

    if (matches == NULL) {
        matches = own;
    }
    g_array_set_size(matches, result->events->len);
    score_side(trace, result, DEBOUNCE_EVENT_PRESS, &press, matches);
    score_side(trace, result, DEBOUNCE_EVENT_RELEASE, &release, matches);

    *out = (sim_metrics_t){0};
    out->presses_true = press.n_true;
    out->presses_detected = press.detected;
    out->missed_presses = press.missed;
    out->false_presses = press.false_count;
    out->releases_scored = sim_metrics_scores_releases(cfg);
    out->releases_true = release.n_true;
    out->releases_detected = release.detected;
    if (out->releases_scored) {
        out->missed_releases = release.missed;
        out->false_releases = release.false_count;
    }
    out->press_latency_min_us =
        press.latencies_us->len ? g_array_index(press.latencies_us, double, 0) : NAN;
    out->press_latency_median_us = median_of_sorted(press.latencies_us);
    out->press_latency_p99_us = nearest_rank(press.latencies_us, 99);
    out->press_latency_max_us = nearest_rank(press.latencies_us, 100);
    out->release_latency_min_us =
        out->releases_scored ? nearest_rank(release.latencies_us, 0) : NAN;
    out->release_latency_p99_us =
        out->releases_scored ? nearest_rank(release.latencies_us, 99) : NAN;
    out->release_latency_median_us =
        out->releases_scored ? median_of_sorted(release.latencies_us) : NAN;
    out->release_latency_max_us =
        out->releases_scored ? nearest_rank(release.latencies_us, 100) : NAN;
    out->cpu_entries = sim_result_cpu_entries(result);
    out->cpu_entries_per_press =
        press.n_true > 0 ? (double)out->cpu_entries / (double)press.n_true : NAN;
    g_array_unref(press.latencies_us);
    g_array_unref(release.latencies_us);
}
