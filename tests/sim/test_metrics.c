/* Scoring against the truth: matching rule and statistics, by hand. */
#include "sim_test_util.h"

#include <math.h>

static void add(sim_result_t *r, int64_t t, debounce_event_t kind)
{
    sim_event_t e = {t, kind};
    g_array_append_val(r->events, e);
}

/*
 * Truth: presses (10, 20), (30, 40), (50, 60) ms.
 * Events and how each scores:
 *   P@5   before the first true press           -> false
 *   P@11  first in [10, 30)                      -> press 0, 1000 us
 *   P@12  second in [10, 30)                     -> false
 *   R@19  before the first true release (20)     -> false
 *   R@21  first in [20, 40)                      -> release 0, 1000 us
 *   P@33  first in [30, 50)                      -> press 1, 3000 us
 *   R@45  first in [40, 60)                      -> release 1, 5000 us
 *   R@61  first in [60, ...)                     -> release 2, 1000 us
 * Press 2 (50 ms) has no match: missed.
 * Press latencies {1000, 3000}: min 1000, median 2000, p99 = 2nd of 2 = 3000.
 * Release latencies {1000, 1000, 5000}: median 1000, max 5000.
 */
static void matching_rule(void **state)
{
    g_autoptr(trace_t) t = trace_new("t", TRUE, TRUE, 0);
    g_autoptr(sim_result_t) r = sim_result_new(NULL);
    g_autoptr(GArray) matches = g_array_new(FALSE, FALSE, sizeof(sim_match_t));
    sim_config_t cfg;
    sim_metrics_t m;
    const gint want_index[] = {-1, 0, -1, -1, 0, 1, 1, 2};
    const double want_latency[] = {NAN, 1000, NAN, NAN, 1000, 3000, 5000, 1000};
    (void)state;

    sim_config_init(&cfg);
    t->end_ns = 100 * MS;
    trace_add_truth(t, 10 * MS, 20 * MS);
    trace_add_truth(t, 30 * MS, 40 * MS);
    trace_add_truth(t, 50 * MS, 60 * MS);
    add(r, 5 * MS, DEBOUNCE_EVENT_PRESS);
    add(r, 11 * MS, DEBOUNCE_EVENT_PRESS);
    add(r, 12 * MS, DEBOUNCE_EVENT_PRESS);
    add(r, 19 * MS, DEBOUNCE_EVENT_RELEASE);
    add(r, 21 * MS, DEBOUNCE_EVENT_RELEASE);
    add(r, 33 * MS, DEBOUNCE_EVENT_PRESS);
    add(r, 45 * MS, DEBOUNCE_EVENT_RELEASE);
    add(r, 61 * MS, DEBOUNCE_EVENT_RELEASE);
    r->polls = 300;

    sim_metrics_compute(t, &cfg, r, &m, matches);
    assert_int_equal(m.presses_true, 3);
    assert_int_equal(m.presses_detected, 4);
    assert_int_equal(m.missed_presses, 1);
    assert_int_equal(m.false_presses, 2);
    assert_true(m.releases_scored);
    assert_int_equal(m.releases_true, 3);
    assert_int_equal(m.releases_detected, 4);
    assert_int_equal(m.missed_releases, 0);
    assert_int_equal(m.false_releases, 1);
    assert_int_equal(sim_metrics_missed(&m), 1);
    assert_int_equal(sim_metrics_false(&m), 3);
    assert_float_equal(m.press_latency_min_us, 1000, 1e-9);
    assert_float_equal(m.press_latency_median_us, 2000, 1e-9);
    assert_float_equal(m.press_latency_p99_us, 3000, 1e-9);
    assert_float_equal(m.press_latency_max_us, 3000, 1e-9);
    assert_float_equal(m.release_latency_min_us, 1000, 1e-9);
    assert_float_equal(m.release_latency_median_us, 1000, 1e-9);
    assert_float_equal(m.release_latency_p99_us, 5000, 1e-9); /* ceil(2.97) = 3rd of 3 */
    assert_float_equal(m.release_latency_max_us, 5000, 1e-9);
    assert_int_equal(m.cpu_entries, 300);
    assert_float_equal(m.cpu_entries_per_press, 100.0, 1e-9);
    assert_int_equal(matches->len, 8);
    for (guint i = 0; i < 8; i++) {
        sim_match_t *x = &g_array_index(matches, sim_match_t, i);
        assert_int_equal(x->truth_index, want_index[i]);
        if (isnan(want_latency[i])) {
            assert_true(isnan(x->latency_us));
        } else {
            assert_float_equal(x->latency_us, want_latency[i], 1e-9);
        }
    }
}

/* Nearest-rank p99: of 1..100 us the 99th value (99); of 1..101 the
 * ceil(99.99) = 100th (100). Median of 1..100: (50 + 51) / 2. */
static void percentiles(void **state)
{
    (void)state;
    for (int n = 100; n <= 101; n++) {
        g_autoptr(trace_t) t = trace_new("t", TRUE, TRUE, 0);
        g_autoptr(sim_result_t) r = sim_result_new(NULL);
        sim_config_t cfg;
        sim_metrics_t m;
        sim_config_init(&cfg);
        for (int i = 0; i < n; i++) {
            /* press i at i*10 ms, detected (i+1) us later: latencies 1..n us */
            trace_add_truth(t, i * 10 * MS, i * 10 * MS + 5 * MS);
            add(r, i * 10 * MS + (i + 1) * US, DEBOUNCE_EVENT_PRESS);
        }
        sim_metrics_compute(t, &cfg, r, &m, NULL);
        assert_float_equal(m.press_latency_p99_us, n == 100 ? 99.0 : 100.0, 1e-9);
        assert_float_equal(m.press_latency_median_us, n == 100 ? 50.5 : 51.0, 1e-9);
        assert_int_equal(m.missed_releases, n); /* no release was reported */
    }
}

/* Nothing detected: latencies are NAN, everything missed. */
static void nothing_detected(void **state)
{
    g_autoptr(trace_t) t = trace_new("t", TRUE, TRUE, 0);
    g_autoptr(sim_result_t) r = sim_result_new(NULL);
    sim_config_t cfg;
    sim_metrics_t m;
    (void)state;

    sim_config_init(&cfg);
    trace_add_truth(t, 10 * MS, TRACE_NO_RELEASE);
    sim_metrics_compute(t, &cfg, r, &m, NULL);
    assert_int_equal(m.missed_presses, 1);
    assert_int_equal(m.releases_true, 0); /* a press still held at the end has no release */
    assert_true(isnan(m.press_latency_median_us));
    assert_true(isnan(m.release_latency_median_us));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(matching_rule),
        cmocka_unit_test(percentiles),
        cmocka_unit_test(nothing_detected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
