/*
 * The check the reader tests share: a trace has exactly this start, initial
 * level, edges and end (ns). Include after <cmocka.h>.
 */
#ifndef TRACE_ASSERT_H
#define TRACE_ASSERT_H

#include "trace.h"

static inline void assert_trace(const trace_t *t, int64_t start, gboolean initial,
                                const int64_t *edges, gsize n, int64_t end)
{
    assert_int_equal(t->start_ns, start);
    assert_int_equal(t->initial_level, initial);
    assert_int_equal(trace_n_edges(t), n);
    for (gsize i = 0; i < n; i++) {
        assert_int_equal(trace_edge_ns(t, i), edges[i]);
    }
    assert_int_equal(t->end_ns, end);
}

#endif
