/*
 * The pin waveform both button_demo tests replay (pull-up wiring: 1 =
 * released, 0 = pressed), in microseconds from the stub's time 0:
 *
 *   100150 0   a press, bouncing until 100520
 *   100250 1
 *   100330 0
 *   100500 1
 *   100520 0   settled pressed
 *   200000 1   a 300 us glitch back to released, while held
 *   200300 0
 *   300050 1   the release, bouncing until 300300
 *   300130 0
 *   300300 1   settled released
 *
 * The demo starts at 0, waits DEMO_PULL_SETTLE_US (100 us) for the pull-up,
 * reads the settled level 1 and starts reading the pin at 100 us. The run
 * ends at DEMO_END_US. The demo's defaults: GPIO 5, defer 5000/5000 us,
 * poll every 1000 us.
 */
#ifndef DEMO_WAVEFORM_H
#define DEMO_WAVEFORM_H

#include "pico_stub.h"

#define US(t)       ((uint64_t)(t)*1000u)
#define DEMO_END_US 400000u

static const stub_edge_t demo_edges[] = {
    {US(100150), 0}, {US(100250), 1}, {US(100330), 0}, {US(100500), 1}, {US(100520), 0},
    {US(200000), 1}, {US(200300), 0}, {US(300050), 1}, {US(300130), 0}, {US(300300), 1},
};

/* the pull-up holds the pin high until the first press */
static inline stub_config_t demo_stub_config(uint32_t time_base_us, uint64_t irq_latency_ns)
{
    return (stub_config_t){
        .button_gpio = 5u,
        .initial_level = 1,
        .edges = demo_edges,
        .n_edges = sizeof demo_edges / sizeof demo_edges[0],
        .end_ns = US(DEMO_END_US),
        .time_base_us = time_base_us,
        .irq_latency_ns = irq_latency_ns,
    };
}

/* time_us_32() 200 ms before it wraps: the wrap falls between press and release */
#define DEMO_BASE_NEAR_WRAP (UINT32_MAX - 200000u + 1u)

#endif
