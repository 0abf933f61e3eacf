/*
 * The native CSV's data rows read on several threads (internal to
 * src/trace), by the piece reader (piece_reader.h): pieces begin at any
 * line, each is parsed with trace_native_rows() into a scratch trace, and in
 * its turn its edges are appended to the trace. Pieces are joined only as
 * far as every row is a plain, in-order row; from the first line that is not
 * (a comment, an error, a last line without "\n", a time not after the
 * previous piece's last), the sequential reader goes on.
 */
#ifndef READER_CSV_PARALLEL_H
#define READER_CSV_PARALLEL_H

#include "piece_reader.h"

/**
 * Reads the plain rows from the reader's position (just after the header),
 * in parallel when par allows it (see trace_pieces_read()). Adds them to `b`
 * as the sequential reader would, leaves the reader on the first line not
 * taken (reader->line_no counting the rows taken) and sets *rows to the
 * number taken (0 when it did nothing; `rows` may be NULL). FALSE with
 * TRACE_ERROR_IO only if the reader cannot seek to go on after them.
 */
gboolean trace_native_rows_parallel(trace_line_reader_t *reader, trace_builder_t *b,
                                    const trace_parallel_t *par, guint64 *rows, GError **error);

/**
 * trace_read_native() with explicit parallel settings (tests lower the
 * threshold and choose the threads and pieces); *parallel_rows (may be NULL) gets the
 * number of data rows read in parallel.
 */
trace_t *trace_read_native_with(trace_line_reader_t *reader, const trace_read_options_t *opts,
                                const trace_parallel_t *par, guint64 *parallel_rows,
                                GError **error);

#endif
