/*
 * The big files bench_readers reads: one generated trace written in each
 * format. Native CSV and VCD go through bouncelab's own writers; sigrok and
 * Saleae CSV, which bouncelab reads but does not write, are written here the
 * way sigrok-cli (-O csv, dedup) and Saleae Logic 2 write them.
 */
#ifndef READER_FILES_H
#define READER_FILES_H

#include "trace.h"
#include "trace_io.h"

/** sigrok files are written at this samplerate: times become multiples of its 10 ns period. */
#define READER_FILES_SIGROK_RATE_HZ INT64_C(100000000)

/**
 * Writes `trace` (without its truth) to `path` in `format` (NATIVE, VCD,
 * SIGROK or SALEAE), flushed to disk. Reading it back gives the same edge
 * count: sigrok times are rounded up to the sample period and kept strictly
 * increasing.
 */
gboolean reader_files_write(const trace_t *trace, trace_format_t format, const char *path,
                            GError **error);

#endif
