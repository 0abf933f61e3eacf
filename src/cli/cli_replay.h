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
 * one-line description. On failure prints the error, sets *status (2: bad
 * input, 1: I/O) and returns NULL.
 */
trace_t *cli_replay_load(const char *path, const trace_read_options_t *opts, int64_t settle_ns,
                         char **desc, int *status);

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
 * one. FALSE after printing the error.
 */
gboolean cli_replay_write_vcd(const char *path, const trace_t *trace, const sim_config_t *cfg,
                              const sim_result_t *result, const GArray *matches,
                              int64_t timescale_ns);

#endif
