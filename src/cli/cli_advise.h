/*
 * `bouncelab advise`: the search behind it. Every algorithm, window, mode,
 * poll interval and interrupt runtime the platform can run is swept over the
 * traces (sim_sweep); each family (algorithm, mode, interval or runtime)
 * gets its window, the smallest that stays within the error target on every
 * trace together with the next ADVISE_CLEAN_ABOVE larger windows; the
 * families that meet every constraint are ranked by p99 press latency, then
 * CPU.
 */
#ifndef CLI_ADVISE_H
#define CLI_ADVISE_H

#include <glib.h>

#include "sim_config.h"
#include "trace.h"
#include "trace_gen.h"

typedef enum { ADVISE_PLATFORM_C, ADVISE_PLATFORM_MICROPYTHON } cli_advise_platform_t;

/** MicroPython's timers and the VM's loop: polling no faster than this (ns). */
#define ADVISE_MPY_MIN_INTERVAL_NS INT64_C(1000000)

/** A family's window must be clean together with this many larger windows swept. */
#define ADVISE_CLEAN_ABOVE 2

/** --presses: besides a family's window, this many larger ones are simulated too. */
#define ADVISE_STRESS_LARGER 3u

/** A model or gen profile given as input is screened on a trace of this many presses. */
#define ADVISE_MODEL_TRACE_PRESSES 200u

/** Default error target: false plus missed events per million presses. */
#define ADVISE_DEFAULT_TARGET_PPM 1

/** Default seed of --presses (stress's default too). */
#define ADVISE_DEFAULT_SEED 1

typedef struct {
    cli_advise_platform_t platform;
    gboolean poll;          /**< search polling */
    gboolean irq;           /**< search interrupts */
    guint algo_mask;        /**< bit (1 << algo) per algorithm searched; 0: all */
    int64_t interval_ns;    /**< > 0: only this poll interval */
    gboolean runtime_given; /**< only `runtime` for interrupts */
    sim_runtime_t runtime;
    int64_t max_latency_ns; /**< > 0: p99 press latency limit on every trace */
    double target_ppm;      /**< false + missed per million presses, at most */
    double max_cpu_per_s;   /**< >= 0: CPU entries per idle second, at most; < 0: no limit */
} cli_advise_request_t;

/** What broke, for a family that does not qualify. */
typedef enum {
    ADVISE_OK = 0,
    ADVISE_BROKE_ERRORS,  /**< no window keeps errors within the target */
    ADVISE_BROKE_LATENCY, /**< p99 press latency above --max-latency */
    ADVISE_BROKE_CPU,     /**< CPU entries per idle second above --max-cpu */
} cli_advise_broken_t;

/** One family at its window, scored over all traces. */
typedef struct {
    sim_config_t cfg;       /**< the setting (window set; the sweep's other defaults) */
    gboolean has_window;    /**< FALSE: errors above the target at every window */
    guint presses;          /**< true presses, all traces */
    guint false_events;     /**< false presses + releases, all traces */
    guint missed_events;    /**< missed presses + releases, all traces */
    double press_median_us; /**< the worst trace's */
    double press_p99_us;    /**< the worst trace's; INFINITY when a trace had no match */
    double release_median_us;
    double release_p99_us;
    guint p99_trace;           /**< the trace of press_p99_us */
    double cpu_per_press;      /**< handler entries or polls per true press */
    double cpu_per_idle_s;     /**< entries per second with the pin quiet */
    int64_t smaller_window_ns; /**< the next window down, or -1 */
    guint smaller_errors;      /**< its false + missed events */
    cli_advise_broken_t broken;
    /* after cli_advise_stress(): simulated press cycles, all inputs */
    guint64 cycles;
    guint64 false_cycles;  /**< cycles with a false trigger */
    guint64 missed_cycles; /**< cycles with a missed press or release */
    guint64 failed_cycles; /**< cycles with either: the rate --target bounds */
} cli_advise_candidate_t;

typedef struct {
    GArray *candidates; /**< cli_advise_candidate_t, one per family, best first */
    guint n_ok;         /**< how many at the front meet every constraint */
    int64_t longest_bounce_ns;
    guint longest_bounce_trace;
    gboolean longest_is_make;
    gsize rows;             /**< configurations simulated */
    guint64 stress_presses; /**< 0: the recordings only; else cycles per input (stress) */
    guint64 stress_seed;
    GArray *windows_ns; /**< int64_t: the windows searched, ascending */
} cli_advise_result_t;

void cli_advise_result_free(cli_advise_result_t *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(cli_advise_result_t, cli_advise_result_free)

/**
 * The fastest entry latency (ns) of the runtimes a request may use: a
 * latency limit below it cannot be met by any setting.
 */
int64_t cli_advise_fastest_latency_ns(const cli_advise_request_t *req);

/**
 * Searches the request's settings over `traces` (const trace_t *, each with
 * truth) on `threads` threads. The candidates come ranked: those meeting
 * every constraint first (best first), then the rest, closest first. NULL
 * with an error when the sweep cannot be planned.
 */
cli_advise_result_t *cli_advise_search(const cli_advise_request_t *req, GPtrArray *traces,
                                       int64_t settle_ns, guint threads, GError **error);

/**
 * Re-scores every candidate on `presses` press cycles per input simulated
 * from `models` (n of them: fitted to the recordings, or given), seeded by
 * `seed`, at its window and the next ADVISE_STRESS_LARGER larger ones (a
 * model may bounce longer than its recordings), keeps the smallest of them
 * whose 95 % upper bound of failed cycles meets --target (else the one with
 * the fewest failures), and ranks again; latencies are the worst input's.
 * FALSE with an error when the simulator refuses.
 */
gboolean cli_advise_stress(cli_advise_result_t *r, const cli_advise_request_t *req,
                           const trace_gen_params_t *models, guint n, guint64 presses, guint64 seed,
                           guint threads, GError **error);

/**
 * The exact one-sided 95 % (Clopper-Pearson) upper bound on a per-press
 * rate, per million, from k failures in n presses (stats_rate_upper95());
 * NAN when n = 0 or k > n.
 */
double cli_advise_upper95_ppm(guint k, guint n);

#endif
