/*
 * The recommended setting, defined once in C (sweep_best.c), on a sweep
 * made by hand so that the rule's choices differ from the nearby ones: the
 * smallest error-free window is not the lowest-latency one, an error ends
 * the run of error-free windows, a latency tie across intervals goes to the
 * longer interval, and a runtime's line is the fastest algorithm's
 * recommended window.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sweep_best.h"

#define HEADER                                                                                     \
    "trace,algo,mode,press_window_us,release_window_us,interval_us,irq_latency_us,presses_true,"   \
    "presses_detected,missed,false_triggers,press_latency_min_us,press_latency_median_us,"         \
    "press_latency_p99_us,press_latency_max_us,release_latency_median_us,cpu_entries,"             \
    "cpu_entries_per_press,runtime\n"

/* defer @100: 500 has 1 false; 1000 clean (900 us); 2000 clean and faster (800 us); 4000
 * misses 1; 8000 clean again. defer @1000: 1000 clean at 900 us. lockout @100: misses.
 * irq c: lockout 1000 clean 5 us, defer 500 clean 3 us. irq mpy-soft: lockout 1 false. */
static const char sweep[] =
    HEADER "t,defer,poll,500,500,100,,10,11,0,1,1,850,950,990,1,10,1.00,\n"
           "t,defer,poll,1000,1000,100,,10,10,0,0,1,900,1000,1100,1,10,1.00,\n"
           "t,defer,poll,2000,2000,100,,10,10,0,0,1,800,990,1000,1,10,1.00,\n"
           "t,defer,poll,4000,4000,100,,10,9,1,0,1,4100,4200,4300,1,10,1.00,\n"
           "t,defer,poll,8000,8000,100,,10,10,0,0,1,8100,8200,8300,1,10,1.00,\n"
           "t,defer,poll,1000,1000,1000,,10,10,0,0,1,900,1500,1600,1,5,0.50,\n"
           "t,lockout,poll,1000,1000,100,,10,9,1,0,1,50,60,70,1,10,1.00,\n"
           "t,lockout,irq,1000,1000,,1,10,10,0,0,1,5,6,7,1,20,2.00,c\n"
           "t,defer,irq,500,500,,1,10,10,0,0,1,3,4,5,1,30,3.00,c\n"
           "t,lockout,irq,1000,1000,,50,10,11,0,1,1,60,70,80,1,20,2.00,mpy-soft\n"
           "u,defer,poll,1000,1000,100,,10,10,0,0,1,1,1,1,1,10,1.00,\n";

static GPtrArray *rows_of(GPtrArray **traces)
{
    g_autofree char *dir = g_dir_make_tmp("sweep-best-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "sweep.csv", NULL);
    g_autoptr(GError) error = NULL;
    GPtrArray *rows;

    assert_true(g_file_set_contents(path, sweep, -1, NULL));
    rows = sweep_rows_read(path, traces, &error);
    assert_null(error);
    g_unlink(path);
    g_rmdir(dir);
    return rows;
}

/* The rows of trace t for ALGO in MODE (and at INTERVAL when > 0). */
static GPtrArray *group(const GPtrArray *rows, const char *algo, const char *mode, double interval)
{
    GPtrArray *g = g_ptr_array_new();
    for (guint i = 0; i < rows->len; i++) {
        const sweep_row_t *r = g_ptr_array_index(rows, i);
        if (strcmp(r->trace, "t") == 0 && strcmp(r->algo, algo) == 0 &&
            strcmp(r->mode, mode) == 0 && (interval <= 0 || r->interval_us == interval)) {
            g_ptr_array_add(g, (gpointer)r);
        }
    }
    return g;
}

static void smallest_window_and_its_run(void **state)
{
    g_autoptr(GPtrArray) traces = NULL;
    g_autoptr(GPtrArray) rows = rows_of(&traces);
    g_autoptr(GPtrArray) defer100 = group(rows, "defer", "poll", 100);
    g_autoptr(GPtrArray) lockout = group(rows, "lockout", "poll", 100);
    const sweep_row_t *best;
    (void)state;

    best = sweep_best_window(defer100);
    assert_non_null(best);
    assert_string_equal(best->window, "1000"); /* not 2000, though 2000 is faster */
    assert_string_equal(sweep_best_run_end(defer100, best)->window, "2000"); /* 4000 misses */
    assert_null(sweep_best_window(lockout));
}

static void interval_tie_goes_to_the_longer(void **state)
{
    g_autoptr(GPtrArray) traces = NULL;
    g_autoptr(GPtrArray) rows = rows_of(&traces);
    g_autoptr(GPtrArray) defer = group(rows, "defer", "poll", 0);
    const sweep_row_t *best;
    (void)state;

    /* @100 and @1000 both recommend 1000 at 900 us: the longer interval costs less CPU */
    best = sweep_best_setting(defer);
    assert_non_null(best);
    assert_string_equal(best->interval, "1000");
    assert_string_equal(best->window, "1000");
}

static void what_the_plots_get(void **state)
{
    g_autoptr(GPtrArray) traces = NULL;
    g_autoptr(GPtrArray) rows = rows_of(&traces);
    g_autofree char *text = sweep_best_gnuplot(rows, "t");
    (void)state;

    assert_int_equal(traces->len, 2);
    assert_string_equal(text, "best='"
                              "poll - 100 lockout none none none none none "
                              "poll - 100 defer 1000 2000 900 1000 1.00 "
                              "poll - 1000 defer 1000 1000 900 1500 0.50 "
                              "irq c 1 lockout 1000 1000 5 6 2.00 "
                              "irq c 1 defer 500 500 3 4 3.00 "
                              "irq mpy-soft 50 lockout none none none none none'; "
                              "best_irq='c 1 defer 500 3 4 3.00 mpy-soft 50 - none NaN NaN NaN'");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(smallest_window_and_its_run),
        cmocka_unit_test(interval_tie_goes_to_the_longer),
        cmocka_unit_test(what_the_plots_get),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
