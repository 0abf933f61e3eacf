/*
 * The generator's random numbers. SplitMix64 is checked against the published
 * test vector; the derived draws against their distributions, each within
 * four standard deviations (a deterministic seed, so a pass is a pass; the
 * bounds say a different seed would pass too with overwhelming odds).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <math.h>

#include "trace_rng.h"

#define DRAWS 100000

static void splitmix64_test_vector(void **state)
{
    /* the five first outputs for seed 1234567 in Vigna's reference splitmix64.c */
    const guint64 expected[] = {
        G_GUINT64_CONSTANT(6457827717110365317),  G_GUINT64_CONSTANT(3203168211198807973),
        G_GUINT64_CONSTANT(9817491932198370423),  G_GUINT64_CONSTANT(4593380528125082431),
        G_GUINT64_CONSTANT(16408922859458223821),
    };
    trace_rng_t rng;
    (void)state;

    trace_rng_seed(&rng, 1234567);
    for (gsize i = 0; i < G_N_ELEMENTS(expected); i++) {
        assert_true(trace_rng_next(&rng) == expected[i]);
    }
}

static void below_is_in_range_and_uniform(void **state)
{
    /* 10 cells of 10000 expected each: chi-square with 9 degrees of freedom
     * exceeds 33.7 with probability 1e-4 */
    guint counts[10] = {0};
    double chi2 = 0.0;
    trace_rng_t rng;
    (void)state;

    trace_rng_seed(&rng, 7);
    for (guint i = 0; i < DRAWS; i++) {
        guint64 x = trace_rng_below(&rng, 10);
        assert_true(x < 10);
        counts[x]++;
    }
    for (guint i = 0; i < 10; i++) {
        double d = (double)counts[i] - DRAWS / 10.0;
        chi2 += d * d / (DRAWS / 10.0);
    }
    assert_true(chi2 < 33.7);
    assert_true(trace_rng_below(&rng, 1) == 0);
}

static void between_covers_both_ends(void **state)
{
    gboolean seen_lo = FALSE, seen_hi = FALSE;
    trace_rng_t rng;
    (void)state;

    trace_rng_seed(&rng, 3);
    for (guint i = 0; i < 1000; i++) {
        int64_t x = trace_rng_between(&rng, -2, 2);
        assert_true(x >= -2 && x <= 2);
        seen_lo |= x == -2;
        seen_hi |= x == 2;
    }
    assert_true(seen_lo && seen_hi);
    assert_true(trace_rng_between(&rng, 5, 5) == 5);
    /* the whole int64_t range must not overflow the span */
    (void)trace_rng_between(&rng, G_MININT64, G_MAXINT64);
}

static void unit_is_uniform(void **state)
{
    /* mean of U(0,1) is 1/2, its sd 1/sqrt(12): 4 sd of the mean = 0.0037 */
    double sum = 0.0;
    trace_rng_t rng;
    (void)state;

    trace_rng_seed(&rng, 11);
    for (guint i = 0; i < DRAWS; i++) {
        double u = trace_rng_unit(&rng);
        assert_true(u >= 0.0 && u < 1.0);
        sum += u;
    }
    assert_true(fabs(sum / DRAWS - 0.5) < 4.0 / sqrt(12.0 * DRAWS));
}

static void exponential_has_mean_one_and_the_right_tail(void **state)
{
    /* Exp(1): mean 1 and sd 1, so 4 sd of the mean = 4/sqrt(n) = 0.0126;
     * P(X > 1) = e^-1 and P(X > 3) = e^-3, binomial 4 sd each */
    double sum = 0.0;
    guint over1 = 0, over3 = 0;
    double p1 = exp(-1.0), p3 = exp(-3.0);
    trace_rng_t rng;
    (void)state;

    trace_rng_seed(&rng, 13);
    for (guint i = 0; i < DRAWS; i++) {
        double x = trace_rng_exponential(&rng);
        assert_true(x >= 0.0);
        sum += x;
        over1 += x > 1.0;
        over3 += x > 3.0;
    }
    assert_true(fabs(sum / DRAWS - 1.0) < 4.0 / sqrt(DRAWS));
    assert_true(fabs((double)over1 / DRAWS - p1) < 4.0 * sqrt(p1 * (1 - p1) / DRAWS));
    assert_true(fabs((double)over3 / DRAWS - p3) < 4.0 * sqrt(p3 * (1 - p3) / DRAWS));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(splitmix64_test_vector),
        cmocka_unit_test(below_is_in_range_and_uniform),
        cmocka_unit_test(between_covers_both_ends),
        cmocka_unit_test(unit_is_uniform),
        cmocka_unit_test(exponential_has_mean_one_and_the_right_tail),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
