/*
 * Drawings of a graph view (see graph.h) with Graphviz: nodes sized by a centrality measure and
 * coloured by country with a legend, the largest ones named, laid out on a map when the nodes
 * have coordinates. Part of libpartnet-draw (link with `pkg-config --libs partnet-draw`), not
 * of libpartnet, so that programs that only analyse need neither Graphviz nor PLplot.
 */
#ifndef PARTNET_DRAW_H
#define PARTNET_DRAW_H

#include <partnet/common.h>
#include <partnet/graph.h>
#include <partnet/metrics.h>

PN_BEGIN_DECLS

typedef enum {
    PN_DRAW_SVG = 0, /**< vector, with each node's name and country as a tooltip */
    PN_DRAW_PNG,     /**< bitmap, 96 dots per inch */
    PN_DRAW_PDF      /**< vector, for print */
} pn_draw_format_t;

typedef enum {
    /** map when every vertex has coordinates, force otherwise */
    PN_LAYOUT_AUTO = 0,
    /**
     * Nodes at their coordinates: longitude and latitude projected equirectangularly (longitude
     * scaled by the cosine of the mean latitude), pinned for Graphviz's neato, then moved apart
     * just enough that no two overlap (Graphviz's prism), so a dense country stays readable
     * and the map is distorted where nodes crowd. A node without coordinates is placed by
     * the force model among its partners. In a graph of countries a country stands at the mean
     * coordinates of its nodes that have them.
     */
    PN_LAYOUT_MAP,
    /** A force-directed layout: neato (stress majorisation) up to 2,000 vertices, sfdp above;
     *  overlaps removed (prism). */
    PN_LAYOUT_FORCE
} pn_layout_t;

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
} pn_draw_options_t;

#define PN_DRAW_OPTIONS_VERSION 1
#define PN_DRAW_OPTIONS_INIT                                                                       \
    {.version = PN_DRAW_OPTIONS_VERSION, .format = PN_DRAW_SVG, .layout = PN_LAYOUT_AUTO,          \
     .size_by = PN_MEASURE_DEGREE, .labels = 15}

/**
 * The format a file name asks for, from its extension (.svg, .png, .pdf; any case).
 * @return 0, or PN_EUSAGE when the extension is none of these (message says so)
 */
PN_EXTERN int pn_draw_format_from_path(pn_draw_format_t *out, const char *path);

/**
 * Draw the graph to @p path ("-" for standard output) through pn_outfile, whole or not at all.
 *
 * Every vertex of the graph is drawn (build the view with drop_isolated to leave out nodes
 * without an agreement). Colours: the nine countries with the most vertices get a colour of
 * their own (Tableau 10), in order of vertex count then code; the others share grey as
 * "other". The legend below the drawing names each colour's country and its number of
 * vertices, the measure behind the sizes and the title. Edges are straight, their width grows
 * with the logarithm of the number of agreements of the pair. The same graph and options give
 * the same SVG and PNG bytes. A PDF carries no creation date, but Cairo may round a text
 * position differently in its sixth decimal from one run to the next (plain `neato -Tpdf`
 * does the same), so two PDFs of one graph look the same without being byte-identical.
 *
 * Graphviz is not thread-safe: draw from one thread at a time. The first call makes a Graphviz
 * context that lives as long as the process (Graphviz 2.42 reads freed memory when a context
 * is made after another was freed).
 *
 * @param opts NULL for the defaults (SVG, auto layout, size by degree, 15 labels)
 * @return 0; PN_EIO (the file cannot be written; an existing file is untouched); PN_ENOMEM;
 *         PN_EIGRAPH (the measure failed); PN_EUSAGE (options of another version); PN_ERROR
 *         (Graphviz failed: its message is kept)
 */
PN_EXTERN int pn_draw_write(const pn_graph_t *graph, const char *path,
                            const pn_draw_options_t *opts);

PN_END_DECLS

#endif
