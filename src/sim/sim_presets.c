/* The tutorial programs as configurations. */
#include "sim_presets.h"
#include "sim_error.h"

/*
 * The tutorial's loops have no sleep: one pass reads the pin and, while it
 * reads pressed, prints a line. Our estimate of a pass is 1 ms; --interval
 * overrides it. The print itself comes on top, per count (TUTORIAL_PRINT_NS).
 */
#define TUTORIAL_LOOP_NS         INT64_C(1000000)
#define TUTORIAL_POLL_HOLDOFF_NS INT64_C(300000000) /* `ticks_ms() - last > 300` */
#define TUTORIAL_IRQ_HOLDOFF_NS  INT64_C(500000000) /* `ticks_diff(now, last) > 500` */
#define TUTORIAL_MAIN_LOOP_NS    INT64_C(10000000)  /* `sleep(0.01)` between flag checks */

/*
 * The print per count blocks the loop while the line goes out. Over a UART
 * REPL at 115200 baud with 8N1 framing a character is 10 bits (start, 8 data,
 * stop): 10 / 115200 s = 86.8 us. A line such as "Button pressed 12\r\n" is
 * about 20 characters (our estimate of the tutorial's text with MicroPython's
 * CRLF), so 1.736 ms per count. Over the USB REPL (the Pico's default) the
 * text leaves in USB packets and the stall is shorter: --print-time sets it.
 */
#define UART_BAUD            INT64_C(115200)
#define UART_BITS_PER_CHAR   INT64_C(10)
#define TUTORIAL_PRINT_CHARS INT64_C(20)
#define TUTORIAL_PRINT_NS                                                                          \
    (TUTORIAL_PRINT_CHARS * UART_BITS_PER_CHAR * INT64_C(1000000000) / UART_BAUD)

/* 1: `while True: if button.value() == 0: print(...); count += 1` */
static void poll_raw(sim_config_t *cfg)
{
    cfg->mode = SIM_MODE_POLL;
    cfg->algo = DEBOUNCE_NONE;
    cfg->interval_ns = TUTORIAL_LOOP_NS;
    cfg->count = SIM_COUNT_LEVEL;
    cfg->holdoff_ns = 0;
    cfg->print_ns = TUTORIAL_PRINT_NS;
}

/* 2: the same loop, counting only if `ticks_ms() - last > 300`: a plain
 * subtraction, which goes wrong when ticks_ms() wraps. */
static void poll_300ms(sim_config_t *cfg)
{
    poll_raw(cfg);
    cfg->holdoff_ns = TUTORIAL_POLL_HOLDOFF_NS;
    cfg->holdoff_compare = SIM_HOLDOFF_PLAIN;
}

/* 3: `Pin.irq(trigger=Pin.IRQ_FALLING, handler=...)`, the handler prints:
 * a soft IRQ, the MicroPython default on the Pico. */
static void irq_raw(sim_config_t *cfg)
{
    cfg->mode = SIM_MODE_IRQ;
    cfg->algo = DEBOUNCE_NONE;
    cfg->trigger = SIM_TRIGGER_FALLING;
    sim_config_set_runtime(cfg, SIM_RUNTIME_MPY_SOFT);
    cfg->count = SIM_COUNT_ENTRIES;
    cfg->holdoff_ns = 0;
    cfg->main_loop_ns = 0;
}

/* 4: the handler accepts an edge if `ticks_diff(now, last) > 500` and sets a
 * flag; the main loop checks it every 10 ms, prints and toggles the LED. */
static void irq_500ms(sim_config_t *cfg)
{
    irq_raw(cfg);
    cfg->holdoff_ns = TUTORIAL_IRQ_HOLDOFF_NS;
    cfg->holdoff_compare = SIM_HOLDOFF_TICKS_DIFF;
    cfg->main_loop_ns = TUTORIAL_MAIN_LOOP_NS;
}

static const sim_preset_t presets[] = {
    {"tutorial-poll-raw", "tight loop counting while the pin reads pressed (program 1)", poll_raw},
    {"tutorial-poll-300ms", "the loop with a 300 ms `ticks_ms() - last` lockout (program 2)",
     poll_300ms},
    {"tutorial-irq-raw", "falling-edge soft IRQ, one count per interrupt (program 3)", irq_raw},
    {"tutorial-irq-500ms",
     "falling-edge IRQ with a 500 ms ticks_diff lockout, flag read by a 10 ms main loop "
     "(program 4)",
     irq_500ms},
};

const sim_preset_t *sim_presets(gsize *n_out)
{
    *n_out = G_N_ELEMENTS(presets);
    return presets;
}

gboolean sim_preset_apply(const char *name, sim_config_t *cfg, GError **error)
{
    g_autoptr(GString) names = g_string_new(NULL);

    for (gsize i = 0; i < G_N_ELEMENTS(presets); i++) {
        if (g_strcmp0(name, presets[i].name) == 0) {
            presets[i].apply(cfg);
            return TRUE;
        }
        g_string_append_printf(names, "%s%s", i ? ", " : "", presets[i].name);
    }
    g_set_error(error, SIM_ERROR, SIM_ERROR_INVALID, "unknown preset '%s' (expected one of: %s)",
                name, names->str);
    return FALSE;
}
