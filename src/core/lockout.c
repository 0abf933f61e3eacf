/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lockout (eager): report a change at once, then ignore the pin for the
 * window of that change (press window after a press, release window after a
 * release). The first update at or after the window end compares the pin with
 * the output again and reports any difference, which starts a new lock.
 * Same policy as the Pico tutorial's timestamp method, Bounce2's LOCK_OUT and
 * QMK's sym_eager_pk.
 */
#include "algo.h"

#include <stddef.h>

static uint32_t lock_end(const debounce_t *d)
{
    uint32_t window =
        debounce_output(d) ? d->cfg->press_window_ticks : d->cfg->release_window_ticks;
    return d->u.since + window;
}

static debounce_event_t lockout_update(debounce_t *d, uint32_t now, bool pressed)
{
    if (d->flags & DEBOUNCE_FLAG_LOCKED) {
        if (!debounce_tick_reached(now, lock_end(d))) {
            return DEBOUNCE_EVENT_NONE;
        }
        d->flags &= (uint8_t)~DEBOUNCE_FLAG_LOCKED;
    }
    if (pressed == debounce_output(d)) {
        return DEBOUNCE_EVENT_NONE;
    }
    d->flags |= DEBOUNCE_FLAG_LOCKED;
    d->u.since = now;
    return debounce_report(d);
}

static bool lockout_deadline(const debounce_t *d, uint32_t *when)
{
    /* Asked for at every lock end, not only when the pin has moved: the
     * update there clears the lock, so a lock start never goes stale across
     * the 2^31-tick horizon of the wrap-safe comparison. */
    if (!(d->flags & DEBOUNCE_FLAG_LOCKED)) {
        return false;
    }
    *when = lock_end(d);
    return true;
}

const debounce_algo_ops_t debounce_lockout_ops = {NULL, lockout_update, lockout_deadline,
                                                  DEBOUNCE_PROP_USES_WINDOWS};
