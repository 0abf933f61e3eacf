/*
 * Rates from counts: k press cycles of n went wrong. The point estimate is
 * k/n; the bounds are exact (Clopper-Pearson), from the beta quantile, so
 * they hold for any n, k = 0 included (../shared/STATS.md).
 */
#ifndef STATS_RATE_H
#define STATS_RATE_H

#include <glib.h>

/** The confidence of every bound here: 95 %. */
#define STATS_CONFIDENCE 0.95
/** Rates are shown per this many presses. */
#define STATS_PER_MILLION 1e6

/** A two-sided interval, as fractions of presses (0..1). */
typedef struct {
    double lo;
    double hi;
} stats_interval_t;

/**
 * The exact one-sided 95 % upper bound of a binomial rate, k failures in n
 * trials: B(0.95; k + 1, n - k), B the beta quantile; 1 when k = n, the
 * closed form 1 - 0.05^(1/n) when k = 0. NAN when n = 0 or k > n.
 */
double stats_rate_upper95(guint64 k, guint64 n);

/**
 * The exact two-sided 95 % interval: [B(0.025; k, n - k + 1),
 * B(0.975; k + 1, n - k)], lo = 0 when k = 0 and hi = 1 when k = n.
 * Both NAN when n = 0 or k > n.
 */
stats_interval_t stats_rate_interval95(guint64 k, guint64 n);

/**
 * The "rule of three" in its exact form: the one-sided 95 % upper bound
 * after n trials with no failure, 1 - 0.05^(1/n) (about 3/n). NAN for n = 0.
 */
double stats_rate_zero_upper95(guint64 n);

/**
 * How many failure-free trials make the one-sided 95 % upper bound at most
 * `rate` (0 < rate < 1): the least n with 1 - 0.05^(1/n) <= rate, i.e.
 * ceil(ln 0.05 / ln(1 - rate)). 0 for a rate outside (0, 1).
 */
guint64 stats_rate_trials_needed(double rate);

#endif
