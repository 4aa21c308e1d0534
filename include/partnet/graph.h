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

PN_BEGIN_DECLS

typedef struct pn_graph pn_graph_t;

/**
 * Build the graph of a view. With the view's by_country, each country with a node in the view
 * is a vertex, the agreements between parties of two countries are the weight of their edge,
 * and agreements within a country are counted apart (pn_graph_vertex_domestic()). Nodes that
 * name no country are no country: they and their agreements are left out.
 * O(A + N) for A agreements and N nodes.
 * @param[out] out the graph; the view may be freed once it is built, the dataset must outlive it
 * @return 0, PN_ENOMEM or PN_EIGRAPH
 */
PN_EXTERN int pn_graph_new(pn_graph_t **out, const pn_view_t *view);
PN_EXTERN void pn_graph_free(pn_graph_t *graph);

/**
 * The subgraph induced by some vertices of a graph: those vertices, in the order they have in
 * @p graph (whatever the order of @p vertices), and the edges between them with their weights
 * and agreements. What each vertex stands for is kept (its node or country, a country's
 * domestic agreements and members). For a picture of the most important part of a network
 * too large to show whole. O(N + M + A).
 * @param vertices vertices of @p graph; repeats count once
 * @param[out] out the subgraph; @p graph may be freed once it is built, the dataset must
 *             outlive it
 * @return 0, PN_ENOMEM or PN_EIGRAPH
 */
PN_EXTERN int pn_graph_subgraph(pn_graph_t **out, const pn_graph_t *graph,
                                const igraph_integer_t *vertices, size_t count);

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

/** Is this a graph of countries (the view's by_country)? For what a whole file says of its
 *  vertices; ask a vertex what it is with the accessors below. */
PN_EXTERN int pn_graph_is_by_country(const pn_graph_t *graph);

/* What vertex v stands for. A vertex is a dataset node, or in a graph of countries a country. */

/** The dataset node of vertex @p v; PN_NONE in a graph of countries. */
PN_EXTERN uint32_t pn_graph_vertex_node(const pn_graph_t *graph, igraph_integer_t v);
/** The dataset country of vertex @p v: its node's country, or the country it is. */
PN_EXTERN uint32_t pn_graph_vertex_country(const pn_graph_t *graph, igraph_integer_t v);
/** The level of vertex @p v: its node's, or PN_LEVEL_COUNTRY for a country. */
PN_EXTERN pn_level_t pn_graph_vertex_level(const pn_graph_t *graph, igraph_integer_t v);
/** The id of vertex @p v: its node's id, or a country's code as pn_dataset_country_code()
 *  gives it. Owned by the dataset. */
PN_EXTERN const char *pn_graph_vertex_id(const pn_graph_t *graph, igraph_integer_t v);
/** The name of vertex @p v: its node's or country's name, or its id when that is empty.
 *  Owned by the dataset. */
PN_EXTERN const char *pn_graph_vertex_name(const pn_graph_t *graph, igraph_integer_t v);
/** The agreements in the view between two parties of the country vertex @p v stands for; 0
 *  for a node. */
PN_EXTERN size_t pn_graph_vertex_domestic(const pn_graph_t *graph, igraph_integer_t v);

/** How many of the view's nodes vertex @p v stands for: 1 for a node, the country's nodes in
 *  the view for a country (what a legend of a graph of countries counts). */
PN_EXTERN size_t pn_graph_vertex_members(const pn_graph_t *graph, igraph_integer_t v);

/** The vertex of dataset node @p node, or -1 when the view leaves it out or the vertices are
 *  countries. */
PN_EXTERN igraph_integer_t pn_graph_node_vertex(const pn_graph_t *graph, uint32_t node);
/** The vertex of dataset country @p country in a graph of countries, or -1 when there is none
 *  (or the vertices are nodes). */
PN_EXTERN igraph_integer_t pn_graph_country_vertex(const pn_graph_t *graph, uint32_t country);

/**
 * Order @p count vertices in place by decreasing @p value (indexed by vertex), ties by id: the
 * order every ranking and listing of partnet follows, so that it is the same on every run.
 * O(count log count).
 * @return 0 or PN_ENOMEM (the vertices are left as they were)
 */
PN_EXTERN int pn_graph_sort_vertices(igraph_integer_t *vertices, size_t count,
                                     const pn_graph_t *graph, const double *value);

/** A country and how many vertices of a set are in it. */
typedef struct {
    uint32_t country;  /**< dataset country index */
    const char *code;  /**< as pn_dataset_country_code() gives it, owned by the dataset */
    size_t vertices;
} pn_country_tally_t;

/**
 * The countries of @p count vertices (every vertex of the graph when @p vertices is NULL), most
 * vertices first, ties by code: the order of a legend's colours or of a community's country
 * mix. A vertex that is a country counts for itself. O(N log N) for N vertices (N + C log C
 * when they are more than the dataset's C countries).
 * @param[out] out room for pn_dataset_country_count() tallies
 * @return how many countries have at least one of the vertices (the first ones of @p out)
 */
PN_EXTERN size_t pn_graph_tally_countries(pn_country_tally_t *out, const pn_graph_t *graph,
                                          const igraph_integer_t *vertices, size_t count);

/**
 * The agreements behind edge @p e, in dataset order (for a graph of countries, domestic
 * agreements are behind no edge).
 * @param[out] out their dataset indices, owned by the graph
 * @return how many
 */
PN_EXTERN size_t pn_graph_edge_agreements(const uint32_t **out, const pn_graph_t *graph,
                                          igraph_integer_t e);

PN_END_DECLS

#endif
