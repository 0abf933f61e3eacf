/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * eager-defer: a press is reported at once and locks the pin out for the
 * press window; a release is reported only after the pin has stayed released
 * for the release window, counted from the first update at or after the lock
 * end that sees it released. Same policy as QMK's asym_eager_defer_pk: fast
 * presses, and no false release from bounce on the make.
 */
#include "algo.h"

#include <stddef.h>

static debounce_event_t eager_defer_update(debounce_t *d, uint32_t now, bool pressed)
{
    const debounce_config_t *cfg = d->cfg;

    if (!debounce_output(d)) {
        if (!pressed) {
            return DEBOUNCE_EVENT_NONE;
        }
        d->flags |= DEBOUNCE_FLAG_LOCKED;
        d->u.since = now;
        return debounce_report(d);
    }
    if (d->flags & DEBOUNCE_FLAG_LOCKED) {
        if (!debounce_tick_reached(now, d->u.since + cfg->press_window_ticks)) {
            return DEBOUNCE_EVENT_NONE;
        }
        d->flags &= (uint8_t)~DEBOUNCE_FLAG_LOCKED;
    }
    if (pressed) {
        d->flags &= (uint8_t)~DEBOUNCE_FLAG_PENDING;
        return DEBOUNCE_EVENT_NONE;
    }
    if (!(d->flags & DEBOUNCE_FLAG_PENDING)) {
        d->flags |= DEBOUNCE_FLAG_PENDING;
        d->u.since = now;
    }
    if (!debounce_tick_reached(now, d->u.since + cfg->release_window_ticks)) {
        return DEBOUNCE_EVENT_NONE;
    }
    d->flags &= (uint8_t)~DEBOUNCE_FLAG_PENDING;
    return debounce_report(d);
}

static bool eager_defer_deadline(const debounce_t *d, uint32_t *when)
{
    if (d->flags & DEBOUNCE_FLAG_LOCKED) {
        *when = d->u.since + d->cfg->press_window_ticks;
        return true;
    }
    if (d->flags & DEBOUNCE_FLAG_PENDING) {
        *when = d->u.since + d->cfg->release_window_ticks;
        return true;
    }
    return false;
}

const debounce_algo_ops_t debounce_eager_defer_ops = {
    NULL, eager_defer_update, eager_defer_deadline, DEBOUNCE_PROP_USES_WINDOWS};
