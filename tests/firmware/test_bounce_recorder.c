/*
 * bounce_recorder on the stub: its main.c (defaults: GPIO 5, 5 MS/s,
 * pretrigger 100 ms, capture 10 s) driven by a known waveform, checked
 * against the trace CSV worked out by hand below. The capture it writes,
 * OUT_DIR/recorder_capture.csv, is meant to be replayed by `bouncelab run`.
 *
 * The PIO starts at the stub's time 0 and takes sample k at 200 k ns
 * (125 MHz / divider 25); an edge at t is first seen by sample
 * ceil(t / 200). Edges (ns), pull-up wiring (1 = released):
 *
 *   edge           level  sample k    what the sampler does
 *   60000100       0      300001      quiet 300001 < 500000: no trigger
 *   60000900       1      300005      quiet restarts
 *   110000100      0      550001      quiet 249996 < 500000: no trigger
 *   110000500      1      550003      (sample 550002.5 rounds up)
 *   250000100      0      1250001     quiet 699998 >= 500000: TRIGGER
 *   250000950      1      1250005
 *   250003010      0      1250016
 *   250003500      1      1250018
 *   250003610      0      1250019
 *   251000030      1      -           a 60 ns glitch between samples
 *   251000090      0      -           1255000 and 1255001: not seen
 *   750000050      1      3750001
 *   750000470      0      3750003
 *   750001130      1      3750006
 *   1500000100     0      7500001
 *   1500000300     1      7500002
 *   1500000500     0      7500003
 *   1900000100     1      9500001
 *   10150000150    0      50750001    = time 0 + 10 s: just outside
 *
 * Time 0 is the trigger sample minus the 500000 pretrigger samples, sample
 * 750001; a row's t_ns is (k - 750001) * 200. The capture covers samples
 * up to 750001 + 50000000 - 1 = 50750000. Two presses (100 ms, 1.35 s) and
 * two releases (600 ms, 1.75 s), each with its bounce.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <glib.h>

#include "fw_test_util.h"
#include "glue_entries.h"

static const stub_edge_t edges[] = {
    {60000100u, 0},   {60000900u, 1},   {110000100u, 0},  {110000500u, 1},   {250000100u, 0},
    {250000950u, 1},  {250003010u, 0},  {250003500u, 1},  {250003610u, 0},   {251000030u, 1},
    {251000090u, 0},  {750000050u, 1},  {750000470u, 0},  {750001130u, 1},   {1500000100u, 0},
    {1500000300u, 1}, {1500000500u, 0}, {1900000100u, 1}, {10150000150u, 0},
};

static stub_config_t recorder_config(uint32_t clk_sys_hz, uint32_t stall_at_word)
{
    return (stub_config_t){
        .button_gpio = 5u,
        .initial_level = 1,
        .edges = edges,
        .n_edges = sizeof edges / sizeof edges[0],
        .end_ns = 10500000000u, /* past the capture's last sample word */
        .clk_sys_hz = clk_sys_hz,
        .pio_stall_at_word = stall_at_word,
    };
}

#define HEADER "# bouncelab trace v1\n# active: low\n# end_ns: 10000000000\nt_ns,level\n"

static const char expected_capture[] = HEADER "0,1\n"
                                              "100000000,0\n"
                                              "100000800,1\n"
                                              "100003000,0\n"
                                              "100003400,1\n"
                                              "100003600,0\n"
                                              "600000000,1\n"
                                              "600000400,0\n"
                                              "600001000,1\n"
                                              "1350000000,0\n"
                                              "1350000200,1\n"
                                              "1350000400,0\n"
                                              "1750000000,1\n";

static void check_led_on_then_off(void)
{
    size_t n;
    const stub_output_t *out = stub_outputs(&n);
    /* off at start-up, on for the capture, off when it is out */
    assert_int_equal(n, 3);
    assert_false(out[0].value);
    assert_true(out[1].value);
    assert_false(out[2].value);
}

static void capture(void **state)
{
    stub_config_t cfg = recorder_config(0u, 0u);
    g_autofree char *out = fw_test_run(&cfg, bounce_recorder_main, "recorder_capture.csv");
    (void)state;
    fw_test_assert_text(out, expected_capture);
    assert_true(stub_pull_up_enabled(5u));
    check_led_on_then_off();
}

/* at 200 MHz the divider becomes 40: the same 200 ns samples, the same trace */
static void capture_at_200mhz(void **state)
{
    stub_config_t cfg = recorder_config(200000000u, 0u);
    g_autofree char *out = fw_test_run(&cfg, bounce_recorder_main, "recorder_200mhz.csv");
    (void)state;
    fw_test_assert_text(out, expected_capture);
}

/* 133 MHz is no multiple of 5 MHz: an error line instead of a wrong time base */
static void clock_not_a_multiple(void **state)
{
    stub_config_t cfg = recorder_config(133000000u, 0u);
    g_autofree char *out = fw_test_run(&cfg, bounce_recorder_main, "recorder_133mhz.out");
    (void)state;
    fw_test_assert_text(out, "bounce_recorder: error: clk_sys is not a whole multiple of "
                             "RECORDER_SAMPLE_HZ (up to 65535x)\n");
    assert_int_equal(stub_pio_words(), 0);
}

/*
 * A 4-edge queue (RECORDER_RING_EDGES=4), filled before the printer runs
 * (the stub runs core 1 first): the first four edges are kept; the fifth, at
 * sample 1250019 (t 100003600), is the first lost, and 8 edges are lost in
 * all (it, and the 3 + 3 + 1 of the later presses and releases).
 */
static void overflow_says_so(void **state)
{
    stub_config_t cfg = recorder_config(0u, 0u);
    g_autofree char *out =
        fw_test_run(&cfg, bounce_recorder_small_ring_main, "recorder_overflow.csv");
    (void)state;
    fw_test_assert_text(out, HEADER "0,1\n"
                                    "100000000,0\n"
                                    "100000800,1\n"
                                    "100003000,0\n"
                                    "100003400,1\n"
                                    "# overflow: 8 edges lost from t_ns 100003600\n");
}

/*
 * RXSTALL latches as word 156250 (samples 4999968..4999999) is read: the
 * sampler keeps that word (it was in the FIFO before the stall) and stops
 * after it, at sample 5000000, t = (5000000 - 750001) * 200 = 849999800.
 */
static void stall_says_so(void **state)
{
    stub_config_t cfg = recorder_config(0u, 156250u);
    g_autofree char *out = fw_test_run(&cfg, bounce_recorder_main, "recorder_stall.csv");
    (void)state;
    fw_test_assert_text(out, HEADER
                        "0,1\n"
                        "100000000,0\n"
                        "100000800,1\n"
                        "100003000,0\n"
                        "100003400,1\n"
                        "100003600,0\n"
                        "600000000,1\n"
                        "600000400,0\n"
                        "600001000,1\n"
                        "# overflow: edges lost from t_ns 849999800 (the sampler stalled)\n");
    assert_int_equal(stub_pio_words(), 156250);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(capture),
        cmocka_unit_test(capture_at_200mhz),
        cmocka_unit_test(clock_not_a_multiple),
        cmocka_unit_test(overflow_says_so),
        cmocka_unit_test(stall_says_so),
    };
    fw_test_set_out_dir(argc, argv);
    return cmocka_run_group_tests_name("bounce_recorder", tests, NULL, NULL);
}
