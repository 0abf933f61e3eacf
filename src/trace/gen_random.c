/* Reproducible random numbers for the bounce generator (SplitMix64). */
#include "trace_rng.h"

void trace_rng_seed(trace_rng_t *rng, guint64 seed)
{
    rng->state = seed;
}

guint64 trace_rng_next(trace_rng_t *rng)
{
    /* SplitMix64: a Weyl sequence through a 64-bit finaliser; passes BigCrush */
    guint64 z = (rng->state += G_GUINT64_CONSTANT(0x9e3779b97f4a7c15));

    z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

guint64 trace_rng_below(trace_rng_t *rng, guint64 n)
{
    /* reject the top (2^64 mod n) values so every residue is equally likely */
    guint64 threshold = (G_GUINT64_CONSTANT(0) - n) % n;

    for (;;) {
        guint64 x = trace_rng_next(rng);
        if (x >= threshold) {
            return x % n;
        }
    }
}

int64_t trace_rng_between(trace_rng_t *rng, int64_t lo, int64_t hi)
{
    guint64 span = (guint64)hi - (guint64)lo;

    if (span == G_MAXUINT64) {
        return (int64_t)trace_rng_next(rng);
    }
    return (int64_t)((guint64)lo + trace_rng_below(rng, span + 1));
}

double trace_rng_unit(trace_rng_t *rng)
{
    /* 53 bits times 2^-53: both exact in a double */
    return (double)(trace_rng_next(rng) >> 11) * (1.0 / 9007199254740992.0);
}

double trace_rng_exponential(trace_rng_t *rng)
{
    /*
     * Draw u1, then u2, u3, ... while they keep decreasing; with the run
     * u1 > u2 > ... > un of length n, accept k + u1 if n is odd, else k += 1
     * and start again. P(n odd | u1 = x) = e^-x, so u1 given acceptance has
     * density proportional to e^-x on [0, 1) and k is geometric with ratio
     * e^-1: together, exactly Exp(1). (Knuth, TAOCP vol. 2, 3.4.1.)
     */
    for (guint64 k = 0;; k++) {
        double u = trace_rng_unit(rng);
        double prev = u;
        guint run = 1;

        for (;;) {
            double v = trace_rng_unit(rng);
            if (v >= prev) {
                break;
            }
            prev = v;
            run++;
        }
        if (run & 1u) {
            return (double)k + u;
        }
    }
}
