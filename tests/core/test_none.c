/* none, worked by hand: every change the update sees is an event. */
#include "core_runner.h"

#define NONE                                                                                       \
    {                                                                                              \
        .algo = DEBOUNCE_NONE, .press_window_ticks = 1000, .release_window_ticks = 1000,           \
        .active_low = true                                                                         \
    }

static const core_case_t cases[] = {
    {.name = "every bounce counts",
     .cfg = NONE,
     .initial_level = 1,
     .end = 6000,
     CORE_INPUTS({100, 0}, {150, 1}, {230, 0}, {5000, 1}),
     CORE_EXPECT(P(100), R(150), P(230), R(5000))},
    {.name = "active-high wiring",
     .cfg = {.algo = DEBOUNCE_NONE,
             .press_window_ticks = 0,
             .release_window_ticks = 0,
             .active_low = false},
     .initial_level = 0,
     .end = 1000,
     CORE_INPUTS({100, 1}, {200, 0}),
     CORE_EXPECT(P(100), R(200))},
    {.name = "starts pressed",
     .cfg = NONE,
     .initial_level = 0,
     .end = 1000,
     CORE_INPUTS({500, 1}),
     CORE_EXPECT(R(500))},
    /* sampled every 100: the 120..180 glitch is missed, 250 is seen at 300 */
    {.name = "polled",
     .cfg = NONE,
     .initial_level = 1,
     .end = 1000,
     .interval = 100,
     CORE_INPUTS({120, 0}, {180, 1}, {250, 0}, {640, 1}),
     CORE_EXPECT(P(300), R(700))},
};

int main(void)
{
    return core_run_table("none", cases, sizeof cases / sizeof cases[0]);
}
