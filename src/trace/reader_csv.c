/*
 * bouncelab's native CSV and its truth file:
 *
 *   # bouncelab trace v1          comments first; "active:" and "end_ns:" are read
 *   # active: low
 *   # end_ns: 2500000000
 *   t_ns,level
 *   0,1                           the first row gives the start and initial level
 *   1000000,0
 *
 * Truth beside it in NAME.truth.csv: "press_ns,release_ns" then one row per
 * press, release_ns empty for a press still held at the end.
 */
#include "native_rows.h"
#include "reader_common.h"
#include "reader_csv_parallel.h"
#include "trace_error.h"

#define NATIVE_HEADER "t_ns,level"
#define TRUTH_HEADER  "press_ns,release_ns"

/* "# key: value" comment lines before the header. */
static gboolean read_comment(trace_line_reader_t *r, const char *line, trace_t *trace,
                             int64_t *end_ns, guint64 *end_line, GError **error)
{
    const char *s = trace_skip_blanks(line + 1);

    if (g_str_has_prefix(s, "active:")) {
        s = trace_skip_blanks(s + 7);
        if (g_ascii_strncasecmp(s, "low", 3) == 0 && *trace_skip_blanks(s + 3) == '\0') {
            trace->active_low = TRUE;
        } else if (g_ascii_strncasecmp(s, "high", 4) == 0 && *trace_skip_blanks(s + 4) == '\0') {
            trace->active_low = FALSE;
        } else {
            trace_parse_error(error, r, "unknown active level '%s' (expected low or high)", s);
            return FALSE;
        }
    } else if (g_str_has_prefix(s, "end_ns:")) {
        trace_num_result_t res;
        s = trace_skip_blanks(s + 7);
        res = trace_parse_int64(&s, end_ns);
        if (res != TRACE_NUM_OK || *trace_skip_blanks(s) != '\0') {
            trace_parse_error(error, r, "end_ns: %s",
                              res == TRACE_NUM_OK ? "not a number" : trace_num_problem(res));
            return FALSE;
        }
        *end_line = r->line_no;
    }
    return TRUE;
}

/* Checks that t_ns comes after the previous row and says what is wrong if not. */
static inline gboolean check_order(const trace_line_reader_t *r, const trace_builder_t *b,
                                   int64_t t_ns, GError **error)
{
    if (G_LIKELY(!b->started || t_ns > b->last_ns)) {
        return TRUE;
    }
    if (t_ns == b->last_ns) {
        trace_parse_error(error, r, "duplicate time %" G_GINT64_FORMAT, t_ns);
    } else {
        trace_parse_error(error, r,
                          "time goes backwards (%" G_GINT64_FORMAT " after %" G_GINT64_FORMAT ")",
                          t_ns, b->last_ns);
    }
    return FALSE;
}

/* One "t_ns,level" row; the hot path. */
static inline gboolean read_row(const trace_line_reader_t *r, trace_builder_t *b, const char *line,
                                GError **error)
{
    const char *p = line;
    int64_t t_ns;
    trace_num_result_t res;

    if (G_UNLIKELY(line[0] == '#')) {
        /* the Pico bounce_recorder ends a capture whose queue overflowed
         * with this line: the rows after the loss are missing, but the header
         * still claims the full length, so the file cannot be trusted */
        if (g_str_has_prefix(line, "# overflow:")) {
            trace_parse_error(error, r,
                              "the recorder lost edges (%s): the capture is incomplete; record "
                              "again with fewer or slower presses",
                              line + 2);
            return FALSE;
        }
        return TRUE; /* any other comment between rows is fine */
    }
    res = trace_parse_int64(&p, &t_ns);
    if (G_UNLIKELY(res != TRACE_NUM_OK)) {
        trace_parse_error(error, r, "%s in '%s' (expected t_ns,level)",
                          res == TRACE_NUM_RANGE ? "numbers out of range" : "no time", line);
        return FALSE;
    }
    if (G_UNLIKELY(*p != ',')) {
        trace_parse_error(error, r, "%s '%s' (expected t_ns,level)",
                          *p == '\0' ? "truncated line" : "bad time in", line);
        return FALSE;
    }
    p++;
    if (G_UNLIKELY((p[0] != '0' && p[0] != '1') || p[1] != '\0')) {
        if (p[0] == '\0') {
            trace_parse_error(error, r, "truncated line '%s' (expected t_ns,level)", line);
        } else {
            trace_parse_error(error, r, "unknown level '%s' (expected 0 or 1)", p);
        }
        return FALSE;
    }
    if (!check_order(r, b, t_ns, error)) {
        return FALSE;
    }
    trace_builder_level(b, t_ns, p[0] == '1');
    return TRUE;
}

trace_t *trace_read_native(trace_line_reader_t *r, const trace_read_options_t *opts, GError **error)
{
    trace_parallel_t par;

    trace_parallel_init(&par);
    return trace_read_native_with(r, opts, &par, NULL, error);
}

trace_t *trace_read_native_with(trace_line_reader_t *r, const trace_read_options_t *opts,
                                const trace_parallel_t *par, guint64 *parallel_rows, GError **error)
{
    g_autoptr(trace_t) trace = trace_new("trace", TRUE, TRUE, 0);
    trace_builder_t builder; /* on the stack: see reader_vcd.c */
    trace_builder_t *b = &builder;
    int64_t end_ns = TRACE_BUILDER_NO_END;
    guint64 end_line = 0;
    gboolean header = FALSE, ok = FALSE;
    trace_line_result_t res;
    char *line;
    gsize len;

    (void)opts;
    trace_builder_init(b, trace);
    /* comments and the header */
    while (!header && (res = trace_line_reader_next(r, &line, &len, error)) == TRACE_LINE_OK) {
        if (line[0] == '#') {
            if (!read_comment(r, line, trace, &end_ns, &end_line, error)) {
                goto out;
            }
        } else if (len > 0) {
            if (strcmp(line, NATIVE_HEADER) != 0) {
                trace_parse_error(error, r, "missing header '" NATIVE_HEADER "' (found '%.40s')",
                                  line);
                goto out;
            }
            header = TRUE;
        }
    }
    /* rows: at least 4 bytes each ("0,1\n") */
    if (r->size > 0) {
        trace_builder_reserve(b, (guint64)r->size / 4u);
    }
    /* rows: as many as can be read on several threads, then on one */
    if (parallel_rows != NULL) {
        *parallel_rows = 0;
    }
    if (header && !trace_native_rows_parallel(r, b, par, parallel_rows, error)) {
        goto out;
    }
    /* rows: the fast path over whole buffers, one line at a time where it stops */
    while (header) {
        const char *s, *end, *stop;
        guint64 n;
        res = trace_line_reader_window(r, &s, &end, error);
        if (res != TRACE_LINE_OK) {
            break;
        }
        stop = trace_native_rows(b, s, end, &n);
        trace_line_reader_consume(r, stop, n);
        if (stop < end) {
            res = trace_line_reader_next(r, &line, &len, error);
            if (res != TRACE_LINE_OK || (len > 0 && !read_row(r, b, line, error))) {
                goto out;
            }
        }
    }
    if (res != TRACE_LINE_ERROR) {
        /* a last line without a newline */
        while ((res = trace_line_reader_next(r, &line, &len, error)) == TRACE_LINE_OK) {
            if (len > 0 && !read_row(r, b, line, error)) {
                goto out;
            }
        }
    }
    if (res == TRACE_LINE_ERROR) {
        goto out;
    }
    if (r->line_no == 0) {
        trace_parse_error(error, r, "empty file");
        goto out;
    }
    if (!header) {
        trace_parse_error(error, r, "missing header '" NATIVE_HEADER "'");
        goto out;
    }
    if (!b->started) {
        trace_parse_error(error, r,
                          "no data rows after the header (a trace needs its first level)");
        goto out;
    }
    if (end_ns != TRACE_BUILDER_NO_END && end_ns < b->last_ns) {
        trace_parse_error_at(error, r->path, end_line,
                             "end_ns %" G_GINT64_FORMAT " is before the last row (%" G_GINT64_FORMAT
                             ")",
                             end_ns, b->last_ns);
        goto out;
    }
    trace_builder_finish(b, end_ns);
    ok = TRUE;
out:
    if (!ok) {
        return NULL;
    }
    if (strcmp(r->path, "-") != 0) {
        g_autofree char *truth_path = trace_truth_path(r->path);
        if (g_file_test(truth_path, G_FILE_TEST_EXISTS) &&
            !trace_read_truth(trace, truth_path, error)) {
            return NULL;
        }
    }
    return g_steal_pointer(&trace);
}

gboolean trace_read_truth(trace_t *trace, const char *path, GError **error)
{
    g_autoptr(trace_line_reader_t) r = trace_line_reader_open(path, error);
    gboolean header = FALSE;
    int64_t prev_release = INT64_MIN;
    gboolean open_press = FALSE;
    trace_line_result_t res;
    char *line;
    gsize len;

    if (r == NULL) {
        return FALSE;
    }
    if (trace->truth != NULL) {
        g_array_set_size(trace->truth, 0);
    } else {
        trace->truth = g_array_new(FALSE, FALSE, sizeof(trace_interval_t));
    }
    while ((res = trace_line_reader_next(r, &line, &len, error)) == TRACE_LINE_OK) {
        const char *p = line;
        int64_t press, release = TRACE_NO_RELEASE;
        trace_num_result_t num;

        if (line[0] == '#' || len == 0) {
            continue;
        }
        if (!header) {
            if (strcmp(line, TRUTH_HEADER) != 0) {
                trace_parse_error(error, r, "missing header '" TRUTH_HEADER "' (found '%.40s')",
                                  line);
                return FALSE;
            }
            header = TRUE;
            continue;
        }
        num = trace_parse_int64(&p, &press);
        if (num != TRACE_NUM_OK) {
            trace_parse_error(error, r, "%s in '%s' (expected press_ns,release_ns)",
                              num == TRACE_NUM_RANGE ? "numbers out of range" : "no press time",
                              line);
            return FALSE;
        }
        if (*p != ',') {
            trace_parse_error(error, r, "%s '%s' (expected press_ns,release_ns)",
                              *p == '\0' ? "truncated line" : "bad press time in", line);
            return FALSE;
        }
        p++;
        if (*p != '\0') {
            num = trace_parse_int64(&p, &release);
            if (num != TRACE_NUM_OK || *p != '\0') {
                trace_parse_error(
                    error, r, "%s in '%s'",
                    num == TRACE_NUM_RANGE ? "numbers out of range" : "bad release time", line);
                return FALSE;
            }
            if (release <= press) {
                trace_parse_error(
                    error, r, "release %" G_GINT64_FORMAT " is not after press %" G_GINT64_FORMAT,
                    release, press);
                return FALSE;
            }
        }
        if (open_press) {
            trace_parse_error(error, r, "a press after one that was never released");
            return FALSE;
        }
        if (press < prev_release) {
            trace_parse_error(error, r,
                              "time goes backwards (press %" G_GINT64_FORMAT
                              " before the previous release %" G_GINT64_FORMAT ")",
                              press, prev_release);
            return FALSE;
        }
        if (release == TRACE_NO_RELEASE) {
            open_press = TRUE;
        } else {
            prev_release = release;
        }
        trace_add_truth(trace, press, release);
    }
    if (res == TRACE_LINE_ERROR) {
        return FALSE;
    }
    if (!header) {
        if (r->line_no == 0) {
            trace_parse_error(error, r, "empty file");
        } else {
            trace_parse_error(error, r, "missing header '" TRUTH_HEADER "'");
        }
        return FALSE;
    }
    return TRUE;
}
