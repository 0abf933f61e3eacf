/*
 * Counter-based random draws: the k-th draw of a seed is a pure function of
 * (seed, k), so the jumping poll simulator can find the jitter of any read
 * without stepping through the ones before it, and runs are reproducible.
 * GRand is sequential, which is why this does not use it.
 */
#ifndef SIM_RNG_H
#define SIM_RNG_H

#include <stdint.h>

/** The k-th 64-bit draw of `seed` (SplitMix64's finaliser over seed and k). */
static inline uint64_t sim_rng_draw(uint64_t seed, uint64_t k)
{
    uint64_t z = seed * UINT64_C(0x9E3779B97F4A7C15) + (k + 1u) * UINT64_C(0xD1B54A32D192ED03);
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/** The k-th draw of `seed`, uniform in [0, max] (max >= 0; bias below 2^-40 for max < 2^24). */
static inline int64_t sim_rng_uniform(uint64_t seed, uint64_t k, int64_t max)
{
    return max <= 0 ? 0 : (int64_t)(sim_rng_draw(seed, k) % ((uint64_t)max + 1u));
}

#endif
