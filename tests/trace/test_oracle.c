/*
 * The oracle on hand-made traces, settle time 20 ms unless said. Pull-up
 * wiring: 1 = released, 0 = pressed. Times in ms below, ns in the code.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "trace_oracle.h"

#define MS INT64_C(1000000)

static trace_t *make(const int64_t *times_ms, gsize n, int64_t end_ms)
{
    trace_t *t = trace_new("t", TRUE, TRUE, 0);
    gboolean level = TRUE;
    for (gsize i = 0; i < n; i++) {
        level = !level;
        trace_push_level(t, times_ms[i] * MS / 10, level); /* times given in 0.1 ms */
    }
    t->end_ns = end_ms * MS;
    return t;
}

static void bouncy_press_and_release(void **state)
{
    /* press bounces 10.0..11.5 ms, release bounces 100.0..100.8 ms */
    const int64_t times[] = {100, 102, 105, 108, 115, 1000, 1003, 1008};
    g_autoptr(trace_t) t = make(times, G_N_ELEMENTS(times), 200);
    g_autoptr(GArray) changes = trace_oracle_changes(t, TRACE_ORACLE_SETTLE_NS_DEFAULT);
    (void)state;

    assert_int_equal(changes->len, 2);
    trace_change_t *press = &g_array_index(changes, trace_change_t, 0);
    trace_change_t *release = &g_array_index(changes, trace_change_t, 1);
    assert_true(press->to_pressed);
    assert_int_equal(press->first_edge, 0);
    assert_int_equal(press->last_edge, 4);
    assert_false(release->to_pressed);
    assert_int_equal(release->first_edge, 5);
    assert_int_equal(release->last_edge, 7);

    trace_oracle_fill_truth(t, TRACE_ORACLE_SETTLE_NS_DEFAULT);
    assert_int_equal(trace_n_truth(t), 1);
    assert_int_equal(trace_truth_at(t, 0)->press_ns, 10 * MS);
    assert_int_equal(trace_truth_at(t, 0)->release_ns, 100 * MS);
}

static void glitch_is_not_a_press(void **state)
{
    /* 1 ms low pulse at 10 ms, then released for 50 ms; a real press at 80 ms */
    const int64_t times[] = {100, 110, 800, 1500};
    g_autoptr(trace_t) t = make(times, G_N_ELEMENTS(times), 200);
    (void)state;

    trace_oracle_fill_truth(t, TRACE_ORACLE_SETTLE_NS_DEFAULT);
    assert_int_equal(trace_n_truth(t), 1);
    assert_int_equal(trace_truth_at(t, 0)->press_ns, 80 * MS);
    assert_int_equal(trace_truth_at(t, 0)->release_ns, 150 * MS);
}

static void glitch_between_bounces_restarts_the_change(void **state)
{
    /* low 10..11 (glitch), high 11..40 (holds 29 ms: glitch over), press at 40 */
    const int64_t times[] = {100, 110, 400, 405, 410};
    g_autoptr(trace_t) t = make(times, G_N_ELEMENTS(times), 100);
    g_autoptr(GArray) changes = trace_oracle_changes(t, TRACE_ORACLE_SETTLE_NS_DEFAULT);
    (void)state;

    assert_int_equal(changes->len, 1);
    assert_int_equal(g_array_index(changes, trace_change_t, 0).first_edge, 2);
    assert_int_equal(g_array_index(changes, trace_change_t, 0).last_edge, 4);
}

static void press_held_at_the_end(void **state)
{
    /* pressed at 10 ms and still held (90 ms > settle) when the trace ends */
    const int64_t times[] = {100};
    g_autoptr(trace_t) t = make(times, G_N_ELEMENTS(times), 100);
    (void)state;

    trace_oracle_fill_truth(t, TRACE_ORACLE_SETTLE_NS_DEFAULT);
    assert_int_equal(trace_n_truth(t), 1);
    assert_int_equal(trace_truth_at(t, 0)->release_ns, TRACE_NO_RELEASE);
}

static void unconfirmed_at_the_end(void **state)
{
    /* pressed at 90 ms, trace ends at 100: 10 ms < settle, not confirmed */
    const int64_t times[] = {900};
    g_autoptr(trace_t) t = make(times, G_N_ELEMENTS(times), 100);
    (void)state;

    trace_oracle_fill_truth(t, TRACE_ORACLE_SETTLE_NS_DEFAULT);
    assert_int_equal(trace_n_truth(t), 0);
}

static void settle_time_decides(void **state)
{
    /* a 5 ms press: real with a 2 ms settle, a glitch with 20 ms */
    const int64_t times[] = {100, 150};
    g_autoptr(trace_t) t = make(times, G_N_ELEMENTS(times), 100);
    (void)state;

    trace_oracle_fill_truth(t, 2 * MS);
    assert_int_equal(trace_n_truth(t), 1);
    assert_int_equal(trace_truth_at(t, 0)->release_ns, 15 * MS);
    trace_oracle_fill_truth(t, 20 * MS);
    assert_int_equal(trace_n_truth(t), 0);
}

static void starts_pressed(void **state)
{
    /* initial level low (pressed): the first change is a release, with no interval */
    g_autoptr(trace_t) t = trace_new("t", FALSE, TRUE, 0);
    g_autoptr(GArray) changes = NULL;
    (void)state;

    trace_push_level(t, 10 * MS, TRUE);
    trace_push_level(t, 50 * MS, FALSE);
    trace_push_level(t, 90 * MS, TRUE);
    t->end_ns = 150 * MS;
    changes = trace_oracle_changes(t, TRACE_ORACLE_SETTLE_NS_DEFAULT);
    assert_int_equal(changes->len, 3);
    assert_false(g_array_index(changes, trace_change_t, 0).to_pressed);
    trace_oracle_fill_truth(t, TRACE_ORACLE_SETTLE_NS_DEFAULT);
    assert_int_equal(trace_n_truth(t), 1);
    assert_int_equal(trace_truth_at(t, 0)->press_ns, 50 * MS);
    assert_int_equal(trace_truth_at(t, 0)->release_ns, 90 * MS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bouncy_press_and_release),
        cmocka_unit_test(glitch_is_not_a_press),
        cmocka_unit_test(glitch_between_bounces_restarts_the_change),
        cmocka_unit_test(press_held_at_the_end),
        cmocka_unit_test(unconfirmed_at_the_end),
        cmocka_unit_test(settle_time_decides),
        cmocka_unit_test(starts_pressed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
