/*
 * What `run` and `sweep` need around the simulator: traces read with their
 * truth (the oracle's when the file has none), the bundled traces, and the
 * waveform file of a run.
 */
#ifndef CLI_REPLAY_H
#define CLI_REPLAY_H

#include <glib.h>

#include "sim_config.h"
#include "sim_metrics.h"
#include "sim_result.h"
#include "trace_io.h"

/**
 * Reads a trace for replay. A trace without truth gets the oracle's
 * (settle_ns), and a note on stderr says so. `desc` (may be NULL) receives a
 * one-line description. NULL with the error of cli_read_trace() on failure.
 */
trace_t *cli_replay_load(const char *path, const trace_read_options_t *opts, int64_t settle_ns,
                         char **desc, GError **error);

/**
 * Warns on stderr that --active may be inverted when the run's scores look
 * like it: most matched presses came at or after their true release (the
 * core saw each release as a press), or most presses matched took over
 * twice as long as the release of the same true press (at least
 * CLI_ACTIVE_MIN_PAIRS of them). Returns TRUE when it warned.
 */
gboolean cli_replay_warn_active(const char *path, const trace_t *trace, const sim_result_t *result,
                                const GArray *matches);

/** Fewer matched press/release pairs than this say nothing about the active level. */
#define CLI_ACTIVE_MIN_PAIRS 4

/**
 * The bundled traces (traces/ *.csv but not *.truth.csv) in name order, as a
 * NULL-terminated vector of paths; NULL with an error if the folder is gone.
 */
char **cli_replay_bundled_traces(GError **error);

/**
 * Writes a run's waveforms as a VCD, wires named by meaning: "pin" (the
 * level), "pressed" (1 while the pin reads pressed), "debounced" (the core's
 * output, 1 = pressed), "truth" (1 while truly pressed), the reads (toggling
 * at each) or the handler and alarm runs (1 while running), the reported
 * presses and releases, and the "false" events and "missed" true presses
 * (releases too with --count events), each toggling once per event.
 * `matches` is sim_metrics_compute()'s; timescale_ns 0 is the coarsest exact
 * one. FALSE with the error when the file cannot be written.
 */
gboolean cli_replay_write_vcd(const char *path, const trace_t *trace, const sim_config_t *cfg,
                              const sim_result_t *result, const GArray *matches,
                              int64_t timescale_ns, GError **error);

#endif
