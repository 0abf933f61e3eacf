/*
 * The simulator at the edges of time: traces at +-TRACE_TIME_LIMIT_NS and
 * configurations with durations of SIM_MAX_DURATION_NS run without overflow
 * (the sanitizer build turns any into a failure) and give the events of the
 * same trace at 0 shifted by the offset (the simulator only uses times
 * relative to the trace start: a second, independent expectation); one ns
 * beyond either limit is refused with a clear error.
 */
#include "sim_test_util.h"

#include "sim_error.h"
#include "trace_error.h"

/* Pull-up: press at 1 ms bouncing to 1.25 ms, release at 10 ms, end 20 ms. */
static const int64_t edges[] = {1000 * US, 1200 * US, 1250 * US, 10000 * US};

static trace_t *press_trace_at(int64_t offset_ns)
{
    trace_t *t = trace_new("limits", TRUE, TRUE, offset_ns);
    gboolean level = TRUE;
    for (gsize i = 0; i < G_N_ELEMENTS(edges); i++) {
        level = !level;
        assert_true(trace_push_level(t, offset_ns + edges[i], level));
    }
    t->end_ns = offset_ns + 20 * MS;
    trace_add_truth(t, offset_ns + 1 * MS, offset_ns + 10 * MS);
    return t;
}

static sim_result_t *run_ok(const trace_t *t, const sim_config_t *cfg)
{
    g_autoptr(GError) error = NULL;
    sim_result_t *r = sim_run(t, cfg, NULL, &error);
    if (r == NULL) {
        fail_msg("sim_run: %s", error->message);
    }
    return r;
}

/* Runs at 0 and at each offset; the events must be those at 0 plus the offset. */
static void check_shifted(const sim_config_t *cfg)
{
    const int64_t offsets[] = {TRACE_TIME_LIMIT_NS - 20 * MS, -TRACE_TIME_LIMIT_NS};
    g_autoptr(trace_t) t0 = press_trace_at(0);
    g_autoptr(sim_result_t) r0 = run_ok(t0, cfg);
    sim_metrics_t m;

    assert_true(r0->events->len > 0);
    for (gsize k = 0; k < G_N_ELEMENTS(offsets); k++) {
        g_autoptr(trace_t) t = press_trace_at(offsets[k]);
        g_autoptr(sim_result_t) r = run_ok(t, cfg);
        assert_int_equal(r->events->len, r0->events->len);
        assert_int_equal(sim_result_cpu_entries(r), sim_result_cpu_entries(r0));
        for (guint i = 0; i < r0->events->len; i++) {
            const sim_event_t *a = &g_array_index(r->events, sim_event_t, i);
            const sim_event_t *b = &g_array_index(r0->events, sim_event_t, i);
            assert_int_equal(a->kind, b->kind);
            assert_true(a->t_ns - offsets[k] == b->t_ns);
        }
        sim_metrics_compute(t, cfg, r, &m, NULL);
        assert_int_equal(m.presses_true, 1);
    }
}

/* defer 2 ms, reads every 1 ms from 0.5 ms: press seen at 1.5, reported at
 * 3.5; release seen at 10.5, reported at 12.5 (as in test_poll.c). */
static void poll_at_the_limits(void **state)
{
    sim_config_t cfg;
    (void)state;

    sim_config_init(&cfg);
    cfg.algo = DEBOUNCE_DEFER;
    cfg.press_window_ns = cfg.release_window_ns = 2 * MS;
    cfg.interval_ns = 1 * MS;
    cfg.phase_ns = 500 * US;
    {
        g_autoptr(trace_t) t = press_trace_at(TRACE_TIME_LIMIT_NS - 20 * MS);
        int64_t o = t->start_ns;
        g_autoptr(sim_result_t) r = EXPECT(t, &cfg, PR(o + 3500 * US), RL(o + 12500 * US));
        assert_int_equal(r->polls, 20);
    }
    check_shifted(&cfg);
    /* counting levels with a hold-off and a main loop: more sums of times */
    cfg.count = SIM_COUNT_LEVEL;
    cfg.holdoff_ns = 3 * MS;
    cfg.main_loop_ns = 7 * MS;
    check_shifted(&cfg);
}

/* Every duration at its largest: 365 days. One read at the phase, past the
 * trace end, so nothing is read; the sums must still not overflow. */
static void longest_durations(void **state)
{
    sim_config_t cfg;
    (void)state;

    sim_config_init(&cfg);
    cfg.interval_ns = SIM_MAX_DURATION_NS;
    cfg.phase_ns = SIM_MAX_DURATION_NS;
    cfg.jitter_ns = SIM_MAX_DURATION_NS - 1;
    cfg.holdoff_ns = SIM_MAX_DURATION_NS;
    cfg.main_loop_ns = SIM_MAX_DURATION_NS;
    {
        g_autoptr(trace_t) t = press_trace_at(TRACE_TIME_LIMIT_NS - 20 * MS);
        g_autoptr(sim_result_t) r = EXPECT_NONE(t, &cfg);
        assert_int_equal(r->polls, 0);
    }
    /* irq: entry 365 days after the first edge, past the end: no entry */
    fixed_irq(&cfg, SIM_MAX_DURATION_NS, SIM_MAX_DURATION_NS, SIM_MAX_DURATION_NS);
    cfg.irq_latency.jitter_ns = cfg.irq_latency.tail_ns = SIM_MAX_DURATION_NS;
    cfg.irq_latency.tail_ppm = 1000000;
    cfg.alarm_latency = cfg.irq_latency;
    cfg.holdoff_ns = cfg.main_loop_ns = 0;
    {
        g_autoptr(trace_t) t = press_trace_at(TRACE_TIME_LIMIT_NS - 20 * MS);
        g_autoptr(sim_result_t) r = EXPECT_NONE(t, &cfg);
        assert_int_equal(r->gpio_entries, 0);
    }
}

/* irq, entry 2 us, handler 1 us, lockout 1 ms: the first edge at 1.000 is
 * seen at 1.002 (press); the bounces at 1.200 and 1.250 pend entries at
 * 1.202 and 1.252 inside the lock; the lock ends at 2.002, alarm at 2.004
 * reads pressed (no event); the release at 10 is seen at 10.002, and its
 * lock's alarm at 11.004 changes nothing. */
static void irq_at_the_limits(void **state)
{
    sim_config_t cfg;
    (void)state;

    sim_config_init(&cfg);
    cfg.algo = DEBOUNCE_LOCKOUT;
    cfg.press_window_ns = cfg.release_window_ns = 1 * MS;
    fixed_irq(&cfg, 2 * US, 1 * US, 2 * US);
    {
        g_autoptr(trace_t) t = press_trace_at(-TRACE_TIME_LIMIT_NS);
        int64_t o = t->start_ns;
        g_autoptr(sim_result_t) r = EXPECT(t, &cfg, PR(o + 1002 * US), RL(o + 10002 * US));
        assert_int_equal(r->gpio_entries, 4);
        assert_int_equal(r->alarm_entries, 2);
    }
    check_shifted(&cfg);
    cfg.main_loop_ns = 3 * MS;
    check_shifted(&cfg);
}

/* One ns beyond: the trace or the duration is refused, saying which. */
static void beyond_the_limits(void **state)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(trace_t) t = press_trace_at(TRACE_TIME_LIMIT_NS - 20 * MS);
    sim_config_t cfg;
    (void)state;

    sim_config_init(&cfg);
    t->end_ns = TRACE_TIME_LIMIT_NS + 1;
    assert_null(sim_run(t, &cfg, NULL, &error));
    assert_true(g_error_matches(error, TRACE_ERROR, TRACE_ERROR_INVALID));
    assert_non_null(strstr(error->message, "the end at 2305843009213693953 ns is beyond"));
    g_clear_error(&error);
    t->end_ns = TRACE_TIME_LIMIT_NS;

    cfg.interval_ns = SIM_MAX_DURATION_NS + 1;
    assert_false(sim_config_validate(&cfg, &error));
    assert_string_equal(error->message, "the poll interval must be at most 365 days");
    g_clear_error(&error);
    sim_config_init(&cfg);
    cfg.main_loop_ns = SIM_MAX_DURATION_NS + 1;
    assert_false(sim_config_validate(&cfg, &error));
    assert_string_equal(error->message, "the main-loop period must be at most 365 days");
    g_clear_error(&error);
    sim_config_init(&cfg);
    fixed_irq(&cfg, 0, 0, 0);
    cfg.alarm_latency.tail_ns = SIM_MAX_DURATION_NS + 1;
    assert_false(sim_config_validate(&cfg, &error));
    assert_string_equal(error->message, "the alarm tail must be at most 365 days");
}

/* The simulator runs the core's own check on what it would hand the core (as the firmware does). */
static void core_refusals(void **state)
{
    g_autoptr(GError) error = NULL;
    sim_config_t cfg;
    (void)state;

    sim_config_init(&cfg);
    cfg.algo = DEBOUNCE_INTEGRATOR;
    cfg.press_window_ns = 0; /* ceil(0 / 1 ms) = 0 samples */
    assert_false(sim_config_validate(&cfg, &error));
    assert_true(g_error_matches(error, SIM_ERROR, SIM_ERROR_INVALID));
    assert_string_equal(error->message,
                        "integrator windows: a window of 0 samples (a counting algorithm needs 1 "
                        "or more)");
    g_clear_error(&error);
    cfg.press_window_ns = 1; /* 1 ns rounds up to 1 sample */
    assert_true(sim_config_validate(&cfg, &error));
    cfg.algo = DEBOUNCE_LOCKOUT;
    cfg.press_window_ns = 0; /* a lock of nothing is legal for the time-based algorithms */
    assert_true(sim_config_validate(&cfg, &error));
    cfg.algo = DEBOUNCE_ALGO_COUNT;
    assert_false(sim_config_validate(&cfg, &error));
    g_autofree char *unknown = g_strdup_printf("unknown algorithm %d", (int)DEBOUNCE_ALGO_COUNT);
    assert_string_equal(error->message, unknown);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(poll_at_the_limits), cmocka_unit_test(longest_durations),
        cmocka_unit_test(irq_at_the_limits),  cmocka_unit_test(beyond_the_limits),
        cmocka_unit_test(core_refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
