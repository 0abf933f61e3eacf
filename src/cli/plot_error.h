/* The error domain of the plot helpers (src/cli/plot_*.c). */
#ifndef PLOT_ERROR_H
#define PLOT_ERROR_H

#include <glib.h>

#define PLOT_ERROR (plot_error_quark())

typedef enum {
    PLOT_ERROR_PARSE,      /* malformed results CSV: the message reads "FILE:LINE: what is wrong" */
    PLOT_ERROR_INVALID,    /* unusable input or option: unreadable file, no such trace or script */
    PLOT_ERROR_NO_GNUPLOT, /* gnuplot is not installed (or has no usable terminal) */
    PLOT_ERROR_GNUPLOT,    /* gnuplot ran and failed */
    PLOT_ERROR_INTERRUPTED, /* stopped by a signal (plot_gnuplot_t.stop) */
} plot_error_t;

GQuark plot_error_quark(void);

#endif
