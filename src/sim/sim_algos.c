/* Algorithm names as the command line spells them; the list is the core's (src/core). */
#include "sim_algos.h"
#include "sim_error.h"

GQuark sim_error_quark(void)
{
    return g_quark_from_static_string("bouncelab-sim-error");
}

gboolean sim_algo_from_name(const char *name, debounce_algo_t *algo_out, GError **error)
{
    g_autoptr(GString) names = g_string_new(NULL);

    for (int a = 0; a < DEBOUNCE_ALGO_COUNT; a++) {
        if (g_ascii_strcasecmp(name, debounce_algo_name((debounce_algo_t)a)) == 0) {
            *algo_out = (debounce_algo_t)a;
            return TRUE;
        }
        g_string_append_printf(names, "%s%s", a ? ", " : "",
                               debounce_algo_name((debounce_algo_t)a));
    }
    g_set_error(error, SIM_ERROR, SIM_ERROR_INVALID, "unknown algorithm '%s' (expected one of: %s)",
                name, names->str);
    return FALSE;
}
