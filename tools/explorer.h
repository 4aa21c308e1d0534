/*
 * The explorer: one self-contained HTML page that shows the network of a view in the browser
 * (sigma.js), with the data inlined as JSON. Written by `partnet explore` and `partnet report
 * --html`. The payload's fields are described in tools/explorer/payload.md.
 */
#ifndef PARTNET_TOOLS_EXPLORER_H
#define PARTNET_TOOLS_EXPLORER_H

#include "cli.h"

/* Above this many nodes betweenness is estimated, from EXPLORER_SAMPLE sources. */
#define EXPLORER_EXACT_BETWEENNESS_MAX 5000
#define EXPLORER_SAMPLE 1000

typedef enum { EXPLORER_LAYOUT_AUTO, EXPLORER_LAYOUT_MAP, EXPLORER_LAYOUT_FORCE } explorer_layout_t;

typedef struct {
    const char *cmd;           /* for messages: "explore", "report" */
    const char *description;   /* the dataset and the view, one line, under the title */
    explorer_layout_t layout;  /* auto: both when coordinates exist, the map shown first when
                                  every vertex has them */
    unsigned long seed;        /* Louvain, the force layout and the betweenness sample */
    long sample;               /* betweenness sources; 0 exact; -1 automatic (see above) */
    int quiet;                 /* no notes on stderr */
    int sample_noted;          /* the command has noted the betweenness sample already */
} explorer_options_t;

#define EXPLORER_OPTIONS_INIT {"explore", NULL, EXPLORER_LAYOUT_AUTO, 1, -1, 0, 0}

/** Was partnet built with the explorer's page (tools/explorer/install before meson setup)? */
int explorer_available(void);

/**
 * Write the explorer page of the view @p view of @p ds to @p path, whole or not at all; notes
 * the seed and the betweenness sample on stderr. The page shows the nodes with an agreement in
 * the view; measures, ranks and communities are those of the view with every node, as
 * partnet rank and clusters compute them.
 * @return EXIT_OK, EXIT_USAGE (an unknown country; --layout map without coordinates) or
 *         EXIT_FAILED (printed)
 */
int explorer_write(const char *path, const pn_dataset_t *ds, const pn_view_options_t *view,
                   const explorer_options_t *opts);

#endif
