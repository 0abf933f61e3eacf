/*
 * The native CSV's rows read on several threads give exactly what one thread
 * gives: the same start, initial level, edges, end and final line number, and
 * the same error at the same line. The threshold is lowered to 0 and the
 * pieces made a few bytes long, so small files cross many piece boundaries.
 * Expected edges come from the rows by a plain loop (a level different from
 * the previous row's is an edge), independent of the builder.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <glib/gstdio.h>

#include "../util/test_scratch.h"
#include "parallel_outcome.h"

#include "reader_csv_parallel.h"

/* Two comment lines and the header come before the rows. */
#define HEAD       "# bouncelab trace v1\n# active: low\nt_ns,level\n"
#define HEAD_LINES 3u

/* Rows of fixed width: 15 digits, ",L\n". */
#define ROW_BYTES 18u

typedef struct {
    int64_t t_ns;
    gboolean level;
} row_t;

/* threads 1: the sequential reader; else that many threads, pieces of piece_bytes. */
static outcome_t read_native(const char *path, guint threads, guint64 piece_bytes)
{
    trace_parallel_t par = {0, threads, piece_bytes};
    g_autoptr(GError) error = NULL;
    g_autoptr(trace_line_reader_t) r = trace_line_reader_open(path, &error);
    outcome_t o = {NULL, NULL, 0, 0};

    assert_non_null(r);
    o.trace = trace_read_native_with(r, NULL, &par, &o.parallel_lines, &error);
    o.message = error != NULL ? g_strdup(error->message) : NULL;
    o.line_no = r->line_no;
    return o;
}

/* The trace the rows describe, worked out with a plain loop. */
static void assert_rows(const outcome_t *o, const row_t *rows, gsize n)
{
    gsize e = 0;

    assert_non_null(o->trace);
    assert_int_equal(o->trace->start_ns, rows[0].t_ns);
    assert_int_equal(o->trace->initial_level, rows[0].level);
    for (gsize i = 1; i < n; i++) {
        if (rows[i].level != rows[i - 1].level) {
            assert_true(e < trace_n_edges(o->trace));
            assert_int_equal(trace_edge_ns(o->trace, e), rows[i].t_ns);
            e++;
        }
    }
    assert_int_equal(trace_n_edges(o->trace), e);
    assert_int_equal(o->trace->end_ns, rows[n - 1].t_ns);
    assert_int_equal(o->line_no, HEAD_LINES + n);
}

static void append_row(GString *s, const row_t *row, const char *line_end)
{
    g_string_append_printf(s, "%015" G_GINT64_FORMAT ",%d%s", row->t_ns, row->level ? 1 : 0,
                           line_end);
}

/*
 * Seeded random files, some with "\r\n": times 1 to 10^9 ns apart, levels
 * that change about two rows in three. Every thread count and piece size
 * gives the trace the rows describe, all rows read in parallel when they
 * make two pieces or more.
 */
static void random_files(void **state)
{
    static const guint threads[] = {2, 3, 4, 8};
    static const guint64 pieces[] = {16, 64, 333, 4096};
    (void)state;

    for (guint32 seed = 1; seed <= 12; seed++) {
        g_autoptr(GRand) rng = g_rand_new_with_seed(seed);
        gsize n = (gsize)g_rand_int_range(rng, 1, 3000);
        g_autofree row_t *rows = g_new(row_t, n);
        g_autoptr(GString) text = g_string_new(HEAD);
        const char *line_end = seed % 3 == 0 ? "\r\n" : "\n";
        char *path = scratch_file_new("t.csv");
        outcome_t seq;
        int64_t t = g_rand_int_range(rng, 0, 1000000);

        for (gsize i = 0; i < n; i++) {
            t += 1 + g_rand_int_range(rng, 0, 1000000000) / (1 << g_rand_int_range(rng, 0, 30));
            rows[i].t_ns = t;
            rows[i].level = i == 0 ? g_rand_boolean(rng)
                                   : rows[i - 1].level != (g_rand_int_range(rng, 0, 3) > 0);
            append_row(text, &rows[i], line_end);
        }
        scratch_file_write(path, text);
        seq = read_native(path, 1, 0);
        assert_null(seq.message);
        assert_int_equal(seq.parallel_lines, 0);
        assert_rows(&seq, rows, n);
        for (gsize k = 0; k < G_N_ELEMENTS(threads); k++) {
            for (gsize p = 0; p < G_N_ELEMENTS(pieces); p++) {
                outcome_t par = read_native(path, threads[k], pieces[p]);
                assert_same(&seq, &par);
                /* one piece is read on one thread */
                assert_int_equal(par.parallel_lines,
                                 (text->len - strlen(HEAD)) / pieces[p] >= 2 ? n : 0);
                outcome_clear(&par);
            }
        }
        outcome_clear(&seq);
        scratch_file_remove(path);
    }
}

/*
 * 64 rows of 18 bytes at t = 1000, 2000, ... ns and pieces of 8 rows, so
 * pieces begin exactly at rows 8, 16, ..., 56. At row 8 the level repeats
 * (no edge), at 16 it changes (an edge), rows 22 to 26 hold one level across
 * the boundary at 24, and rows 32 and 40 each change after a repeat.
 */
static void piece_boundaries(void **state)
{
    static const char levels[] = "10101011"
                                 "11010100"
                                 "10101100"
                                 "00011010"
                                 "00101010"
                                 "11101010"
                                 "10110101"
                                 "01010100";
    const gsize n = sizeof levels - 1;
    row_t rows[sizeof levels - 1];
    g_autoptr(GString) text = g_string_new(HEAD);
    char *path = scratch_file_new("t.csv");
    outcome_t seq;
    (void)state;

    for (gsize i = 0; i < n; i++) {
        rows[i].t_ns = 1000 * (int64_t)(i + 1);
        rows[i].level = levels[i] == '1';
        append_row(text, &rows[i], "\n");
    }
    assert_int_equal(text->len, strlen(HEAD) + n * ROW_BYTES);
    scratch_file_write(path, text);
    seq = read_native(path, 1, 0);
    assert_rows(&seq, rows, n);
    /* by hand: rows 7 and 8 both 1, rows 15 and 16 are 0 then 1 */
    assert_int_equal(trace_edges_upto(seq.trace, 9000) - trace_edges_upto(seq.trace, 8000), 0);
    assert_int_equal(trace_edges_upto(seq.trace, 17000) - trace_edges_upto(seq.trace, 16000), 1);
    for (guint threads = 2; threads <= 4; threads++) {
        outcome_t par = read_native(path, threads, 8 * ROW_BYTES);
        assert_same(&seq, &par);
        assert_rows(&par, rows, n);
        assert_int_equal(par.parallel_lines, n);
        outcome_clear(&par);
    }
    outcome_clear(&seq);
    scratch_file_remove(path);
}

/*
 * Ends the rows with a comment that makes the rows' bytes a multiple of
 * `piece`: pieces of that size then begin where a file of whole 18-byte rows
 * would have them, up to the first row of another width.
 */
static void pad_to_pieces(GString *text, gsize piece)
{
    gsize rows = text->len - strlen(HEAD);
    gsize pad = piece - rows % piece;

    if (pad < 2) {
        pad += piece;
    }
    g_string_append_c(text, '#');
    for (gsize i = 2; i < pad; i++) {
        g_string_append_c(text, ' ');
    }
    g_string_append_c(text, '\n');
}

/* One line of a 64-row file replaced, and what the readers must say. */
typedef struct {
    gsize row;           /* the row replaced (0-based) */
    const char *line;    /* its text, without "\n"; NULL: t of row - 2 (backwards) */
    gboolean fails;      /* the file is refused, at that line */
    guint64 taken;       /* rows read in parallel before the sequential reader goes on */
    const char *problem; /* a part of the message */
} bad_line_t;

/*
 * A line that is not a plain row in a later piece (pieces of 8 rows: 43 is
 * inside one, 48 begins one). The parallel reader takes the rows before it
 * and the sequential one the rest, so the result, message and line number are
 * the sequential reader's; the error's line is HEAD_LINES + row + 1. A
 * comment after the rows keeps the pieces on whole rows (pad_to_pieces()).
 */
static void lines_that_stop_the_threads(void **state)
{
    static const bad_line_t cases[] = {
        {43, "abc,1", TRUE, 43, "no time in 'abc,1'"},
        {48, "abc,1", TRUE, 48, "no time in 'abc,1'"},
        {43, "000000000044000,2", TRUE, 43, "unknown level '2'"},
        {48, "# overflow: 12 edges lost", TRUE, 48, "the recorder lost edges"},
        {43, NULL, TRUE, 43, "time goes backwards (41000 after 43000)"},
        {48, NULL, TRUE, 48, "time goes backwards (46000 after 48000)"},
        {48, "000000000048000,1", TRUE, 48, "duplicate time 48000"},
        {43, "# a note between rows", FALSE, 43, NULL},
        {48, "", FALSE, 48, NULL},
        {48, "0000000000000049000,1", FALSE, 48, NULL}, /* 19 digits: the slow parser */
    };
    (void)state;

    for (gsize c = 0; c < G_N_ELEMENTS(cases); c++) {
        const bad_line_t *bad = &cases[c];
        g_autoptr(GString) text = g_string_new(HEAD);
        char *path = scratch_file_new("t.csv");
        g_autofree char *where = NULL;
        outcome_t seq, par;

        for (gsize i = 0; i < 64; i++) {
            row_t row = {1000 * (int64_t)(i + 1), i % 2 == 0};
            if (i != bad->row) {
                append_row(text, &row, "\n");
            } else if (bad->line != NULL) {
                g_string_append_printf(text, "%s\n", bad->line);
            } else {
                row.t_ns -= 3000;
                append_row(text, &row, "\n");
            }
        }
        pad_to_pieces(text, 8 * ROW_BYTES);
        scratch_file_write(path, text);
        print_message("row %zu: '%s'\n", bad->row, bad->line != NULL ? bad->line : "backwards");
        seq = read_native(path, 1, 0);
        par = read_native(path, 2, 8 * ROW_BYTES);
        assert_same(&seq, &par);
        assert_int_equal(par.parallel_lines, bad->taken);
        if (bad->fails) {
            where = g_strdup_printf("%s:%zu: ", path, HEAD_LINES + bad->row + 1);
            assert_true(g_str_has_prefix(seq.message, where));
            assert_non_null(strstr(seq.message, bad->problem));
        } else {
            assert_null(seq.message);
            assert_int_equal(seq.line_no, HEAD_LINES + 64 + 1);
        }
        outcome_clear(&seq);
        outcome_clear(&par);
        scratch_file_remove(path);
    }
}

/*
 * What is checked after the rows still is: a last row without "\n" (read by
 * the sequential reader after the threads), and "# end_ns:" before the last
 * row, refused at its own line (2).
 */
static void after_the_rows(void **state)
{
    for (int variant = 0; variant < 2; variant++) {
        g_autoptr(GString) text =
            g_string_new(variant == 0 ? HEAD : "# end_ns: 5000\n# active: low\nt_ns,level\n");
        char *path = scratch_file_new("t.csv");
        outcome_t seq, par;
        (void)state;

        for (gsize i = 0; i < 64; i++) {
            row_t row = {1000 * (int64_t)(i + 1), i % 3 == 0};
            append_row(text, &row, "\n");
        }
        if (variant == 0) {
            g_string_truncate(text, text->len - 1);
        }
        scratch_file_write(path, text);
        seq = read_native(path, 1, 0);
        par = read_native(path, 2, 8 * ROW_BYTES);
        assert_same(&seq, &par);
        if (variant == 0) {
            assert_null(seq.message);
            assert_int_equal(seq.line_no, HEAD_LINES + 64);
            assert_int_equal(par.parallel_lines, 63);
            assert_int_equal(seq.trace->end_ns, 64000);
        } else {
            g_autofree char *where = g_strdup_printf("%s:1: end_ns 5000 is before", path);
            assert_true(g_str_has_prefix(seq.message, where));
            assert_int_equal(par.parallel_lines, 64);
        }
        outcome_clear(&seq);
        outcome_clear(&par);
        scratch_file_remove(path);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(random_files),
        cmocka_unit_test(piece_boundaries),
        cmocka_unit_test(lines_that_stop_the_threads),
        cmocka_unit_test(after_the_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
