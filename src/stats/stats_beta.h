/*
 * The regularized incomplete beta function and its inverse, the maths under
 * every exact binomial bound (stats_rate.h). GLib has no beta quantile, and
 * GSL's and R's are GPL, so it is done here: a continued fraction evaluated
 * by Lentz's method (as in Numerical Recipes, 6.4) and bisection.
 */
#ifndef STATS_BETA_H
#define STATS_BETA_H

/**
 * ln B(a, b) = ln Gamma(a) + ln Gamma(b) - ln Gamma(a + b), a, b > 0, accurate
 * also when one argument is huge (b = 10^12 beside a = 3), where the plain
 * lgamma difference would cancel away most of its digits.
 */
double stats_log_beta(double a, double b);

/**
 * I_x(a, b), the regularized incomplete beta function: the probability that
 * a Beta(a, b) variable is at most x. a, b > 0; x is clamped to [0, 1].
 * Relative accuracy about 1e-12 up to a, b of 10^4, falling to about
 * 1e-16 * max(a, b) beyond (the power x^a (1-x)^b is taken in logs); NAN
 * for a or b <= 0.
 */
double stats_beta_inc(double a, double b, double x);

/**
 * The p-quantile of Beta(a, b): the x with I_x(a, b) = p, by bisection to a
 * relative precision of about 1e-14. p in [0, 1] (0 gives 0, 1 gives 1).
 */
double stats_beta_quantile(double p, double a, double b);

#endif
