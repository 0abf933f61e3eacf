/*
 * Writes a native trace CSV of N edges quickly (a few seconds for 10^8, far
 * faster than awk), for the limits checks: pull-up wiring, a pulse every
 * PERIOD ns (the level flips at each multiple of PERIOD).
 * usage: gen_edges N PERIOD_NS > trace.csv
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Decimal digits of v written backwards into the end of buf; returns the start. */
static char *format_u64(uint64_t v, char *end)
{
    do {
        *--end = (char)('0' + v % 10u);
        v /= 10u;
    } while (v != 0);
    return end;
}

int main(int argc, char **argv)
{
    static char out[1 << 16];
    size_t used = 0;
    uint64_t n, period;
    char *stop_n = NULL, *stop_p = NULL;

    if (argc != 3) {
        fprintf(stderr, "usage: gen_edges N PERIOD_NS\n");
        return 2;
    }
    n = strtoull(argv[1], &stop_n, 10);
    period = strtoull(argv[2], &stop_p, 10);
    if (*stop_n != '\0' || *stop_p != '\0' || period == 0 || n > UINT64_MAX / period - 1) {
        fprintf(stderr, "gen_edges: bad N or PERIOD_NS\n");
        return 2;
    }
    printf("# bouncelab trace v1\n# active: low\n# end_ns: %" PRIu64 "\nt_ns,level\n0,1\n",
           (n + 1) * period);
    fflush(stdout);
    for (uint64_t i = 1; i <= n; i++) {
        char row[32], *end = row + sizeof row, *start;
        *--end = '\n';
        *--end = (i & 1u) ? '0' : '1';
        *--end = ',';
        start = format_u64(i * period, end);
        if (used + (size_t)(row + sizeof row - start) > sizeof out) {
            if (fwrite(out, 1, used, stdout) != used) {
                return 1;
            }
            used = 0;
        }
        memcpy(out + used, start, (size_t)(row + sizeof row - start));
        used += (size_t)(row + sizeof row - start);
    }
    if (fwrite(out, 1, used, stdout) != used || fflush(stdout) != 0) {
        return 1;
    }
    return 0;
}
