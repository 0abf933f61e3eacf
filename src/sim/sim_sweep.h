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
} sim_sweep_row_t;

/** A new spec with empty lists, the default base configuration and no sharding. */
sim_sweep_spec_t *sim_sweep_spec_new(void);
void sim_sweep_spec_free(sim_sweep_spec_t *spec);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(sim_sweep_spec_t, sim_sweep_spec_free)

/**
 * Expands the cross product in its fixed order (trace, algorithm, mode,
 * window, interval or interrupt timing), keeping this shard's share and
 * dropping combinations that cannot be simulated; *skipped counts those
 * and *skip_reason (may be NULL) says why in one line. Returns a GArray of
 * sim_sweep_row_t with empty metrics. FALSE-like NULL with an error if a
 * configuration is invalid for another reason.
 */
GArray *sim_sweep_plan(const sim_sweep_spec_t *spec, guint *skipped, char **skip_reason,
                       GError **error);

/** Called in row order, from the calling thread, as rows complete. */
typedef void (*sim_sweep_row_fn)(const sim_sweep_row_t *row, gsize index, gsize total,
                                 gpointer user_data);

/** Polled between rows (calling thread): TRUE stops the sweep early. */
typedef gboolean (*sim_sweep_stop_fn)(gpointer user_data);

/**
 * Runs the planned rows on `threads` threads (1: in the calling thread) and
 * calls on_row for each in plan order. Returns the number of rows done
 * (fewer than planned if should_stop said so).
 */
gsize sim_sweep_run(const sim_sweep_spec_t *spec, GArray *rows, guint threads,
                    sim_sweep_row_fn on_row, sim_sweep_stop_fn should_stop, gpointer user_data);

#endif
