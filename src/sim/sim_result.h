/*
 * What one simulated run produces: the press and release events as the
 * user sees them, the CPU work it took, and optionally (for waveform plots
 * and VCD files) the debounced output and the reads or handler runs within
 * a time window.
 */
#ifndef SIM_RESULT_H
#define SIM_RESULT_H

#include <glib.h>
#include <stdint.h>

#include "debounce/debounce.h"

/** An event at t_ns: DEBOUNCE_EVENT_PRESS or DEBOUNCE_EVENT_RELEASE. */
typedef struct {
    int64_t t_ns;
    debounce_event_t kind;
} sim_event_t;

typedef enum {
    SIM_ACTIVITY_POLL,    /**< a read of the pin by a polling loop (zero width) */
    SIM_ACTIVITY_HANDLER, /**< a GPIO interrupt handler run */
    SIM_ACTIVITY_ALARM,   /**< an alarm handler run */
} sim_activity_kind_t;

typedef struct {
    int64_t start_ns;
    int64_t end_ns;
    sim_activity_kind_t kind;
} sim_activity_t;

/** Which details to keep besides the events; all off by default. */
typedef struct {
    gboolean output;   /**< the core's events at the instant it reported them */
    gboolean activity; /**< reads and handler runs with from_ns <= start <= to_ns */
    int64_t from_ns;
    int64_t to_ns;
} sim_record_t;

/** At most this many activity records are kept per run, so a window cannot exhaust memory. */
#define SIM_ACTIVITY_MAX 200000u

typedef struct {
    GArray *events;        /**< sim_event_t in time order, as the program reports them */
    GArray *output;        /**< sim_event_t: the core's events when it reported them, or NULL */
    GArray *activity;      /**< sim_activity_t, or NULL */
    gboolean activity_cut; /**< more than SIM_ACTIVITY_MAX activities fell in the window */
    guint64 polls;        /**< reads made by a polling loop (every one, not only those simulated) */
    guint64 gpio_entries; /**< GPIO interrupt handler entries */
    guint64 alarm_entries; /**< alarm handler entries */
    guint64 updates;       /**< debounce_update() calls the simulator made (its cost) */
} sim_result_t;

/** A new empty result, keeping what `record` asks for (NULL: events only). */
sim_result_t *sim_result_new(const sim_record_t *record);
void sim_result_free(sim_result_t *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(sim_result_t, sim_result_free)

/** Every entry of CPU work: polls, or handler plus alarm entries. */
static inline guint64 sim_result_cpu_entries(const sim_result_t *result)
{
    return result->polls + result->gpio_entries + result->alarm_entries;
}

#endif
