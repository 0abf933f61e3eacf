/*
 * Scoring a run against the truth. Matching rule: each true press is matched
 * to the first detected press at or after its start and before the next true
 * press starts; later detected presses in that span are false triggers, as
 * are presses before the first true press; a true press with no match is
 * missed. Releases likewise, each against the true release starts (only
 * when the program reports releases: --count events).
 */
#ifndef SIM_METRICS_H
#define SIM_METRICS_H

#include "sim_config.h"
#include "sim_result.h"
#include "trace.h"

/** How one detected event was scored. */
typedef struct {
    gint truth_index;  /**< the true press (release) it matched, or -1: a false trigger */
    double latency_us; /**< from the true press (release) start; NAN for a false trigger */
} sim_match_t;

typedef struct {
    guint presses_true;
    guint presses_detected;
    guint missed_presses;
    guint false_presses;
    gboolean releases_scored; /**< FALSE when the program reports no releases */
    guint releases_true;
    guint releases_detected;
    guint missed_releases;
    guint false_releases;
    /* us; NAN when nothing was matched. Median: middle value, or the mean of
     * the two middle ones; p99: nearest rank, the ceil(0.99 n)-th smallest. */
    double press_latency_min_us;
    double press_latency_median_us;
    double press_latency_p99_us;
    double press_latency_max_us;
    double release_latency_min_us;
    double release_latency_median_us;
    double release_latency_p99_us;
    double release_latency_max_us;
    guint64 cpu_entries;
    double cpu_entries_per_press; /**< NAN when the truth has no press */
} sim_metrics_t;

/** Whether releases are scored: only when the program reports the core's events. */
static inline gboolean sim_metrics_scores_releases(const sim_config_t *cfg)
{
    return cfg->count == SIM_COUNT_EVENTS;
}

/** Missed presses plus missed releases (the sweep's `missed` column). */
static inline guint sim_metrics_missed(const sim_metrics_t *m)
{
    return m->missed_presses + m->missed_releases;
}

/** False presses plus false releases (the sweep's `false_triggers` column). */
static inline guint sim_metrics_false(const sim_metrics_t *m)
{
    return m->false_presses + m->false_releases;
}

/**
 * Scores `result` against the trace's truth (which must be set: run the
 * oracle first for a trace without). `matches`, when not NULL, receives one
 * sim_match_t per event of result->events, in the same order.
 */
void sim_metrics_compute(const trace_t *trace, const sim_config_t *cfg, const sim_result_t *result,
                         sim_metrics_t *out, GArray *matches);

/**
 * Only the matching of sim_metrics_compute(): one sim_match_t per event of
 * result->events into `matches`, without the latency statistics (stress
 * scores millions of presses this way).
 */
void sim_metrics_match(const trace_t *trace, const sim_result_t *result, GArray *matches);

#endif
