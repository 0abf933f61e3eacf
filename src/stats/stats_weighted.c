/* Sums of weighted trials and what they estimate. */
#include "stats_weighted.h"

#include <math.h>

void stats_weighted_add(stats_weighted_t *s, double w, gboolean failed)
{
    s->n++;
    s->sum_w += w;
    s->sum_w2 += w * w;
    if (failed) {
        s->sum_wf += w;
        s->sum_wf2 += w * w;
    }
}

void stats_weighted_merge(stats_weighted_t *into, const stats_weighted_t *part)
{
    into->n += part->n;
    into->sum_wf += part->sum_wf;
    into->sum_wf2 += part->sum_wf2;
    into->sum_w += part->sum_w;
    into->sum_w2 += part->sum_w2;
}

double stats_weighted_mean(const stats_weighted_t *s)
{
    return s->n > 0 ? s->sum_wf / (double)s->n : NAN;
}

double stats_weighted_se(const stats_weighted_t *s)
{
    double n = (double)s->n, mean, var;

    if (s->n < 2) {
        return NAN;
    }
    mean = s->sum_wf / n;
    /* sum (y - mean)^2 = sum y^2 - n mean^2, y = w * failed */
    var = (s->sum_wf2 - n * mean * mean) / (n - 1.0);
    return sqrt(fmax(var, 0.0) / n);
}

double stats_weighted_ess(const stats_weighted_t *s)
{
    return s->sum_w2 > 0.0 ? s->sum_w * s->sum_w / s->sum_w2 : 0.0;
}
