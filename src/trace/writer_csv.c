/* Writes bouncelab's native trace CSV and its truth file. */
#include "trace_error.h"
#include "trace_io.h"
#include "util_atomic_file.h"

#include <inttypes.h>
#include <string.h>

char *trace_truth_path(const char *trace_path)
{
    if (g_str_has_suffix(trace_path, ".csv")) {
        g_autofree char *stem = g_strndup(trace_path, strlen(trace_path) - 4);
        return g_strconcat(stem, ".truth.csv", NULL);
    }
    return g_strconcat(trace_path, ".truth.csv", NULL);
}

static void write_truth_rows(const trace_t *trace, FILE *out)
{
    fputs("press_ns,release_ns\n", out);
    for (gsize i = 0; i < trace_n_truth(trace); i++) {
        const trace_interval_t *iv = trace_truth_at(trace, i);
        if (iv->release_ns == TRACE_NO_RELEASE) {
            fprintf(out, "%" PRId64 ",\n", iv->press_ns);
        } else {
            fprintf(out, "%" PRId64 ",%" PRId64 "\n", iv->press_ns, iv->release_ns);
        }
    }
}

gboolean trace_write_csv(const trace_t *trace, const char *path, GError **error)
{
    g_autoptr(util_atomic_file_t) file = util_atomic_file_open(path, error);
    g_autoptr(util_atomic_file_t) truth = NULL;
    FILE *out;

    if (file == NULL) {
        return FALSE;
    }
    out = util_atomic_file_stream(file);
    fprintf(out, "# bouncelab trace v1\n# active: %s\n# end_ns: %" PRId64 "\nt_ns,level\n",
            trace->active_low ? "low" : "high", trace->end_ns);
    fprintf(out, "%" PRId64 ",%d\n", trace->start_ns, trace->initial_level ? 1 : 0);
    for (gsize i = 0; i < trace_n_edges(trace); i++) {
        fprintf(out, "%" PRId64 ",%d\n", trace_edge_ns(trace, i),
                trace_level_after(trace, i) ? 1 : 0);
    }
    /* both are written out before either replaces an old file, so a full
     * disk cannot leave a new trace beside the truth of an old one */
    if (!util_atomic_file_finish(file, error)) {
        return FALSE;
    }
    /* standard output or a device has no folder to put a truth file in
     * ("-.truth.csv", "/dev/null.truth.csv"): the truth is left out */
    if (trace->truth != NULL && util_atomic_file_temp_path(file) != NULL) {
        g_autofree char *truth_path = trace_truth_path(path);
        truth = util_atomic_file_open(truth_path, error);
        if (truth == NULL) {
            return FALSE;
        }
        write_truth_rows(trace, util_atomic_file_stream(truth));
        if (!util_atomic_file_finish(truth, error)) {
            return FALSE;
        }
    }
    if (!util_atomic_file_commit(g_steal_pointer(&file), error)) {
        return FALSE;
    }
    return truth == NULL || util_atomic_file_commit(g_steal_pointer(&truth), error);
}
