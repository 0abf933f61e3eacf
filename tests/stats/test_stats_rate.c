/*
 * Clopper-Pearson bounds against second methods: the k = 0 and k = n - 1
 * closed forms, the binomial CDF summed term by term at the returned bound
 * (it must be exactly the 5 % or 2.5 % tail), and the published 95 % upper
 * limits of a Poisson count (chi-square(0.95; 2k + 2) / 2) at n = 10^10.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <math.h>

#include "stats.h"

static void assert_close(double got, double want, double rel)
{
    if (!(fabs(got - want) <= rel * fabs(want))) {
        fail_msg("got %.17g, want %.17g (relative tolerance %g)", got, want, rel);
    }
}

/* P(Bin(n, p) <= k), summed term by term. */
static double binomial_cdf(int k, int n, double p)
{
    double sum = 0.0;
    for (int j = 0; j <= k; j++) {
        double c = 1.0;
        for (int i = 1; i <= j; i++) {
            c = c * (double)(n - j + i) / (double)i;
        }
        sum += c * pow(p, j) * pow(1.0 - p, n - j);
    }
    return sum;
}

static void zero_failures(void **state)
{
    const guint64 ns[] = {1, 2, 30, 1000, 3000000};
    (void)state;

    for (gsize i = 0; i < G_N_ELEMENTS(ns); i++) {
        double want = 1.0 - pow(0.05, 1.0 / (double)ns[i]);
        assert_close(stats_rate_upper95(0, ns[i]), want, 1e-9);
        assert_close(stats_rate_zero_upper95(ns[i]), want, 1e-9);
        /* the beta quantile path agrees with the closed form */
        assert_close(stats_beta_quantile(0.95, 1.0, (double)ns[i]), want, 1e-9);
    }
    /* 30 clean presses: below about 10 % (STATS.md) */
    assert_close(stats_rate_upper95(0, 30), 0.0950, 1e-3);
    /* rule of three: about 3/n */
    assert_close(stats_rate_upper95(0, 1000000000) * 1e9, 2.995732, 1e-6);
}

static void all_but_one_fail(void **state)
{
    const guint64 ns[] = {2, 10, 500};
    (void)state;

    /* k = n - 1: B(0.95; n, 1) = 0.95^(1/n) */
    for (gsize i = 0; i < G_N_ELEMENTS(ns); i++) {
        assert_close(stats_rate_upper95(ns[i] - 1, ns[i]), pow(0.95, 1.0 / (double)ns[i]), 1e-12);
    }
    assert_true(stats_rate_upper95(7, 7) == 1.0);
}

static void binomial_tail_at_bound(void **state)
{
    const int cases[][2] = {{1, 10}, {3, 30}, {7, 50}, {20, 60}};
    (void)state;

    for (gsize c = 0; c < G_N_ELEMENTS(cases); c++) {
        int k = cases[c][0], n = cases[c][1];
        double hi = stats_rate_upper95((guint64)k, (guint64)n);
        stats_interval_t iv = stats_rate_interval95((guint64)k, (guint64)n);
        assert_close(binomial_cdf(k, n, hi), 0.05, 1e-9);
        assert_close(binomial_cdf(k, n, iv.hi), 0.025, 1e-9);
        /* lo: P(Bin(n, lo) >= k) = 0.025 */
        assert_close(1.0 - binomial_cdf(k - 1, n, iv.lo), 0.025, 1e-8);
        assert_true(iv.lo < (double)k / n && (double)k / n < hi && hi < iv.hi);
    }
    /* 1 in 10, two-sided: lo has the closed form 1 - 0.975^(1/10) */
    assert_close(stats_rate_interval95(1, 10).lo, 1.0 - pow(0.975, 0.1), 1e-9);
    /* the textbook figure for 1 in 10, one-sided 95 %: 0.394 */
    assert_close(stats_rate_upper95(1, 10), 0.3942, 1e-3);
}

/* At n = 10^10 the binomial bound is the Poisson one to ~k/n: n times the
 * bound is the 95 % upper limit of a Poisson count k. */
static void poisson_limits(void **state)
{
    const struct {
        guint64 k;
        double limit;
    } table[] = {{0, 2.995732}, {1, 4.743865}, {2, 6.295794},
                 {3, 7.753657}, {5, 10.51303}, {10, 16.96222}};
    (void)state;

    for (gsize i = 0; i < G_N_ELEMENTS(table); i++) {
        assert_close(stats_rate_upper95(table[i].k, 10000000000ull) * 1e10, table[i].limit, 2e-6);
    }
    /* at 10^12 presses as well (the largest run stress accepts) */
    assert_close(stats_rate_upper95(3, 1000000000000ull) * 1e12, 7.753657, 2e-6);
}

static void trials_needed(void **state)
{
    const double rates[] = {0.1, 1e-3, 1e-6};
    (void)state;

    for (gsize i = 0; i < G_N_ELEMENTS(rates); i++) {
        guint64 n = stats_rate_trials_needed(rates[i]);
        assert_true(stats_rate_zero_upper95(n) <= rates[i]);
        assert_true(stats_rate_zero_upper95(n - 1) > rates[i]);
    }
    /* about 3 million clean presses for 1 per million (STATS.md): ln 0.05 /
     * ln(1 - 1e-6) = 2995730.77, so 2995731 */
    assert_int_equal(stats_rate_trials_needed(1e-6), 2995731);
    assert_int_equal(stats_rate_trials_needed(0.0), 0);
    assert_int_equal(stats_rate_trials_needed(1.0), 0);
}

static void bad_counts(void **state)
{
    (void)state;
    assert_true(isnan(stats_rate_upper95(0, 0)));
    assert_true(isnan(stats_rate_upper95(5, 4)));
    assert_true(isnan(stats_rate_interval95(5, 4).lo));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(zero_failures),          cmocka_unit_test(all_but_one_fail),
        cmocka_unit_test(binomial_tail_at_bound), cmocka_unit_test(poisson_limits),
        cmocka_unit_test(trials_needed),          cmocka_unit_test(bad_counts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
