/* The error domain of the trace module (src/trace). */
#ifndef TRACE_ERROR_H
#define TRACE_ERROR_H

#include <glib.h>

#define TRACE_ERROR (trace_error_quark())

typedef enum {
    TRACE_ERROR_PARSE,   /* malformed input: the message reads "FILE:LINE: what is wrong" */
    TRACE_ERROR_INVALID, /* well-formed but unusable: no such channel, bad option value */
    TRACE_ERROR_IO,      /* could not open, read or write a file */
} trace_error_t;

GQuark trace_error_quark(void);

#endif
