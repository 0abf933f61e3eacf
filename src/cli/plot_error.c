/* The plot helpers' error domain. */
#include "plot_error.h"

GQuark plot_error_quark(void)
{
    return g_quark_from_static_string("bouncelab-plot-error");
}
