/*
 * The graph of a view (see view.h) as an undirected igraph graph: the view's agreements merged
 * into a simple graph whose edge weights count the agreements of each pair.
 *
 * Vertices are the view's nodes, in dataset order, or with the view's by_country the countries
 * they are in, in dataset order. Each edge is one distinct pair of partners; the agreements
 * behind it are listed by pn_graph_edge_agreements(). Self-agreements cannot occur (the loaders
 * refuse them).
 */
#ifndef PARTNET_GRAPH_H
#define PARTNET_GRAPH_H

#include <igraph.h>
#include <partnet/common.h>
#include <partnet/dataset.h>
#include <partnet/view.h>

typedef struct pn_graph pn_graph_t;

/**
 * Build the graph of a view. With the view's by_country, each country with a node in the view
 * is a vertex, the agreements between parties of two countries are the weight of their edge,
 * and agreements within a country are counted apart (pn_graph_domestic()).
 * O(A + N) for A agreements and N nodes.
 * @param[out] out the graph; the view may be freed once it is built, the dataset must outlive it
 * @return 0, PN_ENOMEM or PN_EIGRAPH
 */
PN_EXTERN int pn_graph_new(pn_graph_t **out, const pn_view_t *view);
PN_EXTERN void pn_graph_free(pn_graph_t *graph);

/** The dataset the graph was built from (it must outlive the graph). */
PN_EXTERN const pn_dataset_t *pn_graph_dataset(const pn_graph_t *graph);
/** The simple undirected igraph graph, owned by the pn_graph_t. */
PN_EXTERN const igraph_t *pn_graph_igraph(const pn_graph_t *graph);
/** Edge weights: the number of agreements of each pair, owned by the pn_graph_t. */
PN_EXTERN const igraph_vector_t *pn_graph_weights(const pn_graph_t *graph);

PN_EXTERN igraph_integer_t pn_graph_vertex_count(const pn_graph_t *graph);
PN_EXTERN igraph_integer_t pn_graph_edge_count(const pn_graph_t *graph);
/** Number of agreements behind the edges: the view's agreements, but for the domestic ones of
 *  a graph of countries. */
PN_EXTERN size_t pn_graph_agreement_count(const pn_graph_t *graph);

/** Is this a graph of countries (by_country)? */
PN_EXTERN int pn_graph_is_by_country(const pn_graph_t *graph);
/** The dataset node of vertex @p v (the dataset country, for a graph of countries). */
PN_EXTERN uint32_t pn_graph_node(const pn_graph_t *graph, igraph_integer_t v);
/** The id of vertex @p v: its node's id, or in a graph of countries the country's code ("?"
 *  for the country of nodes that name none). Owned by the dataset. */
PN_EXTERN const char *pn_graph_vertex_id(const pn_graph_t *graph, igraph_integer_t v);
/** The name of vertex @p v: its node's or country's name, or its id when that is empty.
 *  Owned by the dataset. */
PN_EXTERN const char *pn_graph_vertex_name(const pn_graph_t *graph, igraph_integer_t v);
/** The vertex of dataset node (or country) @p node, or -1 when the view leaves it out. */
PN_EXTERN igraph_integer_t pn_graph_vertex(const pn_graph_t *graph, uint32_t node);
/** For a graph of countries: the agreements in the view between two parties of the country of
 *  vertex @p v. 0 for a graph of nodes. */
PN_EXTERN size_t pn_graph_domestic(const pn_graph_t *graph, igraph_integer_t v);

/**
 * The agreements behind edge @p e: @p count dataset agreement indices, in dataset order (for a
 * graph of countries, domestic agreements are behind no edge).
 * @return a pointer owned by the pn_graph_t.
 */
PN_EXTERN const uint32_t *pn_graph_edge_agreements(const pn_graph_t *graph, igraph_integer_t e,
                                                   size_t *count);

#endif
