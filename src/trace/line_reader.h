/*
 * A fast streaming line reader for the trace readers: big fread() chunks,
 * memchr() for the line ends, the line number kept for error messages, and a
 * bounded line length so a binary or corrupt file cannot make it buffer
 * without limit. Memory stays at one chunk plus one maximal line, whatever
 * the file size.
 *
 * Lines are returned without their "\n" or "\r\n" and NUL-terminated in
 * place, so parsers can scan up to the NUL; a line stays valid until the next
 * call.
 */
#ifndef LINE_READER_H
#define LINE_READER_H

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/** Bytes read per fread(): big enough that the call overhead vanishes. */
#define TRACE_LINE_CHUNK_BYTES (1u << 20)

/** Readable bytes past the data, so word-at-a-time parsers may read ahead. */
#define TRACE_LINE_PAD 16u

/** The longest line accepted (bytes, without the newline); longer is an error. */
#define TRACE_LINE_MAX_BYTES (1u << 20)

typedef enum {
    TRACE_LINE_OK,    /* *line holds the next line */
    TRACE_LINE_EOF,   /* no more lines */
    TRACE_LINE_ERROR, /* a read error or an over-long line; *error is set */
} trace_line_result_t;

typedef struct {
    FILE *file;
    char *path;      /* as given, for messages */
    char *buf;       /* data in buf[start, end); one spare byte for a final NUL */
    gsize cap;       /* bytes allocated (and TRACE_LINE_PAD more), grown by need */
    gsize start;     /* first unread byte */
    gsize end;       /* one past the last byte read */
    gboolean eof;    /* fread() reached the end of the file */
    guint64 line_no; /* number of the line last returned, 1-based; 0 before the first */
    gint64 size;     /* the file's size in bytes, -1 if unknown (a pipe) */
    gint64 buf_pos;  /* file offset of buf[0] (bytes) */
} trace_line_reader_t;

/**
 * Opens `path` for reading ("-" is standard input). NULL with TRACE_ERROR_IO
 * ("PATH: cannot open: why") when it cannot be opened or is a directory.
 */
trace_line_reader_t *trace_line_reader_open(const char *path, GError **error);

/** Closes the file and frees the reader; NULL is fine. */
void trace_line_reader_free(trace_line_reader_t *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(trace_line_reader_t, trace_line_reader_free)

/**
 * The first bytes of the file without consuming them (up to one chunk), for
 * format detection; *len may be 0 for an empty file. FALSE with an error if
 * reading fails.
 */
gboolean trace_line_reader_peek(trace_line_reader_t *reader, const char **data, gsize *len,
                                GError **error);

/**
 * For parsers with a fast path that works on many lines at once: the complete
 * lines buffered from the current position, [*start, *end), *end just past
 * the last "\n" (the bytes are not NUL-terminated, and TRACE_LINE_PAD bytes
 * after *end may be read, never trusted). Refills when no complete line is
 * buffered. TRACE_LINE_EOF when no complete line is left (a last line
 * without "\n", or an over-long one, remains for trace_line_reader_next()).
 */
trace_line_result_t trace_line_reader_window(trace_line_reader_t *reader, const char **start,
                                             const char **end, GError **error);

/**
 * Marks the bytes before `upto` (the start of a line inside the window) as
 * read: `lines` lines, which advance reader->line_no.
 */
static inline void trace_line_reader_consume(trace_line_reader_t *reader, const char *upto,
                                             guint64 lines)
{
    reader->start = (gsize)(upto - reader->buf);
    reader->line_no += lines;
}

/** The file offset of the next unread byte (bytes from the start of the file). */
static inline gint64 trace_line_reader_offset(const trace_line_reader_t *reader)
{
    return reader->buf_pos + (gint64)reader->start;
}

/**
 * Goes on at byte `offset` of the file, the start of a line, after `lines`
 * lines were read there by other means (reader->line_no grows by them): what
 * was buffered is dropped. For a parser that reads part of a regular file
 * itself. FALSE with TRACE_ERROR_IO if the file cannot seek.
 */
gboolean trace_line_reader_seek(trace_line_reader_t *reader, gint64 offset, guint64 lines,
                                GError **error);

/** The slow path of trace_line_reader_next(): refills the buffer. Not for direct use. */
trace_line_result_t trace_line_reader_next_slow(trace_line_reader_t *reader, char **line,
                                                gsize *len, GError **error);

/** Ends the line at buf[nl] (the "\n"), dropping a "\r" before it. */
static inline void trace_line_cut_(trace_line_reader_t *reader, gsize nl, char **line, gsize *len)
{
    char *s = reader->buf + reader->start;
    gsize n = nl - reader->start;

    if (n > 0 && s[n - 1] == '\r') {
        n--;
    }
    s[n] = '\0';
    *line = s;
    *len = n;
    reader->start = nl + 1;
    reader->line_no++;
}

/**
 * The next line (NUL-terminated, without its line end; writable, valid until
 * the next call) and its length. The line number is reader->line_no.
 */
static inline trace_line_result_t trace_line_reader_next(trace_line_reader_t *reader, char **line,
                                                         gsize *len, GError **error)
{
    const char *s = reader->buf + reader->start;
    const char *nl = memchr(s, '\n', reader->end - reader->start);

    if (G_LIKELY(nl != NULL)) {
        trace_line_cut_(reader, (gsize)(nl - reader->buf), line, len);
        return TRACE_LINE_OK;
    }
    return trace_line_reader_next_slow(reader, line, len, error);
}

#endif
