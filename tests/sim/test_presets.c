/*
 * The tutorial presets show what the tutorial says each program does, on a
 * hand-made trace with known truth (pull-up, 1 = released), times in ms:
 *   A: press 100 (bounce: fall 100.0, rise 100.3, fall 100.5), release 250
 *      (bounce: rise 250.0, fall 250.2, rise 250.4)
 *   B: press 400, held a second, release 1400 (clean)
 *   C: press 1600 bouncing like A, release 1700
 *   D: press 1900 (300 ms after C), release 2000; the trace ends at 2500.
 */
#include "sim_presets.h"
#include "sim_test_util.h"

static trace_t *tutorial_trace(void)
{
    const int64_t e[] = {100 * MS,     100300 * US, 100500 * US, 250 * MS,  250200 * US,
                         250400 * US,  400 * MS,    1400 * MS,   1600 * MS, 1600300 * US,
                         1600500 * US, 1700 * MS,   1900 * MS,   2000 * MS};
    trace_t *t = make_trace(TRUE, e, G_N_ELEMENTS(e), 2500 * MS);
    trace_add_truth(t, 100 * MS, 250 * MS);
    trace_add_truth(t, 400 * MS, 1400 * MS);
    trace_add_truth(t, 1600 * MS, 1700 * MS);
    trace_add_truth(t, 1900 * MS, 2000 * MS);
    return t;
}

static void preset(sim_config_t *cfg, const char *name)
{
    g_autoptr(GError) error = NULL;
    sim_config_init(cfg);
    if (!sim_preset_apply(name, cfg, &error)) {
        fail_msg("%s", error->message);
    }
}

static sim_result_t *run_scored(const trace_t *t, const sim_config_t *cfg, sim_metrics_t *m)
{
    g_autoptr(GError) error = NULL;
    sim_result_t *r = sim_run(t, cfg, NULL, &error);
    if (r == NULL) {
        fail_msg("%s", error->message);
    }
    sim_metrics_compute(t, cfg, r, m, NULL);
    return r;
}

/* Program 1 counts every pass that reads low, and each count prints: 20
 * characters at 115200 baud, 10 bits each, 200e9 / 115200 = 1736111 ns, so
 * while the pin reads low a read comes every 1 ms + 1.736111 ms = 2.736111
 * ms. A: 100 + 2.736111 k ms for k = 0..54 (247.750 ms; the next, 250.486,
 * is past the release bounce): 55. Then every 1 ms: B from 400.486 ms to
 * 1399.167 ms: 366 (999.514 / 2.736111 = 365.3). C from 1600.903 (after its
 * bounce) while < 1700: 37 (99.097 / 2.736111 = 36.2). D from 1900.139 while
 * < 2000: 37 (99.861 / 2.736111 = 36.5). 495 counts for 4 presses (1350
 * without the print). */
static void poll_raw_counts_one_press_many_times(void **state)
{
    g_autoptr(trace_t) t = tutorial_trace();
    sim_config_t cfg;
    sim_metrics_t m;
    (void)state;

    preset(&cfg, "tutorial-poll-raw");
    g_autoptr(sim_result_t) r = run_scored(t, &cfg, &m);
    assert_int_equal(m.presses_true, 4);
    assert_int_equal(m.presses_detected, 495);
    assert_int_equal(m.false_presses, 491);

    /* without the print: every 1 ms pass, A 100..249 (150), B 400..1399
     * (1000), C 1600..1699 (100), D 1900..1999 (100): 1350 */
    cfg.print_ns = 0;
    g_autoptr(sim_result_t) r0 = run_scored(t, &cfg, &m);
    assert_int_equal(m.presses_detected, 1350);
    assert_int_equal(m.missed_presses, 0);
}

/* Program 2 counts when `ticks_ms() - last > 300`, and each count prints
 * (1.736111 ms, the next read 2.736111 ms later, then every 1 ms): 100 ms;
 * reads 102.736111 + k ms, the first with ticks_ms() 401 is 401.736111 (B);
 * then 702.472222, 1003.208333, 1304.944444 (B still held); C: the read at
 * 1600.680555 has ticks_ms() 1600, 296 after 1304, so 1605.680555; D
 * likewise 1906.416666. 7 counts, 3 of them false (B's repeats). */
static void poll_300ms_counts_again_while_held(void **state)
{
    g_autoptr(trace_t) t = tutorial_trace();
    sim_config_t cfg;
    sim_metrics_t m;
    (void)state;

    preset(&cfg, "tutorial-poll-300ms");
    g_autoptr(sim_result_t) r =
        EXPECT(t, &cfg, PR(100 * MS), PR(401736111), PR(702472222), PR(1003208333), PR(1304944444),
               PR(1605680555), PR(1906416666));
    sim_metrics_compute(t, &cfg, r, &m, NULL);
    assert_int_equal(m.false_presses, 3);
    assert_int_equal(m.missed_presses, 0);
}

/* The plain subtraction breaks when ticks_ms() wraps (every 2^30 ms): start
 * the clock 200 ms before the wrap; after the count at 100 ms (ticks_ms
 * 2^30 - 100), now - last is negative for the next 12 days: one count, three
 * presses missed. ticks_diff() gets all seven as without the wrap. */
static void poll_300ms_breaks_at_the_ticks_wrap(void **state)
{
    g_autoptr(trace_t) t = tutorial_trace();
    sim_config_t cfg;
    sim_metrics_t m;
    (void)state;

    preset(&cfg, "tutorial-poll-300ms");
    cfg.ticks_ms_start = (1u << 30) - 200u;
    g_autoptr(sim_result_t) r = run_scored(t, &cfg, &m);
    assert_int_equal(m.presses_detected, 1);
    assert_int_equal(m.missed_presses, 3);

    cfg.holdoff_compare = SIM_HOLDOFF_TICKS_DIFF;
    g_autoptr(sim_result_t) r2 = run_scored(t, &cfg, &m);
    assert_int_equal(m.presses_detected, 7);
}

/* Program 3 with a fixed 2 us entry latency and 3 us handler: every falling
 * edge is an entry and a count: A 100.0 and 100.5, A's release bounce 250.2,
 * B 400, C 1600.0 and 1600.5, D 1900: 7 counts for 4 presses. */
static void irq_raw_counts_bounces(void **state)
{
    g_autoptr(trace_t) t = tutorial_trace();
    sim_config_t cfg;
    sim_metrics_t m;
    (void)state;

    preset(&cfg, "tutorial-irq-raw");
    fixed_irq(&cfg, 2 * US, 3 * US, 1 * US);
    g_autoptr(sim_result_t) r =
        EXPECT(t, &cfg, PR(100002 * US), PR(100502 * US), PR(250202 * US), PR(400002 * US),
               PR(1600002 * US), PR(1600502 * US), PR(1900002 * US));
    sim_metrics_compute(t, &cfg, r, &m, NULL);
    assert_int_equal(m.false_presses, 3);

    /* with the preset's own soft-IRQ latency (50..200 us, rarely more) the
     * bounces 0.2..0.5 ms apart still count separately */
    preset(&cfg, "tutorial-irq-raw");
    g_autoptr(sim_result_t) r2 = run_scored(t, &cfg, &m);
    assert_true(m.presses_detected > m.presses_true);
}

/* Program 4, fixed 2 us latency: A counts at 100.002 (seen at the 110 ms
 * check); B at 400 is 300 ms later: lost; C at 1600 counts (1610); D 300 ms
 * after C: lost. Two presses seen 10 ms late, two missed. */
static void irq_500ms_loses_close_presses(void **state)
{
    g_autoptr(trace_t) t = tutorial_trace();
    sim_config_t cfg;
    sim_metrics_t m;
    (void)state;

    preset(&cfg, "tutorial-irq-500ms");
    fixed_irq(&cfg, 2 * US, 3 * US, 1 * US);
    g_autoptr(sim_result_t) r = EXPECT(t, &cfg, PR(110 * MS), PR(1610 * MS));
    sim_metrics_compute(t, &cfg, r, &m, NULL);
    assert_int_equal(m.missed_presses, 2);
    assert_int_equal(m.false_presses, 0);
    assert_float_equal(m.press_latency_max_us, 10000.0, 1e-9);

    /* with the soft-IRQ latency the user still sees each press at a 10 ms
     * check: latency at most 10 ms + the longest soft entry (5.2 ms) */
    preset(&cfg, "tutorial-irq-500ms");
    g_autoptr(sim_result_t) r2 = run_scored(t, &cfg, &m);
    assert_int_equal(m.missed_presses, 2);
    assert_true(m.press_latency_max_us <= 10000.0 + 5200.0);
}

static void unknown_preset(void **state)
{
    g_autoptr(GError) error = NULL;
    sim_config_t cfg;
    (void)state;

    sim_config_init(&cfg);
    assert_false(sim_preset_apply("tutorial-nope", &cfg, &error));
    assert_non_null(strstr(error->message, "tutorial-irq-500ms"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(poll_raw_counts_one_press_many_times),
        cmocka_unit_test(poll_300ms_counts_again_while_held),
        cmocka_unit_test(poll_300ms_breaks_at_the_ticks_wrap),
        cmocka_unit_test(irq_raw_counts_bounces),
        cmocka_unit_test(irq_500ms_loses_close_presses),
        cmocka_unit_test(unknown_preset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
