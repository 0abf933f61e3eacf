/* One simulated run: a trace through one configuration. */
#ifndef SIM_H
#define SIM_H

#include "sim_config.h"
#include "sim_result.h"
#include "trace.h"

/**
 * Replays `trace` through `cfg` (validated first) and returns what the
 * program reported; `record` (may be NULL) asks for output and activity
 * details. NULL with a SIM_ERROR when the configuration is invalid, or a
 * TRACE_ERROR_INVALID when a time of the trace is beyond TRACE_TIME_LIMIT_NS.
 */
sim_result_t *sim_run(const trace_t *trace, const sim_config_t *cfg, const sim_record_t *record,
                      GError **error);

#endif
