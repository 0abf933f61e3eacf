/*
 * Reading and writing traces. Readers stream (a file is never read whole into
 * memory) and report malformed input as TRACE_ERROR_PARSE with a message
 * "FILE:LINE: what is wrong". Writers go through util_atomic_file, so an
 * output appears whole or not at all.
 */
#ifndef TRACE_IO_H
#define TRACE_IO_H

#include "trace.h"

/** Path of the truth file beside a native trace: "x.csv" -> "x.truth.csv". */
char *trace_truth_path(const char *trace_path);

/**
 * Writes a trace in bouncelab's native CSV (header, then "t_ns,level" rows,
 * the first row giving the initial level) and, when the trace has truth,
 * its truth beside it (trace_truth_path(), "press_ns,release_ns" rows, an
 * empty release_ns for a press still held at the end).
 */
gboolean trace_write_csv(const trace_t *trace, const char *path, GError **error);

#endif
