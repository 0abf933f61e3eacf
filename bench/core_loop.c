/* The timed loops of bench_core (see core_loop.h). */
#include "core_loop.h"

#include "bench_common.h"

uint32_t bench_core_updates(debounce_t *d, const bool *levels, uint32_t n, uint32_t t0,
                            uint32_t dt_ticks)
{
    uint32_t events = 0, now = t0;

    for (uint32_t i = 0; i < n; i++) {
        events += (uint32_t)debounce_update(d, now, levels[i]);
        now += dt_ticks;
    }
    return events;
}

uint32_t bench_core_empty(debounce_t *d, const bool *levels, uint32_t n, uint32_t t0,
                          uint32_t dt_ticks)
{
    uint32_t events = 0, now = t0;

    (void)d;
    for (uint32_t i = 0; i < n; i++) {
        events += (uint32_t)levels[i];
        now += dt_ticks;
        /* both stay in registers and step once per iteration, as in the loop with updates,
         * instead of being vectorised or dropped */
        BENCH_KEEP(events);
        BENCH_KEEP(now);
    }
    return events;
}
