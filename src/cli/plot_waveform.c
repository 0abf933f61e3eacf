/* Plot 5: one run seen through a window around one press, and its CSV for gnuplot. */
#include "plot_waveform.h"
#include "plot_error.h"
#include "sim.h"
#include "sim_metrics.h"
#include "util_atomic_file.h"
#include "util_duration.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

struct plot_waveform {
    const trace_t *trace;
    sim_config_t cfg;
    sim_result_t *result; /* with the core's output and the activity in the window */
    GArray *matches;      /* sim_match_t per event of result->events */
    sim_metrics_t metrics;
    GArray *press_matched;   /* gboolean per true press */
    GArray *release_matched; /* gboolean per true release */
    int64_t at_ns;
    int64_t from_ns;
    int64_t to_ns;
};

void plot_waveform_free(plot_waveform_t *w)
{
    if (w == NULL) {
        return;
    }
    sim_result_free(w->result);
    g_clear_pointer(&w->matches, g_array_unref);
    g_clear_pointer(&w->press_matched, g_array_unref);
    g_clear_pointer(&w->release_matched, g_array_unref);
    g_free(w);
}

void plot_waveform_window(const plot_waveform_t *w, int64_t *from_ns, int64_t *to_ns)
{
    *from_ns = w->from_ns;
    *to_ns = w->to_ns;
}

/* The first true change (press or release start) at or after t_ns; FALSE when none. */
static gboolean next_change(const trace_t *trace, int64_t t_ns, int64_t *change_ns)
{
    gboolean found = FALSE;

    for (gsize i = 0; i < trace_n_truth(trace); i++) {
        const trace_interval_t *p = trace_truth_at(trace, i);
        int64_t candidates[] = {p->press_ns, p->release_ns};
        for (gsize k = 0; k < G_N_ELEMENTS(candidates); k++) {
            int64_t c = candidates[k];
            if (c != TRACE_NO_RELEASE && c >= t_ns && (!found || c < *change_ns)) {
                *change_ns = c;
                found = TRUE;
            }
        }
    }
    return found;
}

/*
 * The last edge of the bounce that starts at the first edge at or after
 * start_ns: edges follow each other by less than settle_ns and come before
 * stop_ns. start_ns when there is no such edge.
 */
static int64_t bounce_end(const trace_t *trace, int64_t start_ns, int64_t stop_ns,
                          int64_t settle_ns)
{
    gsize i = trace_edges_upto(trace, start_ns - 1);
    int64_t last;

    if (i >= trace_n_edges(trace) || trace_edge_ns(trace, i) >= stop_ns) {
        return start_ns;
    }
    last = trace_edge_ns(trace, i);
    while (i + 1 < trace_n_edges(trace)) {
        int64_t next = trace_edge_ns(trace, i + 1);
        if (next - last >= settle_ns || next >= stop_ns) {
            break;
        }
        last = next;
        i++;
    }
    return last;
}

/* The default window's end (see plot_waveform_new()). */
static int64_t default_end(const trace_t *trace, const sim_config_t *cfg, const GArray *events,
                           int64_t at_ns, int64_t from_ns, int64_t settle_ns)
{
    int64_t window = MAX(cfg->press_window_ns, cfg->release_window_ns);
    int64_t end = at_ns + 2 * window;
    int64_t change = 0, next = INT64_MAX;

    if (next_change(trace, from_ns, &change)) {
        if (!next_change(trace, change + 1, &next)) {
            next = INT64_MAX;
        }
        end = MAX(end, bounce_end(trace, change, next, settle_ns) + window);
        for (guint i = 0; i < events->len; i++) {
            const sim_event_t *e = &g_array_index(events, sim_event_t, i);
            if (e->t_ns >= change && e->t_ns < next) {
                end = MAX(end, e->t_ns);
                break;
            }
        }
    } else {
        end = MAX(end, bounce_end(trace, from_ns, INT64_MAX, settle_ns) + window);
    }
    return end + (end - from_ns) * PLOT_WAVEFORM_MARGIN_PERCENT / 100;
}

static void mark_matches(plot_waveform_t *w)
{
    gsize n = trace_n_truth(w->trace);
    const GArray *events = w->result->events;

    w->press_matched = g_array_sized_new(FALSE, TRUE, sizeof(gboolean), (guint)n);
    w->release_matched = g_array_sized_new(FALSE, TRUE, sizeof(gboolean), (guint)n);
    g_array_set_size(w->press_matched, (guint)n);
    g_array_set_size(w->release_matched, (guint)n);
    for (guint i = 0; i < events->len; i++) {
        const sim_event_t *e = &g_array_index(events, sim_event_t, i);
        gint index = g_array_index(w->matches, sim_match_t, i).truth_index;
        if (index >= 0 && (gsize)index < n) {
            GArray *side = e->kind == DEBOUNCE_EVENT_PRESS ? w->press_matched : w->release_matched;
            g_array_index(side, gboolean, index) = TRUE;
        }
    }
}

plot_waveform_t *plot_waveform_new(const trace_t *trace, const sim_config_t *cfg, int64_t at_ns,
                                   int64_t span_ns, int64_t settle_ns, GError **error)
{
    g_autoptr(plot_waveform_t) w = g_new0(plot_waveform_t, 1);
    sim_record_t record = {.output = TRUE, .activity = TRUE};

    if (at_ns < trace->start_ns || at_ns > trace->end_ns) {
        g_autofree char *at = util_format_duration(at_ns);
        g_autofree char *start = util_format_duration(trace->start_ns);
        g_autofree char *end = util_format_duration(trace->end_ns);
        g_set_error(error, PLOT_ERROR, PLOT_ERROR_INVALID,
                    "--at %s is outside the trace %s, which runs from %s to %s", at, trace->name,
                    start, end);
        return NULL;
    }
    w->trace = trace;
    w->cfg = *cfg;
    w->at_ns = at_ns;
    if (span_ns > 0) {
        int64_t lead = MIN(PLOT_WAVEFORM_LEAD_NS, span_ns / 10);
        w->from_ns = MAX(trace->start_ns, at_ns - lead);
        w->to_ns = at_ns - lead + span_ns;
    } else {
        /* the events decide where the window ends: a first run finds them */
        g_autoptr(sim_result_t) events_only = sim_run(trace, cfg, NULL, error);
        if (events_only == NULL) {
            return NULL;
        }
        w->from_ns = MAX(trace->start_ns, at_ns - PLOT_WAVEFORM_LEAD_NS);
        w->to_ns = default_end(trace, cfg, events_only->events, at_ns, w->from_ns, settle_ns);
    }
    record.from_ns = w->from_ns;
    record.to_ns = w->to_ns;
    w->result = sim_run(trace, cfg, &record, error);
    if (w->result == NULL) {
        return NULL;
    }
    w->matches = g_array_new(FALSE, FALSE, sizeof(sim_match_t));
    sim_metrics_compute(trace, cfg, w->result, &w->metrics, w->matches);
    mark_matches(w);
    return g_steal_pointer(&w);
}

static gboolean in_view(const plot_waveform_t *w, int64_t t_ns)
{
    return t_ns >= w->from_ns && t_ns <= w->to_ns;
}

static const char *plural(guint n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

char *plot_waveform_summary(const plot_waveform_t *w)
{
    guint presses = 0, events = 0, false_events = 0, missed = 0;
    guint all_false = sim_metrics_false(&w->metrics);
    guint all_missed = sim_metrics_missed(&w->metrics);

    for (gsize i = 0; i < trace_n_truth(w->trace); i++) {
        const trace_interval_t *p = trace_truth_at(w->trace, i);
        if (in_view(w, p->press_ns)) {
            presses++;
            missed += !g_array_index(w->press_matched, gboolean, i);
        }
        if (w->metrics.releases_scored && p->release_ns != TRACE_NO_RELEASE &&
            in_view(w, p->release_ns)) {
            missed += !g_array_index(w->release_matched, gboolean, i);
        }
    }
    for (guint i = 0; i < w->result->events->len; i++) {
        if (in_view(w, g_array_index(w->result->events, sim_event_t, i).t_ns)) {
            events++;
            false_events += g_array_index(w->matches, sim_match_t, i).truth_index < 0;
        }
    }
    return g_strdup_printf(
        "in view: %u true %s, %u %s reported, %u false, %u missed; whole "
        "trace: %u true %s, %u false, %u missed%s",
        presses, plural(presses, "press", "presses"), events, plural(events, "event", "events"),
        false_events, missed, w->metrics.presses_true,
        plural(w->metrics.presses_true, "press", "presses"), all_false, all_missed,
        w->result->activity_cut ? " (too many reads to draw them all)" : "");
}

static void row(FILE *out, const char *series, int64_t t_ns)
{
    fprintf(out, "%s,%" G_GINT64_FORMAT, series, t_ns);
}

static void write_truth(const plot_waveform_t *w, FILE *out)
{
    for (gsize i = 0; i < trace_n_truth(w->trace); i++) {
        const trace_interval_t *p = trace_truth_at(w->trace, i);
        if (in_view(w, p->press_ns)) {
            row(out, "true_press", p->press_ns);
            fprintf(out, ",,,%" G_GSIZE_FORMAT ",,%d\n", i,
                    !g_array_index(w->press_matched, gboolean, i));
        }
        if (p->release_ns != TRACE_NO_RELEASE && in_view(w, p->release_ns)) {
            row(out, "true_release", p->release_ns);
            if (w->metrics.releases_scored) {
                fprintf(out, ",,,%" G_GSIZE_FORMAT ",,%d\n", i,
                        !g_array_index(w->release_matched, gboolean, i));
            } else {
                fprintf(out, ",,,%" G_GSIZE_FORMAT ",,\n", i);
            }
        }
    }
}

static void write_raw(const plot_waveform_t *w, FILE *out)
{
    const trace_t *trace = w->trace;
    gboolean pressed_level = trace_pressed_level(trace);
    int64_t last = MAX(w->from_ns, MIN(w->to_ns, trace->end_ns));
    int64_t written = w->from_ns;

    row(out, "raw", w->from_ns);
    fprintf(out, ",,%d,,,\n", trace_level_at(trace, w->from_ns) == pressed_level);
    for (gsize i = trace_edges_upto(trace, w->from_ns); i < trace_n_edges(trace); i++) {
        written = trace_edge_ns(trace, i);
        if (written > last) {
            break;
        }
        row(out, "raw", written);
        fprintf(out, ",,%d,,,\n", trace_level_after(trace, i) == pressed_level);
    }
    if (written != last) { /* the level holds to the end of the window */
        row(out, "raw", last);
        fprintf(out, ",,%d,,,\n", trace_level_at(trace, last) == pressed_level);
    }
}

static void write_debounced(const plot_waveform_t *w, FILE *out)
{
    const GArray *output = w->result->output;
    /* the core starts from the level the pin has when the trace starts */
    gboolean pressed = w->trace->initial_level == trace_pressed_level(w->trace);
    guint i = 0;

    for (; i < output->len && g_array_index(output, sim_event_t, i).t_ns <= w->from_ns; i++) {
        pressed = g_array_index(output, sim_event_t, i).kind == DEBOUNCE_EVENT_PRESS;
    }
    row(out, "debounced", w->from_ns);
    fprintf(out, ",,%d,,,\n", pressed);
    for (; i < output->len && g_array_index(output, sim_event_t, i).t_ns <= w->to_ns; i++) {
        const sim_event_t *e = &g_array_index(output, sim_event_t, i);
        pressed = e->kind == DEBOUNCE_EVENT_PRESS;
        row(out, "debounced", e->t_ns);
        fprintf(out, ",,%d,,,\n", pressed);
    }
    if (i == 0 || g_array_index(output, sim_event_t, i - 1).t_ns != w->to_ns) {
        row(out, "debounced", w->to_ns); /* the output holds to the end of the window */
        fprintf(out, ",,%d,,,\n", pressed);
    }
}

static void write_activity(const plot_waveform_t *w, FILE *out)
{
    static const char *const names[] = {
        [SIM_ACTIVITY_POLL] = "read",
        [SIM_ACTIVITY_HANDLER] = "handler",
        [SIM_ACTIVITY_ALARM] = "alarm",
    };
    const GArray *activity = w->result->activity;

    for (guint i = 0; i < activity->len; i++) {
        const sim_activity_t *a = &g_array_index(activity, sim_activity_t, i);
        row(out, names[a->kind], a->start_ns);
        fprintf(out, ",%" G_GINT64_FORMAT ",,,,\n", a->end_ns);
    }
}

static void write_events(const plot_waveform_t *w, FILE *out)
{
    const GArray *events = w->result->events;

    for (guint i = 0; i < events->len; i++) {
        const sim_event_t *e = &g_array_index(events, sim_event_t, i);
        const sim_match_t *m = &g_array_index(w->matches, sim_match_t, i);
        char latency[G_ASCII_DTOSTR_BUF_SIZE] = "";

        if (!in_view(w, e->t_ns)) {
            continue;
        }
        if (m->truth_index >= 0 && !isnan(m->latency_us)) {
            /* ns resolution, without trailing zeros, as `run --events` writes it */
            gsize len;
            g_ascii_formatd(latency, sizeof latency, "%.3f", m->latency_us);
            len = strlen(latency);
            while (latency[len - 1] == '0') {
                latency[--len] = '\0';
            }
            if (latency[len - 1] == '.') {
                latency[--len] = '\0';
            }
        }
        row(out, e->kind == DEBOUNCE_EVENT_PRESS ? "press" : "release", e->t_ns);
        fprintf(out, ",,,%d,%s,\n", m->truth_index, latency);
    }
}

gboolean plot_waveform_write_data(const plot_waveform_t *w, const char *path, GError **error)
{
    g_autoptr(util_atomic_file_t) file = util_atomic_file_open(path, error);
    FILE *out;

    if (file == NULL) {
        return FALSE;
    }
    out = util_atomic_file_stream(file);
    fputs("series,t_ns,end_ns,level,truth_index,latency_us,missed\n", out);
    row(out, "view", w->from_ns);
    fprintf(out, ",%" G_GINT64_FORMAT ",,,,\n", w->to_ns);
    row(out, "at", w->at_ns);
    fputs(",,,,,\n", out);
    write_truth(w, out);
    write_raw(w, out);
    write_debounced(w, out);
    write_activity(w, out);
    write_events(w, out);
    return util_atomic_file_commit(g_steal_pointer(&file), error);
}

gboolean plot_waveform_draw(const plot_waveform_t *w, const plot_gnuplot_t *gnuplot,
                            const char *script, const char *data, const char *path,
                            const char *title, const char *config, char **warnings_out,
                            GError **error)
{
    g_autofree char *summary = plot_waveform_summary(w);
    const char *vars[] = {"data", data, "title", title, "config", config, "summary", summary, NULL};

    return plot_gnuplot_render(gnuplot, script, vars, path, warnings_out, error);
}
