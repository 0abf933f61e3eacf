/*
 * The two timing models. Both replay a trace through the core the way
 * firmware would, feeding a sim_program_t, and fill a sim_result_t.
 */
#ifndef SIM_MODELS_H
#define SIM_MODELS_H

#include "sim_config.h"
#include "sim_result.h"
#include "trace.h"

/**
 * Polling: a read every interval from trace start + phase, each late by a
 * seeded uniform jitter, each through debounce_update(). With
 * `step_every_read` FALSE it jumps over reads that cannot change anything
 * (no edge, no deadline reached, integrator saturated), so its cost grows
 * with edges, not reads; TRUE steps through every read (the reference).
 */
void sim_poll_run(const trace_t *trace, const sim_config_t *cfg, gboolean step_every_read,
                  const sim_record_t *record, sim_result_t *result);

/**
 * GPIO interrupt with RP2040 semantics, plus a one-shot alarm at each
 * deadline the core asks for. Cost grows with edges and handler entries.
 */
void sim_irq_run(const trace_t *trace, const sim_config_t *cfg, const sim_record_t *record,
                 sim_result_t *result);

/** The core's tick at host time t_ns for a trace starting at origin_ns. */
static inline uint32_t sim_tick_of(const sim_config_t *cfg, int64_t origin_ns, int64_t t_ns)
{
    return cfg->tick_start + (uint32_t)(uint64_t)((t_ns - origin_ns) / SIM_TICK_NS);
}

/**
 * The first host time at or after t_ns whose tick has reached `when` (a
 * deadline from the core), compared wrap-safely; t_ns itself if it has.
 */
static inline int64_t sim_deadline_ns(const sim_config_t *cfg, int64_t origin_ns, int64_t t_ns,
                                      uint32_t when)
{
    int32_t ahead = debounce_tick_diff(when, sim_tick_of(cfg, origin_ns, t_ns));
    int64_t tick_floor = origin_ns + (t_ns - origin_ns) / SIM_TICK_NS * SIM_TICK_NS;
    return ahead <= 0 ? t_ns : tick_floor + (int64_t)ahead * SIM_TICK_NS;
}

#endif
