/*
 * Saleae Logic 2 digital CSV export:
 *
 *   Time [s],Channel 0,Channel 1      header: time in seconds, one column per channel
 *   0.000000000,1,0                   one row per change of any channel
 *   0.001234560,0,0
 *
 * Times are decimal seconds, negative before the trigger, read exactly into
 * ns (rounded at the ninth decimal) without a double. Values are 0, 1, or X
 * (no data: a disabled channel or a gap), which keeps the previous level.
 * Logic 1.x's "Time[s], Channel 0" (spaces after commas) reads too, and is
 * named so (trace_t.flavour). The
 * trace ends at the last row: the export has no end marker.
 */
#include "reader_common.h"
#include "trace_error.h"

#define SECONDS_TO_NS_SCALE 9

static inline gboolean read_row(trace_line_reader_t *r, int column, trace_builder_t *b,
                                const char *line, GError **error)
{
    const char *p = line;
    int64_t t_ns;
    trace_num_result_t res = trace_parse_decimal(&p, SECONDS_TO_NS_SCALE, &t_ns);
    char v;

    if (G_UNLIKELY(res != TRACE_NUM_OK)) {
        trace_parse_error(error, r, "%s in '%.40s'",
                          res == TRACE_NUM_RANGE ? "numbers out of range" : "no time", line);
        return FALSE;
    }
    for (int col = 0; col < column; col++) {
        p = strchr(p, ',');
        if (G_UNLIKELY(p == NULL)) {
            trace_parse_error(error, r, "truncated line '%.40s' (no column %d)", line, column + 1);
            return FALSE;
        }
        p = trace_skip_blanks(p + 1);
    }
    v = p[0];
    if (G_UNLIKELY(v != '0' && v != '1' && v != 'X' && v != 'x') ||
        G_UNLIKELY(*trace_skip_blanks(p + 1) != ',' && *trace_skip_blanks(p + 1) != '\0')) {
        g_autofree char *field = g_strstrip(g_strndup(p, strcspn(p, ",")));
        if (field[0] == '\0') {
            trace_parse_error(error, r, "truncated line '%.40s' (empty value)", line);
        } else {
            trace_parse_error(error, r, "unknown level '%s' (expected 0, 1 or X)", field);
        }
        return FALSE;
    }
    if (!trace_builder_check_order(b, r, t_ns, error)) {
        return FALSE;
    }
    if (v == 'X' || v == 'x') {
        if (b->started) {
            b->last_ns = t_ns; /* no data: the level holds, the trace goes on */
        }
        return TRUE;
    }
    trace_builder_level(b, t_ns, v == '1');
    return TRUE;
}

trace_t *trace_read_saleae(trace_line_reader_t *r, const trace_read_options_t *opts, GError **error)
{
    g_autoptr(trace_t) trace = trace_new("trace", TRUE, TRUE, 0);
    /* on the stack: a 32 KiB allocation per file dominated a fuzzer's inputs
     * (fresh pages every time under ASan's quarantine) */
    trace_builder_t builder;
    trace_builder_t *b = &builder;
    int column = -1;
    trace_line_result_t res;
    char *line;
    gsize len;

    trace_builder_init(b, trace);
    while ((res = trace_line_reader_next(r, &line, &len, error)) == TRACE_LINE_OK) {
        if (G_UNLIKELY(len == 0)) {
            continue;
        }
        if (G_UNLIKELY(column < 0)) {
            g_auto(GStrv) fields = trace_csv_fields(line);
            if (g_ascii_strncasecmp(fields[0], "Time", 4) != 0 || fields[1] == NULL) {
                trace_parse_error(error, r,
                                  "missing header 'Time [s],Channel 0,...' (found '%.40s')", line);
                return NULL;
            }
            column = 1;
            if (g_ascii_strcasecmp(fields[0], "Time[s]") == 0) {
                trace->flavour = "Saleae Logic 1.x CSV"; /* Logic 2 writes "Time [s]" */
            }
            if (opts->channel != NULL) {
                column = trace_csv_find(fields, 1, opts->channel);
                if (column < 0) {
                    g_autofree char *names = trace_csv_list(fields, 1);
                    trace_parse_error(error, r, "no channel '%s' (channels: %s)", opts->channel,
                                      names);
                    return NULL;
                }
            }
            continue;
        }
        if (!read_row(r, column, b, line, error)) {
            return NULL;
        }
    }
    if (!trace_builder_check_rows(
            b, r, res, column < 0 ? "missing header" : "no data rows with a 0 or 1", error)) {
        return NULL;
    }
    trace_builder_finish(b, TRACE_BUILDER_NO_END);
    return g_steal_pointer(&trace);
}
