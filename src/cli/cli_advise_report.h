/*
 * What `bouncelab advise` prints: the recommendation with its evidence
 * (rates with their 95 % bounds, latencies, CPU, margin, runner-up, why the
 * other algorithms lose, the `run` options to check it), or why nothing
 * meets the constraints.
 */
#ifndef CLI_ADVISE_REPORT_H
#define CLI_ADVISE_REPORT_H

#include <glib.h>
#include <stdio.h>

#include "cli_advise.h"

/** Prints the first candidate of `r` (which must meet every constraint) and its evidence. */
void cli_advise_print(FILE *out, const cli_advise_result_t *r, const cli_advise_request_t *req,
                      GPtrArray *paths);

/** "lockout 5ms, irq (c)", "defer 2ms, poll every 1ms": a setting in a few words. */
char *cli_advise_setting_text(const cli_advise_candidate_t *c);

/** A latency in us as a duration of 3 significant digits ("1.98us"), or "-". */
char *cli_advise_latency_text(double us);

/** Why candidate c falls short of the request, in one line (`paths`: the inputs' names). */
char *cli_advise_broken_text(const cli_advise_candidate_t *c, const cli_advise_request_t *req,
                             GPtrArray *paths);

#endif
