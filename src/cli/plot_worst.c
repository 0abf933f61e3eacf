/* Finding the worst simulated press of a model (plot_worst.h). */
#include "plot_worst.h"
#include "cli.h"
#include "cli_model.h"
#include "sim.h"
#include "sim_metrics.h"
#include "trace_gen.h"
#include "trace_io.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

/* Each press's make bounce: from its first edge to the last edge before its
 * release (the generator puts nothing in a hold but glitches), in one pass. */
static int64_t *make_bounces_ns(const trace_t *t)
{
    gsize n = trace_n_truth(t), e = 0, edges = trace_n_edges(t);
    int64_t *d = g_new0(int64_t, n);

    for (gsize i = 0; i < n; i++) {
        const trace_interval_t *iv = trace_truth_at(t, i);
        int64_t last = iv->press_ns;
        while (e < edges && trace_edge_ns(t, e) < iv->press_ns) {
            e++;
        }
        while (e < edges && trace_edge_ns(t, e) < iv->release_ns) {
            last = trace_edge_ns(t, e++);
        }
        d[i] = last - iv->press_ns;
    }
    return d;
}

char *plot_worst_press(const char *model, const sim_config_t *cfg, guint64 seed, char **dir_out,
                       int64_t *at_ns, gboolean *failed, GError **error)
{
    const trace_gen_profile_t *profile = NULL;
    trace_gen_params_t params;
    g_autofree char *name = NULL;
    g_autoptr(trace_t) trace = NULL;
    g_autoptr(sim_result_t) result = NULL;
    g_autoptr(GArray) matches = g_array_new(FALSE, FALSE, sizeof(sim_match_t));
    g_autofree gboolean *bad = NULL;
    g_autofree int64_t *bounce = NULL;
    g_autofree char *dir = NULL;
    char *path;
    gsize worst = 0, n;
    int64_t worst_ns = -1;

    if (!g_file_test(model, G_FILE_TEST_EXISTS) &&
        (profile = trace_gen_profile_find(model)) != NULL) {
        params = profile->params;
        name = g_strdup(profile->name);
    } else if (!cli_model_sniff(model)) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                    "--worst: '%s' is neither a gen profile nor a model file (write one with "
                    "'bouncelab fit' or 'bouncelab gen --print-model')",
                    model);
        return NULL;
    } else if (!cli_model_load(model, &params, &name, error)) {
        return NULL;
    }
    trace = trace_gen(&params, seed, PLOT_WORST_PRESSES, TRUE, name, error);
    if (trace == NULL || (result = sim_run(trace, cfg, NULL, error)) == NULL) {
        cli_error_as_usage(*error); /* the model or configuration is refused */
        return NULL;
    }
    sim_metrics_match(trace, result, matches);
    n = trace_n_truth(trace);
    bad = g_new0(gboolean, n);
    for (guint e = 0; e < result->events->len; e++) {
        const sim_event_t *ev = &g_array_index(result->events, sim_event_t, e);
        const sim_match_t *m = &g_array_index(matches, sim_match_t, e);
        gsize cycle = 0;
        if (m->truth_index >= 0 ||
            (ev->kind == DEBOUNCE_EVENT_RELEASE && !sim_metrics_scores_releases(cfg))) {
            continue;
        }
        while (cycle + 1 < n && trace_truth_at(trace, cycle + 1)->press_ns <= ev->t_ns) {
            cycle++;
        }
        bad[cycle] = TRUE;
    }
    *failed = FALSE;
    bounce = make_bounces_ns(trace);
    for (gsize i = 0; i < n; i++) {
        gboolean b = bad[i];
        int64_t d = bounce[i];
        if ((b && !*failed) || (b == *failed && d > worst_ns)) {
            worst = i;
            worst_ns = d;
            *failed = b;
        }
    }
    *at_ns = trace_truth_at(trace, worst)->press_ns;
    dir = g_dir_make_tmp("bouncelab-worst-XXXXXX", error);
    if (dir == NULL) {
        return NULL;
    }
    path = g_strdup_printf("%s/%s.csv", dir, name);
    if (!trace_write_csv(trace, path, error)) {
        plot_worst_cleanup(dir, path);
        g_free(path);
        return NULL;
    }
    *dir_out = g_steal_pointer(&dir);
    return path;
}

void plot_worst_cleanup(const char *dir, const char *trace_path)
{
    g_autofree char *base = g_strndup(trace_path, strlen(trace_path) - 4);
    g_autofree char *truth = g_strconcat(base, ".truth.csv", NULL);

    g_unlink(trace_path);
    g_unlink(truth);
    g_rmdir(dir);
}
