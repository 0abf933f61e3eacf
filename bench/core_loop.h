/*
 * The timed loops of bench_core, in a file of their own so the compiler
 * cannot inline or specialise them into the caller, and so valgrind's
 * --toggle-collect can count exactly what runs inside them.
 */
#ifndef CORE_LOOP_H
#define CORE_LOOP_H

#include <stdbool.h>
#include <stdint.h>

#include "debounce/debounce.h"

/**
 * Calls debounce_update(d, t0 + i * dt_ticks, levels[i]) for i < n and
 * returns the sum of the events (so the calls cannot be dropped).
 */
uint32_t bench_core_updates(debounce_t *d, const bool *levels, uint32_t n, uint32_t t0,
                            uint32_t dt_ticks);

/**
 * The same loop with no update in its body: it reads each level and steps
 * the time exactly as bench_core_updates() does. Its cost is the loop
 * overhead subtracted from that of bench_core_updates().
 */
uint32_t bench_core_empty(debounce_t *d, const bool *levels, uint32_t n, uint32_t t0,
                          uint32_t dt_ticks);

#endif
