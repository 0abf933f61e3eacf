/* Tallies and their latency histograms. */
#include "stress_tally.h"

#include <math.h>

void stress_tally_init(stress_tally_t *t)
{
    *t = (stress_tally_t){0};
    t->press_latency_min_ns = INT64_MAX;
    t->press_latency_max_ns = -1;
}

static void hist_merge(stress_hist_t *into, const stress_hist_t *part)
{
    for (guint i = 0; i < STRESS_HIST_BINS; i++) {
        into->bins[i] += part->bins[i];
    }
    into->n += part->n;
}

void stress_tally_merge(stress_tally_t *into, const stress_tally_t *part)
{
    into->presses += part->presses;
    into->presses_detected += part->presses_detected;
    into->missed += part->missed;
    into->false_triggers += part->false_triggers;
    into->cpu_entries += part->cpu_entries;
    into->false_cycles += part->false_cycles;
    into->missed_cycles += part->missed_cycles;
    into->failed_cycles += part->failed_cycles;
    into->press_latency_min_ns = MIN(into->press_latency_min_ns, part->press_latency_min_ns);
    into->press_latency_max_ns = MAX(into->press_latency_max_ns, part->press_latency_max_ns);
    hist_merge(&into->press_latency, &part->press_latency);
    hist_merge(&into->release_latency, &part->release_latency);
    for (guint c = 0; c < STRESS_RARE_CLASSES; c++) {
        into->rare_n[c] += part->rare_n[c];
        into->rare_k[c] += part->rare_k[c];
    }
}

guint stress_hist_bin(int64_t ns)
{
    guint64 v = ns > 0 ? (guint64)ns : 0;
    guint msb;

    if (v < (1u << STRESS_HIST_BITS)) {
        return (guint)v;
    }
    msb = 63u - (guint)__builtin_clzll(v); /* v > 0 here */
    if (msb > STRESS_HIST_TOP_BIT) {
        return STRESS_HIST_BINS - 1;
    }
    /* the STRESS_HIST_BITS bits below the top one pick the bin in its doubling */
    return ((msb - STRESS_HIST_BITS + 1) << STRESS_HIST_BITS) +
           (guint)((v >> (msb - STRESS_HIST_BITS)) & ((1u << STRESS_HIST_BITS) - 1));
}

void stress_hist_bin_range(guint bin, int64_t *lo_ns, int64_t *hi_ns)
{
    guint group = bin >> STRESS_HIST_BITS, mantissa = bin & ((1u << STRESS_HIST_BITS) - 1);
    guint shift;

    if (group == 0) {
        *lo_ns = *hi_ns = bin;
        return;
    }
    shift = group - 1;
    *lo_ns = (int64_t)(((guint64)(1u << STRESS_HIST_BITS) + mantissa) << shift);
    *hi_ns = *lo_ns + (INT64_C(1) << shift) - 1;
}

void stress_hist_add(stress_hist_t *h, int64_t ns)
{
    h->bins[stress_hist_bin(ns)]++;
    h->n++;
}

double stress_hist_quantile_us(const stress_hist_t *h, double q)
{
    guint64 rank, seen = 0;

    if (h->n == 0) {
        return NAN;
    }
    rank = (guint64)ceil(q * (double)h->n);
    rank = MAX(rank, 1);
    for (guint i = 0; i < STRESS_HIST_BINS; i++) {
        seen += h->bins[i];
        if (seen >= rank) {
            int64_t lo, hi;
            stress_hist_bin_range(i, &lo, &hi);
            /* the middle of the bin, to the ns */
            int64_t middle = lo + (hi - lo) / 2;
            return (double)middle / 1000.0;
        }
    }
    return NAN;
}
