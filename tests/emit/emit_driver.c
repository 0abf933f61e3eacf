/*
 * Runs a program `bouncelab advise --emit c` wrote, built against the
 * pico-sdk stub with its main() renamed emitted_main(), on a waveform.
 *
 * usage: emit_driver WAVEFORM SETTLE_US TIME_BASE_US GPIO OUT
 *   WAVEFORM: "INITIAL_LEVEL END_NS" and then "T_NS LEVEL" per edge, times
 *   from the trace's start; they are laid SETTLE_US later on the stub's
 *   clock, so that the trace starts when the program starts its debouncer
 *   (after its pull-up settle delay), as bouncelab's models start at the
 *   trace start. time_us_32() reads TIME_BASE_US at the stub's time 0.
 *   Interrupts enter with no latency. The program's output goes to OUT.
 */
#include <stdio.h>
#include <stdlib.h>

#include "pico_stub.h"

int emitted_main(void);

int main(int argc, char **argv)
{
    FILE *in;
    stub_edge_t *edges = NULL;
    size_t n = 0, cap = 0;
    unsigned initial = 0;
    unsigned long long end_ns = 0, t_ns = 0;
    unsigned level = 0;
    unsigned long settle_us, base_us, gpio;
    stub_config_t cfg = {0};

    if (argc != 6) {
        fprintf(stderr, "usage: emit_driver WAVEFORM SETTLE_US TIME_BASE_US GPIO OUT\n");
        return 2;
    }
    settle_us = strtoul(argv[2], NULL, 10);
    base_us = strtoul(argv[3], NULL, 10);
    gpio = strtoul(argv[4], NULL, 10);
    in = fopen(argv[1], "r");
    if (in == NULL || fscanf(in, "%u %llu", &initial, &end_ns) != 2) {
        fprintf(stderr, "emit_driver: cannot read %s\n", argv[1]);
        return 2;
    }
    while (fscanf(in, "%llu %u", &t_ns, &level) == 2) {
        if (n == cap) {
            cap = cap ? 2 * cap : 1024;
            edges = realloc(edges, cap * sizeof *edges);
            if (edges == NULL) {
                return 2;
            }
        }
        edges[n++] = (stub_edge_t){t_ns + settle_us * 1000u, level != 0};
    }
    fclose(in);
    cfg.button_gpio = (unsigned)gpio;
    cfg.initial_level = initial != 0;
    cfg.edges = edges;
    cfg.n_edges = n;
    cfg.end_ns = end_ns + settle_us * 1000u;
    cfg.time_base_us = (uint32_t)base_us;
    stub_reset(&cfg);
    if (!stub_run(emitted_main, argv[5])) {
        fprintf(stderr, "emit_driver: %s\n", stub_error());
        free(edges);
        return 1;
    }
    free(edges);
    return 0;
}
