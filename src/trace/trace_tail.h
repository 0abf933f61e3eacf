/*
 * Fitted bounce-duration distributions (trace_gen_dist_t): the empirical
 * quantile function below a threshold and a generalized Pareto (GPD) tail
 * above it, fitted by probability-weighted moments (Hosking and Wallis,
 * Technometrics 29, 1987): with the excesses' mean a0 and
 * a1 = mean of y_(i) (1 - p_i), p_i = (i - 0.35) / m over the m sorted
 * excesses, xi = 2 - a0 / (a0 - 2 a1) and sigma = 2 a0 a1 / (a0 - 2 a1).
 * PWM, not maximum likelihood: closed form, no iteration that can fail on
 * the few excesses of a short recording, and close to ML for xi < 1/2.
 */
#ifndef TRACE_TAIL_H
#define TRACE_TAIL_H

#include "trace_gen.h"

/**
 * The tail starts at this quantile of the recorded durations, unless the
 * GPD fails a goodness-of-fit check there (sqrt(m) times the Kolmogorov-
 * Smirnov distance of the m excesses from the fitted GPD above
 * TRACE_TAIL_KS_ACCEPT, about the 5 % level); then at the first of the
 * 90th, 95th, 97.5th, 99th percentiles where it passes (with at least
 * TRACE_TAIL_MIN_EXCESSES above), or the one it fits best.
 */
#define TRACE_TAIL_ABOVE 0.8
/** The goodness-of-fit limit on sqrt(m) D (Kolmogorov's 5 % point). */
#define TRACE_TAIL_KS_ACCEPT 1.36
/** Fewest excesses a higher threshold may leave. */
#define TRACE_TAIL_MIN_EXCESSES 50
/** Fewest durations a tail is fitted to (below: gen's uniform model stays). */
#define TRACE_TAIL_MIN_SAMPLE 50
/** The cap of draws: the tail's 1-in-this quantile (or its end, xi < 0). */
#define TRACE_TAIL_CAP_ODDS 1e12

/** The shapes a fit may give: a PWM estimate beyond is held at the bound
 * (-1: uniform, the shortest tail; 0.9: a mean, barely), and sigma then
 * follows from the excesses' mean, sigma / (1 - xi). */
#define TRACE_TAIL_XI_LOW  (-1.0)
#define TRACE_TAIL_XI_HIGH 0.9

/**
 * GPD shape and scale of `m` excesses (ns, sorted ascending) by PWM; FALSE
 * when they give none (fewer than two, all equal).
 */
gboolean trace_tail_fit_pwm(const double *excess, gsize m, double *xi, double *sigma);

/** The GPD's probability of an excess of at most y (ns). */
double trace_tail_cdf(double xi, double sigma, double y);

/** The GPD's excess (ns) exceeded with probability 1 - v, v in [0, 1). */
double trace_tail_excess(double xi, double sigma, double v);

/**
 * Fits `out` to `n` durations (ns, sorted ascending): the quantiles at up
 * to TRACE_GEN_QUANTILES_MAX points, the GPD above the threshold (see
 * TRACE_TAIL_ABOVE) and the cap. FALSE (out->n = 0) when the sample is too small or gives no tail.
 */
gboolean trace_tail_fit(const int64_t *d, gsize n, trace_gen_dist_t *out);

/** The duration (ns) at probability u in [0, 1) of a distribution (capped). */
int64_t trace_tail_quantile_ns(const trace_gen_dist_t *dist, double u);

/** The duration (ns) at tail probability v in [0, 1): above the threshold (capped). */
int64_t trace_tail_tail_ns(const trace_gen_dist_t *dist, double v);

/** Checks a distribution (sorted, non-negative, xi and sigma in range); `kind` names it. */
gboolean trace_tail_validate(const trace_gen_dist_t *dist, const char *kind, GError **error);

#endif
