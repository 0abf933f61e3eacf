/*
 * The button demo's settings: compile-time constants, each overridable with
 * -D (firmware/pico/CMakeLists.txt passes the BUTTON_DEMO_* cache variables
 * through).
 */
#ifndef DEMO_CONFIG_H
#define DEMO_CONFIG_H

#include "debounce/debounce.h"

/** GPIO the button is on: the tutorial's wiring, GPIO 5 to a button to GND. */
#ifndef DEMO_GPIO
#define DEMO_GPIO 5u
#endif

/** 1: pressed pulls the pin to GND, with the internal pull-up; 0: to 3V3, with the pull-down. */
#ifndef DEMO_ACTIVE_LOW
#define DEMO_ACTIVE_LOW 1
#endif

/**
 * 1: interrupt mode, GPIO edge interrupts on both edges plus a one-shot
 * alarm at the core's deadline; 0: poll mode, a repeating timer.
 */
#ifndef DEMO_IRQ_MODE
#define DEMO_IRQ_MODE 1
#endif

/** The debounce algorithm (a debounce_algo_t). */
#ifndef DEMO_ALGO
#define DEMO_ALGO DEBOUNCE_DEFER
#endif

/** Press window (us); for the integrator, turned into samples at the poll interval. */
#ifndef DEMO_PRESS_WINDOW_US
#define DEMO_PRESS_WINDOW_US 5000u
#endif

/** Release window (us). */
#ifndef DEMO_RELEASE_WINDOW_US
#define DEMO_RELEASE_WINDOW_US DEMO_PRESS_WINDOW_US
#endif

/** Poll mode: time between the starts of two polls (us). */
#ifndef DEMO_POLL_INTERVAL_US
#define DEMO_POLL_INTERVAL_US 1000u
#endif

/** Time for the pull resistor to charge the pin before the first reading (us). */
#ifndef DEMO_PULL_SETTLE_US
#define DEMO_PULL_SETTLE_US 100u
#endif

/**
 * Irq mode: how many times a handler runs a deadline that has already
 * passed itself before giving up until the next edge. One is enough for
 * every algorithm (an update at or after its deadline settles it); the bound
 * keeps the handler's time bounded whatever happens.
 */
#ifndef DEMO_DEADLINE_CATCH_UP_MAX
#define DEMO_DEADLINE_CATCH_UP_MAX 4u
#endif

/**
 * Irq mode: when no alarm slot is free for a deadline, the main loop polls
 * it this often (us) until one is: a late deadline is at most this late.
 */
#ifndef DEMO_DEADLINE_POLL_US
#define DEMO_DEADLINE_POLL_US 1000u
#endif

#endif
