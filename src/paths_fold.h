/*
 * A graph with its hanging trees folded into their roots (private to the library): the
 * degree-1 vertices removed again and again until none is left, as in Baglioni, Geraci, Pellegrini
 * and Lastres, "Fast exact computation of betweenness centrality in social networks" (2012).
 *
 * What is left is the core: the 2-core of every component with a cycle, one vertex of every tree
 * component, every isolated vertex. Each folded vertex hangs, through a tree of folded vertices,
 * from exactly one core vertex, its root; a root and the vertices hanging from it are its blob.
 * Every path from a folded vertex to a vertex outside its blob goes through the root, so the
 * shortest-path measures of the whole graph follow from a breadth-first search per core vertex,
 * weighted by the blob sizes, plus sums over each blob's tree.
 *
 * The core is renumbered 0 .. core_count - 1, component by component in breadth-first order
 * (neighbours close in memory). The structure owns all its arrays; pn_fold__destroy frees them.
 */
#ifndef PN_SRC_PATHS_FOLD_H
#define PN_SRC_PATHS_FOLD_H

#include "paths.h"

#include <stdint.h>

typedef struct {
    igraph_integer_t n;          /* vertices of the graph */
    igraph_integer_t core_count; /* vertices of the core */
    pn_csr_t core;               /* the core's edges, in core numbers */
    int32_t *vertex;             /* core_count: the graph vertex of each core number */
    int32_t *weight;             /* core_count: the size of its blob (1 + vertices hanging) */
    int32_t *component;          /* core_count: the size of its component in the graph */
    /* core_count: its component's core numbers, component_first[i] .. component_end[i] - 1 */
    int32_t *component_first, *component_end;
    /* the folded vertices of core number i's blob, root excluded, in breadth-first order from
     * the root: member[member_start[i] .. member_start[i + 1]) (graph vertices) */
    igraph_integer_t *member_start;
    int32_t *member;
    /* how many vertices of core number i's blob are at depth 0, 1, ...:
     * histogram[histogram_start[i] .. histogram_start[i + 1]) (the root at depth 0) */
    igraph_integer_t *histogram_start;
    int64_t *histogram;
    int32_t *root;  /* n: the core number of the vertex's root (its own for a core vertex) */
    int32_t *depth; /* n: its distance to its root */
    /* n: the unordered pairs of vertices whose shortest path goes through the vertex and stays
     * in its blob (the folded vertex's whole betweenness; a root's share from pairs of vertices
     * hanging from it on different sides), or NULL when not asked for */
    double *tree_betweenness;
} pn_fold_t;

/**
 * Fold the hanging trees of @p graph into their roots; with @p fold_leaves 0, keep every vertex
 * in the core (the same structure, nothing folded: the sampled estimates need every source).
 * @p betweenness: fill tree_betweenness.
 * O(N + M).
 * @return 0 or PN_ENOMEM
 */
int pn_fold__build(pn_fold_t *out, const pn_csr_t *graph, int fold_leaves, int betweenness);
void pn_fold__destroy(pn_fold_t *fold);

#endif
