/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Private to the core: the per-algorithm entry points behind the dispatcher,
 * and the state flag bits they share.
 */
#ifndef DEBOUNCE_ALGO_H
#define DEBOUNCE_ALGO_H

#include "debounce/debounce.h"

/* Flag bits in debounce_t.flags. */
#define DEBOUNCE_FLAG_PRESSED 0x01u /* debounced output */
#define DEBOUNCE_FLAG_LOCKED  0x02u /* ignoring the pin until u.since + window */
#define DEBOUNCE_FLAG_PENDING 0x04u /* waiting for the pin to hold since u.since */

/* Properties of an algorithm (debounce_algo_ops_t.props). */
#define DEBOUNCE_PROP_USES_WINDOWS 0x01u /* reads its windows (none does not) */
#define DEBOUNCE_PROP_COUNTS_SAMPLES                                                               \
    0x02u /* windows are samples; see debounce_algo_counts_samples() */

/*
 * One algorithm behind the public interface: the core's registry is the
 * table of these in debounce.c, indexed by debounce_algo_t. `pressed` is the
 * pin level already mapped through active_low. The dispatcher calls through
 * a table rather than a switch because a Thumb-1 switch table pulls in
 * libgcc's __gnu_thumb1_case_* helpers, and the core links against nothing.
 */
typedef struct {
    /* after the common start (output = level, since = 0); NULL: nothing more */
    void (*init)(debounce_t *d);
    debounce_event_t (*update)(debounce_t *d, uint32_t now, bool pressed);
    bool (*deadline)(const debounce_t *d, uint32_t *when); /* NULL: never needs a wake-up */
    uint8_t props;                                         /* DEBOUNCE_PROP_* */
} debounce_algo_ops_t;

extern const debounce_algo_ops_t debounce_none_ops;
extern const debounce_algo_ops_t debounce_lockout_ops;
extern const debounce_algo_ops_t debounce_defer_ops;
extern const debounce_algo_ops_t debounce_eager_defer_ops;
extern const debounce_algo_ops_t debounce_integrator_ops;

/* Flips the debounced output and names the event that flip is. */
static inline debounce_event_t debounce_report(debounce_t *d)
{
    d->flags ^= DEBOUNCE_FLAG_PRESSED;
    return (d->flags & DEBOUNCE_FLAG_PRESSED) ? DEBOUNCE_EVENT_PRESS : DEBOUNCE_EVENT_RELEASE;
}

static inline bool debounce_output(const debounce_t *d)
{
    return (d->flags & DEBOUNCE_FLAG_PRESSED) != 0u;
}

#endif
