/*
 * The on-board LED, wherever the board has it: on a GPIO (pico,
 * PICO_DEFAULT_LED_PIN) or on the wireless chip (pico_w, through
 * cyw43_arch; CMake defines BOARD_LED_CYW43 and links pico_cyw43_arch_none).
 * SDK glue, shared by both programs. Call from the main loop only: the
 * wireless chip's LED must not be driven from an interrupt handler.
 */
#ifndef BOARD_LED_H
#define BOARD_LED_H

#include <stdbool.h>

/** Sets the LED up, off. False when the board has none (or its chip did not start). */
bool board_led_init(void);

/** Turns the LED on or off; does nothing when the board has none. */
void board_led_set(bool on);

#endif
