/*
 * `bouncelab plot`'s own computations: checking a sweep CSV (every error
 * names the file and line, worded as the user sees it) and the file-name
 * stems of traces. The gnuplot side is tested by test_gp_*.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cli_labels.h"
#include "plot_error.h"
#include "plot_results.h"
#include "plot_sweep.h"
#include "sweep_csv.h"

#define HEADER                                                                                     \
    "trace,algo,mode,press_window_us,release_window_us,interval_us,irq_latency_us,presses_true,"   \
    "presses_detected,missed,false_triggers,press_latency_min_us,press_latency_median_us,"         \
    "press_latency_p99_us,press_latency_max_us,release_latency_median_us,cpu_entries,"             \
    "cpu_entries_per_press,runtime\n"
#define POLL_ROW(trace) trace ",defer,poll,1000,1000,100,,10,10,0,0,1,2,3,4,5,100,10,\n"
#define IRQ_ROW(trace)  trace ",defer,irq,1000,1000,,1.5,10,10,0,0,1,2,3,4,5,100,10,c\n"

typedef struct {
    char *dir;
    char *path;
} scratch_t;

static int scratch_setup(void **state)
{
    scratch_t *scratch = g_new0(scratch_t, 1);
    scratch->dir = g_dir_make_tmp("plot-results-XXXXXX", NULL);
    assert_non_null(scratch->dir);
    scratch->path = g_build_filename(scratch->dir, "sweep.csv", NULL);
    *state = scratch;
    return 0;
}

static int scratch_teardown(void **state)
{
    scratch_t *scratch = *state;
    g_unlink(scratch->path);
    g_rmdir(scratch->dir);
    g_free(scratch->path);
    g_free(scratch->dir);
    g_free(scratch);
    return 0;
}

static GPtrArray *traces_of(const scratch_t *scratch, const char *contents, GError **error)
{
    assert_true(g_file_set_contents(scratch->path, contents, -1, NULL));
    return plot_results_read(scratch->path, NULL, NULL, error);
}

static void header_matches_the_sweep_columns(void **state)
{
    g_autofree char *header = sweep_csv_header();
    (void)state;
    /* HEADER is typed out from issue 4's column list, independently of the table */
    assert_int_equal(SWEEP_CSV_N_COLUMNS, 19);
    assert_string_equal(header, HEADER);
}

/* trace names with commas and quotes: written quoted, read back as they were */
static void quoted_trace_names_round_trip(void **state)
{
    static const char *const names[] = {"a,b", "say \"hi\"", "\"", ",", "plain", "x\"\",\"y"};
    scratch_t *scratch = *state;
    g_autoptr(GString) csv = g_string_new(HEADER);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) traces = NULL;
    sim_config_t cfg;
    sim_metrics_t m = {.presses_true = 3, .presses_detected = 3};

    sim_config_init(&cfg);
    m.press_latency_min_us = m.press_latency_median_us = m.press_latency_p99_us = 1.5;
    m.press_latency_max_us = m.release_latency_median_us = m.cpu_entries_per_press = 2.0;
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        g_autofree char *row = sweep_csv_row(names[i], &cfg, &m);
        g_string_append(csv, row);
    }
    traces = traces_of(scratch, csv->str, &error);
    assert_null(error);
    assert_int_equal(traces->len, G_N_ELEMENTS(names));
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        assert_string_equal(g_ptr_array_index(traces, i), names[i]);
    }
    /* the quoting itself, by hand: doubled quotes inside one pair */
    g_autofree char *row = sweep_csv_row("say \"hi\", twice", &cfg, &m);
    assert_string_equal(row, "\"say \"\"hi\"\", twice\",defer,poll,5000,5000,1000,,3,3,0,0,1.5,1.5,"
                             "1.5,2,2,0,2.00,\n");
}

static gboolean collect_row(const char *line, char **fields, gpointer user_data, GError **error)
{
    (void)fields;
    (void)error;
    g_ptr_array_add(user_data, g_strdup(line));
    return TRUE;
}

static gboolean refuse_second_row(const char *line, char **fields, gpointer user_data,
                                  GError **error)
{
    guint *rows = user_data;
    (void)line;
    (void)fields;
    if (++*rows == 2) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOSPC, "disk full");
        return FALSE;
    }
    return TRUE;
}

/* Each row reaches the callback as read, without its line end; repeated headers do not. */
static void rows_reach_the_callback(void **state)
{
    scratch_t *scratch = *state;
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GPtrArray) traces = NULL;
    guint seen = 0;

    assert_true(
        g_file_set_contents(scratch->path, HEADER IRQ_ROW("a") HEADER POLL_ROW("b"), -1, NULL));
    traces = plot_results_read(scratch->path, collect_row, rows, &error);
    assert_non_null(traces);
    assert_int_equal(rows->len, 2);
    assert_string_equal(g_ptr_array_index(rows, 0),
                        "a,defer,irq,1000,1000,,1.5,10,10,0,0,1,2,3,4,5,100,10,c");
    assert_string_equal(g_ptr_array_index(rows, 1),
                        "b,defer,poll,1000,1000,100,,10,10,0,0,1,2,3,4,5,100,10,");
    /* a callback's error stops the reading and reaches the caller */
    g_clear_pointer(&traces, g_ptr_array_unref);
    traces = plot_results_read(scratch->path, refuse_second_row, &seen, &error);
    assert_null(traces);
    assert_int_equal(seen, 2);
    assert_true(g_error_matches(error, G_FILE_ERROR, G_FILE_ERROR_NOSPC));
}

/* plot_results_row_fn: keeps the known cells, joined, as the reader hands them over. */
static gboolean collect_known(const char *line, char **fields, gpointer user_data, GError **error)
{
    (void)line;
    (void)error;
    assert_int_equal(g_strv_length(fields), SWEEP_CSV_N_COLUMNS);
    g_ptr_array_add(user_data, g_strjoinv(",", fields));
    return TRUE;
}

static GPtrArray *known_cells_of(const scratch_t *scratch, const char *contents)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) traces = NULL;
    GPtrArray *rows = g_ptr_array_new_with_free_func(g_free);

    assert_true(g_file_set_contents(scratch->path, contents, -1, NULL));
    traces = plot_results_read(scratch->path, collect_known, rows, &error);
    if (traces == NULL) {
        fail_msg("refused: %s", error->message);
    }
    return rows;
}

/*
 * Output formats only gain: a column a later version adds, at the end, in the
 * middle or first, and known columns in another order read the same cells.
 */
static void added_and_moved_columns_read_the_same(void **state)
{
    /* the same two rows, written by hand in each layout */
    static const char *const layouts[] = {
        HEADER IRQ_ROW("a") POLL_ROW("b"),
        "trace,algo,mode,press_window_us,release_window_us,interval_us,irq_latency_us,"
        "presses_true,presses_detected,missed,false_triggers,press_latency_min_us,"
        "press_latency_median_us,press_latency_p99_us,press_latency_max_us,"
        "release_latency_median_us,cpu_entries,cpu_entries_per_press,runtime,energy_uj\n"
        "a,defer,irq,1000,1000,,1.5,10,10,0,0,1,2,3,4,5,100,10,c,7.5\n"
        "b,defer,poll,1000,1000,100,,10,10,0,0,1,2,3,4,5,100,10,,\n",
        "trace,algo,mode,bounce_class,press_window_us,release_window_us,interval_us,"
        "irq_latency_us,presses_true,presses_detected,missed,false_triggers,press_latency_min_us,"
        "press_latency_median_us,press_latency_p99_us,press_latency_max_us,"
        "release_latency_median_us,cpu_entries,cpu_entries_per_press,runtime\n"
        "a,defer,irq,\"worn, dusty\",1000,1000,,1.5,10,10,0,0,1,2,3,4,5,100,10,c\n"
        "b,defer,poll,,1000,1000,100,,10,10,0,0,1,2,3,4,5,100,10,\n",
        "runtime,x,trace,algo,mode,press_window_us,release_window_us,interval_us,irq_latency_us,"
        "presses_true,presses_detected,missed,false_triggers,press_latency_min_us,"
        "press_latency_median_us,press_latency_p99_us,press_latency_max_us,"
        "release_latency_median_us,cpu_entries,cpu_entries_per_press\n"
        "c,1,a,defer,irq,1000,1000,,1.5,10,10,0,0,1,2,3,4,5,100,10\n"
        ",2,b,defer,poll,1000,1000,100,,10,10,0,0,1,2,3,4,5,100,10\n",
    };
    scratch_t *scratch = *state;

    for (gsize i = 0; i < G_N_ELEMENTS(layouts); i++) {
        g_autoptr(GPtrArray) rows = known_cells_of(scratch, layouts[i]);
        assert_int_equal(rows->len, 2);
        assert_string_equal(g_ptr_array_index(rows, 0),
                            "a,defer,irq,1000,1000,,1.5,10,10,0,0,1,2,3,4,5,100,10,c");
        assert_string_equal(g_ptr_array_index(rows, 1),
                            "b,defer,poll,1000,1000,100,,10,10,0,0,1,2,3,4,5,100,10,");
    }
}

static void traces_in_order_of_first_row(void **state)
{
    scratch_t *scratch = *state;
    g_autoptr(GError) error = NULL;
    /* b, a, b again, a repeated header (concatenated shards), c; CRLF line ends */
    g_autoptr(GPtrArray) traces =
        traces_of(scratch,
                  HEADER POLL_ROW("traces/b.csv") IRQ_ROW("a") POLL_ROW("traces/b.csv") HEADER
                  "c,lockout,poll,500,500,12.5,,3,0,3,0,,,,,,40,13.3333,\r\n",
                  &error);

    assert_non_null(traces);
    assert_null(error);
    assert_int_equal(traces->len, 3);
    assert_string_equal(g_ptr_array_index(traces, 0), "traces/b.csv");
    assert_string_equal(g_ptr_array_index(traces, 1), "a");
    assert_string_equal(g_ptr_array_index(traces, 2), "c");
}

typedef struct {
    const char *contents;
    int code;
    const char *message; /* %s is the file's path */
} bad_case_t;

static const bad_case_t bad_cases[] = {
    {"", PLOT_ERROR_PARSE, "%s:1: empty file, expected a sweep CSV header"},
    {HEADER, PLOT_ERROR_INVALID, "%s: no rows after the header"},
    {"trace,algo,moda\n", PLOT_ERROR_PARSE,
     "%s:1: missing column 'mode' (a sweep CSV has 19 columns, 'trace' to 'runtime', in any "
     "order; others are ignored)"},
    {"trace,algo,mode,press_window_us,release_window_us,interval_us,irq_latency_us,presses_true,"
     "presses_detected,missed,false_triggers,press_latency_min_us,press_latency_median_us,"
     "press_latency_p99_us,press_latency_max_us,release_latency_median_us,cpu_entries,"
     "cpu_entries_per_press\n",
     PLOT_ERROR_PARSE,
     "%s:1: missing column 'runtime' (a sweep CSV has 19 columns, 'trace' to 'runtime', in any "
     "order; others are ignored)"},
    {"t,n\n1,2\n", PLOT_ERROR_PARSE,
     "%s:1: missing column 'trace' (a sweep CSV has 19 columns, 'trace' to 'runtime', in any "
     "order; others are ignored)"},
    /* a known column twice: which one holds the value is anyone's guess */
    {"trace,algo,mode,press_window_us,release_window_us,interval_us,irq_latency_us,presses_true,"
     "presses_detected,missed,false_triggers,press_latency_min_us,press_latency_median_us,"
     "press_latency_p99_us,press_latency_max_us,release_latency_median_us,cpu_entries,"
     "cpu_entries_per_press,runtime,missed\n",
     PLOT_ERROR_PARSE,
     "%s:1: not a sweep CSV header: column 'missed' is there twice (columns 10 and 20)"},
    /* an added column counts in the row's width */
    {"future," HEADER POLL_ROW("t"), PLOT_ERROR_PARSE, "%s:2: 19 fields, expected 20"},
    {HEADER "t,defer,poll,1000,1000,100,,10,10,0,0,1,2,3,4,5,100,10\n", PLOT_ERROR_PARSE,
     "%s:2: 18 fields, expected 19"},
    {HEADER POLL_ROW("t") "t,debounce2,poll,1000,1000,100,,10,10,0,0,1,2,3,4,5,100,10,\n",
     PLOT_ERROR_PARSE,
     "%s:3: unknown algorithm 'debounce2' (expected none, lockout, defer, eager-defer or "
     "integrator)"},
    {HEADER "t,defer,dma,1000,1000,100,,10,10,0,0,1,2,3,4,5,100,10,\n", PLOT_ERROR_PARSE,
     "%s:2: unknown mode 'dma' (expected poll or irq)"},
    {HEADER "t,defer,poll,1000,1000,100,1.5,10,10,0,0,1,2,3,4,5,100,10,\n", PLOT_ERROR_PARSE,
     "%s:2: column 'irq_latency_us' must be empty in a poll row, got '1.5'"},
    {HEADER "t,defer,poll,1000,1000,,,10,10,0,0,1,2,3,4,5,100,10,\n", PLOT_ERROR_PARSE,
     "%s:2: column 'interval_us' is empty; poll rows need it"},
    {HEADER "t,defer,irq,1000,1000,100,1.5,10,10,0,0,1,2,3,4,5,100,10,c\n", PLOT_ERROR_PARSE,
     "%s:2: column 'interval_us' must be empty in an irq row, got '100'"},
    {HEADER "t,defer,irq,1000,1000,,1.5,10,10,0,0,1,2,3,4,5,100,10,\n", PLOT_ERROR_PARSE,
     "%s:2: column 'runtime' is empty; irq rows need it"},
    {HEADER "t,defer,irq,1000,1000,,1.5,10,10,0,0,1,2,3,4,5,100,10,zephyr\n", PLOT_ERROR_PARSE,
     "%s:2: unknown runtime 'zephyr' (expected c, mpy-hard, mpy-soft or custom)"},
    {HEADER "t,defer,poll,1000,1000,100,,10,10,0,0,1,2,3,4,5,100,10,c\n", PLOT_ERROR_PARSE,
     "%s:2: column 'runtime' must be empty in a poll row, got 'c'"},
    {HEADER "t,defer,poll,1000,1000,100,,10,10,x,0,1,2,3,4,5,100,10,\n", PLOT_ERROR_PARSE,
     "%s:2: column 'missed': expected a non-negative whole number, got 'x'"},
    {HEADER "t,defer,poll,1000,1000,100,,10,10,1.5,0,1,2,3,4,5,100,10,\n", PLOT_ERROR_PARSE,
     "%s:2: column 'missed': expected a non-negative whole number, got '1.5'"},
    {HEADER "t,defer,poll,-5,1000,100,,10,10,0,0,1,2,3,4,5,100,10,\n", PLOT_ERROR_PARSE,
     "%s:2: column 'press_window_us': expected a non-negative number, got '-5'"},
    {HEADER "t,defer,poll,1000,1000,100,,10,10,0,0,1,nan,3,4,5,100,10,\n", PLOT_ERROR_PARSE,
     "%s:2: column 'press_latency_median_us': expected a non-negative number, got 'nan'"},
    {HEADER "t,defer,poll,1000,1000,100,,10,10,0,0,1, 2,3,4,5,100,10,\n", PLOT_ERROR_PARSE,
     "%s:2: column 'press_latency_median_us': expected a non-negative number, got ' 2'"},
    {HEADER "t,defer,poll,1000,1000,100,,10,10,0,0,1,2,3,4,5,,10,\n", PLOT_ERROR_PARSE,
     "%s:2: column 'cpu_entries': expected a non-negative whole number, got ''"},
    {HEADER POLL_ROW("t") "\n" POLL_ROW("t"), PLOT_ERROR_PARSE, "%s:3: empty line"},
    {HEADER "\"t,1,defer,poll,1000,1000,100,,10,10,0,0,1,2,3,4,5,100,10,\n", PLOT_ERROR_PARSE,
     "%s:2: cell 1: a quote is not closed"},
    {HEADER "\"t\"x,defer,poll,1000,1000,100,,10,10,0,0,1,2,3,4,5,100,10,\n", PLOT_ERROR_PARSE,
     "%s:2: cell 1: text after its closing quote"},
    {HEADER "1\"x,defer,poll,1000,1000,100,,10,10,0,0,1,2,3,4,5,100,10,\n", PLOT_ERROR_PARSE,
     "%s:2: cell 1: a quote inside an unquoted cell (quote the whole cell, doubling the quotes "
     "in it)"},
    {HEADER "t,\"defer\",\"poll\",1000,1000,100,,10,10,0,0,1,2,3,4,5,100,10,\"x\n",
     PLOT_ERROR_PARSE, "%s:2: cell 19: a quote is not closed"},
    {HEADER POLL_ROW(""), PLOT_ERROR_PARSE, "%s:2: column 'trace' is empty"},
    /* line numbers keep counting across a repeated header */
    {HEADER POLL_ROW("t") HEADER "t,defer,poll,1000,1000,100,,10,10,0,0,1,2,3,4,5,100,10,x\n",
     PLOT_ERROR_PARSE, "%s:4: column 'runtime' must be empty in a poll row, got 'x'"},
};

static void bad_files_name_file_and_line(void **state)
{
    scratch_t *scratch = *state;

    for (gsize i = 0; i < G_N_ELEMENTS(bad_cases); i++) {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) traces = traces_of(scratch, bad_cases[i].contents, &error);
        g_autofree char *expected = g_strdup_printf(bad_cases[i].message, scratch->path);

        if (traces != NULL || error == NULL) {
            fail_msg("case %zu: accepted, expected \"%s\"", i, expected);
        }
        assert_true(error->domain == PLOT_ERROR);
        assert_int_equal(error->code, bad_cases[i].code);
        if (strcmp(error->message, expected) != 0) {
            fail_msg("case %zu: \"%s\", expected \"%s\"", i, error->message, expected);
        }
    }
}

static void unreadable_files(void **state)
{
    scratch_t *scratch = *state;
    g_autoptr(GError) missing = NULL;
    g_autoptr(GError) directory = NULL;
    g_autofree char *nowhere = g_build_filename(scratch->dir, "nowhere.csv", NULL);
    g_autofree char *want_missing =
        g_strdup_printf("%s: cannot read: %s", nowhere, g_strerror(ENOENT));
    g_autofree char *want_directory =
        g_strdup_printf("%s: cannot read: %s", scratch->dir, g_strerror(EISDIR));

    assert_null(plot_results_read(nowhere, NULL, NULL, &missing));
    assert_int_equal(missing->code, PLOT_ERROR_INVALID);
    assert_string_equal(missing->message, want_missing);
    assert_null(plot_results_read(scratch->dir, NULL, NULL, &directory));
    assert_int_equal(directory->code, PLOT_ERROR_INVALID);
    assert_string_equal(directory->message, want_directory);
}

/* Stems: base name, last extension off, unsafe characters to '_', unique. */
static void stems_are_file_names(void **state)
{
    const char *traces[] = {
        "traces/tactile-6mm.csv", /* the usual case */
        "worn switch (2).vcd",    /* spaces and brackets */
        "o'clock",                /* a quote, no extension */
        "archive.tar.gz",         /* only the last extension goes */
        ".hidden",                /* a leading dot is not an extension */
        "/",                      /* nothing left: a generic name */
        "a/tactile-6mm.csv",      /* same stem as the first: -2 */
        "tactile-6mm-2",          /* its own stem is taken by the previous one: -2 */
    };
    const char *expected[] = {
        "tactile-6mm", "worn_switch__2_", "o_clock",       "archive.tar",
        ".hidden",     "trace",           "tactile-6mm-2", "tactile-6mm-2-2",
    };
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    g_autoptr(GPtrArray) stems = NULL;
    (void)state;

    for (gsize i = 0; i < G_N_ELEMENTS(traces); i++) {
        g_ptr_array_add(names, (gpointer)traces[i]);
    }
    stems = plot_sweep_stems(names);
    assert_int_equal(stems->len, G_N_ELEMENTS(expected));
    for (gsize i = 0; i < G_N_ELEMENTS(expected); i++) {
        assert_string_equal(g_ptr_array_index(stems, i), expected[i]);
    }
}

/* Labels worked out by hand: the name, else the fewest trailing directories that differ. */
static void labels_tell_same_names_apart(void **state)
{
    static const struct {
        const char *paths[4];
        const char *names[4];
        const char *want[4];
        guint n;
    } cases[] = {
        {{"traces/clean.csv", "traces/worn.csv"}, {"clean", "worn"}, {"clean", "worn"}, 2},
        {{"a/x/t.csv", "b/x/t.csv", "c/t.csv", "t2.csv"},
         {"t", "t", "t", "t2"},
         {"a/x/t", "b/x/t", "c/t", "t2"},
         4},
        {{"/tmp/a/t.csv", "a/t.csv"}, {"t", "t"}, {"tmp/a/t", "a/t"}, 2},
        {{"x/t.csv", "x/t.csv", "y/t.vcd"}, {"t", "t", "t"}, {"x/t", "x/t#2", "y/t"}, 3},
        {{"./t.csv", "t.csv"}, {"t", "t"}, {"t", "t#2"}, 2},
    };
    (void)state;
    for (gsize c = 0; c < G_N_ELEMENTS(cases); c++) {
        g_autoptr(GPtrArray) labels = cli_trace_labels(cases[c].paths, cases[c].names, cases[c].n);
        assert_int_equal(labels->len, cases[c].n);
        for (guint i = 0; i < cases[c].n; i++) {
            if (strcmp(g_ptr_array_index(labels, i), cases[c].want[i]) != 0) {
                fail_msg("case %zu, trace %u: '%s', want '%s'", c, i,
                         (const char *)g_ptr_array_index(labels, i), cases[c].want[i]);
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(header_matches_the_sweep_columns),
        cmocka_unit_test_setup_teardown(quoted_trace_names_round_trip, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(traces_in_order_of_first_row, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(rows_reach_the_callback, scratch_setup, scratch_teardown),
        cmocka_unit_test_setup_teardown(added_and_moved_columns_read_the_same, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(bad_files_name_file_and_line, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(unreadable_files, scratch_setup, scratch_teardown),
        cmocka_unit_test(stems_are_file_names),
        cmocka_unit_test(labels_tell_same_names_apart),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
