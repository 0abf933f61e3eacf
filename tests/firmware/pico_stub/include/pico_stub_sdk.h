/*
 * A host stand-in for the few pico-sdk declarations the firmware glue uses,
 * with the SDK's names, types and constants, so firmware/pico/PROGRAM/main.c
 * compiles unchanged on the host. The behaviour (a simulated clock, pin,
 * timers, GPIO interrupt and PIO sampler) is in pico_stub.c; tests drive it
 * through pico_stub.h. Only what the glue calls is here: a new SDK call in
 * the glue must be added here and modelled in pico_stub.c.
 */
#ifndef PICO_STUB_SDK_H
#define PICO_STUB_SDK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef unsigned int uint;

/* --- board (pico unless STUB_BOARD_PICO_W) --- */
#ifndef STUB_BOARD_PICO_W
#define PICO_DEFAULT_LED_PIN 25u
#endif

/* --- pico/stdlib, hardware/gpio --- */
#define GPIO_IN  false
#define GPIO_OUT true

enum gpio_irq_level {
    GPIO_IRQ_LEVEL_LOW = 0x1u,
    GPIO_IRQ_LEVEL_HIGH = 0x2u,
    GPIO_IRQ_EDGE_FALL = 0x4u,
    GPIO_IRQ_EDGE_RISE = 0x8u,
};

typedef void (*gpio_irq_callback_t)(uint gpio, uint32_t event_mask);

bool stdio_init_all(void);
/* printf on the stub takes the stdio link's time (pico_stub.h); the glue's calls come here */
int stub_printf(const char *format, ...) __attribute__((format(__printf__, 1, 2)));
#define printf stub_printf
void stdio_flush(void);
bool stdio_usb_connected(void);
void gpio_init(uint gpio);
void gpio_set_dir(uint gpio, bool out);
void gpio_pull_up(uint gpio);
void gpio_pull_down(uint gpio);
bool gpio_get(uint gpio);
void gpio_put(uint gpio, bool value);
void gpio_set_irq_enabled_with_callback(uint gpio, uint32_t event_mask, bool enabled,
                                        gpio_irq_callback_t callback);
void tight_loop_contents(void);

/* --- pico/time --- */
typedef int32_t alarm_id_t;
typedef int64_t (*alarm_callback_t)(alarm_id_t id, void *user_data);
typedef struct alarm_pool alarm_pool_t;
typedef struct repeating_timer repeating_timer_t;
typedef bool (*repeating_timer_callback_t)(repeating_timer_t *rt);
struct repeating_timer {
    int64_t delay_us;
    alarm_pool_t *pool;
    alarm_id_t alarm_id;
    repeating_timer_callback_t callback;
    void *user_data;
};

uint32_t time_us_32(void);
void sleep_us(uint64_t us);
void sleep_ms(uint32_t ms);
void busy_wait_us(uint64_t us);
alarm_id_t add_alarm_in_us(uint64_t us, alarm_callback_t callback, void *user_data,
                           bool fire_if_past);
bool cancel_alarm(alarm_id_t alarm_id);
bool add_repeating_timer_us(int64_t delay_us, repeating_timer_callback_t callback, void *user_data,
                            repeating_timer_t *out);

/* --- hardware/sync --- */
void __sev(void);
void __wfe(void);
uint32_t save_and_disable_interrupts(void);
void restore_interrupts(uint32_t status);

/* the SDK puts these in RAM (section .time_critical); the host has one kind of memory */
#define __not_in_flash_func(func_name)  func_name
#define __time_critical_func(func_name) func_name

/* --- hardware/clocks --- */
enum clock_index { clk_gpout0 = 0, clk_ref = 4, clk_sys = 5 };
uint32_t clock_get_hz(enum clock_index clk_index);

/* --- hardware/pio --- */
typedef struct {
    volatile uint32_t fdebug; /* write 1 to clear, as on the chip */
} pio_hw_t;
typedef pio_hw_t *PIO;
extern pio_hw_t *const stub_pio0_hw;
#define pio0 stub_pio0_hw

#define PIO_FDEBUG_RXSTALL_LSB 0u

enum pio_src_dest { pio_pins = 0u, pio_x = 1u, pio_y = 2u };
enum pio_fifo_join { PIO_FIFO_JOIN_NONE = 0, PIO_FIFO_JOIN_TX = 1, PIO_FIFO_JOIN_RX = 2 };

typedef struct pio_program {
    const uint16_t *instructions;
    uint8_t length;
    int8_t origin;
    uint8_t pio_version;
} pio_program_t;

/* The fields the stub models (the chip packs them into registers). */
typedef struct {
    uint32_t clkdiv_int;
    uint8_t clkdiv_frac;
    uint wrap_target;
    uint wrap;
    uint in_base;
    bool in_shift_right;
    bool autopush;
    uint push_threshold;
    enum pio_fifo_join join;
} pio_sm_config;

uint pio_encode_in(enum pio_src_dest src, uint count);
pio_sm_config pio_get_default_sm_config(void);
void sm_config_set_wrap(pio_sm_config *c, uint wrap_target, uint wrap);
void sm_config_set_in_pins(pio_sm_config *c, uint in_base);
void sm_config_set_in_shift(pio_sm_config *c, bool shift_right, bool autopush, uint push_threshold);
void sm_config_set_fifo_join(pio_sm_config *c, enum pio_fifo_join join);
void sm_config_set_clkdiv_int_frac(pio_sm_config *c, uint16_t div_int, uint8_t div_frac);
bool pio_claim_free_sm_and_add_program(const pio_program_t *program, PIO *pio, uint *sm,
                                       uint *offset);
int pio_sm_init(PIO pio, uint sm, uint initial_pc, const pio_sm_config *config);
void pio_sm_set_enabled(PIO pio, uint sm, bool enabled);
uint32_t pio_sm_get_blocking(PIO pio, uint sm);

/* --- pico/multicore --- */
void multicore_launch_core1(void (*entry)(void));

/* --- pico/cyw43_arch (pico_w) --- */
#define CYW43_WL_GPIO_LED_PIN 0u
int cyw43_arch_init(void);
void cyw43_arch_gpio_put(uint wl_gpio, bool value);

#endif
