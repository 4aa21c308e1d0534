/*
 * The growth chart: the main series of partnet growth drawn with PLplot, as PNG, SVG or PDF.
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
