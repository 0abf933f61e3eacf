/* Algorithm names, in their own file so firmware that never prints one links no strings. */
#include "debounce/debounce.h"

const char *debounce_algo_name(debounce_algo_t algo)
{
    switch (algo) {
    case DEBOUNCE_NONE:
        return "none";
    case DEBOUNCE_LOCKOUT:
        return "lockout";
    case DEBOUNCE_DEFER:
        return "defer";
    case DEBOUNCE_EAGER_DEFER:
        return "eager-defer";
    case DEBOUNCE_INTEGRATOR:
        return "integrator";
    default:
        return "?";
    }
}
