/* The HTML report page of partnet report. */
#ifndef PARTNET_TOOLS_REPORT_H
#define PARTNET_TOOLS_REPORT_H

#include <partnet/growth.h>

#include "cli.h"
#include "explorer.h"

/**
 * Write DIR/index.html (one self-contained page: pictures inline as data URIs, sortable
 * tables) and beside it the network drawing and the growth chart as network.svg and
 * growth.svg, and the explorer as explorer.html (linked from the page; when partnet has its
 * page, see explorer.h, written with @p explore's seed, sample and notes); the folder is
 * made if missing. @p graph is the network to draw.
 * @return EXIT_OK, EXIT_USAGE (the folder cannot be made) or EXIT_FAILED (message printed)
 */
int report_html(const char *dir, const pn_dataset_t *ds, const pn_graph_t *graph,
                const pn_growth_t *growth, table_t *const *tables, size_t count,
                const explorer_options_t *explore);

#endif
