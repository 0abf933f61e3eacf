/* Single-producer single-consumer slot queue (see fw_spsc.h). */
#include "fw_spsc.h"

#include "fw_hot.h"

bool fw_spsc_init(fw_spsc_t *q, uint32_t capacity)
{
    bool power_of_two = capacity != 0u && (capacity & (capacity - 1u)) == 0u;

    atomic_store_explicit(&q->head, 0u, memory_order_relaxed);
    atomic_store_explicit(&q->tail, 0u, memory_order_relaxed);
    q->mask = 0u;
    if (!power_of_two || capacity > FW_SPSC_MAX_CAPACITY) {
        return false;
    }
    q->mask = capacity - 1u;
    return true;
}

bool FW_HOT(fw_spsc_write_slot)(const fw_spsc_t *q, uint32_t *slot)
{
    uint32_t head = atomic_load_explicit(&q->head, memory_order_relaxed);
    /* acquire: the consumer is done reading the slot it released */
    uint32_t tail = atomic_load_explicit(&q->tail, memory_order_acquire);

    if (head - tail > q->mask) {
        return false;
    }
    *slot = head & q->mask;
    return true;
}

void FW_HOT(fw_spsc_publish)(fw_spsc_t *q)
{
    uint32_t head = atomic_load_explicit(&q->head, memory_order_relaxed);
    atomic_store_explicit(&q->head, head + 1u, memory_order_release);
}

bool fw_spsc_read_slot(const fw_spsc_t *q, uint32_t *slot)
{
    uint32_t tail = atomic_load_explicit(&q->tail, memory_order_relaxed);
    uint32_t head = atomic_load_explicit(&q->head, memory_order_acquire);

    if (head == tail) {
        return false;
    }
    *slot = tail & q->mask;
    return true;
}

void fw_spsc_release(fw_spsc_t *q)
{
    uint32_t tail = atomic_load_explicit(&q->tail, memory_order_relaxed);
    atomic_store_explicit(&q->tail, tail + 1u, memory_order_release);
}
