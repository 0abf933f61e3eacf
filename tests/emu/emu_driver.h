/*
 * The replay loop the emulator test runs twice: on the host, to make the
 * reference, and inside the Cortex-M0+ image under the emulator. Both builds
 * read the same input records and write output records of the same layout
 * (fixed-width fields only, little-endian on both sides), so the two output
 * files compare byte for byte.
 */
#ifndef EMU_DRIVER_H
#define EMU_DRIVER_H

#include "debounce/debounce.h"

/** Input record kinds. */
enum { EMU_OP_INIT = 0, EMU_OP_UPDATE = 1 };

/** Tag bit of the records of random runs (the others come from polled traces). */
#define EMU_TAG_RANDOM 0x80000000u

/** Value *when holds before each debounce_deadline() call: one that returns
 * false must leave it alone. */
#define EMU_WHEN_UNSET 0xa5a5a5a5u

/** One call: an init (with the setting it starts) or an update. 32 bytes. */
typedef struct {
    uint32_t op;      /**< EMU_OP_INIT or EMU_OP_UPDATE */
    uint32_t now;     /**< ticks */
    uint32_t level;   /**< electrical pin level, 0 or 1 */
    uint32_t algo;    /**< init only: debounce_algo_t */
    uint32_t press;   /**< init only: press window (ticks or samples) */
    uint32_t release; /**< init only: release window */
    uint32_t active_low;
    uint32_t
        tag; /**< which generated run the record belongs to; EMU_TAG_RANDOM set on random runs */
} emu_input_t;

/** What the core showed after one record. 12 bytes, written as three words
 * (the emulator's guard checks each write the replay loop makes). */
typedef struct {
    /** bits 0-7 the update's debounce_event_t (0 after an init), 8-15
     * debounce_deadline()'s result, 16-23 debounce_is_pressed(), 24-31 the
     * state byte debounce_t.flags */
    uint32_t status;
    uint32_t when;  /**< *when after debounce_deadline(), EMU_WHEN_UNSET if untouched */
    uint32_t since; /**< state word: debounce_t.u (lock start or count) */
} emu_output_t;

/** Fields of emu_output_t.status. */
#define EMU_STATUS_EVENT(s)    ((s)&0xffu)
#define EMU_STATUS_DEADLINE(s) (((s) >> 8) & 0xffu)

/**
 * Runs `n` records through one button `d` whose setting lives in `cfg`,
 * writing one output per record. `when` is the deadline slot, kept apart so
 * the emulator can watch every byte the core writes.
 */
void emu_run(const emu_input_t *in, uint32_t n, emu_output_t *out, debounce_t *d,
             debounce_config_t *cfg, uint32_t *when);

#endif
