/*
 * The button demo's logic, without SDK calls: what its handlers do with a
 * pin reading, and the queue that carries the events to the main loop.
 *
 * Every handler entry (a poll timer tick, a GPIO edge interrupt, a debounce
 * alarm) reads the pin and calls demo_handle(), which counts the entry, runs
 * the debounce core and queues the event it reports, if any. Handlers never
 * print: the main loop takes events with demo_next_event() and prints them.
 * One producer (the handlers, all on one core at one priority) and one
 * consumer (the main loop).
 */
#ifndef DEMO_BUTTON_H
#define DEMO_BUTTON_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "debounce/debounce.h"
#include "fw_spsc.h"

/** Events the queue holds before the handlers drop new ones (a power of two). */
#define DEMO_QUEUE_EVENTS 16u

/** What made a handler run. */
typedef enum {
    DEMO_SOURCE_POLL = 0, /**< the repeating poll timer */
    DEMO_SOURCE_GPIO,     /**< a GPIO edge interrupt */
    DEMO_SOURCE_ALARM,    /**< the one-shot alarm armed at the core's deadline */
    DEMO_SOURCE_COUNT,
    /**
     * A reading that is no handler entry of its own, so not counted: the
     * start-up reading once edge interrupts are on, a deadline found already
     * past and run inside the entry that found it, the main loop's poll of a
     * deadline no alarm could be armed for.
     */
    DEMO_SOURCE_UNCOUNTED = DEMO_SOURCE_COUNT
} demo_source_t;

/** A debounced event, as the main loop gets it. */
typedef struct {
    uint32_t t_us;                       /**< time_us_32() of the reading that reported it */
    debounce_event_t event;              /**< press or release */
    uint32_t entries[DEMO_SOURCE_COUNT]; /**< handler entries since the previous event, this one
                                            included */
} demo_event_t;

typedef struct {
    debounce_t button;
    uint32_t entries[DEMO_SOURCE_COUNT]; /**< handler side: entries since the last queued event */
    _Atomic uint32_t dropped;            /**< handler side: events lost to a full queue */
    uint32_t dropped_reported;           /**< main-loop side: `dropped` when last reported */
    fw_spsc_t queue;
    demo_event_t events[DEMO_QUEUE_EVENTS];
} demo_t;

/**
 * Fills *cfg for `algo` with windows given in us: kept as ticks (the Pico's
 * tick is 1 us), or turned into samples at poll_interval_us (> 0) for an
 * algorithm that counts samples. Returns debounce_config_check() of the
 * result: anything but DEBOUNCE_CONFIG_OK must not reach demo_init().
 */
debounce_config_status_t demo_make_config(debounce_config_t *cfg, debounce_algo_t algo,
                                          uint32_t press_window_us, uint32_t release_window_us,
                                          uint32_t poll_interval_us, bool active_low);

/**
 * Starts the demo with the button settled at electrical level `level` at
 * instant now_us (microseconds, time_us_32()). cfg must outlive demo.
 */
void demo_init(demo_t *demo, const debounce_config_t *cfg, uint32_t now_us, bool level);

/**
 * One handler entry from `source` (DEMO_SOURCE_UNCOUNTED: a reading counted
 * nowhere): the pin read `level` at now_us. Feeds the
 * core and queues the event it reports (dropping it, counted, when the queue
 * is full). Returns that event. Bounded time, no blocking: ISR-safe.
 */
debounce_event_t demo_handle(demo_t *demo, demo_source_t source, uint32_t now_us, bool level);

/** When the core wants an update with no pin change (us, time_us_32()); false: none. */
bool demo_deadline(const demo_t *demo, uint32_t *when_us);

/** Main loop: takes the oldest queued event into *out; false when there is none. */
bool demo_next_event(demo_t *demo, demo_event_t *out);

/** Main loop: events dropped since the previous call (0 normally). */
uint32_t demo_take_dropped(demo_t *demo);

#endif
