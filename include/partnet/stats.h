/*
 * The network in one table: the global figures published studies of twinning networks report,
 * so that partnet's numbers can be set beside a paper's table.
 *
 * All figures are of the view's simple graph (one edge per pair of partners), isolated nodes
 * included, unweighted unless said otherwise:
 * - nodes, edges (distinct partner pairs), agreements (in the view), isolated (nodes without
 *   one), countries (with a node in the view; nodes that name no country are in none),
 *   cross_border_share (agreements between parties of two countries, over the agreements
 *   whose two parties both name a country; NaN without such agreements);
 * - density: 2 E / (N (N - 1)); 0 when N < 2. mean_degree: 2 E / N;
 * - components (isolated nodes count as components) and largest_component (its node count);
 * - transitivity: global, 3 x triangles / connected triples (0 without triples), as
 *   igraph_transitivity_undirected and NetworkX transitivity;
 * - average_clustering: the mean of the local clustering coefficient over all nodes, nodes of
 *   degree < 2 counting 0 (NetworkX average_clustering; igraph's avglocal with mode "zero");
 * - degree_assortativity: Pearson correlation of the degrees at either end of the edges
 *   (NetworkX degree_assortativity_coefficient); country_assortativity: nominal assortativity
 *   by country (NetworkX attribute_assortativity_coefficient). NaN where undefined (no edge, or
 *   no variance);
 * - max_coreness and max_core_size (nodes in the main core);
 * - mean_distance_lcc and diameter_lcc: mean shortest-path length over ordered pairs of distinct
 *   nodes of the largest component, and its longest shortest path (NetworkX
 *   average_shortest_path_length and diameter of that component); 0 for a component of one;
 * - gini_degree: Gini coefficient of the degrees of all nodes, sum_i sum_j |d_i - d_j| /
 *   (2 N^2 mean degree); 0 when every degree is 0.
 * Cost: O(N M) for the distances (one BFS per node of the largest component, on every core),
 * O(M^1.5) for the triangles, O(M) for the rest.
 */
#ifndef PARTNET_STATS_H
#define PARTNET_STATS_H

#include <partnet/common.h>
#include <partnet/graph.h>
#include <partnet/metrics.h>

PN_BEGIN_DECLS

typedef struct {
    igraph_integer_t nodes, edges;
    size_t agreements;
    igraph_integer_t isolated, countries;
    double cross_border_share;
    double density, mean_degree;
    igraph_integer_t components, largest_component;
    double transitivity, average_clustering;
    double degree_assortativity, country_assortativity;
    igraph_integer_t max_coreness, max_core_size;
    double mean_distance_lcc;
    igraph_integer_t diameter_lcc;
    double gini_degree;
} pn_stats_t;

typedef struct {
    unsigned version;
    /** Threads for the distances; 0: one per core. The figures do not depend on it. */
    int threads;
    /** Called during the distance computation when not NULL. */
    pn_progress_fn *progress;
    void *progress_data;
} pn_stats_options_t;

#define PN_STATS_OPTIONS_VERSION 1
#define PN_STATS_OPTIONS_INIT {.version = PN_STATS_OPTIONS_VERSION}

/**
 * Compute every figure.
 * @param[out] out the figures
 * @param opts NULL for the defaults
 * @return 0, PN_ENOMEM, PN_EIGRAPH, PN_EUSAGE (options of another version) or PN_ERROR
 *         (stopped by the progress callback)
 */
PN_EXTERN int pn_stats_compute(pn_stats_t *out, const pn_graph_t *graph,
                               const pn_stats_options_t *opts);

/**
 * The Gini coefficient of @p n non-negative values, sum_i sum_j |x_i - x_j| / (2 n^2 mean): 0
 * when they are all equal or sum to 0, (n - 1) / n when one holds everything. O(n log n).
 * @param[out] out the coefficient
 * @return 0 or PN_ENOMEM
 */
PN_EXTERN int pn_stats_gini(double *out, const double *values, size_t n);

PN_END_DECLS

#endif
