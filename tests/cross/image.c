/*
 * A bare-metal image for the footprint check: it runs every algorithm through
 * the public interface, the way firmware would, so the linker keeps exactly
 * what a real program needs. Inputs come from volatile memory so the compiler
 * cannot fold the calls away.
 */
#include "debounce/debounce.h"

#include <stddef.h>

void image_reset(void);

extern uint32_t __stack_top;

/* Cortex-M vector table: initial stack pointer, then the reset handler. */
struct vector_table {
    uint32_t *stack_top;
    void (*reset)(void);
};
__attribute__((section(".vectors"), used)) static const struct vector_table vectors = {
    &__stack_top,
    image_reset,
};

static volatile uint32_t input_now;
static volatile bool input_level;
static volatile uint32_t sink;

/* One button per algorithm of the core's registry, so a new one is measured without an edit here.
 */
static debounce_config_t configs[DEBOUNCE_ALGO_COUNT];

void image_reset(void)
{
    debounce_t buttons[DEBOUNCE_ALGO_COUNT];

    for (size_t i = 0; i < DEBOUNCE_ALGO_COUNT; i++) {
        configs[i].algo = (debounce_algo_t)i;
        configs[i].active_low = true;
        if (debounce_algo_counts_samples(configs[i].algo)) {
            configs[i].press_window_samples = 5u;
            configs[i].release_window_samples = 5u;
        } else {
            configs[i].press_window_ticks = 5000u;
            configs[i].release_window_ticks = 5000u;
        }
        if (debounce_config_check(&configs[i]) != DEBOUNCE_CONFIG_OK) {
            configs[i].algo = DEBOUNCE_NONE;
        }
        debounce_init(&buttons[i], &configs[i], input_now, input_level);
    }
    for (;;) {
        for (size_t i = 0; i < DEBOUNCE_ALGO_COUNT; i++) {
            uint32_t when = 0u;
            sink = (uint32_t)debounce_update(&buttons[i], input_now, input_level);
            if (debounce_deadline(&buttons[i], &when)) {
                sink = when;
            }
            sink = debounce_is_pressed(&buttons[i]) ? 1u : 0u;
            sink = (uint32_t)(uintptr_t)debounce_algo_name(configs[i].algo);
        }
    }
}

/* Never referenced: check_footprint.sh reads their sizes (nm -S) from image.c's
 * object to learn sizeof() on the target. */
const debounce_t footprint_state_probe;
const debounce_config_t footprint_config_probe;
