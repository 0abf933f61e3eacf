/*
 * Synthetic bouncy button traces with known truth.
 *
 * A trace is a run of press cycles, each: a gap (settled released), the make
 * bounce (the press), a hold (settled pressed), the break bounce (the
 * release); one last gap ends it, so it starts and ends released.
 *
 * A bounce lasts D ns, drawn per transition: with probability 1 - worst_rate
 * uniformly in [bounce/2, 3*bounce/2] (capped at bounce_max), otherwise from
 * the long tail, uniformly in [3*bounce/2, bounce_max]. In those D ns the
 * contact makes k rebounds (k uniform in [1, 2*pulses - 1], mean `pulses`):
 * 2k intervals, alternately at the new and the old level, then the new level
 * holds. Interval i lasts min_pulse plus a share of the rest proportional to
 * envelope(i) * w_i, where the envelope falls linearly from 1 to 1/5 over the
 * burst (rebounds shorten as the contact settles) and w_i is uniform in
 * [0, 1023] (irregular: no rhythm a sampling rate could lock onto; 0 makes an
 * interval exactly min_pulse). So a burst spans exactly D and no pulse is
 * shorter than min_pulse.
 *
 * EMI glitches are spikes to the other level, width uniform in
 * [1 ns, glitch_width], arriving as a Poisson process of rate glitch_rate_hz
 * within the settled stretches (holds and gaps), no closer than glitch_guard
 * to a bounce. They are never presses and never appear in the truth.
 *
 * A fitted model instead draws D from its distribution (trace_gen_dist_t):
 * the inverse of its quantile function at a uniform draw.
 *
 * Truth: press_ns = the first edge of the make bounce, release_ns = the first
 * edge of the break bounce (trace.h).
 */
#ifndef TRACE_GEN_H
#define TRACE_GEN_H

#include "trace.h"

/** Most rebounds a transition may average (keeps a trace's size bounded). */
#define TRACE_GEN_PULSES_MAX 1000
/** Most presses in one trace. */
#define TRACE_GEN_PRESSES_MAX 1000000u
/** Longest duration any parameter may take: one hour. */
#define TRACE_GEN_DURATION_MAX_NS (INT64_C(3600) * 1000000000)
/** Highest glitch rate: one per microsecond on average. */
#define TRACE_GEN_GLITCH_RATE_MAX_HZ 1e6
/** Most edges a trace may be expected to hold (8 bytes each: 400 MB). */
#define TRACE_GEN_EDGES_MAX 50000000.0
/** The envelope of a burst ends at 1/TRACE_GEN_ENVELOPE_FALL of where it starts. */
#define TRACE_GEN_ENVELOPE_FALL 5

/** Most points of a fitted (empirical) bounce-duration distribution. */
#define TRACE_GEN_QUANTILES_MAX 1001
/** A fitted tail's shape xi lies strictly between these (-1: uniform; 1: no mean). */
#define TRACE_GEN_XI_MIN (-1.5)
#define TRACE_GEN_XI_MAX 1.0

/**
 * A bounce-duration distribution fitted to recordings (trace_fit.h): the
 * empirical quantile function up to probability tail_above, then a
 * generalized Pareto tail above its quantile there (the threshold u):
 * P(D > u + y | D > u) = (1 + xi y / sigma)^(-1/xi) (exp(-y / sigma) at
 * xi = 0). Draws are capped at cap_ns. n = 0: none (gen's uniform model).
 */
typedef struct {
    guint n;                                      /**< quantile points, 0 or 2..QUANTILES_MAX */
    int64_t quantile_ns[TRACE_GEN_QUANTILES_MAX]; /**< at probabilities i/(n-1), sorted */
    double tail_above;                            /**< probability where the tail starts, (0, 1) */
    double xi;                                    /**< the tail's shape */
    double sigma_ns;                              /**< the tail's scale (ns), > 0 */
    int64_t cap_ns;                               /**< longest draw (ns) */
} trace_gen_dist_t;

/** The bounce of one kind of transition (make = contact closing, break = opening). */
typedef struct {
    int64_t bounce_ns;     /**< typical duration, first to last edge; 0 = no bounce */
    int64_t bounce_max_ns; /**< worst case (the long tail ends here) */
    double worst_rate;     /**< fraction of transitions drawn from the long tail, 0..1 */
    int pulses;            /**< mean rebounds per transition (2 edges each) */
    int64_t min_pulse_ns;  /**< shortest interval between two edges of a burst */
    trace_gen_dist_t dist; /**< when dist.n > 0, durations come from it, not the three above */
} trace_gen_bounce_t;

/** Everything a generated trace depends on, besides the seed and the press count. */
typedef struct {
    trace_gen_bounce_t make; /**< the press, for a normally open button */
    trace_gen_bounce_t brk;  /**< the release */
    int64_t hold_min_ns;     /**< settled pressed time, last make edge to first break edge */
    int64_t hold_max_ns;     /**< (uniform in [min, max]) */
    int64_t gap_min_ns;      /**< settled released time, last break edge to next press */
    int64_t gap_max_ns;      /**< (uniform; also before the first press and after the last) */
    double glitch_rate_hz;   /**< EMI glitches per second of settled time; 0 = none */
    int64_t glitch_width_ns; /**< widest glitch */
    int64_t glitch_guard_ns; /**< glitches keep this far from every bounce */
} trace_gen_params_t;

/** A named parameter set modelled on published measurements (traces/README.md). */
typedef struct {
    const char *name;
    const char *summary; /**< one line for --help */
    trace_gen_params_t params;
} trace_gen_profile_t;

/** The built-in profiles, in --help order; `n` gets their number. */
const trace_gen_profile_t *trace_gen_profiles(gsize *n);

/** The profile called `name`, or NULL. */
const trace_gen_profile_t *trace_gen_profile_find(const char *name);

/**
 * Checks that parameters make a valid trace of `presses` presses that fits in
 * memory; TRACE_ERROR_INVALID naming the parameter (as the gen option is
 * called, e.g. "make-bounce-max") otherwise.
 */
gboolean trace_gen_validate(const trace_gen_params_t *params, guint presses, GError **error);

/**
 * Generates `presses` press cycles from `seed`, starting at 0 ns, with truth.
 * The same parameters, seed and press count give the same trace on every
 * machine. NULL with the error of trace_gen_validate() on bad parameters.
 */
trace_t *trace_gen(const trace_gen_params_t *params, guint64 seed, guint presses,
                   gboolean active_low, const char *name, GError **error);

/**
 * A proposal for importance sampling the long tail (stress --rare): each
 * bounce that can come from the tail is drawn from the tail with
 * probability max(tail_prob, worst_rate) instead of worst_rate, and a tail
 * draw lands in the top 1/top_fraction of the tail with probability
 * top_prob besides its uniform share. Rebounds, holds and gaps are drawn as
 * from the model, so a press's weight f/g is the product of its two bounce
 * draws' weights (trace_gen_tilt_weight()).
 */
typedef struct {
    double tail_prob;   /**< 0..1 */
    double top_prob;    /**< 0..1 */
    guint top_fraction; /**< >= 1 */
} trace_gen_tilt_t;

/** Where a tilted bounce draw came from; its weight depends on nothing else. */
typedef enum {
    TRACE_GEN_DRAW_BODY, /**< the body (or a transition the tilt leaves alone: weight 1) */
    TRACE_GEN_DRAW_TAIL, /**< the tail, below its top slice */
    TRACE_GEN_DRAW_TOP,  /**< the top slice of the tail */
    TRACE_GEN_DRAWS
} trace_gen_draw_t;

/** TRUE when a bounce has a tail the tilt can favour (0 < worst_rate < 1, a tail range). */
gboolean trace_gen_tilt_applies(const trace_gen_bounce_t *b);

/** The proposal's chance of a tail draw for this bounce. */
double trace_gen_tilt_tail_prob(const trace_gen_bounce_t *b, const trace_gen_tilt_t *tilt);

/** The likelihood ratio f/g of a draw of class `draw` (1 when the tilt does not apply). */
double trace_gen_tilt_weight(const trace_gen_bounce_t *b, const trace_gen_tilt_t *tilt,
                             trace_gen_draw_t draw);

/**
 * trace_gen() drawing bounces from `tilt` (NULL: from the model, the same
 * trace as trace_gen()); `draws` (may be NULL) receives 2 classes per press,
 * make then break.
 */
trace_t *trace_gen_tilted(const trace_gen_params_t *params, const trace_gen_tilt_t *tilt,
                          guint64 seed, guint presses, gboolean active_low, const char *name,
                          guint8 *draws, GError **error);

#endif
