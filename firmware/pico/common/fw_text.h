/*
 * Building lines of text into a caller's buffer, without libc: the firmware
 * formats its output with these (printf then only copies bytes out), so the
 * exact text is unit-tested on the host. Numbers are formatted without
 * division, so the Cortex-M0+ build needs no libgcc helper.
 */
#ifndef FW_TEXT_H
#define FW_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** Characters of the longest uint64_t in decimal (18446744073709551615). */
#define FW_TEXT_U64_MAX_CHARS 20u

typedef struct {
    char *buf;
    size_t size;    /**< bytes at buf, the terminating NUL included */
    size_t len;     /**< characters written so far */
    bool truncated; /**< something did not fit and was dropped */
} fw_text_t;

/** Starts an empty text in buf[size] (size >= 1); buf always stays NUL-terminated. */
void fw_text_init(fw_text_t *t, char *buf, size_t size);

/** Appends a NUL-terminated string (as much as fits). */
void fw_text_str(fw_text_t *t, const char *s);

/** Appends one character (if it fits). */
void fw_text_char(fw_text_t *t, char c);

/** Appends v in decimal, without leading zeros; a number that does not fit whole is dropped. */
void fw_text_u64(fw_text_t *t, uint64_t v);

#endif
