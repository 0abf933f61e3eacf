/* Traces for replay, the bundled set, and a run's VCD. */
#include "cli_replay.h"
#include "cli.h"
#include "cli_results.h"
#include "cli_trace_options.h"
#include "trace_oracle.h"
#include "util_duration.h"

#include "sim_metrics.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

trace_t *cli_replay_load(const char *path, const trace_read_options_t *opts, int64_t settle_ns,
                         char **desc, GError **error)
{
    trace_format_t format = TRACE_FORMAT_AUTO;
    trace_t *trace = cli_read_trace(path, opts, &format, error);
    const char *truth = "in truth";

    if (trace == NULL) {
        return NULL;
    }
    if (trace->truth == NULL) {
        g_autofree char *settle = util_format_duration(settle_ns);
        trace_oracle_fill_truth(trace, settle_ns);
        fprintf(stderr,
                "bouncelab: %s has no truth; scoring against the oracle's %zu presses "
                "(settle %s)\n",
                path, trace_n_truth(trace), settle);
        truth = "found by the oracle";
    }
    if (desc != NULL) {
        *desc = g_strdup_printf("%s (%s, %zu presses %s)", path,
                                trace_file_description(trace, format), trace_n_truth(trace), truth);
    }
    return trace;
}

gboolean cli_replay_warn_active(const char *path, const trace_t *trace, const sim_result_t *result,
                                const GArray *matches)
{
    gsize n = trace_n_truth(trace);
    g_autofree double *press_us = g_new(double, n + 1);
    g_autofree double *release_us = g_new(double, n + 1);
    guint presses = 0, after_release = 0, pairs = 0, slower = 0;

    for (gsize k = 0; k < n; k++) {
        press_us[k] = release_us[k] = NAN;
    }
    for (guint i = 0; i < result->events->len && i < matches->len; i++) {
        const sim_event_t *ev = &g_array_index(result->events, sim_event_t, i);
        const sim_match_t *m = &g_array_index(matches, sim_match_t, i);
        if (m->truth_index < 0 || (gsize)m->truth_index >= n) {
            continue;
        }
        if (ev->kind == DEBOUNCE_EVENT_PRESS) {
            const trace_interval_t *t =
                &g_array_index(trace->truth, trace_interval_t, m->truth_index);
            press_us[m->truth_index] = m->latency_us;
            presses++;
            if (t->release_ns != TRACE_NO_RELEASE &&
                m->latency_us * 1000.0 >= (double)(t->release_ns - t->press_ns)) {
                after_release++;
            }
        } else {
            release_us[m->truth_index] = m->latency_us;
        }
    }
    for (gsize k = 0; k < n; k++) {
        if (!isnan(press_us[k]) && !isnan(release_us[k])) {
            pairs++;
            slower += press_us[k] > 2.0 * release_us[k];
        }
    }
    if (presses >= CLI_ACTIVE_MIN_PAIRS && after_release * 2 > presses) {
        fprintf(stderr,
                "bouncelab: warning: %s: %u of %u presses were reported at or after their true "
                "release: --active may be inverted (the trace says pressed reads %s)\n",
                path, after_release, presses, trace->active_low ? "low" : "high");
        return TRUE;
    }
    if (pairs >= CLI_ACTIVE_MIN_PAIRS && slower * 4 > pairs * 3) {
        fprintf(stderr,
                "bouncelab: warning: %s: %u of %u presses took over twice as long to report as "
                "their release: --active may be inverted (the trace says pressed reads %s)\n",
                path, slower, pairs, trace->active_low ? "low" : "high");
        return TRUE;
    }
    return FALSE;
}

static gint compare_paths(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char **cli_replay_bundled_traces(GError **error)
{
    g_autofree char *traces = cli_data_dir("traces", BOUNCELAB_TRACES_DIR);
    g_autoptr(GDir) dir = g_dir_open(traces, 0, error);
    GPtrArray *paths;
    const char *name;

    if (dir == NULL) {
        g_prefix_error(error, "no traces given, and the bundled ones are missing: ");
        return NULL;
    }
    paths = g_ptr_array_new();
    while ((name = g_dir_read_name(dir)) != NULL) {
        if (g_str_has_suffix(name, ".csv") && !g_str_has_suffix(name, ".truth.csv")) {
            g_ptr_array_add(paths, g_build_filename(traces, name, NULL));
        }
    }
    g_ptr_array_sort(paths, compare_paths);
    g_ptr_array_add(paths, NULL);
    return (char **)g_ptr_array_free(paths, FALSE);
}

/* Edges of a level that toggles at each event of `kind` (or of any kind). */
static GArray *toggles(const GArray *events, int kind)
{
    GArray *edges = g_array_new(FALSE, FALSE, sizeof(int64_t));
    for (guint i = 0; i < events->len; i++) {
        const sim_event_t *e = &g_array_index(events, sim_event_t, i);
        if (kind < 0 || (int)e->kind == kind) {
            /* two events at one instant (a main-loop check) would be no edge at all */
            if (edges->len > 0 && g_array_index(edges, int64_t, edges->len - 1) >= e->t_ns) {
                continue;
            }
            g_array_append_val(edges, e->t_ns);
        }
    }
    return edges;
}

/* Edges of a level that is 1 while an activity of `kind` runs; runs that
 * touch merge, and zero-width ones (reads) toggle instead. */
static GArray *activity_edges(const GArray *activity, sim_activity_kind_t kind)
{
    GArray *edges = g_array_new(FALSE, FALSE, sizeof(int64_t));
    for (guint i = 0; i < activity->len; i++) {
        const sim_activity_t *a = &g_array_index(activity, sim_activity_t, i);
        int64_t *last = edges->len ? &g_array_index(edges, int64_t, edges->len - 1) : NULL;
        if (a->kind != kind) {
            continue;
        }
        if (a->end_ns == a->start_ns) {
            if (last == NULL || *last < a->start_ns) {
                g_array_append_val(edges, a->start_ns);
            }
        } else if (last != NULL && *last >= a->start_ns) {
            *last = MAX(*last, a->end_ns); /* extends the run that is still high */
        } else {
            g_array_append_val(edges, a->start_ns);
            g_array_append_val(edges, a->end_ns);
        }
    }
    return edges;
}

/* A VCD gives each wire its level at the start, then changes after it: a
 * change at the very start (a read at phase 0, a handler entered at once)
 * becomes the initial level. Returns the initial level. */
static gboolean fold_start(GArray *edges, int64_t start_ns, gboolean initial)
{
    guint n = 0;

    while (n < edges->len && g_array_index(edges, int64_t, n) <= start_ns) {
        n++;
    }
    g_array_remove_range(edges, 0, n);
    return (n & 1u) ? !initial : initial;
}

/* Appends t unless an edge already sits there or later (two events at one instant are none). */
static void append_later(GArray *edges, int64_t t)
{
    if (edges->len == 0 || g_array_index(edges, int64_t, edges->len - 1) < t) {
        g_array_append_val(edges, t);
    }
}

/* Edges of a marker that toggles at each false event: one that matched no true press (or
 * release, when releases are scored). */
static GArray *false_edges(const sim_result_t *result, const GArray *matches, gboolean releases)
{
    GArray *edges = g_array_new(FALSE, FALSE, sizeof(int64_t));

    for (guint i = 0; i < result->events->len && i < matches->len; i++) {
        const sim_event_t *e = &g_array_index(result->events, sim_event_t, i);
        if (g_array_index(matches, sim_match_t, i).truth_index < 0 &&
            (e->kind == DEBOUNCE_EVENT_PRESS || releases)) {
            append_later(edges, e->t_ns);
        }
    }
    return edges;
}

/* Edges of a marker that toggles at each missed true press (and release, when scored), where
 * the press (release) began. */
static GArray *missed_edges(const trace_t *trace, const sim_result_t *result, const GArray *matches,
                            gboolean releases)
{
    GArray *edges = g_array_new(FALSE, FALSE, sizeof(int64_t));
    gsize n = trace_n_truth(trace);
    g_autofree gboolean *pressed = g_new0(gboolean, n + 1);
    g_autofree gboolean *released = g_new0(gboolean, n + 1);

    for (guint i = 0; i < result->events->len && i < matches->len; i++) {
        gint k = g_array_index(matches, sim_match_t, i).truth_index;
        if (k >= 0 && (gsize)k < n) {
            if (g_array_index(result->events, sim_event_t, i).kind == DEBOUNCE_EVENT_PRESS) {
                pressed[k] = TRUE;
            } else {
                released[k] = TRUE;
            }
        }
    }
    for (gsize k = 0; k < n; k++) {
        const trace_interval_t *iv = trace_truth_at(trace, k);
        if (!pressed[k]) {
            append_later(edges, iv->press_ns);
        }
        if (releases && !released[k] && iv->release_ns != TRACE_NO_RELEASE) {
            append_later(edges, iv->release_ns);
        }
    }
    return edges;
}

#define SIGNAL_OF(name, initial, arr)                                                              \
    ((trace_vcd_signal_t){(name), (initial), (const int64_t *)(void *)(arr)->data, (arr)->len})

gboolean cli_replay_write_vcd(const char *path, const trace_t *trace, const sim_config_t *cfg,
                              const sim_result_t *result, const GArray *matches,
                              int64_t timescale_ns, GError **error)
{
    g_autoptr(GArray) debounced = toggles(result->output, -1);
    g_autoptr(GArray) presses = toggles(result->events, DEBOUNCE_EVENT_PRESS);
    g_autoptr(GArray) releases = toggles(result->events, DEBOUNCE_EVENT_RELEASE);
    g_autoptr(GArray) reads = activity_edges(result->activity, SIM_ACTIVITY_POLL);
    g_autoptr(GArray) handler = activity_edges(result->activity, SIM_ACTIVITY_HANDLER);
    g_autoptr(GArray) alarm = activity_edges(result->activity, SIM_ACTIVITY_ALARM);
    gboolean score_releases = cfg->count == SIM_COUNT_EVENTS;
    g_autoptr(GArray) falses = false_edges(result, matches, score_releases);
    g_autoptr(GArray) missed = missed_edges(trace, result, matches, score_releases);
    gboolean truth_initial;
    g_autoptr(GArray) truth = trace_truth_edges(trace, &truth_initial);
    g_autofree char *desc = cli_results_describe(cfg);
    g_autofree char *comment = NULL;
    trace_vcd_layout_t layout = {.start_ns = trace->start_ns,
                                 .end_ns = trace->end_ns,
                                 .active = trace->active_low ? TRACE_ACTIVE_LOW : TRACE_ACTIVE_HIGH,
                                 .timescale_ns = timescale_ns};
    gboolean pressed = trace->initial_level == trace_pressed_level(trace);
    const GArray *tails[] = {handler, alarm, presses, releases, falses};
    const struct {
        const char *name;
        GArray *edges;
    } markers[] = {{"press_events", presses},
                   {"release_events", releases},
                   {"false", falses},
                   {"missed", missed}};
    trace_vcd_signal_t signals[11];
    gsize n = 0;

    /* activity and events can run past the trace end (a handler started just before it) */
    for (gsize i = 0; i < G_N_ELEMENTS(tails); i++) {
        if (tails[i]->len) {
            layout.end_ns = MAX(layout.end_ns, g_array_index(tails[i], int64_t, tails[i]->len - 1));
        }
    }
    signals[n++] = SIGNAL_OF("pin", trace->initial_level, trace->edges);
    signals[n++] = SIGNAL_OF("pressed", pressed, trace->edges);
    /* fold_start() changes its array: the level first, then the signal reads the array */
    pressed = fold_start(debounced, trace->start_ns, pressed);
    signals[n++] = SIGNAL_OF("debounced", pressed, debounced);
    signals[n++] = SIGNAL_OF("truth", truth_initial, truth);
    if (cfg->mode == SIM_MODE_POLL) {
        gboolean level = fold_start(reads, trace->start_ns, FALSE);
        signals[n++] = SIGNAL_OF("reads", level, reads);
    } else {
        gboolean level = fold_start(handler, trace->start_ns, FALSE);
        signals[n++] = SIGNAL_OF("handler", level, handler);
        level = fold_start(alarm, trace->start_ns, FALSE);
        signals[n++] = SIGNAL_OF("alarm", level, alarm);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(markers); i++) {
        gboolean level = fold_start(markers[i].edges, trace->start_ns, FALSE);
        signals[n++] = SIGNAL_OF(markers[i].name, level, markers[i].edges);
    }
    comment =
        g_strdup_printf("bouncelab run: %s%s", desc,
                        result->activity_cut ? " (reads/handler runs cut short: too many)" : "");
    layout.comment = comment;
    return trace_write_vcd(path, signals, n, &layout, error);
}
