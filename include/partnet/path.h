/*
 * A shortest path between two nodes of a graph view (see graph.h): how one region reaches
 * another through partners of partners, in steps of one pair of partners each (unweighted:
 * every pair is one step, whatever its number of agreements).
 *
 * Of several shortest paths, the one given is the one whose vertex ids come first, step by
 * step: from the start, the next vertex is the neighbour one step nearer the end with the
 * smallest id (byte order). The number of shortest paths is counted as NetworkX's
 * all_shortest_paths would list them.
 */
#ifndef PARTNET_PATH_H
#define PARTNET_PATH_H

#include <igraph.h>
#include <partnet/common.h>
#include <partnet/graph.h>

PN_BEGIN_DECLS

typedef struct {
    igraph_integer_t from, to;  /**< the two vertices asked about */
    igraph_integer_t distance;  /**< steps of the shortest paths; -1 when not connected */
    double count;               /**< number of shortest paths (exact up to 2^53); 1 from a
                                     vertex to itself, 0 when not connected */
    size_t length;              /**< vertices on the path: distance + 1, or 0 when none */
    igraph_integer_t *vertices; /**< the path's vertices, from `from` to `to` */
    igraph_integer_t *edges;    /**< its length - 1 edges (pn_graph_edge_agreements() says
                                     which agreements are behind each) */
} pn_path_t;

/**
 * A shortest path from @p from to @p to. One breadth-first search from @p to, O(N + M).
 * @param[out] out the path; pn_path_free() it
 * @return 0, PN_EUSAGE (a vertex out of range) or PN_ENOMEM
 */
PN_EXTERN int pn_path_new(pn_path_t **out, const pn_graph_t *graph, igraph_integer_t from,
                          igraph_integer_t to);
/** Free a path. NULL does nothing. */
PN_EXTERN void pn_path_free(pn_path_t *path);

PN_END_DECLS

#endif
