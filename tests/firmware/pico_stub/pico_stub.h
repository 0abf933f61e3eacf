/*
 * Test side of the pico-sdk host stub: a discrete-event simulation of the
 * few peripherals the firmware glue touches, driven by a known pin waveform.
 *
 * - Time: one clock in ns from 0; time_us_32() is time_base_us + t / 1000.
 * - The button pin: `initial_level`, then `edges` (strictly increasing
 *   times; an edge at t is already seen by a read at t).
 * - GPIO interrupt: an edge enabled in the mask latches; the callback runs
 *   irq_latency_ns later with every edge latched meanwhile (RP2040 edge
 *   interrupts latch), and reads the pin as it is then. Enabling the
 *   interrupt clears what latched before (the SDK acknowledges first).
 * - Alarms and repeating timers fire alarm_latency_ns after their
 *   microsecond; callbacks and handlers take no time. add_alarm_in_us()
 *   takes alarm_call_ns and, as pico-sdk 2.2.0's alarm_pool_add_alarm_at(),
 *   returns 0 when its target is then already past (fire_if_past false),
 *   and -1 when no slot is free (no_free_alarm: never one).
 * - Interrupts due at one instant run in the chip's order, lowest IRQ number
 *   first at equal priority: TIMER_IRQ_0 (0, alarms) before IO_IRQ_BANK0
 *   (13, GPIO).
 * - __wfe() and tight_loop_contents() on core 0 run the next due event
 *   (an interrupt, or a step of core 1), unless __sev() was called since
 *   the last __wfe().
 * - stdio: printf() output goes through a link that takes char_ns per byte
 *   and buffers tx_buffer_bytes (the UART's 32-byte FIFO, TinyUSB's 64-byte
 *   CDC buffer); printf() returns once its last byte is in the buffer,
 *   stdio_flush() once the buffer is empty. char_ns 0: free and instant.
 *   With usb_stdio, nothing is sent before the host opens the port at
 *   usb_connect_ns (stdio_usb_connected()); the SDK drops such output.
 * - PIO: only the recorder's sampler, `in pins, 1` wrapping onto itself with
 *   autopush at 32 bits shifting right and the RX FIFO joined (8 words), is
 *   modelled (anything else is a stub error): one sample per state-machine
 *   clock. When a word is complete and the FIFO holds 8, the state machine
 *   stalls with it (RXSTALL latches) and takes no samples until core 1 reads
 *   a word; then the word goes in and sampling resumes on the next clock.
 * - Core 1 runs interleaved with core 0 (a coroutine): it runs whenever it
 *   is due and core 0 waits, and it spends core1_word_ns per FIFO word it
 *   reads (plus core1_pause_ns once, after word core1_pause_at_word), so a
 *   slow core 1 fills the FIFO as on the chip.
 *
 * The run ends when the simulation would pass end_ns.
 */
#ifndef PICO_STUB_H
#define PICO_STUB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** The pin changes to `level` at t_ns. */
typedef struct {
    uint64_t t_ns;
    bool level;
} stub_edge_t;

typedef struct {
    unsigned button_gpio; /**< the one input pin the waveform drives */
    bool initial_level;
    const stub_edge_t *edges;
    size_t n_edges;
    uint64_t end_ns;           /**< the run stops before any event after this */
    uint32_t time_base_us;     /**< time_us_32() at t = 0 */
    uint64_t irq_latency_ns;   /**< edge to GPIO callback */
    uint32_t clk_sys_hz;       /**< 0: 125 MHz, the RP2040 default */
    uint64_t alarm_latency_ns; /**< an alarm's microsecond to its callback */
    uint64_t alarm_call_ns;    /**< time add_alarm_in_us() takes */
    bool no_free_alarm;        /**< every alarm slot taken: adding one fails */
    uint64_t char_ns;          /**< stdio link: time per byte (0: printf is instant) */
    uint32_t tx_buffer_bytes;  /**< stdio link: bytes buffered before printf blocks */
    bool usb_stdio;            /**< stdio over USB: nothing goes out before usb_connect_ns */
    uint64_t usb_connect_ns;   /**< when the host opens the port (usb_stdio) */
    uint64_t core1_word_ns;    /**< core 1's time per PIO FIFO word */
    uint32_t
        core1_pause_at_word; /**< 0: none; else core 1 pauses after reading word N (1 = first) */
    uint64_t core1_pause_ns; /**< that pause (ns) */
} stub_config_t;

/** The UART at 115200 baud, 8N1: 10 bits a byte (ns), and its TX FIFO (bytes, RP2040 datasheet). */
#define STUB_UART_CHAR_NS   86806u
#define STUB_UART_TX_BUFFER 32u
/**
 * USB full-speed CDC with pico-sdk 2.2.0's stdio_usb: TinyUSB's TX buffer
 * (CFG_TUD_CDC_TX_BUFSIZE, 64 bytes at full speed) and about 195 KB/s, the
 * throughput reported with the SDK's default buffers (pico-coder/sigrok-pico
 * issue 58): 5128 ns a byte.
 */
#define STUB_USB_CHAR_NS   5128u
#define STUB_USB_TX_BUFFER 64u

/** One change of an output pin (the LED) or of the wireless chip's LED. */
typedef struct {
    uint64_t t_ns;
    unsigned gpio; /**< STUB_WL_GPIO_BASE + n for the wireless chip's GPIO n */
    bool value;
} stub_output_t;

#define STUB_WL_GPIO_BASE 1000u
#define STUB_MAX_OUTPUTS  64u

/** Starts a fresh simulation; every earlier state (timers, IRQ, PIO) is gone. */
void stub_reset(const stub_config_t *cfg);

/**
 * Runs a renamed firmware main() until the simulation reaches end_ns, with
 * stdout sent to the file at out_path. Returns true unless the stub met
 * something it does not model (then stub_error() says what).
 */
bool stub_run(int (*entry)(void), const char *out_path);

/** The stub error of the last run, or NULL. */
const char *stub_error(void);

/** Output pin changes of the last run, in order; *n set to their count. */
const stub_output_t *stub_outputs(size_t *n);

/** True when the firmware enabled the pull-up on gpio. */
bool stub_pull_up_enabled(unsigned gpio);

/** Interrupt and alarm callbacks run, and PIO words read, in the last run. */
uint32_t stub_gpio_irqs(void);
uint32_t stub_alarm_fires(void);
uint32_t stub_pio_words(void);

/** Alarms cancelled while still pending, in the last run. */
uint32_t stub_alarm_cancels(void);

/** Samples the PIO missed while stalled on a full FIFO, in the last run. */
uint64_t stub_pio_stalled_samples(void);

/** When the stdio link sent its last byte (ns), and bytes printf dropped (USB not open). */
uint64_t stub_stdio_idle_ns(void);
uint64_t stub_stdio_dropped(void);

#endif
