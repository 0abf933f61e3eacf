/*
 * A single-producer single-consumer queue of slot indices, lock-free, for
 * handing records from an interrupt handler (or the other RP2040 core) to
 * the main loop. The caller owns the record array; this only says which
 * slot to write or read. Portable C11: no SDK calls, no libc.
 *
 * head and tail are free-running counts (pushed, popped) that wrap modulo
 * 2^32; the queue holds head - tail records. The release store of head after
 * writing a slot, and the acquire load of it before reading one, make the
 * record visible to the other side (a DMB on the Cortex-M0+).
 */
#ifndef FW_SPSC_H
#define FW_SPSC_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

/** Largest capacity, in records: counts must stay comparable across the wrap. */
#define FW_SPSC_MAX_CAPACITY 0x80000000u

typedef struct {
    _Atomic uint32_t head; /**< records pushed; written by the producer only */
    _Atomic uint32_t tail; /**< records popped; written by the consumer only */
    uint32_t mask;         /**< capacity - 1 */
} fw_spsc_t;

/**
 * Empties a queue of `capacity` records (a power of two, 1 to
 * FW_SPSC_MAX_CAPACITY). Returns false for any other capacity, and then
 * makes a queue of one record, so a caller that ignores it overruns nothing.
 */
bool fw_spsc_init(fw_spsc_t *q, uint32_t capacity);

/** Producer: the slot to fill next; false when the queue is full. */
bool fw_spsc_write_slot(const fw_spsc_t *q, uint32_t *slot);

/** Producer: publishes the slot filled after fw_spsc_write_slot(). */
void fw_spsc_publish(fw_spsc_t *q);

/** Consumer: the slot of the oldest record; false when the queue is empty. */
bool fw_spsc_read_slot(const fw_spsc_t *q, uint32_t *slot);

/** Consumer: frees the slot read after fw_spsc_read_slot(). */
void fw_spsc_release(fw_spsc_t *q);

#endif
