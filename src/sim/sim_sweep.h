/*
 * Sweeps: the cross product of traces, algorithms, modes, windows and
 * polling intervals or interrupt latencies, run on a thread pool, with rows
 * handed back in the same order whatever the number of threads.
 */
#ifndef SIM_SWEEP_H
#define SIM_SWEEP_H

#include "sim_config.h"
#include "sim_metrics.h"
#include "trace.h"

/** The interrupt timing of one sweep point: a runtime's, or a custom base latency. */
typedef struct {
    sim_runtime_t runtime; /**< SIM_RUNTIME_CUSTOM: base latency below, no jitter or tail */
    int64_t latency_ns;    /**< for SIM_RUNTIME_CUSTOM */
} sim_sweep_irq_t;

typedef struct {
    GPtrArray *traces;         /**< const trace_t *, borrowed; each must have truth */
    GArray *algos;             /**< debounce_algo_t */
    GArray *modes;             /**< sim_mode_t */
    GArray *windows_ns;        /**< int64_t press windows */
    int64_t release_window_ns; /**< < 0: the same as the press window */
    GArray *intervals_ns;      /**< int64_t, for poll points */
    GArray *irqs;              /**< sim_sweep_irq_t, for irq points */
    sim_config_t base;         /**< every other setting */
    guint shard_index;         /**< run combinations with index % shard_count == shard_index */
    guint shard_count;         /**< 1: all */
} sim_sweep_spec_t;

/** One combination and its score. */
typedef struct {
    guint trace_index;
    sim_config_t cfg;
    sim_metrics_t metrics;
    gpointer prepared; /**< what the prepare callback made of the row, or NULL */
} sim_sweep_row_t;

/** A new spec with empty lists, the default base configuration and no sharding. */
sim_sweep_spec_t *sim_sweep_spec_new(void);
void sim_sweep_spec_free(sim_sweep_spec_t *spec);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(sim_sweep_spec_t, sim_sweep_spec_free)

/**
 * The combinations of a spec in their fixed order (trace, algorithm, mode,
 * window, then interval or interrupt timing), this shard's share, without
 * the ones that cannot be simulated (the integrator in irq mode). Rows are
 * made one at a time as they are run, so a sweep of millions of
 * combinations needs no memory for them.
 */
typedef struct sim_sweep_plan sim_sweep_plan_t;

/**
 * Plans a sweep over `spec` (borrowed: it must outlive the plan). Checks
 * every window, interval and interrupt timing once; NULL with a
 * SIM_ERROR_INVALID error naming the bad one.
 */
sim_sweep_plan_t *sim_sweep_plan_new(const sim_sweep_spec_t *spec, GError **error);
void sim_sweep_plan_free(sim_sweep_plan_t *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(sim_sweep_plan_t, sim_sweep_plan_free)

/** Rows this shard will run. */
gsize sim_sweep_plan_rows(const sim_sweep_plan_t *plan);

/** Combinations of this shard left out because they cannot be simulated. */
gsize sim_sweep_plan_skipped(const sim_sweep_plan_t *plan);

/** Why they were left out, in a few words, or NULL when none was. */
const char *sim_sweep_plan_skip_reason(const sim_sweep_plan_t *plan);

/**
 * Row `n` (0 <= n < rows) in plan order, with empty metrics. Rows are
 * expected in increasing order (each call resumes where the last one
 * stopped); any order works, only slower.
 */
void sim_sweep_plan_row(sim_sweep_plan_t *plan, gsize n, sim_sweep_row_t *row);

/**
 * Called on the worker thread right after a row is scored, to do per-row
 * work in parallel (formatting an output line, say); the result is stored in
 * row->prepared for on_row. Must be thread-safe.
 */
typedef gpointer (*sim_sweep_prepare_fn)(const sim_sweep_row_t *row, gpointer user_data);

/** Called in row order, from the calling thread, as rows complete. */
typedef void (*sim_sweep_row_fn)(const sim_sweep_row_t *row, gsize index, gsize total,
                                 gpointer user_data);

/** Polled between rows (calling thread): TRUE stops the sweep early. */
typedef gboolean (*sim_sweep_stop_fn)(gpointer user_data);

/**
 * Runs the plan's rows on `threads` threads (1: in the calling thread),
 * calls `prepare` (may be NULL) for each on its thread, then on_row for each
 * in plan order. Returns the number of rows done (fewer than planned if
 * should_stop said so).
 */
gsize sim_sweep_run(sim_sweep_plan_t *plan, guint threads, sim_sweep_prepare_fn prepare,
                    sim_sweep_row_fn on_row, sim_sweep_stop_fn should_stop, gpointer user_data);

#endif
