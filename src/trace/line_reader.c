/* The streaming line reader: chunked fread() and memchr(). */
#define _POSIX_C_SOURCE 200809L /* fseeko */
#include "line_reader.h"
#include "trace_error.h"

#include <errno.h>
#include <limits.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

trace_line_reader_t *trace_line_reader_open(const char *path, GError **error)
{
    trace_line_reader_t *reader;
    FILE *file;
    gint64 size = -1;

    if (strcmp(path, "-") == 0) {
        file = stdin;
    } else {
        struct stat st;
        file = g_fopen(path, "rb");
        if (file == NULL) {
            int err = errno;
            g_set_error(error, TRACE_ERROR, TRACE_ERROR_IO, "%s: cannot open: %s", path,
                        g_strerror(err));
            return NULL;
        }
        /* one fstat of what was opened, not two stats of the name */
        if (fstat(fileno(file), &st) == 0) {
            if (S_ISDIR(st.st_mode)) {
                fclose(file);
                g_set_error(error, TRACE_ERROR, TRACE_ERROR_IO, "%s: cannot open: is a directory",
                            path);
                return NULL;
            }
            if (S_ISREG(st.st_mode)) {
                size = (gint64)st.st_size;
            }
        }
        /* fill() reads whole chunks into buf itself: stdio's own buffer would
         * only cost an allocation per file (a fuzzer opens thousands a second) */
        setvbuf(file, NULL, _IONBF, 0);
    }
    reader = g_new0(trace_line_reader_t, 1);
    reader->file = file;
    reader->path = g_strdup(path);
    reader->size = size;
    /* the buffer grows as fill() needs it: a small file never costs the
     * 2 MB a long line could (a fuzzer opens thousands a second) */
    reader->cap = 1;
    reader->buf = g_malloc0(reader->cap + TRACE_LINE_PAD);
    return reader;
}

/*
 * Makes room for WANT bytes (data and the final NUL), at most one chunk plus
 * one maximal line. Grows at least twofold, so a file read in small steps
 * moves its bytes a bounded number of times. Only the pad past the data is
 * cleared: the bytes read over it are always written first.
 */
static void reserve(trace_line_reader_t *reader, gsize want)
{
    const gsize full = TRACE_LINE_CHUNK_BYTES + TRACE_LINE_MAX_BYTES + 2;
    gsize cap;

    if (want <= reader->cap) {
        return;
    }
    cap = MIN(MAX(want, reader->cap * 2), full);
    reader->buf = g_realloc(reader->buf, cap + TRACE_LINE_PAD);
    memset(reader->buf + reader->cap, 0, cap + TRACE_LINE_PAD - reader->cap);
    reader->cap = cap;
}

void trace_line_reader_free(trace_line_reader_t *reader)
{
    if (reader == NULL) {
        return;
    }
    if (reader->file != NULL && reader->file != stdin) {
        fclose(reader->file);
    }
    g_free(reader->buf);
    g_free(reader->path);
    g_free(reader);
}

/* Moves the unread bytes to the front and reads up to one chunk after them. */
static gboolean fill(trace_line_reader_t *reader, GError **error)
{
    gsize keep = reader->end - reader->start;
    gsize room, got;

    if (reader->start > 0) {
        /* buf is allocated at open and never NULL; the analyzer loses that across calls */
        /* NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker) */
        memmove(reader->buf, reader->buf + reader->start, keep);
        reader->buf_pos += (gint64)reader->start;
        reader->start = 0;
        reader->end = keep;
    }
    room = TRACE_LINE_CHUNK_BYTES;
    if (reader->size >= 0) {
        /* a regular file: what is left of it, and one byte more to see its end */
        gint64 left = reader->size - (reader->buf_pos + (gint64)reader->end);
        if (left >= 0 && (guint64)left < room) {
            room = (gsize)left + 1;
        }
    }
    reserve(reader, reader->end + room + 1); /* keep one byte for a final NUL */
    if (room > reader->cap - 1 - reader->end) {
        room = reader->cap - 1 - reader->end;
    }
    got = fread(reader->buf + reader->end, 1, room, reader->file);
    reader->end += got;
    if (got < room) {
        if (ferror(reader->file)) {
            int err = errno;
            g_set_error(error, TRACE_ERROR, TRACE_ERROR_IO, "%s: read failed: %s", reader->path,
                        g_strerror(err));
            return FALSE;
        }
        reader->eof = TRUE;
    }
    return TRUE;
}

gboolean trace_line_reader_peek(trace_line_reader_t *reader, const char **data, gsize *len,
                                GError **error)
{
    if (!reader->eof && reader->end - reader->start < TRACE_LINE_CHUNK_BYTES) {
        if (!fill(reader, error)) {
            return FALSE;
        }
    }
    *data = reader->buf + reader->start;
    *len = reader->end - reader->start;
    return TRUE;
}

gboolean trace_line_reader_seek(trace_line_reader_t *reader, gint64 offset, guint64 lines,
                                GError **error)
{
#ifdef G_OS_UNIX
    int failed = fseeko(reader->file, (off_t)offset, SEEK_SET);
#else
    /* fseek() takes a long, 32 bits on Windows */
    int failed = offset > LONG_MAX || fseek(reader->file, (long)offset, SEEK_SET);
#endif
    if (failed != 0) {
        int err = errno;
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_IO, "%s: cannot seek: %s", reader->path,
                    g_strerror(err));
        return FALSE;
    }
    reader->buf_pos = offset;
    reader->start = 0;
    reader->end = 0;
    reader->eof = FALSE;
    reader->line_no += lines;
    return TRUE;
}

/* The last "\n" in s[0, n), or NULL. */
static const char *last_newline(const char *s, gsize n)
{
    while (n > 0) {
        if (s[--n] == '\n') {
            return s + n;
        }
    }
    return NULL;
}

trace_line_result_t trace_line_reader_window(trace_line_reader_t *reader, const char **start,
                                             const char **end, GError **error)
{
    for (;;) {
        const char *s = reader->buf + reader->start;
        gsize have = reader->end - reader->start;
        const char *nl = last_newline(s, have);

        if (nl != NULL) {
            *start = s;
            *end = nl + 1;
            return TRACE_LINE_OK;
        }
        if (reader->eof || have > TRACE_LINE_MAX_BYTES) {
            return TRACE_LINE_EOF; /* trace_line_reader_next() returns the rest or the error */
        }
        if (!fill(reader, error)) {
            return TRACE_LINE_ERROR;
        }
    }
}

trace_line_result_t trace_line_reader_next_slow(trace_line_reader_t *reader, char **line,
                                                gsize *len, GError **error)
{
    for (;;) {
        gsize have = reader->end - reader->start;
        const char *nl;

        if (have > TRACE_LINE_MAX_BYTES) {
            g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE,
                        "%s:%" G_GUINT64_FORMAT ": line longer than %u bytes (not a text trace?)",
                        reader->path, reader->line_no + 1, TRACE_LINE_MAX_BYTES);
            return TRACE_LINE_ERROR;
        }
        if (reader->eof) {
            if (have == 0) {
                return TRACE_LINE_EOF;
            }
            /* a last line without a newline: the spare byte holds its NUL */
            trace_line_cut_(reader, reader->end, line, len);
            reader->start = reader->end;
            return TRACE_LINE_OK;
        }
        if (!fill(reader, error)) {
            return TRACE_LINE_ERROR;
        }
        nl = memchr(reader->buf + reader->start, '\n', reader->end - reader->start);
        if (nl != NULL) {
            trace_line_cut_(reader, (gsize)(nl - reader->buf), line, len);
            return TRACE_LINE_OK;
        }
    }
}
