/*
 * What the library's exports need of a graph beyond partnet/graph.h (private to the library):
 * a graph of a view's nodes and agreements without the pairs, which costs a pass over the view
 * where pn_graph_new() sorts every agreement and builds the igraph graph.
 */
#ifndef PN_SRC_GRAPH_H
#define PN_SRC_GRAPH_H

#include <partnet/graph.h>

/**
 * The vertices of pn_graph_new() (the view's nodes, numbered as there) and the view's
 * agreements in dataset order, without the edges: only pn_graph_free(), pn_graph_dataset(),
 * the vertex functions, pn_graph_node_vertex(), pn_graph_agreement_count(),
 * pn_graph_is_by_country() and pn_graph__agreements_in_order() may be called on it. O(N + A).
 * @param view a view without by_country
 * @return 0 or PN_ENOMEM
 */
int pn_graph__new_agreements(pn_graph_t **out, const pn_view_t *view);

/** The agreements of a graph made by pn_graph__new_agreements(), in dataset order
 *  (pn_graph_agreement_count() of them), owned by the graph; NULL for any other graph. */
const uint32_t *pn_graph__agreements_in_order(const pn_graph_t *graph);

#endif
