/* The trace model: edges from levels, look-ups, truth. Expected values by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "trace.h"
#include "trace_error.h"

static void push_keeps_only_changes(void **state)
{
    g_autoptr(trace_t) t = trace_new("t", TRUE, TRUE, 0);
    (void)state;

    assert_true(trace_push_level(t, 0, TRUE));   /* same as initial: no edge */
    assert_true(trace_push_level(t, 100, TRUE)); /* no change */
    assert_true(trace_push_level(t, 200, FALSE));
    assert_true(trace_push_level(t, 300, FALSE)); /* repeated level: no edge */
    assert_true(trace_push_level(t, 450, TRUE));
    assert_int_equal(trace_n_edges(t), 2);
    assert_int_equal(trace_edge_ns(t, 0), 200);
    assert_int_equal(trace_edge_ns(t, 1), 450);
    assert_false(trace_level_after(t, 0));
    assert_true(trace_level_after(t, 1));
    assert_int_equal(t->end_ns, 450);
    assert_true(trace_final_level(t));
}

static void push_rejects_time_going_back(void **state)
{
    g_autoptr(trace_t) t = trace_new("t", TRUE, TRUE, 1000);
    (void)state;

    assert_false(trace_push_level(t, 999, FALSE)); /* before the start */
    assert_true(trace_push_level(t, 1500, FALSE));
    assert_false(trace_push_level(t, 1500, TRUE)); /* same instant as the last edge */
    assert_false(trace_push_level(t, 1400, TRUE));
    assert_int_equal(trace_n_edges(t), 1);
}

static void change_at_start_sets_initial_level(void **state)
{
    g_autoptr(trace_t) t = trace_new("t", TRUE, TRUE, 0);
    (void)state;

    assert_true(trace_push_level(t, 0, FALSE));
    assert_int_equal(trace_n_edges(t), 0);
    assert_false(t->initial_level);
}

static void level_at(void **state)
{
    g_autoptr(trace_t) t = trace_new("t", TRUE, TRUE, 0);
    (void)state;

    trace_push_level(t, 100, FALSE);
    trace_push_level(t, 200, TRUE);
    trace_push_level(t, 300, FALSE);
    assert_true(trace_level_at(t, 0));
    assert_true(trace_level_at(t, 99));
    assert_false(trace_level_at(t, 100)); /* an edge at t counts as done */
    assert_false(trace_level_at(t, 199));
    assert_true(trace_level_at(t, 200));
    assert_false(trace_level_at(t, 1000000));
    assert_int_equal(trace_edges_upto(t, 99), 0);
    assert_int_equal(trace_edges_upto(t, 100), 1);
    assert_int_equal(trace_edges_upto(t, 250), 2);
    assert_int_equal(trace_edges_upto(t, 300), 3);
}

static void truth_list(void **state)
{
    g_autoptr(trace_t) t = trace_new("t", TRUE, TRUE, 0);
    (void)state;

    assert_int_equal(trace_n_truth(t), 0);
    trace_add_truth(t, 10, 20);
    trace_add_truth(t, 30, TRACE_NO_RELEASE);
    assert_int_equal(trace_n_truth(t), 2);
    assert_int_equal(trace_truth_at(t, 1)->press_ns, 30);
    assert_int_equal(trace_truth_at(t, 1)->release_ns, TRACE_NO_RELEASE);
}

/* Every time within +-2^61 ns passes; one ns beyond, in start, end or truth, fails. */
static void time_limit(void **state)
{
    const int64_t lim = INT64_C(2305843009213693952); /* 2^61, written out */
    g_autoptr(GError) error = NULL;
    (void)state;

    assert_int_equal(TRACE_TIME_LIMIT_NS, lim);
    g_autoptr(trace_t) t = trace_new("t", TRUE, TRUE, -lim);
    assert_true(trace_push_level(t, lim, FALSE));
    trace_add_truth(t, -lim, lim);
    trace_add_truth(t, 0, TRACE_NO_RELEASE);
    assert_true(trace_check_time_limit(t, NULL));

    t->end_ns = lim + 1;
    assert_false(trace_check_time_limit(t, &error));
    assert_true(g_error_matches(error, TRACE_ERROR, TRACE_ERROR_INVALID));
    assert_non_null(strstr(error->message, "the end at 2305843009213693953 ns is beyond"));
    g_clear_error(&error);
    t->end_ns = lim;

    t->start_ns = -lim - 1;
    assert_false(trace_check_time_limit(t, NULL));
    t->start_ns = -lim;

    trace_add_truth(t, INT64_MAX - 1, TRACE_NO_RELEASE);
    assert_false(trace_check_time_limit(t, &error));
    assert_non_null(strstr(error->message, "a true press at 9223372036854775806 ns"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(push_keeps_only_changes),
        cmocka_unit_test(push_rejects_time_going_back),
        cmocka_unit_test(change_at_start_sets_initial_level),
        cmocka_unit_test(level_at),
        cmocka_unit_test(truth_list),
        cmocka_unit_test(time_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
