/* Line building without libc (see fw_text.h). */
#include "fw_text.h"

/* 10^19 .. 10^0: decimal digits by repeated subtraction, at most 9 per digit */
static const uint64_t powers_of_ten[FW_TEXT_U64_MAX_CHARS] = {
    10000000000000000000u,
    1000000000000000000u,
    100000000000000000u,
    10000000000000000u,
    1000000000000000u,
    100000000000000u,
    10000000000000u,
    1000000000000u,
    100000000000u,
    10000000000u,
    1000000000u,
    100000000u,
    10000000u,
    1000000u,
    100000u,
    10000u,
    1000u,
    100u,
    10u,
    1u,
};

void fw_text_init(fw_text_t *t, char *buf, size_t size)
{
    t->buf = buf;
    t->size = size;
    t->len = 0u;
    t->truncated = false;
    buf[0] = '\0';
}

void fw_text_char(fw_text_t *t, char c)
{
    if (t->len + 1u >= t->size) {
        t->truncated = true;
        return;
    }
    t->buf[t->len++] = c;
    t->buf[t->len] = '\0';
}

void fw_text_str(fw_text_t *t, const char *s)
{
    while (*s != '\0') {
        fw_text_char(t, *s++);
    }
}

void fw_text_u64(fw_text_t *t, uint64_t v)
{
    char digits[FW_TEXT_U64_MAX_CHARS];
    size_t n = 0u;

    for (size_t i = 0u; i < FW_TEXT_U64_MAX_CHARS; i++) {
        char d = '0';
        while (v >= powers_of_ten[i]) {
            v -= powers_of_ten[i];
            d++;
        }
        if (n > 0u || d != '0' || i + 1u == FW_TEXT_U64_MAX_CHARS) {
            digits[n++] = d;
        }
    }
    if (t->len + n >= t->size) {
        t->truncated = true;
        return;
    }
    for (size_t i = 0u; i < n; i++) {
        t->buf[t->len++] = digits[i];
    }
    t->buf[t->len] = '\0';
}
