/*
 * Bounce statistics on a hand-made trace, settle 20 ms. Pull-up wiring:
 * 1 = released, 0 = pressed. Times in ms (x 1e6 ns in the code):
 *
 *   press 1    10, 10.2, 10.5          (0 1 0)     bounce 0.5 ms, 3 edges
 *   release 1  100, 100.1, 100.3       (1 0 1)     0.3 ms, 3 edges
 *   press 2    200                     (0)         0, 1 edge
 *   release 2  300                     (1)         0, 1 edge
 *   press 3    500, 500.25, 500.5, 500.75, 501 (0 1 0 1 0)  1 ms, 5 edges
 *   release 3  600                     (1)         0, 1 edge
 *   end 700
 *
 * Make: durations {0.5, 0, 1} ms sorted {0, 0.5, 1}: min 0, median 0.5 ms,
 * max 1 ms; edges {3, 1, 5}: min 1, median 3, max 5.
 * Break: {0.3, 0, 0} sorted {0, 0, 0.3}: min 0, median 0, max 0.3 ms;
 * edges {3, 1, 1}: min 1, median 1, max 3.
 * Shortest pulse: the gaps between consecutive edges are 0.2, 0.3, 89.5,
 * 0.1, 0.2, ... 0.25 ms: the least is 0.1 ms, high, from 100 ms.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "trace_oracle.h"
#include "trace_stats.h"

#define US INT64_C(1000)

static void bounce_statistics(void **state)
{
    const int64_t edges_us[] = {10000,  10200,  10500,  100000, 100100, 100300, 200000,
                                300000, 500000, 500250, 500500, 500750, 501000, 600000};
    g_autoptr(trace_t) t = trace_new("t", TRUE, TRUE, 0);
    gboolean level = TRUE;
    trace_stats_t s;
    (void)state;

    for (gsize i = 0; i < G_N_ELEMENTS(edges_us); i++) {
        level = !level;
        trace_push_level(t, edges_us[i] * US, level);
    }
    t->end_ns = 700000 * US;
    trace_stats_compute(t, TRACE_ORACLE_SETTLE_NS_DEFAULT, &s);

    assert_int_equal(s.presses, 3);
    assert_int_equal(s.releases, 3);
    assert_int_equal(s.make.n, 3);
    assert_int_equal(s.make.min_ns, 0);
    assert_int_equal(s.make.median_ns, 500 * US);
    assert_int_equal(s.make.max_ns, 1000 * US);
    assert_int_equal(s.make.edges_min, 1);
    assert_int_equal(s.make.edges_median, 3);
    assert_int_equal(s.make.edges_max, 5);

    assert_int_equal(s.brk.n, 3);
    assert_int_equal(s.brk.min_ns, 0);
    assert_int_equal(s.brk.median_ns, 0);
    assert_int_equal(s.brk.max_ns, 300 * US);
    assert_int_equal(s.brk.edges_min, 1);
    assert_int_equal(s.brk.edges_median, 1);
    assert_int_equal(s.brk.edges_max, 3);

    assert_true(s.has_pulse);
    assert_int_equal(s.shortest_pulse_ns, 100 * US);
    assert_int_equal(s.shortest_pulse_at_ns, 100000 * US);
    assert_true(s.shortest_pulse_level);
}

static void no_edges(void **state)
{
    g_autoptr(trace_t) t = trace_new("t", TRUE, TRUE, 0);
    trace_stats_t s;
    (void)state;

    t->end_ns = 1000;
    trace_stats_compute(t, TRACE_ORACLE_SETTLE_NS_DEFAULT, &s);
    assert_int_equal(s.make.n, 0);
    assert_int_equal(s.brk.n, 0);
    assert_false(s.has_pulse);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bounce_statistics),
        cmocka_unit_test(no_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
