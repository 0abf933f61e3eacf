/*
 * Files as real tools write them (issue 15): sigrok-cli 0.7.2 (libsigrok
 * 0.5.2) captures of its demo device and of its binary input, Icarus
 * Verilog 11's VCD of tests/tools/bouncy_button.v, GTKWave 3.3's
 * vcd2fst/fst2vcd and sigrok-cli rewriting a VCD that bouncelab wrote, and
 * a Saleae Logic 1.x export. Each was made once with the tool and committed
 * (tests/trace/data), so these tests need no tool; tests/tools makes fresh
 * ones in CI. Expected edges are worked out by hand in the comments; ns.
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

static trace_t *read_as(const char *path, trace_format_t format, const char *channel,
                        trace_format_t expect_format)
{
    g_autoptr(GError) error = NULL;
    trace_read_options_t opts;
    trace_format_t detected = TRACE_FORMAT_AUTO;
    trace_t *t;

    trace_read_options_init(&opts);
    opts.format = format;
    opts.channel = channel;
    t = trace_read(path, &opts, &detected, &error);
    if (t == NULL) {
        fail_msg("%s: %s", path, error->message);
    }
    assert_int_equal(detected, expect_format);
    return t;
}

/* The error message of reading `path` with `channel`, which must fail. */
static char *read_error(const char *path, const char *channel)
{
    g_autoptr(GError) error = NULL;
    trace_read_options_t opts;

    trace_read_options_init(&opts);
    opts.channel = channel;
    assert_null(trace_read(path, &opts, NULL, &error));
    assert_true(g_error_matches(error, TRACE_ERROR, TRACE_ERROR_PARSE));
    return g_strdup(error->message);
}

/*
 * sigrok_analog_time.csv: `sigrok-cli -d demo --channels A0 --samples 20
 * -O csv:time=true`, 200 kHz. sigrok-cli prints the 20 samples as "A0:
 * -10.0000 V DC" lines first, then "microseconds,V DC" and rows whose time
 * is (n + 1) * 5 us for sample n. The demo's square wave: samples 0-4 at
 * -10 V, 5-9 at +10 V, 10-14 at -10 V, 15-19 at +10 V. Sample n sits at
 * 5n us: starts low, edges at 25, 50, 75 us, the end one period after
 * sample 19: 100 us. Auto, --format sigrok and --format analog agree.
 */
static void sigrok_analog_csv(void **state)
{
    static const trace_format_t formats[] = {TRACE_FORMAT_AUTO, TRACE_FORMAT_SIGROK,
                                             TRACE_FORMAT_ANALOG};
    static const trace_format_t detected[] = {TRACE_FORMAT_SIGROK, TRACE_FORMAT_SIGROK,
                                              TRACE_FORMAT_ANALOG};
    const int64_t edges[] = {25000, 50000, 75000};
    (void)state;

    for (gsize i = 0; i < G_N_ELEMENTS(formats); i++) {
        g_autoptr(trace_t) t =
            read_as(DATA("sigrok_analog_time.csv"), formats[i], NULL, detected[i]);
        print_message("format %s\n", trace_format_name(formats[i]));
        assert_trace(t, 0, FALSE, edges, G_N_ELEMENTS(edges), 100000);
    }
}

/*
 * sigrok_analog_ms.csv: the same wave at 1 kHz (-c samplerate=1kHz), whose
 * time column is in "milliseconds", (n + 1) ms for sample n: starts low,
 * edges at 5, 10, 15 ms, the end at 20 ms.
 */
static void sigrok_analog_csv_milliseconds(void **state)
{
    const int64_t edges[] = {5000000, 10000000, 15000000};
    g_autoptr(trace_t) t = NULL;
    (void)state;

    t = read_as(DATA("sigrok_analog_ms.csv"), TRACE_FORMAT_AUTO, NULL, TRACE_FORMAT_SIGROK);
    assert_trace(t, 0, FALSE, edges, G_N_ELEMENTS(edges), 20000000);
}

/*
 * The same rows without sigrok's header lines (no samplerate): the analog
 * reader takes the "microseconds" column name as the unit, times as
 * written (sample 0 at 5 us): edges at 30, 55, 80 us, the end at 100 us.
 */
static void sigrok_analog_units_alone(void **state)
{
    g_autofree char *dir = g_dir_make_tmp("bouncelab-tools-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "units.csv", NULL);
    GString *text = g_string_new("microseconds,V DC\n");
    const int64_t edges[] = {30000, 55000, 80000};
    g_autoptr(trace_t) t = NULL;
    (void)state;

    for (int n = 0; n < 20; n++) {
        g_string_append_printf(text, "%d,%d\n", (n + 1) * 5, (n / 5) % 2 ? 10 : -10);
    }
    assert_true(g_file_set_contents(path, text->str, (gssize)text->len, NULL));
    g_string_free(text, TRUE);
    t = read_as(path, TRACE_FORMAT_AUTO, NULL, TRACE_FORMAT_ANALOG);
    assert_trace(t, 5000, FALSE, edges, G_N_ELEMENTS(edges), 100000);
    g_remove(path);
    g_rmdir(dir);
}

/*
 * A scope's CSV with ';' comments of its own (no sigrok channel list or
 * samplerate) stays with the analog reader: "Time (ms),CH1", 0 V at 0,
 * 3.3 V at 1 ms, 0.5 V at 2 ms: edges at 1 and 2 ms.
 */
static void analog_with_semicolon_comments(void **state)
{
    g_autofree char *dir = g_dir_make_tmp("bouncelab-tools-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "scope.csv", NULL);
    static const char text[] = "; exported by a scope\n; probe 10x\nTime (ms),CH1\n0,0\n1,3.3\n"
                               "2,0.5\n";
    const int64_t edges[] = {1000000, 2000000};
    g_autoptr(trace_t) t = NULL;
    (void)state;

    assert_true(g_file_set_contents(path, text, -1, NULL));
    t = read_as(path, TRACE_FORMAT_ANALOG, NULL, TRACE_FORMAT_ANALOG);
    assert_trace(t, 0, FALSE, edges, G_N_ELEMENTS(edges), 2000000);
    g_remove(path);
    g_rmdir(dir);
}

/*
 * sigrok_label_off.csv: `-d demo --channels D0,D1 --samples 12 -c
 * samplerate=1MHz -O csv:time=true:label=off`: no label row, three columns
 * for two channels, so the first is the time ((n + 1) us for sample n).
 * D0: 1,0,0,0,1,1,1,1,0,0,0,0 -> starts 1, edges at 1, 4, 8 us; end 12 us.
 * D1: 0,1,1,1,0,1,1,1,1,0,0,1 -> starts 0, edges at 1, 4, 5, 9, 11 us.
 * sigrok_label_off_one.csv: one channel (D0), no time column, 200 kHz:
 * 1,0,0,0,1,1,1,1,0,0,0,0 -> edges at 5, 20, 40 us; end 60 us.
 */
static void sigrok_csv_label_off(void **state)
{
    const int64_t d0[] = {1000, 4000, 8000}, d1[] = {1000, 4000, 5000, 9000, 11000};
    const int64_t one[] = {5000, 20000, 40000};
    g_autoptr(trace_t) a = NULL;
    g_autoptr(trace_t) b = NULL;
    g_autoptr(trace_t) c = NULL;
    (void)state;

    a = read_as(DATA("sigrok_label_off.csv"), TRACE_FORMAT_AUTO, NULL, TRACE_FORMAT_SIGROK);
    assert_trace(a, 0, TRUE, d0, G_N_ELEMENTS(d0), 12000);
    b = read_as(DATA("sigrok_label_off.csv"), TRACE_FORMAT_SIGROK, "D1", TRACE_FORMAT_SIGROK);
    assert_trace(b, 0, FALSE, d1, G_N_ELEMENTS(d1), 12000);
    c = read_as(DATA("sigrok_label_off_one.csv"), TRACE_FORMAT_AUTO, NULL, TRACE_FORMAT_SIGROK);
    assert_trace(c, 0, TRUE, one, G_N_ELEMENTS(one), 60000);
}

/*
 * sigrok's binary input names channels 0, 1, 2 and prints "META samplerate:
 * 1000000" where "; Samplerate:" would be. The bytes 00 01 03 07 06 04 00 05
 * at 1 MHz, bit k is channel k:
 *   0: 0,1,1,1,0,0,0,1 -> starts 0, edges at 1, 4, 7 us
 *   2: 0,0,0,1,1,1,0,1 -> starts 0, edges at 3, 6, 7 us; all end at 8 us.
 * sigrok_digit_names.csv (label=channel, no time: "0,1,2" is the label row),
 * sigrok_digit_names_time.csv (time=true: its time column is all 0, as
 * libsigrok had no samplerate when it began) and sigrok_meta.vcd (the VCD,
 * starting with the META line) agree.
 */
static void sigrok_channels_named_by_digits(void **state)
{
    static const char *const files[] = {"sigrok_digit_names.csv", "sigrok_digit_names_time.csv",
                                        "sigrok_meta.vcd"};
    static const trace_format_t formats[] = {TRACE_FORMAT_SIGROK, TRACE_FORMAT_SIGROK,
                                             TRACE_FORMAT_VCD};
    const int64_t ch0[] = {1000, 4000, 7000}, ch2[] = {3000, 6000, 7000};
    (void)state;

    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *path = g_build_filename(TRACE_TEST_DATA_DIR, files[i], NULL);
        g_autoptr(trace_t) a = read_as(path, TRACE_FORMAT_AUTO, NULL, formats[i]);
        g_autoptr(trace_t) c = read_as(path, TRACE_FORMAT_AUTO, "2", formats[i]);
        print_message("%s\n", files[i]);
        assert_trace(a, 0, FALSE, ch0, G_N_ELEMENTS(ch0), 8000);
        assert_trace(c, 0, FALSE, ch2, G_N_ELEMENTS(ch2), 8000);
    }
}

/* A channel that is not there is named, and the list holds only those that are. */
static void channel_not_found_lists_others(void **state)
{
    g_autofree char *csv = read_error(DATA("sigrok_digit_names.csv"), "3");
    g_autofree char *vcd = read_error(DATA("sigrok_meta.vcd"), "3");
    (void)state;

    assert_non_null(strstr(csv, "sigrok_digit_names.csv:5: no channel '3' (channels: 0, 1, 2)"));
    assert_non_null(strstr(vcd, "no channel '3' in this VCD (channels: 0, 1, 2)"));
}

/*
 * vcd_event_first.vcd: Icarus Verilog 11, tests/tools/bouncy_button.v
 * (timescale 1 ps). Its $vars: event sample_taken, reg btn, reg [3:0]
 * counter, real supply_v. The default channel is btn, whose schedule (the
 * testbench's $display): 1 at 0, then 0 at 5000, 1 at 5150, 0 at 5450, 1 at
 * 5570, 0 at 6170, 1 at 46170, 0 at 46250, 1 at 46500, 0 at 76500, 1 at
 * 101500, 0 at 101833, 1 at 101880; $finish at 111880 ns.
 */
static void vcd_icarus_event_first(void **state)
{
    const int64_t edges[] = {5000,  5150,  5450,  5570,   6170,   46170,
                             46250, 46500, 76500, 101500, 101833, 101880};
    g_autoptr(trace_t) t = NULL;
    (void)state;

    t = read_as(DATA("vcd_event_first.vcd"), TRACE_FORMAT_AUTO, NULL, TRACE_FORMAT_VCD);
    assert_trace(t, 0, TRUE, edges, G_N_ELEMENTS(edges), 111880);
}

/*
 * vcd_real_first.vcd: a real, an event and a parameter before reg btn.
 * btn: 1 at 0, 0 at 100, 1 at 150, 0 at 180, 1 at 900; the end at 1000.
 */
static void vcd_real_first(void **state)
{
    const int64_t edges[] = {100, 150, 180, 900};
    g_autoptr(trace_t) t = NULL;
    (void)state;

    t = read_as(DATA("vcd_real_first.vcd"), TRACE_FORMAT_AUTO, NULL, TRACE_FORMAT_VCD);
    assert_trace(t, 0, TRUE, edges, G_N_ELEMENTS(edges), 1000);
}

/*
 * roundtrip.csv (active high, truth 1000..5000, the last edge on the end at
 * 6000) as bouncelab's VCD rewritten by GTKWave (vcd2fst, fst2vcd: the
 * $comments are gone, $version stays) and by sigrok-cli (-I vcd -O vcd:
 * only the wires stay, its own $version, a META line first), and as the
 * VCD bouncelab wrote before issue 15 ($comment, 1 ns, no closing
 * timestamp). All give the same edges, truth and active level. The end:
 * 6000 from $version or the last timestamp; sigrok keeps the closing
 * timestamp, one 10 ns tick after the end, as the length: 6010.
 */
static void round_trips_keep_truth_and_active_level(void **state)
{
    static const char *const files[] = {"roundtrip.csv", "roundtrip_fst.vcd",
                                        "roundtrip_sigrok.vcd", "roundtrip_v1.vcd"};
    static const int64_t ends[] = {6000, 6000, 6010, 6000};
    const int64_t edges[] = {1000, 1200, 1300, 5000, 5100, 5150, 6000};
    (void)state;

    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *path = g_build_filename(TRACE_TEST_DATA_DIR, files[i], NULL);
        g_autoptr(trace_t) t =
            read_as(path, TRACE_FORMAT_AUTO, NULL, i == 0 ? TRACE_FORMAT_NATIVE : TRACE_FORMAT_VCD);
        print_message("%s\n", files[i]);
        assert_trace(t, 0, FALSE, edges, G_N_ELEMENTS(edges), ends[i]);
        assert_false(t->active_low);
        assert_int_equal(trace_n_truth(t), 1);
        assert_int_equal(trace_truth_at(t, 0)->press_ns, 1000);
        assert_int_equal(trace_truth_at(t, 0)->release_ns, 5000);
    }
}

/*
 * saleae_logic1.csv: Logic 1.x's "Time[s], Channel 0, Channel 1" with CRLF.
 * Channel 0: 1, 0, 1, 0, 1 at 0, 120, 120.5, 121, 4500 us. Named as 1.x.
 */
static void saleae_logic1(void **state)
{
    const int64_t edges[] = {120000, 120500, 121000, 4500000};
    g_autoptr(trace_t) t = NULL;
    g_autoptr(trace_t) logic2 = NULL;
    (void)state;

    t = read_as(DATA("saleae_logic1.csv"), TRACE_FORMAT_AUTO, NULL, TRACE_FORMAT_SALEAE);
    assert_trace(t, 0, TRUE, edges, G_N_ELEMENTS(edges), 4500000);
    assert_string_equal(t->flavour, "Saleae Logic 1.x CSV");
    logic2 = read_as(DATA("saleae.csv"), TRACE_FORMAT_AUTO, NULL, TRACE_FORMAT_SALEAE);
    assert_null(logic2->flavour);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sigrok_analog_csv),
        cmocka_unit_test(sigrok_analog_csv_milliseconds),
        cmocka_unit_test(sigrok_analog_units_alone),
        cmocka_unit_test(analog_with_semicolon_comments),
        cmocka_unit_test(sigrok_csv_label_off),
        cmocka_unit_test(sigrok_channels_named_by_digits),
        cmocka_unit_test(channel_not_found_lists_others),
        cmocka_unit_test(vcd_icarus_event_first),
        cmocka_unit_test(vcd_real_first),
        cmocka_unit_test(round_trips_keep_truth_and_active_level),
        cmocka_unit_test(saleae_logic1),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
