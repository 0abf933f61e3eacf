/*
 * The verdict of a sweep: for each trace, algorithm and mode, the smallest
 * debounce window with no false and no missed event, and the median press
 * latency it gives. Polling: at the interval whose smallest error-free window
 * gives the lowest median latency (ties: the longer interval, which costs
 * less CPU). Interrupts: one verdict per runtime (or custom entry latency).
 */
#ifndef CLI_VERDICT_H
#define CLI_VERDICT_H

#include <glib.h>
#include <stdio.h>

/** One verdict: an algorithm in one mode (and runtime) on one trace. */
typedef struct {
    char *trace;
    char *algo;
    char *mode;           /* poll or irq */
    char *runtime;        /* irq: c, mpy-hard, mpy-soft or custom; poll: "" */
    char *irq_latency_us; /* irq: the entry latency, as in the CSV; poll: "" */
    char *column;         /* what the table's column says: "poll", "irq c", "irq 50us" */
    guint presses_true;
    gboolean found;         /* some window had no false and no missed event */
    char *interval_us;      /* poll, when found: the chosen interval, as in the CSV */
    char *press_window_us;  /* when found: the smallest error-free window, as in the CSV */
    char *press_latency_us; /* when found: its median press latency, as in the CSV ("" if none) */
} cli_verdict_t;

/**
 * Reads a sweep CSV (checked by plot_results_read(), whose errors it
 * returns) and gives the verdicts, trace by trace in the order of the file,
 * algorithms in the order of `bouncelab algorithms`, polling first and then
 * the interrupt runtimes in the order of the file. An array of
 * cli_verdict_t *, freed with it.
 */
GPtrArray *cli_verdict_read(const char *path, GError **error);

/**
 * Prints the verdicts as one small table per trace: a row per algorithm, a
 * column per mode and runtime, cells "WINDOW@INTERVAL LATENCY" (poll),
 * "WINDOW LATENCY" (irq), "never" (no window was error-free) or "-" (not
 * swept).
 */
void cli_verdict_print_table(FILE *out, const GPtrArray *verdicts);

/**
 * Prints the verdicts as CSV: trace,algo,mode,runtime,irq_latency_us,
 * interval_us,press_window_us,press_latency_median_us, with the last three
 * empty when no window was error-free.
 */
void cli_verdict_print_csv(FILE *out, const GPtrArray *verdicts);

#endif
