/* Per-cycle outcomes of one batch, from the sweep's matching rule. */
#include "stress_score.h"
#include "sim_metrics.h"

enum {
    CYCLE_FALSE = 1,
    CYCLE_MISSED = 2,
    CYCLE_PRESS_MATCHED = 4,
    CYCLE_RELEASE_MATCHED = 8,
};

void stress_scratch_init(stress_scratch_t *s)
{
    s->matches = g_array_new(FALSE, FALSE, sizeof(sim_match_t));
    s->flags = g_array_new(FALSE, TRUE, sizeof(guint8));
}

void stress_scratch_clear(stress_scratch_t *s)
{
    g_array_unref(s->matches);
    g_array_unref(s->flags);
}

/* The cycle an instant falls in: the last true press at or before it. */
static gsize cycle_of(const trace_t *trace, int64_t t_ns)
{
    gsize lo = 0, hi = trace_n_truth(trace); /* answer in [lo, hi) */

    while (hi - lo > 1) {
        gsize mid = lo + (hi - lo) / 2;
        if (trace_truth_at(trace, mid)->press_ns <= t_ns) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return lo;
}

void stress_score(const trace_t *trace, const sim_config_t *cfg, const sim_result_t *result,
                  const guint8 *draws, stress_scratch_t *scratch, stress_tally_t *tally)
{
    gsize n = trace_n_truth(trace);
    gboolean releases_scored = sim_metrics_scores_releases(cfg);
    guint8 *flags;
    const trace_interval_t *iv;
    guint cycle;
    guint64 detected = 0, false_events = 0, missed_events = 0;

    sim_metrics_match(trace, result, scratch->matches);
    g_array_set_size(scratch->flags, 0);
    g_array_set_size(scratch->flags, (guint)n); /* cleared: the array zero-fills */
    flags = (guint8 *)scratch->flags->data;
    for (guint e = 0; e < result->events->len; e++) {
        const sim_event_t *ev = &g_array_index(result->events, sim_event_t, e);
        const sim_match_t *match = &g_array_index(scratch->matches, sim_match_t, e);
        gboolean press = ev->kind == DEBOUNCE_EVENT_PRESS;

        detected += press;
        if (!press && !releases_scored) {
            continue;
        }
        if (match->truth_index < 0) {
            false_events++;
            if (n > 0) {
                flags[cycle_of(trace, ev->t_ns)] |= CYCLE_FALSE;
            }
            continue;
        }
        /* release indices count only the presses that have a release: all
         * but possibly the last, so they are press indices too */
        cycle = (guint)match->truth_index;
        iv = trace_truth_at(trace, cycle);
        flags[cycle] |= press ? CYCLE_PRESS_MATCHED : CYCLE_RELEASE_MATCHED;
        if (draws != NULL) {
            continue; /* tilted presses: their latencies are not the model's */
        }
        if (press) {
            int64_t latency = ev->t_ns - iv->press_ns;
            stress_hist_add(&tally->press_latency, latency);
            tally->press_latency_min_ns = MIN(tally->press_latency_min_ns, latency);
            tally->press_latency_max_ns = MAX(tally->press_latency_max_ns, latency);
        } else {
            stress_hist_add(&tally->release_latency, ev->t_ns - iv->release_ns);
        }
    }
    for (gsize i = 0; i < n; i++) {
        gboolean release_due =
            releases_scored && trace_truth_at(trace, i)->release_ns != TRACE_NO_RELEASE;
        guint8 f = flags[i];
        missed_events += !(f & CYCLE_PRESS_MATCHED);
        missed_events += release_due && !(f & CYCLE_RELEASE_MATCHED);
        if (!(f & CYCLE_PRESS_MATCHED) || (release_due && !(f & CYCLE_RELEASE_MATCHED))) {
            f |= CYCLE_MISSED;
        }
        if (draws != NULL) {
            guint c = draws[2 * i] * TRACE_GEN_DRAWS + draws[2 * i + 1];
            tally->rare_n[c]++;
            tally->rare_k[c] += (f & (CYCLE_FALSE | CYCLE_MISSED)) != 0;
            continue;
        }
        tally->false_cycles += (f & CYCLE_FALSE) != 0;
        tally->missed_cycles += (f & CYCLE_MISSED) != 0;
        tally->failed_cycles += (f & (CYCLE_FALSE | CYCLE_MISSED)) != 0;
    }
    if (draws != NULL) {
        return; /* tilted presses count only by class */
    }
    tally->presses += n;
    tally->presses_detected += detected;
    tally->missed += missed_events;
    tally->false_triggers += false_events;
    tally->cpu_entries += sim_result_cpu_entries(result);
}
