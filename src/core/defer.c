/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * defer: report a change only after the pin has held the new level for the
 * window, counted from the update that first saw it; any update that sees
 * the old level again cancels the wait. Press and release each use their own
 * window. Same policy as QMK's sym_defer_pk, Bounce2's default and the
 * MAX6816 debouncer chip.
 */
#include "algo.h"

#include <stddef.h>

static uint32_t wait_end(const debounce_t *d)
{
    /* the wait is for the opposite of the current output */
    uint32_t window =
        debounce_output(d) ? d->cfg->release_window_ticks : d->cfg->press_window_ticks;
    return d->u.since + window;
}

static debounce_event_t defer_update(debounce_t *d, uint32_t now, bool pressed)
{
    if (pressed == debounce_output(d)) {
        d->flags &= (uint8_t)~DEBOUNCE_FLAG_PENDING;
        return DEBOUNCE_EVENT_NONE;
    }
    if (!(d->flags & DEBOUNCE_FLAG_PENDING)) {
        d->flags |= DEBOUNCE_FLAG_PENDING;
        d->u.since = now;
    }
    if (!debounce_tick_reached(now, wait_end(d))) {
        return DEBOUNCE_EVENT_NONE;
    }
    d->flags &= (uint8_t)~DEBOUNCE_FLAG_PENDING;
    return debounce_report(d);
}

static bool defer_deadline(const debounce_t *d, uint32_t *when)
{
    if (!(d->flags & DEBOUNCE_FLAG_PENDING)) {
        return false;
    }
    *when = wait_end(d);
    return true;
}

const debounce_algo_ops_t debounce_defer_ops = {NULL, defer_update, defer_deadline,
                                                DEBOUNCE_PROP_USES_WINDOWS};
