/*
 * Importance-sampling estimates: each trial drawn from a proposal g instead
 * of the model f carries the weight w = f(x)/g(x); the rate is the mean of
 * w * failed, its standard error sqrt(var(w * failed) / n), and the
 * effective sample size (sum w)^2 / sum w^2 says how far g strays from f
 * (../shared/STATS.md, "Rare events").
 */
#ifndef STATS_WEIGHTED_H
#define STATS_WEIGHTED_H

#include <glib.h>

/** Running sums of weighted trials; zero-initialise, then add or merge. */
typedef struct {
    guint64 n;      /**< trials */
    double sum_wf;  /**< sum of w over failed trials */
    double sum_wf2; /**< sum of w^2 over failed trials */
    double sum_w;   /**< sum of w over every trial */
    double sum_w2;  /**< sum of w^2 over every trial */
} stats_weighted_t;

/** Adds one trial of weight `w` (>= 0) that failed or not. */
void stats_weighted_add(stats_weighted_t *s, double w, gboolean failed);

/** Adds the sums of `part` into `into` (shards, batches). */
void stats_weighted_merge(stats_weighted_t *into, const stats_weighted_t *part);

/** The estimated rate, mean(w * failed); NAN with no trials. */
double stats_weighted_mean(const stats_weighted_t *s);

/**
 * Its standard error, sqrt(var(w * failed) / n) with the unbiased (n - 1)
 * sample variance; NAN with fewer than two trials.
 */
double stats_weighted_se(const stats_weighted_t *s);

/** The effective sample size (sum w)^2 / sum w^2; 0 with no weight. */
double stats_weighted_ess(const stats_weighted_t *s);

#endif
