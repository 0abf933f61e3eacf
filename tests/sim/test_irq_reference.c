/*
 * src/sim/irq.c against a second, deliberately simple interrupt model
 * (irq_reference.c, an event list without jump-ahead): identical events,
 * core outputs and CPU counts on seeded random bouncy traces with random
 * triggers (edges and levels), latencies with jitter and tails, handler
 * times, alarm latencies, windows, algorithms, tick starts near the wrap and
 * counting programs. Plus hand-picked cases at the ties the semantics name.
 */
#include "irq_compare.h"
#include "sim_test_util.h"

#define N_CASES 2000

static trace_t *random_trace(GRand *rng)
{
    gboolean active_low = g_rand_boolean(rng);
    gboolean rest = active_low;
    trace_t *t = trace_new("random", rest, active_low, g_rand_int_range(rng, -5000, 5000));
    int64_t now = t->start_ns;
    int presses = g_rand_int_range(rng, 1, 6);
    /* fine steps make ties between edges, entries and alarms likely */
    int64_t step = g_rand_boolean(rng) ? 1000 : 1;

    for (int p = 0; p < presses; p++) {
        for (int side = 0; side < 2; side++) {
            gboolean settled = side == 0 ? !rest : rest;
            int pulses = g_rand_int_range(rng, 0, 8);
            now += step * g_rand_int_range(rng, 1, 20000);
            trace_push_level(t, now, settled);
            for (int k = 0; k < pulses; k++) {
                now += step * g_rand_int_range(rng, 1, 400);
                trace_push_level(t, now, !settled);
                now += step * g_rand_int_range(rng, 1, 400);
                trace_push_level(t, now, settled);
            }
        }
    }
    t->end_ns = now + step * g_rand_int_range(rng, 0, 20000);
    return t;
}

static sim_latency_t random_latency(GRand *rng, int64_t step)
{
    sim_latency_t l = {step * g_rand_int_range(rng, 0, 300), 0, 0, 0};
    if (g_rand_boolean(rng)) {
        l.jitter_ns = step * g_rand_int_range(rng, 0, 300);
    }
    if (g_rand_int_range(rng, 0, 3) == 0) {
        l.tail_ns = step * g_rand_int_range(rng, 0, 5000);
        l.tail_ppm = (uint32_t)g_rand_int_range(rng, 0, 1000001);
    }
    return l;
}

static void random_config(GRand *rng, sim_config_t *cfg)
{
    int64_t step = g_rand_boolean(rng) ? 1000 : 1;

    sim_config_init(cfg);
    cfg->mode = SIM_MODE_IRQ;
    cfg->runtime = SIM_RUNTIME_CUSTOM;
    cfg->algo = (debounce_algo_t)g_rand_int_range(rng, 0, DEBOUNCE_INTEGRATOR);
    cfg->press_window_ns = step * g_rand_int_range(rng, 0, 3000);
    cfg->release_window_ns =
        g_rand_boolean(rng) ? cfg->press_window_ns : step * g_rand_int_range(rng, 0, 3000);
    cfg->trigger = (sim_trigger_t)g_rand_int_range(rng, 0, SIM_TRIGGER_HIGH + 1);
    cfg->irq_latency = random_latency(rng, step);
    cfg->alarm_latency = random_latency(rng, step);
    cfg->handler_ns = g_rand_int_range(rng, 0, 3) == 0 ? 0 : step * g_rand_int_range(rng, 0, 500);
    cfg->tick_start = g_rand_boolean(rng) ? g_rand_int(rng)
                                          : UINT32_MAX - (guint32)g_rand_int_range(rng, 0, 100000);
    cfg->seed = g_rand_int(rng);
    switch (g_rand_int_range(rng, 0, 4)) {
    case 0:
        cfg->count = SIM_COUNT_ENTRIES;
        break;
    case 1:
        cfg->count = SIM_COUNT_LEVEL;
        break;
    default:
        break;
    }
    if (g_rand_int_range(rng, 0, 3) == 0) {
        cfg->holdoff_ns = g_rand_int_range(rng, 0, 30) * MS;
    }
    if (g_rand_int_range(rng, 0, 4) == 0) {
        cfg->main_loop_ns = g_rand_int_range(rng, 1, 20) * MS;
    }
}

static void random_cases_agree(void **state)
{
    guint compared = 0;
    (void)state;

    for (guint32 seed = 1; seed <= N_CASES; seed++) {
        g_autoptr(GRand) rng = g_rand_new_with_seed(seed);
        g_autoptr(trace_t) t = random_trace(rng);
        g_autoptr(GError) invalid = NULL;
        g_autofree char *diff = NULL;
        sim_config_t cfg;

        random_config(rng, &cfg);
        if (!sim_config_validate(&cfg, &invalid)) {
            continue; /* a level trigger with no time between entries */
        }
        diff = irq_compare(t, &cfg);
        if (diff != NULL) {
            fail_msg("seed %u (%s, trigger %s, count %s): %s", seed, debounce_algo_name(cfg.algo),
                     sim_trigger_name(cfg.trigger), sim_count_name(cfg.count), diff);
        }
        compared++;
    }
    print_message("%u random cases compared\n", compared);
    assert_true(compared > N_CASES * 3 / 4);
}

/* Ties, by hand: an edge at the instant of an entry, an alarm and a GPIO
 * entry at one instant, a handler ending as the level returns. */
static void ties_agree(void **state)
{
    /* released (high) until 10 us; bounces every 5 us to 30 us */
    static const int64_t edges[] = {10 * US, 15 * US, 20 * US, 25 * US, 30 * US};
    sim_config_t cfg;
    (void)state;

    for (int trig = SIM_TRIGGER_FALLING; trig <= SIM_TRIGGER_HIGH; trig++) {
        for (int64_t lat = 0; lat <= 10 * US; lat += 5 * US) {
            for (int64_t handler = 0; handler <= 10 * US; handler += 5 * US) {
                for (int64_t alarm = 0; alarm <= 5 * US; alarm += 5 * US) {
                    g_autoptr(trace_t) t = make_trace(TRUE, edges, G_N_ELEMENTS(edges), 100 * US);
                    g_autofree char *diff = NULL;
                    sim_config_init(&cfg);
                    fixed_irq(&cfg, lat, handler, alarm);
                    cfg.trigger = (sim_trigger_t)trig;
                    cfg.algo = DEBOUNCE_DEFER;
                    cfg.press_window_ns = cfg.release_window_ns = 5 * US;
                    if (!sim_config_validate(&cfg, NULL)) {
                        continue;
                    }
                    diff = irq_compare(t, &cfg);
                    if (diff != NULL) {
                        fail_msg("trigger %s, latency %" G_GINT64_FORMAT
                                 ", handler %" G_GINT64_FORMAT ", alarm %" G_GINT64_FORMAT ": %s",
                                 sim_trigger_name(cfg.trigger), lat, handler, alarm, diff);
                    }
                }
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ties_agree),
        cmocka_unit_test(random_cases_agree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
