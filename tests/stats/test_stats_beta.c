/*
 * The incomplete beta against second methods: closed forms (I_x(1, b) =
 * 1 - (1-x)^b, I_x(a, 1) = x^a, I_x(1/2, 1/2) = 2/pi asin(sqrt x)), the
 * binomial sum that equals it at integer a, b, symmetry, a Simpson
 * integration of the density, and the Poisson limit at huge b.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <math.h>

#include "stats.h"

/* Relative closeness, with an absolute floor for values near 0. */
static void assert_close(double got, double want, double rel)
{
    double tol = rel * fmax(fabs(want), 1e-300);
    if (!(fabs(got - want) <= tol)) {
        fail_msg("got %.17g, want %.17g (relative tolerance %g)", got, want, rel);
    }
}

/* P(Bin(n, x) >= a), summed term by term: equals I_x(a, n - a + 1). */
static double binomial_upper_tail(int a, int n, double x)
{
    double sum = 0.0;
    for (int j = a; j <= n; j++) {
        double c = 1.0; /* C(n, j) built up as a product */
        for (int i = 1; i <= j; i++) {
            c = c * (double)(n - j + i) / (double)i;
        }
        sum += c * pow(x, j) * pow(1.0 - x, n - j);
    }
    return sum;
}

static void closed_forms(void **state)
{
    const double xs[] = {1e-9, 0.01, 0.2, 0.5, 0.77, 0.999};
    const double ps[] = {1.0, 2.5, 7.0, 1000.0};
    (void)state;

    for (gsize i = 0; i < G_N_ELEMENTS(xs); i++) {
        for (gsize j = 0; j < G_N_ELEMENTS(ps); j++) {
            double x = xs[i], p = ps[j];
            assert_close(stats_beta_inc(1.0, p, x), -expm1(p * log1p(-x)), 1e-12);
            assert_close(stats_beta_inc(p, 1.0, x), pow(x, p), 1e-12);
        }
        assert_close(stats_beta_inc(0.5, 0.5, xs[i]), 2.0 / G_PI * asin(sqrt(xs[i])), 1e-12);
    }
    assert_true(stats_beta_inc(2.0, 3.0, 0.0) == 0.0);
    assert_true(stats_beta_inc(2.0, 3.0, 1.0) == 1.0);
    assert_true(isnan(stats_beta_inc(0.0, 3.0, 0.5)));
}

static void integer_arguments_are_binomial_tails(void **state)
{
    const int cases[][2] = {{2, 3}, {5, 5}, {3, 28}, {12, 40}, {30, 31}};
    const double xs[] = {0.02, 0.1, 0.35, 0.5, 0.8};
    (void)state;

    for (gsize c = 0; c < G_N_ELEMENTS(cases); c++) {
        int a = cases[c][0], b = cases[c][1];
        for (gsize i = 0; i < G_N_ELEMENTS(xs); i++) {
            double want = binomial_upper_tail(a, a + b - 1, xs[i]);
            if (want > 1e-250) {
                assert_close(stats_beta_inc(a, b, xs[i]), want, 1e-10);
            }
        }
    }
}

static void symmetry(void **state)
{
    const double as[] = {0.5, 3.0, 40.5, 1e4};
    (void)state;

    for (gsize i = 0; i < G_N_ELEMENTS(as); i++) {
        assert_close(stats_beta_inc(as[i], as[i], 0.5), 0.5, 1e-10);
        assert_close(stats_beta_inc(as[i], 2.0 * as[i], 0.3) +
                         stats_beta_inc(2.0 * as[i], as[i], 0.7),
                     1.0, 1e-10);
    }
}

/* Simpson's rule on x^(a-1) (1-x)^(b-1) / B(a, b) over [0, x]; a, b >= 2 so
 * the integrand's derivatives are bounded. 20000 panels: error far below 1e-9. */
static double simpson(double a, double b, double x)
{
    const int panels = 20000;
    double h = x / panels, sum = 0.0;
    for (int i = 0; i <= panels; i++) {
        double t = i * h;
        double f = i == 0 ? 0.0 : exp((a - 1) * log(t) + (b - 1) * log1p(-t));
        sum += f * (i == 0 || i == panels ? 1.0 : (i % 2 ? 4.0 : 2.0));
    }
    return sum * h / 3.0 / exp(lgamma(a) + lgamma(b) - lgamma(a + b));
}

static void numeric_integration(void **state)
{
    const double cases[][3] = {
        {2.5, 3.7, 0.3}, {2.5, 3.7, 0.8}, {3.0, 12.25, 0.05}, {7.5, 2.5, 0.9}, {20.0, 30.0, 0.4}};
    (void)state;

    for (gsize c = 0; c < G_N_ELEMENTS(cases); c++) {
        assert_close(stats_beta_inc(cases[c][0], cases[c][1], cases[c][2]),
                     simpson(cases[c][0], cases[c][1], cases[c][2]), 1e-8);
    }
}

/* b = 10^12, x = lambda / b: I_x(k + 1, b) is P(Poisson(lambda) >= k + 1)
 * to within about lambda^2 / b, and the log beta must not cancel. */
static void poisson_limit(void **state)
{
    const double b = 1e12, lambda = 5.0;
    (void)state;

    /* P(Poisson(5) >= 3) = 1 - e^-5 (1 + 5 + 12.5) */
    assert_close(stats_beta_inc(3.0, b, lambda / b), 1.0 - 18.5 * exp(-5.0), 1e-9);
    /* P(Poisson(5) >= 1) = 1 - e^-5 */
    assert_close(stats_beta_inc(1.0, b, lambda / b), -expm1(-5.0), 1e-9);
    /* the log beta against the plain lgamma sum where that is exact enough */
    assert_close(stats_log_beta(3.0, 50.0), lgamma(3.0) + lgamma(50.0) - lgamma(53.0), 1e-13);
    assert_close(stats_log_beta(30.0, 50.0), lgamma(30.0) + lgamma(50.0) - lgamma(80.0), 1e-13);
    /* ln B(1, b) = -ln b exactly */
    assert_close(stats_log_beta(1.0, 1e12), -log(1e12), 1e-14);
}

static void quantile_inverts(void **state)
{
    const double cases[][2] = {{1.0, 30.0}, {2.5, 3.7}, {11.0, 1e9 - 10.0}, {0.5, 0.5}, {1e5, 1e5}};
    const double ps[] = {0.025, 0.5, 0.95, 0.975};
    (void)state;

    for (gsize c = 0; c < G_N_ELEMENTS(cases); c++) {
        for (gsize i = 0; i < G_N_ELEMENTS(ps); i++) {
            double x = stats_beta_quantile(ps[i], cases[c][0], cases[c][1]);
            assert_close(stats_beta_inc(cases[c][0], cases[c][1], x), ps[i], 1e-9);
        }
    }
    /* B(p; 1, n) = 1 - (1-p)^(1/n) and B(p; n, 1) = p^(1/n) in closed form */
    assert_close(stats_beta_quantile(0.95, 1.0, 1e6), -expm1(log(0.05) / 1e6), 1e-10);
    assert_close(stats_beta_quantile(0.95, 40.0, 1.0), pow(0.95, 1.0 / 40.0), 1e-12);
    assert_true(stats_beta_quantile(0.0, 2.0, 3.0) == 0.0);
    assert_true(stats_beta_quantile(1.0, 2.0, 3.0) == 1.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(closed_forms),  cmocka_unit_test(integer_arguments_are_binomial_tails),
        cmocka_unit_test(symmetry),      cmocka_unit_test(numeric_integration),
        cmocka_unit_test(poisson_limit), cmocka_unit_test(quantile_inverts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
