/* Fitted bounce-duration distributions in model files (cli_model_dist.h). */
#include "cli_model_dist.h"
#include "cli.h"

#include <string.h>

/* Key suffixes after "make-" or "break-". */
static const char *const suffixes[] = {"quantiles-ns", "tail-above", "tail-xi", "tail-sigma-ns",
                                       "tail-cap-ns"};

static gboolean number(const char *key, const char *text, double *out, GError **error)
{
    char *end = NULL;

    *out = g_ascii_strtod(text, &end);
    if (end == text || *end != '\0') {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "[%s] %s is not a number: '%s'",
                    CLI_MODEL_DIST_GROUP, key, text);
        return FALSE;
    }
    return TRUE;
}

static char *get(GKeyFile *kf, const char *kind, const char *suffix, GError **error)
{
    g_autofree char *key = g_strdup_printf("%s-%s", kind, suffix);
    char *value = g_key_file_get_string(kf, CLI_MODEL_DIST_GROUP, key, NULL);

    if (value == NULL) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                    "[%s] has no %s (a distribution needs all of %s-quantiles-ns, -tail-above, "
                    "-tail-xi, -tail-sigma-ns and -tail-cap-ns)",
                    CLI_MODEL_DIST_GROUP, key, kind);
        return NULL;
    }
    return g_strstrip(value);
}

static gboolean load_kind(GKeyFile *kf, const char *kind, trace_gen_dist_t *d, GError **error)
{
    g_autofree char *quantiles = get(kf, kind, suffixes[0], error);
    g_autofree char *above = quantiles ? get(kf, kind, suffixes[1], error) : NULL;
    g_autofree char *xi = above ? get(kf, kind, suffixes[2], error) : NULL;
    g_autofree char *sigma = xi ? get(kf, kind, suffixes[3], error) : NULL;
    g_autofree char *cap = sigma ? get(kf, kind, suffixes[4], error) : NULL;
    g_autofree char *qkey = g_strdup_printf("%s-%s", kind, suffixes[0]);
    g_auto(GStrv) values = NULL;
    double cap_ns = 0.0;

    if (cap == NULL) {
        return FALSE;
    }
    values = g_strsplit(quantiles, ";", -1);
    d->n = 0;
    for (char **v = values; *v; v++) {
        double x;
        g_strstrip(*v);
        if (**v == '\0' && v[1] == NULL) {
            break; /* a trailing ';' */
        }
        if (d->n == TRACE_GEN_QUANTILES_MAX) {
            g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "[%s] %s has more than %d values",
                        CLI_MODEL_DIST_GROUP, qkey, TRACE_GEN_QUANTILES_MAX);
            return FALSE;
        }
        if (!number(qkey, *v, &x, error)) {
            return FALSE;
        }
        d->quantile_ns[d->n++] = x >= 0x1p62 ? INT64_MAX : x <= -0x1p62 ? INT64_MIN : (int64_t)x;
    }
    if (d->n < 2) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "[%s] %s needs at least 2 values",
                    CLI_MODEL_DIST_GROUP, qkey);
        return FALSE;
    }
    g_autofree char *kabove = g_strdup_printf("%s-%s", kind, suffixes[1]);
    g_autofree char *kxi = g_strdup_printf("%s-%s", kind, suffixes[2]);
    g_autofree char *ksigma = g_strdup_printf("%s-%s", kind, suffixes[3]);
    g_autofree char *kcap = g_strdup_printf("%s-%s", kind, suffixes[4]);
    if (!number(kabove, above, &d->tail_above, error) || !number(kxi, xi, &d->xi, error) ||
        !number(ksigma, sigma, &d->sigma_ns, error) || !number(kcap, cap, &cap_ns, error)) {
        return FALSE;
    }
    d->cap_ns = cap_ns >= 0x1p62 ? INT64_MAX : cap_ns <= -0x1p62 ? INT64_MIN : (int64_t)cap_ns;
    return TRUE;
}

gboolean cli_model_dist_load(GKeyFile *kf, trace_gen_params_t *p, GError **error)
{
    g_auto(GStrv) keys = NULL;
    gboolean make = FALSE, brk = FALSE;

    p->make.dist.n = 0;
    p->brk.dist.n = 0;
    if (!g_key_file_has_group(kf, CLI_MODEL_DIST_GROUP)) {
        return TRUE;
    }
    keys = g_key_file_get_keys(kf, CLI_MODEL_DIST_GROUP, NULL, NULL);
    for (char **k = keys; k != NULL && *k; k++) {
        gboolean known = FALSE;
        for (gsize i = 0; i < G_N_ELEMENTS(suffixes) && !known; i++) {
            g_autofree char *m = g_strdup_printf("make-%s", suffixes[i]);
            g_autofree char *b = g_strdup_printf("break-%s", suffixes[i]);
            make |= strcmp(*k, m) == 0;
            brk |= strcmp(*k, b) == 0;
            known = strcmp(*k, m) == 0 || strcmp(*k, b) == 0;
        }
        if (!known) {
            g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "[%s] has an unknown key '%s'",
                        CLI_MODEL_DIST_GROUP, *k);
            return FALSE;
        }
    }
    return (!make || load_kind(kf, "make", &p->make.dist, error)) &&
           (!brk || load_kind(kf, "break", &p->brk.dist, error));
}

static void format_kind(GString *s, const char *kind, const trace_gen_dist_t *d)
{
    char above[G_ASCII_DTOSTR_BUF_SIZE], xi[G_ASCII_DTOSTR_BUF_SIZE];
    char sigma[G_ASCII_DTOSTR_BUF_SIZE];

    if (d->n == 0) {
        return;
    }
    g_string_append_printf(s, "%s-quantiles-ns=", kind);
    for (guint i = 0; i < d->n; i++) {
        g_string_append_printf(s, "%" G_GINT64_FORMAT ";", d->quantile_ns[i]);
    }
    g_string_append_printf(s, "\n%s-tail-above=%s\n%s-tail-xi=%s\n%s-tail-sigma-ns=%s\n", kind,
                           g_ascii_formatd(above, sizeof above, "%g", d->tail_above), kind,
                           g_ascii_formatd(xi, sizeof xi, "%.6g", d->xi), kind,
                           g_ascii_formatd(sigma, sizeof sigma, "%.1f", d->sigma_ns));
    g_string_append_printf(s, "%s-tail-cap-ns=%" G_GINT64_FORMAT "\n", kind, d->cap_ns);
}

void cli_model_dist_format(GString *s, const trace_gen_params_t *p)
{
    if (p->make.dist.n == 0 && p->brk.dist.n == 0) {
        return;
    }
    g_string_append_printf(
        s,
        "\n# Bounce durations as recorded: quantiles at probabilities i/(n-1) (ns) up to\n"
        "# tail-above, then a generalized Pareto tail (shape xi, scale sigma) fitted by\n"
        "# probability-weighted moments; draws stop at tail-cap. Replaces the uniform\n"
        "# bounce and bounce-max above for durations; rebounds still follow pulses.\n"
        "[%s]\n",
        CLI_MODEL_DIST_GROUP);
    format_kind(s, "make", &p->make.dist);
    format_kind(s, "break", &p->brk.dist);
}
