/*
 * The verdict of a stress CSV: for each input, algorithm, mode and polling
 * interval or interrupt timing, the smallest window whose exact one-sided
 * 95 % upper bound of failed press cycles (a false trigger or a missed press
 * or release) per million meets the target, with its margin over the
 * longest bounce recorded and over the model's 1-in-10^6 bounce; then the
 * one setting that meets the target on every input, with the lowest worst
 * median latency; and how many clean presses a recording alone would need.
 */
#ifndef STRESS_VERDICT_H
#define STRESS_VERDICT_H

#include <glib.h>
#include <stdio.h>

/** The default target: 1 failed press cycle per million. */
#define STRESS_VERDICT_TARGET_DEFAULT 1e-6

/** Parses --target (a fraction of presses strictly between 0 and 1); FALSE with why not. */
gboolean stress_verdict_parse_target(const char *text, double *out, GError **error);

/**
 * Prints the verdict of the stress CSV at `path` for a target rate (per
 * press, 0 < target < 1). FALSE with the reader's error (a part of a
 * sharded run is refused: merge the parts first).
 */
gboolean stress_verdict_print(FILE *out, const char *path, double target, GError **error);

#endif
