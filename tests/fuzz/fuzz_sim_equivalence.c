/*
 * Differential fuzzing of the polling simulator (tests/sim/test_sim_equivalence.c
 * is the seeded unit-test version): jumping over reads that cannot change
 * anything gives exactly the reads, events and core outputs of stepping
 * through every read.
 *
 * Input: byte 0 = algorithm (low 3 bits, modulo 5), active-low (bit 3),
 * initial level (bit 4), counting levels with a hold-off (bit 5), a main
 * loop (bit 6), the trace at the edge of TRACE_TIME_LIMIT_NS (bit 7; the
 * sign of the start says which edge); 2 bytes each: press window, release
 * window (x 100 ns), interval (x 40 ns, + 1), phase and jitter (modulo the
 * interval), main loop period (x 10 us), hold-off (x 100 us); 4 bytes each:
 * trace start (signed ns), the core's start tick, the jitter seed; 2 bytes:
 * time after the last edge (x 1 us); then 2-byte edges: bit 15 set, a delay
 * of up to 32 ms in 1 us steps, else up to 32 us in 1 ns steps. The seed
 * also picks a read schedule beyond the grid: bit 0 a stall model (period
 * 2 to 65 intervals, length 1 to 255/256 of it), bit 1 a print per count (up
 * to 4 intervals).
 */
#include "fuzz_util.h"

#include "sim.h"
#include "sim_models.h"

#define MAX_EDGES 2048
/* Reads the stepping reference may make; a longer trace gets a longer interval. */
#define MAX_POLLS INT64_C(20000)

static void compare_events(const char *what, const GArray *jump, const GArray *step,
                           const sim_config_t *cfg)
{
    if (jump->len != step->len) {
        fuzz_fail("%s (%s, count %s): %u jumping, %u stepping", what, debounce_algo_name(cfg->algo),
                  sim_count_name(cfg->count), jump->len, step->len);
    }
    for (guint i = 0; i < step->len; i++) {
        const sim_event_t *a = &g_array_index(jump, sim_event_t, i);
        const sim_event_t *b = &g_array_index(step, sim_event_t, i);
        if (a->t_ns != b->t_ns || a->kind != b->kind) {
            fuzz_fail("%s (%s): %u at %" G_GINT64_FORMAT " jumping, %" G_GINT64_FORMAT " stepping",
                      what, debounce_algo_name(cfg->algo), i, a->t_ns, b->t_ns);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int64_t edges[MAX_EDGES];
    gsize n_edges;
    fuzz_bytes_t b = {data, size};
    uint32_t head = fuzz_take(&b, 1);
    gboolean active_low = (head & 0x08u) != 0;
    sim_config_t cfg;
    sim_record_t rec = {.output = TRUE};
    int64_t start, now, span;
    gboolean level = (head & 0x10u) != 0;
    uint32_t phase, jitter, main_loop, holdoff;

    sim_config_init(&cfg);
    cfg.algo = (debounce_algo_t)((head & 7u) % DEBOUNCE_ALGO_COUNT);
    cfg.press_window_ns = (int64_t)fuzz_take(&b, 2) * 100;
    cfg.release_window_ns = (int64_t)fuzz_take(&b, 2) * 100;
    cfg.interval_ns = (int64_t)fuzz_take(&b, 2) * 40 + 1;
    phase = fuzz_take(&b, 2);
    jitter = fuzz_take(&b, 2);
    main_loop = fuzz_take(&b, 2);
    holdoff = fuzz_take(&b, 2);
    start = (int32_t)fuzz_take(&b, 4);
    cfg.tick_start = fuzz_take(&b, 4);
    cfg.seed = fuzz_take(&b, 4);
    span = (int64_t)fuzz_take(&b, 2) * 1000;

    /* edges relative to the start first, so the trace can be placed at the limit */
    now = 0;
    for (n_edges = 0; b.left >= 2 && n_edges < MAX_EDGES; n_edges++) {
        uint32_t rec16 = fuzz_take(&b, 2);
        now += (rec16 & 0x8000u) ? (int64_t)(rec16 & 0x7fffu) * 1000 : (int64_t)rec16 + 1;
        edges[n_edges] = now;
    }
    if (head & 0x80u) {
        start = start < 0 ? -TRACE_TIME_LIMIT_NS : TRACE_TIME_LIMIT_NS - (now + span);
    }
    g_autoptr(trace_t) trace = trace_new("fuzz", level, active_low, start);
    for (gsize i = 0; i < n_edges; i++) {
        level = !level;
        trace_push_level(trace, start + edges[i], level);
    }
    trace->end_ns = start + now + span;

    span = trace->end_ns - trace->start_ns;
    if (span / cfg.interval_ns > MAX_POLLS) {
        cfg.interval_ns = span / MAX_POLLS + 1;
    }
    cfg.phase_ns = phase % cfg.interval_ns;
    cfg.jitter_ns = jitter % cfg.interval_ns;
    if (head & 0x20u) {
        cfg.count = SIM_COUNT_LEVEL;
        cfg.holdoff_ns = (int64_t)holdoff * 100000;
    }
    if (head & 0x40u) {
        cfg.main_loop_ns = (int64_t)main_loop * 10000 + 1;
    }
    if (cfg.seed & 1u) {
        cfg.stall_every_ns = cfg.interval_ns * (int64_t)(2u + (cfg.seed >> 8) % 64u);
        cfg.stall_for_ns = cfg.stall_every_ns * (int64_t)(1u + (cfg.seed >> 16) % 255u) / 256;
        if (cfg.stall_for_ns == 0 || cfg.stall_for_ns > span) {
            cfg.stall_every_ns = cfg.stall_for_ns = 0;
        }
    }
    if (cfg.seed & 2u) {
        cfg.print_ns = cfg.interval_ns * (int64_t)((cfg.seed >> 24) % 5u);
    }
    if (!sim_config_validate(&cfg, NULL)) {
        return 0; /* e.g. an integrator window of more than 2^31 samples */
    }

    g_autoptr(sim_result_t) jump = sim_result_new(&rec);
    g_autoptr(sim_result_t) step = sim_result_new(&rec);
    sim_poll_run(trace, &cfg, FALSE, &rec, jump);
    sim_poll_run(trace, &cfg, TRUE, &rec, step);
    if (jump->polls != step->polls || step->updates != step->polls) {
        fuzz_fail("reads: %" G_GUINT64_FORMAT " jumping, %" G_GUINT64_FORMAT
                  " stepping with %" G_GUINT64_FORMAT " updates",
                  jump->polls, step->polls, step->updates);
    }
    compare_events("events", jump->events, step->events, &cfg);
    compare_events("core outputs", jump->output, step->output, &cfg);
    return 0;
}
