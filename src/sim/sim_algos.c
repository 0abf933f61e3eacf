/* The algorithm table the CLI shows and parses; the policies themselves live in src/core. */
#include "sim_algos.h"
#include "sim_error.h"

GQuark sim_error_quark(void)
{
    return g_quark_from_static_string("bouncelab-sim-error");
}

static const sim_algo_info_t algos[] = {
    {DEBOUNCE_NONE, "none", "output follows the pin at every update (raw edge detection)",
     "windows ignored", FALSE, FALSE},
    {DEBOUNCE_LOCKOUT, "lockout",
     "eager: report a change at once, then ignore the pin for the window; at the window end "
     "report the pin if it differs",
     "--window: lock after a press; --release-window: lock after a release", TRUE, FALSE},
    {DEBOUNCE_DEFER, "defer",
     "report a change once the pin has held the new level for the window; any change back "
     "restarts the wait",
     "--window: wait before a press; --release-window: wait before a release", TRUE, FALSE},
    {DEBOUNCE_EAGER_DEFER, "eager-defer",
     "report a press at once and lock for the press window; report a release after the pin "
     "has stayed released for the release window (counted from the lock end at the earliest)",
     "--window: lock after a press; --release-window: wait before a release", TRUE, FALSE},
    {DEBOUNCE_INTEGRATOR, "integrator",
     "Kuhn's saturating integrator: +1 per pressed sample, -1 per released, clamped; flips "
     "at N and at 0",
     "N = ceil(window / poll interval) samples, for press and release separately; polling only",
     TRUE, TRUE},
};

G_STATIC_ASSERT(G_N_ELEMENTS(algos) == DEBOUNCE_ALGO_COUNT);

const sim_algo_info_t *sim_algos(gsize *n_out)
{
    *n_out = G_N_ELEMENTS(algos);
    return algos;
}

const sim_algo_info_t *sim_algo_info(debounce_algo_t algo)
{
    g_return_val_if_fail((unsigned)algo < G_N_ELEMENTS(algos), NULL);
    return &algos[algo];
}

gboolean sim_algo_from_name(const char *name, debounce_algo_t *algo_out, GError **error)
{
    g_autoptr(GString) names = g_string_new(NULL);

    for (gsize i = 0; i < G_N_ELEMENTS(algos); i++) {
        if (g_ascii_strcasecmp(name, algos[i].name) == 0) {
            *algo_out = algos[i].algo;
            return TRUE;
        }
        g_string_append_printf(names, "%s%s", i ? ", " : "", algos[i].name);
    }
    g_set_error(error, SIM_ERROR, SIM_ERROR_INVALID, "unknown algorithm '%s' (expected one of: %s)",
                name, names->str);
    return FALSE;
}
