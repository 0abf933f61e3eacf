/*
 * The generalized Pareto tail (trace_tail.h), against numbers from formulas:
 *   - PWM recovers xi and sigma from 10^5 draws of a GPD made by inverse-CDF
 *     sampling, y = sigma/xi ((1 - U)^-xi - 1) (-sigma ln(1 - U) at xi = 0),
 *     within 0.02 in xi and 3 % in sigma; the asymptotic standard deviation
 *     of the PWM xi is about 1.3/sqrt(n) = 0.004 here (Hosking and Wallis
 *     1987), so that is 5 of them;
 *   - on 10^6 exponential draws (every excess is exponential, xi = 0) the
 *     whole fit: the tail starts at the 80th percentile, -ln 0.2 of the mean
 *     (within 1 %), xi within 0.011 of 0, sigma within 1.5 % of the mean, and
 *     the 1-in-10^6 duration is ln 10^6 times the mean within 6 %. Each is
 *     about 4 standard deviations of the PWM estimates on the 2 x 10^5
 *     excesses (sd of xi sqrt(4/3 / m) = 0.0026, of sigma sqrt(7/3 / m) =
 *     0.34 %; the 1-in-10^6 point moves by sigma ln(2e5)^2 / 2 per unit of
 *     xi: 1.4 %);
 *   - a hand-made distribution's quantiles, worked out by hand;
 *   - impossible distributions are refused by trace_gen_validate().
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <math.h>
#include <stdlib.h>

#include "trace_fit.h"
#include "trace_gen.h"
#include "trace_rng.h"
#include "trace_tail.h"

#define N 100000u

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void recovers(double xi, double sigma, guint64 seed)
{
    g_autofree double *y = g_new(double, N);
    trace_rng_t rng;
    double fit_xi = 0.0, fit_sigma = 0.0;

    trace_rng_seed(&rng, seed);
    for (guint i = 0; i < N; i++) {
        double u = trace_rng_unit(&rng);
        y[i] = xi == 0.0 ? -sigma * log(1.0 - u) : sigma / xi * (pow(1.0 - u, -xi) - 1.0);
    }
    qsort(y, N, sizeof *y, cmp_double);
    assert_true(trace_tail_fit_pwm(y, N, &fit_xi, &fit_sigma));
    if (fabs(fit_xi - xi) > 0.02 || fabs(fit_sigma - sigma) > 0.03 * sigma) {
        fail_msg("GPD(xi %g, sigma %g): fitted xi %g, sigma %g", xi, sigma, fit_xi, fit_sigma);
    }
}

static void pwm_heavy(void **state)
{
    (void)state;
    recovers(0.25, 2e6, 1);
}

static void pwm_bounded(void **state)
{
    (void)state;
    recovers(-0.3, 1e6, 2);
}

static void pwm_exponential(void **state)
{
    (void)state;
    recovers(0.0, 5e5, 3);
}

static int cmp_int64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

#define N_EXP 1000000u

static void exponential_sample(void **state)
{
    g_autofree int64_t *d = g_new(int64_t, N_EXP);
    g_autofree trace_gen_dist_t *dist = g_new0(trace_gen_dist_t, 1);
    const double mean = 1e6; /* 1 ms */
    trace_rng_t rng;
    (void)state;

    trace_rng_seed(&rng, 4);
    for (guint i = 0; i < N_EXP; i++) {
        d[i] = llround(-mean * log(1.0 - trace_rng_unit(&rng)));
    }
    qsort(d, N_EXP, sizeof *d, cmp_int64);
    assert_true(trace_tail_fit(d, N_EXP, dist));
    assert_int_equal(dist->n, TRACE_GEN_QUANTILES_MAX);
    assert_true(dist->tail_above == TRACE_TAIL_ABOVE);
    assert_true(fabs(dist->xi) < 0.011);
    assert_true(fabs(dist->sigma_ns - mean) < 0.015 * mean);
    assert_true(fabs((double)trace_tail_quantile_ns(dist, 0.8) + mean * log(0.2)) <
                0.01 * -mean * log(0.2));
    assert_true(fabs((double)trace_tail_quantile_ns(dist, 1.0 - 1e-6) - mean * log(1e6)) <
                0.06 * mean * log(1e6));
}

/* A distribution of three quantiles (first, 1000, 2000 ns) and a tail. */
static void three_quantiles(trace_gen_dist_t *d, int64_t first_ns, double above, double xi,
                            double sigma_ns, int64_t cap_ns)
{
    d->n = 3;
    d->quantile_ns[0] = first_ns;
    d->quantile_ns[1] = 1000;
    d->quantile_ns[2] = 2000;
    d->tail_above = above;
    d->xi = xi;
    d->sigma_ns = sigma_ns;
    d->cap_ns = cap_ns;
}

/* quantiles 0, 1000, 2000 ns; the tail above the median (1000 ns) with
 * xi = 1/2, sigma = 1000 ns: at tail probability v the excess is
 * 2000 ((1 - v)^-1/2 - 1) ns. */
static void hand_made(void **state)
{
    g_autofree trace_gen_bounce_t *b = g_new0(trace_gen_bounce_t, 1);
    trace_gen_dist_t *d = &b->dist;
    (void)state;

    three_quantiles(d, 0, 0.5, 0.5, 1000.0, 1000000000);
    assert_int_equal(trace_tail_quantile_ns(d, 0.25), 500);
    /* u = 0.75: v = 0.5, 1000 + 2000 (sqrt 2 - 1) = 1828.43 */
    assert_int_equal(trace_tail_quantile_ns(d, 0.75), 1828);
    /* 1 in 10^6: v = 1 - 2e-6, 1000 + 2000 (707.107 - 1) = 1413213.6 */
    assert_int_equal(trace_fit_quantile_ns(b, 1e6), 1413214);
    d->cap_ns = 100000;
    assert_int_equal(trace_fit_quantile_ns(b, 1e6), 100000);
}

static void refused(void **state)
{
    trace_gen_params_t *p = g_new(trace_gen_params_t, 1);
    trace_gen_dist_t *d = &p->make.dist;
    (void)state;

    *p = trace_gen_profile_find("tactile")->params;
    three_quantiles(d, 100, 0.8, 0.1, 500.0, 1000000);
    assert_true(trace_gen_validate(p, 1, NULL));
    d->quantile_ns[0] = -1;
    assert_false(trace_gen_validate(p, 1, NULL)); /* negative */
    d->quantile_ns[0] = 1500;
    assert_false(trace_gen_validate(p, 1, NULL)); /* unsorted */
    d->quantile_ns[0] = 100;
    d->xi = TRACE_GEN_XI_MAX;
    assert_false(trace_gen_validate(p, 1, NULL));
    d->xi = TRACE_GEN_XI_MIN;
    assert_false(trace_gen_validate(p, 1, NULL));
    d->xi = 0.1;
    d->tail_above = 1.0;
    assert_false(trace_gen_validate(p, 1, NULL));
    d->tail_above = 0.8;
    d->sigma_ns = 0.0;
    assert_false(trace_gen_validate(p, 1, NULL));
    d->sigma_ns = 500.0;
    d->cap_ns = 1999;
    assert_false(trace_gen_validate(p, 1, NULL)); /* below the largest quantile */
    g_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pwm_heavy),       cmocka_unit_test(pwm_bounded),
        cmocka_unit_test(pwm_exponential), cmocka_unit_test(exponential_sample),
        cmocka_unit_test(hand_made),       cmocka_unit_test(refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
