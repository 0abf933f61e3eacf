/*
 * How results reach the user: the sweep CSV (one row per configuration),
 * the per-event CSV of `run --events`, and the table `run` prints.
 */
#ifndef CLI_RESULTS_H
#define CLI_RESULTS_H

#include <glib.h>
#include <stdio.h>

#include "sim_config.h"
#include "sim_metrics.h"
#include "sim_result.h"

/** The sweep CSV's header line (with newline); its columns are documented in the README. */
extern const char cli_results_csv_header[];

/**
 * One sweep CSV row (with its newline) for `trace_name` run with `cfg`,
 * scored `m`; thread-safe, so sweep workers format their own rows.
 */
char *cli_results_csv_row(const char *trace_name, const sim_config_t *cfg, const sim_metrics_t *m);

/** Appends a CSV field to `out`: quoted when it holds a comma, quote or newline. */
void cli_results_csv_field(GString *out, const char *s);

/** Formats a us value for CSV: up to 3 decimals, no trailing zeros, "" for NAN. */
char *cli_results_format_us(double us);

/** Writes `run --events`: "t_ns,event,truth_index,latency_us", one row per event. */
void cli_results_events_csv(FILE *out, const sim_result_t *result, const GArray *matches);

/** Prints `run`'s aligned table of metrics. */
void cli_results_print_run(FILE *out, const char *trace_desc, const sim_config_t *cfg,
                           const sim_result_t *result, const sim_metrics_t *m);

/** One line describing a configuration, e.g. "defer 5ms/5ms, poll every 1ms". */
char *cli_results_describe(const sim_config_t *cfg);

/**
 * What the program around the core does when it is not plain firmware, e.g.
 * "counts level, hold-off 300ms (ticks_diff), main loop every 10ms"; NULL
 * when it reports the core's events as they come.
 */
char *cli_results_describe_program(const sim_config_t *cfg);

#endif
