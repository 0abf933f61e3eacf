/* Drawing a stress CSV's rates, one picture per input. */
#include "plot_stress.h"
#include "plot_error.h"
#include "plot_sweep.h"
#include "stress_csv.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

gboolean plot_stress_draw(const char *results, const char *out_dir, const char *scripts_dir,
                          const char *only, double target_per_million,
                          const plot_gnuplot_t *gnuplot, GPtrArray *written, GError **error)
{
    g_autoptr(GArray) rows = stress_csv_read(results, error);
    g_autoptr(GPtrArray) traces = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GPtrArray) stems = NULL;
    g_autofree char *script = g_build_filename(scripts_dir, PLOT_STRESS_SCRIPT ".gp", NULL);
    char target[G_ASCII_DTOSTR_BUF_SIZE];
    gboolean drawn = FALSE;

    if (rows == NULL) {
        return FALSE;
    }
    for (guint i = 0; i < rows->len; i++) {
        const char *t = g_array_index(rows, stress_row_t, i).trace;
        if (traces->len == 0 || strcmp(g_ptr_array_index(traces, traces->len - 1), t) != 0) {
            g_ptr_array_add(traces, g_strdup(t));
        }
    }
    stems = plot_sweep_stems(traces);
    if (g_mkdir_with_parents(out_dir, PLOT_DIR_MODE) != 0) {
        int err = errno;
        g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(err), "%s: %s", out_dir,
                    g_strerror(err));
        return FALSE;
    }
    g_ascii_formatd(target, sizeof target, "%g", target_per_million);
    for (guint i = 0; i < traces->len; i++) {
        const char *trace = g_ptr_array_index(traces, i), *stem = g_ptr_array_index(stems, i);
        const char *vars[] = {"data", results, "trace", trace, "target", target, NULL};
        g_autofree char *file =
            g_strdup_printf("%s-" PLOT_STRESS_SCRIPT ".%s", stem, gnuplot->extension);
        g_autofree char *path = g_build_filename(out_dir, file, NULL);

        if (only != NULL && strcmp(only, trace) != 0 && strcmp(only, stem) != 0) {
            continue;
        }
        if (!plot_gnuplot_render(gnuplot, script, vars, path, NULL, error)) {
            return FALSE;
        }
        g_ptr_array_add(written, g_steal_pointer(&path));
        drawn = TRUE;
    }
    if (!drawn) {
        g_set_error(error, PLOT_ERROR, PLOT_ERROR_INVALID, "%s has no input '%s'", results,
                    only != NULL ? only : "");
        return FALSE;
    }
    return TRUE;
}
