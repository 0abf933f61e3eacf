/*
 * Fitting gen's switch model (trace_gen.h) to recorded traces: each bounce
 * the oracle finds (trace_oracle.h) gives a duration and a rebound count,
 * the settled stretches between them give hold and gap times, and pulses
 * outside every bounce are glitches.
 *
 * The bounce durations: the body of gen's model is uniform on [b/2, 3b/2]
 * with mass 1 - worst_rate, so b follows from the body's 1 % quantile, and
 * worst_rate is the share beyond 3b/2; the tail is uniform up to
 * bounce_max, estimated as the longest seen plus the mean spacing of the
 * tail's draws (the unbiased end of a uniform, (m + 1)/m times the range).
 * Those uniform parameters stay in the model (rebounds are drawn from
 * them), but with at least TRACE_TAIL_MIN_SAMPLE bounces the durations are
 * drawn from their empirical distribution with a generalized Pareto tail
 * above the 80th percentile (trace_tail.h). A bootstrap of the durations
 * (resampled with replacement, every fit redone) says how uncertain the
 * uniform tail's end and the model's 1-in-10^6 bounce are.
 */
#ifndef TRACE_FIT_H
#define TRACE_FIT_H

#include "trace.h"
#include "trace_gen.h"

/** Bootstrap resamples of the tail's uncertainty. */
#define TRACE_FIT_BOOTSTRAP 200

/** What the recordings support, per kind of bounce. */
typedef struct {
    gsize n;                      /**< bounces measured */
    int64_t longest_ns;           /**< the longest seen */
    int64_t max_lo_ns;            /**< bootstrap 5th percentile of the fitted bounce_max */
    int64_t max_hi_ns;            /**< bootstrap 95th percentile */
    int64_t one_in_million_ns;    /**< the model's 1-in-10^6 bounce */
    int64_t one_in_million_lo_ns; /**< its bootstrap 5th percentile */
    int64_t one_in_million_hi_ns; /**< its bootstrap 95th percentile */
    gboolean tail;                /**< a GPD tail was fitted (trace_tail.h) */
    int64_t threshold_ns;         /**< where it starts */
    double tail_above;            /**< the share of bounces below it */
    double xi;                    /**< its shape */
    double sigma_ns;              /**< its scale */
} trace_fit_side_t;

typedef struct {
    gsize presses;
    trace_fit_side_t make;
    trace_fit_side_t brk;
    gsize glitches;
} trace_fit_report_t;

/**
 * Fits the model to `n` traces (each with edges; bounces found by the
 * oracle at settle_ns). FALSE with TRACE_ERROR_INVALID when they hold fewer
 * than two presses or two releases, or the fit fails trace_gen_validate().
 * `report` may be NULL.
 */
gboolean trace_fit(const trace_t *const *traces, gsize n, int64_t settle_ns,
                   trace_gen_params_t *out, trace_fit_report_t *report, GError **error);

/** Bounce durations (ns, as doubles, sorted) of one kind in a trace, for tests and reports. */
GArray *trace_fit_durations(const trace_t *trace, int64_t settle_ns, gboolean make);

/** The 1-in-`odds` bounce of a model's bounce: exceeded by 1/odds of the draws (ns). */
int64_t trace_fit_quantile_ns(const trace_gen_bounce_t *b, double odds);

#endif
