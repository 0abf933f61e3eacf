/*
 * The [distribution] group of a model file: a fitted bounce-duration
 * distribution per kind (trace_gen_dist_t), as fit writes it. A model
 * without the group (a gen profile) draws from gen's uniform model.
 */
#ifndef CLI_MODEL_DIST_H
#define CLI_MODEL_DIST_H

#include <glib.h>

#include "trace_gen.h"

/** The key file group that holds the distributions. */
#define CLI_MODEL_DIST_GROUP "distribution"

/**
 * Reads the group, when there is one, into p->make.dist and p->brk.dist
 * (left empty otherwise). CLI_ERROR_USAGE naming the key when a value is
 * missing, not a number or the key unknown; trace_gen_validate() checks
 * the values.
 */
gboolean cli_model_dist_load(GKeyFile *kf, trace_gen_params_t *p, GError **error);

/** Appends the group to `s` when either kind has a distribution. */
void cli_model_dist_format(GString *s, const trace_gen_params_t *p);

#endif
