/*
 * defer, worked by hand: a change is reported once the pin has held the new
 * level for the window, counted from the update that first saw it; an update
 * that sees the old level cancels the wait. A press is reported at
 * (start of the last stable stretch) + window.
 * Pull-up wiring unless said: level 1 = released, 0 = pressed.
 */
#include "core_runner.h"

#define DEFER(pw, rw)                                                                              \
    {                                                                                              \
        .algo = DEBOUNCE_DEFER, .press_window_ticks = (pw), .release_window_ticks = (rw),          \
        .active_low = true                                                                         \
    }

static const core_case_t cases[] = {
    {.name = "clean press",
     .cfg = DEFER(1000, 1000),
     .initial_level = 1,
     .end = 8000,
     CORE_INPUTS({100, 0}, {5000, 1}),
     CORE_EXPECT(P(1100), R(6000))},
    /* last bounce at 420, so the press is settled at 1420 */
    {.name = "bouncy press",
     .cfg = DEFER(1000, 1000),
     .initial_level = 1,
     .end = 12000,
     CORE_INPUTS({100, 0}, {150, 1}, {230, 0}, {400, 1}, {420, 0}, {8000, 1}),
     CORE_EXPECT(P(1420), R(9000))},
    {.name = "glitch shorter than the window",
     .cfg = DEFER(1000, 1000),
     .initial_level = 1,
     .end = 5000,
     CORE_INPUTS({100, 0}, {300, 1}),
     CORE_EXPECT_NONE},
    /* a pulse exactly one window long ends at the tick the wait would end:
     * that update already sees the release */
    {.name = "release exactly at the window end",
     .cfg = DEFER(1000, 1000),
     .initial_level = 1,
     .end = 5000,
     CORE_INPUTS({100, 0}, {1100, 1}),
     CORE_EXPECT_NONE},
    {.name = "release one tick after the window",
     .cfg = DEFER(1000, 1000),
     .initial_level = 1,
     .end = 5000,
     CORE_INPUTS({100, 0}, {1101, 1}),
     CORE_EXPECT(P(1100), R(2101))},
    /* the 500-tick gap between the presses is shorter than the release window */
    {.name = "two presses closer than the window",
     .cfg = DEFER(1000, 1000),
     .initial_level = 1,
     .end = 10000,
     CORE_INPUTS({100, 0}, {2000, 1}, {2500, 0}, {6000, 1}),
     CORE_EXPECT(P(1100), R(7000))},
    {.name = "bouncy release",
     .cfg = DEFER(1000, 1000),
     .initial_level = 1,
     .end = 10000,
     CORE_INPUTS({100, 0}, {5000, 1}, {5040, 0}, {5100, 1}, {5300, 0}, {5350, 1}),
     CORE_EXPECT(P(1100), R(6350))},
    /* release wait 3000 from 2000 is cut at 4000; restarts at 4500 */
    {.name = "separate release window",
     .cfg = DEFER(1000, 3000),
     .initial_level = 1,
     .end = 10000,
     CORE_INPUTS({100, 0}, {2000, 1}, {4000, 0}, {4500, 1}),
     CORE_EXPECT(P(1100), R(7500))},
    {.name = "zero window",
     .cfg = DEFER(0, 0),
     .initial_level = 1,
     .end = 1000,
     CORE_INPUTS({100, 0}, {150, 1}),
     CORE_EXPECT(P(100), R(150))},
    {.name = "active-high wiring",
     .cfg = {.algo = DEBOUNCE_DEFER,
             .press_window_ticks = 1000,
             .release_window_ticks = 1000,
             .active_low = false},
     .initial_level = 0,
     .end = 6000,
     CORE_INPUTS({100, 1}, {180, 0}, {200, 1}, {3000, 0}),
     CORE_EXPECT(P(1200), R(4000))},
    /* the wait starts 500 ticks before the 2^32 wrap and ends 500 after it */
    {.name = "press held across the wrap",
     .cfg = DEFER(1000, 1000),
     .initial_level = 1,
     .base = UINT32_MAX - 600u + 1u,
     .end = 8000,
     CORE_INPUTS({100, 0}, {5000, 1}),
     CORE_EXPECT(P(1100), R(6000))},
    {.name = "starts pressed",
     .cfg = DEFER(1000, 1000),
     .initial_level = 0,
     .end = 3000,
     CORE_INPUTS({500, 1}),
     CORE_EXPECT(R(1500))},
    {.name = "glitch during a long hold",
     .cfg = DEFER(1000, 1000),
     .initial_level = 1,
     .end = 12000,
     CORE_INPUTS({100, 0}, {3000, 1}, {3010, 0}, {9000, 1}),
     CORE_EXPECT(P(1100), R(10000))},
    /* each bounce comes just before the wait would end, pushing it to 2950 */
    {.name = "bounces just under the window apart",
     .cfg = DEFER(1000, 1000),
     .initial_level = 1,
     .end = 5000,
     CORE_INPUTS({100, 0}, {900, 1}, {950, 0}, {1900, 1}, {1950, 0}),
     CORE_EXPECT(P(2950))},
};

int main(void)
{
    return core_run_table("defer", cases, sizeof cases / sizeof cases[0]);
}
