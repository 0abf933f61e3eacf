/*
 * lockout, worked by hand: a change is reported at the update that sees it,
 * then the pin is ignored until since + window (press window after a press,
 * release window after a release); the update at the window end reports the
 * pin if it differs from the output, which starts a new lock.
 * Pull-up wiring unless said: level 1 = released, 0 = pressed.
 */
#include "core_runner.h"

#define LOCKOUT(pw, rw)                                                                            \
    {                                                                                              \
        .algo = DEBOUNCE_LOCKOUT, .press_window_ticks = (pw), .release_window_ticks = (rw),        \
        .active_low = true                                                                         \
    }

static const core_case_t cases[] = {
    {.name = "clean press",
     .cfg = LOCKOUT(1000, 1000),
     .initial_level = 1,
     .end = 10000,
     CORE_INPUTS({100, 0}, {5000, 1}),
     CORE_EXPECT(P(100), R(5000))},
    /* bounces at 150..420 fall inside the lock 100..1100 */
    {.name = "bouncy press",
     .cfg = LOCKOUT(1000, 1000),
     .initial_level = 1,
     .end = 12000,
     CORE_INPUTS({100, 0}, {150, 1}, {230, 0}, {400, 1}, {420, 0}, {8000, 1}),
     CORE_EXPECT(P(100), R(8000))},
    /* eager: the glitch is reported, and its end is seen when the lock ends */
    {.name = "glitch shorter than the window",
     .cfg = LOCKOUT(1000, 1000),
     .initial_level = 1,
     .end = 5000,
     CORE_INPUTS({100, 0}, {300, 1}),
     CORE_EXPECT(P(100), R(1100))},
    {.name = "release exactly at the window end",
     .cfg = LOCKOUT(1000, 1000),
     .initial_level = 1,
     .end = 5000,
     CORE_INPUTS({100, 0}, {1100, 1}),
     CORE_EXPECT(P(100), R(1100))},
    {.name = "release one tick inside the window",
     .cfg = LOCKOUT(1000, 1000),
     .initial_level = 1,
     .end = 5000,
     CORE_INPUTS({100, 0}, {1099, 1}),
     CORE_EXPECT(P(100), R(1100))},
    {.name = "release one tick after the window",
     .cfg = LOCKOUT(1000, 1000),
     .initial_level = 1,
     .end = 5000,
     CORE_INPUTS({100, 0}, {1101, 1}),
     CORE_EXPECT(P(100), R(1101))},
    /* the second press starts and ends inside the first press's lock: lost */
    {.name = "two presses closer than the window",
     .cfg = LOCKOUT(1000, 1000),
     .initial_level = 1,
     .end = 10000,
     CORE_INPUTS({100, 0}, {400, 1}, {700, 0}, {5000, 1}),
     CORE_EXPECT(P(100), R(5000))},
    {.name = "bouncy release",
     .cfg = LOCKOUT(1000, 1000),
     .initial_level = 1,
     .end = 10000,
     CORE_INPUTS({100, 0}, {5000, 1}, {5040, 0}, {5100, 1}, {5300, 0}, {5350, 1}),
     CORE_EXPECT(P(100), R(5000))},
    /* the release locks for 3000 (2000..5000), hiding the press 2500..4000 */
    {.name = "separate release window",
     .cfg = LOCKOUT(1000, 3000),
     .initial_level = 1,
     .end = 10000,
     CORE_INPUTS({100, 0}, {2000, 1}, {2500, 0}, {4000, 1}),
     CORE_EXPECT(P(100), R(2000))},
    /* bounce outlasting the window: the lock end sees a bounce and reports it */
    {.name = "bounce longer than the window",
     .cfg = LOCKOUT(1000, 1000),
     .initial_level = 1,
     .end = 5000,
     CORE_INPUTS({100, 0}, {1050, 1}, {1200, 0}),
     CORE_EXPECT(P(100), R(1100), P(2100))},
    /* a zero window locks until the same tick: it behaves like none */
    {.name = "zero window",
     .cfg = LOCKOUT(0, 0),
     .initial_level = 1,
     .end = 1000,
     CORE_INPUTS({100, 0}, {150, 1}, {230, 0}),
     CORE_EXPECT(P(100), R(150), P(230))},
    {.name = "active-high wiring",
     .cfg = {.algo = DEBOUNCE_LOCKOUT,
             .press_window_ticks = 1000,
             .release_window_ticks = 1000,
             .active_low = false},
     .initial_level = 0,
     .end = 8000,
     CORE_INPUTS({100, 1}, {200, 0}, {300, 1}, {5000, 0}),
     CORE_EXPECT(P(100), R(5000))},
    /* press 2000 ticks before the 2^32 wrap, lock 100..5100 ends after it */
    {.name = "press held across the wrap",
     .cfg = LOCKOUT(5000, 5000),
     .initial_level = 1,
     .base = UINT32_MAX - 2100u + 1u,
     .end = 20000,
     CORE_INPUTS({100, 0}, {150, 1}, {200, 0}, {3000, 1}, {3100, 0}, {9000, 1}),
     CORE_EXPECT(P(100), R(9000))},
    {.name = "starts pressed",
     .cfg = LOCKOUT(1000, 1000),
     .initial_level = 0,
     .end = 3000,
     CORE_INPUTS({500, 1}),
     CORE_EXPECT(R(500))},
    /* the release at 3000 is reported at once even though the press lock
     * ended long before: locks only follow reported changes */
    {.name = "press then release after the lock",
     .cfg = LOCKOUT(1000, 1000),
     .initial_level = 1,
     .end = 6000,
     CORE_INPUTS({100, 0}, {3000, 1}, {4000, 0}),
     CORE_EXPECT(P(100), R(3000), P(4000))},
};

int main(void)
{
    return core_run_table("lockout", cases, sizeof cases / sizeof cases[0]);
}
