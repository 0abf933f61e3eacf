/*
 * bounce_recorder: samples a button pin with a PIO state machine at
 * RECORDER_SAMPLE_HZ and prints its transitions on stdio as bouncelab's
 * native trace CSV, ready for `bouncelab run`.
 *
 * SDK glue only; the logic is in rec_sampler.c and rec_csv.c. Core 1 drains
 * the PIO FIFO into the sampler, which queues edges; core 0 prints them as
 * they come, so the serial line (the slow part) never holds the sampling up.
 * One capture per reset: armed at boot, triggered by the first edge after a
 * quiet RECORDER_PRETRIGGER_MS, RECORDER_CAPTURE_MS long.
 */
#include <stdio.h>

#include "hardware/clocks.h"
#include "hardware/pio.h"
#include "hardware/sync.h"
#include "pico/multicore.h"
#include "pico/stdlib.h"

#include "board_led.h"
#include "rec_config.h"
#include "rec_csv.h"
#include "rec_sampler.h"

/* Shared by the two cores; file scope because core 1's entry takes no argument. */
static rec_sampler_t sampler;
static uint32_t edge_ring[RECORDER_RING_EDGES];
static PIO sampler_pio;
static uint sampler_sm;

/*
 * The whole PIO program is one instruction, `in pins, 1`, wrapping onto
 * itself: one sample per state-machine clock, autopushed every 32 samples
 * (autopush costs no cycle), so the rate is exactly clk_sys / divider.
 * Returns an error message, or NULL on success; the state machine is left
 * configured but stopped.
 */
static const char *setup_sampler_pio(void)
{
    uint16_t sample_instruction = (uint16_t)pio_encode_in(pio_pins, 1);
    const pio_program_t program = {
        .instructions = &sample_instruction,
        .length = 1,
        .origin = -1,
    };
    uint32_t clk_hz = clock_get_hz(clk_sys);
    uint32_t divider = clk_hz / RECORDER_SAMPLE_HZ;
    uint offset;
    pio_sm_config c;

    if (clk_hz % RECORDER_SAMPLE_HZ != 0u || divider == 0u || divider > 0xffffu) {
        return "clk_sys is not a whole multiple of RECORDER_SAMPLE_HZ (up to 65535x)";
    }
    if (!pio_claim_free_sm_and_add_program(&program, &sampler_pio, &sampler_sm, &offset)) {
        return "no free PIO state machine";
    }
    c = pio_get_default_sm_config();
    sm_config_set_wrap(&c, offset, offset);
    sm_config_set_in_pins(&c, RECORDER_GPIO);
    /* shift right: after 32 samples the earliest sits in bit 0 */
    sm_config_set_in_shift(&c, true, true, 32);
    sm_config_set_fifo_join(&c, PIO_FIFO_JOIN_RX); /* 8 words = 256 samples of slack */
    sm_config_set_clkdiv_int_frac(&c, (uint16_t)divider, 0);
    pio_sm_init(sampler_pio, sampler_sm, offset, &c);
    return NULL;
}

_Noreturn static void halt(void)
{
    for (;;) {
        __wfe();
    }
}

/*
 * Core 1: nothing but the sampling loop, with no interrupts enabled here.
 * In RAM (as is the sampler's per-word code, FW_HOT), so it never waits for
 * the flash cache that core 0's printing shares.
 */
static void __not_in_flash_func(core1_sample)(void)
{
    /* RXSTALL latches when the state machine found the FIFO full: samples lost */
    const uint32_t stall_bit = 1u << (PIO_FDEBUG_RXSTALL_LSB + sampler_sm);

    sampler_pio->fdebug = stall_bit; /* write 1 to clear */
    pio_sm_set_enabled(sampler_pio, sampler_sm, true);
    while (rec_sampler_state(&sampler) != REC_DONE) {
        rec_sampler_push_word(&sampler, pio_sm_get_blocking(sampler_pio, sampler_sm));
        if (sampler_pio->fdebug & stall_bit) {
            /*
             * Seen right after reading a word, the stall began before that
             * read: the FIFO was full (this word and RECORDER_FIFO_WORDS - 1
             * more) with one more word complete in the shift register, which
             * the read let in. So exactly RECORDER_FIFO_WORDS words still
             * predate the stall: keep them, and the gap starts after them.
             */
            for (unsigned i = 0u; i < RECORDER_FIFO_WORDS; i++) {
                rec_sampler_push_word(&sampler, pio_sm_get_blocking(sampler_pio, sampler_sm));
            }
            sampler_pio->fdebug = stall_bit;
            rec_sampler_samples_lost(&sampler);
        }
    }
    pio_sm_set_enabled(sampler_pio, sampler_sm, false);
    halt();
}

int main(void)
{
    static const rec_config_t cfg = {
        .pretrigger_samples = RECORDER_PRETRIGGER_MS * RECORDER_SAMPLES_PER_MS,
        .capture_samples = RECORDER_CAPTURE_MS * RECORDER_SAMPLES_PER_MS,
    };
    char line[REC_CSV_HEADER_MAX];
    const char *error;
    uint32_t record;

    stdio_init_all();
    gpio_init(RECORDER_GPIO);
    gpio_set_dir(RECORDER_GPIO, GPIO_IN);
    if (RECORDER_ACTIVE_LOW) {
        gpio_pull_up(RECORDER_GPIO);
    } else {
        gpio_pull_down(RECORDER_GPIO);
    }
    (void)board_led_init(); /* the LED only shows progress; record without it */
#if RECORDER_STDIO_USB
    /*
     * Over USB the SDK drops output until the host opens the port (raises
     * DTR), so arm only then: the header is never lost, and the capture
     * starts with the first press made while someone is listening.
     */
    while (!stdio_usb_connected()) {
        sleep_ms(RECORDER_USB_POLL_MS);
    }
    sleep_ms(RECORDER_USB_SETTLE_MS);
#endif

    /* anything but the trace goes out as a line the trace reader rejects */
    error = setup_sampler_pio();
    if (error != NULL) {
        printf("bounce_recorder: error: %s\n", error);
        halt();
    }
    if (!rec_sampler_init(&sampler, &cfg, edge_ring, RECORDER_RING_EDGES,
                          gpio_get(RECORDER_GPIO))) {
        printf("bounce_recorder: error: bad RECORDER_* settings\n");
        halt();
    }
    multicore_launch_core1(core1_sample);

    while (rec_sampler_state(&sampler) == REC_ARMING) {
        tight_loop_contents();
    }
    board_led_set(true);
    rec_csv_header(line, sizeof line, RECORDER_ACTIVE_LOW,
                   (uint64_t)cfg.capture_samples * RECORDER_NS_PER_SAMPLE);
    printf("%s", line);
    rec_csv_row(line, sizeof line, 0u, sampler.result.initial_level);
    printf("%s", line);
    for (;;) {
        /* acquire: once DONE is seen, every edge queued before it is visible */
        bool done = rec_sampler_state(&sampler) == REC_DONE;
        while (rec_sampler_next_edge(&sampler, &record)) {
            rec_csv_edge_row(line, sizeof line, record, RECORDER_NS_PER_SAMPLE);
            printf("%s", line);
        }
        if (done) {
            break;
        }
        tight_loop_contents();
    }
    if (rec_csv_overflow(line, sizeof line, &sampler.result, RECORDER_NS_PER_SAMPLE) > 0u) {
        printf("%s", line);
    }
    stdio_flush(); /* the LED goes off only once the last byte is out */
    board_led_set(false);
    halt();
}
