/*
 * The native CSV's data rows read on several threads (internal to
 * src/trace). The rows after the header are cut into pieces of a few MB at
 * line starts; threads take the pieces in file order, read each with pread()
 * (so the kernel's copy runs in parallel too) and parse it with
 * trace_native_rows() into a buffer of their own, then wait for their turn
 * and append its edges to the trace. The buffer is reused, so it stays in
 * cache and the trace's edge array is the only big memory touched.
 *
 * It is speculative: pieces are joined only as far as every row is a plain,
 * in-order row. From the first line that is not (a comment, an error, a last
 * line without "\n", a time not after the previous piece's last), the
 * sequential reader goes on as if it had read everything itself, so its
 * messages and line numbers do not change.
 */
#ifndef READER_CSV_PARALLEL_H
#define READER_CSV_PARALLEL_H

#include "reader_common.h"

/**
 * Data rows below this many bytes are read on one thread: one thread reads
 * them in under 20 ms (about 1 GB/s), so more would gain little.
 */
#define TRACE_NATIVE_PARALLEL_MIN_BYTES (UINT64_C(16) << 20)

/** Most threads that read rows. */
#define TRACE_NATIVE_PARALLEL_MAX_THREADS 8u

/**
 * Bytes of rows per piece: small enough that threads finishing at different
 * times wait little and a piece's edges stay in cache until they are copied
 * (4 MB of rows are about 2 MB of edges), big enough that the hand-over per
 * piece does not count.
 */
#define TRACE_NATIVE_PIECE_BYTES (UINT64_C(4) << 20)

/** When and how the rows are read in parallel. */
typedef struct {
    guint64 min_bytes;   /**< fewer bytes of rows after the header: one thread */
    guint threads;       /**< 0: one per processor (at most MAX_THREADS); 1: never in parallel */
    guint64 piece_bytes; /**< bytes of rows per piece (tests make many small ones) */
} trace_native_parallel_t;

/** The defaults: TRACE_NATIVE_PARALLEL_MIN_BYTES, one thread per processor, 4 MB pieces. */
void trace_native_parallel_init(trace_native_parallel_t *par);

/**
 * Reads the plain rows from the reader's position (just after the header),
 * in parallel when the reader is on a regular file with at least
 * par->min_bytes bytes left and more than one thread is asked for. Adds them
 * to `b` as the sequential reader would, leaves the reader on the first line
 * not taken (reader->line_no counting the rows taken) and sets *rows to the
 * number taken (0 when it did nothing; `rows` may be NULL). FALSE with
 * TRACE_ERROR_IO only if the reader cannot seek to go on after them.
 */
gboolean trace_native_rows_parallel(trace_line_reader_t *reader, trace_builder_t *b,
                                    const trace_native_parallel_t *par, guint64 *rows,
                                    GError **error);

/**
 * trace_read_native() with explicit parallel settings (tests lower the
 * threshold and choose the threads and pieces); *parallel_rows (may be NULL) gets the
 * number of data rows read in parallel.
 */
trace_t *trace_read_native_with(trace_line_reader_t *reader, const trace_read_options_t *opts,
                                const trace_native_parallel_t *par, guint64 *parallel_rows,
                                GError **error);

#endif
