/*
 * Every reader on small hand-written files in tests/trace/data/. The
 * expected edges are worked out by hand from each file, in the comment
 * beside each test; times in ns.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <glib/gstdio.h>

#include "trace_error.h"
#include "trace_assert.h"
#include "trace_io.h"

#define DATA(name) TRACE_TEST_DATA_DIR "/" name

static trace_t *read_with(const char *path, const trace_read_options_t *opts,
                          trace_format_t expect_format)
{
    g_autoptr(GError) error = NULL;
    trace_format_t format = TRACE_FORMAT_AUTO;
    trace_t *t = trace_read(path, opts, &format, &error);

    if (t == NULL) {
        fail_msg("%s: %s", path, error->message);
    }
    assert_int_equal(format, expect_format);
    return t;
}

static trace_t *read_ok(const char *path, trace_format_t expect_format)
{
    return read_with(path, NULL, expect_format);
}

/*
 * native_small.csv: rows 100,1 / 1000,0 / 1200,1 / 1250,1 (same level: no
 * edge) / 1300,0 / 4000,1; "# end_ns: 5000"; truth beside it: 1000..4000.
 */
static void native_csv(void **state)
{
    g_autoptr(trace_t) t = read_ok(DATA("native_small.csv"), TRACE_FORMAT_NATIVE);
    const int64_t edges[] = {1000, 1200, 1300, 4000};
    (void)state;

    assert_trace(t, 100, TRUE, edges, G_N_ELEMENTS(edges), 5000);
    assert_true(t->active_low);
    assert_string_equal(t->name, "native_small");
    assert_int_equal(trace_n_truth(t), 1);
    assert_int_equal(trace_truth_at(t, 0)->press_ns, 1000);
    assert_int_equal(trace_truth_at(t, 0)->release_ns, 4000);
}

/*
 * sigrok_style.vcd, timescale 1 us: "#0 1! 0"", "#12 0!", "#15 1! 1"",
 * "#17 0!", "#40 0"", "#100". D0 (the first wire): starts 1 at 0, edges at
 * 12, 15, 17 us. D1: starts 0, edges at 15 and 40 us. Both end at 100 us.
 */
static void vcd_from_sigrok(void **state)
{
    trace_read_options_t opts;
    g_autoptr(trace_t) d0 = read_ok(DATA("sigrok_style.vcd"), TRACE_FORMAT_VCD);
    g_autoptr(trace_t) d1 = NULL;
    const int64_t d0_edges[] = {12000, 15000, 17000};
    const int64_t d1_edges[] = {15000, 40000};
    (void)state;

    assert_trace(d0, 0, TRUE, d0_edges, G_N_ELEMENTS(d0_edges), 100000);
    assert_null(d0->truth);
    trace_read_options_init(&opts);
    opts.channel = "D1";
    d1 = read_with(DATA("sigrok_style.vcd"), &opts, TRACE_FORMAT_VCD);
    assert_trace(d1, 0, FALSE, d1_edges, G_N_ELEMENTS(d1_edges), 100000);
}

/*
 * hdl_style.vcd, timescale 100 ps (a tick is 0.1 ns), nested scopes tb.dut.
 * btn (#): x at #0 (unknown: the trace has not started), 1 at #50 = 5 ns
 * (start), z at #60 (holds 1), 0 then 1 at #70 (the last one counts: no
 * change), 0 at #120 = 12 ns; the file ends at #130 = 13 ns.
 * clk (%): 0 from #0, never changes. count is 8 bits wide.
 */
static void vcd_from_hdl_simulator(void **state)
{
    trace_read_options_t opts;
    g_autoptr(GError) error = NULL;
    g_autoptr(trace_t) btn = read_ok(DATA("hdl_style.vcd"), TRACE_FORMAT_VCD);
    g_autoptr(trace_t) scoped = NULL;
    g_autoptr(trace_t) clk = NULL;
    const int64_t btn_edges[] = {12};
    (void)state;

    assert_trace(btn, 5, TRUE, btn_edges, 1, 13);
    trace_read_options_init(&opts);
    opts.channel = "tb.dut.btn";
    scoped = read_with(DATA("hdl_style.vcd"), &opts, TRACE_FORMAT_VCD);
    assert_trace(scoped, 5, TRUE, btn_edges, 1, 13);
    opts.channel = "clk";
    clk = read_with(DATA("hdl_style.vcd"), &opts, TRACE_FORMAT_VCD);
    assert_trace(clk, 0, FALSE, NULL, 0, 13);
    opts.channel = "count";
    assert_null(trace_read(DATA("hdl_style.vcd"), &opts, NULL, &error));
    assert_non_null(strstr(error->message, "8 bits wide"));
    g_clear_error(&error);
    opts.channel = "D7";
    assert_null(trace_read(DATA("hdl_style.vcd"), &opts, NULL, &error));
    assert_true(g_error_matches(error, TRACE_ERROR, TRACE_ERROR_PARSE));
    assert_non_null(strstr(error->message, "hdl_style.vcd:17: no channel 'D7'"));
}

/*
 * vcd_repeated_time.vcd, 1 us: #0 1!, #10 0!, #10 again 1! (the same
 * instant: the last value, 1, counts: no edge), #12 0!, #12 again with
 * nothing, #15. Starts 1 at 0, one edge at 12 us, ends at 15 us.
 */
static void vcd_repeated_timestamps(void **state)
{
    g_autoptr(trace_t) t = read_ok(DATA("vcd_repeated_time.vcd"), TRACE_FORMAT_VCD);
    const int64_t edges[] = {12000};
    (void)state;

    assert_trace(t, 0, TRUE, edges, 1, 15000);
}

/*
 * sigrok_dedup.csv: 3 MHz, label "nanoseconds". libsigrok's time column is
 * (n + 1) * period for sample n, with period = 1e9 / 3e6 = 333 (integer
 * division), so rows 333, 999, 1332, 3330 are samples n = 0, 2, 3, 9, at
 * n * 1e9 / 3e6 ns = 0, 666.7 -> 667, 1000, 3000. The last sample lasts one
 * period: the trace ends at sample 10, 3333.3 -> 3333.
 * D0: 1, 0, 1, 1: starts 1 at 0, edges 667, 1000.
 * D1 (named in "; Channels", labels are only "logic"): 0, 0, 1, 1: edge 1000.
 */
static void sigrok_csv_dedup(void **state)
{
    trace_read_options_t opts;
    g_autoptr(trace_t) d0 = read_ok(DATA("sigrok_dedup.csv"), TRACE_FORMAT_SIGROK);
    g_autoptr(trace_t) d1 = NULL;
    const int64_t d0_edges[] = {667, 1000};
    const int64_t d1_edges[] = {1000};
    (void)state;

    assert_trace(d0, 0, TRUE, d0_edges, G_N_ELEMENTS(d0_edges), 3333);
    trace_read_options_init(&opts);
    opts.channel = "D1";
    d1 = read_with(DATA("sigrok_dedup.csv"), &opts, TRACE_FORMAT_SIGROK);
    assert_trace(d1, 0, FALSE, d1_edges, 1, 3333);
}

/*
 * sigrok_time.csv: 1 MHz, labels "Time,D0", one row per sample (no dedup),
 * a blank frame separator. Times 1..5 us are samples 0..4 at 0..4000 ns
 * with levels 1 1 0 0 1: edges at 2000 and 4000; the end one period after
 * the last sample, 5000.
 */
static void sigrok_csv_every_sample(void **state)
{
    g_autoptr(trace_t) t = read_ok(DATA("sigrok_time.csv"), TRACE_FORMAT_SIGROK);
    const int64_t edges[] = {2000, 4000};
    (void)state;

    assert_trace(t, 0, TRUE, edges, G_N_ELEMENTS(edges), 5000);
}

/*
 * Real sigrok-cli 0.7.2 / libsigrok 0.5.2 output, the demo device, D0 and
 * D1, 64 samples at 3 MHz, written as VCD and as CSV four ways (default:
 * no time column; time=true; time=true:dedup=true; label=channel). Every
 * CSV must give exactly the VCD's trace. By hand from the VCD (1 ns
 * timescale; sample k at round(k * 333.33) ns): D0 starts 1 at #0, then
 * 0 at #333, 1 at #1333, 0 at #2667, 1 at #4000; the length marker is
 * #21333 (64 samples). The dedup CSV says the same: its time column is
 * (k + 1) * 333, so "666,0,1" is sample 1 at 333 ns, "1665,1,0" sample 4 at
 * 1333 ns.
 */
static void sigrok_cli_output_agrees(void **state)
{
    static const char *const csvs[] = {"sigrok_demo_plain.csv", "sigrok_demo_time.csv",
                                       "sigrok_demo_dedup.csv", "sigrok_demo_label.csv"};
    static const char *const channels[] = {"D0", "D1"};
    trace_read_options_t opts;
    (void)state;

    trace_read_options_init(&opts);
    for (gsize c = 0; c < G_N_ELEMENTS(channels); c++) {
        g_autoptr(trace_t) vcd = NULL;
        opts.channel = channels[c];
        vcd = read_with(DATA("sigrok_demo.vcd"), &opts, TRACE_FORMAT_VCD);
        if (c == 0) {
            assert_true(vcd->initial_level);
            assert_int_equal(trace_edge_ns(vcd, 0), 333);
            assert_int_equal(trace_edge_ns(vcd, 1), 1333);
            assert_int_equal(trace_edge_ns(vcd, 2), 2667);
            assert_int_equal(trace_edge_ns(vcd, 3), 4000);
            assert_int_equal(vcd->start_ns, 0);
            assert_int_equal(vcd->end_ns, 21333);
        }
        for (gsize k = 0; k < G_N_ELEMENTS(csvs); k++) {
            g_autofree char *path = g_build_filename(TRACE_TEST_DATA_DIR, csvs[k], NULL);
            g_autoptr(trace_t) csv = read_with(path, &opts, TRACE_FORMAT_SIGROK);
            print_message("%s %s\n", csvs[k], channels[c]);
            assert_trace(csv, vcd->start_ns, vcd->initial_level,
                         (const int64_t *)(void *)vcd->edges->data, trace_n_edges(vcd),
                         vcd->end_ns);
        }
    }
}

/*
 * saleae.csv: "Time [s],Channel 0,Button". Times -1.5 us, 0, 1.2345 us
 * (1234.5 ns rounds to 1235), 2 us, 10 us.
 * Channel 0: 1, 1, X (no data: holds 1), 0, 0: edge at 2000.
 * Button: 1, 0, 0, 1, 1: edges at 0 and 2000. Both start at -1500 and end at 10000.
 */
static void saleae_csv(void **state)
{
    trace_read_options_t opts;
    g_autoptr(trace_t) ch0 = read_ok(DATA("saleae.csv"), TRACE_FORMAT_SALEAE);
    g_autoptr(trace_t) button = NULL;
    const int64_t ch0_edges[] = {2000};
    const int64_t button_edges[] = {0, 2000};
    (void)state;

    assert_trace(ch0, -1500, TRUE, ch0_edges, 1, 10000);
    trace_read_options_init(&opts);
    opts.channel = "button"; /* column names match without regard to case */
    button = read_with(DATA("saleae.csv"), &opts, TRACE_FORMAT_SALEAE);
    assert_trace(button, -1500, TRUE, button_edges, 2, 10000);
}

/*
 * analog_generic.csv: a Siglent-like preamble, then "Time (ms),CH1,CH2" and
 * samples every 0.001 ms = 1000 ns. CH1 volts: 3.30 2.10 1.50 0.80 1.20 2.00 1.9.
 * Default thresholds 0.8 / 2.0 V: 3.3 >= 2.0 starts at 1; 2.1 1; 1.5 holds 1;
 * 0.80 <= 0.8 -> 0 at 3000; 1.2 holds 0; 2.00 >= 2.0 -> 1 at 5000; 1.9 holds.
 * With --vil 1.6 --vih 2.05: 3.3 -> 1; 2.1 -> 1; 1.5 <= 1.6 -> 0 at 2000; 0.8 0;
 * 1.2 0; 2.0 holds 0 (below 2.05); 1.9 holds 0.
 * CH2 is all 0 V: starts 0, no edges. All end at 6000.
 */
static void analog_csv(void **state)
{
    trace_read_options_t opts;
    g_autoptr(trace_t) t = read_ok(DATA("analog_generic.csv"), TRACE_FORMAT_ANALOG);
    g_autoptr(trace_t) narrow = NULL;
    g_autoptr(trace_t) ch2 = NULL;
    const int64_t edges[] = {3000, 5000};
    const int64_t narrow_edges[] = {2000};
    (void)state;

    assert_trace(t, 0, TRUE, edges, G_N_ELEMENTS(edges), 6000);
    trace_read_options_init(&opts);
    opts.vil_v = 1.6;
    opts.vih_v = 2.05;
    narrow = read_with(DATA("analog_generic.csv"), &opts, TRACE_FORMAT_ANALOG);
    assert_trace(narrow, 0, TRUE, narrow_edges, 1, 6000);
    trace_read_options_init(&opts);
    opts.channel = "CH2";
    ch2 = read_with(DATA("analog_generic.csv"), &opts, TRACE_FORMAT_ANALOG);
    assert_trace(ch2, 0, FALSE, NULL, 0, 6000);
}

/*
 * rigol.csv: Start -2e-6 s, Increment 5e-7 s: sample n at -2000 + 500 n ns.
 * Volts 3.28 3.30 0.4 0.2 2.5 3.3: starts 1 at -2000; 0.4 -> 0 at n = 2
 * (-1000); 2.5 -> 1 at n = 4 (0); ends at n = 5 (500).
 */
static void rigol_csv(void **state)
{
    g_autoptr(trace_t) t = read_ok(DATA("rigol.csv"), TRACE_FORMAT_ANALOG);
    const int64_t edges[] = {-1000, 0};
    (void)state;

    assert_trace(t, -2000, TRUE, edges, G_N_ELEMENTS(edges), 500);
}

/*
 * bbb_small.log, pulses of TRACE_BBB_PULSE_NS = 50 ns, with gap G. The
 * trace starts at 0 at the first test's level (1, released: a press test).
 * Test 1 starts at S1 = G. Rows (level, rising, nsec): (1,0,0) (0,0,800)
 * (1,2,4000) (0,0,9000) (0,1,12000).
 *   800: 1 -> 0 with no rising edge: 1 edge, at S1+800.
 *   4000: 0 -> 1 with 2 rising: 2*2-1 = 3 edges ending at S1+4000, 50 ns
 *         apart: S1+3900 (1), S1+3950 (0), S1+4000 (1).
 *   9000: 1 -> 0, none counted: 1 edge at S1+9000.
 *   12000: 0 -> 0 with 1 rising: 2 edges, S1+11950 (1), S1+12000 (0).
 * Test 2 starts at S2 = S1 + 12000 + G, at level 0 (pressed: a release).
 * Rows (0,0,0) (1,1,700) (1,2,790):
 *   700: 0 -> 1 with 1 rising: 1 edge at S2+700.
 *   790: 1 -> 1 with 2 rising: 4 edges in 90 ns, too close for 50 ns:
 *        width 90 / 4 = 22: S2+724 (0), S2+746 (1), S2+768 (0), S2+790 (1).
 * Test 3 has no events ("User input detected"): skipped.
 * End: S2 + 790 + G. Truth: press at S1+800, release at S2+700.
 */
static void bbb_log_with_gap(int64_t gap, void **state)
{
    trace_read_options_t opts;
    g_autoptr(trace_t) t = NULL;
    int64_t s1 = gap, s2 = gap + 12000 + gap;
    const int64_t edges[] = {s1 + 800,   s1 + 3900, s1 + 3950, s1 + 4000, s1 + 9000, s1 + 11950,
                             s1 + 12000, s2 + 700,  s2 + 724,  s2 + 746,  s2 + 768,  s2 + 790};
    (void)state;

    trace_read_options_init(&opts);
    opts.gap_ns = gap;
    t = read_with(DATA("bbb_small.log"), &opts, TRACE_FORMAT_BBB);
    assert_trace(t, 0, TRUE, edges, G_N_ELEMENTS(edges), s2 + 790 + gap);
    assert_true(t->active_low);
    assert_int_equal(trace_n_truth(t), 1);
    assert_int_equal(trace_truth_at(t, 0)->press_ns, s1 + 800);
    assert_int_equal(trace_truth_at(t, 0)->release_ns, s2 + 700);
}

static void bbb_log(void **state)
{
    bbb_log_with_gap(INT64_C(1000000), state);          /* --gap 1ms */
    bbb_log_with_gap(TRACE_READ_GAP_NS_DEFAULT, state); /* the default, 200 ms */
}

/*
 * The real session (../shared/real-traces/bbb-uno-session.log), counted
 * independently with grep and awk:
 *   grep -c '^<test>'                      113 test blocks
 *   grep -c 'User input detected'            3 cancelled (tests #71, #101, #111, all press prompts)
 *   grep -c '^test id:'                    110 tests with events
 *   first row of each <buffered_events>:    55 start at pin 1 (press), 55 at pin 0 (release),
 *                                           alternating press, release, ...
 *   so 55 presses, each released: 55 truth intervals, none open.
 *   edges, summing 2N / 2N-1 / 2N+1 over the rows with awk:  2506
 *   end: the sum of the tests' last nsec (137366834) + 111 gaps of 200 ms
 *        (one before each of the 110 tests and one after the last) = 22337366834.
 * Those are the numbers with --bbb-include-invalid. By default the section
 * marked <invalid/> (line 4170, "Slow": the 10 tests up to the end, 5 presses
 * each released) is skipped; the same awk over the other 100 tests gives
 * 2398 edges, 50 presses, and an end of 30478275 + 101 gaps = 20230478275.
 */
static void bbb_real_session(void **state)
{
    const char *path = REAL_TRACES_DIR "/bbb-uno-session.log";
    g_autoptr(trace_t) t = NULL;
    g_autoptr(trace_t) all = NULL;
    trace_read_options_t opts;
    guint skipped = 0;
    (void)state;

    if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
        print_message("skipped: %s is absent\n", path);
        skip();
    }
    trace_read_options_init(&opts);
    opts.bbb_skipped_out = &skipped;
    t = read_with(path, &opts, TRACE_FORMAT_BBB);
    assert_int_equal(skipped, 10);
    assert_int_equal(trace_n_truth(t), 50);
    assert_int_equal(trace_n_edges(t), 2398);
    assert_int_equal(t->end_ns, INT64_C(20230478275));

    opts.bbb_include_invalid = TRUE;
    skipped = 99;
    all = read_with(path, &opts, TRACE_FORMAT_BBB);
    assert_int_equal(skipped, 0);
    assert_int_equal(trace_n_truth(all), 55);
    for (gsize i = 0; i < trace_n_truth(all); i++) {
        assert_true(trace_truth_at(all, i)->release_ns != TRACE_NO_RELEASE);
    }
    assert_int_equal(trace_n_edges(all), 2506);
    assert_int_equal(all->start_ns, 0);
    assert_true(all->initial_level);
    assert_int_equal(all->end_ns, INT64_C(22337366834));
    assert_true(all->active_low);
}

/* Windows line ends ("\r\n") give the same traces as "\n", fast paths included. */
static void crlf_line_ends(void **state)
{
    static const char *const files[] = {
        "native_small.csv", "sigrok_style.vcd", "hdl_style.vcd", "sigrok_demo_dedup.csv",
        "saleae.csv",       "rigol.csv",        "bbb_small.log"};
    g_autofree char *dir = g_dir_make_tmp("crlf-XXXXXX", NULL);
    (void)state;

    assert_non_null(dir);
    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *src = g_build_filename(TRACE_TEST_DATA_DIR, files[i], NULL);
        g_autofree char *dst = g_build_filename(dir, files[i], NULL);
        g_autofree char *text = NULL;
        g_auto(GStrv) lines = NULL;
        g_autofree char *crlf = NULL;
        g_autoptr(trace_t) a = NULL;
        g_autoptr(trace_t) b = NULL;
        g_autoptr(GError) error = NULL;

        assert_true(g_file_get_contents(src, &text, NULL, NULL));
        lines = g_strsplit(text, "\n", -1);
        crlf = g_strjoinv("\r\n", lines);
        assert_true(g_file_set_contents(dst, crlf, -1, NULL));
        print_message("%s\n", files[i]);
        a = trace_read(src, NULL, NULL, &error);
        assert_non_null(a);
        b = trace_read(dst, NULL, NULL, &error);
        if (b == NULL) {
            fail_msg("%s", error->message);
        }
        assert_trace(b, a->start_ns, a->initial_level, (const int64_t *)(void *)a->edges->data,
                     trace_n_edges(a), a->end_ns);
        g_unlink(dst);
    }
    g_rmdir(dir);
}

/* --active overrides the file's own convention. */
static void active_option(void **state)
{
    trace_read_options_t opts;
    g_autoptr(trace_t) t = NULL;
    (void)state;

    trace_read_options_init(&opts);
    opts.active = TRACE_ACTIVE_HIGH;
    t = read_with(DATA("native_small.csv"), &opts, TRACE_FORMAT_NATIVE);
    assert_false(t->active_low);
}

/* --format overrides detection: a native file read as Saleae has no "Time" header. */
static void format_option(void **state)
{
    trace_read_options_t opts;
    g_autoptr(GError) error = NULL;
    (void)state;

    trace_read_options_init(&opts);
    opts.format = TRACE_FORMAT_SALEAE;
    assert_null(trace_read(DATA("native_small.csv"), &opts, NULL, &error));
    assert_non_null(strstr(error->message, "native_small.csv:1: missing header 'Time [s]"));
}

typedef struct {
    const char *file;
    trace_format_t format;
} detect_case_t;

static void detection_by_content(void **state)
{
    static const detect_case_t cases[] = {
        {"native_small.csv", TRACE_FORMAT_NATIVE},
        {"sigrok_style.vcd", TRACE_FORMAT_VCD},
        {"hdl_style.vcd", TRACE_FORMAT_VCD},
        {"sigrok_dedup.csv", TRACE_FORMAT_SIGROK},
        {"sigrok_time.csv", TRACE_FORMAT_SIGROK},
        {"saleae.csv", TRACE_FORMAT_SALEAE},
        {"analog_generic.csv", TRACE_FORMAT_ANALOG},
        {"rigol.csv", TRACE_FORMAT_ANALOG},
        {"bbb_small.log", TRACE_FORMAT_BBB},
        {"sigrok_demo.vcd", TRACE_FORMAT_VCD},
        {"sigrok_demo_plain.csv", TRACE_FORMAT_SIGROK},
        {"sigrok_demo_label.csv", TRACE_FORMAT_SIGROK},
        {"vcd_repeated_time.vcd", TRACE_FORMAT_VCD},
    };
    (void)state;

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *path = g_build_filename(TRACE_TEST_DATA_DIR, cases[i].file, NULL);
        g_autofree char *text = NULL;
        gsize len;
        assert_true(g_file_get_contents(path, &text, &len, NULL));
        print_message("%s\n", cases[i].file);
        /* the content alone decides: the name given is neutral */
        assert_int_equal(trace_detect_format("input", text, len), cases[i].format);
    }
    /* other shapes */
    assert_int_equal(trace_detect_format("x", "t_ns,level\n0,1\n", 15), TRACE_FORMAT_NATIVE);
    assert_int_equal(trace_detect_format("x", "Time [s],Channel 0\n0.0,3.29\n", 28),
                     TRACE_FORMAT_ANALOG); /* Saleae's analog export: volts, not bits */
    assert_int_equal(trace_detect_format("x", "microseconds,logic\n1,0\n2,1\n", 27),
                     TRACE_FORMAT_SIGROK);
    assert_int_equal(trace_detect_format("x", "hello\nworld\n", 12), TRACE_FORMAT_AUTO);
    assert_int_equal(trace_detect_format("a.vcd", "hello\n", 6), TRACE_FORMAT_VCD);
}

static void format_names(void **state)
{
    trace_format_t f;
    (void)state;

    for (int i = TRACE_FORMAT_AUTO; i <= TRACE_FORMAT_BBB; i++) {
        assert_true(trace_format_from_name(trace_format_name((trace_format_t)i), &f));
        assert_int_equal(f, i);
    }
    assert_true(trace_format_from_name("VCD", &f));
    assert_int_equal(f, TRACE_FORMAT_VCD);
    assert_false(trace_format_from_name("wav", &f));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(native_csv),
        cmocka_unit_test(vcd_from_sigrok),
        cmocka_unit_test(vcd_from_hdl_simulator),
        cmocka_unit_test(vcd_repeated_timestamps),
        cmocka_unit_test(sigrok_csv_dedup),
        cmocka_unit_test(sigrok_csv_every_sample),
        cmocka_unit_test(sigrok_cli_output_agrees),
        cmocka_unit_test(saleae_csv),
        cmocka_unit_test(analog_csv),
        cmocka_unit_test(rigol_csv),
        cmocka_unit_test(bbb_log),
        cmocka_unit_test(bbb_real_session),
        cmocka_unit_test(crlf_line_ends),
        cmocka_unit_test(active_option),
        cmocka_unit_test(format_option),
        cmocka_unit_test(detection_by_content),
        cmocka_unit_test(format_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
