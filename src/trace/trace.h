/*
 * The trace model: one digital channel of a push button, as recorded or
 * generated. Times are int64_t nanoseconds. Levels are electrical (TRUE =
 * high); `active_low` says which level means pressed.
 *
 * Only edge times are stored: every edge flips the level, so the level after
 * edge i is initial_level XOR (i is even). 8 bytes per edge.
 */
#ifndef TRACE_H
#define TRACE_H

#include <glib.h>
#include <stdint.h>

/**
 * Every time a trace holds (start, end, edges, truth) lies within this many
 * ns of 0: 2^61 ns, about 73 years (ns since the Unix epoch fit until 2043).
 * Then the difference of any two times fits an int64_t, and so does a time
 * plus any simulated duration, so nothing downstream can overflow.
 * trace_read() refuses a file beyond it.
 */
#define TRACE_TIME_LIMIT_NS (INT64_C(1) << 61)

/** release_ns of a true press still held when the trace ends. */
#define TRACE_NO_RELEASE INT64_C(-1)

/** One true press: from the first contact edge to the first edge of the release. */
typedef struct {
    int64_t press_ns;
    int64_t release_ns; /**< TRACE_NO_RELEASE if still pressed at the end */
} trace_interval_t;

typedef struct {
    char *name;             /**< for reports: usually the file's base name */
    gboolean initial_level; /**< level from start_ns until the first edge */
    gboolean active_low;    /**< TRUE: pressed reads low (pull-up wiring, the default) */
    int64_t start_ns;       /**< first instant covered */
    int64_t end_ns;         /**< last instant covered; >= the last edge */
    GArray *edges;          /**< int64_t ns, strictly increasing; each flips the level */
    GArray *truth;          /**< trace_interval_t by press_ns, or NULL when unknown */
    const char *flavour;    /**< a static name of the file's variant, e.g. "Saleae Logic 1.x CSV";
                               NULL: the format's */
} trace_t;

/** A new empty trace (no edges, end = start, no truth); never NULL. */
trace_t *trace_new(const char *name, gboolean initial_level, gboolean active_low, int64_t start_ns);

/** Frees a trace and everything it owns; NULL is fine. */
void trace_free(trace_t *trace);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(trace_t, trace_free)

/**
 * Records that the pin reads `level` from t_ns on: adds an edge if the level
 * differs from the current one, nothing otherwise, and extends end_ns to
 * t_ns. FALSE (no change) if t_ns is not after the last edge (or before
 * start_ns for the first one); readers check row order themselves so they can
 * name the line.
 */
gboolean trace_push_level(trace_t *trace, int64_t t_ns, gboolean level);

/** Number of edges. */
static inline gsize trace_n_edges(const trace_t *trace)
{
    return trace->edges->len;
}

/** Time of edge i (ns); i < trace_n_edges(). */
static inline int64_t trace_edge_ns(const trace_t *trace, gsize i)
{
    return g_array_index(trace->edges, int64_t, i);
}

/** Electrical level right after edge i. */
static inline gboolean trace_level_after(const trace_t *trace, gsize i)
{
    return (i & 1u) ? trace->initial_level : !trace->initial_level;
}

/** The electrical level that means pressed. */
static inline gboolean trace_pressed_level(const trace_t *trace)
{
    return !trace->active_low;
}

/** Level at the end of the trace (after every edge). */
gboolean trace_final_level(const trace_t *trace);

/** Number of edges at or before t_ns (binary search); the level at t_ns follows from it. */
gsize trace_edges_upto(const trace_t *trace, int64_t t_ns);

/** Electrical level at instant t_ns (an edge at exactly t_ns counts as done). */
gboolean trace_level_at(const trace_t *trace, int64_t t_ns);

/**
 * TRUE when every time of the trace is within +-TRACE_TIME_LIMIT_NS; else
 * FALSE with TRACE_ERROR_INVALID naming the time that is not.
 */
gboolean trace_check_time_limit(const trace_t *trace, GError **error);

/** Appends a true press interval (ns); creates the truth list if needed. */
void trace_add_truth(trace_t *trace, int64_t press_ns, int64_t release_ns);

/** Number of true presses (0 when the truth is unknown). */
gsize trace_n_truth(const trace_t *trace);

/** True press i; i < trace_n_truth(). */
static inline const trace_interval_t *trace_truth_at(const trace_t *trace, gsize i)
{
    return &g_array_index(trace->truth, trace_interval_t, i);
}

#endif
