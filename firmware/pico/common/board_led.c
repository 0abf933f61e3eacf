/* The on-board LED on a GPIO or on the wireless chip (see board_led.h). */
#include "board_led.h"

#include "pico/stdlib.h"

#if BOARD_LED_CYW43
#include "pico/cyw43_arch.h"

/* set once the wireless chip is up: driving its LED before that would hang */
static bool cyw43_ready;
#endif

bool board_led_init(void)
{
#if BOARD_LED_CYW43
    cyw43_ready = cyw43_arch_init() == 0;
    return cyw43_ready;
#elif defined(PICO_DEFAULT_LED_PIN)
    gpio_init(PICO_DEFAULT_LED_PIN);
    gpio_set_dir(PICO_DEFAULT_LED_PIN, GPIO_OUT);
    gpio_put(PICO_DEFAULT_LED_PIN, false);
    return true;
#else
    return false;
#endif
}

void board_led_set(bool on)
{
#if BOARD_LED_CYW43
    if (cyw43_ready) {
        cyw43_arch_gpio_put(CYW43_WL_GPIO_LED_PIN, on);
    }
#elif defined(PICO_DEFAULT_LED_PIN)
    gpio_put(PICO_DEFAULT_LED_PIN, on);
#else
    (void)on;
#endif
}
