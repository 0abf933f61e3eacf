/* The consumer's one button: a lockout of 5000 us each way, wired to GND. */
#ifndef CONSUMER_BUTTON_H
#define CONSUMER_BUTTON_H

#include "debounce/debounce.h"

/** Starts the button at now_us with the pin at `level`. */
void consumer_button_init(debounce_t *button, uint32_t now_us, bool level);

#endif
