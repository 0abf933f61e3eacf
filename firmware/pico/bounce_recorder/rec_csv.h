/*
 * The bounce recorder's output: bouncelab's native trace CSV, the format
 * src/trace/writer_csv.c writes and the host's reader parses:
 *
 *     # bouncelab trace v1
 *     # active: low
 *     # end_ns: 10000000000
 *     t_ns,level
 *     0,1                   <- time 0 and the initial level
 *     100000000,0           <- one row per edge: its time and the level after it
 *
 * plus, only when the capture lost edges, one last line after the rows:
 *
 *     # overflow: 8 edges lost from t_ns 100003600
 *     # overflow: edges lost from t_ns 100003600 (the sampler stalled)
 *
 * which says the trace is complete only before that instant; the host must
 * not take the file as a whole capture (see firmware/pico/README.md).
 * Formatted without SDK calls or libc; each function writes NUL-terminated
 * text into buf[size] and returns its length (REC_CSV_LINE_MAX always fits
 * a row or the overflow line, REC_CSV_HEADER_MAX the header).
 */
#ifndef REC_CSV_H
#define REC_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rec_sampler.h"

/** Buffer size that holds a row or the overflow line. */
#define REC_CSV_LINE_MAX 96u
/** Buffer size that holds the header (its four lines). */
#define REC_CSV_HEADER_MAX 128u
/** How an overflow line starts; the host looks for it. */
#define REC_CSV_OVERFLOW_PREFIX "# overflow:"

/** The four header lines; end_ns is the capture length (ns). */
size_t rec_csv_header(char *buf, size_t size, bool active_low, uint64_t end_ns);

/** One row "t_ns,level\n". */
size_t rec_csv_row(char *buf, size_t size, uint64_t t_ns, bool level);

/** The row of an edge record, whose index counts samples of ns_per_sample each. */
size_t rec_csv_edge_row(char *buf, size_t size, uint32_t record, uint32_t ns_per_sample);

/**
 * The overflow line for a finished capture, or nothing (returns 0, buf "")
 * when nothing was lost.
 */
size_t rec_csv_overflow(char *buf, size_t size, const rec_sampler_result_t *result,
                        uint32_t ns_per_sample);

#endif
