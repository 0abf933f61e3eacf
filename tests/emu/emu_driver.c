/* The replay loop shared by the host reference and the Cortex-M0+ image. */
#include "emu_driver.h"

void emu_run(const emu_input_t *in, uint32_t n, emu_output_t *out, debounce_t *d,
             debounce_config_t *cfg, uint32_t *when)
{
    for (uint32_t i = 0; i < n; i++) {
        const emu_input_t *r = &in[i];
        uint32_t event = 0u, status;

        if (r->op == EMU_OP_INIT) {
            /* the integrator's sample counts share these union members' bytes */
            const debounce_config_t c = {.algo = (debounce_algo_t)r->algo,
                                         .press_window_ticks = r->press,
                                         .release_window_ticks = r->release,
                                         .active_low = r->active_low != 0u};
            *cfg = c;
            debounce_init(d, cfg, r->now, r->level != 0u);
        } else {
            event = (uint32_t)debounce_update(d, r->now, r->level != 0u);
        }
        *when = EMU_WHEN_UNSET;
        status = event | (debounce_deadline(d, when) ? 1u << 8 : 0u);
        status |= (debounce_is_pressed(d) ? 1u << 16 : 0u) | (uint32_t)d->flags << 24;
        out[i].status = status;
        out[i].when = *when;
        out[i].since = d->u.since;
    }
}
