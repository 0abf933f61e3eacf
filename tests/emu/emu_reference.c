/*
 * The emulator test's inputs and their host reference (issue 16).
 *
 * For every algorithm it writes the records the Cortex-M0+ image replays and
 * what the host build of the same core and the same replay loop
 * (emu_driver.c) made of them:
 *  - generated traces polled every 1 ms and every 100 us, each replayed
 *    several times with the 32-bit tick counter placed so that it wraps just
 *    after a lock or a wait opens (1 and 3 ticks after it, half-way through
 *    it, and 1 tick after its end, before the read that ends it): a
 *    comparison on either side of the wrap then decides an event;
 *  - random inputs within debounce.h's contract: windows from 0 to
 *    DEBOUNCE_TICK_MAX_SPAN, several updates at one instant, gaps of up to
 *    2^30 ticks, and starts just before the wrap.
 *
 * usage: emu_reference OUT_DIR [UPDATES_PER_ALGORITHM]
 * writes OUT_DIR/inputs.bin (emu_input_t records) and OUT_DIR/expected.bin
 * (emu_output_t records, one per input) and prints a line per algorithm.
 */
#include "emu_driver.h"
#include "trace_gen.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

/* Updates per algorithm the issue asks for, at least. */
#define EMU_UPDATES_DEFAULT 100000u
#define EMU_SEED            16u
/* Random runs: records per run (a new button and setting each). */
#define EMU_RANDOM_RUN 250u
/* Largest gap between two random updates: half the wrap-safe horizon, so
 * that an update overshooting a deadline stays comparable with it. */
#define EMU_GAP_MAX (UINT32_C(1) << 30)
#define NS_PER_TICK 1000 /* 1 us ticks, as on the Pico */
/* Polled stretch of a trace around its edges, ns. */
#define EMU_LEAD_NS (20 * 1000 * 1000)
#define EMU_TAIL_NS (50 * 1000 * 1000)

typedef struct {
    GArray *in;  /* emu_input_t */
    GArray *out; /* emu_output_t */
    guint32 tag;
    guint updates; /* update records so far */
} emu_records_t;

static emu_input_t init_record(debounce_algo_t algo, uint32_t press, uint32_t release,
                               gboolean active_low, uint32_t now, gboolean level, guint32 tag)
{
    emu_input_t r = {EMU_OP_INIT, now,     level ? 1u : 0u,      (uint32_t)algo,
                     press,       release, active_low ? 1u : 0u, tag};
    return r;
}

static emu_input_t update_record(uint32_t now, gboolean level, guint32 tag)
{
    emu_input_t r = {EMU_OP_UPDATE, now, level ? 1u : 0u, 0u, 0u, 0u, 0u, tag};
    return r;
}

/* The host's outputs for one run of n records. */
static GArray *run_alone(const emu_input_t *in, guint n)
{
    GArray *out = g_array_sized_new(FALSE, FALSE, sizeof(emu_output_t), n);
    debounce_t d;
    debounce_config_t cfg;
    uint32_t when;

    g_array_set_size(out, n);
    emu_run(in, n, (emu_output_t *)(void *)out->data, &d, &cfg, &when);
    return out;
}

/* Appends the records of one run and their reference outputs. */
static void run_append(emu_records_t *rec, const emu_input_t *in, const GArray *out)
{
    g_array_append_vals(rec->in, in, out->len);
    g_array_append_vals(rec->out, out->data, out->len);
    for (guint i = 0; i < out->len; i++) {
        rec->updates += in[i].op == EMU_OP_UPDATE;
    }
}

/*
 * The wrap check: the same run with every tick moved by `shift` must report
 * the same events, deadlines (moved by `shift`) and output at every record.
 * A core comparing ticks without the wrap-safe difference fails it, whether
 * or not the host and the target agree.
 */
static gboolean same_when_moved(const GArray *base, const GArray *moved, uint32_t shift,
                                const emu_input_t *moved_in, GError **error)
{
    for (guint i = 0; i < base->len; i++) {
        const emu_output_t *a = &g_array_index(base, emu_output_t, i);
        const emu_output_t *b = &g_array_index(moved, emu_output_t, i);
        gboolean deadline = EMU_STATUS_DEADLINE(a->status) != 0;
        if (a->status != b->status || (deadline && a->when + shift != b->when)) {
            g_set_error(error, g_quark_from_static_string("emu-reference"), 1,
                        "run %u: moving its ticks by %u changes what the core reports at record "
                        "%u (now %u): status 0x%08x against 0x%08x, deadline %u against %u; the "
                        "core is not wrap-safe",
                        moved_in->tag & ~EMU_TAG_RANDOM, shift, i, moved_in[i].now, b->status,
                        a->status, b->when, a->when + shift);
            return FALSE;
        }
    }
    return TRUE;
}

/* Level of `trace` at t_ns; `edge` (edges at or before the last t) advances. */
static gboolean level_at(const trace_t *trace, int64_t t_ns, gsize *edge)
{
    while (*edge < trace_n_edges(trace) && trace_edge_ns(trace, *edge) <= t_ns) {
        (*edge)++;
    }
    return *edge == 0 ? trace->initial_level : trace_level_after(trace, *edge - 1);
}

/*
 * The records of `trace` polled every interval_ns, ticks shifted by offset,
 * from EMU_LEAD_NS before its first edge to EMU_TAIL_NS after its last (the
 * idle stretches around them add nothing but records).
 */
static GArray *poll_records(const trace_t *trace, int64_t interval_ns, debounce_algo_t algo,
                            uint32_t press, uint32_t release, uint32_t offset, guint32 tag)
{
    GArray *in = g_array_new(FALSE, FALSE, sizeof(emu_input_t));
    gsize n = trace_n_edges(trace), edge = 0;
    int64_t from =
        n > 0 ? MAX(trace->start_ns, trace_edge_ns(trace, 0) - EMU_LEAD_NS) : trace->start_ns;
    int64_t to =
        n > 0 ? MIN(trace->end_ns, trace_edge_ns(trace, n - 1) + EMU_TAIL_NS) : trace->end_ns;

    for (int64_t t = from; t <= to; t += interval_ns) {
        uint32_t now = (uint32_t)((t - trace->start_ns) / NS_PER_TICK) + offset;
        gboolean level = level_at(trace, t, &edge);
        emu_input_t r = t == from
                            ? init_record(algo, press, release, trace->active_low, now, level, tag)
                            : update_record(now, level, tag);
        g_array_append_val(in, r);
    }
    return in;
}

/*
 * Where the wrap bites in one polled trace: the ticks (unshifted) at which the
 * counter is made to wrap. After the first update that opens a lock or a
 * wait (or, for algorithms without one, the first event): 1 and 3 ticks
 * later, half-way to its deadline, and 1 tick after the deadline.
 */
static guint wrap_points(const GArray *in, const emu_output_t *out, uint32_t points[4])
{
    for (guint i = 1; i < in->len; i++) {
        uint32_t t0 = g_array_index(in, emu_input_t, i).now;
        if (EMU_STATUS_DEADLINE(out[i].status) && !EMU_STATUS_DEADLINE(out[i - 1].status)) {
            uint32_t deadline = out[i].when;
            points[0] = t0 + 1u;
            points[1] = t0 + 3u;
            points[2] = t0 + (deadline - t0) / 2u;
            points[3] = deadline + 1u;
            return 4;
        }
        if (EMU_STATUS_EVENT(out[i].status) != DEBOUNCE_EVENT_NONE &&
            !EMU_STATUS_DEADLINE(out[i].status)) {
            points[0] = t0 + 1u;
            points[1] = t0 + 3u;
            return 2;
        }
    }
    return 0;
}

static gboolean add_trace(emu_records_t *rec, const trace_t *trace, int64_t interval_ns,
                          debounce_algo_t algo, GError **error)
{
    /* 5 ms press and 8 ms release windows (sample counts for the integrator) */
    const uint32_t press_us = 5000u, release_us = 8000u;
    uint32_t interval_us = (uint32_t)(interval_ns / NS_PER_TICK);
    uint32_t press = press_us, release = release_us;
    uint32_t points[4];
    g_autoptr(GArray) probe = NULL;
    g_autoptr(GArray) probe_out = NULL;
    guint n_points;

    if (algo == DEBOUNCE_INTEGRATOR) {
        press = DEBOUNCE_INTEGRATOR_SAMPLES(press_us, interval_us);
        release = DEBOUNCE_INTEGRATOR_SAMPLES(release_us, interval_us);
    } else if (algo == DEBOUNCE_NONE) {
        press = release = 0u;
    }
    probe = poll_records(trace, interval_ns, algo, press, release, 0u, 0u);
    probe_out = run_alone((const emu_input_t *)(void *)probe->data, probe->len);
    n_points = wrap_points(probe, (const emu_output_t *)(void *)probe_out->data, points);
    for (guint p = 0; p < n_points; p++) {
        /* the counter reads 0 at tick points[p] */
        g_autoptr(GArray) in =
            poll_records(trace, interval_ns, algo, press, release, 0u - points[p], ++rec->tag);
        g_autoptr(GArray) out = run_alone((const emu_input_t *)(void *)in->data, in->len);
        if (!same_when_moved(probe_out, out, 0u - points[p], (const emu_input_t *)(void *)in->data,
                             error)) {
            return FALSE;
        }
        run_append(rec, (const emu_input_t *)(void *)in->data, out);
    }
    return TRUE;
}

static uint32_t random_window(GRand *rng, debounce_algo_t algo)
{
    switch (g_rand_int_range(rng, 0, 6)) {
    case 0:
        return 0u;
    case 1:
        return (uint32_t)g_rand_int_range(rng, 1, 4);
    case 2:
        return (uint32_t)g_rand_int_range(rng, 1, 101);
    case 3:
        return algo == DEBOUNCE_INTEGRATOR ? (uint32_t)g_rand_int_range(rng, 1, 21)
                                           : (uint32_t)g_rand_int_range(rng, 100, 100001);
    case 4:
        return (uint32_t)g_rand_int_range(rng, 4, 16);
    default:
        return DEBOUNCE_TICK_MAX_SPAN - (uint32_t)g_rand_int_range(rng, 0, 1001);
    }
}

static uint32_t random_gap(GRand *rng, uint32_t window)
{
    switch (g_rand_int_range(rng, 0, 8)) {
    case 0:
        return 0u; /* several updates at one instant */
    case 1:
    case 2:
        return (uint32_t)g_rand_int_range(rng, 1, 4);
    case 3:
        return g_rand_int_range(rng, 0, 8) == 0 ? (uint32_t)g_rand_int_range(rng, 1, 1 << 30)
                                                : (uint32_t)g_rand_int_range(rng, 1, 1 << 16);
    default:
        /* around the window, so that both sides of its end are seen */
        return window < (1u << 29) ? (uint32_t)g_rand_int_range(rng, 0, (gint32)window * 2 + 2)
                                   : (uint32_t)g_rand_int_range(rng, 1, 1 << 20);
    }
}

static gboolean add_random(emu_records_t *rec, GRand *rng, debounce_algo_t algo, guint n,
                           GError **error)
{
    emu_input_t in[EMU_RANDOM_RUN], moved[EMU_RANDOM_RUN];
    g_autoptr(GArray) out = NULL;
    g_autoptr(GArray) moved_out = NULL;
    /* the copy for the wrap check: half the counter away */
    const uint32_t shift = (UINT32_C(1) << 31) + (uint32_t)g_rand_int_range(rng, 0, 1 << 20);
    uint32_t press = random_window(rng, algo);
    uint32_t release = random_window(rng, algo);
    /* half the runs start just before the wrap */
    uint32_t now =
        g_rand_boolean(rng) ? 0u - (uint32_t)g_rand_int_range(rng, 0, 200) : g_rand_int(rng);
    gboolean level = g_rand_boolean(rng);
    guint32 tag = ++rec->tag | EMU_TAG_RANDOM;
    gint32 flip_odds = g_rand_int_range(rng, 2, 10);

    n = MIN(n, EMU_RANDOM_RUN);
    in[0] = init_record(algo, press, release, g_rand_boolean(rng), now, level, tag);
    for (guint i = 1; i < n; i++) {
        uint32_t gap = random_gap(rng, MAX(press, release));
        if (gap > EMU_GAP_MAX) {
            gap = EMU_GAP_MAX;
        }
        now += gap;
        if (g_rand_int_range(rng, 0, flip_odds) == 0) {
            level = !level;
        }
        in[i] = update_record(now, level, tag);
    }
    for (guint i = 0; i < n; i++) {
        moved[i] = in[i];
        moved[i].now += shift;
    }
    out = run_alone(in, n);
    moved_out = run_alone(moved, n);
    if (!same_when_moved(out, moved_out, shift, moved, error)) {
        return FALSE;
    }
    run_append(rec, in, out);
    return TRUE;
}

static gboolean write_file(const char *dir, const char *name, const GArray *a, GError **error)
{
    g_autofree char *path = g_build_filename(dir, name, NULL);
    return g_file_set_contents(path, a->data,
                               (gssize)(a->len * g_array_get_element_size((GArray *)a)), error);
}

int main(int argc, char **argv)
{
    static const char *const profiles[] = {"tactile", "worn", "keyswitch"};
    g_autoptr(GError) error = NULL;
    guint per_algo = EMU_UPDATES_DEFAULT;
    emu_records_t rec = {g_array_new(FALSE, FALSE, sizeof(emu_input_t)),
                         g_array_new(FALSE, FALSE, sizeof(emu_output_t)), 0u, 0u};
    g_autoptr(GRand) rng = g_rand_new_with_seed(EMU_SEED);

    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: emu_reference OUT_DIR [UPDATES_PER_ALGORITHM]\n");
        return 2;
    }
    if (argc == 3) {
        per_algo = (guint)strtoul(argv[2], NULL, 10);
    }
    for (int a = 0; a < DEBOUNCE_ALGO_COUNT; a++) {
        debounce_algo_t algo = (debounce_algo_t)a;
        guint first = rec.updates, traced, target;

        for (gsize p = 0; p < G_N_ELEMENTS(profiles); p++) {
            const trace_gen_profile_t *profile = trace_gen_profile_find(profiles[p]);
            g_autoptr(trace_t) trace =
                trace_gen(&profile->params, EMU_SEED + p, 1, TRUE, profiles[p], &error);
            if (trace == NULL) {
                fprintf(stderr, "emu_reference: %s\n", error->message);
                return 1;
            }
            if (!add_trace(&rec, trace, 1000 * 1000, algo, &error) ||
                !add_trace(&rec, trace, 100 * 1000, algo, &error)) {
                fprintf(stderr, "FAIL: %s: %s\n", debounce_algo_name(algo), error->message);
                return 1;
            }
        }
        traced = rec.updates - first;
        /* random runs fill up to per_algo, and are a quarter of it at least */
        target = traced + MAX(per_algo > traced ? per_algo - traced : 0u, per_algo / 4u);
        while (rec.updates - first < target) {
            if (!add_random(&rec, rng, algo, MAX(2u, target - (rec.updates - first) + 1u),
                            &error)) {
                fprintf(stderr, "FAIL: %s: %s\n", debounce_algo_name(algo), error->message);
                return 1;
            }
        }
        printf("%s: %u updates (%u from traces polled at 1 ms and 100 us, %u random)\n",
               debounce_algo_name(algo), rec.updates - first, traced, rec.updates - first - traced);
    }
    if (!write_file(argv[1], "inputs.bin", rec.in, &error) ||
        !write_file(argv[1], "expected.bin", rec.out, &error)) {
        fprintf(stderr, "emu_reference: %s\n", error->message);
        return 1;
    }
    g_array_free(rec.in, TRUE);
    g_array_free(rec.out, TRUE);
    return 0;
}
