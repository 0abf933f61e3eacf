/*
 * How many edges a second the recorder streams before it says `# overflow:`,
 * over each stdio link the stub models (pico_stub.h: the UART at 115200
 * baud, USB CDC at about 195 KB/s), checked against the figure derived by
 * hand. Built with a 1 s capture, 10 ms pretrigger and a 64-edge queue
 * (glue_rec_links), so the queue hides little: a steady rate r overflows
 * once r exceeds the link's rows per second D plus 64 edges over the 0.99 s
 * after the trigger.
 *
 * Derived: rows between 0.1 and 1 s are "NNNNNNNNN,L\n", 12 bytes (the few
 * before 0.1 s are 11): the UART sends 11520 bytes/s (10 bits a byte), D =
 * 960 rows/s; USB 1e9 / 5128 = 195008 bytes/s, D = 16250 rows/s. The test
 * runs each link at 97 % of D (no overflow) and at 103 % of D + 65 (an
 * overflow). With --measure it bisects the rate at which the first
 * overflow appears and prints it (the README's figures).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <glib.h>

#include "fw_test_util.h"
#include "glue_entries.h"

#define START_NS   20000000u   /* the first edge: after the 10 ms pretrigger */
#define CAPTURE_NS 1000000000u /* RECORDER_CAPTURE_MS=1000 */

typedef struct {
    const char *name;
    uint64_t char_ns;
    uint32_t buffer;
    double rows_per_s; /* D, derived above */
} link_t;

static const link_t links[] = {
    {"uart", STUB_UART_CHAR_NS, STUB_UART_TX_BUFFER, 960.0},
    {"usb", STUB_USB_CHAR_NS, STUB_USB_TX_BUFFER, 16250.0},
};

/* One capture with a square wave of `rate` edges a second from START_NS on: did it overflow? */
static bool overflows(const link_t *link, double rate)
{
    uint64_t period = (uint64_t)(1e9 / rate);
    size_t n = (size_t)((CAPTURE_NS + 10000000u) / period) + 1u;
    stub_edge_t *edges = g_new(stub_edge_t, n);
    stub_config_t cfg = {
        .button_gpio = 5u,
        .initial_level = 1,
        .n_edges = n,
        .end_ns = START_NS + CAPTURE_NS + 50000000u,
        .char_ns = link->char_ns,
        .tx_buffer_bytes = link->buffer,
    };
    char *out;
    bool overflowed;

    for (size_t i = 0; i < n; i++) {
        edges[i] = (stub_edge_t){START_NS + i * period, (i & 1u) != 0u};
    }
    cfg.edges = edges;
    out = fw_test_run(&cfg, bounce_recorder_links_main, "recorder_links.csv");
    overflowed = strstr(out, "# overflow:") != NULL;
    g_free(out);
    g_free(edges);
    return overflowed;
}

static void link_rates(void **state)
{
    (void)state;
    for (size_t i = 0; i < G_N_ELEMENTS(links); i++) {
        const link_t *l = &links[i];
        if (overflows(l, 0.97 * l->rows_per_s)) {
            fail_msg("%s: overflow at 97 %% of %.0f rows/s", l->name, l->rows_per_s);
        }
        if (!overflows(l, 1.03 * (l->rows_per_s + 65.0))) {
            fail_msg("%s: no overflow at 103 %% of %.0f + 65 edges/s", l->name, l->rows_per_s);
        }
    }
}

/* Bisects the lowest steady rate that overflows, to 0.5 %, and prints it. */
static void measure(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(links); i++) {
        const link_t *l = &links[i];
        double lo = 0.5 * l->rows_per_s, hi = 2.0 * l->rows_per_s + 200.0;
        while (hi - lo > 0.005 * lo) {
            double mid = 0.5 * (lo + hi);
            if (overflows(l, mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        printf("%s: no overflow at %.0f edges/s, overflow at %.0f edges/s (derived %.0f + 65)\n",
               l->name, lo, hi, l->rows_per_s);
    }
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(link_rates),
    };
    if (argc > 2 && strcmp(argv[2], "--measure") == 0) {
        fw_test_set_out_dir(argc, argv);
        measure();
        return 0;
    }
    fw_test_set_out_dir(argc, argv);
    return cmocka_run_group_tests_name("recorder links", tests, NULL, NULL);
}
