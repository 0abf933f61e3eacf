/* Two-sample KS distance and Kolmogorov's limiting distribution. */
#include "stats_ks.h"

#include <math.h>
#include <stdlib.h>

/* Terms of Q_KS below this share of the sum end the series. */
#define Q_EPS   1e-12
#define Q_TERMS 100
/* Below this lambda the series converges slowly and Q is 1 to 1e-15. */
#define Q_LAMBDA_MIN 0.18

double stats_ks_q(double lambda)
{
    double sum = 0.0, sign = 1.0;

    if (lambda < Q_LAMBDA_MIN) {
        return 1.0;
    }
    for (int j = 1; j <= Q_TERMS; j++) {
        double term = sign * 2.0 * exp(-2.0 * j * j * lambda * lambda);
        sum += term;
        if (fabs(term) <= Q_EPS * fabs(sum)) {
            return fmin(fmax(sum, 0.0), 1.0);
        }
        sign = -sign;
    }
    return 1.0; /* no convergence: only for tiny lambda */
}

stats_ks_t stats_ks_two_sample(const double *x, gsize n_x, const double *y, gsize n_y)
{
    stats_ks_t r = {0.0, 1.0};
    gsize i = 0, j = 0;
    double m, root;

    g_return_val_if_fail(n_x > 0 && n_y > 0, r);
    /* walk both samples in order; after every distinct value both CDFs
     * are known, ties stepped over together */
    while (i < n_x && j < n_y) {
        double v = MIN(x[i], y[j]), dist;
        while (i < n_x && x[i] <= v) {
            i++;
        }
        while (j < n_y && y[j] <= v) {
            j++;
        }
        dist = fabs((double)i / (double)n_x - (double)j / (double)n_y);
        r.d = MAX(r.d, dist);
    }
    m = (double)n_x * (double)n_y / ((double)n_x + (double)n_y);
    root = sqrt(m);
    r.p = stats_ks_q((root + 0.12 + 0.11 / root) * r.d);
    return r;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

void stats_sort_doubles(double *v, gsize n)
{
    qsort(v, n, sizeof *v, compare_double);
}
