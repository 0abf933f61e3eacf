/*
 * The bounce recorder's settings: compile-time constants, each overridable
 * with -D (firmware/pico/CMakeLists.txt passes the RECORDER_* cache
 * variables through).
 */
#ifndef REC_CONFIG_H
#define REC_CONFIG_H

/** GPIO the button is on: the tutorial's wiring, GPIO 5 to a button to GND. */
#ifndef RECORDER_GPIO
#define RECORDER_GPIO 5u
#endif

/**
 * 1: the button pulls the pin to GND, the internal pull-up holds it high
 * (trace header "# active: low"); 0: to 3V3 with the pull-down.
 */
#ifndef RECORDER_ACTIVE_LOW
#define RECORDER_ACTIVE_LOW 1
#endif

/**
 * Samples per second. The PIO takes one sample per state-machine clock, so
 * clk_sys (125 MHz by default on the RP2040) must be a multiple of it: 5 MHz
 * is clk_sys / 25, a sample every 200 ns. It must divide 1e9 (whole ns per
 * sample) and be a multiple of 1000.
 */
#ifndef RECORDER_SAMPLE_HZ
#define RECORDER_SAMPLE_HZ 5000000u
#endif

/** Quiet time before the trigger edge, which the trace starts with (ms). */
#ifndef RECORDER_PRETRIGGER_MS
#define RECORDER_PRETRIGGER_MS 100u
#endif

/** Length of a capture from time 0, the trace's end_ns (ms). */
#ifndef RECORDER_CAPTURE_MS
#define RECORDER_CAPTURE_MS 10000u
#endif

/**
 * Edges the RAM queue holds while the serial line catches up (a power of
 * two; 4 bytes each). At 115200 baud about 850 rows/s go out, so 32768
 * edges absorb a burst of that many more edges than the line has sent.
 */
#ifndef RECORDER_RING_EDGES
#define RECORDER_RING_EDGES 32768u
#endif

/** Words in the PIO's RX FIFO, joined (PIO_FIFO_JOIN_RX): RP2040 datasheet, PIO chapter. */
#define RECORDER_FIFO_WORDS 8u

/**
 * 1: stdio over the Pico's USB port (TinyUSB CDC); 0: UART0. The SDK build
 * sets it from FIRMWARE_STDIO_USB (ON, so USB, by default); a build that
 * does not, like the host stub's, gets UART. Over USB the recorder arms
 * only once the host has opened the port.
 */
#ifndef RECORDER_STDIO_USB
#define RECORDER_STDIO_USB 0
#endif

/** USB: how often to look whether the host has opened the port (ms). */
#ifndef RECORDER_USB_POLL_MS
#define RECORDER_USB_POLL_MS 10u
#endif

/**
 * USB: wait after the host opens the port before the first byte (ms); the
 * SDK waits as long in its own connect wait (PICO_STDIO_USB_POST_CONNECT_
 * WAIT_DELAY_MS, 50), as some hosts lose what comes right after opening.
 */
#ifndef RECORDER_USB_SETTLE_MS
#define RECORDER_USB_SETTLE_MS 50u
#endif

#define RECORDER_NS_PER_SAMPLE  (1000000000u / RECORDER_SAMPLE_HZ)
#define RECORDER_SAMPLES_PER_MS (RECORDER_SAMPLE_HZ / 1000u)

_Static_assert(1000000000u % RECORDER_SAMPLE_HZ == 0u, "RECORDER_SAMPLE_HZ must divide 1e9");
_Static_assert(RECORDER_SAMPLE_HZ % 1000u == 0u, "RECORDER_SAMPLE_HZ must be a multiple of 1000");
_Static_assert(RECORDER_CAPTURE_MS > RECORDER_PRETRIGGER_MS && RECORDER_PRETRIGGER_MS > 0u,
               "the capture must be longer than its pretrigger stretch");
_Static_assert((unsigned long long)RECORDER_CAPTURE_MS *RECORDER_SAMPLES_PER_MS < 0x80000000ull,
               "a capture is at most 2^31 - 1 samples (429 s at 5 MS/s)");
_Static_assert((RECORDER_RING_EDGES & (RECORDER_RING_EDGES - 1u)) == 0u,
               "RECORDER_RING_EDGES must be a power of two");

#endif
