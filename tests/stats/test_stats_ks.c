/*
 * The KS test and the importance-sampling sums against hand-worked values
 * and the published critical values of Kolmogorov's distribution
 * (Q_KS(1.3581) = 0.05, Q_KS(1.6276) = 0.01, Q_KS(1) = 0.27).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <math.h>

#include "stats.h"

static void kolmogorov_distribution(void **state)
{
    (void)state;
    assert_true(fabs(stats_ks_q(1.3581) - 0.05) < 2e-5);
    assert_true(fabs(stats_ks_q(1.6276) - 0.01) < 2e-5);
    assert_true(fabs(stats_ks_q(1.0) - 0.2699996) < 1e-6);
    assert_true(stats_ks_q(0.0) == 1.0);
    assert_true(stats_ks_q(5.0) < 1e-20);
}

/* x = {1,2,3,4}, y = {2.5,3.5,5,6,7}: the CDFs differ most just after 4,
 * F_x = 1 against F_y = 2/5, so d = 0.6. */
static void distance_by_hand(void **state)
{
    const double x[] = {1, 2, 3, 4}, y[] = {2.5, 3.5, 5, 6, 7};
    const double same[] = {1, 2, 2, 3}, low[] = {0, 0.5}, high[] = {10, 11, 12};
    stats_ks_t r = stats_ks_two_sample(x, 4, y, 5);
    (void)state;

    assert_true(fabs(r.d - 0.6) < 1e-15);
    /* ties within and across samples step together */
    assert_true(stats_ks_two_sample(same, 4, same, 4).d == 0.0);
    assert_true(stats_ks_two_sample(same, 4, same, 4).p == 1.0);
    assert_true(stats_ks_two_sample(low, 2, high, 3).d == 1.0);
}

/* Two samples of one uniform stream pass, a 10 % shift fails. */
static void samples(void **state)
{
    enum { N = 4000 };
    double *a = g_new(double, N), *b = g_new(double, N), *c = g_new(double, N);
    guint64 s = 12345;
    (void)state;

    for (int i = 0; i < N; i++) {
        /* a 64-bit LCG (Knuth's MMIX constants) is plenty for this */
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        a[i] = (double)(s >> 11) / 9007199254740992.0;
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        b[i] = (double)(s >> 11) / 9007199254740992.0;
        c[i] = b[i] * 1.1;
    }
    stats_sort_doubles(a, N);
    stats_sort_doubles(b, N);
    stats_sort_doubles(c, N);
    assert_true(stats_ks_two_sample(a, N, b, N).p > 0.01);
    assert_true(stats_ks_two_sample(a, N, c, N).p < 1e-6);
    g_free(a);
    g_free(b);
    g_free(c);
}

static void weighted_sums(void **state)
{
    stats_weighted_t s = {0}, t = {0}, u = {0};
    (void)state;

    /* four unit weights, one failure: y = {1,0,0,0}, mean 1/4, sample
     * variance (3/16 + 3 * 1/16) / 3 = 1/4, se = sqrt(1/4 / 4) = 1/4 */
    stats_weighted_add(&s, 1.0, TRUE);
    for (int i = 0; i < 3; i++) {
        stats_weighted_add(&s, 1.0, FALSE);
    }
    assert_true(fabs(stats_weighted_mean(&s) - 0.25) < 1e-15);
    assert_true(fabs(stats_weighted_se(&s) - 0.25) < 1e-15);
    assert_true(fabs(stats_weighted_ess(&s) - 4.0) < 1e-15);

    /* y = {2, 0.5}: mean 1.25, variance 2 * 0.75^2 = 1.125, se = sqrt(1.125 / 2)
     * = 0.75; ess = 2.5^2 / 4.25 */
    stats_weighted_add(&t, 2.0, TRUE);
    stats_weighted_add(&u, 0.5, TRUE);
    stats_weighted_merge(&t, &u);
    assert_true(fabs(stats_weighted_mean(&t) - 1.25) < 1e-15);
    assert_true(fabs(stats_weighted_se(&t) - 0.75) < 1e-15);
    assert_true(fabs(stats_weighted_ess(&t) - 6.25 / 4.25) < 1e-15);
    assert_true(isnan(stats_weighted_se(&u)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kolmogorov_distribution),
        cmocka_unit_test(distance_by_hand),
        cmocka_unit_test(samples),
        cmocka_unit_test(weighted_sums),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
