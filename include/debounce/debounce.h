/* SPDX-License-Identifier: BSD-3-Clause */
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
 * outlive the states that point at it. debounce_config_check() says whether
 * the core can use it.
 *
 * Each window is one number under two names, one per unit: ticks (at most
 * DEBOUNCE_TICK_MAX_SPAN) for the time-based algorithms, samples for those
 * that count samples (debounce_algo_counts_samples(): the integrator), the
 * number of net pressed (released) samples needed to report a press
 * (release); see DEBOUNCE_INTEGRATOR_SAMPLES().
 */
typedef struct {
    debounce_algo_t algo;
    union {
        uint32_t press_window_ticks;   /**< ticks before a press is settled */
        uint32_t press_window_samples; /**< sample-counting algorithms: samples instead */
    };
    union {
        uint32_t release_window_ticks;   /**< ticks before a release is settled */
        uint32_t release_window_samples; /**< sample-counting algorithms: samples instead */
    };
    bool active_low; /**< pull-up wiring: the pin reads 0 while pressed */
} debounce_config_t;

/** Why debounce_config_check() refuses a configuration. */
typedef enum {
    DEBOUNCE_CONFIG_OK = 0,
    /** algo is not a debounce_algo_t below DEBOUNCE_ALGO_COUNT */
    DEBOUNCE_CONFIG_UNKNOWN_ALGO,
    /** a window in ticks past DEBOUNCE_TICK_MAX_SPAN: the wrap-safe comparison breaks */
    DEBOUNCE_CONFIG_WINDOW_TOO_LONG,
    /** a sample-counting algorithm with a window of 0 samples: it would filter nothing */
    DEBOUNCE_CONFIG_NO_SAMPLES,
    DEBOUNCE_CONFIG_STATUS_COUNT
} debounce_config_status_t;

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
 * DEBOUNCE_CONFIG_OK when the core can run `cfg`, else the first reason it
 * cannot (the order of debounce_config_status_t). Call it once per setting
 * before debounce_init(); the other functions do not check.
 */
debounce_config_status_t debounce_config_check(const debounce_config_t *cfg);

/**
 * True when `algo` counts samples rather than time (the integrator): its
 * windows are *_window_samples, it assumes evenly spaced updates (polling
 * only), and it changes state on every update, even with the pin steady.
 */
bool debounce_algo_counts_samples(debounce_algo_t algo);

/** False when `algo` ignores its windows (none). */
bool debounce_algo_uses_windows(debounce_algo_t algo);

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

/** What a status of debounce_config_check() means, one lower-case phrase ("?" when unknown). */
const char *debounce_config_status_text(debounce_config_status_t status);

/** One line on an algorithm's policy, for people choosing one ("?" when unknown). */
const char *debounce_algo_summary(debounce_algo_t algo);

/** What the press and release windows mean for an algorithm ("?" when unknown). */
const char *debounce_algo_parameters(debounce_algo_t algo);

#ifdef __cplusplus
}
#endif

#endif
