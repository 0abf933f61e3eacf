/*
 * When the polling firmware reads the pin: its read schedule, walked forward
 * by a cursor. Three kinds:
 *  - the grid: a read every interval from trace start + phase, each late by
 *    a seeded uniform jitter (a timer-paced loop);
 *  - the grid with stalls (a display refresh, a garbage collection, a print):
 *    while the loop is blocked nothing is read, and every later read happens
 *    that much later (the loop paces itself by sleeping between reads). The
 *    seeded stall model blocks the loop for stall_for once per stall_every,
 *    at a uniform position in each period; the program can add its own
 *    (sim_reads_delay(), a print per count);
 *  - explicit read times (--reads), taken as they are.
 */
#ifndef SIM_READS_H
#define SIM_READS_H

#include "sim_config.h"

typedef struct {
    const sim_config_t *cfg;
    int64_t origin_ns; /**< trace start */
    int64_t base_ns;   /**< grid: time of read seg_k before its jitter */
    int64_t seg_k;     /**< grid: first read since the last stall */
    int64_t stall_j;   /**< the next stall of the model */
    int64_t stall_ns;  /**< its start, INT64_MAX when the model is off */
    int64_t k;         /**< the current read's index */
    int64_t t_ns;      /**< its time; INT64_MAX when there are no more reads */
} sim_reads_t;

/** Starts the cursor at read 0 of `cfg`'s schedule for a trace beginning at origin_ns. */
void sim_reads_init(sim_reads_t *r, const sim_config_t *cfg, int64_t origin_ns);

/** Moves to the next read. */
void sim_reads_next(sim_reads_t *r);

/** Moves forward to the first read at or after t_ns (stays when already there). */
void sim_reads_seek(sim_reads_t *r, int64_t t_ns);

/**
 * The loop blocks for ns right after the current read: every later read
 * happens ns later (grid schedules only; explicit reads are taken as given).
 */
void sim_reads_delay(sim_reads_t *r, int64_t ns);

/** Start (ns after the trace start) of stall j of the seeded stall model. */
int64_t sim_reads_stall_start(const sim_config_t *cfg, int64_t j);

#endif
