/* SPDX-License-Identifier: BSD-3-Clause */
/* The dispatcher: maps the one public interface onto each algorithm. */
#include "algo.h"

#include <stddef.h>

static const debounce_algo_ops_t *const algo_ops[DEBOUNCE_ALGO_COUNT] = {
    [DEBOUNCE_NONE] = &debounce_none_ops,
    [DEBOUNCE_LOCKOUT] = &debounce_lockout_ops,
    [DEBOUNCE_DEFER] = &debounce_defer_ops,
    [DEBOUNCE_EAGER_DEFER] = &debounce_eager_defer_ops,
    [DEBOUNCE_INTEGRATOR] = &debounce_integrator_ops,
};

/* An out-of-range algo (a corrupted config) acts as `none` rather than jumping wild. */
static const debounce_algo_ops_t *ops_of_algo(debounce_algo_t algo)
{
    unsigned a = (unsigned)algo;
    return a < (unsigned)DEBOUNCE_ALGO_COUNT ? algo_ops[a] : &debounce_none_ops;
}

static const debounce_algo_ops_t *ops_of(const debounce_t *d)
{
    return ops_of_algo(d->cfg->algo);
}

bool debounce_algo_counts_samples(debounce_algo_t algo)
{
    return (ops_of_algo(algo)->props & DEBOUNCE_PROP_COUNTS_SAMPLES) != 0u;
}

bool debounce_algo_uses_windows(debounce_algo_t algo)
{
    return (ops_of_algo(algo)->props & DEBOUNCE_PROP_USES_WINDOWS) != 0u;
}

void debounce_init(debounce_t *d, const debounce_config_t *cfg, uint32_t now, bool level)
{
    const debounce_algo_ops_t *ops;

    (void)now; /* no algorithm starts locked; kept so callers need not change if one does */
    d->cfg = cfg;
    d->u.since = 0u;
    d->flags = (level != cfg->active_low) ? DEBOUNCE_FLAG_PRESSED : 0u;
    ops = ops_of(d);
    if (ops->init != NULL) {
        ops->init(d);
    }
}

debounce_event_t debounce_update(debounce_t *d, uint32_t now, bool level)
{
    return ops_of(d)->update(d, now, level != d->cfg->active_low);
}

bool debounce_deadline(const debounce_t *d, uint32_t *when)
{
    const debounce_algo_ops_t *ops = ops_of(d);
    return ops->deadline != NULL && ops->deadline(d, when);
}

bool debounce_is_pressed(const debounce_t *d)
{
    return debounce_output(d);
}
