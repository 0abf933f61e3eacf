/*
 * The interrupt model on hand-made traces, with fixed timing: entry latency
 * 2 us, handler 3 us, alarm latency 1 us (no jitter). Pull-up: 1 = released.
 * Every entry, event and count below is worked out by hand in the comments.
 */
#include "sim_test_util.h"

/* Press at 1000 us bouncing up at 1001 and down at 1003; release at 50 ms. */
static const int64_t bouncy[] = {1000 * US, 1001 * US, 1003 * US, 50000 * US};

static trace_t *bouncy_trace(void)
{
    trace_t *t = make_trace(TRUE, bouncy, G_N_ELEMENTS(bouncy), 100 * MS);
    trace_add_truth(t, 1000 * US, 50000 * US);
    return t;
}

static void irq_config(sim_config_t *cfg, debounce_algo_t algo, sim_trigger_t trigger,
                       int64_t window_ns)
{
    sim_config_init(cfg);
    cfg->algo = algo;
    cfg->press_window_ns = cfg->release_window_ns = window_ns;
    cfg->trigger = trigger;
    fixed_irq(cfg, 2 * US, 3 * US, 1 * US);
}

/* Falling only: 1000 pends, entry at 1002 reads high (the bounce at 1001):
 * no press. 1003 falls during the handler (1002..1005): pends again, entry
 * at max(1003, 1005) + 2 = 1007 reads low: press. The rising release never
 * interrupts: the release is missed. */
static void falling_reads_level_at_entry(void **state)
{
    g_autoptr(trace_t) t = bouncy_trace();
    sim_config_t cfg;
    sim_metrics_t m;
    (void)state;

    irq_config(&cfg, DEBOUNCE_NONE, SIM_TRIGGER_FALLING, 0);
    g_autoptr(sim_result_t) r = EXPECT(t, &cfg, PR(1007 * US));
    assert_int_equal(r->gpio_entries, 2);
    assert_int_equal(r->alarm_entries, 0);
    sim_metrics_compute(t, &cfg, r, &m, NULL);
    assert_float_equal(m.press_latency_median_us, 7.0, 1e-9);
    assert_int_equal(m.missed_releases, 1);
    assert_int_equal(m.cpu_entries, 2);
}

/* Both edges: 1001 coalesces into the pending entry at 1002; then as above,
 * and the release enters at 50002. */
static void both_edges(void **state)
{
    g_autoptr(trace_t) t = bouncy_trace();
    sim_config_t cfg;
    (void)state;

    irq_config(&cfg, DEBOUNCE_NONE, SIM_TRIGGER_BOTH, 0);
    g_autoptr(sim_result_t) r = EXPECT(t, &cfg, PR(1007 * US), RL(50002 * US));
    assert_int_equal(r->gpio_entries, 3);
}

/* Rising only: the bounce up at 1001 interrupts; the entry at 1003 reads the
 * pin then, low again after the fall at 1003 (an edge at the entry counts):
 * a press, though a rising edge started it. The release enters at 50002. */
static void rising_reads_level_at_entry(void **state)
{
    g_autoptr(trace_t) t = bouncy_trace();
    sim_config_t cfg;
    (void)state;

    irq_config(&cfg, DEBOUNCE_NONE, SIM_TRIGGER_RISING, 0);
    g_autoptr(sim_result_t) r = EXPECT(t, &cfg, PR(1003 * US), RL(50002 * US));
    assert_int_equal(r->gpio_entries, 2);
}

/* A level-high trigger on a pull-up button (idle high) storms all the time
 * the button is released: pin low only 1000..1020 us of a 2 ms trace.
 * Pending from 0: entries at 2 + 5k while the pin is high at each handler
 * end 5 + 5k, i.e. k = 0..199 (the end at 1000 sees it low); pending again
 * at 1020: entries at 1022 + 5j up to the end, 1022 + 5*195 = 1997:
 * 200 + 196 = 396 entries, and never a press (the pin reads high at each). */
static void level_high_trigger_on_pull_up_storms(void **state)
{
    const int64_t e[] = {1000 * US, 1020 * US};
    g_autoptr(trace_t) t = make_trace(TRUE, e, G_N_ELEMENTS(e), 2 * MS);
    sim_config_t cfg;
    (void)state;

    irq_config(&cfg, DEBOUNCE_NONE, SIM_TRIGGER_HIGH, 0);
    g_autoptr(sim_result_t) r = EXPECT_NONE(t, &cfg);
    assert_int_equal(r->gpio_entries, 396);
}

/* lockout 5 ms: the press at 1007 locks until tick 6007; the alarm fires
 * 1 us later (6008), finds the pin still low: nothing. The release at 50002
 * locks until 55002; its alarm at 55003 finds it still high. */
static void lockout_alarm_path(void **state)
{
    g_autoptr(trace_t) t = bouncy_trace();
    sim_config_t cfg;
    sim_record_t rec = {.activity = TRUE, .from_ns = 0, .to_ns = 100 * MS};
    g_autoptr(GError) error = NULL;
    (void)state;

    irq_config(&cfg, DEBOUNCE_LOCKOUT, SIM_TRIGGER_BOTH, 5 * MS);
    g_autoptr(sim_result_t) r = EXPECT(t, &cfg, PR(1007 * US), RL(50002 * US));
    assert_int_equal(r->gpio_entries, 3);
    assert_int_equal(r->alarm_entries, 2);
    /* the activity record shows each run with its kind */
    g_autoptr(sim_result_t) rr = sim_run(t, &cfg, &rec, &error);
    assert_int_equal(rr->activity->len, 5);
    const int64_t starts[] = {1002 * US, 1007 * US, 6008 * US, 50002 * US, 55003 * US};
    const sim_activity_kind_t kinds[] = {SIM_ACTIVITY_HANDLER, SIM_ACTIVITY_HANDLER,
                                         SIM_ACTIVITY_ALARM, SIM_ACTIVITY_HANDLER,
                                         SIM_ACTIVITY_ALARM};
    for (gsize i = 0; i < 5; i++) {
        sim_activity_t *a = &g_array_index(rr->activity, sim_activity_t, i);
        assert_int_equal(a->start_ns, starts[i]);
        assert_int_equal(a->end_ns, starts[i] + 3 * US);
        assert_int_equal(a->kind, kinds[i]);
    }
}

/* defer 5 ms: the entry at 1007 starts the wait, the alarm at 6007 + 1
 * reports the press (latency 5008 us); the release waits from 50002 and is
 * reported by the alarm at 55003. */
static void defer_reports_from_alarm(void **state)
{
    g_autoptr(trace_t) t = bouncy_trace();
    sim_config_t cfg;
    sim_metrics_t m;
    (void)state;

    irq_config(&cfg, DEBOUNCE_DEFER, SIM_TRIGGER_BOTH, 5 * MS);
    g_autoptr(sim_result_t) r = EXPECT(t, &cfg, PR(6008 * US), RL(55003 * US));
    assert_int_equal(r->alarm_entries, 2);
    sim_metrics_compute(t, &cfg, r, &m, NULL);
    assert_float_equal(m.press_latency_median_us, 5008.0, 1e-9);
    assert_float_equal(m.release_latency_median_us, 5003.0, 1e-9);
}

/* Latched coalescing: five edges between 1000 and 1001.8 us, all before the
 * entry at 1002, make one entry (which reads low, after the fall at 1001.8).
 * A rise at 1003.5 and a fall at 1004 inside the handler (1002..1005) latch
 * again: a second entry at 1005 + 2 = 1007. Counting entries: 2. */
static void edges_coalesce_while_pending(void **state)
{
    const int64_t e[] = {1000 * US, 1000500, 1001 * US, 1001500,
                         1001800,   1003500, 1004 * US, 60 * MS};
    g_autoptr(trace_t) t = make_trace(TRUE, e, G_N_ELEMENTS(e), 100 * MS);
    sim_config_t cfg;
    (void)state;

    irq_config(&cfg, DEBOUNCE_NONE, SIM_TRIGGER_FALLING, 0);
    cfg.count = SIM_COUNT_ENTRIES;
    g_autoptr(sim_result_t) r = EXPECT(t, &cfg, PR(1002 * US), PR(1007 * US));
    assert_int_equal(r->gpio_entries, 2);
}

/* Level-low trigger, pin low from 1000 to 1020 us: pending at 1000, entries
 * at 1002, then re-entering at each handler end + 2 while low: 1007, 1012,
 * 1017; at 1020 the pin is high again, so no fifth. The storm: 4 entries. */
static void level_trigger_storm(void **state)
{
    const int64_t e[] = {1000 * US, 1020 * US};
    g_autoptr(trace_t) t = make_trace(TRUE, e, G_N_ELEMENTS(e), 2 * MS);
    sim_config_t cfg;
    (void)state;

    irq_config(&cfg, DEBOUNCE_NONE, SIM_TRIGGER_LOW, 0);
    cfg.count = SIM_COUNT_ENTRIES;
    g_autoptr(sim_result_t) r =
        EXPECT(t, &cfg, PR(1002 * US), PR(1007 * US), PR(1012 * US), PR(1017 * US));
    assert_int_equal(r->gpio_entries, 4);
}

/* A level trigger whose level is gone before the entry still enters once
 * (the NVIC kept it pending), reads high, and does not re-enter. */
static void level_trigger_short_glitch(void **state)
{
    const int64_t e[] = {1000 * US, 1001 * US};
    g_autoptr(trace_t) t = make_trace(TRUE, e, G_N_ELEMENTS(e), 2 * MS);
    sim_config_t cfg;
    (void)state;

    irq_config(&cfg, DEBOUNCE_NONE, SIM_TRIGGER_LOW, 0);
    g_autoptr(sim_result_t) r = EXPECT_NONE(t, &cfg);
    assert_int_equal(r->gpio_entries, 1);
}

/* The tutorial's fourth program: falling edge, count an entry only if
 * ticks_diff(now, last) > 500 ms, flag read by a 10 ms main loop. Presses at
 * 100 ms (a bounce falls again at 100.2), 700 ms and 1000 ms.
 * 100.002: counted (first), delivered at the 110 ms check; 100.202: same ms,
 * not counted. 700.002: 600 > 500, counted, delivered at 710. 1000.002: 300,
 * lost. 3 true presses, 2 detected, 1 missed, latency 10 ms each. */
static void holdoff_and_main_loop(void **state)
{
    const int64_t e[] = {
        100 * MS, 100 * MS + 100 * US, 100 * MS + 200 * US, 300 * MS, 700 * MS, 900 * MS, 1000 * MS,
        1100 * MS};
    g_autoptr(trace_t) t = make_trace(TRUE, e, G_N_ELEMENTS(e), 2000 * MS);
    sim_config_t cfg;
    sim_metrics_t m;
    (void)state;

    trace_add_truth(t, 100 * MS, 300 * MS);
    trace_add_truth(t, 700 * MS, 900 * MS);
    trace_add_truth(t, 1000 * MS, 1100 * MS);
    irq_config(&cfg, DEBOUNCE_NONE, SIM_TRIGGER_FALLING, 0);
    cfg.count = SIM_COUNT_ENTRIES;
    cfg.holdoff_ns = 500 * MS;
    cfg.main_loop_ns = 10 * MS;
    g_autoptr(sim_result_t) r = EXPECT(t, &cfg, PR(110 * MS), PR(710 * MS));
    assert_int_equal(r->gpio_entries, 4);
    sim_metrics_compute(t, &cfg, r, &m, NULL);
    assert_int_equal(m.presses_true, 3);
    assert_int_equal(m.missed_presses, 1);
    assert_int_equal(m.false_presses, 0);
    assert_float_equal(m.press_latency_max_us, 10000.0, 1e-9);
}

/* An alarm and a GPIO entry due at the same instant: the alarm goes first.
 * lockout 10 us from the press entry at 1002 -> lock end tick 1012, alarm at
 * 1013. A fall at 1011 (after a rise at 1008) pends the GPIO for 1013 too.
 * The alarm runs at 1013 (pin low = output: nothing) and the GPIO handler
 * after it, at 1016 + 2 = 1018. */
static void alarm_wins_a_tie(void **state)
{
    const int64_t e[] = {1000 * US, 1008 * US, 1011 * US, 5 * MS};
    g_autoptr(trace_t) t = make_trace(TRUE, e, G_N_ELEMENTS(e), 10 * MS);
    sim_config_t cfg;
    sim_record_t rec = {.activity = TRUE, .from_ns = 0, .to_ns = 10 * MS};
    g_autoptr(GError) error = NULL;
    (void)state;

    irq_config(&cfg, DEBOUNCE_LOCKOUT, SIM_TRIGGER_FALLING, 10 * US);
    g_autoptr(sim_result_t) r = sim_run(t, &cfg, &rec, &error);
    assert_non_null(r);
    assert_true(r->activity->len >= 3);
    sim_activity_t *a = &g_array_index(r->activity, sim_activity_t, 1);
    sim_activity_t *b = &g_array_index(r->activity, sim_activity_t, 2);
    assert_int_equal(a->kind, SIM_ACTIVITY_ALARM);
    assert_int_equal(a->start_ns, 1013 * US);
    assert_int_equal(b->kind, SIM_ACTIVITY_HANDLER);
    assert_int_equal(b->start_ns, 1018 * US);
}

static void integrator_needs_polling(void **state)
{
    g_autoptr(trace_t) t = bouncy_trace();
    g_autoptr(GError) error = NULL;
    sim_config_t cfg;
    (void)state;

    irq_config(&cfg, DEBOUNCE_INTEGRATOR, SIM_TRIGGER_BOTH, 5 * MS);
    assert_null(sim_run(t, &cfg, NULL, &error));
    assert_non_null(strstr(error->message, "--mode poll"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(falling_reads_level_at_entry),
        cmocka_unit_test(both_edges),
        cmocka_unit_test(rising_reads_level_at_entry),
        cmocka_unit_test(level_high_trigger_on_pull_up_storms),
        cmocka_unit_test(lockout_alarm_path),
        cmocka_unit_test(defer_reports_from_alarm),
        cmocka_unit_test(edges_coalesce_while_pending),
        cmocka_unit_test(level_trigger_storm),
        cmocka_unit_test(level_trigger_short_glitch),
        cmocka_unit_test(holdoff_and_main_loop),
        cmocka_unit_test(alarm_wins_a_tie),
        cmocka_unit_test(integrator_needs_polling),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
