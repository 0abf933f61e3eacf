/*
 * Plot 5, the waveform around one press: a trace replayed through one
 * configuration, seen through a time window. It picks the window, writes
 * what gnuplot draws (scripts/plots/waveform.gp) as one CSV, and renders it.
 *
 * The CSV, one row per thing drawn, columns
 * series,t_ns,end_ns,level,truth_index,latency_us,missed (empty where they do
 * not apply); times are ns on the trace's clock:
 *   view          t_ns..end_ns: the window shown
 *   at            t_ns: the instant asked for (the time axis counts from it)
 *   true_press    t_ns: a true press start (truth or oracle) in view; truth_index;
 *   true_release  missed 1 when nothing matched it, 0 when something did,
 *                 empty when the program reports no releases
 *   raw           the pin, level 1 = pressed from t_ns on (first row at the
 *   debounced     window start, last at its end); debounced: the core's output
 *   read          a poll read at t_ns
 *   handler       a GPIO handler (alarm handler) running from t_ns to end_ns
 *   alarm
 *   press         an event the program reported at t_ns; truth_index of the
 *   release       true press (release) it matched, -1 for a false trigger;
 *                 latency_us from that true start (empty when false)
 */
#ifndef PLOT_WAVEFORM_H
#define PLOT_WAVEFORM_H

#include <glib.h>
#include <stdint.h>

#include "plot_gnuplot.h"
#include "sim_config.h"
#include "trace.h"

/**
 * Time shown before the instant asked for: 1 ms by default, a tenth of the
 * span when a span is given and that is less.
 */
#define PLOT_WAVEFORM_LEAD_NS INT64_C(1000000)

/** The default window ends this many percent of its length after the last thing it must show. */
#define PLOT_WAVEFORM_MARGIN_PERCENT 5

typedef struct plot_waveform plot_waveform_t;

/**
 * Replays TRACE (which must have its truth) through CFG (valid) and picks
 * the window around AT_NS. With SPAN_NS > 0 the window is SPAN_NS long,
 * starting the lead (PLOT_WAVEFORM_LEAD_NS, or SPAN_NS / 10 if less) before
 * AT_NS. With SPAN_NS = 0 it starts 1 ms before AT_NS (not before the trace)
 * and ends at the latest of: AT_NS + 2 windows; the last bounce of the first
 * true change (press or release) at or after the window start, plus a
 * window; and the first event reported after that change and before the
 * next; plus the margin. The last bounce is the last edge of the run of
 * edges from that change whose gaps are shorter than SETTLE_NS (the oracle's
 * settle time) and that stop short of the next true change. The window is
 * the longer of the press and release windows.
 * PLOT_ERROR_INVALID when AT_NS lies outside the trace.
 */
plot_waveform_t *plot_waveform_new(const trace_t *trace, const sim_config_t *cfg, int64_t at_ns,
                                   int64_t span_ns, int64_t settle_ns, GError **error);

/** Frees what plot_waveform_new() returned; NULL is fine. */
void plot_waveform_free(plot_waveform_t *waveform);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(plot_waveform_t, plot_waveform_free)

/** The window shown, ns. */
void plot_waveform_window(const plot_waveform_t *waveform, int64_t *from_ns, int64_t *to_ns);

/**
 * One line on what the window holds and what the whole run scored, e.g.
 * "in view: 1 true press, 3 events reported, 2 false, 0 missed; whole
 * trace: 30 presses, 34 false, 0 missed".
 */
char *plot_waveform_summary(const plot_waveform_t *waveform);

/** Writes the CSV described above to PATH (atomically). G_FILE_ERROR on failure. */
gboolean plot_waveform_write_data(const plot_waveform_t *waveform, const char *path,
                                  GError **error);

/**
 * Renders SCRIPT (waveform.gp) on the CSV at DATA into the image PATH, with
 * the title lines TITLE and CONFIG (and the summary below them).
 * *warnings_out and errors as plot_gnuplot_render().
 */
gboolean plot_waveform_draw(const plot_waveform_t *waveform, const plot_gnuplot_t *gnuplot,
                            const char *script, const char *data, const char *path,
                            const char *title, const char *config, char **warnings_out,
                            GError **error);

#endif
