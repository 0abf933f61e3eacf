/*
 * What `bouncelab info` says about a trace: how long contacts bounce on make
 * (press) and on break (release), in edges and in time, and the shortest
 * pulse. Bounces are the oracle's changes (trace_oracle.h): from the first
 * edge that leaves the settled level to the last edge before the new level
 * holds for the settle time.
 */
#ifndef TRACE_STATS_H
#define TRACE_STATS_H

#include "trace.h"

/** Spread of one kind of change; zeros when n == 0. Medians are the lower middle value. */
typedef struct {
    gsize n;        /**< changes measured */
    int64_t min_ns; /**< bounce duration: last edge minus first edge (ns) */
    int64_t median_ns;
    int64_t max_ns;
    gsize edges_min; /**< edges in the change, 1 for a clean one */
    gsize edges_median;
    gsize edges_max;
} trace_bounce_stats_t;

typedef struct {
    gsize presses;                 /**< real presses the oracle finds */
    gsize releases;                /**< real releases */
    trace_bounce_stats_t make;     /**< presses */
    trace_bounce_stats_t brk;      /**< releases */
    gboolean has_pulse;            /**< at least two edges */
    int64_t shortest_pulse_ns;     /**< least time between two consecutive edges (ns) */
    int64_t shortest_pulse_at_ns;  /**< when that pulse starts (ns) */
    gboolean shortest_pulse_level; /**< the level during it */
} trace_stats_t;

/** Computes the statistics with the oracle at settle_ns (ns). */
void trace_stats_compute(const trace_t *trace, int64_t settle_ns, trace_stats_t *out);

/** Spread of `values` (n of them, sorted in place), as lower median, min and max. */
void trace_stats_spread(int64_t *values, gsize n, int64_t *min, int64_t *median, int64_t *max);

#endif
