/*
 * The "Big Bouncy Button Benchmark" logger's text log (adamfk/bouncy-button,
 * an Arduino sketch): one <test> block per press or release,
 *
 *   <test>
 *   sw version: 0.3.0
 *   <buffered_events>
 *   pin: 1, rising_edges: 0, nsec: 0, log: 1, event: 1
 *   pin: 0, rising_edges: 0, nsec: 812, log: 2, event: 2
 *   pin: 1, rising_edges: 2, nsec: 4625, log: 3, event: 3
 *   </buffered_events>
 *   ...
 *   </test>
 *
 * Each row is the level the logger sampled, the rising edges its hardware
 * counter saw since the previous row (pulses shorter than a sample still
 * count), and the time since the test started. Between two rows with levels
 * P then L and N rising edges, the pin made 2N edges (P = L), 2N - 1 (0 to
 * 1) or 2N + 1 (1 to 0): the logged change plus pulses that were only
 * counted. Those become pulses TRACE_BBB_PULSE_NS wide ending at the row's
 * time (narrower if the rows are closer), the logged level reached exactly
 * at the row.
 *
 * Tests are laid end to end, each starting --gap after the previous one ends
 * (the first at --gap), and the trace ends --gap after the last. A test that
 * starts at the released level is a press; the truth press (or release) is
 * its first edge. Everything outside the blocks (banners, prompts) is
 * skipped, as are tests with no events ("User input detected"). As in the
 * logger's own browser, <test_session_start/> starts over and
 * <delete_last_test/> drops the test before it; the newer <stream> rows
 * (a hex ms count, L or H, a hex rising-edge count, after "stream_at_ns")
 * are read too. A <section_start> block holding <invalid/> marks the tests
 * up to the next section as ones its recorder rejected: they are skipped
 * (counted in opts->bbb_skipped_out) unless opts->bbb_include_invalid.
 */
#include "reader_common.h"
#include "trace_error.h"

#define NS_PER_MS INT64_C(1000000)

typedef struct {
    gboolean level;
    int64_t rising; /* rising edges counted since the previous row */
    int64_t t_ns;   /* since the test started */
    guint64 line;
} bbb_row_t;

typedef struct {
    trace_line_reader_t *r;
    const trace_read_options_t *opts;
    GError **error;
    trace_builder_t *b;
    gboolean pressed_level;
    GArray *pending; /* bbb_row_t: the last complete test, not yet laid out */
    GArray *current; /* bbb_row_t: the test being read */
    gboolean in_test, in_events, in_stream;
    int64_t stream_at_ns;
    int64_t next_start_ns; /* where the next test starts */
    int64_t press_ns;      /* an open true press, or TRACE_NO_RELEASE */
    guint64 tests;         /* tests laid out */
    gboolean in_section;   /* inside <section_start> ... </section_start> */
    gboolean invalid;      /* the current section is marked <invalid/> */
    guint skipped;         /* tests of invalid sections skipped */
} bbb_t;

/* "key: value" items of a row, separated by commas; FALSE if a key is missing. */
static gboolean row_field(bbb_t *st, const char *line, const char *key, int64_t *value)
{
    const char *k = strstr(line, key);
    trace_num_result_t res;

    if (k == NULL || (k != line && k[-1] != ' ' && k[-1] != ',')) {
        trace_parse_error(st->error, st->r, "truncated line: no '%s' in '%.60s'", key, line);
        return FALSE;
    }
    k = trace_skip_blanks(k + strlen(key));
    res = trace_parse_int64(&k, value);
    if (res != TRACE_NUM_OK || *value < 0) {
        trace_parse_error(st->error, st->r, "%s for '%s' in '%.60s'",
                          res == TRACE_NUM_RANGE ? "numbers out of range" : "no number", key, line);
        return FALSE;
    }
    return TRUE;
}

static gboolean add_row(bbb_t *st, gboolean level, int64_t rising, int64_t t_ns)
{
    bbb_row_t row = {level, rising, t_ns, st->r->line_no};

    if (rising > TRACE_BBB_MAX_RISING) {
        trace_parse_error(st->error, st->r,
                          "rising_edges %" G_GINT64_FORMAT
                          ": more than %d pulses between two samples is no contact (a corrupt "
                          "count?)",
                          rising, TRACE_BBB_MAX_RISING);
        return FALSE;
    }
    if (st->current->len > 0) {
        const bbb_row_t *prev = &g_array_index(st->current, bbb_row_t, st->current->len - 1);
        if (t_ns <= prev->t_ns) {
            if (t_ns == prev->t_ns) {
                trace_parse_error(st->error, st->r, "duplicate time (nsec %" G_GINT64_FORMAT ")",
                                  t_ns);
            } else {
                trace_parse_error(st->error, st->r,
                                  "time goes backwards (nsec %" G_GINT64_FORMAT
                                  " after %" G_GINT64_FORMAT ")",
                                  t_ns, prev->t_ns);
            }
            return FALSE;
        }
        if (!prev->level && level && rising < 1) {
            trace_parse_error(st->error, st->r,
                              "the level rose but no rising edge was counted (rising_edges: 0)");
            return FALSE;
        }
    }
    g_array_append_val(st->current, row);
    return TRUE;
}

static gboolean event_row(bbb_t *st, const char *line)
{
    int64_t pin, rising, nsec;

    if (!row_field(st, line, "pin:", &pin) || !row_field(st, line, "rising_edges:", &rising) ||
        !row_field(st, line, "nsec:", &nsec)) {
        return FALSE;
    }
    if (pin != 0 && pin != 1) {
        trace_parse_error(st->error, st->r, "unknown level 'pin: %" G_GINT64_FORMAT "'", pin);
        return FALSE;
    }
    /* so that laying tests end to end cannot overflow (trace.h) */
    if (nsec > TRACE_TIME_LIMIT_NS) {
        trace_parse_error(st->error, st->r,
                          "nsec %" G_GINT64_FORMAT " is beyond the %" G_GINT64_FORMAT
                          " (2^61) bouncelab handles",
                          nsec, TRACE_TIME_LIMIT_NS);
        return FALSE;
    }
    return add_row(st, pin == 1, rising, nsec);
}

/* "1aL3": ms count, level, rising edges, all hex, ms after stream_at_ns. */
static gboolean stream_row(bbb_t *st, const char *line)
{
    const char *p = trace_skip_blanks(line);
    char *end;
    guint64 ms, rising;
    gboolean level;

    ms = g_ascii_strtoull(p, &end, 16);
    if (end == p || (*end != 'L' && *end != 'H')) {
        trace_parse_error(st->error, st->r, "bad stream row '%.40s' (expected e.g. '1aL3')", line);
        return FALSE;
    }
    level = *end == 'H';
    p = end + 1;
    rising = g_ascii_strtoull(p, &end, 16);
    if (end == p || *trace_skip_blanks(end) != '\0' ||
        ms > (guint64)((TRACE_TIME_LIMIT_NS - st->stream_at_ns) / NS_PER_MS) ||
        rising > (guint64)INT64_MAX) {
        trace_parse_error(st->error, st->r, "bad stream row '%.40s'", line);
        return FALSE;
    }
    return add_row(st, level, (int64_t)rising, st->stream_at_ns + (int64_t)ms * NS_PER_MS);
}

/* Lays a complete test out on the trace from next_start_ns, with its truth. */
static gboolean lay_out(bbb_t *st, GArray *rows)
{
    trace_builder_t *b = st->b;
    const bbb_row_t *first = &g_array_index(rows, bbb_row_t, 0);
    int64_t s = st->next_start_ns;
    int64_t first_edge = -1;
    gboolean is_press = first->level != st->pressed_level;

    /* s and every row time are within 2^61 here, so s + time cannot overflow */
    if (s > TRACE_TIME_LIMIT_NS) {
        trace_parse_error_at(st->error, st->r->path, first->line,
                             "the tests laid end to end (--gap apart) run past %" G_GINT64_FORMAT
                             " ns (2^61), which bouncelab handles",
                             TRACE_TIME_LIMIT_NS);
        return FALSE;
    }
    if (!b->started) {
        trace_builder_level(b, 0, first->level); /* the trace starts at 0, quiet until the test */
    }
    trace_builder_level(b, s + first->t_ns, first->level);
    for (guint j = 1; j < rows->len; j++) {
        const bbb_row_t *prev = &g_array_index(rows, bbb_row_t, j - 1);
        const bbb_row_t *row = &g_array_index(rows, bbb_row_t, j);
        int64_t k = row->level == prev->level
                        ? 2 * row->rising
                        : (row->level ? 2 * row->rising - 1 : 2 * row->rising + 1);
        int64_t avail = row->t_ns - prev->t_ns;
        int64_t w = TRACE_BBB_PULSE_NS;
        gboolean level = prev->level;

        if (k == 0) {
            continue;
        }
        if ((k - 1) > (avail - 1) / w) {
            w = avail / k; /* pulses too close for the nominal width: share the time */
        }
        if (w < 1) {
            trace_parse_error_at(st->error, st->r->path, row->line,
                                 "%" G_GINT64_FORMAT " rising edges cannot fit in %" G_GINT64_FORMAT
                                 " ns",
                                 row->rising, avail);
            return FALSE;
        }
        for (int64_t i = 0; i < k; i++) {
            int64_t t = s + row->t_ns - (k - 1 - i) * w;
            level = !level;
            if (first_edge < 0) {
                first_edge = t;
            }
            trace_builder_level(b, t, level);
        }
    }
    if (first_edge < 0) {
        first_edge = s + first->t_ns;
    }
    if (is_press) {
        if (st->press_ns == TRACE_NO_RELEASE) {
            st->press_ns = first_edge;
        }
    } else if (st->press_ns != TRACE_NO_RELEASE) {
        trace_add_truth(b->trace, st->press_ns, first_edge);
        st->press_ns = TRACE_NO_RELEASE;
    }
    st->next_start_ns = s + g_array_index(rows, bbb_row_t, rows->len - 1).t_ns + st->opts->gap_ns;
    st->tests++;
    return TRUE;
}

static gboolean flush_pending(bbb_t *st)
{
    if (st->pending->len == 0) {
        return TRUE;
    }
    if (!lay_out(st, st->pending)) {
        return FALSE;
    }
    g_array_set_size(st->pending, 0);
    return TRUE;
}

static void start_over(bbb_t *st)
{
    trace_t *trace = st->b->trace;

    g_array_set_size(trace->edges, 0);
    if (trace->truth != NULL) {
        g_array_set_size(trace->truth, 0);
    }
    trace_builder_init(st->b, trace);
    g_array_set_size(st->pending, 0);
    st->next_start_ns = st->opts->gap_ns;
    st->press_ns = TRACE_NO_RELEASE;
    st->tests = 0;
    st->skipped = 0;
    st->invalid = FALSE;
}

static gboolean end_test(bbb_t *st)
{
    GArray *tmp;

    st->in_test = st->in_events = st->in_stream = FALSE;
    if (st->current->len == 0) {
        return TRUE; /* cancelled: "User input detected. Test delayed." */
    }
    if (st->invalid && !st->opts->bbb_include_invalid) {
        st->skipped++;
        g_array_set_size(st->current, 0);
        return TRUE;
    }
    if (!flush_pending(st)) {
        return FALSE;
    }
    tmp = st->pending;
    st->pending = st->current;
    st->current = tmp;
    g_array_set_size(st->current, 0);
    return TRUE;
}

static gboolean log_line(bbb_t *st, const char *raw)
{
    const char *line = trace_skip_blanks(raw);

    if (st->in_events) {
        if (strcmp(line, "</buffered_events>") == 0) {
            st->in_events = FALSE;
            return TRUE;
        }
        return line[0] == '\0' || event_row(st, line);
    }
    if (st->in_stream) {
        if (strcmp(line, "</stream>") == 0) {
            st->in_stream = FALSE;
            return TRUE;
        }
        return line[0] == '\0' || stream_row(st, line);
    }
    if (strcmp(line, "<test>") == 0) {
        if (st->in_test) {
            trace_parse_error(st->error, st->r, "<test> inside a test (missing </test>)");
            return FALSE;
        }
        st->in_test = TRUE;
        st->stream_at_ns = 0;
        g_array_set_size(st->current, 0);
        return TRUE;
    }
    if (strcmp(line, "</test>") == 0) {
        if (!st->in_test) {
            trace_parse_error(st->error, st->r, "</test> without <test>");
            return FALSE;
        }
        return end_test(st);
    }
    if (st->in_test) {
        if (strcmp(line, "<buffered_events>") == 0) {
            st->in_events = TRUE;
        } else if (strcmp(line, "<stream>") == 0) {
            st->in_stream = TRUE;
        } else if (g_str_has_prefix(line, "stream_at_ns:")) {
            const char *p = trace_skip_blanks(line + 13);
            if (trace_parse_int64(&p, &st->stream_at_ns) != TRACE_NUM_OK || st->stream_at_ns < 0 ||
                st->stream_at_ns > TRACE_TIME_LIMIT_NS) {
                trace_parse_error(st->error, st->r, "bad stream_at_ns '%.40s'", line);
                return FALSE;
            }
        }
        return TRUE;
    }
    if (strcmp(line, "<section_start>") == 0) {
        st->in_section = TRUE;
        st->invalid = FALSE;
    } else if (strcmp(line, "</section_start>") == 0) {
        st->in_section = FALSE;
    } else if (st->in_section && strcmp(line, "<invalid/>") == 0) {
        st->invalid = TRUE;
    } else if (strcmp(line, "<test_session_start/>") == 0) {
        start_over(st);
    } else if (strcmp(line, "<delete_last_test/>") == 0) {
        g_array_set_size(st->pending, 0);
    }
    return TRUE;
}

trace_t *trace_read_bbb(trace_line_reader_t *r, const trace_read_options_t *opts, GError **error)
{
    trace_t *trace = trace_new("trace", TRUE, opts->active != TRACE_ACTIVE_HIGH, 0);
    trace_builder_t builder;
    bbb_t st = {0};
    gboolean ok = FALSE;
    trace_line_result_t res;
    char *line;
    gsize len;

    st.r = r;
    st.opts = opts;
    st.error = error;
    st.b = &builder; /* on the stack: see reader_vcd.c */
    st.pressed_level = !trace->active_low;
    st.pending = g_array_new(FALSE, FALSE, sizeof(bbb_row_t));
    st.current = g_array_new(FALSE, FALSE, sizeof(bbb_row_t));
    trace->truth = g_array_new(FALSE, FALSE, sizeof(trace_interval_t));
    trace_builder_init(st.b, trace);
    start_over(&st);
    if (opts->gap_ns <= 0) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                    "--gap must be positive for a BBB log");
        goto out;
    }
    while ((res = trace_line_reader_next(r, &line, &len, error)) == TRACE_LINE_OK) {
        if (!log_line(&st, line)) {
            goto out;
        }
    }
    if (res == TRACE_LINE_ERROR) {
        goto out;
    }
    if (r->line_no == 0) {
        trace_parse_error(error, r, "empty file");
        goto out;
    }
    if (st.in_test) {
        trace_parse_error(error, r, "truncated file: <test> without </test>");
        goto out;
    }
    if (!flush_pending(&st)) {
        goto out;
    }
    if (st.tests == 0) {
        trace_parse_error(error, r,
                          "no tests with events (expected <test> blocks with "
                          "<buffered_events> rows)");
        goto out;
    }
    if (st.press_ns != TRACE_NO_RELEASE) {
        trace_add_truth(trace, st.press_ns, TRACE_NO_RELEASE);
    }
    trace_builder_finish(st.b, st.next_start_ns);
    if (opts->bbb_skipped_out != NULL) {
        *opts->bbb_skipped_out = st.skipped;
    }
    ok = TRUE;
out:
    g_array_unref(st.pending);
    g_array_unref(st.current);
    if (!ok) {
        trace_free(trace);
        return NULL;
    }
    return trace;
}
