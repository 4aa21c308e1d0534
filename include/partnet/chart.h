/*
 * The growth chart: the main series of partnet growth as PNG, SVG or PDF, drawn with Cairo and
 * Pango on the drawings' canvas. Part of libpartnet-draw (link with
 * `pkg-config --libs partnet-draw`), not of libpartnet.
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
 * Draw two panels of lines over the years, each with its axes, ticks, grid and legend: counts
 * (agreements, partner pairs, nodes, the largest component) and shares (largest component
 * share, transitivity, cross-border share; a year where a share is undefined is a gap). A dot
 * marks each year when there are at most 60. The format follows the file's extension: .png
 * (1000 x 720 pixels, whatever the number of years), .svg or .pdf (the same size at 96 pixels
 * an inch). Written whole or not at all (pn_outfile).
 * @param opts NULL for the defaults
 * @return 0, PN_EUSAGE (unknown extension, no rows, options of another version), PN_EIO
 *         (cannot write), PN_ENOMEM
 */
PN_EXTERN int pn_chart_write(const pn_growth_t *growth, const char *path,
                             const pn_chart_options_t *opts);

PN_END_DECLS

#endif
