/*
 * Test side of the pico-sdk host stub: a discrete-event simulation of the
 * few peripherals the firmware glue touches, driven by a known pin waveform.
 *
 * - Time: one clock in ns from 0; time_us_32() is time_base_us + t / 1000.
 * - The button pin: `initial_level`, then `edges` (strictly increasing
 *   times; an edge at t is already seen by a read at t).
 * - GPIO interrupt: an edge enabled in the mask latches; the callback runs
 *   irq_latency_ns later with every edge latched meanwhile (RP2040 edge
 *   interrupts latch), and reads the pin as it is then.
 * - Alarms and repeating timers fire at their microsecond; callbacks and
 *   handlers take no time.
 * - __wfe() and tight_loop_contents() on core 0 run the next due event
 *   (an interrupt), unless __sev() was called since the last __wfe().
 * - PIO: only the recorder's sampler, `in pins, 1` wrapping onto itself with
 *   autopush at 32 bits shifting right, is modelled (anything else is a stub
 *   error): sample k is taken at enable time + k * divider / clk_sys.
 * - Core 1 runs to completion inside multicore_launch_core1(): its entry
 *   runs until it waits with __wfe() or the waveform ends.
 *
 * The run ends when the simulation would pass end_ns.
 */
#ifndef PICO_STUB_H
#define PICO_STUB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** The pin changes to `level` at t_ns. */
typedef struct {
    uint64_t t_ns;
    bool level;
} stub_edge_t;

typedef struct {
    unsigned button_gpio; /**< the one input pin the waveform drives */
    bool initial_level;
    const stub_edge_t *edges;
    size_t n_edges;
    uint64_t end_ns;            /**< the run stops before any event after this */
    uint32_t time_base_us;      /**< time_us_32() at t = 0 */
    uint64_t irq_latency_ns;    /**< edge to GPIO callback */
    uint32_t clk_sys_hz;        /**< 0: 125 MHz, the RP2040 default */
    uint32_t pio_stall_at_word; /**< 0: never; else RXSTALL latches as word N (1 = first) is read */
} stub_config_t;

/** One change of an output pin (the LED) or of the wireless chip's LED. */
typedef struct {
    uint64_t t_ns;
    unsigned gpio; /**< STUB_WL_GPIO_BASE + n for the wireless chip's GPIO n */
    bool value;
} stub_output_t;

#define STUB_WL_GPIO_BASE 1000u
#define STUB_MAX_OUTPUTS  64u

/** Starts a fresh simulation; every earlier state (timers, IRQ, PIO) is gone. */
void stub_reset(const stub_config_t *cfg);

/**
 * Runs a renamed firmware main() until the simulation reaches end_ns, with
 * stdout sent to the file at out_path. Returns true unless the stub met
 * something it does not model (then stub_error() says what).
 */
bool stub_run(int (*entry)(void), const char *out_path);

/** The stub error of the last run, or NULL. */
const char *stub_error(void);

/** Output pin changes of the last run, in order; *n set to their count. */
const stub_output_t *stub_outputs(size_t *n);

/** True when the firmware enabled the pull-up on gpio. */
bool stub_pull_up_enabled(unsigned gpio);

/** Interrupt and alarm callbacks run, and PIO words read, in the last run. */
uint32_t stub_gpio_irqs(void);
uint32_t stub_alarm_fires(void);
uint32_t stub_pio_words(void);

#endif
