/* Writing a generated program, and the names of its options. */
#include "emit.h"
#include "sim_error.h"

#include <string.h>

static const char *const lang_names[] = {"c", "micropython"};
static const char *const pull_names[] = {"up", "down", "none"};

static gboolean from_names(const char *what, const char *const *names, gsize n, const char *name,
                           int *out, GError **error)
{
    g_autoptr(GString) all = g_string_new(NULL);

    for (gsize i = 0; i < n; i++) {
        if (strcmp(name, names[i]) == 0) {
            *out = (int)i;
            return TRUE;
        }
        g_string_append_printf(all, "%s%s", i ? ", " : "", names[i]);
    }
    g_set_error(error, SIM_ERROR, SIM_ERROR_INVALID, "unknown %s '%s' (expected one of: %s)", what,
                name, all->str);
    return FALSE;
}

gboolean emit_lang_from_name(const char *name, emit_lang_t *out, GError **error)
{
    int v = 0;
    if (!from_names("language", lang_names, G_N_ELEMENTS(lang_names), name, &v, error)) {
        return FALSE;
    }
    *out = (emit_lang_t)v;
    return TRUE;
}

gboolean emit_pull_from_name(const char *name, emit_pull_t *out, GError **error)
{
    int v = 0;
    if (!from_names("pull", pull_names, G_N_ELEMENTS(pull_names), name, &v, error)) {
        return FALSE;
    }
    *out = (emit_pull_t)v;
    return TRUE;
}

const char *emit_pull_name(emit_pull_t pull)
{
    return (gsize)pull < G_N_ELEMENTS(pull_names) ? pull_names[pull] : "?";
}

char *emit_algo_constant(debounce_algo_t algo, const char *prefix)
{
    char *name = g_strconcat(prefix, debounce_algo_name(algo), NULL);

    for (char *c = name; *c != '\0'; c++) {
        *c = *c == '-' ? '_' : g_ascii_toupper(*c);
    }
    return name;
}

const char *emit_windows(const debounce_config_t *core, guint32 *press, guint32 *release)
{
    if (debounce_algo_counts_samples(core->algo)) {
        *press = core->press_window_samples;
        *release = core->release_window_samples;
        return "samples";
    }
    *press = core->press_window_ticks;
    *release = core->release_window_ticks;
    return "ticks";
}
