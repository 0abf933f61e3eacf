/*
 * FW_HOT(name): a function on the recorder's per-word path. The Pico SDK
 * build sets FW_IN_RAM=1, which puts it in RAM the way the SDK's
 * __not_in_flash_func() does (a ".time_critical.NAME" section, which the
 * SDK's linker script copies to SRAM at boot), so core 1 never waits for the
 * flash cache that core 0 shares. Elsewhere (host, portable checks) it is
 * the plain name. Portable C: no SDK header needed.
 */
#ifndef FW_HOT_H
#define FW_HOT_H

#if defined(FW_IN_RAM) && FW_IN_RAM
#define FW_HOT(name) __attribute__((section(".time_critical." #name))) name
#else
#define FW_HOT(name) name
#endif

#endif
