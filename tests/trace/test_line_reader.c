/*
 * The streaming line reader: line ends, line numbers, lines across read
 * chunks, the bound on line length, peeking, and the window interface.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <glib/gstdio.h>

#include "line_reader.h"
#include "trace_error.h"

static char *scratch_file(const char *contents, gsize len)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = g_dir_make_tmp("linereader-XXXXXX", &error);
    char *path;

    assert_non_null(dir);
    path = g_build_filename(dir, "f.txt", NULL);
    assert_true(g_file_set_contents(path, contents, (gssize)len, &error));
    return path;
}

static void remove_scratch(char *path)
{
    g_autofree char *dir = g_path_get_dirname(path);
    g_unlink(path);
    g_rmdir(dir);
    g_free(path);
}

static void line_ends_and_numbers(void **state)
{
    static const char text[] = "a\r\n\nbc\ndef"; /* CRLF, an empty line, no final newline */
    char *path = scratch_file(text, sizeof text - 1);
    g_autoptr(GError) error = NULL;
    trace_line_reader_t *r = trace_line_reader_open(path, &error);
    const char *expect[] = {"a", "", "bc", "def"};
    char *line;
    gsize len;
    (void)state;

    assert_non_null(r);
    for (gsize i = 0; i < G_N_ELEMENTS(expect); i++) {
        assert_int_equal(trace_line_reader_next(r, &line, &len, &error), TRACE_LINE_OK);
        assert_string_equal(line, expect[i]);
        assert_int_equal(len, strlen(expect[i]));
        assert_int_equal(r->line_no, i + 1);
    }
    assert_int_equal(trace_line_reader_next(r, &line, &len, &error), TRACE_LINE_EOF);
    assert_null(error);
    trace_line_reader_free(r);
    remove_scratch(path);
}

static void empty_file(void **state)
{
    char *path = scratch_file("", 0);
    g_autoptr(GError) error = NULL;
    trace_line_reader_t *r = trace_line_reader_open(path, &error);
    const char *head;
    gsize n = 99;
    char *line;
    (void)state;

    assert_true(trace_line_reader_peek(r, &head, &n, &error));
    assert_int_equal(n, 0);
    assert_int_equal(trace_line_reader_next(r, &line, &n, &error), TRACE_LINE_EOF);
    assert_int_equal(r->line_no, 0);
    trace_line_reader_free(r);
    remove_scratch(path);
}

/* 300000 numbered lines, about 3.6 MB: several read chunks, lines cut at their ends. */
static void lines_across_chunks(void **state)
{
    const guint n_lines = 300000;
    GString *text = g_string_new(NULL);
    char *path;
    g_autoptr(GError) error = NULL;
    trace_line_reader_t *r;
    char *line;
    gsize len;
    guint i = 0;
    trace_line_result_t res;
    (void)state;

    for (guint k = 0; k < n_lines; k++) {
        g_string_append_printf(text, "line %u\n", k);
    }
    assert_true(text->len > 3 * TRACE_LINE_CHUNK_BYTES);
    path = scratch_file(text->str, text->len);
    r = trace_line_reader_open(path, &error);
    assert_int_equal(r->size, (gint64)text->len);
    while ((res = trace_line_reader_next(r, &line, &len, &error)) == TRACE_LINE_OK) {
        char expect[32];
        g_snprintf(expect, sizeof expect, "line %u", i);
        assert_string_equal(line, expect);
        i++;
        assert_int_equal(r->line_no, i);
    }
    assert_int_equal(res, TRACE_LINE_EOF);
    assert_int_equal(i, n_lines);
    trace_line_reader_free(r);
    remove_scratch(path);
    g_string_free(text, TRUE);
}

/* The window interface sees the same lines, and mixing it with next() loses none. */
static void window_and_next(void **state)
{
    const guint n_lines = 200000;
    GString *text = g_string_new(NULL);
    char *path;
    g_autoptr(GError) error = NULL;
    trace_line_reader_t *r;
    const char *s, *end;
    char *line;
    gsize len;
    guint seen = 0;
    (void)state;

    for (guint k = 0; k < n_lines; k++) {
        g_string_append_printf(text, "%u\n", k);
    }
    g_string_append(text, "tail"); /* a last line without newline */
    path = scratch_file(text->str, text->len);
    r = trace_line_reader_open(path, &error);
    while (trace_line_reader_window(r, &s, &end, &error) == TRACE_LINE_OK) {
        /* take half of the window's lines by hand, then one with next() */
        const char *p = s;
        guint taken = 0;
        while (p < end && taken < 1000) {
            const char *nl = memchr(p, '\n', (gsize)(end - p));
            assert_int_equal(g_ascii_strtoull(p, NULL, 10), seen);
            seen++;
            taken++;
            p = nl + 1;
        }
        trace_line_reader_consume(r, p, taken);
        assert_int_equal(r->line_no, seen);
        if (p < end) {
            assert_int_equal(trace_line_reader_next(r, &line, &len, &error), TRACE_LINE_OK);
            assert_int_equal(g_ascii_strtoull(line, NULL, 10), seen);
            seen++;
        }
    }
    assert_int_equal(seen, n_lines);
    assert_int_equal(trace_line_reader_next(r, &line, &len, &error), TRACE_LINE_OK);
    assert_string_equal(line, "tail");
    assert_int_equal(r->line_no, n_lines + 1);
    trace_line_reader_free(r);
    remove_scratch(path);
    g_string_free(text, TRUE);
}

static void overlong_line_is_an_error(void **state)
{
    gsize n = TRACE_LINE_MAX_BYTES + TRACE_LINE_CHUNK_BYTES + 10;
    char *text = g_malloc(n);
    char *path;
    g_autoptr(GError) error = NULL;
    trace_line_reader_t *r;
    char *line;
    gsize len;
    (void)state;

    memset(text, 'a', n);
    text[0] = '\n'; /* line 1 is empty, line 2 is too long */
    path = scratch_file(text, n);
    r = trace_line_reader_open(path, &error);
    assert_int_equal(trace_line_reader_next(r, &line, &len, &error), TRACE_LINE_OK);
    assert_int_equal(trace_line_reader_next(r, &line, &len, &error), TRACE_LINE_ERROR);
    assert_true(g_error_matches(error, TRACE_ERROR, TRACE_ERROR_PARSE));
    assert_non_null(strstr(error->message, ":2: line longer than"));
    trace_line_reader_free(r);
    remove_scratch(path);
    g_free(text);
}

static void peek_does_not_consume(void **state)
{
    char *path = scratch_file("first\nsecond\n", 13);
    g_autoptr(GError) error = NULL;
    trace_line_reader_t *r = trace_line_reader_open(path, &error);
    const char *head;
    gsize n;
    char *line;
    (void)state;

    assert_true(trace_line_reader_peek(r, &head, &n, &error));
    assert_int_equal(n, 13);
    assert_memory_equal(head, "first\n", 6);
    assert_int_equal(trace_line_reader_next(r, &line, &n, &error), TRACE_LINE_OK);
    assert_string_equal(line, "first");
    trace_line_reader_free(r);
    remove_scratch(path);
}

/*
 * "a\nbb\nccc\ndddd\n": after line 1 the next byte is at offset 2; a seek to
 * offset 5 (line 3) after one line read elsewhere (line 2) goes on at "ccc",
 * line 3, and the offset follows the lines read, across a refill.
 */
static void offset_and_seek(void **state)
{
    static const char text[] = "a\nbb\nccc\ndddd\n";
    char *path = scratch_file(text, sizeof text - 1);
    g_autoptr(GError) error = NULL;
    trace_line_reader_t *r = trace_line_reader_open(path, &error);
    char *line;
    gsize len;
    (void)state;

    assert_non_null(r);
    assert_int_equal(trace_line_reader_offset(r), 0);
    assert_int_equal(trace_line_reader_next(r, &line, &len, &error), TRACE_LINE_OK);
    assert_int_equal(trace_line_reader_offset(r), 2);
    assert_true(trace_line_reader_seek(r, 5, 1, &error));
    assert_int_equal(trace_line_reader_offset(r), 5);
    assert_int_equal(trace_line_reader_next(r, &line, &len, &error), TRACE_LINE_OK);
    assert_string_equal(line, "ccc");
    assert_int_equal(r->line_no, 3);
    assert_int_equal(trace_line_reader_offset(r), 9);
    assert_int_equal(trace_line_reader_next(r, &line, &len, &error), TRACE_LINE_OK);
    assert_string_equal(line, "dddd");
    assert_int_equal(trace_line_reader_offset(r), 14);
    assert_int_equal(trace_line_reader_next(r, &line, &len, &error), TRACE_LINE_EOF);
    trace_line_reader_free(r);
    remove_scratch(path);
}

static void missing_file(void **state)
{
    g_autoptr(GError) error = NULL;
    (void)state;

    assert_null(trace_line_reader_open("/nonexistent/bouncelab/x.csv", &error));
    assert_true(g_error_matches(error, TRACE_ERROR, TRACE_ERROR_IO));
    assert_non_null(strstr(error->message, "/nonexistent/bouncelab/x.csv: cannot open"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(line_ends_and_numbers),     cmocka_unit_test(empty_file),
        cmocka_unit_test(lines_across_chunks),       cmocka_unit_test(window_and_next),
        cmocka_unit_test(overlong_line_is_an_error), cmocka_unit_test(peek_does_not_consume),
        cmocka_unit_test(offset_and_seek),           cmocka_unit_test(missing_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
