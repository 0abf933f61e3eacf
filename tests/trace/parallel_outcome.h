/*
 * What one read of a file gave, for the tests that compare a reader on
 * several threads with the same reader on one: the trace or the error, the
 * line the reader ended on, and how many lines the threads took. Include
 * after <cmocka.h>.
 */
#ifndef PARALLEL_OUTCOME_H
#define PARALLEL_OUTCOME_H

#include "trace.h"

typedef struct {
    trace_t *trace; /* NULL on error */
    char *message;  /* the error's message, or NULL */
    guint64 line_no;
    guint64 parallel_lines;
} outcome_t;

static inline void outcome_clear(outcome_t *o)
{
    trace_free(o->trace);
    g_free(o->message);
}

/** Fails unless `got` has the start, levels, end, edges and truth of `want`. */
static inline void assert_same_trace(const trace_t *want, const trace_t *got)
{
    assert_int_equal(got->start_ns, want->start_ns);
    assert_int_equal(got->initial_level, want->initial_level);
    assert_int_equal(got->end_ns, want->end_ns);
    assert_int_equal(got->active_low, want->active_low);
    assert_int_equal(trace_n_edges(got), trace_n_edges(want));
    assert_memory_equal(got->edges->data, want->edges->data, trace_n_edges(want) * sizeof(int64_t));
    assert_int_equal(trace_n_truth(got), trace_n_truth(want));
    for (gsize i = 0; i < trace_n_truth(want); i++) {
        assert_int_equal(trace_truth_at(got, i)->press_ns, trace_truth_at(want, i)->press_ns);
        assert_int_equal(trace_truth_at(got, i)->release_ns, trace_truth_at(want, i)->release_ns);
    }
}

/** Fails unless the threaded read `par` gave what the one-thread read `seq` gave. */
static inline void assert_same(const outcome_t *seq, const outcome_t *par)
{
    if (seq->message != NULL || par->message != NULL) {
        assert_non_null(seq->message);
        assert_non_null(par->message);
        assert_string_equal(par->message, seq->message);
    }
    assert_int_equal(par->line_no, seq->line_no);
    assert_int_equal(seq->trace == NULL, par->trace == NULL);
    if (seq->trace != NULL) {
        assert_same_trace(seq->trace, par->trace);
    }
}

#endif
