/* The button demo's handler logic and event queue (see demo_button.h). */
#include "demo_button.h"

debounce_config_status_t demo_make_config(debounce_config_t *cfg, debounce_algo_t algo,
                                          uint32_t press_window_us, uint32_t release_window_us,
                                          uint32_t poll_interval_us, bool active_low)
{
    cfg->algo = algo;
    cfg->active_low = active_low;
    if (debounce_algo_counts_samples(algo)) {
        cfg->press_window_samples = DEBOUNCE_INTEGRATOR_SAMPLES(press_window_us, poll_interval_us);
        cfg->release_window_samples =
            DEBOUNCE_INTEGRATOR_SAMPLES(release_window_us, poll_interval_us);
    } else {
        cfg->press_window_ticks = press_window_us;
        cfg->release_window_ticks = release_window_us;
    }
    return debounce_config_check(cfg);
}

void demo_init(demo_t *demo, const debounce_config_t *cfg, uint32_t now_us, bool level)
{
    debounce_init(&demo->button, cfg, now_us, level);
    for (unsigned i = 0u; i < (unsigned)DEMO_SOURCE_COUNT; i++) {
        demo->entries[i] = 0u;
    }
    atomic_store_explicit(&demo->dropped, 0u, memory_order_relaxed);
    demo->dropped_reported = 0u;
    (void)fw_spsc_init(&demo->queue, DEMO_QUEUE_EVENTS);
}

debounce_event_t demo_handle(demo_t *demo, demo_source_t source, uint32_t now_us, bool level)
{
    debounce_event_t event = debounce_update(&demo->button, now_us, level);
    uint32_t slot;

    if ((unsigned)source < (unsigned)DEMO_SOURCE_COUNT) {
        demo->entries[source]++;
    }
    if (event == DEBOUNCE_EVENT_NONE) {
        return event;
    }
    if (fw_spsc_write_slot(&demo->queue, &slot)) {
        demo_event_t *ev = &demo->events[slot];
        ev->t_us = now_us;
        ev->event = event;
        for (unsigned i = 0u; i < (unsigned)DEMO_SOURCE_COUNT; i++) {
            ev->entries[i] = demo->entries[i];
        }
        fw_spsc_publish(&demo->queue);
    } else {
        uint32_t dropped = atomic_load_explicit(&demo->dropped, memory_order_relaxed);
        atomic_store_explicit(&demo->dropped, dropped + 1u, memory_order_relaxed);
    }
    /* the next event counts its own entries, whether or not this one fitted */
    for (unsigned i = 0u; i < (unsigned)DEMO_SOURCE_COUNT; i++) {
        demo->entries[i] = 0u;
    }
    return event;
}

bool demo_deadline(const demo_t *demo, uint32_t *when_us)
{
    return debounce_deadline(&demo->button, when_us);
}

bool demo_next_event(demo_t *demo, demo_event_t *out)
{
    uint32_t slot;

    if (!fw_spsc_read_slot(&demo->queue, &slot)) {
        return false;
    }
    *out = demo->events[slot];
    fw_spsc_release(&demo->queue);
    return true;
}

uint32_t demo_take_dropped(demo_t *demo)
{
    uint32_t dropped = atomic_load_explicit(&demo->dropped, memory_order_relaxed);
    uint32_t fresh = dropped - demo->dropped_reported;

    demo->dropped_reported = dropped;
    return fresh;
}
