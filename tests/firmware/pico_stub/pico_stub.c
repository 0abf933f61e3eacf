/*
 * The pico-sdk host stub: a discrete-event simulation of the clock, the
 * button pin, the GPIO interrupt, alarms, repeating timers, the PIO sampler
 * and core 1, just enough for the firmware glue (see pico_stub.h).
 *
 * It is one simulation per process at a time, so its state is file scope,
 * like the hardware it stands for.
 */
#include "pico_stub.h"
#include "pico_stub_sdk.h"

#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define STUB_GPIO_COUNT  30u
#define STUB_ALARM_SLOTS 16u /* as the SDK's default alarm pool */
#define STUB_MAX_EVENTS  100000000u
#define STUB_PIO_OFFSET  7u /* where the program lands: not 0, so a glue that ignores it fails */
/* `in pins, 1` as the RP2040 datasheet encodes it: IN (010), no delay, source PINS (000), 1 bit */
#define STUB_IN_PINS_1          0x4001u
#define STUB_DEFAULT_CLK_SYS_HZ 125000000u
/* a bit the chip never sets in FDEBUG: while it reads back, the glue has not written */
#define STUB_FDEBUG_UNTOUCHED 0x80000000u
/* the RX FIFO joined (PIO_FIFO_JOIN_RX): 8 words */
#define STUB_RX_FIFO_WORDS 8u
/* bytes a stdio link can buffer at most */
#define STUB_TX_BUFFER_MAX 512u

typedef struct {
    bool used;
    alarm_id_t id;
    uint64_t due_us;
    alarm_callback_t callback;
    void *user_data;
    repeating_timer_t *timer; /* non-NULL: a repeating timer */
} stub_alarm_t;

static struct {
    stub_config_t cfg;
    uint64_t now_ns;
    uint64_t events;
    char error[256];
    bool failed;
    bool event_register;
    bool irqs_disabled;
    jmp_buf end_jmp;
    /*
     * Core 1: a thread that runs only while core 0 waits for it (a baton,
     * `turn`), so the two interleave as coroutines; resumed at core1_wake_ns.
     */
    bool in_core1;
    bool core1_started;
    bool core1_running;
    bool core1_abort; /* the run is over: core 1's thread exits when resumed */
    bool ending;      /* core 1 asked to end the run: core 0 does it on its own stack */
    int turn;         /* which core runs */
    uint64_t core1_wake_ns;
    uint64_t core1_free_ns;  /* when core 1 is done with the word it read last */
    bool core1_yield;        /* the word core 1 read last held an edge: let core 0 look */
    uint64_t core1_horizon;  /* core 0 has nothing to do before this (ns): core 1 runs on */
    uint32_t core1_last_bit; /* the last sample of the word core 1 read last */
    pthread_t core1_thread;
    void (*core1_entry)(void);
    /* gpio */
    bool pull_up[STUB_GPIO_COUNT];
    bool is_output[STUB_GPIO_COUNT];
    gpio_irq_callback_t irq_callback;
    uint32_t irq_mask;
    size_t irq_next_edge; /* first edge not yet seen by the interrupt logic */
    bool irq_pending;
    uint64_t irq_fire_ns;
    uint32_t irq_events;
    uint32_t gpio_irqs;
    /* alarms */
    stub_alarm_t alarms[STUB_ALARM_SLOTS];
    alarm_id_t next_alarm_id;
    uint32_t alarm_fires;
    uint32_t alarm_cancels;
    /* stdio link: when each of the last tx_buffer_bytes bytes leaves (ring) */
    uint64_t tx_done[STUB_TX_BUFFER_MAX];
    uint64_t tx_bytes;
    uint64_t tx_dropped;
    /* outputs */
    stub_output_t outputs[STUB_MAX_OUTPUTS];
    size_t n_outputs;
    /* pio */
    uint16_t program[32];
    unsigned program_length;
    bool program_loaded;
    pio_sm_config sm_config;
    uint sm_initial_pc;
    bool sm_configured;
    bool sm_enabled;
    uint64_t sm_start_ns;
    uint64_t sample_num; /* sample period = num / den ns, in lowest terms */
    uint64_t sample_den;
    uint64_t stall_cycles; /* state-machine clocks lost to stalls so far */
    uint32_t pio_words;    /* words read by core 1 */
    uint32_t pio_pushed;   /* words pushed into the FIFO */
    uint32_t fifo[STUB_RX_FIFO_WORDS];
    bool stalled;         /* word pio_pushed is complete but the FIFO is full */
    uint32_t isr_word;    /* that word */
    uint64_t stall_cycle; /* the clock it stalled on */
    uint32_t fdebug_latched;
    size_t pio_edge; /* cursor: first edge after the latest sample */
} S;

static pthread_mutex_t turn_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t turn_cond = PTHREAD_COND_INITIALIZER;

/*
 * The running core hands the baton to `core` and waits until it comes back.
 * Core 1's thread, resumed once the run is over, exits instead.
 */
static void hand_to(int core)
{
    int me = 1 - core;
    pthread_mutex_lock(&turn_lock);
    S.turn = core;
    pthread_cond_broadcast(&turn_cond);
    while (S.turn != me) {
        pthread_cond_wait(&turn_cond, &turn_lock);
    }
    if (me == 1 && S.core1_abort) {
        pthread_mutex_unlock(&turn_lock);
        pthread_exit(NULL);
    }
    pthread_mutex_unlock(&turn_lock);
}

static pio_hw_t stub_pio0_regs;
pio_hw_t *const stub_pio0_hw = &stub_pio0_regs;

/*
 * Ends the run. Core 1 cannot longjmp onto core 0's stack, so it hands over
 * to core 0, which sees `ending` when core 1 yields and ends the run there.
 */
__attribute__((noreturn)) static void end_run(void)
{
    if (S.in_core1) {
        S.ending = true;
        hand_to(0); /* never returns: the thread exits when the run is wound up */
    }
    longjmp(S.end_jmp, 1);
}

/* Records a stub error and ends the run: the glue did something not modelled. */
__attribute__((noreturn, format(__printf__, 1, 2))) static void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(S.error, sizeof S.error, fmt, ap);
    va_end(ap);
    S.failed = true;
    end_run();
}

void stub_reset(const stub_config_t *cfg)
{
    memset(&S, 0, sizeof S);
    S.cfg = *cfg;
    if (S.cfg.clk_sys_hz == 0u) {
        S.cfg.clk_sys_hz = STUB_DEFAULT_CLK_SYS_HZ;
    }
    S.next_alarm_id = 1;
    stub_pio0_regs.fdebug = STUB_FDEBUG_UNTOUCHED;
}

const char *stub_error(void)
{
    return S.failed ? S.error : NULL;
}

const stub_output_t *stub_outputs(size_t *n)
{
    *n = S.n_outputs;
    return S.outputs;
}

bool stub_pull_up_enabled(unsigned gpio)
{
    return gpio < STUB_GPIO_COUNT && S.pull_up[gpio];
}

uint32_t stub_gpio_irqs(void)
{
    return S.gpio_irqs;
}

uint32_t stub_alarm_fires(void)
{
    return S.alarm_fires;
}

uint32_t stub_pio_words(void)
{
    return S.pio_words;
}

uint32_t stub_alarm_cancels(void)
{
    return S.alarm_cancels;
}

uint64_t stub_pio_stalled_samples(void)
{
    return S.stall_cycles;
}

uint64_t stub_stdio_idle_ns(void)
{
    return S.tx_bytes == 0u ? 0u : S.tx_done[(S.tx_bytes - 1u) % STUB_TX_BUFFER_MAX];
}

uint64_t stub_stdio_dropped(void)
{
    return S.tx_dropped;
}

/* ---- the waveform ---- */

/* Level at t: advances *cursor past every edge at or before t (t never decreases per cursor). */
static bool level_at(uint64_t t_ns, size_t *cursor)
{
    while (*cursor < S.cfg.n_edges && S.cfg.edges[*cursor].t_ns <= t_ns) {
        (*cursor)++;
    }
    return *cursor == 0u ? S.cfg.initial_level : S.cfg.edges[*cursor - 1u].level;
}

static void check_gpio(uint gpio)
{
    if (gpio >= STUB_GPIO_COUNT) {
        fail("GPIO %u does not exist", gpio);
    }
}

/* ---- the event loop: GPIO edges and interrupts, alarms ---- */

static uint64_t alarm_ns(const stub_alarm_t *a)
{
    return a->due_us * 1000u + S.cfg.alarm_latency_ns;
}

static uint64_t now_us(void)
{
    return S.now_ns / 1000u;
}

/* Puts a fired alarm back at due_us (a free slot: the callback may have taken its own). */
static void reschedule(const stub_alarm_t *fired, uint64_t due_us)
{
    for (unsigned i = 0u; i < STUB_ALARM_SLOTS; i++) {
        if (!S.alarms[i].used) {
            S.alarms[i] = *fired;
            S.alarms[i].used = true;
            S.alarms[i].due_us = due_us;
            return;
        }
    }
    fail("no alarm slot to reschedule alarm %d", (int)fired->id);
}

static void run_alarm(stub_alarm_t *a)
{
    stub_alarm_t fired = *a;
    a->used = false; /* gone before its callback, as in the SDK: the callback may add alarms */
    S.alarm_fires++;
    if (fired.timer != NULL) {
        repeating_timer_t *rt = fired.timer;
        if (rt->callback(rt)) {
            uint64_t period = (uint64_t)(rt->delay_us < 0 ? -rt->delay_us : rt->delay_us);
            /* negative delay: start to start; positive: end of this callback to the next */
            reschedule(&fired, rt->delay_us < 0 ? fired.due_us + period : now_us() + period);
        }
        return;
    }
    int64_t again = fired.callback(fired.id, fired.user_data);
    if (again != 0) {
        reschedule(&fired,
                   again < 0 ? fired.due_us + (uint64_t)(-again) : now_us() + (uint64_t)again);
    }
}

static void core1_step(void);
static void core1_wind_up(void);

/*
 * Runs the earliest pending event at or before limit_ns, moving the clock to
 * it. At one instant: an edge (the pin changes before anything reads it),
 * then the interrupts in the chip's order, TIMER_IRQ_0 (alarms, by due
 * time) before IO_IRQ_BANK0 (GPIO), then a step of core 1. With interrupts
 * disabled on core 0 only edges latch and core 1 runs.
 */
static bool run_next_event(uint64_t limit_ns)
{
    enum { NONE, EDGE, ALARM, GPIO_IRQ, CORE1 } kind = NONE;
    uint64_t best = UINT64_MAX;
    stub_alarm_t *alarm = NULL;

    if (S.irq_callback != NULL && S.irq_next_edge < S.cfg.n_edges) {
        best = S.cfg.edges[S.irq_next_edge].t_ns;
        kind = EDGE;
    }
    for (unsigned i = 0u; i < STUB_ALARM_SLOTS && !S.irqs_disabled; i++) {
        stub_alarm_t *a = &S.alarms[i];
        if (a->used &&
            (alarm_ns(a) < best || (kind == ALARM && alarm_ns(a) == best && a->id < alarm->id))) {
            best = alarm_ns(a);
            kind = ALARM;
            alarm = a;
        }
    }
    if (S.irq_pending && !S.irqs_disabled && S.irq_fire_ns < best) {
        best = S.irq_fire_ns;
        kind = GPIO_IRQ;
    }
    if (S.core1_running && S.core1_wake_ns < best) {
        /* core 1 may run on by itself until core 0 has something to do */
        S.core1_horizon = best < limit_ns ? best : limit_ns + 1u;
        best = S.core1_wake_ns;
        kind = CORE1;
    }
    if (kind == NONE || best > limit_ns) {
        return false;
    }
    if (++S.events > STUB_MAX_EVENTS) {
        fail("more than %u events: the firmware is spinning", STUB_MAX_EVENTS);
    }
    if (best > S.now_ns) {
        S.now_ns = best;
    }
    if (kind == EDGE) {
        const stub_edge_t *e = &S.cfg.edges[S.irq_next_edge++];
        uint32_t type = e->level ? GPIO_IRQ_EDGE_RISE : GPIO_IRQ_EDGE_FALL;
        if (S.irq_mask & type) {
            if (!S.irq_pending) {
                S.irq_pending = true;
                S.irq_fire_ns = S.now_ns + S.cfg.irq_latency_ns;
            }
            S.irq_events |= type;
        }
    } else if (kind == GPIO_IRQ) {
        uint32_t events = S.irq_events;
        S.irq_pending = false;
        S.irq_events = 0u;
        S.gpio_irqs++;
        S.irq_callback(S.cfg.button_gpio, events);
    } else if (kind == ALARM) {
        run_alarm(alarm);
    } else {
        core1_step();
    }
    return true;
}

/* Core 0 spends time until `until_ns` (printing, sleeping): interrupts and core 1 run meanwhile. */
static void core0_until(uint64_t until_ns)
{
    while (run_next_event(until_ns)) {
    }
    if (until_ns > S.cfg.end_ns) {
        end_run();
    }
    if (until_ns > S.now_ns) {
        S.now_ns = until_ns;
    }
}

/* Core 0 waits for something to happen: run the next event, or end the run. */
static void wait_for_event(void)
{
    if (!run_next_event(S.cfg.end_ns)) {
        end_run();
    }
}

bool stub_run(int (*entry)(void), const char *out_path)
{
    int saved;
    int fd;

    fflush(stdout);
    saved = dup(STDOUT_FILENO);
    fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (saved < 0 || fd < 0) {
        snprintf(S.error, sizeof S.error, "cannot write %s", out_path);
        S.failed = true;
        return false;
    }
    dup2(fd, STDOUT_FILENO);
    close(fd);
    if (setjmp(S.end_jmp) == 0) {
        entry();
        snprintf(S.error, sizeof S.error, "main() returned");
        S.failed = true;
    }
    core1_wind_up();
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    return !S.failed;
}

/* ---- pico/stdlib, hardware/gpio ---- */

bool stdio_init_all(void)
{
    if (S.cfg.tx_buffer_bytes > STUB_TX_BUFFER_MAX) {
        fail("a stdio buffer of more than %u bytes is not modelled", STUB_TX_BUFFER_MAX);
    }
    return true;
}

bool stdio_usb_connected(void)
{
    if (!S.cfg.usb_stdio) {
        fail("stdio_usb_connected() in a build with UART stdio");
    }
    return S.now_ns >= S.cfg.usb_connect_ns;
}

/*
 * One byte into the link: it waits for room in the buffer (the byte
 * tx_buffer_bytes before it has left), then leaves char_ns after the byte
 * before it, or after it went in if the link was idle.
 */
static void send_byte(void)
{
    uint64_t n = S.tx_bytes;
    uint32_t depth = S.cfg.tx_buffer_bytes == 0u ? 1u : S.cfg.tx_buffer_bytes;
    uint64_t prev_done = n == 0u ? 0u : S.tx_done[(n - 1u) % STUB_TX_BUFFER_MAX];
    uint64_t done;

    if (n >= depth) {
        core0_until(S.tx_done[(n - depth) % STUB_TX_BUFFER_MAX]);
    }
    done = (prev_done > S.now_ns ? prev_done : S.now_ns) + S.cfg.char_ns;
    S.tx_done[n % STUB_TX_BUFFER_MAX] = done;
    S.tx_bytes = n + 1u;
}

int stub_printf(const char *format, ...)
{
    char text[512];
    va_list ap;
    int len;

    if (S.in_core1) {
        fail("printf on core 1 is not modelled");
    }
    va_start(ap, format);
    len = vsnprintf(text, sizeof text, format, ap);
    va_end(ap);
    if (len < 0 || (size_t)len >= sizeof text) {
        fail("printf of more than %zu bytes", sizeof text - 1u);
    }
    if (S.cfg.usb_stdio && S.now_ns < S.cfg.usb_connect_ns) {
        S.tx_dropped += (uint64_t)len; /* the SDK sends nothing until the host opens the port */
        return len;
    }
    fwrite(text, 1u, (size_t)len, stdout);
    for (int i = 0; i < len && S.cfg.char_ns > 0u; i++) {
        send_byte();
    }
    return len;
}

void stdio_flush(void)
{
    if (S.in_core1) {
        fail("stdio_flush on core 1 is not modelled");
    }
    core0_until(stub_stdio_idle_ns());
}

void gpio_init(uint gpio)
{
    check_gpio(gpio);
    S.is_output[gpio] = false;
    S.pull_up[gpio] = false;
}

void gpio_set_dir(uint gpio, bool out)
{
    check_gpio(gpio);
    S.is_output[gpio] = out;
}

void gpio_pull_up(uint gpio)
{
    check_gpio(gpio);
    S.pull_up[gpio] = true;
}

void gpio_pull_down(uint gpio)
{
    check_gpio(gpio);
    S.pull_up[gpio] = false;
}

bool gpio_get(uint gpio)
{
    size_t cursor = 0u;
    if (gpio != S.cfg.button_gpio || S.is_output[gpio]) {
        fail("gpio_get(%u): only the button pin, as an input, is modelled", gpio);
    }
    return level_at(S.now_ns, &cursor);
}

static void log_output(unsigned gpio, bool value)
{
    if (S.n_outputs == STUB_MAX_OUTPUTS) {
        fail("more than %u output changes", STUB_MAX_OUTPUTS);
    }
    S.outputs[S.n_outputs++] = (stub_output_t){S.now_ns, gpio, value};
}

void gpio_put(uint gpio, bool value)
{
    check_gpio(gpio);
    if (!S.is_output[gpio]) {
        fail("gpio_put(%u) on a pin not set as an output", gpio);
    }
    log_output(gpio, value);
}

void gpio_set_irq_enabled_with_callback(uint gpio, uint32_t event_mask, bool enabled,
                                        gpio_irq_callback_t callback)
{
    size_t cursor = 0u;
    if (gpio != S.cfg.button_gpio ||
        (event_mask & ~(uint32_t)(GPIO_IRQ_EDGE_FALL | GPIO_IRQ_EDGE_RISE)) != 0u) {
        fail("only edge interrupts on the button pin are modelled");
    }
    S.irq_callback = enabled ? callback : NULL;
    S.irq_mask = enabled ? event_mask : 0u;
    /* edges before now are history; the interrupt sees the ones to come */
    (void)level_at(S.now_ns, &cursor);
    S.irq_next_edge = cursor;
}

void tight_loop_contents(void)
{
    if (S.in_core1) {
        fail("tight_loop_contents() on core 1 is not modelled");
    }
    wait_for_event();
}

/* ---- pico/time ---- */

uint32_t time_us_32(void)
{
    return S.cfg.time_base_us + (uint32_t)now_us();
}

void sleep_us(uint64_t us)
{
    if (S.in_core1) {
        fail("sleep_us on core 1 is not modelled");
    }
    core0_until(S.now_ns + us * 1000u);
}

void busy_wait_us(uint64_t us)
{
    sleep_us(us); /* core 0 spins, interrupts still run */
}

void sleep_ms(uint32_t ms)
{
    sleep_us((uint64_t)ms * 1000u);
}

static alarm_id_t add_alarm(uint64_t due_us, alarm_callback_t callback, void *user_data,
                            repeating_timer_t *timer)
{
    for (unsigned i = 0u; i < STUB_ALARM_SLOTS && !S.cfg.no_free_alarm; i++) {
        if (!S.alarms[i].used) {
            S.alarms[i] =
                (stub_alarm_t){true, S.next_alarm_id++, due_us, callback, user_data, timer};
            return S.alarms[i].id;
        }
    }
    return -1; /* as the SDK: no free slot */
}

/*
 * As pico-sdk 2.2.0: the target is now + us; the call takes alarm_call_ns
 * (interrupts wait meanwhile: it runs in a handler or with them masked),
 * and a target then already past gives 0 unless fire_if_past, which adds
 * the alarm anyway (it fires at once, from the timer interrupt).
 */
alarm_id_t add_alarm_in_us(uint64_t us, alarm_callback_t callback, void *user_data,
                           bool fire_if_past)
{
    uint64_t target_us = now_us() + us;

    S.now_ns += S.cfg.alarm_call_ns;
    if (!fire_if_past && target_us < now_us()) {
        return 0;
    }
    return add_alarm(target_us, callback, user_data, NULL);
}

bool cancel_alarm(alarm_id_t alarm_id)
{
    for (unsigned i = 0u; i < STUB_ALARM_SLOTS; i++) {
        if (S.alarms[i].used && S.alarms[i].id == alarm_id) {
            S.alarms[i].used = false;
            S.alarm_cancels++;
            return true;
        }
    }
    return false;
}

bool add_repeating_timer_us(int64_t delay_us, repeating_timer_callback_t callback, void *user_data,
                            repeating_timer_t *out)
{
    uint64_t period = (uint64_t)(delay_us < 0 ? -delay_us : delay_us);
    if (period == 0u) {
        period = 1u; /* as the SDK: 0 counts as 1 us */
    }
    out->delay_us = delay_us;
    out->pool = NULL;
    out->callback = callback;
    out->user_data = user_data;
    out->alarm_id = add_alarm(now_us() + period, NULL, user_data, out);
    return out->alarm_id > 0;
}

/* ---- hardware/sync ---- */

void __sev(void)
{
    S.event_register = true;
}

uint32_t save_and_disable_interrupts(void)
{
    uint32_t was = S.irqs_disabled ? 1u : 0u;
    S.irqs_disabled = true;
    return was;
}

void restore_interrupts(uint32_t status)
{
    S.irqs_disabled = status != 0u;
}

void __wfe(void)
{
    if (S.in_core1) {
        /* core 1 has nothing left to do: it never runs again */
        S.core1_running = false;
        hand_to(0);
        fail("core 1 resumed after it stopped");
    }
    if (S.event_register) {
        S.event_register = false;
        return;
    }
    wait_for_event();
}

/* ---- hardware/clocks ---- */

uint32_t clock_get_hz(enum clock_index clk_index)
{
    if (clk_index != clk_sys) {
        fail("clock_get_hz(%d): only clk_sys is modelled", (int)clk_index);
    }
    return S.cfg.clk_sys_hz;
}

/* ---- hardware/pio: the recorder's sampler only ---- */

/* The glue clears FDEBUG bits by writing 1s; fold such a write into the latched flags. */
static void sync_fdebug(void)
{
    uint32_t seen = stub_pio0_regs.fdebug;
    if (!(seen & STUB_FDEBUG_UNTOUCHED)) {
        S.fdebug_latched &= ~seen;
    }
    stub_pio0_regs.fdebug = S.fdebug_latched | STUB_FDEBUG_UNTOUCHED;
}

uint pio_encode_in(enum pio_src_dest src, uint count)
{
    return 0x4000u | (((uint)src & 7u) << 5) | (count & 0x1fu);
}

pio_sm_config pio_get_default_sm_config(void)
{
    /* the SDK's defaults */
    return (pio_sm_config){.clkdiv_int = 1u,
                           .clkdiv_frac = 0u,
                           .wrap_target = 0u,
                           .wrap = 31u,
                           .in_base = 0u,
                           .in_shift_right = true,
                           .autopush = false,
                           .push_threshold = 32u,
                           .join = PIO_FIFO_JOIN_NONE};
}

void sm_config_set_wrap(pio_sm_config *c, uint wrap_target, uint wrap)
{
    c->wrap_target = wrap_target;
    c->wrap = wrap;
}

void sm_config_set_in_pins(pio_sm_config *c, uint in_base)
{
    c->in_base = in_base;
}

void sm_config_set_in_shift(pio_sm_config *c, bool shift_right, bool autopush, uint push_threshold)
{
    c->in_shift_right = shift_right;
    c->autopush = autopush;
    c->push_threshold = push_threshold;
}

void sm_config_set_fifo_join(pio_sm_config *c, enum pio_fifo_join join)
{
    c->join = join;
}

void sm_config_set_clkdiv_int_frac(pio_sm_config *c, uint16_t div_int, uint8_t div_frac)
{
    c->clkdiv_int = div_int;
    c->clkdiv_frac = div_frac;
}

bool pio_claim_free_sm_and_add_program(const pio_program_t *program, PIO *pio, uint *sm,
                                       uint *offset)
{
    if (S.program_loaded || program->length == 0u || STUB_PIO_OFFSET + program->length > 32u) {
        return false;
    }
    memcpy(S.program, program->instructions, program->length * sizeof S.program[0]);
    S.program_length = program->length;
    S.program_loaded = true;
    *pio = pio0;
    *sm = 0u;
    *offset = STUB_PIO_OFFSET;
    return true;
}

int pio_sm_init(PIO pio, uint sm, uint initial_pc, const pio_sm_config *config)
{
    if (pio != pio0 || sm != 0u || !S.program_loaded) {
        fail("pio_sm_init on a state machine that was not claimed");
    }
    S.sm_config = *config;
    S.sm_initial_pc = initial_pc;
    S.sm_configured = true;
    return 0;
}

static uint64_t gcd64(uint64_t a, uint64_t b)
{
    while (b != 0u) {
        uint64_t r = a % b;
        a = b;
        b = r;
    }
    return a;
}

void pio_sm_set_enabled(PIO pio, uint sm, bool enabled)
{
    const pio_sm_config *c = &S.sm_config;
    uint64_t g;

    if (pio != pio0 || sm != 0u || !S.sm_configured) {
        fail("pio_sm_set_enabled on a state machine that was not set up");
    }
    sync_fdebug();
    if (!enabled) {
        S.sm_enabled = false;
        return;
    }
    if (S.program_length != 1u || S.program[0] != STUB_IN_PINS_1) {
        fail("PIO program is not the single `in pins, 1` the stub models");
    }
    if (S.sm_initial_pc != STUB_PIO_OFFSET || c->wrap_target != STUB_PIO_OFFSET ||
        c->wrap != STUB_PIO_OFFSET) {
        fail("PIO program does not start and wrap at its load offset %u", STUB_PIO_OFFSET);
    }
    if (c->in_base != S.cfg.button_gpio) {
        fail("PIO in pins start at GPIO %u, not the button's %u", c->in_base, S.cfg.button_gpio);
    }
    if (!c->in_shift_right || !c->autopush || c->push_threshold != 32u) {
        fail("PIO input shift is not right-shifting with autopush at 32 bits");
    }
    if (c->join != PIO_FIFO_JOIN_RX) {
        fail("PIO RX FIFO not joined: only the 8-word RX FIFO is modelled");
    }
    if (c->clkdiv_int == 0u) {
        fail("PIO clock divider of 0");
    }
    S.sm_enabled = true;
    S.sm_start_ns = S.now_ns;
    /* one instruction per state-machine clock: period = divider / clk_sys */
    S.sample_num = ((uint64_t)c->clkdiv_int * 256u + c->clkdiv_frac) * 1000000000u;
    S.sample_den = (uint64_t)S.cfg.clk_sys_hz * 256u;
    g = gcd64(S.sample_num, S.sample_den);
    S.sample_num /= g;
    S.sample_den /= g;
}

/* Time of the state machine's clock `cycle` since it was enabled (ns, rounded down). */
static uint64_t cycle_ns(uint64_t cycle)
{
    uint64_t whole = S.sample_num / S.sample_den;
    uint64_t part;
    if (__builtin_mul_overflow(cycle, S.sample_num % S.sample_den, &part)) {
        fail("PIO sample period too fine for the stub's arithmetic");
    }
    return S.sm_start_ns + cycle * whole + part / S.sample_den;
}

/* The clock on which word k's last sample is taken and the word is pushed (no stall after it). */
static uint64_t push_cycle(uint32_t k)
{
    return (uint64_t)k * 32u + 31u + S.stall_cycles;
}

/* Word k's 32 samples, the earliest in bit 0 (shifting right). */
static uint32_t sample_word(uint32_t k)
{
    uint64_t first = push_cycle(k) - 31u;
    uint32_t word = 0u;

    if (cycle_ns(first + 31u) > S.cfg.end_ns) {
        fail("the waveform ended while core 1 still sampled (raise end_ns)");
    }
    if (level_at(cycle_ns(first), &S.pio_edge)) {
        word = 1u;
    }
    if (S.pio_edge < S.cfg.n_edges && S.cfg.edges[S.pio_edge].t_ns <= cycle_ns(first + 31u)) {
        for (unsigned b = 1u; b < 32u; b++) {
            if (level_at(cycle_ns(first + b), &S.pio_edge)) {
                word |= 1u << b;
            }
        }
    } else if (word != 0u) {
        word = 0xffffffffu; /* no edge among these 32 samples */
    }
    return word;
}

/*
 * The state machine up to t_ns: pushes every word completed by then, until
 * the FIFO is full; the next word then stalls it (RXSTALL latches) until
 * core 1 reads one (pio_pop).
 */
static void pio_run_until(uint64_t t_ns)
{
    while (!S.stalled && cycle_ns(push_cycle(S.pio_pushed)) <= t_ns) {
        uint32_t word = sample_word(S.pio_pushed);
        if (S.pio_pushed - S.pio_words == STUB_RX_FIFO_WORDS) {
            S.stalled = true;
            S.isr_word = word;
            S.stall_cycle = push_cycle(S.pio_pushed);
            S.fdebug_latched |= 1u << PIO_FDEBUG_RXSTALL_LSB;
            return;
        }
        S.fifo[S.pio_pushed % STUB_RX_FIFO_WORDS] = word;
        S.pio_pushed++;
    }
}

/* Core 1 reads the oldest word at now: a stalled word then goes in, and sampling resumes. */
static uint32_t pio_pop(void)
{
    uint32_t word = S.fifo[S.pio_words % STUB_RX_FIFO_WORDS];

    S.pio_words++;
    if (S.stalled) {
        /* the push succeeds on the first state-machine clock at or after the read */
        uint64_t resume = S.stall_cycle;
        while (cycle_ns(resume) < S.now_ns) {
            resume++;
        }
        S.fifo[S.pio_pushed % STUB_RX_FIFO_WORDS] = S.isr_word;
        S.pio_pushed++;
        S.stalled = false;
        S.stall_cycles += resume - S.stall_cycle;
    }
    return word;
}

/*
 * Core 1 waits until t_ns. It goes on by itself while core 0 has nothing to
 * do before then and has seen all core 1 did (a word without an edge changes
 * nothing core 0 looks at); else back to core 0, which resumes it at t_ns.
 */
static void core1_wait_until(uint64_t t_ns)
{
    if (!S.core1_yield && t_ns < S.core1_horizon) {
        if (t_ns > S.now_ns) {
            S.now_ns = t_ns;
        }
        return;
    }
    S.core1_yield = false;
    S.core1_wake_ns = t_ns;
    hand_to(0);
}

uint32_t pio_sm_get_blocking(PIO pio, uint sm)
{
    if (pio != pio0 || sm != 0u || !S.sm_enabled) {
        fail("pio_sm_get_blocking on a state machine that is not running");
    }
    if (!S.in_core1) {
        fail("pio_sm_get_blocking on core 0 is not modelled");
    }
    sync_fdebug();
    /* the word before this one took core 1 core1_word_ns (and a pause once) */
    core1_wait_until(S.core1_free_ns > S.now_ns ? S.core1_free_ns : S.now_ns);
    pio_run_until(S.now_ns);
    if (S.pio_pushed == S.pio_words) {
        core1_wait_until(cycle_ns(push_cycle(S.pio_pushed)));
        pio_run_until(S.now_ns);
    }
    uint32_t word = pio_pop();
    if ((word ^ ((word << 1) | S.core1_last_bit)) != 0u) {
        S.core1_yield = true; /* an edge: the sampler may publish it, or trigger */
    }
    S.core1_last_bit = word >> 31;
    S.core1_free_ns = S.now_ns + S.cfg.core1_word_ns;
    if (S.cfg.core1_pause_at_word == S.pio_words) {
        S.core1_free_ns += S.cfg.core1_pause_ns;
    }
    stub_pio0_regs.fdebug = S.fdebug_latched | STUB_FDEBUG_UNTOUCHED;
    return word;
}

/* ---- pico/multicore ---- */

static void *core1_main(void *arg)
{
    (void)arg;
    hand_to(0); /* wait for core 0's first wait */
    S.core1_entry();
    S.core1_running = false; /* its entry returned: the SDK parks the core */
    hand_to(0);
    return NULL;
}

/* Core 0 runs core 1 from where it waits until it waits again (or stops). */
static void core1_step(void)
{
    S.in_core1 = true;
    hand_to(1);
    S.in_core1 = false;
    if (S.ending) {
        longjmp(S.end_jmp, 1);
    }
}

/* After a run: core 1's thread, wherever it waits, exits. */
static void core1_wind_up(void)
{
    if (!S.core1_started) {
        return;
    }
    pthread_mutex_lock(&turn_lock);
    S.core1_abort = true;
    S.turn = 1;
    pthread_cond_broadcast(&turn_cond);
    pthread_mutex_unlock(&turn_lock);
    pthread_join(S.core1_thread, NULL);
    S.core1_started = false;
}

void multicore_launch_core1(void (*entry)(void))
{
    if (S.core1_entry != NULL) {
        fail("core 1 launched twice");
    }
    S.core1_entry = entry;
    S.turn = 0;
    if (pthread_create(&S.core1_thread, NULL, core1_main, NULL) != 0) {
        fail("cannot start core 1's thread");
    }
    S.core1_started = true;
    S.core1_running = true;
    S.core1_wake_ns = S.now_ns; /* it starts as soon as core 0 waits */
}

/* ---- pico/cyw43_arch ---- */

int cyw43_arch_init(void)
{
    return 0;
}

void cyw43_arch_gpio_put(uint wl_gpio, bool value)
{
    log_output(STUB_WL_GPIO_BASE + wl_gpio, value);
}
