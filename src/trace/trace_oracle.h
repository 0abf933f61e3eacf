/*
 * The ground-truth oracle for recorded traces: finds the real presses and
 * releases by looking ahead, so it is a fair judge of causal algorithms.
 *
 * A change starts at the first edge that leaves the settled level and is real
 * if, after its last bounce edge, the new level holds for at least the settle
 * time. If the old level comes back and holds for the settle time first, the
 * excursion was a glitch and no change happened.
 */
#ifndef TRACE_ORACLE_H
#define TRACE_ORACLE_H

#include "trace.h"

/** Default settle time of the oracle: 20 ms, longer than any bounce we model. */
#define TRACE_ORACLE_SETTLE_NS_DEFAULT INT64_C(20000000)

/** One real change of a trace: its bounce runs from edge first_edge to last_edge. */
typedef struct {
    gboolean to_pressed; /**< TRUE for a press, FALSE for a release */
    gsize first_edge;    /**< the first contact edge: where the change starts */
    gsize last_edge;     /**< the last bounce edge: the level holds from here */
} trace_change_t;

/**
 * The real changes of a trace, in time order (a GArray of trace_change_t).
 * A change whose new level runs into the end of the trace before settle_ns
 * has passed is not confirmed and left out. A trace that starts pressed
 * starts with a release.
 */
GArray *trace_oracle_changes(const trace_t *trace, int64_t settle_ns);

/**
 * Replaces the trace's truth with the oracle's presses (press_ns = first
 * edge of the press, release_ns = first edge of the following release, or
 * TRACE_NO_RELEASE). A release with no press before it (a trace that starts
 * pressed) has no interval.
 */
void trace_oracle_fill_truth(trace_t *trace, int64_t settle_ns);

#endif
