/* The poll model's read schedule: grid, stalls, explicit times. */
#include "sim_reads.h"
#include "sim_rng.h"

/* Stall positions draw from their own stream of the seed, apart from the jitter's. */
#define STALL_STREAM UINT64_C(0x5354414c4c)

int64_t sim_reads_stall_start(const sim_config_t *cfg, int64_t j)
{
    return j * cfg->stall_every_ns + sim_rng_uniform(cfg->seed ^ STALL_STREAM, (uint64_t)j,
                                                     cfg->stall_every_ns - cfg->stall_for_ns);
}

static int64_t grid_time(const sim_reads_t *r, int64_t k)
{
    return r->base_ns + (k - r->seg_k) * r->cfg->interval_ns +
           sim_rng_uniform(r->cfg->seed, (uint64_t)k, r->cfg->jitter_ns);
}

static void set_time(sim_reads_t *r)
{
    const sim_config_t *cfg = r->cfg;

    if (cfg->reads_ns == NULL) {
        r->t_ns = grid_time(r, r->k);
    } else {
        r->t_ns = (gsize)r->k < cfg->n_reads ? r->origin_ns + cfg->reads_ns[r->k] : INT64_MAX;
    }
}

/* Moves the grid from read k on by ns: a new segment starts there. */
static void shift(sim_reads_t *r, int64_t k, int64_t ns)
{
    r->base_ns += (k - r->seg_k) * r->cfg->interval_ns + ns;
    r->seg_k = k;
}

/* A stall that began by the current read held it back (stalls never overlap,
 * but the held-back read may reach the next one). */
static void apply_stalls(sim_reads_t *r)
{
    while (r->stall_ns != INT64_MAX && r->stall_ns <= r->t_ns) {
        shift(r, r->k, r->cfg->stall_for_ns);
        set_time(r);
        r->stall_j++;
        r->stall_ns = r->origin_ns + sim_reads_stall_start(r->cfg, r->stall_j);
    }
}

void sim_reads_init(sim_reads_t *r, const sim_config_t *cfg, int64_t origin_ns)
{
    *r = (sim_reads_t){.cfg = cfg,
                       .origin_ns = origin_ns,
                       .base_ns = origin_ns + cfg->phase_ns,
                       .stall_ns = INT64_MAX};
    if (cfg->reads_ns == NULL && cfg->stall_for_ns > 0) {
        r->stall_ns = origin_ns + sim_reads_stall_start(cfg, 0);
    }
    set_time(r);
    apply_stalls(r);
}

void sim_reads_next(sim_reads_t *r)
{
    if (r->t_ns == INT64_MAX) {
        return;
    }
    r->k++;
    set_time(r);
    apply_stalls(r);
}

/* The first read after the current one of the current grid segment at or
 * after t_ns, ignoring stalls. Reads are strictly increasing within a segment because the
 * jitter is less than the interval, so at most one step past the estimate. */
static int64_t grid_index_at_or_after(const sim_reads_t *r, int64_t t_ns)
{
    const sim_config_t *cfg = r->cfg;
    int64_t k =
        r->seg_k + (t_ns - r->base_ns - cfg->jitter_ns + cfg->interval_ns - 1) / cfg->interval_ns;

    k = MAX(k, r->k + 1);
    while (grid_time(r, k) < t_ns) {
        k++;
    }
    return k;
}

/* The first explicit read at index >= r->k at or after t_ns. */
static int64_t list_index_at_or_after(const sim_reads_t *r, int64_t t_ns)
{
    gsize lo = (gsize)r->k, hi = r->cfg->n_reads;

    while (lo < hi) {
        gsize mid = lo + (hi - lo) / 2;
        if (r->origin_ns + r->cfg->reads_ns[mid] < t_ns) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return (int64_t)lo;
}

void sim_reads_seek(sim_reads_t *r, int64_t t_ns)
{
    if (r->cfg->reads_ns != NULL) {
        if (r->t_ns < t_ns) {
            r->k = list_index_at_or_after(r, t_ns);
            set_time(r);
        }
        return;
    }
    while (r->t_ns < t_ns) {
        /* a stall before t_ns moves every read after it: go to the read it
         * holds back first, then on from there */
        r->k = grid_index_at_or_after(r, MIN(t_ns, r->stall_ns));
        set_time(r);
        apply_stalls(r);
    }
}

void sim_reads_delay(sim_reads_t *r, int64_t ns)
{
    if (r->cfg->reads_ns != NULL || ns <= 0 || r->t_ns == INT64_MAX) {
        return;
    }
    /* the segment restarts at the next read, ns later */
    shift(r, r->k + 1, ns);
}
