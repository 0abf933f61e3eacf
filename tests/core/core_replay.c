/*
 * The replay loops behind the core's table tests, the equivalence test and
 * its fuzz harness (tests/fuzz): plain C, no cmocka, so the fuzzer can link
 * them too.
 */
#include "core_runner.h"

#include <stdio.h>
#include <stdlib.h>

static size_t record(core_event_t *out, size_t n, uint32_t t, debounce_event_t ev)
{
    if (ev == DEBOUNCE_EVENT_NONE) {
        return n;
    }
    if (n >= CORE_MAX_EVENTS) {
        /* each event needs a pin change before it, so only a case with more
         * changes than this gets here: a bigger buffer is needed, not a fix */
        fprintf(stderr, "core_replay: more than %d events\n", CORE_MAX_EVENTS);
        abort();
    }
    out[n].t = t;
    out[n].event = ev;
    return n + 1;
}

size_t core_run_driven_extra(const core_case_t *c, uint32_t base, const uint32_t *extra,
                             size_t n_extra, core_event_t *out)
{
    debounce_t d;
    bool level = c->initial_level != 0;
    size_t i = 0, x = 0, n = 0;
    uint32_t t = 0;

    debounce_init(&d, &c->cfg, base, level);
    for (;;) {
        uint32_t next = UINT32_MAX, when = 0;
        if (i < c->n_inputs) {
            next = c->inputs[i].t;
        }
        /* extra is NULL only with n_extra 0, so neither line reads it then */
        /* cppcheck-suppress nullPointer */
        while (x < n_extra && extra[x] <= t) {
            x++;
        }
        /* cppcheck-suppress nullPointer */
        if (x < n_extra && extra[x] < next) {
            next = extra[x];
        }
        if (debounce_deadline(&d, &when)) {
            /* a deadline at or before now means "call again"; the earliest
             * firmware can do that is the next tick */
            int32_t ahead = (int32_t)(when - (base + t));
            uint32_t rel = ahead > 0 ? t + (uint32_t)ahead : t + 1u;
            if (rel < next) {
                next = rel;
            }
        }
        if (next == UINT32_MAX || next > c->end) {
            return n;
        }
        t = next;
        if (i < c->n_inputs && c->inputs[i].t == t) {
            level = c->inputs[i].level != 0;
            i++;
        }
        n = record(out, n, t, debounce_update(&d, base + t, level));
    }
}

size_t core_run_driven(const core_case_t *c, uint32_t base, core_event_t *out)
{
    return core_run_driven_extra(c, base, NULL, 0, out);
}

size_t core_run_sampled(const core_case_t *c, uint32_t base, uint32_t interval, core_event_t *out)
{
    debounce_t d;
    bool level = c->initial_level != 0;
    size_t i = 0, n = 0;

    debounce_init(&d, &c->cfg, base, level);
    for (uint64_t t = interval; t <= c->end; t += interval) {
        while (i < c->n_inputs && c->inputs[i].t <= t) {
            level = c->inputs[i].level != 0;
            i++;
        }
        n = record(out, n, (uint32_t)t, debounce_update(&d, base + (uint32_t)t, level));
    }
    return n;
}

size_t core_time_based_algos(debounce_algo_t *out)
{
    size_t n = 0;

    for (int a = 0; a < (int)DEBOUNCE_ALGO_COUNT; a++) {
        if (!debounce_algo_counts_samples((debounce_algo_t)a)) {
            out[n++] = (debounce_algo_t)a;
        }
    }
    return n;
}
