/*
 * bouncelab debounce core: the portable part that runs unchanged on a
 * Raspberry Pi Pico and inside the host simulator.
 *
 * Freestanding C11: no libc, no allocation, no floating point, no division,
 * no global state. The caller owns every struct. Time is uint32_t ticks
 * (microseconds on the Pico) compared wrap-safely (see debounce_tick.h).
 *
 * One way in: call debounce_update() wherever the firmware learns the pin
 * level (a poll, a GPIO interrupt, an alarm). Interrupt-driven firmware also
 * arms a one-shot alarm at the instant debounce_deadline() gives, so that
 * windows end even when the pin stays quiet.
 */
#ifndef DEBOUNCE_H
#define DEBOUNCE_H

#include <stdbool.h>
#include <stdint.h>

#include "debounce_tick.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The debounce policies; each lives in its own file in src/core/. */
typedef enum {
    /** Output follows the pin at every update: raw edge detection. */
    DEBOUNCE_NONE = 0,
    /** Eager: report a change at once, then ignore the pin for the window. */
    DEBOUNCE_LOCKOUT,
    /** Report a change once the pin has held the new level for the window. */
    DEBOUNCE_DEFER,
    /** Eager press with a lock for the press window, deferred release. */
    DEBOUNCE_EAGER_DEFER,
    /** Kuhn's saturating integrator over samples (polling only). */
    DEBOUNCE_INTEGRATOR,
    DEBOUNCE_ALGO_COUNT
} debounce_algo_t;

/** What one update produced. */
typedef enum {
    DEBOUNCE_EVENT_NONE = 0,
    DEBOUNCE_EVENT_PRESS,
    DEBOUNCE_EVENT_RELEASE
} debounce_event_t;

/**
 * A debounce setting, shared read-only by every button that uses it; it must
 * outlive the states that point at it.
 *
 * Windows are in ticks and must not exceed DEBOUNCE_TICK_MAX_SPAN. For
 * DEBOUNCE_INTEGRATOR they are sample counts instead: the number of net
 * pressed (released) samples needed to report a press (release); see
 * DEBOUNCE_INTEGRATOR_SAMPLES().
 */
typedef struct {
    debounce_algo_t algo;
    uint32_t press_window;   /**< ticks (integrator: samples) before a press is settled */
    uint32_t release_window; /**< ticks (integrator: samples) before a release is settled */
    bool active_low;         /**< pull-up wiring: the pin reads 0 while pressed */
} debounce_config_t;

/**
 * Per-button state, owned by the caller; treat the fields as private.
 * 12 bytes on the RP2040 (16 on a 64-bit host, for the wider pointer).
 */
typedef struct {
    const debounce_config_t *cfg;
    union {
        uint32_t since; /**< ticks: start of the current lock or wait */
        uint32_t count; /**< integrator: net samples towards a change */
    } u;
    uint8_t flags;
} debounce_t;

/**
 * Integrator sample count for a window and a polling interval, both in the
 * same unit: ceil(window / interval). Meant for compile-time constants or the
 * host; it divides, which the core itself never does at run time.
 */
#define DEBOUNCE_INTEGRATOR_SAMPLES(window, interval) (((window) + (interval)-1u) / (interval))

/**
 * Starts a button at instant `now` (ticks) with pin level `level` (electrical,
 * true = high), taken as settled: no event is reported for it.
 */
void debounce_init(debounce_t *d, const debounce_config_t *cfg, uint32_t now, bool level);

/**
 * Feeds the pin level seen at instant `now` (ticks; never earlier than the
 * previous call) and returns the event this produced, if any.
 * Bounded time, no side effects beyond *d: safe to call from an ISR.
 */
debounce_event_t debounce_update(debounce_t *d, uint32_t now, bool level);

/**
 * Says whether the algorithm needs an update at instant *when (ticks) even if
 * the pin does not change, e.g. a window ending. Returns false when no wake-up
 * is needed. Polling firmware may ignore it; interrupt firmware arms an alarm.
 */
bool debounce_deadline(const debounce_t *d, uint32_t *when);

/** The debounced state: true while the button counts as pressed. */
bool debounce_is_pressed(const debounce_t *d);

/** Short lower-case name of an algorithm ("lockout"), or "?" when unknown. */
const char *debounce_algo_name(debounce_algo_t algo);

#ifdef __cplusplus
}
#endif

#endif
