/*
 * The labels of a sweep's traces in its CSV: the trace's own name (its file
 * name stem) unless another trace of the sweep has the same, then the
 * shortest end of its path that tells them apart ("a/tactile",
 * "b/tactile"), so two traces are never merged into one.
 */
#ifndef CLI_LABELS_H
#define CLI_LABELS_H

#include <glib.h>

/**
 * One label per trace: names[i] (its name), unique as it is, or prefixed by
 * the fewest trailing directories of paths[i] that make it unique; the same
 * path given twice gets "#2", "#3"... after the second and later. Returns a
 * new array of N strings.
 */
GPtrArray *cli_trace_labels(const char *const *paths, const char *const *names, guint n);

#endif
