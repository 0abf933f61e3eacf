/* The look-ahead ground-truth oracle: real presses and releases of a recorded trace. */
#include "trace_oracle.h"

/* How long the level after edge i lasts: to the next edge, or to the trace end. */
static int64_t hold_after(const trace_t *trace, gsize i)
{
    gsize n = trace_n_edges(trace);
    int64_t until = i + 1 < n ? trace_edge_ns(trace, i + 1) : trace->end_ns;
    return until - trace_edge_ns(trace, i);
}

GArray *trace_oracle_changes(const trace_t *trace, int64_t settle_ns)
{
    GArray *changes = g_array_new(FALSE, FALSE, sizeof(trace_change_t));
    gboolean pressed_level = trace_pressed_level(trace);
    gboolean settled = trace->initial_level;
    gsize n = trace_n_edges(trace);
    gsize first = 0;

    /* Edge `first` leaves the settled level; walk its bounce until one level
     * holds for the settle time. Held at the new level: a real change. Held
     * at the old level: a glitch, nothing changed. */
    for (gsize i = 0; i < n; i++) {
        if (hold_after(trace, i) < settle_ns) {
            continue;
        }
        if (trace_level_after(trace, i) != settled) {
            trace_change_t change = {trace_level_after(trace, i) == pressed_level, first, i};
            g_array_append_val(changes, change);
            settled = trace_level_after(trace, i);
        }
        first = i + 1;
    }
    return changes;
}

void trace_oracle_fill_truth(trace_t *trace, int64_t settle_ns)
{
    g_autoptr(GArray) changes = trace_oracle_changes(trace, settle_ns);
    int64_t press_ns = TRACE_NO_RELEASE;

    if (trace->truth != NULL) {
        g_array_set_size(trace->truth, 0);
    } else {
        trace->truth = g_array_new(FALSE, FALSE, sizeof(trace_interval_t));
    }
    for (gsize k = 0; k < changes->len; k++) {
        const trace_change_t *c = &g_array_index(changes, trace_change_t, k);
        int64_t t = trace_edge_ns(trace, c->first_edge);
        if (c->to_pressed) {
            press_ns = t;
        } else if (press_ns != TRACE_NO_RELEASE) {
            trace_add_truth(trace, press_ns, t);
            press_ns = TRACE_NO_RELEASE;
        }
    }
    if (press_ns != TRACE_NO_RELEASE) {
        trace_add_truth(trace, press_ns, TRACE_NO_RELEASE);
    }
}
