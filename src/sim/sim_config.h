/*
 * One simulated configuration: which algorithm and windows, how the firmware
 * learns the pin level (polling, or a GPIO interrupt with RP2040 semantics),
 * and what the program does with what it learns. Host time is int64_t ns.
 */
#ifndef SIM_CONFIG_H
#define SIM_CONFIG_H

#include <glib.h>
#include <stdint.h>

#include "debounce/debounce.h"

/** The core's tick: the RP2040 timer counts microseconds. */
#define SIM_TICK_NS INT64_C(1000)

/**
 * The longest duration a configuration may hold (interval, phase, jitter,
 * latencies, handler time, hold-off, main-loop period): 365 days. With trace
 * times within TRACE_TIME_LIMIT_NS (2^61 ns), a time plus all of them still
 * fits an int64_t.
 */
#define SIM_MAX_DURATION_NS (INT64_C(365) * 24 * 3600 * 1000000000)

typedef enum {
    SIM_MODE_POLL, /**< read the pin every interval */
    SIM_MODE_IRQ,  /**< GPIO interrupt, plus an alarm when the core asks for a deadline */
} sim_mode_t;

/** GPIO interrupt triggers (RP2040 IO_IRQ: edges latch until acknowledged, levels do not). */
typedef enum {
    SIM_TRIGGER_FALLING,
    SIM_TRIGGER_RISING,
    SIM_TRIGGER_BOTH,
    SIM_TRIGGER_LOW,
    SIM_TRIGGER_HIGH,
} sim_trigger_t;

/** What the simulated program counts as a press. */
typedef enum {
    SIM_COUNT_EVENTS, /**< the core's press and release events (normal firmware) */
    SIM_COUNT_LEVEL,  /**< every read that sees the (debounced) pin pressed: the tutorial's loops */
    SIM_COUNT_ENTRIES, /**< every GPIO handler entry: the tutorial's interrupt handlers */
} sim_count_t;

/** How the program compares its ticks_ms() timestamps for the hold-off. */
typedef enum {
    SIM_HOLDOFF_TICKS_DIFF, /**< MicroPython ticks_diff(): right across the wrap */
    SIM_HOLDOFF_PLAIN,      /**< now - last: wrong once ticks_ms() wraps at 2^30 ms */
} sim_holdoff_compare_t;

/** The interrupt runtime whose latencies a configuration uses (for reports). */
typedef enum {
    SIM_RUNTIME_C,        /**< bare-metal pico-sdk C */
    SIM_RUNTIME_MPY_HARD, /**< MicroPython, Pin.irq(hard=True) */
    SIM_RUNTIME_MPY_SOFT, /**< MicroPython, scheduled (soft) Pin.irq, the default on the Pico */
    SIM_RUNTIME_CUSTOM,   /**< latencies given by hand */
} sim_runtime_t;

/**
 * Latency of one interrupt entry: base + uniform[0, jitter], and with
 * probability tail_ppm / 1e6 a further uniform[0, tail] (a garbage
 * collection or a long bytecode in MicroPython). All ns.
 */
typedef struct {
    int64_t base_ns;
    int64_t jitter_ns;
    int64_t tail_ns;
    uint32_t tail_ppm;
} sim_latency_t;

typedef struct {
    debounce_algo_t algo;
    int64_t press_window_ns;
    int64_t release_window_ns;
    sim_mode_t mode;

    /* polling */
    int64_t interval_ns; /**< time between reads */
    int64_t phase_ns;    /**< first read at trace start + phase */
    int64_t jitter_ns;   /**< each read late by uniform[0, jitter]; < interval */
    /** explicit read times instead of the grid (--reads): ns after the trace
     * start, non-decreasing; NULL: the grid. The caller owns the array. */
    const int64_t *reads_ns;
    gsize n_reads;
    /** the seeded stall model: the loop blocks stall_for_ns once per
     * stall_every_ns, at a uniform position in each period; 0: off */
    int64_t stall_every_ns;
    int64_t stall_for_ns;
    int64_t print_ns; /**< the loop blocks this long after each counted press (a print); 0: off */

    /* interrupts */
    sim_trigger_t trigger;
    sim_runtime_t runtime;
    sim_latency_t irq_latency; /**< from the edge (or the previous handler's end) to the handler */
    sim_latency_t alarm_latency; /**< from the deadline to the alarm handler */
    int64_t handler_ns;          /**< how long each handler runs */

    /* the program */
    sim_count_t count;
    int64_t holdoff_ns; /**< count only if more than this since the last count; 0: off */
    sim_holdoff_compare_t holdoff_compare;
    uint32_t ticks_ms_start; /**< MicroPython ticks_ms() at trace start (wrap tests) */
    int64_t main_loop_ns;    /**< 0: events reach the user at once; else at the next check */

    uint32_t tick_start; /**< the core's tick counter at trace start (wrap tests) */
    guint32 seed;        /**< for jitter and latency draws */
} sim_config_t;

/** Fills a configuration with the documented defaults: defer, 5 ms windows, polled every 1 ms
 * (sim_config.c). */
void sim_config_init(sim_config_t *cfg);

/** Sets the interrupt latencies and handler time of a runtime (not for CUSTOM). */
void sim_config_set_runtime(sim_config_t *cfg, sim_runtime_t runtime);

/**
 * Checks that a configuration can be simulated (windows in range, jitter
 * below the interval, durations up to SIM_MAX_DURATION_NS, no algorithm that
 * counts samples in interrupt mode...) and that the core accepts what it
 * would get (debounce_config_check()); FALSE with a SIM_ERROR_INVALID error
 * saying what to change.
 */
gboolean sim_config_validate(const sim_config_t *cfg, GError **error);

/**
 * Checks what depends on the trace too: a stall must be shorter than the
 * trace (`duration_ns`, end - start). FALSE with a SIM_ERROR_INVALID error.
 */
gboolean sim_config_fits_trace(const sim_config_t *cfg, int64_t duration_ns, GError **error);

/**
 * The core's configuration for a trace wired with `active_low`: windows in
 * ticks (rounded up), or, for an algorithm that counts samples, sample counts
 * ceil(window / interval).
 */
void sim_config_core(const sim_config_t *cfg, gboolean active_low, debounce_config_t *out);

const char *sim_mode_name(sim_mode_t mode);
const char *sim_trigger_name(sim_trigger_t trigger);
const char *sim_runtime_name(sim_runtime_t runtime);
const char *sim_count_name(sim_count_t count);
gboolean sim_mode_from_name(const char *name, sim_mode_t *out, GError **error);
gboolean sim_trigger_from_name(const char *name, sim_trigger_t *out, GError **error);
gboolean sim_runtime_from_name(const char *name, sim_runtime_t *out, GError **error);
gboolean sim_count_from_name(const char *name, sim_count_t *out, GError **error);

#endif
