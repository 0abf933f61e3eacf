/* The recorder's stream, line by line (see trace_stream.h). */
#include "trace_stream.h"

#include <string.h>

#include "native_rows.h"
#include "reader_common.h"
#include "trace_error.h"

#define STREAM_MAGIC   "# bouncelab trace v1"
#define STREAM_COLUMNS "t_ns,level"
/* the firmware's rec_csv.h: REC_CSV_OVERFLOW_PREFIX, and its error lines */
#define STREAM_OVERFLOW "# overflow:"
#define STREAM_FW_ERROR "bounce_recorder: error:"
/* longest line taken: a row is at most 22 bytes, a header line less than 40 */
#define STREAM_LINE_MAX 256u

typedef enum { WANT_MAGIC, WANT_ACTIVE, WANT_END, WANT_COLUMNS, WANT_ROWS } stream_state_t;

struct trace_stream {
    char *name;
    guint64 line_no;
    stream_state_t state;
    int64_t planned_end_ns;
    guint64 rows;
    int64_t overflow_ns;
    trace_t *trace;
    trace_builder_t builder;
};

trace_stream_t *trace_stream_new(const char *name)
{
    trace_stream_t *s = g_new0(trace_stream_t, 1);
    s->name = g_strdup(name);
    s->overflow_ns = -1;
    s->trace = trace_new(name, TRUE, TRUE, 0);
    trace_builder_init(&s->builder, s->trace);
    return s;
}

void trace_stream_free(trace_stream_t *stream)
{
    if (stream != NULL) {
        trace_free(stream->trace);
        g_free(stream->name);
        g_free(stream);
    }
}

static gboolean fail(trace_stream_t *s, GError **error, const char *what, const char *line)
{
    g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE, "%s:%" G_GUINT64_FORMAT ": %s '%.60s'",
                s->name, s->line_no, what, line);
    return FALSE;
}

/* "# KEY: VALUE" of the header: VALUE, or NULL when the line is not that. */
static const char *header_value(const char *line, const char *key)
{
    if (!g_str_has_prefix(line, "# ") || !g_str_has_prefix(line + 2, key)) {
        return NULL;
    }
    line += 2 + strlen(key);
    return *line == ':' ? trace_skip_blanks(line + 1) : NULL;
}

static gboolean header_line(trace_stream_t *s, const char *line, GError **error)
{
    const char *v;
    switch (s->state) {
    case WANT_MAGIC:
        if (g_str_has_prefix(line, STREAM_FW_ERROR)) {
            return fail(s, error, "the recorder reports an error:", line);
        }
        if (strcmp(line, STREAM_MAGIC) == 0) {
            s->state = WANT_ACTIVE;
        }
        return TRUE; /* anything else before the header: what the line held before */
    case WANT_ACTIVE:
        v = header_value(line, "active");
        if (v == NULL || (strcmp(v, "low") != 0 && strcmp(v, "high") != 0)) {
            return fail(s, error, "expected the header's '# active: low|high', found", line);
        }
        s->trace->active_low = strcmp(v, "low") == 0;
        s->state = WANT_END;
        return TRUE;
    case WANT_END:
        v = header_value(line, "end_ns");
        if (v == NULL || trace_parse_int64(&v, &s->planned_end_ns) != TRACE_NUM_OK ||
            *trace_skip_blanks(v) != '\0' || s->planned_end_ns <= 0) {
            return fail(s, error, "expected the header's '# end_ns: N', found", line);
        }
        s->state = WANT_COLUMNS;
        return TRUE;
    default:
        if (strcmp(line, STREAM_COLUMNS) != 0) {
            return fail(s, error, "expected the header's '" STREAM_COLUMNS "', found", line);
        }
        s->state = WANT_ROWS;
        return TRUE;
    }
}

gboolean trace_stream_line(trace_stream_t *s, const char *line, gsize len, GError **error)
{
    char buf[STREAM_LINE_MAX + 1u + TRACE_LINE_PAD] = {0}; /* a line at a time: cheap */
    guint64 parsed = 0;

    s->line_no++;
    if (len > 0 && line[len - 1u] == '\r') {
        len--;
    }
    if (len > STREAM_LINE_MAX) {
        return fail(s, error, "line too long", "");
    }
    memcpy(buf, line, len);
    buf[len] = '\0';
    if (s->state != WANT_ROWS) {
        return header_line(s, buf, error);
    }
    if (len == 0) {
        return TRUE;
    }
    /* the native reader's own row parser: it takes the line, or stops at its start */
    buf[len] = '\n';
    memset(buf + len + 1u, 0, TRACE_LINE_PAD);
    (void)trace_native_rows(&s->builder, buf, buf + len + 1u, &parsed);
    if (parsed == 1u) {
        s->rows++;
        return TRUE;
    }
    buf[len] = '\0';
    if (g_str_has_prefix(buf, STREAM_OVERFLOW)) {
        const char *at = strstr(buf, "t_ns ");
        int64_t t_ns;
        if (at != NULL) {
            at += 5;
            if (trace_parse_int64(&at, &t_ns) == TRACE_NUM_OK) {
                s->overflow_ns = t_ns;
            }
        }
        return fail(s, error, "the recorder lost edges, nothing after this is kept:", buf + 2);
    }
    if (buf[0] == '#') {
        return TRUE; /* another comment between rows, as the native reader allows */
    }
    if (s->builder.started) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE,
                    "%s:%" G_GUINT64_FORMAT
                    ": '%.60s' is not a row t_ns,level after %" G_GINT64_FORMAT
                    " (corrupted or cut short)",
                    s->name, s->line_no, buf, s->builder.last_ns);
        return FALSE;
    }
    return fail(s, error, "not a row t_ns,level (corrupted or cut short):", buf);
}

gboolean trace_stream_started(const trace_stream_t *s)
{
    return s->builder.started;
}

guint64 trace_stream_rows(const trace_stream_t *s)
{
    return s->rows;
}

int64_t trace_stream_last_ns(const trace_stream_t *s)
{
    return s->builder.last_ns;
}

int64_t trace_stream_overflow_ns(const trace_stream_t *s)
{
    return s->overflow_ns;
}

int64_t trace_stream_planned_end_ns(const trace_stream_t *s)
{
    return s->planned_end_ns;
}

const trace_t *trace_stream_trace(trace_stream_t *s, int64_t end_ns)
{
    trace_builder_flush(&s->builder);
    s->trace->end_ns = end_ns > s->builder.last_ns ? end_ns : s->builder.last_ns;
    return s->trace;
}
