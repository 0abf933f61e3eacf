/* Clopper-Pearson bounds from the beta quantile; the k = 0 closed form. */
#include "stats_rate.h"
#include "stats_beta.h"

#include <math.h>

double stats_rate_zero_upper95(guint64 n)
{
    if (n == 0) {
        return NAN;
    }
    /* 1 - 0.05^(1/n) = -expm1(ln(0.05) / n): no cancellation at n = 10^12 */
    return -expm1(log(1.0 - STATS_CONFIDENCE) / (double)n);
}

double stats_rate_upper95(guint64 k, guint64 n)
{
    if (n == 0 || k > n) {
        return NAN;
    }
    if (k == n) {
        return 1.0;
    }
    if (k == 0) {
        return stats_rate_zero_upper95(n);
    }
    return stats_beta_quantile(STATS_CONFIDENCE, (double)k + 1.0, (double)(n - k));
}

stats_interval_t stats_rate_interval95(guint64 k, guint64 n)
{
    const double tail = (1.0 - STATS_CONFIDENCE) / 2.0;
    stats_interval_t iv = {NAN, NAN};

    if (n == 0 || k > n) {
        return iv;
    }
    iv.lo = k == 0 ? 0.0 : stats_beta_quantile(tail, (double)k, (double)(n - k) + 1.0);
    iv.hi = k == n ? 1.0 : stats_beta_quantile(1.0 - tail, (double)k + 1.0, (double)(n - k));
    return iv;
}

guint64 stats_rate_trials_needed(double rate)
{
    double n;

    if (!(rate > 0.0 && rate < 1.0)) {
        return 0;
    }
    n = ceil(log(1.0 - STATS_CONFIDENCE) / log1p(-rate));
    /* the division can land a hair above an integer: step back if n - 1
     * already meets the rate */
    if (n > 1.0 && stats_rate_zero_upper95((guint64)n - 1) <= rate) {
        n -= 1.0;
    }
    return (guint64)n;
}
