/*
 * eager-defer, worked by hand: a press is reported at the update that sees
 * it and locks until since + press window; a release is reported once the
 * pin has stayed released for the release window, counted from the first
 * update at or after the lock end that sees it released.
 * Pull-up wiring unless said: level 1 = released, 0 = pressed.
 */
#include "core_runner.h"

#define EAGER_DEFER(pw, rw)                                                                        \
    {                                                                                              \
        .algo = DEBOUNCE_EAGER_DEFER, .press_window_ticks = (pw), .release_window_ticks = (rw),    \
        .active_low = true                                                                         \
    }

static const core_case_t cases[] = {
    {.name = "clean press",
     .cfg = EAGER_DEFER(1000, 1000),
     .initial_level = 1,
     .end = 8000,
     CORE_INPUTS({100, 0}, {5000, 1}),
     CORE_EXPECT(P(100), R(6000))},
    {.name = "bouncy press",
     .cfg = EAGER_DEFER(1000, 1000),
     .initial_level = 1,
     .end = 12000,
     CORE_INPUTS({100, 0}, {150, 1}, {230, 0}, {400, 1}, {420, 0}, {8000, 1}),
     CORE_EXPECT(P(100), R(9000))},
    /* eager press; the release wait starts at the lock end 1100 */
    {.name = "glitch shorter than the window",
     .cfg = EAGER_DEFER(1000, 1000),
     .initial_level = 1,
     .end = 5000,
     CORE_INPUTS({100, 0}, {300, 1}),
     CORE_EXPECT(P(100), R(2100))},
    {.name = "release exactly at the window end",
     .cfg = EAGER_DEFER(1000, 1000),
     .initial_level = 1,
     .end = 5000,
     CORE_INPUTS({100, 0}, {1100, 1}),
     CORE_EXPECT(P(100), R(2100))},
    {.name = "two presses closer than the window",
     .cfg = EAGER_DEFER(1000, 1000),
     .initial_level = 1,
     .end = 10000,
     CORE_INPUTS({100, 0}, {400, 1}, {700, 0}, {5000, 1}),
     CORE_EXPECT(P(100), R(6000))},
    {.name = "bouncy release",
     .cfg = EAGER_DEFER(1000, 1000),
     .initial_level = 1,
     .end = 10000,
     CORE_INPUTS({100, 0}, {5000, 1}, {5040, 0}, {5100, 1}, {5300, 0}, {5350, 1}),
     CORE_EXPECT(P(100), R(6350))},
    /* the 500-tick release at 2000 is shorter than the release window */
    {.name = "release gap shorter than the release window",
     .cfg = EAGER_DEFER(1000, 1000),
     .initial_level = 1,
     .end = 10000,
     CORE_INPUTS({100, 0}, {2000, 1}, {2500, 0}, {6000, 1}),
     CORE_EXPECT(P(100), R(7000))},
    /* lock 100..5100 hides everything; the wait starts at 5100 and needs 500 */
    {.name = "separate windows",
     .cfg = EAGER_DEFER(5000, 500),
     .initial_level = 1,
     .end = 10000,
     CORE_INPUTS({100, 0}, {2000, 1}, {3000, 0}, {4000, 1}),
     CORE_EXPECT(P(100), R(5600))},
    {.name = "zero windows",
     .cfg = EAGER_DEFER(0, 0),
     .initial_level = 1,
     .end = 1000,
     CORE_INPUTS({100, 0}, {150, 1}, {230, 0}),
     CORE_EXPECT(P(100), R(150), P(230))},
    {.name = "active-high wiring",
     .cfg = {.algo = DEBOUNCE_EAGER_DEFER,
             .press_window_ticks = 1000,
             .release_window_ticks = 1000,
             .active_low = false},
     .initial_level = 0,
     .end = 8000,
     CORE_INPUTS({100, 1}, {200, 0}, {300, 1}, {4000, 0}),
     CORE_EXPECT(P(100), R(5000))},
    /* the lock starts 500 ticks before the 2^32 wrap and ends 500 after it */
    {.name = "press held across the wrap",
     .cfg = EAGER_DEFER(1000, 1000),
     .initial_level = 1,
     .base = UINT32_MAX - 600u + 1u,
     .end = 8000,
     CORE_INPUTS({100, 0}, {5000, 1}),
     CORE_EXPECT(P(100), R(6000))},
    {.name = "starts pressed",
     .cfg = EAGER_DEFER(1000, 1000),
     .initial_level = 0,
     .end = 3000,
     CORE_INPUTS({500, 1}),
     CORE_EXPECT(R(1500))},
    /* released 2000..3001 settles at 3000; the next press is eager again and
     * its bounce at 3050 falls in the new lock; 5000 cancels the wait from 4001 */
    {.name = "press right after a release",
     .cfg = EAGER_DEFER(1000, 1000),
     .initial_level = 1,
     .end = 8000,
     CORE_INPUTS({100, 0}, {2000, 1}, {3001, 0}, {3050, 1}, {5000, 0}),
     CORE_EXPECT(P(100), R(3000), P(3001))},
};

int main(void)
{
    return core_run_table("eager-defer", cases, sizeof cases / sizeof cases[0]);
}
