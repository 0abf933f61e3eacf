/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Wrap-safe tick maths for the debounce core.
 *
 * Ticks are a free-running uint32_t counter (microseconds on the Pico, whose
 * 64-bit timer is read as its low 32 bits). The counter wraps every 2^32
 * ticks (about 71.6 minutes at 1 MHz); comparing through a signed difference
 * keeps every comparison right across the wrap as long as the two instants
 * are less than 2^31 ticks apart.
 */
#ifndef DEBOUNCE_TICK_H
#define DEBOUNCE_TICK_H

#include <stdbool.h>
#include <stdint.h>

/** Largest window or interval the core accepts, in ticks (2^31 - 1). */
#define DEBOUNCE_TICK_MAX_SPAN 0x7fffffffu

/** Signed distance a - b in ticks, right across the wrap while |a - b| < 2^31. */
static inline int32_t debounce_tick_diff(uint32_t a, uint32_t b)
{
    return (int32_t)(a - b);
}

/** True when instant `now` is at or after instant `when` (both in ticks). */
static inline bool debounce_tick_reached(uint32_t now, uint32_t when)
{
    return debounce_tick_diff(now, when) >= 0;
}

#endif
