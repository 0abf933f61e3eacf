/*
 * Differential fuzzing of the interrupt model (tests/sim/test_irq_reference.c
 * is the seeded unit-test version): src/sim/irq.c against the deliberately
 * simple reference of tests/sim/irq_reference.c gives the same events, core
 * outputs and CPU counts.
 *
 * Input: byte 0 = algorithm (low 2 bits, modulo 4: no integrator in irq
 * mode), trigger (bits 2-4, modulo 5), active-low (bit 5), initial level
 * (bit 6), count entries or levels (bit 7, with byte 1's low bit choosing);
 * byte 1 = the time step (bit 1: 1 ns, else 1 us; fine steps make ties),
 * a hold-off (bit 2), a main loop (bit 3); 2 bytes each (x step): press
 * window, release window, GPIO latency, its jitter, its tail, alarm latency,
 * its jitter, its tail, handler time; 1 byte each: GPIO and alarm tail
 * probability (x 1/255); 4 bytes each: the core's start tick, the seed;
 * 2 bytes: time after the last edge (x step); then 2-byte edges: a delay of
 * 1 + (record % 2^15) steps.
 */
#include "fuzz_util.h"

#include "irq_compare.h"
#include "sim.h"

#define MAX_EDGES 1024
#define MS        INT64_C(1000000)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_bytes_t b = {data, size};
    uint32_t head = fuzz_take(&b, 1), flags = fuzz_take(&b, 1);
    int64_t step = (flags & 0x02u) ? 1 : 1000;
    gboolean level = (head & 0x40u) != 0;
    sim_config_t cfg;
    int64_t now = 0;
    g_autofree char *diff = NULL;

    sim_config_init(&cfg);
    cfg.mode = SIM_MODE_IRQ;
    cfg.runtime = SIM_RUNTIME_CUSTOM;
    cfg.algo = (debounce_algo_t)((head & 3u) % DEBOUNCE_INTEGRATOR);
    cfg.trigger = (sim_trigger_t)(((head >> 2) & 7u) % (SIM_TRIGGER_HIGH + 1));
    if (head & 0x80u) {
        cfg.count = (flags & 1u) ? SIM_COUNT_ENTRIES : SIM_COUNT_LEVEL;
    }
    cfg.press_window_ns = fuzz_take(&b, 2) * step;
    cfg.release_window_ns = fuzz_take(&b, 2) * step;
    cfg.irq_latency.base_ns = fuzz_take(&b, 2) * step;
    cfg.irq_latency.jitter_ns = fuzz_take(&b, 2) * step;
    cfg.irq_latency.tail_ns = fuzz_take(&b, 2) * step;
    cfg.alarm_latency.base_ns = fuzz_take(&b, 2) * step;
    cfg.alarm_latency.jitter_ns = fuzz_take(&b, 2) * step;
    cfg.alarm_latency.tail_ns = fuzz_take(&b, 2) * step;
    cfg.handler_ns = fuzz_take(&b, 2) * step;
    cfg.irq_latency.tail_ppm = fuzz_take(&b, 1) * 1000000u / 255u;
    cfg.alarm_latency.tail_ppm = fuzz_take(&b, 1) * 1000000u / 255u;
    cfg.tick_start = fuzz_take(&b, 4);
    cfg.seed = fuzz_take(&b, 4);
    if (flags & 0x04u) {
        cfg.holdoff_ns = (int64_t)(cfg.seed % 30u) * MS;
    }
    if (flags & 0x08u) {
        cfg.main_loop_ns = (int64_t)(cfg.seed % 20u + 1u) * MS;
    }
    int64_t tail = fuzz_take(&b, 2) * step;

    g_autoptr(trace_t) trace = trace_new("fuzz", level, (head & 0x20u) != 0, 0);
    for (gsize n = 0; b.left >= 2 && n < MAX_EDGES; n++) {
        now += (1 + (int64_t)(fuzz_take(&b, 2) & 0x7fffu)) * step;
        level = !level;
        trace_push_level(trace, now, level);
    }
    trace->end_ns = now + tail;
    if (!sim_config_validate(&cfg, NULL)) {
        return 0; /* a level trigger with neither latency nor handler time */
    }
    diff = irq_compare(trace, &cfg);
    if (diff != NULL) {
        fuzz_fail("irq.c and the reference differ: %s", diff);
    }
    return 0;
}
