/* Empirical bounce durations with a generalized Pareto tail (trace_tail.h). */
#include "trace_tail.h"
#include "trace_error.h"

#include <math.h>

/* Below this |xi| the GPD is the exponential (the two agree to ~1e-9). */
#define XI_EXPONENTIAL 1e-9

gboolean trace_tail_fit_pwm(const double *excess, gsize m, double *xi, double *sigma)
{
    double a0 = 0.0, a1 = 0.0, denom, k;

    if (m < 2) {
        return FALSE;
    }
    for (gsize i = 0; i < m; i++) {
        double p = ((double)(i + 1) - 0.35) / (double)m;
        a0 += excess[i];
        a1 += excess[i] * (1.0 - p);
    }
    a0 /= (double)m;
    a1 /= (double)m;
    denom = a0 - 2.0 * a1;
    if (!(denom > 0.0) || !(a1 > 0.0)) {
        return FALSE;
    }
    k = a0 / denom - 2.0; /* Hosking and Wallis's k is -xi */
    *xi = -k;
    *sigma = 2.0 * a0 * a1 / denom;
    if (*xi < TRACE_TAIL_XI_LOW || *xi > TRACE_TAIL_XI_HIGH) {
        /* a few excesses can give any shape: hold it at the bound, scale from the mean */
        *xi = CLAMP(*xi, TRACE_TAIL_XI_LOW, TRACE_TAIL_XI_HIGH);
        *sigma = a0 * (1.0 - *xi);
    }
    return *sigma > 0.0;
}

double trace_tail_excess(double xi, double sigma, double v)
{
    if (fabs(xi) < XI_EXPONENTIAL) {
        return -sigma * log1p(-v);
    }
    return sigma / xi * expm1(-xi * log1p(-v));
}

/* The sorted sample's quantile at p by linear interpolation (type 7). */
static double sample_quantile(const int64_t *d, gsize n, double p)
{
    double h = (double)(n - 1) * p;
    gsize i = (gsize)h;

    if (i + 1 >= n) {
        return (double)d[n - 1];
    }
    return (double)d[i] + (h - (double)i) * (double)(d[i + 1] - d[i]);
}

/* The stored quantile function at p in [0, 1], interpolated. */
static double dist_quantile(const trace_gen_dist_t *dist, double p)
{
    return sample_quantile(dist->quantile_ns, dist->n, p);
}

static int64_t capped(const trace_gen_dist_t *dist, double x)
{
    return x >= (double)dist->cap_ns ? dist->cap_ns : (int64_t)llround(MAX(x, 0.0));
}

int64_t trace_tail_tail_ns(const trace_gen_dist_t *dist, double v)
{
    double u = dist_quantile(dist, dist->tail_above);
    return capped(dist, u + trace_tail_excess(dist->xi, dist->sigma_ns, v));
}

int64_t trace_tail_quantile_ns(const trace_gen_dist_t *dist, double u)
{
    if (u >= dist->tail_above) {
        return trace_tail_tail_ns(dist, (u - dist->tail_above) / (1.0 - dist->tail_above));
    }
    return capped(dist, dist_quantile(dist, u));
}

double trace_tail_cdf(double xi, double sigma, double y)
{
    double z = xi * y / sigma;

    if (y <= 0.0) {
        return 0.0;
    }
    if (fabs(xi) < XI_EXPONENTIAL) {
        return -expm1(-y / sigma);
    }
    if (z <= -1.0) {
        return 1.0; /* beyond the end of a bounded tail (xi < 0) */
    }
    return -expm1(-log1p(z) / xi);
}

/* sqrt(m) times the Kolmogorov-Smirnov distance of m sorted excesses from the GPD. */
static double ks_statistic(const double *excess, gsize m, double xi, double sigma)
{
    double d = 0.0;

    for (gsize i = 0; i < m; i++) {
        double f = trace_tail_cdf(xi, sigma, excess[i]);
        d = MAX(d, MAX(fabs((double)(i + 1) / (double)m - f), fabs(f - (double)i / (double)m)));
    }
    return d * sqrt((double)m);
}

/* The GPD above the sample's quantile p: its threshold, shape, scale and fit statistic. */
static gboolean fit_above(const int64_t *d, gsize n, double p, double *excess, double *u,
                          double *xi, double *sigma, double *ks)
{
    gsize m = 0;

    *u = sample_quantile(d, n, p);
    for (gsize i = 0; i < n; i++) {
        if ((double)d[i] > *u) {
            excess[m++] = (double)d[i] - *u;
        }
    }
    if (!trace_tail_fit_pwm(excess, m, xi, sigma)) {
        return FALSE;
    }
    *ks = ks_statistic(excess, m, *xi, *sigma);
    return TRUE;
}

gboolean trace_tail_fit(const int64_t *d, gsize n, trace_gen_dist_t *out)
{
    static const double above[] = {TRACE_TAIL_ABOVE, 0.9, 0.95, 0.975, 0.99};
    g_autofree double *excess = NULL;
    double u = 0.0, xi = 0.0, sigma = 0.0, cap, best_ks = G_MAXDOUBLE, best_p = 0.0;

    out->n = 0;
    if (n < TRACE_TAIL_MIN_SAMPLE) {
        return FALSE;
    }
    excess = g_new(double, n);
    /* the first threshold the GPD fits; failing all, the one it fits best */
    for (gsize i = 0; i < G_N_ELEMENTS(above) && best_ks > TRACE_TAIL_KS_ACCEPT; i++) {
        double ui, xii, sigmai, ks;
        if ((i == 0 || (double)n * (1.0 - above[i]) >= TRACE_TAIL_MIN_EXCESSES) &&
            fit_above(d, n, above[i], excess, &ui, &xii, &sigmai, &ks) && ks < best_ks) {
            best_ks = ks;
            best_p = above[i];
            u = ui;
            xi = xii;
            sigma = sigmai;
        }
    }
    if (best_p == 0.0) {
        return FALSE;
    }
    out->n = (guint)MIN(n, (gsize)TRACE_GEN_QUANTILES_MAX);
    for (guint i = 0; i < out->n; i++) {
        out->quantile_ns[i] = llround(sample_quantile(d, n, (double)i / (double)(out->n - 1)));
    }
    out->tail_above = best_p;
    out->xi = xi;
    out->sigma_ns = sigma;
    /* the tail's end (xi < 0) or its 1-in-10^12 point, never below what was seen */
    cap = xi < 0.0 ? u - sigma / xi
                   : u + trace_tail_excess(xi, sigma, 1.0 - 1.0 / TRACE_TAIL_CAP_ODDS);
    cap = MAX(cap, (double)d[n - 1]);
    out->cap_ns = cap >= (double)TRACE_GEN_DURATION_MAX_NS ? TRACE_GEN_DURATION_MAX_NS
                                                           : (int64_t)llround(cap);
    return TRUE;
}

gboolean trace_tail_validate(const trace_gen_dist_t *dist, const char *kind, GError **error)
{
    if (dist->n == 0) {
        return TRUE;
    }
    if (dist->n < 2 || dist->n > TRACE_GEN_QUANTILES_MAX) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                    "%s-quantiles-ns needs 2 to %d values (got %u)", kind, TRACE_GEN_QUANTILES_MAX,
                    dist->n);
        return FALSE;
    }
    for (guint i = 0; i < dist->n; i++) {
        if (dist->quantile_ns[i] < 0 || dist->quantile_ns[i] > TRACE_GEN_DURATION_MAX_NS) {
            g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                        "%s-quantiles-ns value %u (%" G_GINT64_FORMAT " ns) is outside 0 ns to 1 hour",
                        kind, i + 1, dist->quantile_ns[i]);
            return FALSE;
        }
        if (i > 0 && dist->quantile_ns[i] < dist->quantile_ns[i - 1]) {
            g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                        "%s-quantiles-ns must be sorted: value %u (%" G_GINT64_FORMAT
                        " ns) is below the one before it",
                        kind, i + 1, dist->quantile_ns[i]);
            return FALSE;
        }
    }
    if (!(dist->tail_above > 0.0 && dist->tail_above < 1.0)) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                    "%s-tail-above must be a probability strictly between 0 and 1 (got %g)", kind,
                    dist->tail_above);
        return FALSE;
    }
    if (!(dist->xi > TRACE_GEN_XI_MIN && dist->xi < TRACE_GEN_XI_MAX)) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                    "%s-tail-xi must be strictly between %g and %g (got %g)", kind,
                    TRACE_GEN_XI_MIN, TRACE_GEN_XI_MAX, dist->xi);
        return FALSE;
    }
    if (!(dist->sigma_ns > 0.0 && dist->sigma_ns <= (double)TRACE_GEN_DURATION_MAX_NS)) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                    "%s-tail-sigma-ns must be above 0 and at most 1 hour (got %g ns)", kind,
                    dist->sigma_ns);
        return FALSE;
    }
    if (dist->cap_ns < dist->quantile_ns[dist->n - 1] || dist->cap_ns > TRACE_GEN_DURATION_MAX_NS) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                    "%s-tail-cap-ns must be from the largest quantile to 1 hour", kind);
        return FALSE;
    }
    return TRUE;
}
