/* SPDX-License-Identifier: BSD-3-Clause */
/* none: the output follows the pin at every update, bounces and all (the naive program). */
#include "algo.h"

#include <stddef.h>

static debounce_event_t none_update(debounce_t *d, uint32_t now, bool pressed)
{
    (void)now;
    return pressed != debounce_output(d) ? debounce_report(d) : DEBOUNCE_EVENT_NONE;
}

const debounce_algo_ops_t debounce_none_ops = {NULL, none_update, NULL, 0u};
