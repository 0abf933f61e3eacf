/*
 * Differential fuzzing of the core's contract (tests/core/test_core_equivalence.c
 * is the seeded unit-test version, with the same runners): calling update at
 * every pin change plus whenever debounce_deadline() asks gives exactly the
 * events of calling it at every tick, and extra calls in between change
 * nothing. The integrator counts samples, so it has no such contract.
 *
 * Input: byte 0 = algorithm (low 3 bits, modulo the number of time-based
 * algorithms of the core's registry: none, lockout, defer, eager-defer),
 * active-low (bit 7) and initial pin level (bit 6); then the press and
 * release windows (2 bytes each, up to 4095 ticks), the start tick (4 bytes,
 * anywhere on the 32-bit circle); then 2-byte records, each a delay of up to
 * 4095 ticks after the previous one (low 12 bits) and either a pin flip
 * (bit 15 clear) or an extra update (bit 15 set).
 */
#include "fuzz_util.h"

#include <stdio.h>
#include <stdlib.h>

#include "core_runner.h"

/* The every-tick reference costs one update per tick, so inputs stay short:
 * at most 256 changes up to 4095 ticks apart, windows up to 4095 ticks. */
#define MAX_CHANGES 256
#define MAX_EXTRA   256
#define WINDOW_MASK 0x0fffu
#define DELAY_MASK  0x0fffu
#define EXTRA_BIT   0x8000u

static void compare(const char *how, const core_event_t *want, size_t n_want,
                    const core_event_t *got, size_t n_got, const debounce_config_t *cfg,
                    uint32_t base)
{
    size_t n = n_want < n_got ? n_want : n_got;

    for (size_t k = 0; k < n; k++) {
        if (want[k].t != got[k].t || want[k].event != got[k].event) {
            fuzz_fail("%s %s (%u/%u, base %u): event %zu is %d@%u, every tick gives %d@%u",
                      debounce_algo_name(cfg->algo), how, cfg->press_window_ticks,
                      cfg->release_window_ticks, base, k, (int)got[k].event, got[k].t,
                      (int)want[k].event, want[k].t);
        }
    }
    if (n_want != n_got) {
        fuzz_fail("%s %s (%u/%u, base %u): %zu events, every tick gives %zu",
                  debounce_algo_name(cfg->algo), how, cfg->press_window_ticks,
                  cfg->release_window_ticks, base, n_got, n_want);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static core_input_t in[MAX_CHANGES];
    static uint32_t extra[MAX_EXTRA];
    static core_event_t ticked[CORE_MAX_EVENTS], driven[CORE_MAX_EVENTS],
        with_extra[CORE_MAX_EVENTS];
    fuzz_bytes_t b = {data, size};
    uint32_t head = fuzz_take(&b, 1);
    debounce_algo_t algos[DEBOUNCE_ALGO_COUNT];
    const size_t n_algos = core_time_based_algos(algos);
    core_case_t c = {.name = "fuzz"};
    size_t n_in = 0, n_extra = 0;
    uint32_t t = 0, base;
    uint8_t level;

    c.cfg.algo = algos[(head & 7u) % n_algos];
    c.cfg.active_low = (head & 0x80u) != 0;
    c.initial_level = (head & 0x40u) ? 1 : 0;
    c.cfg.press_window_ticks = fuzz_take(&b, 2) & WINDOW_MASK;
    c.cfg.release_window_ticks = fuzz_take(&b, 2) & WINDOW_MASK;
    base = fuzz_take(&b, 4);
    level = c.initial_level;
    while (b.left >= 2 && n_in < MAX_CHANGES && n_extra < MAX_EXTRA) {
        uint32_t rec = fuzz_take(&b, 2);
        t += rec & DELAY_MASK;
        if (rec & EXTRA_BIT) {
            extra[n_extra++] = t;
        } else if (n_in == 0 ? t > 0 : t > in[n_in - 1].t) {
            /* tick 0 is the init; both runners see changes from tick 1 */
            level = (uint8_t)!level;
            in[n_in].t = t;
            in[n_in].level = level;
            n_in++;
        }
    }
    c.inputs = in;
    c.n_inputs = n_in;
    /* past the last input, every window has room to end */
    c.end = t + c.cfg.press_window_ticks + c.cfg.release_window_ticks + 2u;

    size_t nt = core_run_sampled(&c, base, 1u, ticked);
    size_t nd = core_run_driven(&c, base, driven);
    size_t nx = core_run_driven_extra(&c, base, extra, n_extra, with_extra);
    compare("driven", ticked, nt, driven, nd, &c.cfg, base);
    compare("driven with extra updates", ticked, nt, with_extra, nx, &c.cfg, base);
    return 0;
}
