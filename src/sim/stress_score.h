/*
 * Scoring one batch for `stress`: the sweep's matching rule (sim_metrics.h)
 * decides which events are false and which presses missed; this turns it
 * into per-cycle outcomes. Cycle i runs from true press i to true press
 * i + 1 (events before the first press belong to cycle 0), so a cycle with
 * two false triggers counts once and the cycle counts are binomial.
 */
#ifndef STRESS_SCORE_H
#define STRESS_SCORE_H

#include "sim_config.h"
#include "sim_result.h"
#include "stress_tally.h"
#include "trace.h"

/** Reusable buffers of one thread. */
typedef struct {
    GArray *matches; /**< sim_match_t */
    GArray *flags;   /**< guint8 per cycle */
} stress_scratch_t;

void stress_scratch_init(stress_scratch_t *s);
void stress_scratch_clear(stress_scratch_t *s);

/**
 * Adds the outcome of `result` (a run of `cfg` over `trace`, which has
 * truth) to `tally`. With `draws` (each press's make and break draw classes,
 * trace_gen_tilted()) the presses were drawn from a proposal and only the
 * rare counts take them; without, every other count does.
 */
void stress_score(const trace_t *trace, const sim_config_t *cfg, const sim_result_t *result,
                  const guint8 *draws, stress_scratch_t *scratch, stress_tally_t *tally);

#endif
