/* The error domain of the simulator module (src/sim). */
#ifndef SIM_ERROR_H
#define SIM_ERROR_H

#include <glib.h>

#define SIM_ERROR (sim_error_quark())

typedef enum {
    SIM_ERROR_INVALID, /* an option or combination that cannot be simulated */
    SIM_ERROR_FAILED,  /* anything else */
} sim_error_t;

GQuark sim_error_quark(void);

#endif
