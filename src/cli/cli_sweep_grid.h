/*
 * The default sweep grid, shared by `sweep` and `stress` (their defaults,
 * cli_grid_options.c) and `advise` (the settings it searches). It answers
 * the headline question for the bundled profiles, whose bounce runs from
 * tens of us (keyswitch) to hundreds of ms (industrial). The default
 * algorithms are every one of the core's that uses its windows
 * (cli_grid_default_algos()).
 */
#ifndef CLI_SWEEP_GRID_H
#define CLI_SWEEP_GRID_H

#define DEFAULT_WINDOWS                                                                            \
    "250us,500us,1ms,2ms,3ms,5ms,8ms,10ms,15ms,20ms,30ms,50ms,80ms,100ms,150ms,200ms,300ms,500ms"
#define DEFAULT_MODES     "poll,irq"
#define DEFAULT_INTERVALS "100us,1ms,5ms,10ms"
#define DEFAULT_RUNTIMES  "c,mpy-hard,mpy-soft"

#endif
