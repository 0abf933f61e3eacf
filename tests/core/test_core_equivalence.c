/*
 * The property interrupt firmware and the simulator rely on: calling update
 * at every pin change plus whenever debounce_deadline() asks gives exactly
 * the events of calling it at every tick (1 us polling), and extra calls in
 * between change nothing. Checked on a few hundred seeded random bouncy
 * waveforms for every time-based algorithm, with random windows, wiring and
 * start tick (often near the 2^32 wrap).
 */
#include "core_runner.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>

#include <cmocka.h>
#include <glib.h>

#define N_WAVEFORMS 300
#define MAX_CHANGES 512

/* Appends a change if it flips the level and keeps times strictly increasing. */
static void push(core_input_t *in, size_t *n, uint32_t t, uint8_t level)
{
    if (*n < MAX_CHANGES && (*n == 0 || (t > in[*n - 1].t && level != in[*n - 1].level))) {
        in[*n].t = t;
        in[*n].level = level;
        (*n)++;
    }
}

/* A burst of contact bounce ending at `settled`, then the settled level. */
static uint32_t bounce(GRand *rng, core_input_t *in, size_t *n, uint32_t t, uint8_t settled)
{
    int pulses = g_rand_int_range(rng, 0, 9);
    push(in, n, t, settled);
    for (int k = 0; k < pulses; k++) {
        t += (uint32_t)g_rand_int_range(rng, 1, 400);
        push(in, n, t, (uint8_t)!settled);
        t += (uint32_t)g_rand_int_range(rng, 1, 300);
        push(in, n, t, settled);
    }
    return t;
}

static int compare_ticks(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static size_t make_waveform(GRand *rng, bool active_low, core_input_t *in, uint32_t *end)
{
    uint8_t rest = active_low ? 1 : 0;
    uint32_t t = 0;
    size_t n = 0;
    int presses = g_rand_int_range(rng, 1, 6);

    for (int p = 0; p < presses; p++) {
        t += (uint32_t)g_rand_int_range(rng, 1, 6000);
        t = bounce(rng, in, &n, t, (uint8_t)!rest);
        t += (uint32_t)g_rand_int_range(rng, 1, 8000);
        t = bounce(rng, in, &n, t, rest);
    }
    *end = t + 8000u;
    return n;
}

static void equivalence(void **state)
{
    debounce_algo_t algos[DEBOUNCE_ALGO_COUNT];
    const size_t n_algos = core_time_based_algos(algos);
    core_input_t *in = calloc(MAX_CHANGES, sizeof *in);
    core_event_t *driven = calloc(CORE_MAX_EVENTS, sizeof *driven);
    core_event_t *ticked = calloc(CORE_MAX_EVENTS, sizeof *ticked);
    core_event_t *extra_ev = calloc(CORE_MAX_EVENTS, sizeof *extra_ev);
    uint32_t extra[64];
    (void)state;

    assert_true(in && driven && ticked && extra_ev);
    for (guint32 seed = 1; seed <= N_WAVEFORMS; seed++) {
        GRand *rng = g_rand_new_with_seed(seed);
        core_case_t c = {.name = "random"};
        bool active_low = g_rand_boolean(rng);
        size_t n_in = make_waveform(rng, active_low, in, &c.end);
        uint32_t base = g_rand_boolean(rng)
                            ? g_rand_int(rng)
                            : UINT32_MAX - (uint32_t)g_rand_int_range(rng, 0, 20000);

        c.inputs = in;
        c.n_inputs = n_in;
        c.initial_level = active_low ? 1 : 0;
        for (size_t k = 0; k < G_N_ELEMENTS(extra); k++) {
            extra[k] = (uint32_t)g_rand_int_range(rng, 1, (gint32)c.end);
        }
        qsort(extra, G_N_ELEMENTS(extra), sizeof extra[0], compare_ticks);
        for (size_t a = 0; a < n_algos; a++) {
            uint32_t pw = (uint32_t)g_rand_int_range(rng, 0, 3000);
            uint32_t rw = g_rand_boolean(rng) ? pw : (uint32_t)g_rand_int_range(rng, 0, 3000);
            c.cfg = (debounce_config_t){.algo = algos[a],
                                        .press_window_ticks = pw,
                                        .release_window_ticks = rw,
                                        .active_low = active_low};
            size_t nd = core_run_driven(&c, base, driven);
            size_t nt = core_run_sampled(&c, base, 1u, ticked);
            size_t nx = core_run_driven_extra(&c, base, extra, G_N_ELEMENTS(extra), extra_ev);
            if (nd != nt || nx != nt) {
                fail_msg("seed %u, %s (%u/%u): %zu events driven, %zu every tick, %zu with extra "
                         "calls",
                         seed, debounce_algo_name(algos[a]), pw, rw, nd, nt, nx);
            }
            for (size_t k = 0; k < nt; k++) {
                if (driven[k].t != ticked[k].t || driven[k].event != ticked[k].event ||
                    extra_ev[k].t != ticked[k].t || extra_ev[k].event != ticked[k].event) {
                    fail_msg("seed %u, %s (%u/%u): event %zu differs: driven %u, every tick %u, "
                             "extra %u",
                             seed, debounce_algo_name(algos[a]), pw, rw, k, driven[k].t,
                             ticked[k].t, extra_ev[k].t);
                }
            }
        }
        g_rand_free(rng);
    }
    free(in);
    free(driven);
    free(ticked);
    free(extra_ev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(equivalence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
