/*
 * A VCD's value changes read on several threads (internal to src/trace), by
 * the piece reader (piece_reader.h). A piece after the first begins at a
 * timestamp line ("#t"), so it can be parsed with the shared fast path
 * (vcd_changes.h) from a state of its own: no time yet, nothing pending, the
 * truth wire's level not known. In its turn it is joined: what the pieces
 * before left pending is committed, as its first timestamp line would, its
 * levels are appended, and its truth presses are merged (a press in one
 * piece, its release in another). The changes of its last timestamp stay
 * pending, as they would on one thread: the next line (a timestamp, or the
 * end of the file) commits them.
 *
 * Pieces are joined only as far as every line is of the fast path's shapes
 * and every time comes after the one before; from the first line that is not
 * (a keyword such as $comment or $dumpvars, a vector, a repeated or earlier
 * timestamp, an error, a last line without "\n"), the sequential reader goes
 * on with the state it would have had there.
 */
#ifndef READER_VCD_PARALLEL_H
#define READER_VCD_PARALLEL_H

#include "piece_reader.h"
#include "vcd_changes.h"

/**
 * Reads the value changes from the reader's position in parallel when par
 * allows it (see trace_pieces_read()), `st` being the reader's state there
 * (not inside a $comment). Adds them to `b` and brings `st` up to date as
 * the sequential reader would, leaves the reader on the first line not taken
 * and sets *lines to the number taken (0 when it did nothing; `lines` may be
 * NULL). FALSE with TRACE_ERROR_IO only if the reader cannot seek to go on.
 */
gboolean trace_vcd_changes_parallel(trace_line_reader_t *reader, vcd_state_t *st,
                                    trace_builder_t *b, const trace_parallel_t *par, guint64 *lines,
                                    GError **error);

/**
 * trace_read_vcd() with explicit parallel settings (tests lower the
 * threshold and choose the threads and pieces); *parallel_lines (may be
 * NULL) gets the number of lines read in parallel.
 */
trace_t *trace_read_vcd_with(trace_line_reader_t *reader, const trace_read_options_t *opts,
                             const trace_parallel_t *par, guint64 *parallel_lines, GError **error);

#endif
