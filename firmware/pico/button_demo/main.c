/*
 * button_demo: a button on DEMO_GPIO, debounced by bouncelab's core, in poll
 * mode (a repeating timer reads the pin) or irq mode (GPIO edge interrupts
 * plus a one-shot alarm at the core's deadline), chosen by DEMO_IRQ_MODE.
 * Each press toggles the on-board LED; each event is printed with its
 * time_us_32() timestamp and, in irq mode, the handler entries it took.
 *
 * SDK glue only; the logic is in demo_button.c and demo_report.c. Handlers
 * read the pin and call demo_handle(), nothing more; the main loop prints.
 */
#include <stdio.h>

#include "hardware/sync.h"
#include "pico/stdlib.h"

#include "board_led.h"
#include "demo_button.h"
#include "demo_config.h"
#include "demo_report.h"

/* Filled by main() from demo_config.h; the core reads it for the whole run. */
static debounce_config_t button_cfg;

/* The handlers' state: file scope because the SDK's GPIO callback takes no user pointer. */
static demo_t demo;

/* Reads the pin into the core; wakes the main loop (WFE) when an event is queued. */
static void handle(demo_source_t source)
{
    if (demo_handle(&demo, source, time_us_32(), gpio_get(DEMO_GPIO)) != DEBOUNCE_EVENT_NONE) {
        __sev();
    }
}

#if DEMO_IRQ_MODE
/*
 * The one-shot alarm at the core's deadline. Both handlers run on core 0 at
 * the default IRQ priority, so they never preempt each other and may share
 * these without locking.
 */
static alarm_id_t deadline_alarm; /* > 0 while armed */
static uint32_t deadline_when;    /* its instant (us, time_us_32()) */
/* a deadline is pending with no alarm (no free slot): the main loop polls it */
static volatile bool deadline_polled;

static int64_t on_deadline(alarm_id_t id, void *user_data);

/*
 * Called after every update: keeps one alarm armed at the core's current
 * deadline, if any. A deadline already past is run here, as part of the
 * entry that found it (not an entry of its own).
 */
static void arm_deadline(void)
{
    uint32_t when;

    for (unsigned tries = 0u; tries < DEMO_DEADLINE_CATCH_UP_MAX; tries++) {
        int32_t delay_us;
        if (!demo_deadline(&demo, &when)) {
            break;
        }
        if (deadline_alarm > 0 && when == deadline_when) {
            return; /* already armed there */
        }
        if (deadline_alarm > 0) {
            /* the deadline moved: the alarm at the old one must not fire */
            cancel_alarm(deadline_alarm);
            deadline_alarm = 0;
        }
        delay_us = debounce_tick_diff(when, time_us_32());
        if (delay_us > 0) {
            /* fire_if_past false: a late alarm is run below, never re-entered from here */
            alarm_id_t id = add_alarm_in_us((uint64_t)delay_us, on_deadline, NULL, false);
            if (id > 0) {
                deadline_alarm = id;
                deadline_when = when;
                deadline_polled = false;
                return;
            }
            if (id < 0) {
                deadline_polled = true; /* no free alarm slot: poll until one is free */
                return;
            }
            /* 0: the deadline passed during the call */
        }
        handle(DEMO_SOURCE_UNCOUNTED);
    }
    if (deadline_alarm > 0) {
        cancel_alarm(deadline_alarm);
        deadline_alarm = 0;
    }
    /* a deadline still pending after DEMO_DEADLINE_CATCH_UP_MAX runs: the main loop polls it */
    deadline_polled = demo_deadline(&demo, &when);
}

static int64_t on_deadline(alarm_id_t id, void *user_data)
{
    (void)id;
    (void)user_data;
    deadline_alarm = 0; /* it has fired: nothing left to cancel */
    handle(DEMO_SOURCE_ALARM);
    arm_deadline();
    return 0; /* one-shot */
}

static void on_edge(uint gpio, uint32_t events)
{
    (void)events; /* the level now is what counts, not which edges latched */
    if (gpio != DEMO_GPIO) {
        return;
    }
    handle(DEMO_SOURCE_GPIO);
    arm_deadline();
}

/* Runs arm_deadline() from the main loop, the handlers held off meanwhile. */
static void arm_deadline_from_main(void)
{
    uint32_t irq_status = save_and_disable_interrupts();
    arm_deadline();
    restore_interrupts(irq_status);
}

static bool start_reading(void)
{
    uint32_t irq_status;

    deadline_alarm = 0;
    deadline_polled = false;
    /* enabling clears the edges latched since the initial reading ... */
    gpio_set_irq_enabled_with_callback(DEMO_GPIO, GPIO_IRQ_EDGE_FALL | GPIO_IRQ_EDGE_RISE, true,
                                       on_edge);
    /* ... so read the pin once more now that edges latch: a press since then is not lost */
    irq_status = save_and_disable_interrupts();
    handle(DEMO_SOURCE_UNCOUNTED);
    arm_deadline();
    restore_interrupts(irq_status);
    return true;
}

/* Waits for work: an interrupt, or the next poll of a deadline no alarm could be armed for. */
static void idle(void)
{
    if (deadline_polled) {
        busy_wait_us(DEMO_DEADLINE_POLL_US);
        arm_deadline_from_main();
    } else {
        /* an interrupt, or the __sev() of a handler that queued an event, ends the wait */
        __wfe();
    }
}
#else
static bool on_poll(repeating_timer_t *timer)
{
    (void)timer;
    handle(DEMO_SOURCE_POLL);
    return true; /* keep polling */
}

static bool start_reading(void)
{
    static repeating_timer_t poll_timer; /* the SDK keeps using it */
    /* negative: the interval runs from start to start, so polls stay on a fixed grid */
    return add_repeating_timer_us(-(int64_t)DEMO_POLL_INTERVAL_US, on_poll, NULL, &poll_timer);
}

static void idle(void)
{
    __wfe(); /* an interrupt, or the __sev() of a handler that queued an event, ends the wait */
}
#endif

int main(void)
{
    const demo_mode_t mode = DEMO_IRQ_MODE ? DEMO_MODE_IRQ : DEMO_MODE_POLL;
    char line[DEMO_LINE_MAX];
    bool led_on = false;

    stdio_init_all();
    debounce_config_status_t status =
        demo_make_config(&button_cfg, DEMO_ALGO, DEMO_PRESS_WINDOW_US, DEMO_RELEASE_WINDOW_US,
                         DEMO_POLL_INTERVAL_US, DEMO_ACTIVE_LOW);
    if (status != DEBOUNCE_CONFIG_OK ||
        (DEMO_IRQ_MODE && debounce_algo_counts_samples(DEMO_ALGO))) {
        /* nothing sensible to debounce with: say why and stop before touching the pin */
        if (status != DEBOUNCE_CONFIG_OK) {
            demo_format_config_error(line, sizeof line, status);
        } else {
            demo_format_mode_error(line, sizeof line, DEMO_ALGO);
        }
        printf("%s", line);
        for (;;) {
            __wfe();
        }
    }
    gpio_init(DEMO_GPIO);
    gpio_set_dir(DEMO_GPIO, GPIO_IN);
    if (DEMO_ACTIVE_LOW) {
        gpio_pull_up(DEMO_GPIO);
    } else {
        gpio_pull_down(DEMO_GPIO);
    }
    if (!board_led_init()) {
        printf("button_demo: no on-board LED; printing only\n");
    }
    sleep_us(DEMO_PULL_SETTLE_US);
    demo_init(&demo, &button_cfg, time_us_32(), gpio_get(DEMO_GPIO));
    demo_format_banner(line, sizeof line, DEMO_GPIO, &button_cfg, mode, DEMO_POLL_INTERVAL_US);
    printf("%s", line);
    if (!start_reading()) {
        printf("button_demo: error: no free alarm slot for the poll timer\n");
    }
    for (;;) {
        demo_event_t ev;
        uint32_t dropped;
        while (demo_next_event(&demo, &ev)) {
            if (ev.event == DEBOUNCE_EVENT_PRESS) {
                led_on = !led_on;
                board_led_set(led_on);
            }
            demo_format_event(line, sizeof line, &ev, mode);
            printf("%s", line);
        }
        dropped = demo_take_dropped(&demo);
        if (dropped > 0u) {
            demo_format_dropped(line, sizeof line, dropped);
            printf("%s", line);
        }
        idle();
    }
}
