/* Duration parsing and formatting for options and reports. */
#include "util_duration.h"

#include <string.h>

typedef struct {
    const char *suffix;
    int64_t ns;
} unit_t;

/* longest suffix first is not needed: the number ends where the letters start */
static const unit_t units[] = {{"ns", 1}, {"us", 1000}, {"ms", 1000000}, {"s", 1000000000}};

gboolean util_parse_duration_ns(const char *text, int64_t *ns_out, GError **error)
{
    const char *p = text;
    guint64 whole = 0;
    guint64 frac = 0, frac_scale = 1;
    gboolean digits = FALSE;

    while (g_ascii_isdigit(*p)) {
        if (whole > G_MAXINT64 / 10) {
            goto too_big;
        }
        whole = whole * 10 + (guint64)(*p++ - '0');
        digits = TRUE;
    }
    if (*p == '.') {
        p++;
        while (g_ascii_isdigit(*p)) {
            /* ten decimals resolve 0.1 ns even in seconds, and frac * 1e9 still fits */
            if (frac_scale < G_GUINT64_CONSTANT(10000000000)) {
                frac = frac * 10 + (guint64)(*p - '0');
                frac_scale *= 10;
            }
            p++;
            digits = TRUE;
        }
    }
    if (!digits) {
        g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                    "'%s' is not a duration (expected a number and a unit, e.g. 250us, 5ms, "
                    "1.5ms, 2s)",
                    text);
        return FALSE;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(units); i++) {
        if (strcmp(p, units[i].suffix) == 0) {
            guint64 unit = (guint64)units[i].ns;
            guint64 ns;
            if (whole > (guint64)G_MAXINT64 / unit) {
                goto too_big;
            }
            /* fraction * unit / scale, rounded; both fit in 64 bits */
            ns = whole * unit + (frac * unit + frac_scale / 2) / frac_scale;
            if (ns > (guint64)G_MAXINT64) {
                goto too_big;
            }
            *ns_out = (int64_t)ns;
            return TRUE;
        }
    }
    g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                "'%s' has %s unit (expected ns, us, ms or s, e.g. 250us, 5ms, 1.5ms, 2s)", text,
                *p == '\0' ? "no" : "an unknown");
    return FALSE;

too_big:
    g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "'%s' is too long a duration",
                text);
    return FALSE;
}

char *util_format_duration(int64_t ns)
{
    for (gsize i = G_N_ELEMENTS(units); i-- > 0;) {
        int64_t unit = units[i].ns;
        if (ns % unit == 0) {
            return g_strdup_printf("%" G_GINT64_FORMAT "%s", ns / unit, units[i].suffix);
        }
        /* one decimal place when exact, e.g. 1.5ms */
        if (i > 0 && (ns * 10) % unit == 0 && ns >= unit && ns < G_MAXINT64 / 10) {
            return g_strdup_printf("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT "%s", ns / unit,
                                   (ns % unit) * 10 / unit, units[i].suffix);
        }
    }
    return g_strdup_printf("%" G_GINT64_FORMAT "ns", ns);
}
