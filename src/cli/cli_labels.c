/* Distinct trace labels for a sweep (see cli_labels.h). */
#include "cli_labels.h"

#include <string.h>

/* The directories of PATH, outermost first, without empty and "." parts. */
static GPtrArray *dirs_of(const char *path)
{
    g_autofree char *dir = g_path_get_dirname(path);
    g_auto(GStrv) parts = g_strsplit(dir, G_DIR_SEPARATOR_S, -1);
    GPtrArray *dirs = g_ptr_array_new_with_free_func(g_free);

    for (char **p = parts; *p != NULL; p++) {
        if (**p != '\0' && strcmp(*p, ".") != 0) {
            g_ptr_array_add(dirs, g_strdup(*p));
        }
    }
    return dirs;
}

/* NAME behind the last K directories of DIRS (all of them when there are fewer). */
static char *with_dirs(const GPtrArray *dirs, guint k, const char *name)
{
    GString *label = g_string_new(NULL);
    guint from = k < dirs->len ? dirs->len - k : 0;

    for (guint i = from; i < dirs->len; i++) {
        g_string_append_printf(label, "%s/", (const char *)g_ptr_array_index(dirs, i));
    }
    g_string_append(label, name);
    return g_string_free(label, FALSE);
}

GPtrArray *cli_trace_labels(const char *const *paths, const char *const *names, guint n)
{
    GPtrArray *labels = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    guint depth = 0;

    for (guint i = 0; i < n; i++) {
        GPtrArray *d = dirs_of(paths[i]);
        depth = MAX(depth, d->len);
        g_ptr_array_add(dirs, d);
    }
    for (guint i = 0; i < n; i++) {
        char *label = NULL;
        /* k = 0 is the name alone; each step adds one directory */
        for (guint k = 0; label == NULL && k <= depth; k++) {
            g_autofree char *mine = with_dirs(g_ptr_array_index(dirs, i), k, names[i]);
            gboolean unique = TRUE;
            for (guint j = 0; unique && j < n; j++) {
                g_autofree char *theirs =
                    j == i ? NULL : with_dirs(g_ptr_array_index(dirs, j), k, names[j]);
                unique = j == i || strcmp(mine, theirs) != 0;
            }
            if (unique) {
                label = g_steal_pointer(&mine);
            }
        }
        if (label == NULL) {
            /* the same file twice: number the later ones */
            g_autofree char *full = with_dirs(g_ptr_array_index(dirs, i), depth, names[i]);
            guint copy = 1;
            for (guint j = 0; j < i; j++) {
                g_autofree char *theirs = with_dirs(g_ptr_array_index(dirs, j), depth, names[j]);
                copy += strcmp(full, theirs) == 0;
            }
            label = copy == 1 ? g_steal_pointer(&full) : g_strdup_printf("%s#%u", full, copy);
        }
        g_ptr_array_add(labels, label);
    }
    return labels;
}
