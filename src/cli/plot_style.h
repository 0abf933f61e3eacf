/*
 * How the sweep plots tell algorithms apart: the core's list of algorithms
 * with a colour and a gnuplot point type each, handed to every script as
 * the string variables algos, algo_colors and algo_points (space-separated,
 * one word per algorithm, in the order of `bouncelab algorithms`).
 */
#ifndef PLOT_STYLE_H
#define PLOT_STYLE_H

#include <glib.h>

typedef struct {
    char *algos;  /* "none lockout ..." */
    char *colors; /* "#7f7f7f #d95f02 ..." */
    char *points; /* "1 7 ..." */
} plot_style_t;

/** Fills *style from the core's registry; free with plot_style_clear(). */
void plot_style_init(plot_style_t *style);

/** Frees what plot_style_init() allocated. */
void plot_style_clear(plot_style_t *style);

/**
 * The same as gnuplot assignments for -e:
 * "algos='none ...'; algo_colors='#7f7f7f ...'; algo_points='1 ...'".
 */
char *plot_style_gnuplot(void);

#endif
