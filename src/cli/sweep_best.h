/*
 * The recommended setting of a sweep, defined once: for one trace,
 * algorithm and way of reading the pin (a polling interval, or an interrupt
 * runtime and entry latency), the smallest debounce window with no false
 * and no missed press or release. Across polling intervals, the interval
 * where that window gives the lowest median press latency (a tie: the
 * longer interval, which costs less CPU). `verdict` prints it; the plots
 * draw what sweep_best_gnuplot() hands them.
 */
#ifndef SWEEP_BEST_H
#define SWEEP_BEST_H

#include <glib.h>

/** One row of a sweep CSV, as much as the rule and the plots need (cells as in the file). */
typedef struct {
    char *trace;
    char *algo;
    char *mode;
    char *runtime;
    char *irq_latency;
    char *interval;
    char *window;
    char *latency; /* median press latency, "" when nothing was detected */
    char *p99;
    char *cpu_per_press;
    double interval_us;
    double irq_latency_us;
    double window_us;
    double latency_us; /* +inf when empty */
    guint presses_true;
    gboolean error_free; /* no false and no missed press or release */
} sweep_row_t;

/**
 * Reads and checks a sweep CSV (plot_results_read(), whose errors it
 * returns): an array of sweep_row_t * in file order, freed with it; the
 * distinct traces in order of first appearance go to *traces_out.
 */
GPtrArray *sweep_rows_read(const char *path, GPtrArray **traces_out, GError **error);

/** The smallest error-free window among GROUP (one interval or runtime), or NULL. */
const sweep_row_t *sweep_best_window(const GPtrArray *group);

/**
 * The largest window of the run of error-free windows that starts at BEST
 * in GROUP: the run ends below the first larger window with an error.
 */
const sweep_row_t *sweep_best_run_end(const GPtrArray *group, const sweep_row_t *best);

/** The recommended setting among GROUP (one algorithm and column, all intervals), or NULL. */
const sweep_row_t *sweep_best_setting(const GPtrArray *group);

/**
 * The recommended settings of TRACE as gnuplot -e assignments for the
 * plots: best='...' holds, per algorithm and polling interval or interrupt
 * runtime and entry latency, nine words "MODE RUNTIME X_US ALGO WINDOW_US
 * UPTO_US MEDIAN_US P99_US CPU_PER_PRESS" (RUNTIME "-" when polling, X_US
 * the interval or the entry latency; "none" for the window and after when
 * nothing is error-free, NaN for a latency nothing gave); best_irq='...'
 * holds, per interrupt runtime and entry latency, the one of those whose
 * median latency is lowest (a tie: the earlier algorithm), seven words
 * "RUNTIME X_US ALGO WINDOW_US MEDIAN_US P99_US CPU_PER_PRESS", ALGO "-"
 * when no algorithm is error-free there.
 */
char *sweep_best_gnuplot(const GPtrArray *rows, const char *trace);

/** The same two values, newly allocated, without the assignments around them. */
void sweep_best_plot_vars(const GPtrArray *rows, const char *trace, char **best_out,
                          char **best_irq_out);

#endif
