/*
 * The recorder's stream read line by line (trace_stream.h): the header
 * check, rows through the native row parser, and each way a stream goes
 * wrong, with the message it gets. Expected traces worked out by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "trace_error.h"
#include "trace_stream.h"

/* Feeds `text` line by line; FALSE (error set) at the first line refused. */
static gboolean feed(trace_stream_t *s, const char *text, GError **error)
{
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    for (gsize i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++) {
        if (!trace_stream_line(s, lines[i], strlen(lines[i]), error)) {
            return FALSE;
        }
    }
    return TRUE;
}

#define HEADER "# bouncelab trace v1\n# active: high\n# end_ns: 5000\nt_ns,level\n"

/* Noise before the header is skipped; "\r\n" is taken; the trace has 2 edges. */
static void rows_after_noise(void **state)
{
    g_autoptr(trace_stream_t) s = trace_stream_new("dev");
    g_autoptr(GError) error = NULL;
    const trace_t *t;
    (void)state;
    assert_true(feed(s, "\x7f\x01garbage\n" HEADER "0,0\r\n100,1\n250,0\n", &error));
    assert_true(trace_stream_started(s));
    assert_int_equal(trace_stream_rows(s), 3);
    assert_int_equal(trace_stream_last_ns(s), 250);
    assert_int_equal(trace_stream_planned_end_ns(s), 5000);
    t = trace_stream_trace(s, 400);
    assert_false(t->active_low);
    assert_false(t->initial_level);
    assert_int_equal(trace_n_edges(t), 2);
    assert_int_equal(trace_edge_ns(t, 0), 100);
    assert_int_equal(trace_edge_ns(t, 1), 250);
    assert_int_equal(t->end_ns, 400);
    /* an end before the last row is raised to it */
    assert_int_equal(trace_stream_trace(s, 10)->end_ns, 250);
}

static void expect_error(const char *text, const char *message)
{
    g_autoptr(trace_stream_t) s = trace_stream_new("dev");
    g_autoptr(GError) error = NULL;
    assert_false(feed(s, text, &error));
    assert_true(g_error_matches(error, TRACE_ERROR, TRACE_ERROR_PARSE));
    if (strstr(error->message, message) == NULL) {
        fail_msg("'%s' lacks '%s'", error->message, message);
    }
}

static void bad_streams(void **state)
{
    (void)state;
    expect_error("bounce_recorder: error: no free PIO state machine\n",
                 "dev:1: the recorder reports an error: 'bounce_recorder: error: no free PIO");
    expect_error("# bouncelab trace v1\n# active: both\n", "dev:2: expected the header's");
    expect_error("# bouncelab trace v1\n# active: low\n# end_ns: soon\n",
                 "dev:3: expected the header's '# end_ns: N'");
    expect_error("# bouncelab trace v1\n# active: low\n# end_ns: 9\nt,level\n",
                 "dev:4: expected the header's 't_ns,level'");
    expect_error(HEADER "0,1\n100,0\n9x,1\n",
                 "dev:7: '9x,1' is not a row t_ns,level after 100 (corrupted or cut short)");
    expect_error(HEADER "0,1\n100,0\n50,1\n", "dev:7: '50,1' is not a row t_ns,level after 100");
    expect_error(HEADER "0,2\n", "dev:5: not a row t_ns,level");
}

/* The overflow line: an error, and the instant edges were lost from. */
static void overflow_line(void **state)
{
    g_autoptr(trace_stream_t) s = trace_stream_new("dev");
    g_autoptr(GError) error = NULL;
    (void)state;
    assert_false(feed(s, HEADER "0,1\n100,0\n# overflow: 8 edges lost from t_ns 1036\n", &error));
    assert_non_null(strstr(error->message, "dev:7: the recorder lost edges"));
    assert_int_equal(trace_stream_overflow_ns(s), 1036);
    assert_int_equal(trace_stream_rows(s), 2);
}

/* Another comment between rows is fine, as in a native file. */
static void comment_between_rows(void **state)
{
    g_autoptr(trace_stream_t) s = trace_stream_new("dev");
    g_autoptr(GError) error = NULL;
    (void)state;
    assert_true(feed(s, HEADER "0,1\n# a note\n\n100,0\n", &error));
    assert_int_equal(trace_stream_rows(s), 2);
    assert_int_equal(trace_stream_overflow_ns(s), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rows_after_noise),
        cmocka_unit_test(bad_streams),
        cmocka_unit_test(overflow_line),
        cmocka_unit_test(comment_between_rows),
    };
    return cmocka_run_group_tests_name("trace_stream", tests, NULL, NULL);
}
