/* The trace model: edge storage, level look-ups and the truth list. */
#include "trace.h"
#include "trace_error.h"

GQuark trace_error_quark(void)
{
    return g_quark_from_static_string("bouncelab-trace-error");
}

trace_t *trace_new(const char *name, gboolean initial_level, gboolean active_low, int64_t start_ns)
{
    trace_t *trace = g_new0(trace_t, 1);

    trace->name = g_strdup(name != NULL ? name : "trace");
    trace->initial_level = initial_level != FALSE;
    trace->active_low = active_low != FALSE;
    trace->start_ns = start_ns;
    trace->end_ns = start_ns;
    trace->edges = g_array_new(FALSE, FALSE, sizeof(int64_t));
    return trace;
}

void trace_free(trace_t *trace)
{
    if (trace == NULL) {
        return;
    }
    g_free(trace->name);
    g_array_unref(trace->edges);
    if (trace->truth != NULL) {
        g_array_unref(trace->truth);
    }
    g_free(trace);
}

gboolean trace_final_level(const trace_t *trace)
{
    gsize n = trace_n_edges(trace);
    return n == 0 ? trace->initial_level : trace_level_after(trace, n - 1);
}

gboolean trace_push_level(trace_t *trace, int64_t t_ns, gboolean level)
{
    gsize n = trace_n_edges(trace);
    int64_t floor_ns = n == 0 ? trace->start_ns : trace_edge_ns(trace, n - 1);

    if (n == 0 ? t_ns < floor_ns : t_ns <= floor_ns) {
        return FALSE;
    }
    if ((level != FALSE) != trace_final_level(trace)) {
        if (n == 0 && t_ns == floor_ns) {
            trace->initial_level = level != FALSE; /* a change at the very start is the start */
        } else {
            g_array_append_val(trace->edges, t_ns);
        }
    }
    if (t_ns > trace->end_ns) {
        trace->end_ns = t_ns;
    }
    return TRUE;
}

gsize trace_edges_upto(const trace_t *trace, int64_t t_ns)
{
    gsize lo = 0, hi = trace_n_edges(trace);

    while (lo < hi) {
        gsize mid = lo + (hi - lo) / 2;
        if (trace_edge_ns(trace, mid) <= t_ns) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

gboolean trace_level_at(const trace_t *trace, int64_t t_ns)
{
    gsize n = trace_edges_upto(trace, t_ns);
    return n == 0 ? trace->initial_level : trace_level_after(trace, n - 1);
}

static gboolean time_ok(int64_t t_ns, const char *what, GError **error)
{
    if (t_ns >= -TRACE_TIME_LIMIT_NS && t_ns <= TRACE_TIME_LIMIT_NS) {
        return TRUE;
    }
    g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                "%s at %" G_GINT64_FORMAT " ns is beyond the %" G_GINT64_FORMAT
                " ns (about 73 years) either side of 0 that bouncelab handles",
                what, t_ns, TRACE_TIME_LIMIT_NS);
    return FALSE;
}

gboolean trace_check_time_limit(const trace_t *trace, GError **error)
{
    /* edges lie within [start, end] */
    if (!time_ok(trace->start_ns, "the start", error) ||
        !time_ok(trace->end_ns, "the end", error)) {
        return FALSE;
    }
    for (gsize i = 0; i < trace_n_truth(trace); i++) {
        const trace_interval_t *p = trace_truth_at(trace, i);
        if (!time_ok(p->press_ns, "a true press", error) ||
            !time_ok(p->release_ns, "a true release", error)) {
            return FALSE;
        }
    }
    return TRUE;
}

void trace_add_truth(trace_t *trace, int64_t press_ns, int64_t release_ns)
{
    trace_interval_t interval = {press_ns, release_ns};

    if (trace->truth == NULL) {
        trace->truth = g_array_new(FALSE, FALSE, sizeof(trace_interval_t));
    }
    g_array_append_val(trace->truth, interval);
}

gsize trace_n_truth(const trace_t *trace)
{
    return trace->truth != NULL ? trace->truth->len : 0u;
}
