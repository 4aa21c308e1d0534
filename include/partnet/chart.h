/*
 * The growth chart: the main series of partnet growth drawn with PLplot, as PNG, SVG or PDF.
 * Part of libpartnet-draw (link with `pkg-config --libs partnet-draw`), not of libpartnet.
 *
 * PLplot keeps its state in the process and ends the process on an error unless its exit
 * handler leaves first. While a chart is drawn, its exit handler jumps back to a jump point
 * kept in a process-wide variable, and the error becomes a status. So draw one chart at a time
 * in the process, and use PLplot for nothing else meanwhile.
 */
#ifndef PARTNET_CHART_H
#define PARTNET_CHART_H

#include <partnet/common.h>
#include <partnet/growth.h>

/**
 * Draw two panels over the years: counts (agreements, partner pairs, nodes, the largest
 * component) and shares (largest component share, transitivity, cross-border share). The
 * format follows the file's extension: .png (1000 x 700 pixels), .svg or .pdf. Written whole
 * or not at all (pn_outfile).
 * @param title shown above the charts, or NULL
 * @return 0, PN_EUSAGE (unknown extension, no rows), PN_EIO (cannot write; PLplot's message)
 */
PN_EXTERN int pn_growth_chart(const pn_growth_t *growth, const char *path, const char *title);

#endif
