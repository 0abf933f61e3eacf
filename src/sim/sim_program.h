/*
 * The simulated program around the core: what it counts (the core's events,
 * or the tutorial programs' "pressed while read" and "one per interrupt"),
 * its ticks_ms() hold-off, and the main loop that delivers a flag set by a
 * handler at its next check. The poll and interrupt models feed it every
 * update they make.
 */
#ifndef SIM_PROGRAM_H
#define SIM_PROGRAM_H

#include "sim_config.h"
#include "sim_result.h"

typedef struct {
    const sim_config_t *cfg;
    const sim_record_t *record;
    int64_t origin_ns;
    sim_result_t *result;
    gboolean counted;            /* a press has been counted: last_ms is valid */
    uint32_t last_ms;            /* ticks_ms() of the last counted press */
    int64_t last_delivery_ns[3]; /* per event kind: main-loop check that carries its flag */
} sim_program_t;

/** Starts the program for a trace beginning at origin_ns, writing into `result`. */
void sim_program_init(sim_program_t *p, const sim_config_t *cfg, const sim_record_t *record,
                      int64_t origin_ns, sim_result_t *result);

/**
 * One update of the core at t_ns returned `ev` and left the output
 * `pressed`; `gpio_entry` is TRUE when it ran in a GPIO handler. TRUE when
 * the program counted a press there (and would print the count).
 */
gboolean sim_program_update(sim_program_t *p, int64_t t_ns, debounce_event_t ev, gboolean pressed,
                            gboolean gpio_entry);

/** MicroPython's ticks_ms() at t_ns: wraps at 2^30 ms, as on 32-bit ports. */
uint32_t sim_program_ticks_ms(const sim_program_t *p, int64_t t_ns);

#endif
