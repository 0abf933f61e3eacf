/*
 * The Pico bounce_recorder's stream, read line by line as it arrives (by
 * `bouncelab record`): its native trace CSV header, then rows parsed by the
 * native CSV reader's own row parser (native_rows.h), into a trace that grows
 * as they come. Errors are TRACE_ERROR_PARSE "NAME:LINE: what is wrong".
 */
#ifndef TRACE_STREAM_H
#define TRACE_STREAM_H

#include "trace.h"

typedef struct trace_stream trace_stream_t;

/** A stream named `name` in its messages (e.g. the serial device). */
trace_stream_t *trace_stream_new(const char *name);

/** Frees the stream and its trace; NULL is fine. */
void trace_stream_free(trace_stream_t *stream);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(trace_stream_t, trace_stream_free)

/**
 * Takes one line (without its "\n"; a "\r" before it is ignored). Lines
 * before "# bouncelab trace v1" are skipped (what a serial line held before
 * the recorder spoke), except the recorder's own error line. Then the
 * header must follow as the recorder writes it, then rows. FALSE with an
 * error on a malformed header or row, the recorder's "bounce_recorder:
 * error:" line, or its "# overflow:" line (the message gives its t_ns).
 * After an error nothing more may be fed.
 */
gboolean trace_stream_line(trace_stream_t *stream, const char *line, gsize len, GError **error);

/** TRUE once the header and the first row (time 0 and its level) have come. */
gboolean trace_stream_started(const trace_stream_t *stream);

/** Rows taken so far (the first row included). */
guint64 trace_stream_rows(const trace_stream_t *stream);

/** The time of the latest row (ns); only once started. */
int64_t trace_stream_last_ns(const trace_stream_t *stream);

/** After an "# overflow:" error: the t_ns from which edges were lost; else -1. */
int64_t trace_stream_overflow_ns(const trace_stream_t *stream);

/** The header's end_ns: the capture's planned length (ns). */
int64_t trace_stream_planned_end_ns(const trace_stream_t *stream);

/**
 * The trace so far, ending at end_ns (raised to the latest row if earlier);
 * only once started. It stays the stream's; later lines may add edges.
 */
const trace_t *trace_stream_trace(trace_stream_t *stream, int64_t end_ns);

#endif
