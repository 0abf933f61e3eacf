/*
 * Code generation: a ready-to-build program for one debounce setting, for
 * the pico-sdk in C (emit_c.c) or for MicroPython (emit_micropython.c). Both
 * take the core's configuration from sim_config_core(), the very values the
 * simulator ran, and carry the command and bouncelab version that made them.
 */
#ifndef EMIT_H
#define EMIT_H

#include <glib.h>
#include <stdio.h>

#include "sim_config.h"

typedef enum { EMIT_C, EMIT_MICROPYTHON } emit_lang_t;

/** The button's pull resistor. */
typedef enum { EMIT_PULL_UP, EMIT_PULL_DOWN, EMIT_PULL_NONE } emit_pull_t;

/** The GPIO of the tutorial's wiring, and of firmware/pico's BUTTON_GPIO. */
#define EMIT_DEFAULT_GPIO 5

typedef struct {
    const sim_config_t *cfg; /**< algorithm, windows, mode, poll interval, irq runtime */
    gboolean active_low;     /**< the pin reads 0 while pressed */
    guint gpio;
    emit_pull_t pull;
    const char *command; /**< the command line that asked for it */
    const char *summary; /**< one line on the setting and its evidence, or NULL */
} emit_request_t;

/** Writes the pico-sdk C program (a main.c) for the request. */
void emit_c(FILE *out, const emit_request_t *r);

/** Writes the MicroPython program (a main.py, needing micropython/debounce.py and button.py). */
void emit_micropython(FILE *out, const emit_request_t *r);

/** Parses "c" or "micropython"; FALSE with an error listing them. */
gboolean emit_lang_from_name(const char *name, emit_lang_t *out, GError **error);

/** Parses "up", "down" or "none"; FALSE with an error listing them. */
gboolean emit_pull_from_name(const char *name, emit_pull_t *out, GError **error);

/**
 * The algorithm's constant in generated code: `prefix` plus its core name in
 * upper case with '-' as '_' ("DEBOUNCE_" + "eager-defer" = DEBOUNCE_EAGER_DEFER,
 * the enum of debounce.h; "" gives debounce.py's EAGER_DEFER). g_free it.
 */
char *emit_algo_constant(debounce_algo_t algo, const char *prefix);

/**
 * The core's two window values as emitted (ticks, or samples for an algorithm
 * that counts samples), and the name of the field pair's suffix ("ticks" or "samples").
 */
const char *emit_windows(const debounce_config_t *core, guint32 *press, guint32 *release);

/** The program's printed name of a pull. */
const char *emit_pull_name(emit_pull_t pull);

#endif
