/*
 * Fitting recovers the generator's parameters. For each profile with a
 * bounce, 10^4 presses generated from it are fitted, and the fit must give:
 *   - typical bounce within 3 %, bounce_max within 2 %, worst_rate within
 *     0.02 (absolute), mean rebounds within 10 %, hold and gap ranges within
 *     1 %, the shortest pulse exactly;
 *   - bounce durations that a two-sample Kolmogorov-Smirnov test cannot tell
 *     from the original's at the 1 % level: 10^4 presses generated from the
 *     fit (another seed) against the original 10^4, make and break each.
 * `noisy` is left out: its glitches within the settle time of a bounce are,
 * by the oracle's definition, part of that bounce, so its measured bounces
 * are not the generator's. The settle time of each profile is longer than its
 * longest bounce and shorter than its shortest hold (a rebound of a long
 * bounce can last half of it).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <math.h>

#include "stats.h"
#include "trace_fit.h"
#include "trace_gen.h"

#define PRESSES 10000u
#define MS      INT64_C(1000000)

static void assert_within(double got, double want, double rel, const char *what)
{
    if (!(fabs(got - want) <= rel * fabs(want))) {
        fail_msg("%s: fitted %g, generated from %g (tolerance %g %%)", what, got, want, rel * 100);
    }
}

static void check_bounce(const char *kind, const trace_gen_bounce_t *fit,
                         const trace_gen_bounce_t *truth)
{
    char what[64];

    g_snprintf(what, sizeof what, "%s bounce", kind);
    assert_within((double)fit->bounce_ns, (double)truth->bounce_ns, 0.03, what);
    g_snprintf(what, sizeof what, "%s bounce_max", kind);
    assert_within((double)fit->bounce_max_ns, (double)truth->bounce_max_ns, 0.02, what);
    if (fabs(fit->worst_rate - truth->worst_rate) > 0.02) {
        fail_msg("%s worst_rate: fitted %g, generated from %g", kind, fit->worst_rate,
                 truth->worst_rate);
    }
    g_snprintf(what, sizeof what, "%s pulses", kind);
    assert_within(fit->pulses, truth->pulses, 0.10, what);
    assert_int_equal(fit->min_pulse_ns, truth->min_pulse_ns);
}

static void check_ks(const trace_t *a, const trace_t *b, int64_t settle_ns, gboolean make)
{
    g_autoptr(GArray) x = trace_fit_durations(a, settle_ns, make);
    g_autoptr(GArray) y = trace_fit_durations(b, settle_ns, make);
    stats_ks_t ks =
        stats_ks_two_sample((const double *)x->data, x->len, (const double *)y->data, y->len);
    if (!(ks.p > 0.01)) {
        fail_msg("%s durations: KS distance %g, p = %g", make ? "make" : "break", ks.d, ks.p);
    }
}

static void fit_profile(const char *name, int64_t settle_ns)
{
    const trace_gen_profile_t *profile = trace_gen_profile_find(name);
    const trace_gen_params_t *truth = &profile->params;
    g_autoptr(trace_t) original = trace_gen(truth, 1, PRESSES, TRUE, name, NULL);
    g_autoptr(trace_t) again = NULL;
    const trace_t *traces[] = {original};
    trace_gen_params_t fit;
    trace_fit_report_t report;
    g_autoptr(GError) error = NULL;

    assert_non_null(original);
    assert_true(trace_fit(traces, 1, settle_ns, &fit, &report, &error));
    assert_int_equal(report.presses, PRESSES);
    check_bounce("make", &fit.make, &truth->make);
    check_bounce("break", &fit.brk, &truth->brk);
    assert_within((double)fit.hold_min_ns, (double)truth->hold_min_ns, 0.01, "hold_min");
    assert_within((double)fit.hold_max_ns, (double)truth->hold_max_ns, 0.01, "hold_max");
    assert_within((double)fit.gap_min_ns, (double)truth->gap_min_ns, 0.01, "gap_min");
    assert_within((double)fit.gap_max_ns, (double)truth->gap_max_ns, 0.01, "gap_max");
    /* the report: the longest bounce seen is within the fitted tail's end */
    assert_true(report.make.longest_ns <= fit.make.bounce_max_ns);
    assert_true(report.make.max_lo_ns <= report.make.max_hi_ns);

    again = trace_gen(&fit, 2, PRESSES, TRUE, name, &error);
    assert_non_null(again);
    check_ks(original, again, settle_ns, TRUE);
    check_ks(original, again, settle_ns, FALSE);
}

static void tactile(void **state)
{
    (void)state;
    fit_profile("tactile", 20 * MS);
}

static void worn(void **state)
{
    (void)state;
    fit_profile("worn", 50 * MS);
}

static void industrial(void **state)
{
    (void)state;
    fit_profile("industrial", 990 * MS);
}

static void keyswitch(void **state)
{
    (void)state;
    fit_profile("keyswitch", 20 * MS);
}

/* The model's 1-in-10^6 bounce: P(D > x) = worst_rate (max - x) / (max - hi)
 * in the tail, so for tactile's make (hi 2.25 ms, max 6.2 ms, 5 %) x =
 * 6.2 ms - 3.95 ms * 1e-6 / 0.05 = 6.2 ms - 79 ns. */
static void one_in_a_million(void **state)
{
    const trace_gen_bounce_t make = trace_gen_profile_find("tactile")->params.make;
    (void)state;
    assert_int_equal(trace_fit_quantile_ns(&make, 1e6), 6200000 - 79);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tactile),          cmocka_unit_test(worn),
        cmocka_unit_test(industrial),       cmocka_unit_test(keyswitch),
        cmocka_unit_test(one_in_a_million),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
