/* Shared by the readers: parse errors, the batched edge builder, CSV header fields. */
#include "reader_common.h"
#include "trace_error.h"

#include <stdarg.h>

static void set_parse_error(GError **error, const char *path, guint64 line, const char *format,
                            va_list args) G_GNUC_PRINTF(4, 0);

static void set_parse_error(GError **error, const char *path, guint64 line, const char *format,
                            va_list args)
{
    g_autofree char *what = g_strdup_vprintf(format, args);
    g_set_error(error, TRACE_ERROR, TRACE_ERROR_PARSE, "%s:%" G_GUINT64_FORMAT ": %s", path, line,
                what);
}

void trace_parse_error(GError **error, const trace_line_reader_t *reader, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    set_parse_error(error, reader->path, reader->line_no > 0 ? reader->line_no : 1, format, args);
    va_end(args);
}

void trace_parse_error_at(GError **error, const char *path, guint64 line, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    set_parse_error(error, path, line, format, args);
    va_end(args);
}

const char *trace_num_problem(trace_num_result_t r)
{
    return r == TRACE_NUM_RANGE ? "numbers out of range" : "no number";
}

void trace_builder_init(trace_builder_t *b, trace_t *trace)
{
    b->trace = trace;
    b->started = FALSE;
    b->level = trace->initial_level;
    b->last_ns = trace->start_ns;
    b->n = 0;
}

void trace_builder_reserve(trace_builder_t *b, guint64 edges)
{
    GArray *old = b->trace->edges;
    GArray *room;

    if (edges > TRACE_BUILDER_MAX_RESERVE) {
        edges = TRACE_BUILDER_MAX_RESERVE;
    }
    if (edges <= old->len) {
        return;
    }
    room = g_array_sized_new(FALSE, FALSE, sizeof(int64_t), (guint)edges);
    g_array_append_vals(room, old->data, old->len);
    g_array_unref(old);
    b->trace->edges = room;
}

void trace_builder_flush(trace_builder_t *b)
{
    if (b->n > 0) {
        g_array_append_vals(b->trace->edges, b->batch, b->n);
        b->n = 0;
    }
}

void trace_builder_finish(trace_builder_t *b, int64_t end_ns)
{
    trace_builder_flush(b);
    b->trace->end_ns =
        b->started && b->last_ns > b->trace->start_ns ? b->last_ns : b->trace->start_ns;
    if (end_ns != TRACE_BUILDER_NO_END && end_ns > b->trace->end_ns) {
        b->trace->end_ns = end_ns;
    }
}

char **trace_csv_fields(const char *line)
{
    char **fields = g_strsplit(line, ",", -1);

    if (fields[0] == NULL) { /* "" (or a line starting with a NUL byte): one empty field */
        g_strfreev(fields);
        fields = g_new0(char *, 2);
        fields[0] = g_strdup("");
    }
    for (char **f = fields; *f != NULL; f++) {
        g_strstrip(*f);
        /* quoted names ("Channel 0") lose their quotes */
        gsize n = strlen(*f);
        if (n >= 2 && (*f)[0] == '"' && (*f)[n - 1] == '"') {
            memmove(*f, *f + 1, n - 2);
            (*f)[n - 2] = '\0';
        }
    }
    return fields;
}

int trace_csv_find(char *const *fields, int first, const char *want)
{
    g_autofree char *w = g_strstrip(g_strdup(want));
    for (int i = first; fields[i] != NULL; i++) {
        if (g_ascii_strcasecmp(fields[i], w) == 0) {
            return i;
        }
    }
    return -1;
}

char *trace_csv_list(char *const *fields, int first)
{
    GString *s = g_string_new(NULL);
    guint n = 0;
    for (int i = first; fields[i] != NULL; i++) {
        if (fields[i][0] == '\0') {
            continue;
        }
        if (n++ < TRACE_CHANNEL_LIST_MAX) {
            g_string_append_printf(s, "%s%s", s->len > 0 ? ", " : "", fields[i]);
        }
    }
    if (n > TRACE_CHANNEL_LIST_MAX) {
        g_string_append_printf(s, " ... and %u more", n - TRACE_CHANNEL_LIST_MAX);
    }
    return g_string_free(s, FALSE);
}

gboolean trace_builder_check_order(const trace_builder_t *b, const trace_line_reader_t *reader,
                                   int64_t t_ns, GError **error)
{
    if (G_LIKELY(!b->started || t_ns > b->last_ns)) {
        return TRUE;
    }
    if (t_ns == b->last_ns) {
        trace_parse_error(error, reader, "duplicate time (%" G_GINT64_FORMAT " ns)", t_ns);
    } else {
        trace_parse_error(error, reader,
                          "time goes backwards (%" G_GINT64_FORMAT " ns after %" G_GINT64_FORMAT
                          " ns)",
                          t_ns, b->last_ns);
    }
    return FALSE;
}

gboolean trace_builder_check_rows(const trace_builder_t *b, const trace_line_reader_t *reader,
                                  trace_line_result_t res, const char *no_rows, GError **error)
{
    if (res == TRACE_LINE_ERROR) {
        return FALSE; /* the line reader set the error */
    }
    if (reader->line_no == 0) {
        trace_parse_error(error, reader, "empty file");
        return FALSE;
    }
    if (!b->started) {
        trace_parse_error(error, reader, "%s", no_rows);
        return FALSE;
    }
    return TRUE;
}

int64_t trace_volts_to_uv(double volts)
{
    double uv = volts * 1e6;
    return (int64_t)(uv < 0 ? uv - 0.5 : uv + 0.5);
}

void trace_schmitt_init(trace_schmitt_t *s, const trace_read_options_t *opts)
{
    s->vil_uv = trace_volts_to_uv(opts->vil_v);
    s->vih_uv = trace_volts_to_uv(opts->vih_v);
}

gboolean trace_schmitt_sample(const trace_schmitt_t *s, trace_builder_t *b,
                              const trace_line_reader_t *r, const char *line, const char *p,
                              int64_t t_ns, GError **error)
{
    int64_t uv;
    trace_num_result_t res = trace_parse_decimal(&p, 6, &uv); /* volts to uV, exactly */

    p = trace_skip_blanks(p);
    if (G_UNLIKELY(res != TRACE_NUM_OK || (*p != ',' && *p != '\0'))) {
        if (res == TRACE_NUM_RANGE) {
            trace_parse_error(error, r, "numbers out of range in '%.40s'", line);
        } else if (*p == '\0' || *p == ',') {
            trace_parse_error(error, r, "truncated line '%.40s' (no voltage)", line);
        } else {
            trace_parse_error(error, r, "bad voltage in '%.40s'", line);
        }
        return FALSE;
    }
    if (!trace_builder_check_order(b, r, t_ns, error)) {
        return FALSE;
    }
    trace_builder_level(b, t_ns, trace_schmitt_level(s, b, uv));
    return TRUE;
}

gboolean trace_sigrok_time_unit(const char *word, int *exp10_ns)
{
    static const struct {
        const char *word;
        int exp10_ns;
    } units[] = {{"milliseconds", 6}, {"microseconds", 3}, {"nanoseconds", 0}, {"picoseconds", -3}};

    for (gsize i = 0; i < G_N_ELEMENTS(units); i++) {
        if (g_ascii_strcasecmp(word, units[i].word) == 0) {
            *exp10_ns = units[i].exp10_ns;
            return TRUE;
        }
    }
    return FALSE;
}
