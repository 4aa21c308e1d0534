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

PN_BEGIN_DECLS

typedef struct {
    unsigned version;
    /** Shown above the charts; NULL: "Growth of the partnership network". */
    const char *title;
} pn_chart_options_t;

#define PN_CHART_OPTIONS_VERSION 1
#define PN_CHART_OPTIONS_INIT {.version = PN_CHART_OPTIONS_VERSION}

/**
 * Draw two panels over the years: counts (agreements, partner pairs, nodes, the largest
 * component) and shares (largest component share, transitivity, cross-border share). The
 * format follows the file's extension: .png (1000 x 700 pixels), .svg or .pdf. Written whole
 * or not at all (pn_outfile).
 * @param opts NULL for the defaults
 * @return 0, PN_EUSAGE (unknown extension, no rows, options of another version), PN_EIO
 *         (cannot write; PLplot's message)
 */
PN_EXTERN int pn_chart_write(const pn_growth_t *growth, const char *path,
                             const pn_chart_options_t *opts);

PN_END_DECLS

#endif
