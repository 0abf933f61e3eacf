/*
 * The two-sample Kolmogorov-Smirnov test: do two samples come from the same
 * distribution? Used to check that a fitted switch model reproduces the
 * bounce durations it was fitted to.
 */
#ifndef STATS_KS_H
#define STATS_KS_H

#include <glib.h>

/** A test's outcome. */
typedef struct {
    double d; /**< the largest distance between the two empirical CDFs, 0..1 */
    double p; /**< the asymptotic p-value of d (Kolmogorov's distribution) */
} stats_ks_t;

/**
 * Tests samples `x` (n_x values) and `y` (n_y values), both sorted
 * ascending, n_x, n_y > 0. The p-value is Q_KS((sqrt(m) + 0.12 + 0.11 /
 * sqrt(m)) d), m = n_x n_y / (n_x + n_y) (Stephens' approximation, good
 * from m of about 4 up).
 */
stats_ks_t stats_ks_two_sample(const double *x, gsize n_x, const double *y, gsize n_y);

/**
 * Q_KS(lambda) = 2 sum_{j>=1} (-1)^(j-1) exp(-2 j^2 lambda^2), the
 * probability that the scaled KS distance of two samples of one
 * distribution exceeds lambda (1 for lambda <= 0).
 */
double stats_ks_q(double lambda);

/** Sorts `n` doubles ascending in place (for the test above). */
void stats_sort_doubles(double *v, gsize n);

#endif
