/*
 * How text tables show each figure, the same in every command: the decimals of each measure
 * and network figure (rank, show, compare, growth --with-centrality and report's hubs show
 * betweenness alike). CSV and JSON write every value exactly, whatever is said here.
 */
#ifndef PARTNET_TOOLS_FIGURES_H
#define PARTNET_TOOLS_FIGURES_H

#include <partnet/metrics.h>

/**
 * The decimals a text table shows for the figure named @p name (a measure of `rank --by`, a
 * figure of `stats`, `growth`, `clusters` or `coverage`), or -1 for a count, shown whole.
 * Names are compared without case, spaces and '-' read as '_' ("mean pairwise NMI").
 */
int figure_digits(const char *name);

/** figure_digits() of a measure: -1 for the integer ones. */
int measure_digits(pn_measure_t measure);

/** @p value as a text table shows the figure @p name: "460.7", "0.026724", "12". */
void figure_format(char *out, size_t size, const char *name, double value);

#endif
