/*
 * What the benchmark programs share: a monotonic clock, medians, timed
 * child processes, peak memory, and the CSV rows they print on stdout.
 *
 * Every program prints rows "suite,case,metric,value,unit,runs,min,max"
 * (BENCH_CSV_HEADER); scripts/bench.sh adds the date, commit and machine
 * columns and keeps them in bench/results/SUITE.csv. `value` is the median
 * of `runs` samples, `min` and `max` their spread (empty for a figure that
 * is not a sample, such as a ratio of medians or a count).
 */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <glib.h>
#include <stdint.h>

/** The columns each benchmark prints, in this order. */
#define BENCH_CSV_HEADER "suite,case,metric,value,unit,runs,min,max"

#define BENCH_NS_PER_S 1e9

/** Monotonic time in ns (CLOCK_MONOTONIC). */
int64_t bench_now_ns(void);

/** Median of n > 0 samples (the mean of the middle two for even n); `v` is left untouched. */
double bench_median(const double *v, gsize n);

/** Prints the header line. */
void bench_header(void);

/** Prints a row whose value is the median of `samples` (n of them), with their min and max. */
void bench_row_samples(const char *suite, const char *case_name, const char *metric,
                       const char *unit, const double *samples, gsize n);

/** Prints a row with a single value made from `runs` runs (a ratio, a count); no spread. */
void bench_row_value(const char *suite, const char *case_name, const char *metric, const char *unit,
                     double value, gsize runs);

/**
 * Runs argv[0] (searched in PATH) with its output on `out` (may be NULL:
 * discarded), and measures its wall time from spawn to exit (ns). FALSE with
 * an error holding the child's stderr if it cannot start or does not exit
 * with status 0; on success its stderr is dropped.
 */
gboolean bench_spawn_timed(char *const *argv, int64_t *wall_ns, char **out, GError **error);

/** CPU time (user + system, ns) of every child process waited for so far (RUSAGE_CHILDREN). */
int64_t bench_children_cpu_ns(void);

/** Peak resident memory of this process so far, in bytes (getrusage ru_maxrss). */
int64_t bench_max_rss_bytes(void);

/** Reads a file once from start to end and drops the bytes, so it sits in the page cache. */
gboolean bench_warm_file(const char *path, GError **error);

/** This program's own path (/proc/self/exe), to run itself as a child; never NULL. */
char *bench_self_path(void);

/** Keeps the compiler from dropping or vectorising a computation of `x` in a timed loop. */
#define BENCH_KEEP(x) __asm__ volatile("" : "+r"(x))

#endif
