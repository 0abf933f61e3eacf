/*
 * What `stress` counts for one configuration: integers only (counts, a
 * latency histogram, importance-sampling class counts), so tallies add up
 * in any order. Threads, batches and shards therefore merge exactly, and
 * the rates and bounds are derived once, at the end (stats_rate.h).
 */
#ifndef STRESS_TALLY_H
#define STRESS_TALLY_H

#include <glib.h>
#include <stdint.h>

#include "trace_gen.h"

/* Latencies go into log-linear bins: values below 2^STRESS_HIST_BITS ns one
 * bin each, above that 2^STRESS_HIST_BITS bins per doubling (1.6 % wide),
 * up to 2^STRESS_HIST_TOP_BIT ns (68.7 s; longer ones land in the last bin). */
#define STRESS_HIST_BITS    6
#define STRESS_HIST_TOP_BIT 36
#define STRESS_HIST_BINS    ((STRESS_HIST_TOP_BIT - STRESS_HIST_BITS + 2) << STRESS_HIST_BITS)

/** Importance-sampling classes of a press: make draw x break draw. */
#define STRESS_RARE_CLASSES (TRACE_GEN_DRAWS * TRACE_GEN_DRAWS)

typedef struct {
    guint64 bins[STRESS_HIST_BINS];
    guint64 n;
} stress_hist_t;

typedef struct {
    guint64 presses;              /**< press cycles simulated (each has its truth) */
    guint64 presses_detected;     /**< press events reported */
    guint64 missed;               /**< missed presses plus missed releases (events) */
    guint64 false_triggers;       /**< false presses plus false releases (events) */
    guint64 cpu_entries;          /**< polls or handler entries */
    guint64 false_cycles;         /**< cycles with at least one false trigger */
    guint64 missed_cycles;        /**< cycles with a missed press or release */
    guint64 failed_cycles;        /**< cycles with either */
    int64_t press_latency_min_ns; /**< INT64_MAX when none */
    int64_t press_latency_max_ns; /**< -1 when none */
    stress_hist_t press_latency;
    stress_hist_t release_latency;
    guint64 rare_n[STRESS_RARE_CLASSES]; /**< --rare: presses per class */
    guint64 rare_k[STRESS_RARE_CLASSES]; /**< --rare: failed presses per class */
} stress_tally_t;

/** An empty tally. */
void stress_tally_init(stress_tally_t *t);

/** Adds `part` into `into`. */
void stress_tally_merge(stress_tally_t *into, const stress_tally_t *part);

/** The bin of a latency (ns >= 0). */
guint stress_hist_bin(int64_t ns);

/** The smallest and largest ns a bin holds. */
void stress_hist_bin_range(guint bin, int64_t *lo_ns, int64_t *hi_ns);

/** Adds one latency. */
void stress_hist_add(stress_hist_t *h, int64_t ns);

/**
 * The nearest-rank quantile (the ceil(q n)-th smallest, at least the first)
 * as the middle of its bin, in us; NAN when empty. Exact below 64 ns,
 * within 0.8 % above.
 */
double stress_hist_quantile_us(const stress_hist_t *h, double q);

#endif
