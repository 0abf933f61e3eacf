/*
 * Switch model files: a GLib key file whose [model] group gives every `gen`
 * parameter under its option's name (make-bounce=10ms ...), so a model is a
 * profile you can edit, fit, and hand to `gen --model` and `stress`. `fit`
 * adds a [fit] group saying what the recordings support; it is for people
 * and is not read back.
 */
#ifndef CLI_MODEL_H
#define CLI_MODEL_H

#include <glib.h>

#include "trace_gen.h"

/** The key file group that holds the parameters. */
#define CLI_MODEL_GROUP "model"

/* gen's parameter table (cmd_gen.c), the one list of model keys. */

/** Number of gen parameters. */
gsize cli_gen_n_params(void);
/** Parameter i's name, as its gen option and model key are called ("make-bounce"). */
const char *cli_gen_param_name(gsize i);
/** Parameter i's value as text ("10ms", "0.1", "40"). */
char *cli_gen_param_format(const trace_gen_params_t *p, gsize i);
/** Sets parameter i from text; FALSE with "--NAME: why" (CLI_ERROR_USAGE) if bad. */
gboolean cli_gen_param_apply(trace_gen_params_t *p, gsize i, const char *text, GError **error);

/**
 * Reads a model file into `out`, with its name (NULL: not wanted). Every
 * parameter must be present, nothing else may be, and the set must pass
 * trace_gen_validate(); otherwise FALSE with "FILE: why" (CLI_ERROR_USAGE).
 */
gboolean cli_model_load(const char *path, trace_gen_params_t *out, char **name, GError **error);

/**
 * The text of a model file for `p`, named `name`, with a line saying where
 * it came from; `extra` (may be NULL) is appended as is (fit's [fit] group).
 */
char *cli_model_format(const trace_gen_params_t *p, const char *name, const char *source,
                       const char *extra);

/** TRUE when `path` looks like a model file (a [model] group at its start). */
gboolean cli_model_sniff(const char *path);

#endif
