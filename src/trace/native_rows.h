/*
 * The native CSV's hot loop: plain "t_ns,level" rows parsed straight from a
 * buffer, digits eight at a time. Internal to src/trace; the sequential
 * reader (reader_csv.c) and the parallel one (reader_csv_parallel.c) share it,
 * so both accept exactly the same rows.
 */
#ifndef NATIVE_ROWS_H
#define NATIVE_ROWS_H

#include "reader_common.h"

/**
 * Parses whole rows "DIGITS,L\n" (at most TRACE_SAFE_DIGITS digits, L 0 or 1,
 * "\r\n" allowed, each time after the builder's last one) from [s, end) into
 * `b`. `end` is just past a "\n", and TRACE_LINE_PAD bytes after it may be
 * read. Stops at the first line that is not such a row (a comment, a blank
 * line, a sign, an error, a time not after the previous one) and returns
 * where it stopped, a line start; *lines is the number of rows parsed.
 */
const char *trace_native_rows(trace_builder_t *b, const char *s, const char *end, guint64 *lines);

#endif
