/*
 * What the trace readers share (internal to src/trace): "FILE:LINE: ..."
 * errors, an edge builder that appends edges in batches on the hot path, and
 * the entry point of each format's reader.
 */
#ifndef READER_COMMON_H
#define READER_COMMON_H

#include "line_reader.h"
#include "parse_number.h"
#include "trace.h"
#include "trace_io.h"

/** Sets TRACE_ERROR_PARSE "PATH:LINE: message" at the reader's current line. */
void trace_parse_error(GError **error, const trace_line_reader_t *reader, const char *format, ...)
    G_GNUC_PRINTF(3, 4);

/** Same, at an explicit line number (e.g. the end of file, or a header line). */
void trace_parse_error_at(GError **error, const char *path, guint64 line, const char *format, ...)
    G_GNUC_PRINTF(4, 5);

/** The message for a number that failed to parse: "no number"/"numbers out of range". */
const char *trace_num_problem(trace_num_result_t r);

/** Edges buffered before they go to the trace's GArray in one append. */
#define TRACE_BUILDER_BATCH 4096

/**
 * Builds a trace from levels in time order. The reader checks that times
 * increase (so it can name the line); the builder only records changes.
 */
typedef struct {
    trace_t *trace;
    gboolean started; /* the initial level is known */
    gboolean level;   /* the current level */
    int64_t last_ns;  /* time of the last level given */
    guint n;          /* edges in batch[] */
    int64_t batch[TRACE_BUILDER_BATCH];
} trace_builder_t;

/** A builder for `trace` (whose edges it appends to). */
void trace_builder_init(trace_builder_t *b, trace_t *trace);

/** Most edges trace_builder_reserve() sets room for: 2^26, 512 MiB of address space. */
#define TRACE_BUILDER_MAX_RESERVE (UINT64_C(1) << 26)

/**
 * Sets room for up to `edges` edges (capped at TRACE_BUILDER_MAX_RESERVE)
 * before reading, so the edge array never moves. Only address space: pages
 * count once written. (Transparent huge pages were tried: with the default
 * madvise defrag a read took 0.12 to 0.35 s instead of a steady 0.15 s.)
 */
void trace_builder_reserve(trace_builder_t *b, guint64 edges);

/** Appends the batch to the trace. */
void trace_builder_flush(trace_builder_t *b);

/** The pin reads `level` from t_ns on; the first call sets the start and the initial level. */
static inline void trace_builder_level(trace_builder_t *b, int64_t t_ns, gboolean level)
{
    if (G_UNLIKELY(!b->started)) {
        b->started = TRUE;
        b->level = level;
        b->trace->initial_level = level;
        b->trace->start_ns = t_ns;
    } else if (level != b->level) {
        if (G_UNLIKELY(b->n == TRACE_BUILDER_BATCH)) {
            trace_builder_flush(b);
        }
        b->batch[b->n++] = t_ns;
        b->level = level;
    }
    b->last_ns = t_ns;
}

/**
 * Flushes and sets the trace's end: end_ns, or the last time given if that
 * is later (end_ns < INT64_MIN + 1 means "the last time given").
 */
void trace_builder_finish(trace_builder_t *b, int64_t end_ns);

/**
 * Checks that a row at t_ns comes after the last one; FALSE with "duplicate
 * time" or "time goes backwards" at the reader's line otherwise.
 */
gboolean trace_builder_check_order(const trace_builder_t *b, const trace_line_reader_t *reader,
                                   int64_t t_ns, GError **error);

/**
 * After a reader's row loop ended with `res`: FALSE (error set) on a read
 * error, on an empty file ("empty file") or when no row gave a level
 * (`no_rows`, the message saying what was expected); TRUE otherwise.
 */
gboolean trace_builder_check_rows(const trace_builder_t *b, const trace_line_reader_t *reader,
                                  trace_line_result_t res, const char *no_rows, GError **error);

/** An end_ns for trace_builder_finish() meaning "no explicit end". */
#define TRACE_BUILDER_NO_END INT64_MIN

/**
 * libsigrok's name of a time unit, as its CSV labels the time column
 * ("milliseconds", "microseconds", "nanoseconds", "picoseconds"; any case):
 * TRUE with *exp10_ns the unit in ns as a power of ten (6, 3, 0, -3).
 */
gboolean trace_sigrok_time_unit(const char *word, int *exp10_ns);

/** Volts in microvolts, rounded (thresholds are far inside the int64 range). */
int64_t trace_volts_to_uv(double volts);

/**
 * The Schmitt trigger of the analog readers, like a GPIO input's: the level
 * goes to 1 at a sample at or above vih_uv, to 0 at one at or below vil_uv,
 * and holds in between.
 */
typedef struct {
    int64_t vil_uv, vih_uv; /* uV */
} trace_schmitt_t;

/** The thresholds of --vil and --vih. */
void trace_schmitt_init(trace_schmitt_t *s, const trace_read_options_t *opts);

/**
 * One analog sample at t_ns: the volts at p (a field ending at ',' or the
 * line's end) through the trigger into the builder. FALSE with "bad
 * voltage", "truncated line (no voltage)", "numbers out of range" or a time
 * order error at the reader's line.
 */
gboolean trace_schmitt_sample(const trace_schmitt_t *s, trace_builder_t *b,
                              const trace_line_reader_t *r, const char *line, const char *p,
                              int64_t t_ns, GError **error);

/** The level after a sample of `uv` microvolts; the first one (b not started) takes the nearer
 * threshold. */
static inline gboolean trace_schmitt_level(const trace_schmitt_t *s, const trace_builder_t *b,
                                           int64_t uv)
{
    if (G_UNLIKELY(!b->started)) {
        return uv >= s->vih_uv || (uv > s->vil_uv && uv - s->vil_uv >= s->vih_uv - uv);
    }
    if (uv >= s->vih_uv) {
        return TRUE;
    }
    if (uv <= s->vil_uv) {
        return FALSE;
    }
    return b->level; /* inside the hysteresis band: hold */
}

/*
 * The readers, one per format, each in its own file. They read from an open
 * line reader (format detection may already have peeked at it) and return a
 * trace named "trace" with the level convention of the file, or NULL with an
 * error. trace_read() names the trace and applies --active.
 */
trace_t *trace_read_native(trace_line_reader_t *reader, const trace_read_options_t *opts,
                           GError **error);
trace_t *trace_read_vcd(trace_line_reader_t *reader, const trace_read_options_t *opts,
                        GError **error);
trace_t *trace_read_sigrok(trace_line_reader_t *reader, const trace_read_options_t *opts,
                           GError **error);
/** sigrok CSV whose chosen column holds volts (sigrok-cli's analog CSV read as --format analog). */
trace_t *trace_read_sigrok_analog(trace_line_reader_t *reader, const trace_read_options_t *opts,
                                  GError **error);
trace_t *trace_read_saleae(trace_line_reader_t *reader, const trace_read_options_t *opts,
                           GError **error);
trace_t *trace_read_analog(trace_line_reader_t *reader, const trace_read_options_t *opts,
                           GError **error);
trace_t *trace_read_bbb(trace_line_reader_t *reader, const trace_read_options_t *opts,
                        GError **error);

/**
 * Reads a truth file ("press_ns,release_ns" rows) into trace->truth,
 * replacing what was there.
 */
gboolean trace_read_truth(trace_t *trace, const char *path, GError **error);

/** Splits a CSV header line at commas into trimmed fields (a NULL-terminated strv, never empty). */
char **trace_csv_fields(const char *line);

/**
 * Index of the column named `want` among fields[first..] (case-insensitive,
 * surrounding spaces ignored), or -1.
 */
int trace_csv_find(char *const *fields, int first, const char *want);

/**
 * Channels named in a "no channel X (channels: ...)" message: a file with
 * thousands gets the first few and a count, not a message of megabytes.
 */
#define TRACE_CHANNEL_LIST_MAX 16

/**
 * "a, b, c": the non-empty fields from `first` on, for "no channel X
 * (channels: ...)" messages; past TRACE_CHANNEL_LIST_MAX, "... and N more".
 */
char *trace_csv_list(char *const *fields, int first);

/** Advances past spaces and tabs. */
static inline const char *trace_skip_blanks(const char *s)
{
    while (*s == ' ' || *s == '\t') {
        s++;
    }
    return s;
}

#endif
