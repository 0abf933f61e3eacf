/*
 * Read schedules beyond the grid (issue 16): explicit read times, the seeded
 * stall model and a print after each count. Every expectation is worked out
 * by hand from the trace's edges and the reads the schedule makes.
 */
#include "sim_reads.h"
#include "sim_test_util.h"

/* Released (high, pull-up) until a clean press at 10 ms, released at 60 ms. */
static trace_t *clean_press(void)
{
    static const int64_t edges[] = {10 * MS, 60 * MS};
    return make_trace(TRUE, edges, G_N_ELEMENTS(edges), 100 * MS);
}

/* Several reads at one instant: the integrator counts each of them. */
static void several_reads_at_one_instant(void **state)
{
    static const int64_t reads[] = {5 * MS,  10 * MS, 10 * MS, 10 * MS, 20 * MS,
                                    60 * MS, 60 * MS, 61 * MS, 70 * MS};
    g_autoptr(trace_t) t = clean_press();
    sim_config_t cfg;
    (void)state;

    sim_config_init(&cfg);
    cfg.algo = DEBOUNCE_INTEGRATOR;
    /* 3 ms at a 1 ms interval: 3 samples each way */
    cfg.press_window_ns = cfg.release_window_ns = 3 * MS;
    cfg.reads_ns = reads;
    cfg.n_reads = G_N_ELEMENTS(reads);
    /* 5 ms released (count 0); the three reads at 10 ms count 1, 2, 3: the
     * press, at 10 ms. 20 ms pressed keeps 3. The two at 60 ms count 2, 1;
     * 61 ms reaches 0: the release. 70 ms changes nothing. */
    g_autoptr(sim_result_t) r = EXPECT(t, &cfg, PR(10 * MS), RL(61 * MS));
    assert_int_equal(r->polls, 9);

    /* lockout: the first of the three reports, the other two are locked out */
    cfg.algo = DEBOUNCE_LOCKOUT;
    g_autoptr(sim_result_t) l = EXPECT(t, &cfg, PR(10 * MS), RL(60 * MS));
    assert_int_equal(l->polls, 9);
}

/* Reads after the list ends do not happen; reads after the trace are not counted. */
static void reads_stop_with_the_list(void **state)
{
    static const int64_t reads[] = {0, 30 * MS, 200 * MS};
    g_autoptr(trace_t) t = clean_press();
    sim_config_t cfg;
    (void)state;

    sim_config_init(&cfg);
    cfg.algo = DEBOUNCE_LOCKOUT;
    cfg.reads_ns = reads;
    cfg.n_reads = G_N_ELEMENTS(reads);
    /* 0 released; 30 ms sees the press; the release at 60 ms is never read */
    g_autoptr(sim_result_t) r = EXPECT(t, &cfg, PR(30 * MS));
    assert_int_equal(r->polls, 2);
}

/*
 * Stall 0 of stall_config() starts at 107.891684 ms: uniform in [0, 700 ms]
 * (period 1 s less the 300 ms stall), SplitMix64's first draw for the seed
 * 7 ^ 0x5354414c4c modulo 700000001, worked out apart from the code (in
 * Python). The first read on the 1 ms grid at or after it is at 108 ms.
 */
#define STALL_0_NS   INT64_C(107891684)
#define STALL_0_READ (108 * MS)

static int64_t first_read_after_stall(const sim_config_t *cfg)
{
    assert_int_equal(sim_reads_stall_start(cfg, 0), STALL_0_NS);
    /* stall 1 starts after the 990 ms the traces last */
    assert_true(sim_reads_stall_start(cfg, 1) > 990 * MS);
    return STALL_0_READ;
}

static void stall_config(sim_config_t *cfg)
{
    sim_config_init(cfg);
    cfg->algo = DEBOUNCE_DEFER;
    cfg->press_window_ns = cfg->release_window_ns = 5 * MS;
    cfg->interval_ns = 1 * MS;
    cfg->stall_every_ns = 1000 * MS;
    cfg->stall_for_ns = 300 * MS;
    cfg->seed = 7;
}

/* A 300 ms stall swallows a whole bounce: the loop next reads at the stall's
 * end, sees the button settled and defers from there. */
static void stall_during_a_bounce(void **state)
{
    sim_config_t cfg;
    (void)state;

    stall_config(&cfg);
    (void)first_read_after_stall(&cfg);
    /* the bounce starts 1 ms into the stall (108.891684 ms) and settles
     * 0.5 ms later */
    const int64_t edges[] = {STALL_0_NS + 1 * MS, STALL_0_NS + 1200 * US, STALL_0_NS + 1500 * US,
                             900 * MS};
    g_autoptr(trace_t) t = make_trace(TRUE, edges, G_N_ELEMENTS(edges), 990 * MS);
    /* the read due at 108 ms is held back to 408 ms and sees pressed: the
     * wait ends 5 ms later, at 413 ms. The release at 900 ms: read at 900 ms
     * (the grid after the stall is 408 + k ms), reported at 905 ms. */
    g_autoptr(sim_result_t) res = EXPECT(t, &cfg, PR(413 * MS), RL(905 * MS));
    /* reads: 0 .. 107 ms (108), then 408 .. 990 ms (583) */
    assert_int_equal(res->polls, 108 + 583);
}

/* A stall across the end of a defer wait: the press is reported by the first
 * read after the stall, not at the wait's end. */
static void stall_across_a_defer_window_end(void **state)
{
    sim_config_t cfg;
    (void)state;

    stall_config(&cfg);
    (void)first_read_after_stall(&cfg);
    /* a clean press at 104.5 ms: the read at 105 ms sees it, the wait would
     * end at 110 ms, inside the stall (107.891684 to 407.891684 ms); the read
     * due at 108 ms comes at 408 ms and reports */
    const int64_t edges[] = {104500 * US};
    g_autoptr(trace_t) t = make_trace(TRUE, edges, G_N_ELEMENTS(edges), 990 * MS);
    g_autoptr(sim_result_t) res = EXPECT(t, &cfg, PR(408 * MS));
    (void)res;

    /* without the stall: 110 ms */
    cfg.stall_every_ns = cfg.stall_for_ns = 0;
    g_autoptr(sim_result_t) plain = EXPECT(t, &cfg, PR(110 * MS));
    (void)plain;
}

/* A print after each count holds the next read back (the tutorial loops). */
static void print_holds_the_next_read_back(void **state)
{
    g_autoptr(trace_t) t = clean_press();
    sim_config_t cfg;
    (void)state;

    sim_config_init(&cfg);
    cfg.algo = DEBOUNCE_NONE;
    cfg.count = SIM_COUNT_LEVEL;
    cfg.interval_ns = 1 * MS;
    cfg.print_ns = 1736 * US;
    /* pressed from 10 ms to 60 ms. Reads at 0..10 ms; 10 ms counts and
     * prints: the next read is 1 ms + 1.736 ms later, at 12.736 ms, and so
     * on every 2.736 ms while pressed: 10 + 2.736 k ms for k = 0..18 (the
     * last at 59.248 ms); 61.984 ms reads released. 19 counts. */
    g_autoptr(GError) error = NULL;
    g_autoptr(sim_result_t) r = sim_run(t, &cfg, NULL, &error);
    assert_non_null(r);
    assert_int_equal(r->events->len, 19);
    for (guint k = 0; k < 19; k++) {
        assert_int_equal(g_array_index(r->events, sim_event_t, k).t_ns,
                         10 * MS + (int64_t)k * 2736 * US);
    }
    /* 11 reads to 10 ms, 18 more counting, then 61.984 + 1 ms k <= 100 ms: 39 */
    assert_int_equal(r->polls, 11 + 18 + 39);
}

/* Bad schedules are refused with a reason. */
static void bad_schedules_are_refused(void **state)
{
    static const int64_t reads[] = {0, 1 * MS};
    g_autoptr(trace_t) t = clean_press();
    sim_config_t cfg;
    g_autoptr(GError) e1 = NULL;
    g_autoptr(GError) e2 = NULL;
    g_autoptr(GError) e3 = NULL;
    (void)state;

    stall_config(&cfg);
    cfg.stall_for_ns = cfg.stall_every_ns; /* never reads */
    assert_false(sim_config_validate(&cfg, &e1));
    assert_non_null(strstr(e1->message, "below the period"));

    stall_config(&cfg); /* a 300 ms stall on a 100 ms trace */
    assert_null(sim_run(t, &cfg, NULL, &e2));
    assert_non_null(strstr(e2->message, "longer than the trace"));

    sim_config_init(&cfg);
    cfg.reads_ns = reads;
    cfg.n_reads = G_N_ELEMENTS(reads);
    cfg.jitter_ns = 10 * US;
    assert_false(sim_config_validate(&cfg, &e3));
    assert_non_null(strstr(e3->message, "taken as they are"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(several_reads_at_one_instant),
        cmocka_unit_test(reads_stop_with_the_list),
        cmocka_unit_test(stall_during_a_bounce),
        cmocka_unit_test(stall_across_a_defer_window_end),
        cmocka_unit_test(print_holds_the_next_read_back),
        cmocka_unit_test(bad_schedules_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
