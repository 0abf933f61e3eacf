/*
 * A second interrupt model, deliberately simple, to check src/sim/irq.c
 * against (issue 16). Written apart from it, from the semantics alone: a
 * list of timed events (pin edges, handler entries, handler ends) at
 * nanosecond resolution, taken one at a time in time order, nothing skipped.
 *
 * The semantics (the RP2040's, as README "Replaying" states them):
 * - an edge trigger pends the GPIO interrupt when the pin changes the way it
 *   watches; while pending, more edges change nothing (INTR latches once);
 * - a level trigger pends it when the pin enters the level, and again when a
 *   handler ends with the level still there; pending is not undone when the
 *   level goes (the NVIC's pending bit);
 * - an interrupt enters its handler its latency after it became pending, or
 *   after the previous handler ended if that is later; the latency is drawn
 *   when it becomes pending (base + uniform jitter, rarely a tail);
 * - the handler reads the pin at its entry, acknowledges its interrupt,
 *   updates the core, re-arms the one-shot alarm for the core's deadline (or
 *   disarms it) and keeps the CPU for the handler time;
 * - the alarm is one more interrupt, entering its latency after the first
 *   instant whose tick reaches the deadline;
 * - at one instant: pin edges first (an edge at an entry is seen by it),
 *   then a handler's end, then the alarm's entry (TIMER_IRQ_0 outranks
 *   IO_IRQ_BANK0), then the GPIO entry;
 * - nothing enters after the trace ends.
 */
#ifndef IRQ_REFERENCE_H
#define IRQ_REFERENCE_H

#include "sim_config.h"
#include "sim_result.h"
#include "trace.h"

/** Replays `trace` through `cfg` (irq mode, valid) into `result`, as sim_irq_run() would. */
void irq_reference_run(const trace_t *trace, const sim_config_t *cfg, sim_result_t *result);

#endif
