/* Sweep planning (order, skipping, sharding) and thread-count independence. */
#include "sim_sweep.h"
#include "sim_test_util.h"

static trace_t *two_press_trace(void)
{
    const int64_t e[] = {10 * MS,    10100 * US, 10300 * US, 60 * MS,
                         60200 * US, 60400 * US, 110 * MS,   160 * MS};
    trace_t *t = make_trace(TRUE, e, G_N_ELEMENTS(e), 200 * MS);
    trace_add_truth(t, 10 * MS, 60 * MS);
    trace_add_truth(t, 110 * MS, 160 * MS);
    return t;
}

static sim_sweep_spec_t *small_spec(const trace_t *t)
{
    sim_sweep_spec_t *spec = sim_sweep_spec_new();
    const debounce_algo_t algos[] = {DEBOUNCE_LOCKOUT, DEBOUNCE_INTEGRATOR};
    const sim_mode_t modes[] = {SIM_MODE_POLL, SIM_MODE_IRQ};
    const int64_t windows[] = {1 * MS, 5 * MS, 20 * MS};
    const int64_t intervals[] = {100 * US, 1 * MS};
    const sim_sweep_irq_t irqs[] = {{SIM_RUNTIME_C, 0}, {SIM_RUNTIME_CUSTOM, 7 * US}};

    g_ptr_array_add(spec->traces, (gpointer)t);
    g_array_append_vals(spec->algos, algos, G_N_ELEMENTS(algos));
    g_array_append_vals(spec->modes, modes, G_N_ELEMENTS(modes));
    g_array_append_vals(spec->windows_ns, windows, G_N_ELEMENTS(windows));
    g_array_append_vals(spec->intervals_ns, intervals, G_N_ELEMENTS(intervals));
    g_array_append_vals(spec->irqs, irqs, G_N_ELEMENTS(irqs));
    return spec;
}

/* 2 algos x (poll: 3 windows x 2 intervals = 6, irq: 3 x 2 = 6): 24
 * combinations; the integrator's 6 irq ones are skipped: 18 rows, in the
 * order lockout poll (w1: 100us, 1ms; w5...; w20...), lockout irq (w1: c,
 * 7us; ...), integrator poll. */
static void plan_order_and_skips(void **state)
{
    g_autoptr(trace_t) t = two_press_trace();
    g_autoptr(sim_sweep_spec_t) spec = small_spec(t);
    g_autoptr(GError) error = NULL;
    sim_sweep_row_t r0, r1, r6, r7, r12, r17;
    (void)state;

    g_autoptr(sim_sweep_plan_t) plan = sim_sweep_plan_new(spec, &error);
    assert_non_null(plan);
    assert_int_equal(sim_sweep_plan_rows(plan), 18);
    assert_int_equal(sim_sweep_plan_skipped(plan), 6);
    assert_non_null(strstr(sim_sweep_plan_skip_reason(plan), "integrator"));
    /* out of order on purpose: the cursor must rewind */
    sim_sweep_plan_row(plan, 12, &r12);
    sim_sweep_plan_row(plan, 0, &r0);
    sim_sweep_plan_row(plan, 1, &r1);
    sim_sweep_plan_row(plan, 6, &r6);
    sim_sweep_plan_row(plan, 7, &r7);
    sim_sweep_plan_row(plan, 17, &r17);
    assert_int_equal(r0.cfg.algo, DEBOUNCE_LOCKOUT);
    assert_int_equal(r0.cfg.interval_ns, 100 * US);
    assert_int_equal(r1.cfg.interval_ns, 1 * MS);
    assert_int_equal(r1.cfg.press_window_ns, 1 * MS);
    assert_int_equal(r6.cfg.mode, SIM_MODE_IRQ);
    assert_int_equal(r6.cfg.runtime, SIM_RUNTIME_C);
    assert_int_equal(r7.cfg.runtime, SIM_RUNTIME_CUSTOM);
    assert_int_equal(r7.cfg.irq_latency.base_ns, 7 * US);
    assert_int_equal(r12.cfg.algo, DEBOUNCE_INTEGRATOR);
    assert_int_equal(r12.cfg.release_window_ns, 1 * MS);
    assert_int_equal(r17.cfg.algo, DEBOUNCE_INTEGRATOR);
    assert_int_equal(r17.cfg.press_window_ns, 20 * MS);
    assert_int_equal(r17.cfg.interval_ns, 1 * MS);
}

/* Shard 2 of 3 keeps combinations 1, 4, 7, ... of the 24, minus skipped. */
static void plan_shards_partition(void **state)
{
    g_autoptr(trace_t) t = two_press_trace();
    guint total = 0;
    (void)state;

    for (guint s = 0; s < 3; s++) {
        g_autoptr(sim_sweep_spec_t) spec = small_spec(t);
        spec->shard_index = s;
        spec->shard_count = 3;
        g_autoptr(sim_sweep_plan_t) plan = sim_sweep_plan_new(spec, NULL);
        gsize n = sim_sweep_plan_rows(plan) + sim_sweep_plan_skipped(plan);
        total += (guint)n;
        assert_int_equal(n, 8); /* 24 / 3 */
    }
    assert_int_equal(total, 24);
}

typedef struct {
    GString *out;
    gsize calls;
} collect_t;

static void collect(const sim_sweep_row_t *row, gsize index, gsize total, gpointer data)
{
    collect_t *c = data;
    const sim_metrics_t *m = &row->metrics;
    g_assert_cmpuint(index, ==, c->calls);
    (void)total;
    c->calls++;
    g_string_append_printf(
        c->out, "%zu %d %d %" G_GINT64_FORMAT " %u %u %u %.3f %" G_GUINT64_FORMAT "\n", index,
        row->cfg.algo, row->cfg.mode, row->cfg.press_window_ns, m->presses_detected,
        sim_metrics_missed(m), sim_metrics_false(m), m->press_latency_median_us, m->cpu_entries);
}

/* The same rows, in the same order, with the same numbers on 1 and 2 threads. */
static void threads_do_not_change_results(void **state)
{
    g_autoptr(trace_t) t = two_press_trace();
    g_autoptr(GString) one = g_string_new(NULL);
    g_autoptr(GString) two = g_string_new(NULL);
    (void)state;

    for (guint threads = 1; threads <= 2; threads++) {
        g_autoptr(sim_sweep_spec_t) spec = small_spec(t);
        collect_t c = {threads == 1 ? one : two, 0};
        g_autoptr(sim_sweep_plan_t) plan = sim_sweep_plan_new(spec, NULL);
        assert_int_equal(sim_sweep_run(plan, threads, NULL, collect, NULL, &c), 18);
        assert_int_equal(c.calls, 18);
    }
    assert_string_equal(one->str, two->str);
}

/* A spot check of one row against a hand-worked run: lockout 1 ms, poll
 * every 1 ms from 0: reads 10 and 110 see the presses (0 us latency); the
 * release bounces (60.0..60.4) end before the lock from 60 ends at 61. */
static void row_matches_single_run(void **state)
{
    g_autoptr(trace_t) t = two_press_trace();
    g_autoptr(sim_sweep_spec_t) spec = small_spec(t);
    sim_sweep_row_t r1;
    sim_metrics_t m;
    (void)state;

    g_autoptr(sim_sweep_plan_t) plan = sim_sweep_plan_new(spec, NULL);
    sim_sweep_plan_row(plan, 1, &r1);
    g_autoptr(sim_result_t) result = sim_run(t, &r1.cfg, NULL, NULL);
    sim_metrics_compute(t, &r1.cfg, result, &m, NULL);
    assert_int_equal(m.presses_detected, 2);
    assert_int_equal(sim_metrics_false(&m), 0);
    assert_float_equal(m.press_latency_max_us, 0.0, 1e-9);
    assert_int_equal(m.cpu_entries, 201); /* reads at 0, 1, ..., 200 ms */
}

static gboolean stop_after_five(gpointer data)
{
    collect_t *c = data;
    return c->calls >= 5;
}

static void stop_early(void **state)
{
    g_autoptr(trace_t) t = two_press_trace();
    (void)state;

    for (guint threads = 1; threads <= 2; threads++) {
        g_autoptr(sim_sweep_spec_t) spec = small_spec(t);
        collect_t c = {g_string_new(NULL), 0};
        for (int64_t w = 2; w <= 400; w++) {
            int64_t window = w * 100 * US;
            g_array_append_val(spec->windows_ns, window);
        }
        g_autoptr(sim_sweep_plan_t) plan = sim_sweep_plan_new(spec, NULL);
        gsize done = sim_sweep_run(plan, threads, NULL, collect, stop_after_five, &c);
        /* 402 windows x 6: 2412 rows; a stop lets the rows in flight
         * finish: on one thread none, on more at most 4 blocks of 32 per thread */
        assert_int_equal(sim_sweep_plan_rows(plan), 2412);
        assert_true(done >= 5 && done <= (threads == 1 ? 5u : 5u + 4u * 32u * threads));
        assert_int_equal(done, c.calls);
        g_string_free(c.out, TRUE);
    }
}

/* A window out of range is named before anything runs. */
static void plan_rejects_bad_window(void **state)
{
    g_autoptr(trace_t) t = two_press_trace();
    g_autoptr(sim_sweep_spec_t) spec = small_spec(t);
    g_autoptr(GError) error = NULL;
    int64_t huge = INT64_C(3000) * 1000 * MS; /* 3000 s: above 2^31 us */
    (void)state;

    g_array_append_val(spec->windows_ns, huge);
    assert_null(sim_sweep_plan_new(spec, &error));
    assert_non_null(strstr(error->message, "windows must be"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plan_order_and_skips),
        cmocka_unit_test(plan_shards_partition),
        cmocka_unit_test(threads_do_not_change_results),
        cmocka_unit_test(row_matches_single_run),
        cmocka_unit_test(stop_early),
        cmocka_unit_test(plan_rejects_bad_window),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
