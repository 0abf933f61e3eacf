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

/* stall_at_word: core 1 pauses 100 us (500 samples, 15.6 words) after reading word N */
static stub_config_t recorder_config(uint32_t clk_sys_hz, uint32_t stall_at_word)
{
    return (stub_config_t){
        .button_gpio = 5u,
        .initial_level = 1,
        .edges = edges,
        .n_edges = sizeof edges / sizeof edges[0],
        .end_ns = 10500000000u, /* past the capture's last sample word */
        .clk_sys_hz = clk_sys_hz,
        .core1_pause_at_word = stall_at_word,
        .core1_pause_ns = stall_at_word ? 100000u : 0u,
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

/*
 * Over the UART (86806 ns a byte, a 32-byte FIFO), the printer on core 0
 * runs while core 1 samples: the same trace, and the LED goes off once the
 * last byte is out.
 */
static void capture(void **state)
{
    stub_config_t cfg = recorder_config(0u, 0u);
    cfg.char_ns = STUB_UART_CHAR_NS;
    cfg.tx_buffer_bytes = STUB_UART_TX_BUFFER;
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
 * A 4-edge queue (RECORDER_RING_EDGES=4) and the UART: the printer is still
 * sending the header (70 bytes, 6 ms) when the trigger's burst of 5 edges
 * in 3.5 us comes, so the first four are kept; the fifth, at sample 1250019
 * (t 100003600), is the first lost, and 8 edges are lost in all (it, and the
 * 3 + 3 + 1 of the later presses and releases). The capture ends with the
 * word holding its last sample, 50750000: word 1585937, pushed with sample
 * 50750015 at 10150003000 ns; the 45-byte overflow line starts out then,
 * and the LED goes off when its last byte has left (stdio_flush), 45 bytes
 * later: not when printf returns, 32 bytes (the FIFO) earlier.
 */
static void overflow_says_so(void **state)
{
    stub_config_t cfg = recorder_config(0u, 0u);
    cfg.char_ns = STUB_UART_CHAR_NS;
    cfg.tx_buffer_bytes = STUB_UART_TX_BUFFER;
    g_autofree char *out =
        fw_test_run(&cfg, bounce_recorder_small_ring_main, "recorder_overflow.csv");
    size_t n;
    const stub_output_t *leds = stub_outputs(&n);
    (void)state;
    fw_test_assert_text(out, HEADER "0,1\n"
                                    "100000000,0\n"
                                    "100000800,1\n"
                                    "100003000,0\n"
                                    "100003400,1\n"
                                    "# overflow: 8 edges lost from t_ns 100003600\n");
    check_led_on_then_off();
    assert_int_equal(leds[2].t_ns, 10150003000u + 45u * STUB_UART_CHAR_NS);
    assert_int_equal(stub_stdio_idle_ns(), leds[2].t_ns);
}

/*
 * Core 1 pauses 100 us after reading word 156250 (index 156249, samples
 * 4999968..4999999, read as it is pushed at 999999800 ns). The FIFO takes
 * words 156250..156257; word 156258 is complete at sample 5000287 (1000057400
 * ns) with the FIFO full: the state machine stalls there, RXSTALL latched.
 * Core 1 comes back at 1000099800 ns (sample clock 5000499), reads word
 * 156250, which lets the stalled word in: 212 samples lost. Seeing RXSTALL
 * then, the firmware keeps the 8 words that predate the stall (156251 to
 * 156258), so every sample up to 5000287 is in the trace and it stops at
 * sample 5000288, t = (5000288 - 750001) * 200 = 850057400, exactly.
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
                        "# overflow: edges lost from t_ns 850057400 (the sampler stalled)\n");
    assert_int_equal(stub_pio_stalled_samples(), 212);
    assert_int_equal(stub_pio_words(), 156250 + 1 + 8);
}

/*
 * The USB build (RECORDER_STDIO_USB=1), the host opening the port at 300 ms:
 * the recorder looks every 10 ms, sees it at 300 ms, waits 50 ms more and
 * arms at 350 ms, so sample k is taken at 350000000 + 200 k ns. The pin is
 * low (pressed) then and stays so for 400 ms: the release at 750000050
 * (sample 2000001) triggers, time 0 is sample 1500001, and a row's t_ns is
 * (k - 1500001) * 200:
 *   750000470 -> 2000003, 750001130 -> 2000006, 1500000100 -> 5750001,
 *   1500000300 -> 5750002, 1500000500 -> 5750003, 1900000100 -> 7750001,
 *   10150000150 -> 49000001 (inside the capture, which ends at 51500000).
 * Nothing was printed before the port opened, so nothing was dropped.
 */
static void capture_over_usb(void **state)
{
    stub_config_t cfg = recorder_config(0u, 0u);
    cfg.end_ns = 10700000000u;
    cfg.usb_stdio = true;
    cfg.usb_connect_ns = 300000000u;
    cfg.char_ns = STUB_USB_CHAR_NS;
    cfg.tx_buffer_bytes = STUB_USB_TX_BUFFER;
    g_autofree char *out = fw_test_run(&cfg, bounce_recorder_usb_main, "recorder_usb.csv");
    (void)state;
    fw_test_assert_text(out, HEADER "0,0\n"
                                    "100000000,1\n"
                                    "100000400,0\n"
                                    "100001000,1\n"
                                    "850000000,0\n"
                                    "850000200,1\n"
                                    "850000400,0\n"
                                    "1250000000,1\n"
                                    "9500000000,0\n");
    assert_int_equal(stub_stdio_dropped(), 0);
    check_led_on_then_off();
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(capture),
        cmocka_unit_test(capture_at_200mhz),
        cmocka_unit_test(clock_not_a_multiple),
        cmocka_unit_test(overflow_says_so),
        cmocka_unit_test(stall_says_so),
        cmocka_unit_test(capture_over_usb),
    };
    fw_test_set_out_dir(argc, argv);
    return cmocka_run_group_tests_name("bounce_recorder", tests, NULL, NULL);
}
