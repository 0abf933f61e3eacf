/*
 * A VCD's value changes read on several threads give exactly what one thread
 * gives: the same start, initial level, edges, end, truth presses and active
 * level and final line number, or the same error at the same line. The
 * threshold is lowered to 0 and the pieces made a few bytes long, so small
 * files cross many piece boundaries, inside timestamp groups too. Files
 * written by trace_write_vcd_trace() must also read back as the trace
 * written, and hand-made ones as the presses worked out by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <glib/gstdio.h>

#include "../util/test_scratch.h"
#include "parallel_outcome.h"

#include "reader_vcd_parallel.h"
#include "trace_io.h"

/* Three wires: the button, bouncelab's truth wire, and one that is not read. */
#define HEAD                                                                                       \
    "$comment written by bouncelab $end\n"                                                         \
    "$comment bouncelab active: high $end\n"                                                       \
    "$timescale 1 ns $end\n"                                                                       \
    "$scope module top $end\n"                                                                     \
    "$var wire 1 ! btn $end\n"                                                                     \
    "$var wire 1 \" truth $end\n"                                                                  \
    "$var wire 1 # other $end\n"                                                                   \
    "$upscope $end\n"                                                                              \
    "$enddefinitions $end\n"
#define HEAD_LINES 9u

/* threads 1: the sequential reader; else that many threads, pieces of piece_bytes. */
static outcome_t read_vcd(const char *path, guint threads, guint64 piece_bytes)
{
    trace_parallel_t par = {0, threads, piece_bytes};
    trace_read_options_t opts;
    g_autoptr(GError) error = NULL;
    g_autoptr(trace_line_reader_t) r = trace_line_reader_open(path, &error);
    outcome_t o = {NULL, NULL, 0, 0};

    assert_non_null(r);
    trace_read_options_init(&opts);
    o.trace = trace_read_vcd_with(r, &opts, &par, &o.parallel_lines, &error);
    o.message = error != NULL ? g_strdup(error->message) : NULL;
    o.line_no = r->line_no;
    return o;
}

/*
 * The file read on 2 to 4 threads and pieces of 1 to max_piece bytes, each
 * against one thread. `plain`: every line after the header is of the fast
 * path's shapes, so all of them are read in parallel when they make two
 * pieces or more.
 */
static void assert_parallel_same(const char *path, guint64 max_piece, guint64 step, gboolean plain)
{
    outcome_t seq = read_vcd(path, 1, 0);
    GStatBuf st;

    assert_int_equal(g_stat(path, &st), 0);
    assert_int_equal(seq.parallel_lines, 0);
    for (guint64 piece = 1; piece <= max_piece; piece += step) {
        outcome_t par = read_vcd(path, 2 + (guint)(piece % 3), piece);
        assert_same(&seq, &par);
        if (plain && ((guint64)st.st_size - strlen(HEAD)) / piece >= 2) {
            assert_int_equal(par.parallel_lines, par.line_no - HEAD_LINES);
        }
        outcome_clear(&par);
    }
    outcome_clear(&seq);
}

/* A value for a wire: mostly 0 or 1, with x and z (which keep the level) when asked. */
static char random_value(GRand *rng, gboolean xz)
{
    static const char values[] = "01xzXZ";
    return values[g_rand_int_range(rng, 0, xz ? 6 : 2)];
}

/*
 * A random value change section of the sigrok shape ("#t v! v\"" on a line)
 * or the HDL one ("#t", then "v!" lines): times 1 to 1000 ticks apart (some
 * groups empty), all three wires changing at random, x and z when asked,
 * and a last bare timestamp marking the end.
 */
static GString *random_vcd(GRand *rng, gboolean sigrok, gboolean xz, const char *timescale)
{
    static const char ids[] = "!\"#";
    GString *text = g_string_new(HEAD);
    gsize groups = (gsize)g_rand_int_range(rng, 1, 400);
    guint64 t = (guint64)g_rand_int_range(rng, 0, 50);

    if (timescale != NULL) {
        g_autofree char *line = g_strdup_printf("$timescale %s $end\n", timescale);
        g_string_replace(text, "$timescale 1 ns $end\n", line, 1);
    }
    for (gsize g = 0; g < groups; g++) {
        g_string_append_printf(text, "#%" G_GUINT64_FORMAT, t);
        for (gsize w = 0; w < 3; w++) {
            if (g_rand_int_range(rng, 0, 3) > 0) {
                g_string_append_printf(text, sigrok ? " %c%c" : "\n%c%c", random_value(rng, xz),
                                       ids[w]);
            }
        }
        g_string_append_c(text, '\n');
        t += 1 + (guint64)g_rand_int_range(rng, 0, 1000);
    }
    g_string_append_printf(text, "#%" G_GUINT64_FORMAT "\n", t);
    return text;
}

/*
 * Seeded random files of both shapes, with x and z in some and a 10 ps
 * timescale in others (ticks closer than 1 ns are refused the same way):
 * every piece size from 1 to 300 bytes gives what one thread gives.
 */
static void random_files(void **state)
{
    (void)state;

    for (guint32 seed = 1; seed <= 24; seed++) {
        g_autoptr(GRand) rng = g_rand_new_with_seed(seed);
        g_autoptr(GString) text =
            random_vcd(rng, seed % 2 == 0, seed % 3 == 0, seed % 8 == 7 ? "10 ps" : NULL);
        char *path = scratch_file_new("t.vcd");

        scratch_file_write(path, text);
        assert_parallel_same(path, 300, 7, seed % 8 != 7);
        scratch_file_remove(path);
    }
}

/*
 * A random trace with truth, written by trace_write_vcd_trace() (the HDL
 * shape) and read back on one thread and on several: both give the trace
 * written, all of the value changes read in parallel.
 */
static void written_traces(void **state)
{
    (void)state;

    for (guint32 seed = 1; seed <= 8; seed++) {
        g_autoptr(GRand) rng = g_rand_new_with_seed(seed);
        gboolean level = g_rand_boolean(rng);
        int64_t t = g_rand_int_range(rng, 0, 1000);
        g_autoptr(trace_t) want = trace_new("t", level, seed % 2 == 0, t);
        g_autoptr(GError) error = NULL;
        char *path = scratch_file_new("t.vcd");
        outcome_t seq;

        for (int i = 0; i < 2000; i++) {
            t += 1 + g_rand_int_range(rng, 0, 5000);
            level = !level;
            assert_true(trace_push_level(want, t, level));
        }
        want->end_ns = t + 100;
        /* presses 10 edges long, apart by 3 edges; the last one still held at the end */
        for (guint i = 0; i + 13 < trace_n_edges(want); i += 13) {
            trace_add_truth(want, trace_edge_ns(want, i), trace_edge_ns(want, i + 10));
        }
        trace_add_truth(want, trace_edge_ns(want, trace_n_edges(want) - 1), TRACE_NO_RELEASE);
        assert_true(trace_write_vcd_trace(want, path, &error));
        seq = read_vcd(path, 1, 0);
        assert_null(seq.message);
        assert_same_trace(want, seq.trace);
        for (guint64 piece = 5; piece < 4000; piece = piece * 3 + 1) {
            outcome_t par = read_vcd(path, 2 + (guint)(piece % 3), piece);
            assert_same(&seq, &par);
            assert_int_equal(par.parallel_lines, par.line_no - HEAD_LINES); /* all but the header */
            outcome_clear(&par);
        }
        outcome_clear(&seq);
        scratch_file_remove(path);
    }
}

/*
 * A press at #10 and its release at #5000, hundreds of lines apart, so that
 * with small pieces they are in different ones; a second press at #6000
 * pressed again (no change) at #6500 and held to the end; x and z between.
 * By hand: presses [10, 5000] and [6000, end).
 */
static void truth_across_pieces(void **state)
{
    g_autoptr(GString) text = g_string_new(HEAD "#10\n1\"\n1!\n");
    char *path = scratch_file_new("t.vcd");
    outcome_t seq;
    (void)state;

    for (int t = 20; t < 5000; t += 10) {
        g_string_append_printf(text, "#%d\n%c!\nx\"\n", t, t % 20 == 0 ? '0' : '1');
    }
    g_string_append(text, "#5000\n0\"\n#6000\n1\"\nz\"\n#6500\n1\"\n0!\n#7000\n");
    scratch_file_write(path, text);
    seq = read_vcd(path, 1, 0);
    assert_null(seq.message);
    assert_int_equal(trace_n_truth(seq.trace), 2);
    assert_int_equal(trace_truth_at(seq.trace, 0)->press_ns, 10);
    assert_int_equal(trace_truth_at(seq.trace, 0)->release_ns, 5000);
    assert_int_equal(trace_truth_at(seq.trace, 1)->press_ns, 6000);
    assert_int_equal(trace_truth_at(seq.trace, 1)->release_ns, TRACE_NO_RELEASE);
    assert_int_equal(seq.trace->end_ns, 7000);
    outcome_clear(&seq);
    for (guint64 piece = 16; piece <= 2048; piece *= 2) {
        outcome_t par = read_vcd(path, 2, piece);
        assert_non_null(par.trace);
        assert_int_equal(par.parallel_lines, par.line_no - HEAD_LINES); /* all but the header */
        outcome_clear(&par);
    }
    assert_parallel_same(path, 600, 1, TRUE);
    scratch_file_remove(path);
}

/* A line put into an otherwise plain file, and what the readers must say. */
typedef struct {
    const char *line;    /* the text put in before "#4000" */
    const char *problem; /* a part of the error message, or NULL if the file is fine */
} odd_line_t;

/*
 * Lines the fast path does not take, in a later piece: keywords, a vector, a
 * repeated time, times going backwards (just before a timestamp, so at a
 * piece boundary for some piece sizes), a bad token. The sequential reader
 * takes them at the same line with the same state, whatever the pieces.
 */
static void lines_that_stop_the_threads(void **state)
{
    static const odd_line_t odd[] = {
        {"$comment a note\n#3995 1!\n$end\n", NULL},
        {"$dumpvars\n1!\n0\"\n$end\n", NULL},
        {"$dumpall 0! $end\n", NULL},
        {"b1 !\n", NULL},
        {"#3990\n0!\n", NULL}, /* the same time again: the instant goes on */
        {"#3990\n#3990 1!\n", NULL},
        {"#100\n", "time goes backwards (#100 after #3990)"},
        {"#3000\n1!\n", "time goes backwards (#3000 after #3990)"},
        {"q!\n", "unknown level or token 'q!'"},
        {"#12a\n", "bad timestamp '#12a'"},
    };
    (void)state;

    for (gsize k = 0; k < G_N_ELEMENTS(odd); k++) {
        g_autoptr(GString) text = g_string_new(HEAD);
        char *path = scratch_file_new("t.vcd");
        outcome_t seq;

        for (int t = 10; t <= 6000; t += 10) {
            if (t == 4000) {
                g_string_append(text, odd[k].line);
            }
            g_string_append_printf(text, "#%d\n%d!\n%d\"\n", t, (t / 10) % 2, (t / 30) % 2);
        }
        scratch_file_write(path, text);
        seq = read_vcd(path, 1, 0);
        if (odd[k].problem != NULL) {
            assert_non_null(seq.message);
            assert_non_null(strstr(seq.message, odd[k].problem));
        } else {
            assert_null(seq.message);
            assert_int_equal(seq.trace->end_ns, 6000);
        }
        for (guint64 piece = 64; piece <= 8192; piece *= 2) {
            outcome_t par = read_vcd(path, 2, piece);
            assert_same(&seq, &par);
            /* the lines before the odd one (399 groups of 3) go in parallel, if two pieces;
             * some after it too, when the threads get another turn */
            if ((text->len - strlen(HEAD)) / piece >= 2) {
                assert_true(par.parallel_lines >= 399 * 3);
            } else {
                assert_int_equal(par.parallel_lines, 0);
            }
            outcome_clear(&par);
        }
        outcome_clear(&seq);
        assert_parallel_same(path, 200, 3, FALSE);
        scratch_file_remove(path);
    }
}

/*
 * 3 MB of value changes with odd lines early on: a $dumpvars block after
 * "#0" (as HDL simulators write), and later a repeated timestamp (as sigrok
 * writes). Once a buffer of plain lines follows, the threads go on, so most
 * lines are still read in parallel, and the trace is the same.
 */
static void threads_again_after_odd_lines(void **state)
{
    g_autoptr(GString) text = g_string_new(HEAD "#0\n$dumpvars\n1!\n0\"\n0#\n$end\n");
    char *path = scratch_file_new("t.vcd");
    outcome_t seq;
    gsize lines = 6, groups = 0;
    (void)state;

    for (int t = 10; text->len < (3u << 20); t += 10, groups++) {
        g_string_append_printf(text, "#%d\n%d!\n", t, (t / 10) % 2);
        lines += 2;
        if (groups % 20000 == 19999) {
            g_string_append_printf(text, "#%d\n%d\"\n", t, (t / 200000) % 2);
            lines += 2;
        }
    }
    scratch_file_write(path, text);
    seq = read_vcd(path, 1, 0);
    assert_null(seq.message);
    assert_int_equal(seq.line_no, HEAD_LINES + lines);
    assert_int_equal(trace_n_truth(seq.trace), (groups / 20000 + 1) / 2);
    for (guint threads = 2; threads <= 3; threads++) {
        outcome_t par = read_vcd(path, threads, 64u << 10);
        assert_same(&seq, &par);
        assert_true(par.parallel_lines > lines / 2);
        outcome_clear(&par);
    }
    outcome_clear(&seq);
    scratch_file_remove(path);
}

/*
 * The last line without "\n", in both shapes: a bare end time, and a time
 * with changes (the sequential reader takes it, then commits and ends).
 */
static void last_line_without_newline(void **state)
{
    static const char *const tails[] = {"#900", "#900 1! 0\"", "#900\n0!", "#800"};
    (void)state;

    for (gsize k = 0; k < G_N_ELEMENTS(tails); k++) {
        g_autoptr(GString) text = g_string_new(HEAD);
        char *path = scratch_file_new("t.vcd");
        outcome_t seq;

        for (int t = 0; t < 850; t += 10) {
            g_string_append_printf(text, "#%d %d! %d\"\n", t, (t / 10) % 2, (t / 50) % 2);
        }
        g_string_append(text, tails[k]);
        scratch_file_write(path, text);
        seq = read_vcd(path, 1, 0);
        if (k < 3) {
            assert_null(seq.message);
            assert_int_equal(seq.trace->end_ns, 900);
        } else {
            assert_non_null(strstr(seq.message, "time goes backwards (#800 after #840)"));
        }
        outcome_clear(&seq);
        assert_parallel_same(path, 400, 1, FALSE);
        scratch_file_remove(path);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(random_files),
        cmocka_unit_test(written_traces),
        cmocka_unit_test(truth_across_pieces),
        cmocka_unit_test(lines_that_stop_the_threads),
        cmocka_unit_test(threads_again_after_odd_lines),
        cmocka_unit_test(last_line_without_newline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
