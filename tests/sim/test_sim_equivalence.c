/*
 * The jumping poll simulator gives exactly the events of one that steps
 * through every read, on a few hundred seeded random bouncy traces with
 * random algorithms, windows, intervals, phases, jitter, tick starts (near
 * the 2^32 wrap too) and counting modes; and read schedules beyond the grid:
 * seeded stalls, a print after each count, explicit read times (several at
 * one instant too).
 */
#include "sim_test_util.h"

#define N_CASES 400

static trace_t *random_trace(GRand *rng)
{
    gboolean active_low = g_rand_boolean(rng);
    trace_t *t = trace_new("random", active_low, active_low, 0);
    gboolean rest = active_low;
    int64_t now = 0;
    int presses = g_rand_int_range(rng, 1, 8);

    for (int p = 0; p < presses; p++) {
        for (int side = 0; side < 2; side++) {
            gboolean settled = side == 0 ? !rest : rest;
            int pulses = g_rand_int_range(rng, 0, 10);
            now += g_rand_int_range(rng, 1000, 30000000); /* 1 us .. 30 ms apart */
            trace_push_level(t, now, settled);
            for (int k = 0; k < pulses; k++) {
                now += g_rand_int_range(rng, 50, 800000);
                trace_push_level(t, now, !settled);
                now += g_rand_int_range(rng, 50, 800000);
                trace_push_level(t, now, settled);
            }
        }
    }
    t->end_ns = now + g_rand_int_range(rng, 0, 50000000);
    return t;
}

/* Explicit read times over [0, end_ns], sorted, some repeated. */
static GArray *random_reads(GRand *rng, int64_t end_ns)
{
    GArray *reads = g_array_new(FALSE, FALSE, sizeof(int64_t));
    int64_t t = g_rand_int_range(rng, 0, 3000000);

    while (t <= end_ns + 5000000) {
        g_array_append_val(reads, t);
        if (g_rand_int_range(rng, 0, 5) != 0) {
            t += g_rand_int_range(rng, 1, 3000000);
        }
    }
    return reads;
}

static void random_config(GRand *rng, sim_config_t *cfg)
{
    sim_config_init(cfg);
    cfg->algo = (debounce_algo_t)g_rand_int_range(rng, 0, DEBOUNCE_ALGO_COUNT);
    cfg->press_window_ns = g_rand_int_range(rng, 0, 5000000);
    cfg->release_window_ns =
        g_rand_boolean(rng) ? cfg->press_window_ns : g_rand_int_range(rng, 0, 5000000);
    cfg->interval_ns = g_rand_int_range(rng, 1000, 2000000);
    cfg->phase_ns = g_rand_int_range(rng, 0, (gint32)cfg->interval_ns);
    cfg->jitter_ns = g_rand_boolean(rng) ? 0 : g_rand_int_range(rng, 0, (gint32)cfg->interval_ns);
    cfg->tick_start = g_rand_boolean(rng) ? g_rand_int(rng)
                                          : UINT32_MAX - (guint32)g_rand_int_range(rng, 0, 100000);
    cfg->seed = g_rand_int(rng);
    if (g_rand_int_range(rng, 0, 4) == 0) {
        cfg->count = SIM_COUNT_LEVEL;
        cfg->holdoff_ns = g_rand_boolean(rng) ? 0 : g_rand_int_range(rng, 0, 20) * MS;
    }
    if (g_rand_int_range(rng, 0, 4) == 0) {
        cfg->main_loop_ns = g_rand_int_range(rng, 1, 20) * MS;
    }
    if (g_rand_int_range(rng, 0, 3) == 0) {
        cfg->stall_every_ns = g_rand_int_range(rng, 2000, 50000000);
        cfg->stall_for_ns = g_rand_int_range(rng, 1000, (gint32)cfg->stall_every_ns);
    }
    if (g_rand_int_range(rng, 0, 3) == 0) {
        cfg->print_ns = g_rand_int_range(rng, 0, 3000000);
    }
}

static void jumping_equals_stepping(void **state)
{
    guint64 updates_jumping = 0, updates_stepping = 0;
    (void)state;

    for (guint32 seed = 1; seed <= N_CASES; seed++) {
        GRand *rng = g_rand_new_with_seed(seed);
        g_autoptr(trace_t) t = random_trace(rng);
        sim_record_t rec = {.output = TRUE};
        sim_config_t cfg;
        g_autoptr(GArray) reads = NULL;
        random_config(rng, &cfg);
        if (g_rand_int_range(rng, 0, 5) == 0) {
            reads = random_reads(rng, t->end_ns);
            cfg.reads_ns = (const int64_t *)(const void *)reads->data;
            cfg.n_reads = reads->len;
            cfg.phase_ns = cfg.jitter_ns = cfg.stall_every_ns = cfg.stall_for_ns = 0;
            cfg.print_ns = 0;
        }
        g_rand_free(rng);

        g_autoptr(sim_result_t) jump = sim_result_new(&rec);
        g_autoptr(sim_result_t) step = sim_result_new(&rec);
        sim_poll_run(t, &cfg, FALSE, &rec, jump);
        sim_poll_run(t, &cfg, TRUE, &rec, step);
        updates_jumping += jump->updates;
        updates_stepping += step->updates;

        assert_int_equal(jump->polls, step->polls);
        assert_int_equal(step->updates, step->polls);
        if (jump->events->len != step->events->len || jump->output->len != step->output->len) {
            fail_msg("seed %u (%s, count %s): %u events jumping, %u stepping", seed,
                     debounce_algo_name(cfg.algo), sim_count_name(cfg.count), jump->events->len,
                     step->events->len);
        }
        for (guint i = 0; i < step->events->len; i++) {
            sim_event_t *a = &g_array_index(jump->events, sim_event_t, i);
            sim_event_t *b = &g_array_index(step->events, sim_event_t, i);
            if (a->t_ns != b->t_ns || a->kind != b->kind) {
                fail_msg("seed %u (%s): event %u at %" G_GINT64_FORMAT " jumping, %" G_GINT64_FORMAT
                         " stepping",
                         seed, debounce_algo_name(cfg.algo), i, a->t_ns, b->t_ns);
            }
        }
        for (guint i = 0; i < step->output->len; i++) {
            assert_int_equal(g_array_index(jump->output, sim_event_t, i).t_ns,
                             g_array_index(step->output, sim_event_t, i).t_ns);
        }
    }
    print_message("core updates: %" G_GUINT64_FORMAT " jumping, %" G_GUINT64_FORMAT " stepping\n",
                  updates_jumping, updates_stepping);
    /* how much work jumping saved is shown, not asserted: the cost bound is
     * test_poll's one-hour trace, and the speed-up is measured in bench/ */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jumping_equals_stepping),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
