/*
 * Monte-Carlo over presses (`bouncelab stress`): presses are generated from
 * a switch model in batches, or a recording is replayed at fresh random
 * phases and latency draws, and every configuration replays every batch
 * (common random numbers). Batch b of a run draws from a seed mixed from
 * (seed, b), so the presses do not depend on threads or shards: shard I of
 * N runs the batches with b % N == I - 1, and shards add up to the run.
 */
#ifndef STRESS_H
#define STRESS_H

#include "sim_config.h"
#include "stress_tally.h"
#include "trace.h"
#include "trace_gen.h"

/** Presses per batch of a model: memory holds one batch per thread, whatever --presses. */
#define STRESS_BATCH_PRESSES 1000u
/** Most presses one run may ask for (per input). */
#define STRESS_PRESSES_MAX G_GUINT64_CONSTANT(1000000000000)

/** Where presses come from: a model, or a recording to resample. */
typedef struct {
    char *name;               /**< the CSV's trace column */
    trace_gen_params_t model; /**< when recorded == NULL */
    const trace_t *recorded;  /**< borrowed; with truth; resampled when not NULL */
    int64_t longest_ns;       /**< the longest make bounce recorded; -1: not from a recording */
} stress_input_t;

typedef struct {
    GPtrArray *inputs; /**< stress_input_t *, owned */
    GArray *configs;   /**< sim_config_t: the grid, the same for every input */
    guint64 presses;   /**< per input: at least this many are simulated */
    guint64 seed;
    guint shard_index; /**< 0-based */
    guint shard_count; /**< 1: the whole run */
    gboolean rare;     /**< draw bounces from `tilt` and count by class */
    trace_gen_tilt_t tilt;
} stress_spec_t;

/** A new spec: no inputs or configs, seed 1, unsharded, no tilt. */
stress_spec_t *stress_spec_new(void);
void stress_spec_free(stress_spec_t *spec);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(stress_spec_t, stress_spec_free)

/** Adds a model input (copied); longest_ns: its recordings' longest make bounce, or -1. */
void stress_spec_add_model(stress_spec_t *spec, const char *name, const trace_gen_params_t *model,
                           int64_t longest_ns);

/** Adds a recording to resample (borrowed: it must outlive the spec; it must have truth). */
void stress_spec_add_recorded(stress_spec_t *spec, const char *name, const trace_t *recorded,
                              int64_t longest_ns);

/** Presses one batch of an input holds (the recording's presses when resampled). */
guint stress_batch_presses(const stress_spec_t *spec, guint input);

/** Batches of an input in the whole run (all shards). */
guint64 stress_batches(const stress_spec_t *spec, guint input);

/** The seed of batch `batch`: SplitMix64's output for (seed, batch). */
guint64 stress_batch_seed(guint64 seed, guint64 batch);

/**
 * The class weights f/g of a model under the spec's tilt, indexed as the
 * tally's rare counts (make class * TRACE_GEN_DRAWS + break class).
 */
void stress_rare_weights(const stress_spec_t *spec, guint input,
                         double weights[STRESS_RARE_CLASSES]);

/** Polled by the calling thread between batches: TRUE stops the run. */
typedef gboolean (*stress_stop_fn)(gpointer user_data);

/**
 * Runs this shard's batches of every input on `threads` threads and returns
 * the tallies, inputs x configs (index input * configs->len + config), or
 * NULL with the first error (a configuration or model the simulator
 * refuses) or when should_stop said so (then *stopped is TRUE).
 */
stress_tally_t *stress_run(const stress_spec_t *spec, guint threads, stress_stop_fn should_stop,
                           gpointer user_data, gboolean *stopped, GError **error);

#endif
