/*
 * integrator, worked by hand: samples every 100 ticks (t = 100, 200, ...);
 * while released each pressed sample adds 1 and each released one takes 1
 * (floor 0), and reaching the press count N reports a press; the count then
 * restarts at the release count and falls to 0 for a release.
 * Pull-up wiring unless said: level 1 = released, 0 = pressed.
 */
#include "core_runner.h"

#define INTEGRATOR(np, nr)                                                                         \
    {                                                                                              \
        .algo = DEBOUNCE_INTEGRATOR, .press_window_samples = (np), .release_window_samples = (nr), \
        .active_low = true                                                                         \
    }

static const core_case_t cases[] = {
    /* counts 1,2,3 at 200,300,400; down 2,1,0 at 1100,1200,1300 */
    {.name = "clean press",
     .cfg = INTEGRATOR(3, 3),
     .initial_level = 1,
     .end = 2000,
     .interval = 100,
     CORE_INPUTS({150, 0}, {1050, 1}),
     CORE_EXPECT(P(400), R(1300))},
    /* 200 p:1, 300 r:0, 400 p:1, 500 p:2, 600 p:3 */
    {.name = "bouncy press",
     .cfg = INTEGRATOR(3, 3),
     .initial_level = 1,
     .end = 2000,
     .interval = 100,
     CORE_INPUTS({150, 0}, {250, 1}, {350, 0}, {1050, 1}),
     CORE_EXPECT(P(600), R(1300))},
    /* 200 p:1, 300 p:2, 400 r:1, 500 r:0 */
    {.name = "glitch shorter than the window",
     .cfg = INTEGRATOR(3, 3),
     .initial_level = 1,
     .end = 2000,
     .interval = 100,
     CORE_INPUTS({150, 0}, {320, 1}),
     CORE_EXPECT_NONE},
    /* the bounce 250..280 falls between samples: never seen */
    {.name = "bounce between samples",
     .cfg = INTEGRATOR(3, 3),
     .initial_level = 1,
     .end = 2000,
     .interval = 100,
     CORE_INPUTS({150, 0}, {250, 1}, {280, 0}, {1050, 1}),
     CORE_EXPECT(P(400), R(1300))},
    /* one sample each way: the count never passes 1 */
    {.name = "alternating samples never settle",
     .cfg = INTEGRATOR(3, 3),
     .initial_level = 1,
     .end = 1000,
     .interval = 100,
     CORE_INPUTS({150, 0}, {250, 1}, {350, 0}, {450, 1}, {550, 0}, {650, 1}),
     CORE_EXPECT_NONE},
    {.name = "one sample each way",
     .cfg = INTEGRATOR(1, 1),
     .initial_level = 1,
     .end = 1000,
     .interval = 100,
     CORE_INPUTS({150, 0}, {250, 1}),
     CORE_EXPECT(P(200), R(300))},
    {.name = "zero samples follows the pin",
     .cfg = INTEGRATOR(0, 0),
     .initial_level = 1,
     .end = 1000,
     .interval = 100,
     CORE_INPUTS({150, 0}, {250, 1}),
     CORE_EXPECT(P(200), R(300))},
    /* press after 2 (200, 300), release after 4 (1100..1400) */
    {.name = "separate press and release counts",
     .cfg = INTEGRATOR(2, 4),
     .initial_level = 1,
     .end = 2000,
     .interval = 100,
     CORE_INPUTS({150, 0}, {1050, 1}),
     CORE_EXPECT(P(300), R(1400))},
    /* after the press the count is 3; 1100 r:2, 1200 p:3, then 2,1,0 at 1300..1500 */
    {.name = "bouncy release climbs back",
     .cfg = INTEGRATOR(3, 3),
     .initial_level = 1,
     .end = 2000,
     .interval = 100,
     CORE_INPUTS({150, 0}, {1050, 1}, {1150, 0}, {1250, 1}),
     CORE_EXPECT(P(400), R(1500))},
    /* a settled press starts at the release count: 300:2, 400:1, 500:0 */
    {.name = "starts pressed",
     .cfg = INTEGRATOR(3, 3),
     .initial_level = 0,
     .end = 1000,
     .interval = 100,
     CORE_INPUTS({250, 1}),
     CORE_EXPECT(R(500))},
    {.name = "active-high wiring",
     .cfg = {.algo = DEBOUNCE_INTEGRATOR,
             .press_window_samples = 3,
             .release_window_samples = 3,
             .active_low = false},
     .initial_level = 0,
     .end = 2000,
     .interval = 100,
     CORE_INPUTS({150, 1}, {1050, 0}),
     CORE_EXPECT(P(400), R(1300))},
    /* the count keeps climbing to the top while held, so one released sample
     * in a long hold costs one step, not a release */
    {.name = "single released sample during a hold",
     .cfg = INTEGRATOR(3, 3),
     .initial_level = 1,
     .end = 2000,
     .interval = 100,
     CORE_INPUTS({150, 0}, {750, 1}, {850, 0}, {1450, 1}),
     CORE_EXPECT(P(400), R(1700))},
};

int main(void)
{
    return core_run_table("integrator", cases, sizeof cases / sizeof cases[0]);
}
