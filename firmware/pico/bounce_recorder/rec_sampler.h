/*
 * The bounce recorder's sampler, without SDK calls: it takes the pin's
 * samples 32 at a time (one PIO FIFO word, the first sample in bit 0),
 * waits for a trigger, and queues every transition of the capture as an
 * edge record for the printer.
 *
 * A capture: the sampler arms at once and waits until the pin has held one
 * level for `pretrigger_samples`; the first edge after that triggers it.
 * Time 0 of the trace is pretrigger_samples before the trigger edge (so the
 * trace opens with that quiet stretch, whose level is known), and the
 * capture ends `capture_samples` after time 0.
 *
 * Nothing is lost silently: when the queue is full, the sampler stops
 * queueing and counts the edges it could not keep until the capture ends;
 * the trace is then only complete before the first lost edge
 * (rec_sampler_result_t.lost_from). The same holds when samples themselves
 * were lost (rec_sampler_samples_lost()).
 *
 * The sampler (producer) runs on one core and the printer (consumer) on the
 * other; the state, the queue and the result are published with
 * release/acquire ordering.
 */
#ifndef REC_SAMPLER_H
#define REC_SAMPLER_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "fw_spsc.h"

/** Bit of an edge record that holds the level after the edge. */
#define REC_EDGE_LEVEL 0x80000000u
/** Bits of an edge record that hold its sample index since time 0. */
#define REC_EDGE_INDEX_MASK 0x7fffffffu

typedef enum {
    REC_ARMING = 0, /**< waiting for a quiet stretch and then an edge */
    REC_CAPTURING,  /**< time 0 is set; edges are being queued */
    REC_DONE        /**< the capture has ended (result valid) */
} rec_state_t;

typedef struct {
    uint32_t pretrigger_samples; /**< quiet samples before the trigger edge (>= 1) */
    uint32_t capture_samples; /**< capture length from time 0, in samples (> pretrigger, < 2^31) */
} rec_config_t;

/** What the printer needs besides the edges; valid from the state it is noted in. */
typedef struct {
    bool initial_level; /**< level from time 0 to the trigger edge (REC_CAPTURING on) */
    bool overflowed;    /**< edges were lost (REC_DONE) */
    bool stalled;       /**< samples were lost, so edges may be too (REC_DONE) */
    uint32_t lost;      /**< edges seen but not queued (REC_DONE; a lower bound if stalled) */
    uint32_t
        lost_from; /**< sample index of the first lost edge or sample (REC_DONE, if overflowed) */
} rec_sampler_result_t;

typedef struct {
    _Atomic uint32_t state;      /**< rec_state_t */
    rec_sampler_result_t result; /**< published by the state change */
    /* the sampler's own */
    rec_config_t cfg;
    bool level;     /**< the pin's level at the latest sample */
    uint32_t quiet; /**< REC_ARMING: samples in a row at `level`, saturating at pretrigger */
    uint32_t pos;   /**< REC_CAPTURING: index (since time 0) of the next sample */
    fw_spsc_t queue;
    uint32_t *edges; /**< the queue's records: index | REC_EDGE_LEVEL if high after the edge */
} rec_sampler_t;

/**
 * Arms a sampler whose queue is edges[capacity] (capacity a power of two).
 * `level` is the pin's level before the first word. Returns false when cfg or
 * capacity is unusable; the sampler then is REC_DONE with nothing captured.
 */
bool rec_sampler_init(rec_sampler_t *s, const rec_config_t *cfg, uint32_t *edges, uint32_t capacity,
                      bool level);

/** Sampler: the next 32 samples, the earliest in bit 0. Ignored once REC_DONE. */
void rec_sampler_push_word(rec_sampler_t *s, uint32_t word);

/**
 * Sampler: samples were lost between the previous word and the next one (the
 * PIO stalled on a full FIFO). Before the trigger this restarts the quiet
 * count; during a capture it ends the capture at that point.
 */
void rec_sampler_samples_lost(rec_sampler_t *s);

/** Either side: the current state (acquire: the result it promises is visible). */
rec_state_t rec_sampler_state(const rec_sampler_t *s);

/** Printer: takes the oldest queued edge record; false when none is queued. */
bool rec_sampler_next_edge(rec_sampler_t *s, uint32_t *record);

#endif
