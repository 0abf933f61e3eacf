/*
 * The bounce recorder's core-1 loop, cross-compiled for the Cortex-M0+ and
 * run under unicorn by rec_sampler_emu.py to measure its cycles per FIFO
 * word. The loop is bounce_recorder/main.c's core1_sample() with the SDK's
 * inline PIO accessors (pico-sdk 2.2.0 hardware/pio.h: pio_sm_get_blocking()
 * spins on FSTAT's RXEMPTY bit, then reads RXF) written out against a
 * register block the emulator maps; the sampler and the queue are the
 * firmware's own objects, built with its flags. The PIO and the state
 * machine number are read through `link` on every pass, as core1_sample()
 * reloads its file-scope sampler_pio and sampler_sm after each call.
 */
#include <stdint.h>

#include "fw_hot.h"
#include "rec_config.h"
#include "rec_sampler.h"

/** A PIO block's first registers (RP2040 datasheet, PIO register list). */
typedef struct {
    uint32_t ctrl;
    uint32_t fstat;  /**< RXEMPTY of state machine n is bit 8 + n */
    uint32_t fdebug; /**< RXSTALL of state machine n is bit n; write 1 to clear */
    uint32_t flevel;
    uint32_t txf[4];
    uint32_t rxf[4];
} rec_emu_pio_t;

typedef struct {
    volatile rec_emu_pio_t *pio;
    uint32_t sm;
} rec_emu_link_t;

/** The rate the firmware samples at, for the emulator to derive the cycle budget. */
const uint32_t rec_emu_sample_hz = RECORDER_SAMPLE_HZ;
/** Words the FIFO holds, for the emulator's burst figures. */
const uint32_t rec_emu_fifo_words = RECORDER_FIFO_WORDS;

void rec_emu_run(rec_sampler_t *s, const rec_config_t *cfg, uint32_t *edges, uint32_t capacity,
                 uint32_t level, const rec_emu_link_t *link);

/* Arms the sampler, then runs core1_sample()'s loop until the capture ends
 * (or the emulator stops it when it has no word left to give). In RAM, as
 * core1_sample() is (__not_in_flash_func): its calls into the sampler are
 * then direct, with no long-branch veneer. */
void FW_HOT(rec_emu_run)(rec_sampler_t *s, const rec_config_t *cfg, uint32_t *edges,
                         uint32_t capacity, uint32_t level, const rec_emu_link_t *link)
{
    const uint32_t stall_bit = 1u << link->sm;

    if (!rec_sampler_init(s, cfg, edges, capacity, level != 0u)) {
        return;
    }
    link->pio->fdebug = stall_bit;
    while (rec_sampler_state(s) != REC_DONE) {
        while ((link->pio->fstat & (1u << (8u + link->sm))) != 0u) {
        }
        rec_sampler_push_word(s, link->pio->rxf[link->sm]);
        if ((link->pio->fdebug & stall_bit) != 0u) {
            for (unsigned i = 0u; i < RECORDER_FIFO_WORDS; i++) {
                while ((link->pio->fstat & (1u << (8u + link->sm))) != 0u) {
                }
                rec_sampler_push_word(s, link->pio->rxf[link->sm]);
            }
            link->pio->fdebug = stall_bit;
            rec_sampler_samples_lost(s);
        }
    }
}
