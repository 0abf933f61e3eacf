/*
 * The pico-sdk program for a setting: the core's configuration, a handler
 * that reads the pin into the core and queues events, and either a
 * repeating timer (poll) or GPIO edge interrupts plus a one-shot alarm at
 * the core's deadline (irq), as firmware/pico/button_demo does. The main
 * loop prints each event with its time_us_32().
 */
#include "emit.h"
#include "util_duration.h"

/* The parts of the program that do not depend on the setting. */
static const char C_QUEUE[] =
    "/* Handler -> main loop: a ring of events. One producer (the handlers, which never\n"
    " * preempt each other) and one consumer (the main loop). */\n"
    "typedef struct {\n"
    "    uint32_t t_us;\n"
    "    debounce_event_t event;\n"
    "} button_event_t;\n"
    "static button_event_t queue[BUTTON_QUEUE_EVENTS];\n"
    "static volatile uint32_t queue_head; /* events put, by the handlers */\n"
    "static volatile uint32_t queue_tail; /* events taken, by the main loop */\n"
    "static volatile uint32_t queue_dropped;\n"
    "static debounce_t button;\n"
    "\n"
    "/* Every handler entry: read the pin into the core; queue what it reports. */\n"
    "static void button_handle(void)\n"
    "{\n"
    "    uint32_t now = time_us_32();\n"
    "    debounce_event_t ev = debounce_update(&button, now, gpio_get(BUTTON_GPIO));\n"
    "    if (ev == DEBOUNCE_EVENT_NONE) {\n"
    "        return;\n"
    "    }\n"
    "    if (queue_head - queue_tail >= BUTTON_QUEUE_EVENTS) {\n"
    "        queue_dropped = queue_dropped + 1u;\n"
    "    } else {\n"
    "        queue[queue_head % BUTTON_QUEUE_EVENTS] = (button_event_t){now, ev};\n"
    "        queue_head = queue_head + 1u;\n"
    "    }\n"
    "    __sev(); /* wake the main loop */\n"
    "}\n\n";

static const char C_POLL[] =
    "static bool on_poll(repeating_timer_t *timer)\n"
    "{\n"
    "    (void)timer;\n"
    "    button_handle();\n"
    "    return true; /* keep polling */\n"
    "}\n"
    "\n"
    "static bool start_reading(void)\n"
    "{\n"
    "    static repeating_timer_t poll_timer; /* the SDK keeps using it */\n"
    "    /* negative: from start to start, so the polls stay on a fixed grid */\n"
    "    return add_repeating_timer_us(-(int64_t)BUTTON_POLL_INTERVAL_US, on_poll, NULL, "
    "&poll_timer);\n"
    "}\n\n";

static const char C_IRQ[] =
    "/* One alarm armed at the core's deadline, if it has one. The GPIO and alarm\n"
    " * handlers run on core 0 at the same priority: they share these unlocked. */\n"
    "static alarm_id_t deadline_alarm; /* > 0 while armed */\n"
    "static uint32_t deadline_when;    /* its instant (time_us_32()) */\n"
    "\n"
    "static int64_t on_deadline(alarm_id_t id, void *user_data);\n"
    "\n"
    "static void arm_deadline(void)\n"
    "{\n"
    "    for (unsigned tries = 0u; tries < BUTTON_CATCH_UP_MAX; tries++) {\n"
    "        uint32_t when;\n"
    "        int32_t delay_us;\n"
    "        if (!debounce_deadline(&button, &when)) {\n"
    "            break;\n"
    "        }\n"
    "        if (deadline_alarm > 0 && when == deadline_when) {\n"
    "            return; /* already armed there */\n"
    "        }\n"
    "        if (deadline_alarm > 0) {\n"
    "            cancel_alarm(deadline_alarm);\n"
    "            deadline_alarm = 0;\n"
    "        }\n"
    "        delay_us = debounce_tick_diff(when, time_us_32());\n"
    "        if (delay_us > 0) {\n"
    "            alarm_id_t id = add_alarm_in_us((uint64_t)delay_us, on_deadline, NULL, false);\n"
    "            if (id != 0) {\n"
    "                deadline_alarm = id; /* < 0: no free alarm slot; the next edge retries */\n"
    "                deadline_when = when;\n"
    "                return;\n"
    "            }\n"
    "        }\n"
    "        button_handle(); /* the deadline has passed already: the alarm's job, here */\n"
    "    }\n"
    "    if (deadline_alarm > 0) {\n"
    "        cancel_alarm(deadline_alarm);\n"
    "        deadline_alarm = 0;\n"
    "    }\n"
    "}\n"
    "\n"
    "static int64_t on_deadline(alarm_id_t id, void *user_data)\n"
    "{\n"
    "    (void)id;\n"
    "    (void)user_data;\n"
    "    deadline_alarm = 0; /* fired: nothing left to cancel */\n"
    "    button_handle();\n"
    "    arm_deadline();\n"
    "    return 0; /* one-shot */\n"
    "}\n"
    "\n"
    "static void on_edge(uint gpio, uint32_t events)\n"
    "{\n"
    "    (void)events; /* the level now is what counts, not which edges latched */\n"
    "    if (gpio != BUTTON_GPIO) {\n"
    "        return;\n"
    "    }\n"
    "    button_handle();\n"
    "    arm_deadline();\n"
    "}\n"
    "\n"
    "static bool start_reading(void)\n"
    "{\n"
    "    deadline_alarm = 0;\n"
    "    gpio_set_irq_enabled_with_callback(BUTTON_GPIO, GPIO_IRQ_EDGE_FALL | "
    "GPIO_IRQ_EDGE_RISE, true,\n"
    "                                       on_edge);\n"
    "    return true;\n"
    "}\n\n";

static const char C_MAIN[] =
    "int main(void)\n"
    "{\n"
    "    stdio_init_all();\n"
    "    gpio_init(BUTTON_GPIO);\n"
    "    gpio_set_dir(BUTTON_GPIO, GPIO_IN);\n"
    "#if BUTTON_PULL == BUTTON_PULL_UP\n"
    "    gpio_pull_up(BUTTON_GPIO);\n"
    "#elif BUTTON_PULL == BUTTON_PULL_DOWN\n"
    "    gpio_pull_down(BUTTON_GPIO);\n"
    "#endif\n"
    "    sleep_us(BUTTON_PULL_SETTLE_US);\n"
    "    debounce_init(&button, &button_cfg, time_us_32(), gpio_get(BUTTON_GPIO));\n"
    "    if (!start_reading()) {\n"
    "        printf(\"button: no free alarm slot for the poll timer\\n\");\n"
    "    }\n"
    "    for (;;) {\n"
    "        uint32_t dropped;\n"
    "        while (queue_tail != queue_head) {\n"
    "            button_event_t ev = queue[queue_tail % BUTTON_QUEUE_EVENTS];\n"
    "            queue_tail = queue_tail + 1u;\n"
    "            /* your code here: this is where a press or a release reaches you */\n"
    "            printf(\"%s at %lu us\\n\", ev.event == DEBOUNCE_EVENT_PRESS ? \"press\" : "
    "\"release\",\n"
    "                   (unsigned long)ev.t_us);\n"
    "        }\n"
    "        dropped = queue_dropped;\n"
    "        if (dropped > 0u) {\n"
    "            queue_dropped = 0u;\n"
    "            printf(\"button: %lu events dropped\\n\", (unsigned long)dropped);\n"
    "        }\n"
    "        __wfe(); /* until an interrupt, or a handler's __sev() */\n"
    "    }\n"
    "}\n";

void emit_c(FILE *out, const emit_request_t *r)
{
    const sim_config_t *cfg = r->cfg;
    const gboolean poll = cfg->mode == SIM_MODE_POLL;
    g_autofree char *press = util_format_duration(cfg->press_window_ns);
    g_autofree char *release = util_format_duration(cfg->release_window_ns);
    g_autofree char *interval = util_format_duration(cfg->interval_ns);
    debounce_config_t core;
    guint32 press_value = 0, release_value = 0;
    g_autofree char *press_note = NULL;
    g_autofree char *release_note = NULL;

    sim_config_core(cfg, r->active_low, &core);
    const char *unit = emit_windows(&core, &press_value, &release_value);
    g_autofree char *algo_constant = emit_algo_constant(cfg->algo, "DEBOUNCE_");
    if (debounce_algo_counts_samples(cfg->algo)) {
        press_note = g_strdup_printf("samples: ceil(%s / %s)", press, interval);
        release_note = g_strdup_printf("samples: ceil(%s / %s)", release, interval);
    } else {
        press_note = g_strdup_printf("us: %s", press);
        release_note = g_strdup_printf("us: %s", release);
    }
    fprintf(out,
            "/*\n"
            " * Generated by bouncelab %s:\n"
            " *   %s\n"
            " *\n"
            " * %s %s/%s (press/release window), %s%s%s.\n",
            BOUNCELAB_VERSION, r->command, debounce_algo_name(cfg->algo), press, release,
            poll ? "polled every " : "GPIO edge interrupts + deadline alarm", poll ? interval : "",
            poll ? "" : " (pico-sdk C)");
    if (r->summary != NULL) {
        fprintf(out, " * %s\n", r->summary);
    }
    fputs(" *\n"
          " * A pico-sdk program: add it to a project that links pico_stdlib and\n"
          " * bouncelab::debounce_core (see bouncelab's firmware/pico/README.md). Each event\n"
          " * is printed with its time_us_32() timestamp.\n"
          " */\n"
          "#include <stdio.h>\n\n"
          "#include \"hardware/sync.h\"\n"
          "#include \"pico/stdlib.h\"\n\n"
          "#include \"debounce/debounce.h\"\n\n",
          out);
    fprintf(out,
            "/* The wiring: override with -D. */\n"
            "#define BUTTON_PULL_NONE 0\n"
            "#define BUTTON_PULL_UP   1\n"
            "#define BUTTON_PULL_DOWN 2\n"
            "#ifndef BUTTON_GPIO\n"
            "#define BUTTON_GPIO %uu\n"
            "#endif\n"
            "#ifndef BUTTON_PULL\n"
            "#define BUTTON_PULL BUTTON_PULL_%s\n"
            "#endif\n"
            "#ifndef BUTTON_ACTIVE_LOW\n"
            "#define BUTTON_ACTIVE_LOW %d /* 1: the pin reads 0 while pressed */\n"
            "#endif\n\n",
            r->gpio,
            r->pull == EMIT_PULL_UP     ? "UP"
            : r->pull == EMIT_PULL_DOWN ? "DOWN"
                                        : "NONE",
            r->active_low ? 1 : 0);
    if (poll) {
        fprintf(out, "#define BUTTON_POLL_INTERVAL_US %" G_GINT64_FORMAT "u\n",
                cfg->interval_ns / SIM_TICK_NS);
    } else {
        fputs("/* how often a handler runs a deadline already past before waiting for an edge */\n"
              "#define BUTTON_CATCH_UP_MAX 4u\n",
              out);
    }
    fprintf(out,
            "#define BUTTON_PULL_SETTLE_US 100u /* for the pull to charge the pin */\n"
            "#define BUTTON_QUEUE_EVENTS   16u\n\n"
            "static const debounce_config_t button_cfg = {\n"
            "    .algo = %s,\n"
            "    .press_window_%s = %" G_GUINT32_FORMAT "u,   /* %s */\n"
            "    .release_window_%s = %" G_GUINT32_FORMAT "u, /* %s */\n"
            "    .active_low = BUTTON_ACTIVE_LOW,\n"
            "};\n\n",
            algo_constant, unit, press_value, press_note, unit, release_value, release_note);
    fputs(C_QUEUE, out);
    fputs(poll ? C_POLL : C_IRQ, out);
    fputs(C_MAIN, out);
}
