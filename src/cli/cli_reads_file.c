/* Reads the --reads file (see cli_reads_file.h). */
#include "cli_reads_file.h"
#include "line_reader.h"
#include "parse_number.h"
#include "trace_error.h"

#include <stdint.h>

static const char *skip_blanks(const char *p)
{
    while (*p == ' ' || *p == '\t') {
        p++;
    }
    return p;
}

GArray *cli_reads_file_load(const char *path, GError **error)
{
    g_autoptr(trace_line_reader_t) reader = trace_line_reader_open(path, error);
    g_autoptr(GArray) reads = g_array_new(FALSE, FALSE, sizeof(int64_t));
    char *line = NULL;
    gsize len = 0;
    trace_line_result_t got;

    if (reader == NULL) {
        return NULL;
    }
    while ((got = trace_line_reader_next(reader, &line, &len, error)) == TRACE_LINE_OK) {
        const char *p = skip_blanks(line);
        int64_t t = 0;

        if (*p == '\0' || *p == '#') {
            continue;
        }
        if (trace_parse_int64(&p, &t) != TRACE_NUM_OK || *skip_blanks(p) != '\0') {
            g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE,
                        "%s:%" G_GUINT64_FORMAT ": '%s' is not a read time (whole ns after the "
                        "trace start)",
                        path, reader->line_no, line);
            return NULL;
        }
        if (t < 0) {
            g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE,
                        "%s:%" G_GUINT64_FORMAT ": %" G_GINT64_FORMAT
                        " ns: read times count from the trace start and cannot be negative",
                        path, reader->line_no, t);
            return NULL;
        }
        if (reads->len > 0 && t < g_array_index(reads, int64_t, reads->len - 1)) {
            g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE,
                        "%s:%" G_GUINT64_FORMAT ": %" G_GINT64_FORMAT
                        " ns is before the previous read (%" G_GINT64_FORMAT
                        " ns); read times must not go backwards",
                        path, reader->line_no, t, g_array_index(reads, int64_t, reads->len - 1));
            return NULL;
        }
        g_array_append_val(reads, t);
    }
    if (got == TRACE_LINE_ERROR) {
        return NULL;
    }
    if (reads->len == 0) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE,
                    "%s: no read times (one per line, in ns after the trace start)", path);
        return NULL;
    }
    return g_steal_pointer(&reads);
}
