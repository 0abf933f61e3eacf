/* Incomplete beta by continued fraction (Lentz), quantile by bisection. */
#include "stats_beta.h"

#include <glib.h>

#include <float.h>
#include <math.h>

/* Lentz's method replaces a zero denominator by this, not by 0. */
#define TINY 1e-300
/* The fraction needs about sqrt(max(a, b)) terms near the mean; 10^7
 * covers every count a 64-bit run can hold. */
#define MAX_TERMS 10000000
#define CF_EPS    1e-15
/* Integer a up to this takes the binomial sum above the mean (see below). */
#define BINOMIAL_SUM_MAX 5000.0
/* Beyond this the Stirling series below is exact to double precision. */
#define STIRLING_MIN 10.0

/* ln Gamma(x) - ((x - 1/2) ln x - x + ln(2 pi)/2): the Stirling series' tail. */
static double stirling_tail(double x)
{
    double x2 = x * x;
    return (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0 - 1.0 / (1680.0 * x2)) / x2) / x2) / x;
}

double stats_log_beta(double a, double b)
{
    double big = fmax(a, b), small = fmin(a, b);

    if (big < STIRLING_MIN) {
        return lgamma(a) + lgamma(b) - lgamma(a + b);
    }
    if (small < STIRLING_MIN) {
        /* ln Gamma(big + small) - ln Gamma(big) written so that nothing of
         * the size of big * ln(big) is ever subtracted */
        double diff = (big - 0.5) * log1p(small / big) + small * log(big + small) - small +
                      stirling_tail(big + small) - stirling_tail(big);
        return lgamma(small) - diff;
    }
    /* both large: the same, around the two Stirling expansions */
    return 0.5 * log(2.0 * G_PI) + (a - 0.5) * log(a / (a + b)) + (b - 0.5) * log(b / (a + b)) -
           0.5 * log(a + b) + stirling_tail(a) + stirling_tail(b) - stirling_tail(a + b);
}

/* The continued fraction of I_x(a, b) (NR 6.4.5), modified Lentz. */
static double beta_fraction(double a, double b, double x)
{
    double qab = a + b, qap = a + 1.0, qam = a - 1.0;
    /* c and d carry from one term to the next (cppcheck misreads c's scope) */
    /* cppcheck-suppress variableScope */
    double c = 1.0, d = 1.0 - qab * x / qap, h;

    if (fabs(d) < TINY) {
        d = TINY;
    }
    d = 1.0 / d;
    h = d;
    for (int m = 1; m <= MAX_TERMS; m++) {
        double m2 = 2.0 * m, aa, del;

        aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        d = fabs(d) < TINY ? TINY : d;
        c = 1.0 + aa / c;
        c = fabs(c) < TINY ? TINY : c;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        d = fabs(d) < TINY ? TINY : d;
        c = 1.0 + aa / c;
        c = fabs(c) < TINY ? TINY : c;
        d = 1.0 / d;
        del = d * c;
        h *= del;
        if (fabs(del - 1.0) < CF_EPS) {
            break;
        }
    }
    return h;
}

/*
 * For integer a and b, I_x(a, b) = P(Bin(a + b - 1, x) >= a) = 1 - sum of the
 * binomial terms j < a, each built from the last in logs. Used above the
 * mean with a small (and below b), where the fraction would have to be taken at 1 - x: at
 * b = 10^12 and x = 5e-12 the rounding of 1 - x alone costs 5 digits.
 */
static double binomial_form(double a, double b, double x)
{
    double n = a + b - 1.0, log_term = n * log1p(-x), step = log(x) - log1p(-x), sum = 0.0;

    for (guint64 i = 0; i < (guint64)a; i++) {
        double j = (double)i;
        sum += exp(log_term);
        log_term += log((n - j) / (j + 1.0)) + step;
    }
    return fmax(1.0 - sum, 0.0);
}

double stats_beta_inc(double a, double b, double x)
{
    double front;

    if (!(a > 0.0) || !(b > 0.0) || isnan(x)) {
        return NAN;
    }
    if (x <= 0.0) {
        return 0.0;
    }
    if (x >= 1.0) {
        return 1.0;
    }
    /* x^a (1-x)^b / B(a, b), in logs: with b = 10^12 the power alone underflows */
    front = exp(a * log(x) + b * log1p(-x) - stats_log_beta(a, b));
    /* the fraction converges fast below the mean; above it, use
     * I_x(a, b) = 1 - I_{1-x}(b, a) */
    if (x < (a + 1.0) / (a + b + 2.0)) {
        return front * beta_fraction(a, b, x) / a;
    }
    if (a <= BINOMIAL_SUM_MAX && a < b && a == floor(a) && b == floor(b)) {
        return binomial_form(a, b, x);
    }
    return 1.0 - front * beta_fraction(b, a, 1.0 - x) / b;
}

double stats_beta_quantile(double p, double a, double b)
{
    double lo = 0.0, hi = 1.0;

    if (!(a > 0.0) || !(b > 0.0) || !(p >= 0.0 && p <= 1.0)) {
        return NAN;
    }
    if (p == 0.0 || p == 1.0) {
        return p;
    }
    /* I_x is increasing in x. Halving a bracket that starts at [0, 1] keeps
     * an absolute precision only, so once lo > 0 the midpoint is geometric:
     * a bound near 3e-12 then gets as many digits as one near 0.3. */
    for (int i = 0; i < 4000 && hi - lo > 4.0 * DBL_EPSILON * hi; i++) {
        double mid = lo > 0.0 && hi > 4.0 * lo ? sqrt(lo * hi) : 0.5 * (lo + hi);
        if (mid <= lo || mid >= hi) {
            break;
        }
        if (stats_beta_inc(a, b, mid) < p) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return 0.5 * (lo + hi);
}
