/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * integrator: Kenneth Kuhn's saturating counter over samples. Each pressed
 * sample counts up, each released sample counts down, clamped. While released
 * the count climbs towards press_window_samples and a press is reported on reaching
 * it; the count then restarts at release_window_samples and a release is reported
 * when it falls to 0. With equal windows N this is Kuhn's 0..N integrator.
 * Time plays no part: it assumes evenly spaced samples (polling).
 */
#include "algo.h"

#include <stddef.h>

/* A settled press sits at the top of the release count, as after a reported press. */
static void integrator_init(debounce_t *d)
{
    if (debounce_output(d)) {
        d->u.count = d->cfg->release_window_samples;
    }
}

static debounce_event_t integrator_update(debounce_t *d, uint32_t now, bool pressed)
{
    (void)now;
    const debounce_config_t *cfg = d->cfg;
    uint32_t count = d->u.count;

    if (!debounce_output(d)) {
        if (!pressed) {
            d->u.count = count > 0u ? count - 1u : 0u;
            return DEBOUNCE_EVENT_NONE;
        }
        if (count < cfg->press_window_samples) {
            count++;
        }
        if (count < cfg->press_window_samples) {
            d->u.count = count;
            return DEBOUNCE_EVENT_NONE;
        }
        d->u.count = cfg->release_window_samples;
        return debounce_report(d);
    }
    if (pressed) {
        d->u.count = count < cfg->release_window_samples ? count + 1u : count;
        return DEBOUNCE_EVENT_NONE;
    }
    if (count > 0u) {
        count--;
    }
    d->u.count = count;
    return count == 0u ? debounce_report(d) : DEBOUNCE_EVENT_NONE;
}

const debounce_algo_ops_t debounce_integrator_ops = {integrator_init, integrator_update, NULL,
                                                     DEBOUNCE_PROP_USES_WINDOWS |
                                                         DEBOUNCE_PROP_COUNTS_SAMPLES};
