/* What `bouncelab advise` prints: the recommendation and its evidence. */
#include "cli_advise_report.h"
#include "stats_rate.h"
#include "util_duration.h"

#include <math.h>

/* A duration to 3 significant digits in a unit that fits ("1.98us", "4.72ms"), or "-". */
static char *duration_text(double ns)
{
    static const struct {
        double ns;
        const char *unit;
    } units[] = {{1e9, "s"}, {1e6, "ms"}, {1e3, "us"}, {1.0, "ns"}};

    if (!isfinite(ns)) {
        return g_strdup("-");
    }
    for (gsize i = 0; i < G_N_ELEMENTS(units); i++) {
        /* 999.6us would print as 1e+03us: it belongs to the next unit up */
        if (ns >= units[i].ns * 0.9995 || i + 1 == G_N_ELEMENTS(units)) {
            return g_strdup_printf("%.3g%s", ns / units[i].ns, units[i].unit);
        }
    }
    g_assert_not_reached();
}

char *cli_advise_latency_text(double us)
{
    return duration_text(us * 1000.0);
}

char *cli_advise_setting_text(const cli_advise_candidate_t *c)
{
    /* none ignores its window */
    g_autofree char *window = c->cfg.algo == DEBOUNCE_NONE
                                  ? g_strdup("(no window)")
                                  : util_format_duration(c->cfg.press_window_ns);

    if (c->cfg.mode == SIM_MODE_POLL) {
        g_autofree char *interval = util_format_duration(c->cfg.interval_ns);
        return g_strdup_printf("%s %s, poll every %s", debounce_algo_name(c->cfg.algo), window,
                               interval);
    }
    return g_strdup_printf("%s %s, irq (%s)", debounce_algo_name(c->cfg.algo), window,
                           sim_runtime_name(c->cfg.runtime));
}

/* The `bouncelab run` options of a setting, to check it or look at it closer. */
static char *run_options(const cli_advise_candidate_t *c)
{
    g_autofree char *window = util_format_duration(c->cfg.press_window_ns);

    if (c->cfg.mode == SIM_MODE_POLL) {
        g_autofree char *interval = util_format_duration(c->cfg.interval_ns);
        return g_strdup_printf("--algo %s --window %s --mode poll --interval %s",
                               debounce_algo_name(c->cfg.algo), window, interval);
    }
    return g_strdup_printf("--algo %s --window %s --mode irq --runtime %s",
                           debounce_algo_name(c->cfg.algo), window,
                           sim_runtime_name(c->cfg.runtime));
}

/* "k in n WHAT" as a rate per million with its exact 95 % upper bound. */
static char *rate_text(guint64 k, guint64 n, const char *what)
{
    double bound = stats_rate_upper95(k, n) * STATS_PER_MILLION;

    if (n == 0) {
        return g_strdup("- (no presses)");
    }
    if (isnan(bound)) { /* more events than presses: no binomial bound */
        return g_strdup_printf("%.0f per million (%" G_GUINT64_FORMAT " in %" G_GUINT64_FORMAT
                               " %s)",
                               (double)k * 1e6 / (double)n, k, n, what);
    }
    return g_strdup_printf("%.1f per million (%" G_GUINT64_FORMAT " in %" G_GUINT64_FORMAT
                           " %s; 95 %% upper bound %.1f per million)",
                           (double)k * 1e6 / (double)n, k, n, what, bound);
}

/* Why a candidate falls short of the request, in one line. */
char *cli_advise_broken_text(const cli_advise_candidate_t *c, const cli_advise_request_t *req,
                             GPtrArray *paths)
{
    switch (c->broken) {
    case ADVISE_BROKE_ERRORS: {
        g_autofree char *window = util_format_duration(c->cfg.press_window_ns);
        if (c->has_window && c->cycles > 0) {
            return g_strdup_printf(
                "%" G_GUINT64_FORMAT " failed in %" G_GUINT64_FORMAT
                " simulated press cycles at %s: the 95 %% upper bound, %.1f per million, is above "
                "--target %g",
                c->failed_cycles, c->cycles, window,
                stats_rate_upper95(c->failed_cycles, c->cycles) * STATS_PER_MILLION,
                req->target_ppm);
        }
        return g_strdup_printf("no window within --target %g per million with the next %d "
                               "larger ones: at best %u false and %u missed in %u presses (at %s)",
                               req->target_ppm, ADVISE_CLEAN_ABOVE, c->false_events,
                               c->missed_events, c->presses, window);
    }
    case ADVISE_BROKE_LATENCY: {
        g_autofree char *p99 = cli_advise_latency_text(c->press_p99_us);
        g_autofree char *limit = util_format_duration(req->max_latency_ns);
        return g_strdup_printf("p99 press latency %s on %s, above --max-latency %s", p99,
                               (char *)g_ptr_array_index(paths, c->p99_trace), limit);
    }
    case ADVISE_BROKE_CPU:
        return g_strdup_printf("%.0f polls per idle second, above --max-cpu %g", c->cpu_per_idle_s,
                               req->max_cpu_per_s);
    default:
        return g_strdup("meets every constraint");
    }
}

/* Why qualifying candidate c ranks below best: the first figure of the ranking that differs. */
static char *lose_text(const cli_advise_candidate_t *c, const cli_advise_candidate_t *best)
{
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;

    if (c->press_p99_us != best->press_p99_us) {
        a = cli_advise_latency_text(c->press_p99_us);
        b = cli_advise_latency_text(best->press_p99_us);
        return g_strdup_printf("p99 press latency %s (vs %s)", a, b);
    }
    if (c->cpu_per_idle_s != best->cpu_per_idle_s) {
        return g_strdup_printf("%.0f CPU entries per idle second (vs %.0f)", c->cpu_per_idle_s,
                               best->cpu_per_idle_s);
    }
    if (c->cpu_per_press != best->cpu_per_press) {
        return g_strdup_printf("the same latency, but %.1f CPU entries per press (vs %.1f)",
                               c->cpu_per_press, best->cpu_per_press);
    }
    if (c->cfg.press_window_ns == best->cfg.press_window_ns) {
        return g_strdup("the same figures: a tie, ranked by the order of the algorithms");
    }
    a = util_format_duration(c->cfg.press_window_ns);
    b = util_format_duration(best->cfg.press_window_ns);
    return g_strdup_printf("the same figures with a longer window (%s vs %s)", a, b);
}

/* One line per algorithm other than the recommendation's: its best setting, and why it loses. */
static void print_others(FILE *out, const cli_advise_result_t *r, const cli_advise_request_t *req,
                         GPtrArray *paths)
{
    const cli_advise_candidate_t *best = &g_array_index(r->candidates, cli_advise_candidate_t, 0);

    fprintf(out, "  why not\n");
    for (int a = 0; a < DEBOUNCE_ALGO_COUNT; a++) {
        const cli_advise_candidate_t *c = NULL;
        g_autofree char *setting = NULL;
        g_autofree char *why = NULL;
        if ((debounce_algo_t)a == best->cfg.algo) {
            continue;
        }
        for (guint i = 0; i < r->candidates->len && c == NULL; i++) {
            const cli_advise_candidate_t *x =
                &g_array_index(r->candidates, cli_advise_candidate_t, i);
            if (x->cfg.algo == (debounce_algo_t)a) {
                c = x;
            }
        }
        if (c == NULL) {
            continue;
        }
        setting = cli_advise_setting_text(c);
        if (c->broken == ADVISE_OK) {
            g_autofree char *loses = lose_text(c, best);
            why = g_strdup_printf("at best %s: %s", setting, loses);
        } else {
            g_autofree char *broken = cli_advise_broken_text(c, req, paths);
            why = g_strdup_printf("closest %s: %s", setting, broken);
        }
        fprintf(out, "    %-12s %s\n", debounce_algo_name((debounce_algo_t)a), why);
    }
}

void cli_advise_print(FILE *out, const cli_advise_result_t *r, const cli_advise_request_t *req,
                      GPtrArray *paths)
{
    const cli_advise_candidate_t *c = &g_array_index(r->candidates, cli_advise_candidate_t, 0);
    g_autofree char *setting = cli_advise_setting_text(c);
    const gboolean stressed = r->stress_presses > 0;
    g_autofree char *false_rate =
        stressed ? rate_text(c->false_cycles, c->cycles, "simulated press cycles")
                 : rate_text(c->false_events, c->presses, "recorded presses");
    g_autofree char *missed_rate =
        stressed ? rate_text(c->missed_cycles, c->cycles, "simulated press cycles")
                 : rate_text(c->missed_events, c->presses, "recorded presses");
    g_autofree char *pm = cli_advise_latency_text(c->press_median_us);
    g_autofree char *p99 = cli_advise_latency_text(c->press_p99_us);
    g_autofree char *rm = cli_advise_latency_text(c->release_median_us);
    g_autofree char *r99 = cli_advise_latency_text(c->release_p99_us);

    fprintf(out, "recommendation  %s  (platform %s, %u trace%s)\n", setting,
            req->platform == ADVISE_PLATFORM_C ? "c" : "micropython", paths->len,
            paths->len == 1 ? "" : "s");
    fprintf(out, "  false         %s\n", false_rate);
    fprintf(out, "  missed        %s\n", missed_rate);
    fprintf(out, "  latency       press median %s, p99 %s; release median %s, p99 %s (worst %s)\n",
            pm, p99, rm, r99, stressed ? "input" : "trace");
    fprintf(out, "  cpu           %.1f entries per press, %.0f per idle second\n", c->cpu_per_press,
            c->cpu_per_idle_s);
    if (r->longest_bounce_ns > 0) {
        g_autofree char *bounce = duration_text((double)r->longest_bounce_ns);
        fprintf(out, "  margin        window %.1fx the longest bounce recorded (%s, %s on %s)",
                (double)c->cfg.press_window_ns / (double)r->longest_bounce_ns, bounce,
                r->longest_is_make ? "make" : "break",
                (char *)g_ptr_array_index(paths, r->longest_bounce_trace));
    } else {
        fprintf(out, "  margin        no bounce recorded");
    }
    if (c->smaller_window_ns >= 0) {
        g_autofree char *smaller = util_format_duration(c->smaller_window_ns);
        fprintf(out, "; on the recordings the next window down, %s, has %u errors", smaller,
                c->smaller_errors);
    } else {
        fprintf(out, "; the smallest window searched");
    }
    fputc('\n', out);
    if (r->n_ok > 1) {
        const cli_advise_candidate_t *ru = &g_array_index(r->candidates, cli_advise_candidate_t, 1);
        g_autofree char *ru_setting = cli_advise_setting_text(ru);
        g_autofree char *ru_p99 = cli_advise_latency_text(ru->press_p99_us);
        fprintf(out, "  runner-up     %s: p99 press latency %s, %.0f per idle second\n", ru_setting,
                ru_p99, ru->cpu_per_idle_s);
    }
    print_others(out, r, req, paths);
    {
        g_autofree char *options = run_options(c);
        fprintf(out, "  check         bouncelab run TRACE %s\n", options);
    }
    if (stressed) {
        fprintf(out,
                "  evidence      %" G_GUINT64_FORMAT " simulated press cycles per input "
                "(bouncelab stress, seed %" G_GUINT64_FORMAT "), from a\n"
                "                model fitted to each recording (or given); rates count cycles "
                "with a fault,\n                bounds are exact (Clopper-Pearson). Windows were "
                "chosen on the inputs' traces.\n",
                r->stress_presses, r->stress_seed);
        return;
    }
    fprintf(out,
            "  evidence is thin: %u recorded press%s. With no failure, the 95 %% upper bound on "
            "a rate is\n  1 - 0.05^(1/n), about 3/n (the rule of three): %.0f per million here; "
            "supporting %g per million\n  from recordings alone takes about %" G_GUINT64_FORMAT
            " presses; --presses N simulates N press cycles\n  from a model of each recording "
            "(bouncelab stress) instead.\n",
            c->presses, c->presses == 1 ? "" : "es", cli_advise_upper95_ppm(0, c->presses),
            req->target_ppm, stats_rate_trials_needed(req->target_ppm / STATS_PER_MILLION));
}
