/*
 * The generator's random numbers: SplitMix64 (Steele, Lea and Flood, 2014),
 * integer arithmetic only, so a seed gives the same stream on every machine
 * and with every libc.
 *
 * Why not GRand: g_rand_set_seed() picks its seeding algorithm from the
 * G_RANDOM_VERSION environment variable, so the same seed could give another
 * trace on a machine where it is set.
 */
#ifndef TRACE_RNG_H
#define TRACE_RNG_H

#include <glib.h>
#include <stdint.h>

/** Generator state; copy it to fork a stream. */
typedef struct {
    guint64 state;
} trace_rng_t;

/** Starts the stream of `seed` (any value, 0 included). */
void trace_rng_seed(trace_rng_t *rng, guint64 seed);

/** The next 64 random bits. */
guint64 trace_rng_next(trace_rng_t *rng);

/** Uniform integer in [0, n), unbiased (rejection); n > 0. */
guint64 trace_rng_below(trace_rng_t *rng, guint64 n);

/** Uniform integer in [lo, hi], lo <= hi (ns or counts). */
int64_t trace_rng_between(trace_rng_t *rng, int64_t lo, int64_t hi);

/** Uniform double in [0, 1) with 53 random bits (exact: no rounding). */
double trace_rng_unit(trace_rng_t *rng);

/**
 * Exponential variate of mean 1, by von Neumann's 1951 method: comparisons of
 * uniforms and one addition, no log(), so it is bit-identical everywhere.
 */
double trace_rng_exponential(trace_rng_t *rng);

#endif
