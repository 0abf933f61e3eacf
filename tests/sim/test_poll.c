/*
 * The polling model on a hand-made trace, every time and count worked out by
 * hand. Trace: pull-up (1 = released), press at 1.000 ms with a bounce
 * 1.200..1.250 ms, release at 10.000 ms, ends at 20 ms; truth (1 ms, 10 ms).
 */
#include "sim_test_util.h"

static const int64_t edges[] = {1000 * US, 1200 * US, 1250 * US, 10000 * US};

static trace_t *press_trace(void)
{
    trace_t *t = make_trace(TRUE, edges, G_N_ELEMENTS(edges), 20 * MS);
    trace_add_truth(t, 1 * MS, 10 * MS);
    return t;
}

static void base_config(sim_config_t *cfg, debounce_algo_t algo, int64_t window_ns)
{
    sim_config_init(cfg);
    cfg->algo = algo;
    cfg->press_window_ns = cfg->release_window_ns = window_ns;
    cfg->interval_ns = 1 * MS;
    cfg->phase_ns = 500 * US;
}

/* Reads at 0.5, 1.5, ..., 19.5 ms: 20 of them. 1.5 sees pressed: wait from
 * 1.5 for 2 ms; 3.5 reports. 10.5 sees released; 12.5 reports. */
static void defer_reports_after_window(void **state)
{
    g_autoptr(trace_t) t = press_trace();
    sim_config_t cfg;
    sim_metrics_t m;
    (void)state;

    base_config(&cfg, DEBOUNCE_DEFER, 2 * MS);
    g_autoptr(sim_result_t) r = EXPECT(t, &cfg, PR(3500 * US), RL(12500 * US));
    assert_int_equal(r->polls, 20);
    sim_metrics_compute(t, &cfg, r, &m, NULL);
    assert_int_equal(m.presses_true, 1);
    assert_int_equal(m.presses_detected, 1);
    assert_int_equal(m.missed_presses + m.false_presses, 0);
    assert_int_equal(m.missed_releases + m.false_releases, 0);
    assert_float_equal(m.press_latency_median_us, 2500.0, 1e-9);
    assert_float_equal(m.press_latency_p99_us, 2500.0, 1e-9);
    assert_float_equal(m.release_latency_median_us, 2500.0, 1e-9);
    assert_int_equal(m.cpu_entries, 20);
    assert_float_equal(m.cpu_entries_per_press, 20.0, 1e-9);
}

/* none, 1 ms reads: the bounce falls between reads. */
static void none_misses_bounce_between_reads(void **state)
{
    g_autoptr(trace_t) t = press_trace();
    sim_config_t cfg;
    (void)state;

    base_config(&cfg, DEBOUNCE_NONE, 0);
    g_autoptr(sim_result_t) r = EXPECT(t, &cfg, PR(1500 * US), RL(10500 * US));
    (void)r;
}

/* none, reads every 0.1 ms from 0: 1.0 sees the press (an edge at a read
 * counts as done), 1.2 the bounce up, 1.3 down again, 10.0 the release.
 * Scoring: P@1.0 matched (0 us), P@1.3 false; R@1.2 is before the true
 * release at 10 ms, so false; R@10.0 matched. 201 reads (0..20 ms). */
static void none_sees_bounce_at_fast_reads(void **state)
{
    g_autoptr(trace_t) t = press_trace();
    sim_config_t cfg;
    sim_metrics_t m;
    (void)state;

    base_config(&cfg, DEBOUNCE_NONE, 0);
    cfg.interval_ns = 100 * US;
    cfg.phase_ns = 0;
    g_autoptr(sim_result_t) r =
        EXPECT(t, &cfg, PR(1000 * US), RL(1200 * US), PR(1300 * US), RL(10000 * US));
    assert_int_equal(r->polls, 201);
    sim_metrics_compute(t, &cfg, r, &m, NULL);
    assert_int_equal(m.presses_detected, 2);
    assert_int_equal(m.false_presses, 1);
    assert_int_equal(m.false_releases, 1);
    assert_int_equal(sim_metrics_false(&m), 2);
    assert_int_equal(sim_metrics_missed(&m), 0);
    assert_float_equal(m.press_latency_max_us, 0.0, 1e-9);
}

/* Kuhn's integrator, N = ceil(3 ms / 1 ms) = 3: 1.5, 2.5, 3.5 count up. */
static void integrator_counts_reads(void **state)
{
    g_autoptr(trace_t) t = press_trace();
    sim_config_t cfg;
    (void)state;

    base_config(&cfg, DEBOUNCE_INTEGRATOR, 3 * MS);
    g_autoptr(sim_result_t) r = EXPECT(t, &cfg, PR(3500 * US), RL(12500 * US));
    (void)r;
}

/* The tutorial's first loop: every read that sees pressed counts (1.5..9.5 ms:
 * 9 counts, the first matched at 500 us, 8 false). */
static void level_count_counts_every_read(void **state)
{
    g_autoptr(trace_t) t = press_trace();
    sim_config_t cfg;
    sim_metrics_t m;
    (void)state;

    base_config(&cfg, DEBOUNCE_NONE, 0);
    cfg.count = SIM_COUNT_LEVEL;
    g_autoptr(sim_result_t) r =
        EXPECT(t, &cfg, PR(1500 * US), PR(2500 * US), PR(3500 * US), PR(4500 * US), PR(5500 * US),
               PR(6500 * US), PR(7500 * US), PR(8500 * US), PR(9500 * US));
    sim_metrics_compute(t, &cfg, r, &m, NULL);
    assert_int_equal(m.false_presses, 8);
    assert_false(m.releases_scored);
    assert_int_equal(sim_metrics_missed(&m), 0);
}

/* Hold-off 3 ms on ticks_ms: counts at 1.5 (ms 1); next needs ms - 1 > 3,
 * i.e. ms 5: the read at 5.5; then ms 9: 9.5. */
static void level_count_with_holdoff(void **state)
{
    g_autoptr(trace_t) t = press_trace();
    sim_config_t cfg;
    (void)state;

    base_config(&cfg, DEBOUNCE_NONE, 0);
    cfg.count = SIM_COUNT_LEVEL;
    cfg.holdoff_ns = 3 * MS;
    g_autoptr(sim_result_t) r = EXPECT(t, &cfg, PR(1500 * US), PR(5500 * US), PR(9500 * US));
    (void)r;
}

/* A main loop checking a flag every 5 ms: 3.5 -> 5.0, 12.5 -> 15.0. */
static void main_loop_delays_to_next_check(void **state)
{
    g_autoptr(trace_t) t = press_trace();
    sim_config_t cfg;
    sim_metrics_t m;
    (void)state;

    base_config(&cfg, DEBOUNCE_DEFER, 2 * MS);
    cfg.main_loop_ns = 5 * MS;
    g_autoptr(sim_result_t) r = EXPECT(t, &cfg, PR(5 * MS), RL(15 * MS));
    sim_metrics_compute(t, &cfg, r, &m, NULL);
    assert_float_equal(m.press_latency_median_us, 4000.0, 1e-9);
    assert_float_equal(m.release_latency_median_us, 5000.0, 1e-9);
}

/* The same run with the core's tick counter 5 ms before the 2^32 wrap, and
 * straddling 2^31: the same events. */
static void tick_wrap_changes_nothing(void **state)
{
    g_autoptr(trace_t) t = press_trace();
    const uint32_t starts[] = {UINT32_MAX - 5000u + 1u, 0x80000000u - 3000u};
    (void)state;

    for (gsize i = 0; i < G_N_ELEMENTS(starts); i++) {
        sim_config_t cfg;
        base_config(&cfg, DEBOUNCE_DEFER, 2 * MS);
        cfg.tick_start = starts[i];
        g_autoptr(sim_result_t) r = EXPECT(t, &cfg, PR(3500 * US), RL(12500 * US));
        (void)r;
        base_config(&cfg, DEBOUNCE_LOCKOUT, 2 * MS);
        cfg.tick_start = starts[i];
        g_autoptr(sim_result_t) r2 = EXPECT(t, &cfg, PR(1500 * US), RL(10500 * US));
        (void)r2;
    }
}

/* Cost grows with edges, not reads: one hour polled every 10 us is 3.6e8
 * reads, but the simulator only updates the core near the 4 edges. */
static void jumping_updates_only_near_edges(void **state)
{
    const int64_t hour_edges[] = {1000 * MS, 1000 * MS + 200 * US, 1000 * MS + 250 * US,
                                  3000000 * MS};
    g_autoptr(trace_t) t = make_trace(TRUE, hour_edges, G_N_ELEMENTS(hour_edges), 3600000 * MS);
    sim_config_t cfg;
    (void)state;

    base_config(&cfg, DEBOUNCE_DEFER, 2 * MS);
    cfg.interval_ns = 10 * US;
    cfg.phase_ns = 0;
    g_autoptr(sim_result_t) r =
        EXPECT(t, &cfg, PR(1000 * MS + 2250 * US), RL(3000000 * MS + 2000 * US));
    assert_int_equal(r->polls, 360000001);
    /* a read at or after each edge and each deadline: 4 edges + 2 deadlines */
    assert_true(r->updates <= 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defer_reports_after_window),
        cmocka_unit_test(none_misses_bounce_between_reads),
        cmocka_unit_test(none_sees_bounce_at_fast_reads),
        cmocka_unit_test(integrator_counts_reads),
        cmocka_unit_test(level_count_counts_every_read),
        cmocka_unit_test(level_count_with_holdoff),
        cmocka_unit_test(main_loop_delays_to_next_check),
        cmocka_unit_test(tick_wrap_changes_nothing),
        cmocka_unit_test(jumping_updates_only_near_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
