/*
 * The writers: native -> VCD -> native gives the same files back, byte for
 * byte, truth included; the VCD writer's text for several signals and an
 * event marker, written out by hand; its refusal of bad input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <glib/gstdio.h>

#include "../util/test_scratch.h"
#include "trace_error.h"
#include "trace_io.h"

static char *contents(const char *path)
{
    char *text = NULL;
    assert_true(g_file_get_contents(path, &text, NULL, NULL));
    return text;
}

/* Writes t as native CSV, converts it to VCD and back, and compares the files. */
static void round_trip(const scratch_t *s, trace_t *t)
{
    g_autofree char *a = g_build_filename(s->dir, "a.csv", NULL);
    g_autofree char *v = g_build_filename(s->dir, "a.vcd", NULL);
    g_autofree char *b = g_build_filename(s->dir, "b.csv", NULL);
    g_autofree char *a_truth = g_build_filename(s->dir, "a.truth.csv", NULL);
    g_autofree char *b_truth = g_build_filename(s->dir, "b.truth.csv", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(trace_t) native = NULL;
    g_autoptr(trace_t) from_vcd = NULL;
    g_autofree char *a_text = NULL;
    g_autofree char *b_text = NULL;
    g_autofree char *at_text = NULL;
    g_autofree char *bt_text = NULL;
    trace_format_t format;

    assert_true(trace_write_csv(t, a, &error));
    native = trace_read(a, NULL, &format, &error);
    assert_non_null(native);
    assert_int_equal(format, TRACE_FORMAT_NATIVE);
    assert_true(trace_write_vcd_trace(native, v, &error));
    from_vcd = trace_read(v, NULL, &format, &error);
    if (from_vcd == NULL) {
        fail_msg("%s", error->message);
    }
    assert_int_equal(format, TRACE_FORMAT_VCD);
    assert_true(trace_write_csv(from_vcd, b, &error));
    a_text = contents(a);
    b_text = contents(b);
    assert_string_equal(a_text, b_text);
    at_text = contents(a_truth);
    bt_text = contents(b_truth);
    assert_string_equal(at_text, bt_text);
    g_unlink(a_truth);
    g_unlink(b_truth);
}

static void native_vcd_native(void **state)
{
    g_autoptr(trace_t) t = trace_new("button one", TRUE, TRUE, 0);
    const int64_t edges[] = {1000, 1200, 5000, 9000, 9100};
    gboolean level = TRUE;

    for (gsize i = 0; i < G_N_ELEMENTS(edges); i++) {
        level = !level;
        assert_true(trace_push_level(t, edges[i], level));
    }
    t->end_ns = 20000;
    trace_add_truth(t, 1000, 9000);
    round_trip(*state, t);
}

/*
 * Negative times (a Saleae capture before its trigger), active high, the
 * last edge at the very end, a true press from the start and one still held
 * at the end: the VCD shifts its times and records the shift.
 */
static void native_vcd_native_edge_cases(void **state)
{
    g_autoptr(trace_t) t = trace_new("t", FALSE, FALSE, -5000);
    const int64_t edges[] = {-4000, -10, 0, 7};
    gboolean level = FALSE;

    for (gsize i = 0; i < G_N_ELEMENTS(edges); i++) {
        level = !level;
        assert_true(trace_push_level(t, edges[i], level));
    }
    trace_add_truth(t, -5000, 0);
    trace_add_truth(t, 7, TRACE_NO_RELEASE);
    round_trip(*state, t);
}

/*
 * raw: 1, falls at 10, rises at 20; debounced: 1, falls at 20; a marker for
 * one event at 25 (toggles 0 -> 1); span 0..30. Written out by hand below.
 */
static void vcd_text_for_several_signals(void **state)
{
    const scratch_t *s = *state;
    g_autofree char *path = g_build_filename(s->dir, "sim.vcd", NULL);
    const int64_t raw[] = {10, 20}, debounced[] = {20}, events[] = {25};
    const trace_vcd_signal_t signals[] = {
        {"raw", TRUE, raw, 2},
        {"debounced", TRUE, debounced, 1},
        {"press events", FALSE, events, 1},
    };
    /* every time a multiple of 5 ns but not of 10: timescale 1 ns, the end after the last change */
    static const char expect[] =
        "$version bouncelab end_ticks: 30 $end\n"
        "$comment written by bouncelab; markers toggle once per event $end\n"
        "$comment run 1 $end\n"
        "$timescale 1 ns $end\n"
        "$scope module bouncelab $end\n"
        "$var wire 1 ! raw $end\n"
        "$var wire 1 \" debounced $end\n"
        "$var wire 1 # press_events $end\n"
        "$upscope $end\n"
        "$enddefinitions $end\n"
        "#0\n1!\n1\"\n0#\n"
        "#10\n0!\n"
        "#20\n1!\n0\"\n"
        "#25\n1#\n"
        "#30\n";
    const trace_vcd_layout_t layout = {0, 30, "run 1", TRACE_ACTIVE_AUTO, 0};
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;
    trace_read_options_t opts;
    g_autoptr(trace_t) deb = NULL;
    g_autoptr(trace_t) ev = NULL;

    assert_true(trace_write_vcd(path, signals, 3, &layout, &error));
    text = contents(path);
    assert_string_equal(text, expect);

    /* and each signal reads back on its own */
    trace_read_options_init(&opts);
    opts.channel = "debounced";
    deb = trace_read(path, &opts, NULL, &error);
    assert_non_null(deb);
    assert_int_equal(trace_n_edges(deb), 1);
    assert_int_equal(trace_edge_ns(deb, 0), 20);
    assert_true(deb->initial_level);
    opts.channel = "press_events";
    ev = trace_read(path, &opts, NULL, &error);
    assert_non_null(ev);
    assert_int_equal(trace_n_edges(ev), 1);
    assert_int_equal(trace_edge_ns(ev, 0), 25);
    assert_int_equal(ev->end_ns, 30);
}

/*
 * A trace active high, 0 at 0 us, up at 2 us, down at 7 us, up at 9 us = the
 * end: every time a multiple of 1 us but not of 10 us, so the timescale is
 * 1 us; the change on the end gets a closing timestamp one tick later (#10)
 * and the end (9 ticks) goes into $version. The marker wire says active
 * high. Written out by hand below; it reads back with the end at 9 us.
 */
static void vcd_closing_timestamp_and_timescale(void **state)
{
    const scratch_t *s = *state;
    g_autofree char *path = g_build_filename(s->dir, "close.vcd", NULL);
    g_autoptr(trace_t) t = trace_new("pin", FALSE, FALSE, 0);
    static const char expect[] =
        "$version bouncelab end_ticks: 9 active: high $end\n"
        "$comment written by bouncelab; markers toggle once per event $end\n"
        "$timescale 1 us $end\n"
        "$scope module bouncelab $end\n"
        "$var wire 1 ! pin $end\n"
        "$var wire 1 \" bouncelab_active_high $end\n"
        "$upscope $end\n"
        "$enddefinitions $end\n"
        "#0\n0!\n1\"\n"
        "#2\n1!\n"
        "#7\n0!\n"
        "#9\n1!\n"
        "#10\n";
    g_autoptr(GError) error = NULL;
    g_autoptr(trace_t) back = NULL;
    g_autofree char *text = NULL;

    assert_true(trace_push_level(t, 2000, TRUE));
    assert_true(trace_push_level(t, 7000, FALSE));
    assert_true(trace_push_level(t, 9000, TRUE));
    assert_true(trace_write_vcd_trace(t, path, &error));
    text = contents(path);
    assert_string_equal(text, expect);
    back = trace_read(path, NULL, NULL, &error);
    assert_non_null(back);
    assert_int_equal(back->end_ns, 9000);
    assert_int_equal(trace_n_edges(back), 3);
    assert_int_equal(trace_edge_ns(back, 2), 9000);
    assert_false(back->active_low);
}

/*
 * A timescale coarser than the times (--vcd-timescale 1us): each time
 * rounds to the nearest us. Edges at 300, 1400, 1450, 2600, 4499 ns: 300
 * rounds to the start (the initial level flips), 1400 and 1450 both to 1 us
 * (a 50 ns pulse: it vanishes), 2600 to 3 us, 4499 to 4 us.
 */
static void vcd_rounding_to_a_coarser_timescale(void **state)
{
    const scratch_t *s = *state;
    g_autofree char *path = g_build_filename(s->dir, "round.vcd", NULL);
    g_autoptr(trace_t) t = trace_new("pin", TRUE, TRUE, 0);
    const int64_t edges[] = {300, 1400, 1450, 2600, 4499};
    gboolean level = TRUE;
    g_autoptr(GError) error = NULL;
    g_autoptr(trace_t) back = NULL;

    for (gsize i = 0; i < G_N_ELEMENTS(edges); i++) {
        level = !level;
        assert_true(trace_push_level(t, edges[i], level));
    }
    t->end_ns = 5000;
    assert_true(trace_write_vcd_trace_at(t, path, 1000, &error));
    back = trace_read(path, NULL, NULL, &error);
    assert_non_null(back);
    assert_false(back->initial_level);
    assert_int_equal(trace_n_edges(back), 2);
    assert_int_equal(trace_edge_ns(back, 0), 3000);
    assert_int_equal(trace_edge_ns(back, 1), 4000);
    assert_int_equal(back->end_ns, 5000);
}

static void vcd_writer_refuses_bad_signals(void **state)
{
    const scratch_t *s = *state;
    g_autofree char *path = g_build_filename(s->dir, "bad.vcd", NULL);
    const int64_t backwards[] = {20, 10}, outside[] = {40};
    trace_vcd_signal_t sig = {"x", FALSE, backwards, 2};
    trace_vcd_layout_t layout = {0, 30, NULL, TRACE_ACTIVE_AUTO, 0};
    g_autoptr(GError) error = NULL;

    assert_false(trace_write_vcd(path, &sig, 1, &layout, &error));
    assert_true(g_error_matches(error, TRACE_ERROR, TRACE_ERROR_INVALID));
    g_clear_error(&error);
    sig.edges_ns = outside;
    sig.n_edges = 1;
    assert_false(trace_write_vcd(path, &sig, 1, &layout, &error));
    assert_true(g_error_matches(error, TRACE_ERROR, TRACE_ERROR_INVALID));
    g_clear_error(&error);
    /* a timescale that is not a power of ten */
    sig.edges_ns = backwards + 1;
    layout.timescale_ns = 20;
    assert_false(trace_write_vcd(path, &sig, 1, &layout, &error));
    assert_false(g_file_test(path, G_FILE_TEST_EXISTS)); /* nothing half-written */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(native_vcd_native, scratch_setup, scratch_teardown),
        cmocka_unit_test_setup_teardown(vcd_closing_timestamp_and_timescale, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(vcd_rounding_to_a_coarser_timescale, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(native_vcd_native_edge_cases, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(vcd_text_for_several_signals, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(vcd_writer_refuses_bad_signals, scratch_setup,
                                        scratch_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
