/* Compiled with the consumer's toolchain and flags, like the core it links. */
#include "consumer_button.h"

static const debounce_config_t consumer_cfg = {
    .algo = DEBOUNCE_LOCKOUT,
    .press_window_ticks = 5000u,
    .release_window_ticks = 5000u,
    .active_low = true,
};

void consumer_button_init(debounce_t *button, uint32_t now_us, bool level)
{
    debounce_init(button, &consumer_cfg, now_us, level);
}
