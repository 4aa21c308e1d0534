/*
 * Drawings of a graph view (see graph.h) with Cairo and Pango: nodes sized by a centrality
 * measure and coloured by country with a legend, the largest ones named, at partnet's own
 * positions (layout.h): on a map when the nodes have coordinates, force-directed otherwise.
 * A network with more nodes than a picture can show apart is drawn as its backbone, and the
 * legend says so. Part of libpartnet-draw (link with `pkg-config --libs partnet-draw`), not of
 * libpartnet, so that programs that only analyse need neither Cairo nor Pango.
 */
#ifndef PARTNET_DRAW_H
#define PARTNET_DRAW_H

#include <partnet/common.h>
#include <partnet/graph.h>
#include <partnet/metrics.h>

PN_BEGIN_DECLS

typedef enum {
    PN_DRAW_SVG = 0, /**< vector, with each node's name and country as a tooltip */
    PN_DRAW_PNG,     /**< bitmap */
    PN_DRAW_PDF      /**< vector, for print */
} pn_draw_format_t;

typedef enum {
    /** map when every vertex has coordinates, force otherwise */
    PN_LAYOUT_AUTO = 0,
    /** Nodes at their coordinates, as pn_layout_map() places them. */
    PN_LAYOUT_MAP,
    /** pn_layout_force(), seed 1. */
    PN_LAYOUT_FORCE
} pn_layout_t;

/** The lines of a map. */
typedef enum {
    PN_ARCS_GREAT_CIRCLE = 0, /**< the shortest way on the globe, curved on the map */
    PN_ARCS_STRAIGHT          /**< straight on the map */
} pn_arcs_t;

typedef struct {
    unsigned version;
    pn_draw_format_t format;
    pn_layout_t layout;
    /** Node area grows with this measure (computed as pn_centrality_compute() does): the smallest
     *  value gets the smallest disc, the largest a disc 5 times as wide. */
    pn_measure_t size_by;
    /** Name the nodes with the largest values of size_by, this many (ties by id); 0: none. */
    int labels;
    /** A line drawn above the legend (the dataset and the view), or NULL. */
    const char *title;
    /** Pixels across (PNG; SVG and PDF at 96 per inch), PN_DRAW_WIDTH_MIN to
     *  PN_DRAW_WIDTH_MAX; 0: PN_DRAW_WIDTH. Sizes of discs, lines and text grow with it. */
    int width;
    /** With more vertices than this, draw the backbone: the max_nodes vertices with the
     *  largest values of size_by (ties by id), less those left without a partner among them,
     *  and the edges between them; the legend says so. 0: every vertex. */
    int max_nodes;
    /** The lines between nodes with coordinates on a map. */
    pn_arcs_t arcs;
    /** The country outlines under a map: GMT's Digital Chart of the World, the netCDF file of
     *  Debian's gmt-dcw (dcw-gmt.nc); NULL: where it was found at build time. */
    const char *outlines;
    /** Called with what the drawing does next ("laying out 1500 nodes (force)"), or NULL. */
    void (*progress)(void *arg, const char *message);
    void *progress_arg;
} pn_draw_options_t;

/** The default width: the legend's text is 18 pixels tall, the discs 3 to 14 pixels across. */
#define PN_DRAW_WIDTH 2000
#define PN_DRAW_WIDTH_MIN 200
#define PN_DRAW_WIDTH_MAX 20000
/** The default max_nodes: on a picture 2000 pixels wide, each node has about 50 x 50 pixels,
 *  room for a disc and for the lines to it to be followed. */
#define PN_DRAW_MAX_NODES 1500

#define PN_DRAW_OPTIONS_VERSION 2
#define PN_DRAW_OPTIONS_INIT                                                                       \
    {.version = PN_DRAW_OPTIONS_VERSION, .format = PN_DRAW_SVG, .layout = PN_LAYOUT_AUTO,          \
     .size_by = PN_MEASURE_DEGREE, .labels = 15, .max_nodes = PN_DRAW_MAX_NODES}

/**
 * The format a file name asks for, from its extension (.svg, .png, .pdf; any case).
 * @return 0, or PN_EUSAGE when the extension is none of these (message says so)
 */
PN_EXTERN int pn_draw_format_from_path(pn_draw_format_t *out, const char *path);

/**
 * Draw the graph to @p path ("-" for standard output) through pn_outfile, whole or not at all.
 *
 * Every vertex of the graph is drawn, or its backbone (see max_nodes; build the view with
 * drop_isolated to leave out nodes without an agreement). The layout is fitted to the width,
 * at most 1.25 times as tall, with the legend under it. Colours: the nine countries with the
 * most nodes drawn get a colour of their own (Tableau 10), in order of node count then code (a
 * country of a graph of countries counts for its nodes in the view); the others share grey as
 * "other". The legend names each colour's country and its number of nodes, the measure behind
 * the sizes, the title and the backbone. Disc area grows with the measure; the largest discs
 * are drawn last. The labels name the largest vertices, each on a light box beside its disc;
 * one that would run over a name already placed is left out. Edges are straight, their width
 * grows with the logarithm of the number of agreements of the pair. SVG keeps the text as
 * text and gives each disc its name and country as a tooltip. The same graph and options give
 * the same bytes in each format (a PDF carries no creation date).
 *
 * @param opts NULL for the defaults (SVG, auto layout, size by degree, 15 labels, 2000
 *        pixels, backbone above 1500 vertices)
 * @return 0; PN_EIO (the file cannot be written; an existing file is untouched); PN_ENOMEM;
 *         PN_EIGRAPH (the measure or the layout failed); PN_EUSAGE (options of another
 *         version, a width out of range)
 */
PN_EXTERN int pn_draw_write(const pn_graph_t *graph, const char *path,
                            const pn_draw_options_t *opts);

PN_END_DECLS

#endif
