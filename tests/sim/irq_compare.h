/*
 * The comparison the interrupt-model tests make (the cmocka test and the fuzz
 * harness): src/sim/irq.c and the reference (irq_reference.h) on one trace
 * and configuration must report the same events, the same core outputs and
 * the same CPU counts.
 */
#ifndef IRQ_COMPARE_H
#define IRQ_COMPARE_H

#include "sim_config.h"
#include "trace.h"

/**
 * Runs both models; NULL when they agree, else a description of the first
 * difference (free it with g_free).
 */
char *irq_compare(const trace_t *trace, const sim_config_t *cfg);

#endif
