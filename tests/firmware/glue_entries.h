/*
 * Forced into every stub build of the firmware glue (-include): declares
 * the names main() takes in each build, so -Wmissing-prototypes stays on.
 */
#ifndef GLUE_ENTRIES_H
#define GLUE_ENTRIES_H

int button_demo_poll_main(void);
int button_demo_irq_main(void);
int button_demo_irq_lockout_main(void);
int button_demo_bad_config_main(void);
int button_demo_irq_integrator_main(void);
int bounce_recorder_main(void);
int bounce_recorder_small_ring_main(void);
int bounce_recorder_usb_main(void);
int bounce_recorder_links_main(void);

#endif
