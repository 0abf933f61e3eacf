/*
 * bouncelab's statistics in one include: rates with exact bounds
 * (stats_rate.h), the incomplete beta under them (stats_beta.h),
 * importance-sampling sums (stats_weighted.h) and the two-sample KS test
 * (stats_ks.h). Pure functions of their arguments; no I/O, no state.
 */
#ifndef STATS_H
#define STATS_H

#include "stats_beta.h"
#include "stats_ks.h"
#include "stats_rate.h"
#include "stats_weighted.h"

#endif
